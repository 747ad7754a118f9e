import {
  bundleFigures,
  bundlePartProblems,
  bundleProblems,
  COMBINED_FORM,
  partAsItem,
  type BundleInput,
  type BundleItem,
  type BundlePart,
} from './service-bundles';
import { CONSTRUCTION_APPROVAL_LIMIT_DAYS } from './procedures';

const m = (name: string, shared = false) => ({ name, shared });
const item = (over: Partial<BundleItem> & Pick<BundleItem, 'itemId'>): BundleItem => ({
  department: '区市场监督管理局',
  stage: 1,
  promisedDays: 3,
  visits: 1,
  materials: null,
  materialsCount: null,
  ...over,
});

describe('bundleFigures: 开办企业 against one by one', () => {
  const licence = item({
    itemId: 1,
    promisedDays: 1,
    materials: [m('《企业设立登记申请表》'), m('申请人居民身份证', true), m('场所使用证明（产权证明或租赁合同）'), m('承诺书')],
  });
  const social = item({
    itemId: 2,
    department: '区人力资源和社会保障局',
    stage: 2,
    promisedDays: 2,
    materials: [m('《社会保险登记申请表》'), m('营业执照', true), m('承诺书')],
  });
  const jobs = item({
    itemId: 3,
    department: '区人力资源和社会保障局',
    stage: 2,
    promisedDays: 0,
    visits: 0,
    materials: [m('《就业失业登记申请表》'), m('场所使用证明（产权证明或租赁合同）')],
  });
  const seal = item({ itemId: 4, department: '区公安分局', stage: 2, promisedDays: 1, materialsCount: 2 });

  it('merges the forms into one and a material several items ask for into one; shared ones are not handed in', () => {
    const f = bundleFigures([licence, social, jobs, seal]);
    expect(f).toEqual({
      items: 4,
      departments: 3,
      stages: 2,
      oneByOneDays: 4,
      combinedDays: 1 + 2,
      daysSaved: 1,
      oneByOneMaterials: 3 + 2 + 2 + 2,
      bundleMaterials: 3 + 2,
      materialsSaved: 4,
      oneByOneVisits: 3,
      bundleVisits: 1,
      visitsSaved: 2,
      materialList: [COMBINED_FORM, '场所使用证明（产权证明或租赁合同）', '承诺书'],
      limitDays: null,
      withinLimit: null,
    });
  });

  it.each([
    ['an empty bundle', [], { items: 0, combinedDays: 0, bundleVisits: 0, bundleMaterials: 0 }],
    ['one stage runs side by side: the longest limit', [item({ itemId: 1, promisedDays: 5 }), item({ itemId: 2, promisedDays: 8 })], { combinedDays: 8, oneByOneDays: 13, stages: 1 }],
    ['stages one after another: the sum', [item({ itemId: 1, promisedDays: 5 }), item({ itemId: 2, stage: 2, promisedDays: 8 })], { combinedDays: 13, daysSaved: 0, stages: 2 }],
    ['an item without a promised limit counts 0', [item({ itemId: 1, promisedDays: null }), item({ itemId: 2, stage: 2, promisedDays: 8 })], { combinedDays: 8 }],
  ] as Array<[string, BundleItem[], Record<string, number>]>)('%s', (_name, items, expected) => {
    expect(bundleFigures(items)).toMatchObject(expected);
  });

  // One by one every item needs its own trips to its own window; the bundle's one window takes all in and hands all out at once.
  it.each([
    ['every item online', [0, 0, 0], { oneByOneVisits: 0, bundleVisits: 0, visitsSaved: 0 }],
    ['one item needs a trip', [0, 1, 0], { oneByOneVisits: 1, bundleVisits: 1, visitsSaved: 0 }],
    ['two items a trip each', [1, 1, 0], { oneByOneVisits: 2, bundleVisits: 1, visitsSaved: 1 }],
    ['two or more visits and one', [2, 1], { oneByOneVisits: 3, bundleVisits: 1, visitsSaved: 2 }],
    ['licence online, seal, invoice and bank a trip each', [0, 0, 1, 1, 0, 1], { oneByOneVisits: 3, bundleVisits: 1, visitsSaved: 2 }],
  ] as Array<[string, number[], Record<string, number>]>)('visits: %s', (_name, visits, expected) => {
    expect(bundleFigures(visits.map((v, k) => item({ itemId: k + 1, visits: v })))).toMatchObject(expected);
  });

  it('counts outside parts (seal, invoice, bank) like items', () => {
    const seal: BundlePart = {
      name: '公章刻制',
      department: '沈阳市公安局苏家屯分局',
      stage: 2,
      promisedDays: 1,
      visits: 1,
      visitsReason: '需到刻章企业领取印章',
      materials: [m('营业执照', true), m('法定代表人居民身份证', true)],
    };
    const bank: BundlePart = { ...seal, name: '银行开户', department: '开户银行', visits: 1, visitsReason: '需法定代表人到银行面签', materials: [m('《开户申请表》'), m('承诺书')] };
    const f = bundleFigures([{ ...licence, visits: 0 }, partAsItem(seal), partAsItem(bank)]);
    expect(f).toMatchObject({ items: 3, departments: 3, stages: 2, combinedDays: 2, oneByOneVisits: 2, bundleVisits: 1, visitsSaved: 1 });
    expect(f.materialList).toEqual([COMBINED_FORM, '场所使用证明（产权证明或租赁合同）', '承诺书']);
    expect(f).toMatchObject({ oneByOneMaterials: 3 + 0 + 2, bundleMaterials: 3, materialsSaved: 2 });
  });

  it('checks the cap', () => {
    expect(bundleFigures([licence, social], 3)).toMatchObject({ combinedDays: 3, withinLimit: true, limitDays: 3 });
    expect(bundleFigures([licence, social], 2)).toMatchObject({ withinLimit: false });
  });
});

