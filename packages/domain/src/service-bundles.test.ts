import {
  bundleFigures,
  bundleProblems,
  COMBINED_FORM,
  type BundleInput,
  type BundleItem,
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
    ['two or more visits', [item({ itemId: 1, visits: 2 }), item({ itemId: 2, visits: 1 })], { oneByOneVisits: 3, bundleVisits: 2, visitsSaved: 1 }],
  ] as Array<[string, BundleItem[], Record<string, number>]>)('%s', (_name, items, expected) => {
    expect(bundleFigures(items)).toMatchObject(expected);
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

  it('says by how much the combined limit is over the cap', () => {
    expect(bundleProblems(input({ items: construction([12, 15, 9, 15]) }))[0].reason).toBe('合计承诺时限 51 个工作日，超过上限 50 个工作日');
  });
});
