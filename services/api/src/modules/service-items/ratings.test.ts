import { rectificationDeadline, shanghaiDate } from '@kpd/domain';
import { AuditRecord } from '../../core/audit/audit-record.entity';
import { Area } from '../../core/areas/area.entity';
import { DRIVERS, errorCode, startTestServer, type TestServer } from '../../testing/harness';
import { ServiceRating, ServiceRectification } from './service-rating.entity';
import { licenceItem } from './testkit';

const ITEM = licenceItem('食品经营许可（评价测试）');
const sh = (local: string) => `${local}+08:00`;
const caseInput = (itemId: string, caseNo: string, over: Record<string, unknown> = {}) => ({
  itemId,
  caseNo,
  applicantType: 'PERSON',
  channel: 'WINDOW',
  receivedAt: sh('2020-09-14T08:50:00'),
  acceptedAt: sh('2020-09-14T09:00:00'),
  decidedAt: sh('2020-09-18T15:00:00'),
  outcome: 'APPROVED',
  visits: 1,
  ...over,
});
const ISSUE = 'mutation($c: ID!) { issueServiceRatingLink(caseId: $c) { token path caseNo } }';
const FORM = 'query($t: String!) { publicServiceRating(token: $t) { caseNo itemName department districtName rated score } }';
const RATE = 'mutation($t: String!, $i: RateServiceCaseInput!) { rateServiceCase(token: $t, input: $i) { rated score } }';
const RECT = `id status nextStep owner openedOn deadline rectifiedOn rectifiedDays closedOn founded overdue version
  item { name } window { number } rating { score reasonList comment case { caseNo } } steps { step onDate note founded satisfied actor }`;
const LIST = `query($f: ServiceRectificationFilter) { serviceRectifications(filter: $f) { totalCount nodes { ${RECT} } } }`;
const STEP = `mutation($id: ID!, $v: Int!, $i: RectificationStepInput!) { recordRectificationStep(id: $id, expectedVersion: $v, input: $i) { ${RECT} } }`;
const FIGURES = `query($f: ServiceRatingFilter, $g: ServiceRatingGrouping!, $m: Int) { serviceRatingFigures(filter: $f, groupBy: $g, minSample: $m) {
  department rated distribution bad sampleTooSmall averageScore satisfiedShare { numerator denominator } badShare { numerator }
  rectifications rectificationRate { numerator denominator } rectifiedOnTime { numerator denominator } overdue medianRectificationDays
  window { number } district { name } } }`;

type Rect = {
  id: string;
  status: string;
  nextStep: string | null;
  version: number;
  overdue: boolean;
  deadline: string;
  steps: Array<{ step: string; actor: string }>;
} & Record<string, unknown>;
type Figure = Record<string, unknown> & { rated: number; distribution: number[]; window: { number: string } | null };