describe('bundleProblems: construction approval within 50 working days', () => {
  // 立项用地规划许可 → 工程建设许可 → 施工许可 → 竣工验收.
  const construction = (days: [number, number, number, number]): BundleInput['items'] => [
    { itemId: 1, stage: 1, promisedDays: days[0] },
    { itemId: 2, stage: 2, promisedDays: days[1] },
    { itemId: 3, stage: 2, promisedDays: 4 },
    { itemId: 4, stage: 3, promisedDays: days[2] },
    { itemId: 5, stage: 4, promisedDays: days[3] },
  ];
  const input = (over: Partial<BundleInput>): BundleInput => ({
    name: '工程建设项目审批（立项到竣工验收）',
    items: construction([12, 15, 8, 15]),
    limitDays: CONSTRUCTION_APPROVAL_LIMIT_DAYS,
    ...over,
  });
  it.each([
    ['50 working days exactly', input({}), []],
    ['51 working days', input({ items: construction([12, 15, 9, 15]) }), ['input.limitDays']],
    ['no cap', input({ items: construction([30, 30, 30, 30]), limitDays: null }), []],
    ['a cap of 0', input({ limitDays: 0 }), ['input.limitDays']],
    ['a cap of 12.5', input({ limitDays: 12.5 }), ['input.limitDays']],
    ['an empty name', input({ name: ' ' }), ['input.name']],
    ['one item', input({ items: [{ itemId: 1, stage: 1, promisedDays: 3 }], limitDays: null }), ['input.items']],
    [
      'an item twice',
      input({ items: [{ itemId: 1, stage: 1, promisedDays: 3 }, { itemId: 1, stage: 2, promisedDays: 3 }], limitDays: null }),
      ['input.items[1].itemId'],
    ],
    [
      'stage 0',
      input({ items: [{ itemId: 1, stage: 0, promisedDays: 3 }, { itemId: 2, stage: 1, promisedDays: 3 }], limitDays: null }),
      ['input.items[0].stage'],
    ],
    [
      'stages 1 and 3',
      input({ items: [{ itemId: 1, stage: 1, promisedDays: 3 }, { itemId: 2, stage: 3, promisedDays: 3 }], limitDays: null }),
      ['input.items'],
    ],
    [
      'an item without a promised limit, with a cap',
      input({ items: [{ itemId: 1, stage: 1, promisedDays: null }, { itemId: 2, stage: 2, promisedDays: 3 }] }),
      ['input.items[0].itemId'],
    ],
  ] as Array<[string, BundleInput, string[]]>)('%s', (_name, bundle, fields) => {
    expect(bundleProblems(bundle).map((p) => p.field)).toEqual(fields);
  });

  const part = (over: Partial<BundlePart>): BundlePart => ({
    name: '首次申领发票及税控设备',
    department: '国家税务总局沈阳市苏家屯区税务局',
    stage: 2,
    promisedDays: 1,
    visits: 1,
    visitsReason: '需现场领取税务UKey和纸质发票',
    materials: [{ name: '营业执照', shared: true }],
    ...over,
  });
  it.each([
    ['a right part', part({}), []],
    ['online, no reason', part({ visits: 0, visitsReason: null }), []],
    ['no name', part({ name: ' ' }), ['p.name']],
    ['no body', part({ department: '' }), ['p.department']],
    ['stage 0', part({ stage: 0 }), ['p.stage']],
    ['a limit of 1.5 days', part({ promisedDays: 1.5 }), ['p.promisedDays']],
    ['a negative limit', part({ promisedDays: -1 }), ['p.promisedDays']],
    ['3 visits', part({ visits: 3 }), ['p.visits']],
    ['a visit without a reason', part({ visitsReason: ' ' }), ['p.visitsReason']],
    ['a material without a name', part({ materials: [{ name: '', shared: false }] }), ['p.materials[0].name']],
    ['a material twice', part({ materials: [{ name: '承诺书', shared: false }, { name: '承诺书 ', shared: false }] }), ['p.materials[1].name']],
  ] as Array<[string, BundlePart, string[]]>)('outside part: %s', (_name, p, fields) => {
    expect(bundlePartProblems(p, 'p').map((x) => x.field)).toEqual(fields);
  });

  it.each([
    ['one item and one outside part', { items: [{ itemId: 1, stage: 1, promisedDays: 3 }], parts: [part({})] }, []],
    ['outside parts only', { items: [], parts: [part({ stage: 1 }), part({ name: '银行开户', stage: 1 })] }, ['input.items']],
    ['an outside part twice', { items: [{ itemId: 1, stage: 1, promisedDays: 3 }], parts: [part({}), part({})] }, ['input.parts[1].name']],
    ['an outside part leaves a gap', { items: [{ itemId: 1, stage: 1, promisedDays: 3 }], parts: [part({ stage: 3 })] }, ['input.items']],
    ['a wrong outside part', { items: [{ itemId: 1, stage: 1, promisedDays: 3 }], parts: [part({ visits: 5 })] }, ['input.parts[0].visits']],
  ] as Array<[string, Pick<BundleInput, 'items' | 'parts'>, string[]]>)('bundle with outside parts: %s', (_name, b, fields) => {
    expect(bundleProblems({ name: '开办企业', limitDays: null, ...b }).map((p) => p.field)).toEqual(fields);
  });

  it('counts an outside part in the combined limit against the cap', () => {
    const b = { name: '开办企业', items: [{ itemId: 1, stage: 1, promisedDays: 1 }], parts: [part({ promisedDays: 3 })] };
    expect(bundleProblems({ ...b, limitDays: 4 })).toEqual([]);
    expect(bundleProblems({ ...b, limitDays: 3 })[0]).toEqual({ field: 'input.limitDays', reason: '合计承诺时限 4 个工作日，超过上限 3 个工作日' });
  });

  it('says by how much the combined limit is over the cap', () => {
    expect(bundleProblems(input({ items: construction([12, 15, 9, 15]) }))[0].reason).toBe('合计承诺时限 51 个工作日，超过上限 50 个工作日');
  });
});
