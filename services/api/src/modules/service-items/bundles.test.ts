import { AuditRecord } from '../../core/audit/audit-record.entity';
import { Area } from '../../core/areas/area.entity';
import { DRIVERS, errorCode, startTestServer, type TestServer } from '../../testing/harness';

const item = (name: string, department: string, promisedLimitDays: number, visits: number) => ({
  basicCode: '0100105000',
  implementationCode: `BUNDLE-${name}`,
  name,
  type: 'ADMINISTRATIVE_LICENSE',
  department,
  byApplication: true,
  onlineDepth: visits === 0 ? 'FULLY_ONLINE' : 'PARTLY_ONLINE',
  visits,
  visitsReason: visits ? '需现场核验原件' : null,
  caseKind: 'PROMISED',
  legalLimitDays: promisedLimitDays * 4,
  promisedLimitDays,
  materialsNow: 3,
  highFrequency: false,
});
const guide = (materials: Array<[string, boolean]>) => ({
  conditions: '企业',
  materials: materials.map(([name, shared]) => ({ name, form: 'ORIGINAL', copies: 1, source: '申请人自备', shared })),
  steps: [{ title: '申请' }],
  place: '苏家屯区政务服务中心',
  hours: '周一至周五',
  fees: [],
  pauses: [],
  contactPhone: '024-12345',
  complaintPhone: '12345',
  faq: [],
});
const SAVE = `mutation($d: ID!, $id: ID, $v: Int, $i: ServiceBundleInput!) { saveServiceBundle(districtId: $d, id: $id, expectedVersion: $v, input: $i) {
  id name version limitDays items { stage hasGuide item { name } }
  figures { items departments stages oneByOneDays combinedDays daysSaved oneByOneMaterials bundleMaterials materialsSaved oneByOneVisits bundleVisits visitsSaved materialList limitDays withinLimit } } }`;

