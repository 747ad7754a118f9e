import { SUPPORTS_PER_ADDRESS_PER_HOUR } from '@kpd/domain';
import { AuditRecord } from '../../core/audit/audit-record.entity';
import { DRIVERS, errorCode, startTestServer, type TestServer } from '../../testing/harness';
import { cityId, Q } from './testkit';

const SUPPORT = 'mutation($c: ID!, $p: String!) { supportLivelihoodCandidate(candidateId: $c, phone: $p) { candidateId supports } }';
const UPDATE = 'mutation($id: ID!, $i: VoteSessionInput!) { updateVoteSession(id: $id, input: $i) { id supportOpensAt supportClosesAt } }';
const COUNTS = 'query($id: ID!) { voteSession(id: $id) { candidates { id supportCount } } }';

describe.each(DRIVERS)('the public’s support poll [%s]', (driver) => {
  let t: TestServer;
  let admin: string;
  let sessionId: string;
  let candidates: string[];
  let used = 0;

  beforeAll(async () => {
    t = await startTestServer(driver);
    admin = await t.login('admin.fuxin');
    const fuxin = await cityId(t, '阜新市');
    const created = await t.gql<{ createVoteSession: { id: string } }>(Q.create, { c: String(fuxin), i: { name: '征集测试会议', meetingDate: '2030-01-15', seats: 1 } }, admin);
    sessionId = created.data!.createVoteSession.id;
    const c = await t.gql<{ setVoteCandidates: { id: string }[] }>(Q.candidates, { s: sessionId, c: ['改造居民小区配水管网20公里', '新建城市口袋公园15个', '建设农村客运候车亭100个'].map((name) => ({ name, description: 'x' })) }, admin);
    candidates = c.data!.setVoteCandidates.map((x) => x.id);
  }, 120_000);
  afterAll(() => t.close());

  const support = async (c: string, p: string, token?: string) => {
    used += 1;
    return t.gql<{ supportLivelihoodCandidate: { supports: number } }>(SUPPORT, { c, p }, token);
  };

  it('takes no support before the poll opens; the poll window is checked under its fields', async () => {
    expect(errorCode(await support(candidates[0], '13904181000'))).toBe('CONFLICT');
    const bad = await t.gql(UPDATE, { id: sessionId, i: { supportOpensAt: '2026-01-10T00:00:00Z', supportClosesAt: '2026-01-01T00:00:00Z' } }, admin);
    expect(bad.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.supportClosesAt' });
    const ok = await t.gql(UPDATE, { id: sessionId, i: { supportOpensAt: '2020-01-01T00:00:00Z', supportClosesAt: '2099-01-01T00:00:00Z' } }, admin);
    expect(ok.errors).toBeUndefined();
  });

  it('counts one support per mobile number per item; a second try is refused, however the number is written', async () => {
    const first = await support(candidates[0], '13904181000');
    expect(first.data!.supportLivelihoodCandidate.supports).toBe(1);
    expect(errorCode(await support(candidates[0], '+86 139-0418-1000'))).toBe('CONFLICT');
    expect((await support(candidates[1], '13904181000')).data!.supportLivelihoodCandidate.supports).toBe(1);
    expect((await support(candidates[0], '13804182222')).data!.supportLivelihoodCandidate.supports).toBe(2);
    const bad = await support(candidates[0], '0418-2222333');
    expect(bad.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'phone' });
    expect(errorCode(await support(candidates[0], '13904181001', await t.login('analyst')))).toBe('FORBIDDEN');

    const counts = await t.gql<{ voteSession: { candidates: { id: string; supportCount: number }[] } }>(COUNTS, { id: sessionId });
    expect(counts.data!.voteSession.candidates.map((c) => c.supportCount)).toEqual([2, 1, 0]);
    const audit = await t.server.db.getRepository(AuditRecord).findBy({ action: 'livelihood.support', entityId: sessionId });
    expect(audit).toHaveLength(3);
    expect(JSON.stringify(audit)).not.toContain('1390418');
  });

  it('lets exactly one of many concurrent tries by the same number count', async () => {
    const tries = await Promise.all(Array.from({ length: 8 }, () => support(candidates[2], '13504183333')));
    expect(tries.filter((r) => !r.errors)).toHaveLength(1);
    expect(tries.filter((r) => r.errors).map(errorCode)).toEqual(Array(7).fill('CONFLICT'));
  });

  it('freezes the candidate list once supported; closes with the poll', async () => {
    expect(errorCode(await t.gql(Q.candidates, { s: sessionId, c: [{ name: '换一个项目', description: 'x' }, { name: '再换一个', description: 'y' }] }, admin))).toBe('CONFLICT');
    await t.gql(UPDATE, { id: sessionId, i: { supportClosesAt: '2021-01-01T00:00:00Z' } }, admin);
    expect(errorCode(await support(candidates[1], '13604184444'))).toBe('CONFLICT');
    await t.gql(UPDATE, { id: sessionId, i: { supportClosesAt: '2099-01-01T00:00:00Z' } }, admin);
  });

  it('refuses an address that supports too often', async () => {
    let refused = 0;
    // More tries than the hourly allowance, each a new number: the last ones are refused.
    for (let i = 0; i <= SUPPORTS_PER_ADDRESS_PER_HOUR; i++) {
      const r = await support(candidates[1], String(13710000000 + i));
      if (r.errors) {
        expect(errorCode(r)).toBe('FORBIDDEN');
        refused += 1;
      }
    }
    expect(refused).toBeGreaterThan(0);
    expect(used).toBeGreaterThan(SUPPORTS_PER_ADDRESS_PER_HOUR);
  });
});
