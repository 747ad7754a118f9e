import { DRIVERS, errorCode, startTestServer, type GraphQLResponse, type TestServer } from '../../testing/harness';
import { RoundShare } from './ballot.entity';
import { newHolderKey, openShare, rebuildCountingKey } from './counting-key';
import { VoteRound } from './session.entity';
import { allPublished, loginAll, makeDelegates, preparedSession, Q } from './testkit';

const REGISTER = 'mutation($s: ID!, $k: String!) { registerCountingKey(sessionId: $s, publicKey: $k) { shareKey } }';
const SUBMIT = 'mutation($s: ID!, $k: String!) { submitCountingShare(sessionId: $s, share: $k) { counted submitted needed } }';
const END = 'mutation($s: ID!) { closeVote(sessionId: $s) { status } }';
const OPEN = 'mutation($s: ID!) { openVote(sessionId: $s) { status countingShares } }';
const MINE = 'query($id: ID!) { voteSession(id: $id) { status me { shareKey } round { awaitingShares sharesNeeded myCountingShare { number sealed keyTag submitted } countingShares { number holder submitted mine } } } }';

type Mine = { voteSession: { status: string; me: { shareKey: string | null }; round: { awaitingShares: boolean; sharesNeeded: number; myCountingShare: { number: number; sealed: string; keyTag: string; submitted: boolean } | null; countingShares: { number: number; holder: string; submitted: boolean; mine: boolean }[] | null } } };

const message = (res: GraphQLResponse) => String(res.errors?.[0]?.message ?? '');

/**
 * The counting key against a dishonest insider: the admin who opens the round, someone with a copy of
 * the database and the configuration, one key holder alone, someone who holds no share.
 */