describe.each(DRIVERS)('一件事 bundles [%s]', (driver) => {
  let t: TestServer;
  let ids: Record<string, string>;
  const tokens: Record<string, string> = {};
  const items: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestServer(driver);
    const areas = await t.server.db.getRepository(Area).find();
    ids = Object.fromEntries(areas.map((a) => [a.name, String(a.id)]));
    for (const u of ['admin.sujiatun', 'admin.dadong', 'analyst']) tokens[u] = await t.login(u);
    const make = async (name: string, department: string, days: number, visits: number, materials: Array<[string, boolean]> | null) => {
      const res = await t.gql<{ createServiceItem: { id: string } }>(
        'mutation($d: ID!, $i: ServiceItemInput!) { createServiceItem(districtId: $d, input: $i) { id } }',
        { d: ids['苏家屯区'], i: item(name, department, days, visits) },
        tokens['admin.sujiatun'],
      );
      expect(res.errors).toBeUndefined();
      items[name] = res.data!.createServiceItem.id;
      if (materials)
        expect(
          (await t.gql('mutation($id: ID!, $i: ServiceGuideInput!) { saveServiceGuide(itemId: $id, input: $i) { version } }', { id: items[name], i: guide(materials) }, tokens['admin.sujiatun'])).errors,
        ).toBeUndefined();
    };
    await make('企业设立登记', '区市场监督管理局', 1, 1, [['《企业设立登记申请表》', false], ['申请人居民身份证', true], ['场所使用证明', false], ['承诺书', false]]);
    await make('社会保险登记', '区人力资源和社会保障局', 2, 1, [['《社会保险登记申请表》', false], ['营业执照', true], ['承诺书', false]]);
    await make('就业失业登记', '区人力资源和社会保障局', 1, 0, null);
    await make('建设用地规划许可证核发', '区自然资源分局', 15, 1, null);
    await make('建筑工程施工许可证核发', '区住房和城乡建设局', 15, 1, null);
    await make('建设工程消防验收备案', '区住房和城乡建设局', 15, 1, null);
  });
  afterAll(() => t.close());

  const save = (input: Record<string, unknown>, more: { id?: string; v?: number } = {}, token = tokens['admin.sujiatun']) =>
    t.gql<{ saveServiceBundle: Record<string, unknown> & { id: string; version: number; figures: Record<string, unknown> } }>(
      SAVE,
      { d: ids['苏家屯区'], ...more, i: input },
      token,
    );
  const startBusiness = {
    name: '开办企业',
    description: '一表申请、一窗受理',
    items: [
      { itemId: '', stage: 1, name: '企业设立登记' },
      { itemId: '', stage: 2, name: '社会保险登记' },
      { itemId: '', stage: 2, name: '就业失业登记' },
    ],
  };
  const input = (b: typeof startBusiness, limitDays: number | null = null) => ({
    name: b.name,
    description: b.description,
    limitDays,
    items: b.items.map((i) => ({ itemId: items[i.name], stage: i.stage })),
  });

  it('saves 开办企业 with its materials, visits and days saved against one by one, and audits it', async () => {
    const res = await save(input(startBusiness));
    expect(res.errors).toBeUndefined();
    expect(res.data!.saveServiceBundle).toMatchObject({
      name: '开办企业',
      version: 1,
      items: [
        { stage: 1, hasGuide: true, item: { name: '企业设立登记' } },
        { stage: 2, hasGuide: true, item: { name: '社会保险登记' } },
        { stage: 2, hasGuide: false, item: { name: '就业失业登记' } },
      ],
      figures: {
        items: 3,
        departments: 2,
        stages: 2,
        oneByOneDays: 4,
        combinedDays: 3,
        daysSaved: 1,
        oneByOneMaterials: 3 + 2 + 3,
        bundleMaterials: 3 + 3,
        materialsSaved: 2,
        oneByOneVisits: 2,
        bundleVisits: 1,
        visitsSaved: 1,
        materialList: ['《一件事联办申请表》', '场所使用证明', '承诺书'],
        limitDays: null,
        withinLimit: null,
      },
    });
    const audit = await t.server.db.getRepository(AuditRecord).findOneByOrFail({ action: 'serviceBundle.create' });
    expect(audit.entityId).toBe(res.data!.saveServiceBundle.id);
    const list = await t.gql<{ serviceBundles: Array<{ name: string; figures: { materialsSaved: number } }> }>(
      '{ serviceBundles { name figures { materialsSaved } } }',
      {},
      tokens['analyst'],
    );
    expect(list.data!.serviceBundles).toEqual([{ name: '开办企业', figures: { materialsSaved: 2 } }]);
  });

  it('counts parts outside the catalogue (seal, bank) in the figures, and refuses a wrong one naming its field, writing nothing', async () => {
    const seal = { name: '公章刻制', department: '沈阳市公安局苏家屯分局', stage: 2, promisedDays: 1, visits: 1, visitsReason: '需到刻章企业领取实物印章', materials: [{ name: '营业执照', shared: true }, { name: '承诺书' }] };
    const bank = { ...seal, name: '银行开户', department: '开户银行', visitsReason: '需法定代表人到银行网点面签', materials: [] };
    const withParts = { ...input(startBusiness), name: '开办企业（含进驻事项）', parts: [seal, bank] };
    const wrong = await save({ ...withParts, parts: [seal, { ...bank, visitsReason: ' ' }] });
    expect(errorCode(wrong)).toBe('BAD_USER_INPUT');
    expect(wrong.errors![0].extensions).toMatchObject({ field: 'input.parts[1].visitsReason', reason: '需到现场的，须说明理由' });
    const list = await t.gql<{ serviceBundles: Array<{ name: string }> }>('{ serviceBundles { name } }', {}, tokens['admin.sujiatun']);
    expect(list.data!.serviceBundles.map((b) => b.name)).not.toContain('开办企业（含进驻事项）');
    const res = await t.gql<{ saveServiceBundle: { parts: unknown[]; figures: Record<string, unknown> } }>(
      SAVE.replace('figures {', 'parts { name department stage promisedDays visits visitsReason materials { name shared } } figures {'),
      { d: ids['苏家屯区'], i: withParts },
      tokens['admin.sujiatun'],
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.saveServiceBundle.parts).toEqual([
      { ...seal, materials: [{ name: '营业执照', shared: true }, { name: '承诺书', shared: false }] },
      { ...bank, materials: [] },
    ]);
    // The three items' visits 1 + 1 + 0, the seal's and the bank's 1 each: 4 one by one, 1 at the one window.
    expect(res.data!.saveServiceBundle.figures).toMatchObject({
      items: 5,
      departments: 4,
      oneByOneVisits: 4,
      bundleVisits: 1,
      visitsSaved: 3,
      oneByOneDays: 4 + 1 + 1,
      combinedDays: 3,
      oneByOneMaterials: 3 + 2 + 3 + 1,
      materialList: ['《一件事联办申请表》', '场所使用证明', '承诺书'],
    });
  });

  it('checks the construction-approval bundle’s combined limit against the 50 working days', async () => {
    const construction = (stages: number[]) => ({
      name: '工程建设项目审批（立项到竣工验收）',
      limitDays: 50,
      items: ['建设用地规划许可证核发', '建筑工程施工许可证核发', '建设工程消防验收备案'].map((n, k) => ({ itemId: items[n], stage: stages[k] })),
    });
    const sequential = await save(construction([1, 2, 3]));
    expect(sequential.errors).toBeUndefined();
    expect(sequential.data!.saveServiceBundle.figures).toMatchObject({ combinedDays: 45, withinLimit: true });
    const capped = await save({ ...construction([1, 2, 3]), limitDays: 40 }, { id: sequential.data!.saveServiceBundle.id, v: 1 });
    expect(errorCode(capped)).toBe('BAD_USER_INPUT');
    expect(capped.errors![0].extensions).toMatchObject({ field: 'input.limitDays', reason: '合计承诺时限 45 个工作日，超过上限 40 个工作日' });
    const gap = await save(construction([1, 3, 4]), { id: sequential.data!.saveServiceBundle.id, v: 1 });
    expect((gap.errors![0].extensions as { field: string }).field).toBe('input.items');
  });

  it('refuses a stale version, a name taken, another district’s item, and other districts and analysts', async () => {
    const [bundle] = (await t.gql<{ serviceBundles: Array<{ id: string; name: string }> }>('{ serviceBundles { id name } }', {}, tokens['admin.sujiatun'])).data!.serviceBundles.filter((b) => b.name === '开办企业');
    expect(errorCode(await save(input(startBusiness), { id: bundle.id, v: 7 }))).toBe('CONFLICT');
    expect(errorCode(await save(input(startBusiness)))).toBe('CONFLICT');
    const again = await save({ ...input(startBusiness), description: '改' }, { id: bundle.id, v: 1 });
    expect(again.data!.saveServiceBundle.version).toBe(2);
    expect(errorCode(await save({ ...input(startBusiness), name: '另一件事' }, {}, tokens['admin.dadong']))).toBe('FORBIDDEN');
    expect(errorCode(await save({ ...input(startBusiness), name: '另一件事' }, {}, tokens['analyst']))).toBe('FORBIDDEN');
    const foreign = await t.gql(SAVE, { d: ids['大东区'], i: { ...input(startBusiness), name: '另一件事' } }, (await t.login('admin.dadong')));
    expect((foreign.errors![0].extensions as { field: string }).field).toBe('input.items[0].itemId');
    expect((await t.gql<{ serviceBundles: unknown[] }>('{ serviceBundles { id } }', {}, tokens['admin.dadong'])).data!.serviceBundles).toEqual([]);
  });
});

