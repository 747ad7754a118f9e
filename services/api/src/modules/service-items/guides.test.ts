import { serviceGuideProblems } from '@kpd/domain';
import { AuditRecord } from '../../core/audit/audit-record.entity';
import { Area } from '../../core/areas/area.entity';
import { DRIVERS, errorCode, startTestServer, type TestServer } from '../../testing/harness';
import { guideView } from './guides.service';
import { ServiceGuideRow } from './service-guide.entity';
import { ServiceItem } from './service-item.entity';
import { In } from 'typeorm';
import { DEMO_BUNDLES } from './bundles.seed';
import { licenceItem } from './testkit';

const GUIDE_FIELDS = `version conditions materialsToSubmit place hours contactPhone complaintPhone complaintChannel feeTotal
  materials { name form copies source shared templateUrl } steps { title description } fees { name amount basis }
  pauses { name maxDays } faq { question answer }`;

const guideInput = (over: Record<string, unknown> = {}) => ({
  conditions: '在苏家屯区内从事食品销售的经营者',
  materials: [
    {
      name: '食品经营许可申请书',
      form: 'ORIGINAL',
      copies: 1,
      source: '窗口领取或网上下载',
      shared: false,
      templateUrl: 'https://zwfw.example.cn/t.docx',
    },
    {
      name: '营业执照',
      form: 'ORIGINAL',
      copies: 1,
      source: '市场监督管理部门（电子证照库共享）',
      shared: true,
    },
  ],
  steps: [{ title: '申请', description: '网上或窗口提交' }, { title: '受理' }, { title: '决定' }],
  place: '苏家屯区政务服务中心 市场综合审批服务区',
  hours: '周一至周五 8:30—11:30，13:00—17:00',
  fees: [{ name: '工本费', amount: '10.50', basis: '某收费文件' }],
  pauses: [{ name: '现场核查', maxDays: 5 }],
  contactPhone: '024-12345',
  complaintPhone: '12345',
  faq: [{ question: '可以委托他人代办吗？', answer: '可以。' }],
  ...over,
});

const ITEM = licenceItem('食品经营许可（指南测试）');

type Saved = {
  saveServiceGuide: {
    version: number;
    materialsToSubmit: number;
    feeTotal: string;
    materials: { name: string; shared: boolean }[];
  };
};
const SAVE = `mutation($id: ID!, $v: Int, $i: ServiceGuideInput!) { saveServiceGuide(itemId: $id, expectedVersion: $v, input: $i) { ${GUIDE_FIELDS} } }`;

