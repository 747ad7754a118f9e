import fs from 'node:fs';
import path from 'node:path';
import { parse, validate } from 'graphql';
import { apiSchema } from '../../graphql/schema';
import { DRIVERS, startTestServer, type TestServer } from '../../testing/harness';
import { cityId } from './testkit';

const FILE = path.resolve(__dirname, '../../../../../schema/operations/livelihood.graphql');
const source = fs.readFileSync(FILE, 'utf8');

/** The client's document; the server runs the operation named in each request. */
const op = (_name: string): string => source;

describe('schema/operations/livelihood.graphql', () => {
  it('is valid against the schema', async () => {
    expect(validate(await apiSchema(), parse(source))).toEqual([]);
  });
});

/** As a new delegate would: check in, see the frozen list and fingerprint, vote, keep the receipt, find it after the count. */
describe.each(DRIVERS)('a delegate’s vote through the client operations [%s]', (driver) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(driver);
  }, 60_000);
  afterAll(() => t.close());

  const call = async <T>(name: string, variables: Record<string, unknown>, token?: string) => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query: op(name), operationName: name, variables }),
    });
    const body = (await res.json()) as { data?: T; errors?: unknown[] };
    if (body.errors) throw new Error(`${name}: ${JSON.stringify(body.errors)}`);
    return body.data!;
  };

  it('checks in, votes, keeps the receipt and finds it in the published list', async () => {
    const admin = await t.login('admin.fuxin');
    const created = await t.gql<{ createVoteSession: { id: string } }>('mutation($c: ID!) { createVoteSession(cityId: $c, input: { name: "阜新市十六届人大四次会议", meetingDate: "2021-01-15", seats: 1 }) { id } }', { c: String(await cityId(t, '阜新市')) }, admin);
    const id = created.data!.createVoteSession.id;
    await t.gql('mutation($s: ID!) { setVoteCandidates(sessionId: $s, candidates: [{ name: "维修改造农村公路500公里", description: "农村公路" }, { name: "改造居民小区配水管网20公里", description: "配水管网" }]) { id } }', { s: id }, admin);
    // The three demo delegates make the roster (entered directly here; the import is tested elsewhere).
    const { RosterEntry } = await import('./session.entity');
    const { User } = await import('../../core/auth/user.entity');
    for (const u of ['delegate.001', 'delegate.002', 'delegate.003']) {
      const user = await t.server.db.getRepository(User).findOneByOrFail({ username: u });
      await t.server.db.getRepository(RosterEntry).insert({ sessionId: Number(id), userId: user.id, name: u, delegation: '海州区代表团', scrutineer: false, checkedInAt: null });
    }
    const tokens = await Promise.all(['delegate.001', 'delegate.002', 'delegate.003'].map((u) => t.login(u)));
    for (const tok of tokens) await call('CheckIn', { sessionId: id }, tok);
    const { provisionHolders, openedShares } = await import('./testkit');
    await provisionHolders(t, id);
    await t.gql('mutation($s: ID!) { openVote(sessionId: $s) { status } }', { s: id }, admin);

    type S = { voteSession: { fingerprint: string; me: { onRoster: boolean; votedInCurrentRound: boolean }; round: { fingerprint: string; canonical: string; candidates: { id: string; name: string }[] } } };
    const seen = await call<S>('DelegateSession', { id }, tokens[0]);
    expect(seen.voteSession.me).toMatchObject({ onRoster: true, votedInCurrentRound: false });
    expect(seen.voteSession.round.candidates.map((c) => c.name)).toEqual(['维修改造农村公路500公里', '改造居民小区配水管网20公里']);
    expect(seen.voteSession.fingerprint).toMatch(/^[0-9a-f]{64}$/);

    const receipts: string[] = [];
    for (const tok of tokens) {
      const r = await call<{ castBallot: { receiptCode: string; fingerprint: string } }>('CastBallot', { sessionId: id, candidateIds: [seen.voteSession.round.candidates[0].id] }, tok);
      expect(r.castBallot.fingerprint).toBe(seen.voteSession.fingerprint);
      receipts.push(r.castBallot.receiptCode);
    }
    await t.gql('mutation($s: ID!, $k: [String!]!) { closeVote(sessionId: $s, shares: $k) { status } }', { s: id, k: (await openedShares(t, id)).slice(0, 2) }, admin);

    const results = await call<{ voteSession: { status: string; adopted: { name: string }[] } }>('VoteResults', { id });
    expect(results.voteSession).toMatchObject({ status: 'DECIDED', adopted: [{ name: '维修改造农村公路500公里' }] });
    const list = await call<{ publishedBallots: { nodes: { receiptCode: string }[] } }>('PublishedBallots', { sessionId: id, round: 1 });
    expect(list.publishedBallots.nodes.map((n) => n.receiptCode)).toContain(receipts[0]);
    const check = await call<{ verifyReceipt: { counted: boolean; valid: boolean } }>('VerifyReceipt', { sessionId: id, receiptCode: receipts[0] }, tokens[0]);
    expect(check.verifyReceipt).toMatchObject({ counted: true, valid: true });
  });
});