describe.each(DRIVERS)('好差评 [%s]', (driver) => {
  let t: TestServer;
  let ids: Record<string, string>;
  const tokens: Record<string, string> = {};
  let itemId: string;
  const caseIds: Record<string, string> = {};
  let windowNumber: string;

  beforeAll(async () => {
    t = await startTestServer(driver);
    const areas = await t.server.db.getRepository(Area).find();
    ids = Object.fromEntries(areas.map((a) => [a.name, String(a.id)]));
    for (const u of ['admin.sujiatun', 'admin.dadong', 'admin.shenyang', 'analyst']) tokens[u] = await t.login(u);
    const zone = await t.gql<{ saveServiceZone: { windows: Array<{ id: string; number: string }> } }>(
      'mutation($d: ID!) { saveServiceZone(districtId: $d, name: "市场准入服务区", windows: [{ number: "A01" }, { number: "A02" }]) { windows { id number } } }',
      { d: ids['苏家屯区'] },
      tokens['admin.sujiatun'],
    );
    const [window] = zone.data!.saveServiceZone.windows;
    windowNumber = window.number;
    const item = await t.gql<{ createServiceItem: { id: string } }>(
      'mutation($d: ID!, $i: ServiceItemInput!) { createServiceItem(districtId: $d, input: $i) { id } }',
      { d: ids['苏家屯区'], i: { ...ITEM, implementationCode: 'RATE-1' } },
      tokens['admin.sujiatun'],
    );
    itemId = item.data!.createServiceItem.id;
    for (const [no, over] of [
      ['R-GOOD', { windowId: window.id }],
      ['R-BAD', { windowId: window.id }],
      ['R-ONLINE', { channel: 'ONLINE', visits: 0 }],
      ['R-PENDING', { decidedAt: null, outcome: null }],
    ] as const) {
      const res = await t.gql<{ recordServiceCase: { id: string } }>(
        'mutation($i: ServiceCaseInput!) { recordServiceCase(input: $i) { id } }',
        { i: caseInput(itemId, no, over) },
        tokens['admin.sujiatun'],
      );
      expect(res.errors).toBeUndefined();
      caseIds[no] = res.data!.recordServiceCase.id;
    }
  });
  afterAll(() => t.close());

  const issue = (caseNo: string, token = tokens['admin.sujiatun']) =>
    t.gql<{ issueServiceRatingLink: { token: string; path: string; caseNo: string } }>(ISSUE, { c: caseIds[caseNo] }, token);
  const rate = (token: string, input: Record<string, unknown>) =>
    t.gql<{ rateServiceCase: { rated: boolean; score: number } }>(RATE, { t: token, i: input }, null);

  it('issues a one-time link for a decided case to its district’s admins only, keeping no token', async () => {
    expect(errorCode(await issue('R-PENDING'))).toBe('BAD_USER_INPUT');
    expect(errorCode(await issue('R-GOOD', tokens['admin.dadong']))).toBe('NOT_FOUND');
    expect(errorCode(await issue('R-GOOD', tokens['analyst']))).toBe('FORBIDDEN');
    const first = await issue('R-GOOD');
    const again = await issue('R-GOOD');
    expect(again.errors).toBeUndefined();
    const link = again.data!.issueServiceRatingLink;
    expect(link.path).toBe(`/public/rate/${link.token}`);
    expect(link.token.length).toBeGreaterThan(40);
    // Issuing again replaces the unused link: the first one no longer opens the page.
    expect(errorCode(await t.gql(FORM, { t: first.data!.issueServiceRatingLink.token }, null))).toBe('NOT_FOUND');
    const stored = await t.server.db.getRepository(ServiceRating).findOneByOrFail({ caseId: Number(caseIds['R-GOOD']) });
    expect(stored.tokenHash).not.toContain(link.token);
    const audits = await t.server.db.getRepository(AuditRecord).findBy({ entityType: 'ServiceRating' });
    expect(audits.map((a) => a.action)).toEqual(['serviceRating.issueLink', 'serviceRating.reissueLink']);
    expect(audits.every((a) => !String(a.after).includes(link.token))).toBe(true);
  });

  it('lets the applicant rate once without signing in, refusing an unknown token and a rating without a reason', async () => {
    const token = (await issue('R-GOOD')).data!.issueServiceRatingLink.token;
    const form = await t.gql(FORM, { t: token }, null);
    expect(form.data!.publicServiceRating).toEqual({
      caseNo: 'R-GOOD',
      itemName: ITEM.name,
      department: ITEM.department,
      districtName: '苏家屯区',
      rated: false,
      score: null,
    });
    expect(errorCode(await t.gql(FORM, { t: 'rate_not-a-token' }, null))).toBe('NOT_FOUND');
    expect(errorCode(await rate('rate_not-a-token', { score: 5, reasons: [] }))).toBe('NOT_FOUND');
    const bare = await rate(token, { score: 2, reasons: [] });
    expect(errorCode(bare)).toBe('BAD_USER_INPUT');
    expect((bare.errors![0].extensions as { field: string }).field).toBe('input.reasons');
    const mismatched = await rate(token, { score: 5, reasons: ['SLOW'] });
    expect((mismatched.errors![0].extensions as { field: string }).field).toBe('input.reasons[0]');
    const ok = await rate(token, { score: 5, reasons: ['FAST', 'FRIENDLY'], comment: '  很快 ' });
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.rateServiceCase).toEqual({ rated: true, score: 5 });
    expect(errorCode(await rate(token, { score: 1, reasons: ['SLOW'] }))).toBe('CONFLICT');
    expect((await t.gql(FORM, { t: token }, null)).data!.publicServiceRating).toMatchObject({ rated: true, score: 5 });
    expect(errorCode(await issue('R-GOOD'))).toBe('CONFLICT');
    expect(await t.server.db.getRepository(ServiceRectification).count()).toBe(0);
    const cases = await t.gql<{ serviceCases: { nodes: Array<{ caseNo: string; rating: { score: number; reasonList: string[]; comment: string } | null }> } }>(
      '{ serviceCases(first: 10) { nodes { caseNo rating { score reasonList comment } } } }',
      {},
      tokens['admin.sujiatun'],
    );
    expect(cases.data!.serviceCases.nodes.find((n) => n.caseNo === 'R-GOOD')!.rating).toEqual({
      score: 5,
      reasonList: ['FAST', 'FRIENDLY'],
      comment: '很快',
    });
  });

  it('opens a rectification for a bad rating and takes it through verify → rectify → feedback → return visit', async () => {
    const token = (await issue('R-BAD')).data!.issueServiceRatingLink.token;
    expect((await rate(token, { score: 1, reasons: ['SLOW', 'OTHER'], comment: '等了很久' })).errors).toBeUndefined();
    const list = await t.gql<{ serviceRectifications: { totalCount: number; nodes: Rect[] } }>(LIST, { f: {} }, tokens['admin.sujiatun']);
    expect(list.data!.serviceRectifications.totalCount).toBe(1);
    let r = list.data!.serviceRectifications.nodes[0];
    const today = shanghaiDate(new Date());
    expect(r).toMatchObject({
      status: 'VERIFYING',
      nextStep: 'VERIFY',
      owner: ITEM.department,
      openedOn: today,
      deadline: rectificationDeadline(today),
      overdue: false,
      window: { number: windowNumber },
      rating: { score: 1, reasonList: ['SLOW', 'OTHER'], comment: '等了很久', case: { caseNo: 'R-BAD' } },
      steps: [],
    });
    // Another district sees nothing; the analyst reads but cannot act.
    expect((await t.gql<{ serviceRectifications: { totalCount: number } }>(LIST, {}, tokens['admin.dadong'])).data!.serviceRectifications.totalCount).toBe(0);
    const step = (input: Record<string, unknown>, version = r.version, token = tokens['admin.sujiatun']) =>
      t.gql<{ recordRectificationStep: Rect }>(STEP, { id: r.id, v: version, i: { date: today, note: '已处理', ...input } }, token);
    expect(errorCode(await step({ step: 'VERIFY', founded: true }, r.version, tokens['analyst']))).toBe('FORBIDDEN');
    const early = await step({ step: 'RECTIFY' });
    expect((early.errors![0].extensions as { field: string }).field).toBe('input.step');
    const noFinding = await step({ step: 'VERIFY' });
    expect((noFinding.errors![0].extensions as { field: string }).field).toBe('input.founded');

    const verified = await step({ step: 'VERIFY', founded: true, owner: '窗口负责人 王敏' });
    expect(verified.errors).toBeUndefined();
    expect(verified.data!.recordRectificationStep).toMatchObject({ status: 'RECTIFYING', nextStep: 'RECTIFY', founded: true, owner: '窗口负责人 王敏' });
    expect(errorCode(await step({ step: 'RECTIFY' }, r.version))).toBe('CONFLICT');
    r = verified.data!.recordRectificationStep;
    const rectified = await step({ step: 'RECTIFY', note: '培训窗口人员' });
    expect(rectified.data!.recordRectificationStep).toMatchObject({ status: 'FEEDBACK', rectifiedOn: today, rectifiedDays: 0 });
    r = rectified.data!.recordRectificationStep;
    r = (await step({ step: 'FEEDBACK' })).data!.recordRectificationStep;
    expect(r.status).toBe('RETURN_VISIT');
    const closed = await step({ step: 'RETURN_VISIT', satisfied: true });
    expect(closed.data!.recordRectificationStep).toMatchObject({ status: 'CLOSED', nextStep: null, closedOn: today });
    expect(closed.data!.recordRectificationStep.steps.map((s) => [s.step, s.actor])).toEqual([
      ['VERIFY', 'admin.sujiatun'],
      ['RECTIFY', 'admin.sujiatun'],
      ['FEEDBACK', 'admin.sujiatun'],
      ['RETURN_VISIT', 'admin.sujiatun'],
    ]);
    const audits = await t.server.db.getRepository(AuditRecord).findBy({ entityType: 'ServiceRectification' });
    expect(audits.map((a) => a.action)).toEqual([
      'serviceRectification.verify',
      'serviceRectification.rectify',
      'serviceRectification.feedback',
      'serviceRectification.return_visit',
    ]);
  });

  it('lists an unrectified bad rating past its deadline as overdue, first', async () => {
    const token = (await issue('R-ONLINE')).data!.issueServiceRatingLink.token;
    expect((await rate(token, { score: 2, reasons: ['SYSTEM_TROUBLE'] })).errors).toBeUndefined();
    const repo = t.server.db.getRepository(ServiceRectification);
    const open = await repo.findOneByOrFail({ status: 'VERIFYING' });
    await repo.update(open.id, { openedOn: '2020-09-14', deadline: '2020-09-21' });
    const overdue = await t.gql<{ serviceRectifications: { nodes: Rect[] } }>(LIST, { f: { overdue: true } }, tokens['admin.sujiatun']);
    expect(overdue.data!.serviceRectifications.nodes.map((n) => [n.deadline, n.overdue, n.window])).toEqual([['2020-09-21', true, null]]);
    const live = await t.gql<{ serviceRectifications: { nodes: Rect[] } }>(
      LIST,
      { f: { statuses: ['VERIFYING', 'RECTIFYING', 'FEEDBACK', 'RETURN_VISIT'] } },
      tokens['admin.shenyang'],
    );
    expect(live.data!.serviceRectifications.nodes).toHaveLength(1);
  });

  it('computes rating figures by department and window in the database, rates withheld below the sample', async () => {
    const dept = await t.gql<{ serviceRatingFigures: Figure[] }>(FIGURES, { f: { areaId: ids['苏家屯区'] }, g: 'DEPARTMENT', m: 5 }, tokens['admin.sujiatun']);
    expect(dept.errors).toBeUndefined();
    expect(dept.data!.serviceRatingFigures).toEqual([
      expect.objectContaining({
        department: ITEM.department,
        rated: 3,
        distribution: [1, 1, 0, 0, 1],
        bad: 2,
        sampleTooSmall: true,
        averageScore: null,
        satisfiedShare: null,
        rectifications: 2,
        rectificationRate: { numerator: 1, denominator: 2 },
        rectifiedOnTime: { numerator: 1, denominator: 1 },
        overdue: 1,
        medianRectificationDays: 0,
      }),
    ]);
    const windows = await t.gql<{ serviceRatingFigures: Figure[] }>(FIGURES, { g: 'WINDOW', m: 5 }, tokens['admin.sujiatun']);
    const byWindow = Object.fromEntries(windows.data!.serviceRatingFigures.map((r) => [r.window?.number ?? 'online', r.rated]));
    expect(byWindow).toEqual({ [windowNumber]: 2, online: 1 });
    const districts = await t.gql<{ serviceRatingFigures: Figure[] }>(FIGURES, { f: { areaId: ids['沈阳市'] }, g: 'DISTRICT', m: 5 }, tokens['admin.shenyang']);
    expect(districts.data!.serviceRatingFigures).toHaveLength(13);
    expect(errorCode(await t.gql(FIGURES, { f: { areaId: ids['苏家屯区'] }, g: 'NONE' }, tokens['admin.dadong']))).toBe('FORBIDDEN');
  });
});