describe.each(DRIVERS)('service guides [%s]', (driver) => {
  let t: TestServer;
  let ids: Record<string, string>;
  const tokens: Record<string, string> = {};
  let n = 0;

  beforeAll(async () => {
    t = await startTestServer(driver);
    const areas = await t.server.db.getRepository(Area).find();
    ids = Object.fromEntries(areas.map((a) => [a.name, String(a.id)]));
    for (const u of ['admin.shenyang', 'admin.sujiatun', 'admin.dadong', 'analyst'])
      tokens[u] = await t.login(u);
  });
  afterAll(() => t.close());

  const makeItem = async (over: Record<string, unknown> = {}) => {
    const res = await t.gql<{ createServiceItem: { id: string } }>(
      'mutation($d: ID!, $i: ServiceItemInput!) { createServiceItem(districtId: $d, input: $i) { id } }',
      { d: ids['苏家屯区'], i: { ...ITEM, implementationCode: `G-${++n}`, ...over } },
      tokens['admin.sujiatun'],
    );
    expect(res.errors).toBeUndefined();
    return res.data!.createServiceItem.id;
  };
  const save = (id: string, v: number | null, input = guideInput(), token = tokens['admin.sujiatun']) =>
    t.gql<Saved>(SAVE, { id, v, i: input }, token);

  it('writes a guide, reads it back on the item and publicly, and audits it', async () => {
    const id = await makeItem();
    const first = await save(id, null);
    expect(first.errors).toBeUndefined();
    expect(first.data!.saveServiceGuide).toMatchObject({
      version: 1,
      materialsToSubmit: 1,
      feeTotal: '10.50',
    });
    const onItem = await t.gql<{ serviceItem: { guide: { version: number; pauses: unknown[] } } }>(
      `query($id: ID!) { serviceItem(id: $id) { guide { ${GUIDE_FIELDS} } } }`,
      { id },
      tokens['admin.shenyang'],
    );
    expect(onItem.data!.serviceItem.guide).toMatchObject({
      version: 1,
      pauses: [{ name: '现场核查', maxDays: 5 }],
    });

    const open = await t.gql<{
      publicServiceGuide: {
        name: string;
        districtName: string;
        promisedLimitDays: number;
        guide: { steps: { title: string; description: string }[] };
      };
    }>(
      `query($id: ID!) { publicServiceGuide(itemId: $id) { name districtName promisedLimitDays zone { name } windows { number } guide { ${GUIDE_FIELDS} } } }`,
      { id },
      null,
    );
    expect(open.errors).toBeUndefined();
    expect(open.data!.publicServiceGuide).toMatchObject({
      name: ITEM.name,
      districtName: '苏家屯区',
      promisedLimitDays: 5,
    });
    expect(open.data!.publicServiceGuide.guide.steps[1]).toEqual({ title: '受理', description: '' });

    const second = await save(id, 1, guideInput({ hours: '周一至周六' }));
    expect(second.data!.saveServiceGuide.version).toBe(2);
    const audits = await t.server.db
      .getRepository(AuditRecord)
      .find({ where: { entityType: 'ServiceGuide', entityId: id }, order: { id: 'ASC' } });
    expect(audits.map((a) => a.action)).toEqual(['serviceGuide.create', 'serviceGuide.update']);
  });

  it('refuses a bad guide naming each field, and writes nothing', async () => {
    const id = await makeItem();
    const bad = await save(
      id,
      null,
      guideInput({
        hours: ' ',
        materials: [{ name: '营业执照', form: 'ORIGINAL', copies: 0, source: '自备', shared: false }],
        fees: [{ name: '工本费', amount: '5.00', basis: '' }],
      }),
    );
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    const problems = (bad.errors![0].extensions as { problems: { field: string; reason: string }[] })
      .problems;
    expect(problems.map((p) => p.field)).toEqual([
      'input.hours',
      'input.materials[0].copies',
      'input.fees[0].basis',
    ]);
    expect(problems[2].reason).toMatch(/收费必须写明依据/);
    expect(await t.server.db.getRepository(ServiceGuideRow).countBy({ itemId: Number(id) })).toBe(0);
  });

  it('lets exactly one of two editors win a save from the same version, and one of two first saves', async () => {
    const id = await makeItem();
    const firsts = await Promise.all([
      save(id, null, guideInput({ hours: '甲' })),
      save(id, null, guideInput({ hours: '乙' })),
    ]);
    expect(firsts.filter((r) => !r.errors)).toHaveLength(1);
    expect(firsts.filter((r) => r.errors).map(errorCode)).toEqual(['CONFLICT']);
    const both = await Promise.all([
      save(id, 1, guideInput({ hours: '丙' })),
      save(id, 1, guideInput({ hours: '丁' })),
    ]);
    const wins = both.filter((r) => !r.errors);
    expect(wins).toHaveLength(1);
    expect(both.filter((r) => r.errors).map(errorCode)).toEqual(['CONFLICT']);
    const row = await t.server.db.getRepository(ServiceGuideRow).findOneByOrFail({ itemId: Number(id) });
    expect(row.version).toBe(2);
    expect(
      await t.server.db.getRepository(AuditRecord).countBy({ entityType: 'ServiceGuide', entityId: id }),
    ).toBe(2);
  });

  it('keeps writes to the district’s admins and hides guides of items not in use', async () => {
    const id = await makeItem();
    expect(errorCode(await save(id, null, guideInput(), tokens['admin.dadong']))).toBe('NOT_FOUND');
    expect(errorCode(await save(id, null, guideInput(), tokens['analyst']))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(SAVE, { id, v: null, i: guideInput() }, null))).toBe('UNAUTHENTICATED');
    expect((await save(id, null, guideInput(), tokens['admin.shenyang'])).errors).toBeUndefined();

    // Suspend the item: its guide leaves the public catalogue.
    await t.server.db.getRepository(ServiceItem).update({ id: Number(id) }, { status: 'SUSPENDED' as never });
    expect(
      errorCode(await t.gql('query($id: ID!) { publicServiceGuide(itemId: $id) { name } }', { id }, null)),
    ).toBe('NOT_FOUND');
    const list = await t.gql<{ publicServiceGuides: { nodes: { id: string }[] } }>(
      'query($d: ID) { publicServiceGuides(districtId: $d, first: 100) { nodes { id } } }',
      { d: ids['苏家屯区'] },
      null,
    );
    expect(list.data!.publicServiceGuides.nodes.map((x) => x.id)).not.toContain(id);
    // An item without a guide is not public either.
    const bare = await makeItem();
    expect(
      errorCode(
        await t.gql('query($id: ID!) { publicServiceGuide(itemId: $id) { name } }', { id: bare }, null),
      ),
    ).toBe('NOT_FOUND');
  });
});

describe('the demo guides', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer('sqlite', { seedModules: ['areas', 'accounts', 'service-items'] });
  });
  afterAll(() => t.close());

  it('gives every high-frequency item of 苏家屯区 in use, and every item of its 一件事 bundles, a guide that passes the rules', async () => {
    const sujiatun = await t.server.db.getRepository(Area).findOneByOrFail({ name: '苏家屯区' });
    const items = t.server.db.getRepository(ServiceItem);
    const frequent = await items.findBy({ districtId: sujiatun.id, highFrequency: true, status: 'IN_USE' as never });
    const bundled = await items.findBy({ districtId: sujiatun.id, name: In(DEMO_BUNDLES.flatMap((b) => b.stages.flat())) });
    const rows = await t.server.db.getRepository(ServiceGuideRow).findBy({ districtId: sujiatun.id });
    expect(frequent.length).toBeGreaterThan(150);
    expect(new Set(rows.map((r) => r.itemId))).toEqual(new Set([...frequent, ...bundled].map((i) => i.id)));
    for (const row of rows) {
      const view = guideView(row);
      expect(serviceGuideProblems(view)).toEqual([]);
    }
    const list = await t.gql<{ publicServiceGuides: { totalCount: number } }>(
      'query($d: ID) { publicServiceGuides(districtId: $d) { totalCount } }',
      { d: String(sujiatun.id) },
      null,
    );
    expect(list.data!.publicServiceGuides.totalCount).toBe(rows.length);
  });
});