describe('the demo bundles', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer('sqlite', { seedModules: ['areas', 'accounts', 'service-items'] });
  });
  afterAll(() => t.close());

  it('give 苏家屯区 开办企业 with materials and visits saved, a restaurant with visits saved, and construction approval within 50 working days', async () => {
    const res = await t.gql<{ serviceBundles: Array<{ name: string; figures: Record<string, number | boolean | null> }> }>(
      '{ serviceBundles { name figures { items departments materialsSaved oneByOneVisits bundleVisits visitsSaved daysSaved combinedDays withinLimit } } }',
      {},
      await t.login('admin.sujiatun'),
    );
    expect(res.errors).toBeUndefined();
    const byName = Object.fromEntries(res.data!.serviceBundles.map((b) => [b.name, b.figures]));
    expect(Object.keys(byName)).toEqual(['开办企业', '我要开餐馆', '工程建设项目审批（立项到竣工验收）']);
    expect(byName['开办企业'].materialsSaved).toBeGreaterThan(0);
    // 开办企业: the catalogue's 企业设立登记 and 社会保险登记 are fully online, 就业失业登记 a trip; done alone, the
    // seal, the first invoice and UKey and the bank account are a trip each (the provident fund online): 4 trips
    // one by one, 1 at the one window.
    expect(byName['开办企业']).toMatchObject({ oneByOneVisits: 4, bundleVisits: 1, visitsSaved: 3 });
    expect(byName['开办企业'].visitsSaved).toBeGreaterThan(0);
    expect(byName['我要开餐馆'].visitsSaved).toBeGreaterThan(0);
    expect(byName['开办企业']).toMatchObject({ items: 7, departments: 6 });
    // The admin's whole page in one query, within the cost limit: every bundle with its items, parts and figures.
    const page = await t.gql<{ serviceBundles: Array<{ name: string; parts: Array<{ name: string; materials: unknown[] }> }> }>(
      `{ districts { id name } serviceBundles { id name description limitDays version district { id name }
        parts { name department stage promisedDays visits visitsReason materials { name shared } }
        items { stage hasGuide item { id name department promisedLimitDays caseKind visits } }
        figures { items departments stages oneByOneDays combinedDays daysSaved oneByOneMaterials bundleMaterials materialsSaved oneByOneVisits bundleVisits visitsSaved materialList limitDays withinLimit } } }`,
      {},
      await t.login('admin.sujiatun'),
    );
    expect(page.errors).toBeUndefined();
    expect(page.data!.serviceBundles[0].parts.map((p) => p.name)).toEqual(['公章刻制', '首次申领发票及税务UKey', '住房公积金单位缴存登记', '银行开户']);
    expect(byName['工程建设项目审批（立项到竣工验收）']).toMatchObject({ items: 7, withinLimit: true });
    expect(byName['工程建设项目审批（立项到竣工验收）'].combinedDays as number).toBeLessThanOrEqual(50);
  });

  it('publish 开办企业 to anyone, without sign-in, linked from its items’ guides', async () => {
    const [start] = (
      await t.gql<{ serviceBundles: Array<{ id: string; name: string; items: Array<{ item: { id: string; name: string } }> }> }>(
        '{ serviceBundles { id name items { item { id name } } } }',
        {},
        await t.login('admin.sujiatun'),
      )
    ).data!.serviceBundles.filter((b) => b.name === '开办企业');
    const res = await t.gql<{ publicServiceBundle: Record<string, unknown> & { items: Array<Record<string, unknown>>; figures: Record<string, unknown> } }>(
      'query($id: ID!) { publicServiceBundle(id: $id) { id name districtName place items { stage itemId hasGuide name department promisedDays visits } figures { items materialsSaved visitsSaved bundleVisits combinedDays materialList } } }',
      { id: start.id },
    );
    expect(res.errors).toBeUndefined();
    const b = res.data!.publicServiceBundle;
    expect(b).toMatchObject({ name: '开办企业', districtName: '苏家屯区', figures: { items: 7, visitsSaved: 3, bundleVisits: 1 } });
    expect(b.place).toMatch(/^苏家屯区政务服务中心/);
    expect(b.items.map((i) => i.name)).toEqual(['企业设立登记', '社会保险登记', '就业失业登记', '公章刻制', '首次申领发票及税务UKey', '住房公积金单位缴存登记', '银行开户']);
    expect(b.items[0]).toMatchObject({ stage: 1, itemId: start.items[0].item.id, hasGuide: true });
    expect(b.items[3]).toMatchObject({ stage: 2, itemId: null, hasGuide: false, department: '沈阳市公安局苏家屯分局', visits: 1 });
    expect((b.figures.materialsSaved as number) > 0).toBe(true);
    expect(b.figures.materialList).toContain('《一件事联办申请表》');
    // Nothing internal: no version, no district id, no compliance.
    expect(Object.keys(b).sort()).toEqual(['districtName', 'figures', 'id', 'items', 'name', 'place']);
    const guide = await t.gql<{ publicServiceGuide: { bundles: Array<{ id: string; name: string }> } }>(
      'query($id: ID!) { publicServiceGuide(itemId: $id) { bundles { id name } } }',
      { id: start.items[0].item.id },
    );
    expect(guide.data!.publicServiceGuide.bundles).toEqual([{ id: start.id, name: '开办企业' }]);
    expect(errorCode(await t.gql('{ publicServiceBundle(id: "999999") { id } }'))).toBe('NOT_FOUND');
  });
});