describe('the demo ratings', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer('sqlite', { seedModules: ['areas', 'accounts', 'service-items'] });
  });
  afterAll(() => t.close());

  it('rate 苏家屯区’s cases mostly well, with bad ones closed and a few still in rectification', async () => {
    const token = await t.login('admin.sujiatun');
    const total = await t.gql<{ serviceRatingFigures: Array<Figure & { satisfiedShare: { numerator: number; denominator: number } }> }>(FIGURES, { g: 'NONE' }, token);
    expect(total.errors).toBeUndefined();
    const [row] = total.data!.serviceRatingFigures;
    expect(row.rated).toBeGreaterThan(1000);
    expect(row.satisfiedShare.numerator / row.satisfiedShare.denominator).toBeGreaterThan(0.8);
    expect(row.rectifications).toBe(row.bad);
    const live = await t.gql<{ serviceRectifications: { totalCount: number; nodes: Rect[] } }>(
      LIST,
      { f: { statuses: ['VERIFYING', 'RECTIFYING', 'FEEDBACK', 'RETURN_VISIT'] } },
      token,
    );
    expect(live.data!.serviceRectifications.totalCount).toBeGreaterThan(0);
    expect(live.data!.serviceRectifications.totalCount).toBeLessThan(row.bad as number);
    const closed = await t.gql<{ serviceRectifications: { totalCount: number; nodes: Rect[] } }>(LIST, { f: { statuses: ['CLOSED'] } }, token);
    expect(closed.data!.serviceRectifications.nodes[0].steps.map((s) => s.step)).toEqual(
      expect.arrayContaining(['VERIFY', 'FEEDBACK', 'RETURN_VISIT']),
    );
    const byWindow = await t.gql<{ serviceRatingFigures: Figure[] }>(FIGURES, { g: 'WINDOW' }, token);
    expect(byWindow.data!.serviceRatingFigures.filter((r) => r.window !== null).length).toBeGreaterThan(3);
  });
});