describe.each(DRIVERS)('livelihood counting key shares against a dishonest insider [%s]', (driver) => {
  let t: TestServer;
  let admin: string;
  let delegates: string[];
  let tok: Record<string, string>;

  beforeAll(async () => {
    t = await startTestServer(driver);
    admin = await t.login('admin.fuxin');
    delegates = await makeDelegates(t, 'ks', 6);
    tok = await loginAll(t, delegates);
  }, 120_000);
  afterAll(() => t.close());

  /** Everything the database holds, as text: what a copy of its files shows (the configuration holds no key of a round). */
  async function everything(): Promise<string> {
    const runner = t.server.db.createQueryRunner();
    try {
      const names: string[] =
        driver === 'mysql'
          ? (await runner.query('SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE()')).map((r: { name: string }) => r.name)
          : (await runner.query("SELECT name FROM sqlite_master WHERE type = 'table'")).map((r: { name: string }) => r.name);
      const out: string[] = [];
      for (const name of names) out.push(JSON.stringify(await runner.query(`SELECT * FROM ${driver === 'mysql' ? `\`${name}\`` : `"${name}"`}`)));
      return out.join('\n');
    } finally {
      await runner.release();
    }
  }

  /** A session of six (the first three scrutineers), all checked in; the scrutineers' key files. */
  async function session(register = 3) {
    const s = await preparedSession(t, admin, tok, { seats: 1, names: ['甲项目', '乙项目'], roster: delegates, scrutineers: delegates.slice(0, 3) });
    const keys = delegates.slice(0, 3).map(() => newHolderKey());
    for (let i = 0; i < register; i++) expect((await t.gql(REGISTER, { s: s.id, k: keys[i].publicKey }, tok[delegates[i]])).errors).toBeUndefined();
    return { ...s, keys };
  }

  /** What holder i's browser does: fetch the sealed share and open it with the key file. */
  async function openMine(id: string, i: number, keys: { privateJwk: { d?: string } }[]): Promise<string> {
    const mine = (await t.gql<Mine>(MINE, { id }, tok[delegates[i]])).data!.voteSession.round.myCountingShare!;
    const share = openShare(keys[i].privateJwk.d!, mine.sealed);
    expect(share.startsWith(`${mine.keyTag}-${mine.number}-`)).toBe(true);
    return share;
  }

  it('refuses to open until three scrutineers registered their keys, and only scrutineers register', async () => {
    const { id } = await session(2);
    const res = await t.gql(OPEN, { s: id }, admin);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'roster' });
    expect(message(res)).toContain('已登记计票公钥的监票人 2 名，须至少 3 名');
    // A delegate who is no scrutineer, and the admin, cannot make themselves holders.
    expect(errorCode(await t.gql(REGISTER, { s: id, k: newHolderKey().publicKey }, tok[delegates[4]]))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(REGISTER, { s: id, k: newHolderKey().publicKey }, admin))).toBe('FORBIDDEN');
    const bad = await t.gql(REGISTER, { s: id, k: 'not-a-key' }, tok[delegates[2]]);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'publicKey' });
    expect((await t.gql(REGISTER, { s: id, k: newHolderKey().publicKey }, tok[delegates[2]])).errors).toBeUndefined();
    expect((await t.gql(OPEN, { s: id }, admin)).errors).toBeUndefined();
    // Once open, the keys are fixed for the round.
    expect(errorCode(await t.gql(REGISTER, { s: id, k: newHolderKey().publicKey }, tok[delegates[2]]))).toBe('CONFLICT');
  });

  it('never shows the opening admin a share, and a copy of the database cannot open the round key', async () => {
    const { id, candidateIds, keys } = await session();
    const opened = await t.gql<{ openVote: { countingShares: string[] | null } }>(OPEN, { s: id }, admin);
    expect(opened.errors).toBeUndefined();
    expect(opened.data!.openVote.countingShares).toBeNull();
    const seen = (await t.gql<Mine>(MINE, { id }, admin)).data!.voteSession.round;
    expect(seen.myCountingShare).toBeNull();
    expect(seen.countingShares).toEqual([1, 2, 3].map((n) => ({ number: n, holder: `代表${n}`, submitted: false, mine: false })));
    const shares = [0, 1, 2].map((i) => i);
    const opened3 = await Promise.all(shares.map((i) => openMine(id, i, keys)));
    expect(new Set(opened3.map((s) => s.split('-')[1]))).toEqual(new Set(['1', '2', '3']));
    for (const i of [0, 1, 2]) await t.gql(Q.cast, { s: id, c: [candidateIds[0]] }, tok[delegates[i + 3]]);
    // The copy: no share in the clear in any table (audit records included), nor in what the admin saw.
    const copy = await everything();
    for (const s of opened3) {
      expect(copy.includes(s.slice(-64))).toBe(false);
      expect(JSON.stringify(opened.data).includes(s.slice(-64))).toBe(false);
    }
    // What the copy holds of the key are the shares sealed to the holders' public keys, which a key of
    // the copier's own (or the round's public key) does not open.
    const round = await t.server.db.getRepository(VoteRound).findOneByOrFail({ sessionId: Number(id), number: 1 });
    const sealed = await t.server.db.getRepository(RoundShare).find({ where: { roundId: round.id } });
    expect(sealed).toHaveLength(3);
    for (const row of sealed) expect(() => openShare(newHolderKey().privateJwk.d!, row.sealed)).toThrow();
    // One holder brings a share: now the copy holds one share, which alone rebuilds nothing.
    expect((await t.gql(END, { s: id }, admin)).errors).toBeUndefined();
    const first = await t.gql<{ submitCountingShare: { counted: boolean } }>(SUBMIT, { s: id, k: opened3[0] }, tok[delegates[0]]);
    expect(first.data!.submitCountingShare).toEqual({ counted: false, submitted: 1, needed: 2 });
    const later = await everything();
    expect(opened3.filter((s) => later.includes(s.slice(-64)))).toEqual([opened3[0]]);
    expect(() => rebuildCountingKey(round.publicKey!, [opened3[0]])).toThrow('至少 2');
    // The count: the second share counts; afterwards no share is left in the database.
    const second = await t.gql<{ submitCountingShare: { counted: boolean } }>(SUBMIT, { s: id, k: opened3[2] }, tok[delegates[2]]);
    expect(second.data!.submitCountingShare).toEqual({ counted: true, submitted: 2, needed: 2 });
    const after = await everything();
    for (const s of opened3) expect(after.includes(s.slice(-64))).toBe(false);
    expect(await allPublished(t, id, 1)).toHaveLength(3);
  }, 60_000);

  it('does not count with one holder alone, and refuses a share from a non-holder or the wrong holder', async () => {
    const { id, candidateIds, keys } = await session();
    expect((await t.gql(OPEN, { s: id }, admin)).errors).toBeUndefined();
    for (const i of [3, 4]) expect((await t.gql(Q.cast, { s: id, c: [candidateIds[1]] }, tok[delegates[i]])).errors).toBeUndefined();
    const own = await openMine(id, 0, keys);
    // Not before the casting ended.
    const early = await t.gql(SUBMIT, { s: id, k: own }, tok[delegates[0]]);
    expect(errorCode(early)).toBe('CONFLICT');
    expect(message(early)).toContain('投票尚未截止');
    expect((await t.gql(END, { s: id }, admin)).errors).toBeUndefined();
    const late = await t.gql(Q.cast, { s: id, c: [candidateIds[1]] }, tok[delegates[5]]);
    expect(errorCode(late)).toBe('CONFLICT');
    expect(message(late)).toContain('投票已截止');
    expect((await t.gql<Mine>(MINE, { id }, admin)).data!.voteSession.round.awaitingShares).toBe(true);
    // One holder, twice: nothing counted.
    for (let n = 0; n < 2; n++) {
      const res = await t.gql<{ submitCountingShare: { counted: boolean } }>(SUBMIT, { s: id, k: own }, tok[delegates[0]]);
      expect(res.data!.submitCountingShare.counted).toBe(false);
    }
    expect((await t.gql<Mine>(MINE, { id }, admin)).data!.voteSession.status).toBe('VOTING');
    // A share from someone who holds none: a delegate, the admin.
    const other = await openMine(id, 1, keys);
    expect(errorCode(await t.gql(SUBMIT, { s: id, k: other }, tok[delegates[4]]))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(SUBMIT, { s: id, k: other }, admin))).toBe('FORBIDDEN');
    // Holder 1 cannot bring holder 2's share as a second one, nor a share altered.
    const wrong = await t.gql(SUBMIT, { s: id, k: other }, tok[delegates[2]]);
    expect(wrong.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'share' });
    expect(message(wrong)).toContain('不是交由您保管的份额');
    const altered = other.replace(/.$/, (c) => (c === '0' ? '1' : '0'));
    expect(errorCode(await t.gql(SUBMIT, { s: id, k: altered }, tok[delegates[1]]))).toBe('BAD_USER_INPUT');
    expect((await t.gql<Mine>(MINE, { id }, admin)).data!.voteSession.round.countingShares!.map((s) => s.submitted)).toEqual([true, false, false]);
    // The second holder's own share counts the round.
    const counted = await t.gql<{ submitCountingShare: { counted: boolean } }>(SUBMIT, { s: id, k: other }, tok[delegates[1]]);
    expect(counted.errors).toBeUndefined();
    expect(counted.data!.submitCountingShare.counted).toBe(true);
    expect((await t.gql<Mine>(MINE, { id }, admin)).data!.voteSession.status).toBe('COUNTED');
    expect(await allPublished(t, id, 1)).toHaveLength(2);
  }, 60_000);
});
