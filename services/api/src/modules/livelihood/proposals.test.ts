import { AuditRecord } from '../../core/audit/audit-record.entity';
import { DRIVERS, errorCode, startTestServer, type TestServer } from '../../testing/harness';
import { PUBLIC_PROPOSALS_PER_WINDOW } from './proposals.service';
import { LivelihoodProposal } from './proposal.entity';
import { cityId } from './testkit';

const SUBMIT = `mutation($i: ProposalInput!) { submitLivelihoodProposal(input: $i) { trackingCode proposal { id title source status trackingCode contact } } }`;
const BY_CODE = `query($c: String!) { livelihoodProposalByCode(trackingCode: $c) { id title status reasonCode reasonLabel reasonNote mergedIntoId contact submitterName } }`;
const SCREEN = `mutation($id: ID!, $i: ScreeningInput!) { screenLivelihoodProposal(id: $id, input: $i) { id status reasonCode reasonLabel mergedIntoId } }`;

describe.each(DRIVERS)('livelihood proposals [%s]', (driver) => {
  let t: TestServer;
  let fuxin: string;
  let haizhou: string;
  beforeAll(async () => {
    t = await startTestServer(driver);
    fuxin = String(await cityId(t, '阜新市'));
    haizhou = String(await cityId(t, '海州区'));
  }, 60_000);
  afterAll(() => t.close());

  const proposal = (title: string, extra: Record<string, unknown> = {}) => ({
    cityId: fuxin,
    districtId: haizhou,
    title,
    description: `${title}，请政府列入今年的民生实事。`,
    category: 'UTILITIES',
    estimatedCost: '42000000.00',
    submitterName: '王莉莉',
    contact: '13904180000',
    ...extra,
  });

  it('takes proposals from the public without login, with a tracking code, throttled per address', async () => {
    const first = await t.gql<{ submitLivelihoodProposal: { trackingCode: string; proposal: { id: string; source: string; status: string; trackingCode: string | null; contact: string | null } } }>(SUBMIT, { i: proposal('改造居民小区配水管网') });
    expect(first.errors).toBeUndefined();
    const { trackingCode, proposal: p } = first.data!.submitLivelihoodProposal;
    expect(trackingCode).toMatch(/^MS[0-9A-Z]{10}$/);
    expect(p).toMatchObject({ source: 'PUBLIC', status: 'SUBMITTED', contact: null });
    // The public follows it by its code; the contact stays with the admins.
    const seen = await t.gql<{ livelihoodProposalByCode: { title: string; status: string; contact: string | null } }>(BY_CODE, { c: trackingCode.toLowerCase() });
    expect(seen.data!.livelihoodProposalByCode).toMatchObject({ title: '改造居民小区配水管网', status: 'SUBMITTED', contact: null });
    const admin = await t.login('admin.fuxin');
    const forAdmin = await t.gql<{ livelihoodProposalByCode: { contact: string; submitterName: string } }>(BY_CODE, { c: trackingCode }, admin);
    expect(forAdmin.data!.livelihoodProposalByCode).toMatchObject({ contact: '13904180000', submitterName: '王莉莉' });

    // Bad input names every field and writes nothing.
    const before = await t.server.db.getRepository(LivelihoodProposal).count();
    const bad = await t.gql(SUBMIT, { i: proposal('短', { description: '太短', districtId: String(await cityId(t, '苏家屯区')), estimatedCost: '-1.00' }) });
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect((bad.errors![0].extensions!.problems as { field: string }[]).map((x) => x.field).sort()).toEqual(['input.description', 'input.districtId', 'input.estimatedCost', 'input.title']);
    expect(await t.server.db.getRepository(LivelihoodProposal).count()).toBe(before);

    // The window: PUBLIC_PROPOSALS_PER_WINDOW per address; then refused.
    for (let i = 1; i < PUBLIC_PROPOSALS_PER_WINDOW; i++) expect((await t.gql(SUBMIT, { i: proposal(`第${i}条群众建议内容`) })).errors).toBeUndefined();
    const flooded = await t.gql(SUBMIT, { i: proposal('再提一条群众建议') });
    expect(errorCode(flooded)).toBe('FORBIDDEN');
    expect(flooded.errors![0].message).toMatch(/too many proposals/);
    // Signed-in delegates and departments are not throttled and are recorded as such.
    const delegate = await t.login('delegate.002');
    const byDelegate = await t.gql<{ submitLivelihoodProposal: { proposal: { source: string; trackingCode: string } } }>(SUBMIT, { i: proposal('代表建议维修城乡校舍') }, delegate);
    expect(byDelegate.data!.submitLivelihoodProposal.proposal).toMatchObject({ source: 'DELEGATE', trackingCode: expect.stringMatching(/^MS/) });
    const byDept = await t.gql<{ submitLivelihoodProposal: { proposal: { source: string } } }>(SUBMIT, { i: proposal('部门建议维修改造农村公路') }, admin);
    expect(byDept.data!.submitLivelihoodProposal.proposal.source).toBe('DEPARTMENT');
    // Another city's admin cannot propose for Fuxin.
    expect(errorCode(await t.gql(SUBMIT, { i: proposal('跨市提出的建议内容') }, await t.login('admin.dalian')))).toBe('FORBIDDEN');
  });

  it('screens with a published outcome and reason code, only by the city’s admins', async () => {
    const admin = await t.login('admin.fuxin');
    const make = async (title: string) => (await t.gql<{ submitLivelihoodProposal: { trackingCode: string; proposal: { id: string } } }>(SUBMIT, { i: proposal(title) }, admin)).data!.submitLivelihoodProposal;
    const main = await make('实施老旧小区改造工程');
    const dup = await make('海州区老旧小区改造');
    const costly = await make('举债新建市级体育中心');

    expect((await t.gql(SCREEN, { id: main.proposal.id, i: { status: 'ACCEPTED', reasonCode: 'ACCEPTED_AS_CANDIDATE', note: '列入候选项目' } }, admin)).errors).toBeUndefined();
    const noTarget = await t.gql(SCREEN, { id: dup.proposal.id, i: { status: 'ACCEPTED', reasonCode: 'MERGED' } }, admin);
    expect(noTarget.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.mergedIntoId' });
    const merged = await t.gql<{ screenLivelihoodProposal: { mergedIntoId: string; reasonLabel: string } }>(SCREEN, { id: dup.proposal.id, i: { status: 'ACCEPTED', reasonCode: 'MERGED', mergedIntoId: main.proposal.id } }, admin);
    expect(merged.data!.screenLivelihoodProposal).toEqual({ id: dup.proposal.id, status: 'ACCEPTED', reasonCode: 'MERGED', reasonLabel: '已合并到其他建议', mergedIntoId: main.proposal.id });
    const wrong = await t.gql(SCREEN, { id: costly.proposal.id, i: { status: 'REJECTED', reasonCode: 'ACCEPTED_AS_CANDIDATE' } }, admin);
    expect(wrong.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reasonCode' });
    expect(errorCode(await t.gql(SCREEN, { id: costly.proposal.id, i: { status: 'REJECTED', reasonCode: 'DEBT_RISK' } }, await t.login('admin.shenyang')))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(SCREEN, { id: costly.proposal.id, i: { status: 'REJECTED', reasonCode: 'DEBT_RISK' } }, await t.login('delegate.001')))).toBe('FORBIDDEN');
    await t.gql(SCREEN, { id: costly.proposal.id, i: { status: 'REJECTED', reasonCode: 'DEBT_RISK', note: '需新增政府债务' } }, admin);

    // The proposer sees the outcome by the code; the public list shows screened ones only, without contacts.
    const outcome = await t.gql<{ livelihoodProposalByCode: Record<string, unknown> }>(BY_CODE, { c: costly.trackingCode });
    expect(outcome.data!.livelihoodProposalByCode).toMatchObject({ status: 'REJECTED', reasonCode: 'DEBT_RISK', reasonLabel: '形成政府债务风险', reasonNote: '需新增政府债务' });
    const pub = await t.gql<{ livelihoodProposals: { totalCount: number; nodes: { status: string; contact: string | null; trackingCode: string | null }[] } }>(
      'query($f: ProposalFilterInput) { livelihoodProposals(filter: $f, first: 50) { totalCount nodes { status contact trackingCode } } }',
      { f: { cityId: fuxin } },
    );
    expect(pub.data!.livelihoodProposals.totalCount).toBe(3);
    expect(pub.data!.livelihoodProposals.nodes.every((n) => n.status !== 'SUBMITTED' && n.contact === null && n.trackingCode === null)).toBe(true);
    expect(errorCode(await t.gql('{ livelihoodProposals { totalCount } }'))).toBe('BAD_USER_INPUT');
    // An admin of another city sees none of Fuxin's by filter.
    expect(errorCode(await t.gql('query($f: ProposalFilterInput) { livelihoodProposals(filter: $f) { totalCount } }', { f: { cityId: fuxin } }, await t.login('admin.dalian')))).toBe('FORBIDDEN');

    const audits = await t.server.db.getRepository(AuditRecord).findBy({ action: 'livelihood.proposal.screen' });
    expect(audits).toHaveLength(3);
  });
});

describe('livelihood roster template', () => {
  it('downloads a roster template that reads back as its own example', async () => {
    const t = await startTestServer('sqlite');
    try {
      const res = await fetch(`${t.url}/api/livelihood/roster-template.xlsx`);
      expect(res.status).toBe(200);
      const { readSheet } = await import('../../core/xlsx');
      const { ROSTER_SHEET } = await import('./voting.service');
      const read = await readSheet(Buffer.from(await res.arrayBuffer()), ROSTER_SHEET);
      expect(read.problems).toEqual([]);
      expect(read.rows.map((r) => r.values)).toEqual([{ username: 'delegate.001', name: '张三', delegation: '海州区代表团', scrutineer: false }]);
    } finally {
      await t.close();
    }
  });
});
