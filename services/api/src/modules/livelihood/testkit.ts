import crypto from 'node:crypto';
import { Role, User } from '../../core/auth/user.entity';
import { writeSheet } from '../../core/xlsx';
import type { GraphQLResponse, TestServer } from '../../testing/harness';
import { Area } from '../../core/areas/area.entity';
import { ROSTER_SHEET } from './voting.service';
import { RoundShare } from './ballot.entity';
import { newHolderKey, openShare, SHARES } from './counting-key';
import { RosterEntry, VoteRound, VoteSession } from './session.entity';

/** Helpers for the livelihood tests: delegates, roster workbooks, uploads. */

export async function cityId(t: TestServer, name: string): Promise<number> {
  return (await t.server.db.getRepository(Area).findOneByOrFail({ name })).id;
}

/** Creates delegate accounts delegate.t0001 … of a city (the password of delegate.001). */
export async function makeDelegates(t: TestServer, prefix: string, count: number, city = '阜新市'): Promise<string[]> {
  const repo = t.server.db.getRepository(User);
  const template = await repo.findOneByOrFail({ username: 'delegate.001' });
  const areaId = await cityId(t, city);
  const names = Array.from({ length: count }, (_, i) => `${prefix}.${String(i + 1).padStart(4, '0')}`);
  for (let i = 0; i < names.length; i += 200) {
    await repo.insert(names.slice(i, i + 200).map((username) => ({ username, displayName: username, role: Role.DELEGATE, areaId, passwordHash: template.passwordHash, active: true, failedLogins: 0, lockedUntil: null })));
  }
  return names;
}

export async function rosterWorkbook(rows: { username: string; name?: string; delegation?: string; scrutineer?: boolean }[]): Promise<Buffer> {
  return writeSheet(
    ROSTER_SHEET,
    rows.map((r, i) => ({ username: r.username, name: r.name ?? `代表${i + 1}`, delegation: r.delegation ?? '海州区代表团', scrutineer: r.scrutineer ?? false })),
  );
}

export async function uploadSpreadsheet(t: TestServer, token: string, body: Buffer, name = 'roster.xlsx'): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(body)]), name);
  const res = await fetch(`${t.url}/api/files?purpose=spreadsheet`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  const json = (await res.json()) as { id: string };
  if (res.status !== 200 && res.status !== 201) throw new Error(`upload failed ${res.status} ${JSON.stringify(json)}`);
  return json.id;
}

export function sha256(text: string): string {
  return crypto.createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Logs in many accounts a few at a time. */
export async function loginAll(t: TestServer, usernames: string[], parallel = 25): Promise<Record<string, string>> {
  const tokens: Record<string, string> = {};
  for (let i = 0; i < usernames.length; i += parallel) {
    const part = usernames.slice(i, i + parallel);
    const got = await Promise.all(part.map((u) => t.login(u)));
    part.forEach((u, j) => (tokens[u] = got[j]));
  }
  return tokens;
}

export const Q = {
  create: `mutation($c: ID!, $i: VoteSessionInput!) { createVoteSession(cityId: $c, input: $i) { id status version } }`,
  candidates: `mutation($s: ID!, $c: [CandidateInput!]!) { setVoteCandidates(sessionId: $s, candidates: $c) { id position name } }`,
  importRoster: `mutation($s: ID!, $f: ID!, $d: Boolean!) { importVoteRoster(sessionId: $s, fileId: $f, dryRun: $d) { dryRun totalRows validRows created committed problems { row column header reason } } }`,
  checkIn: `mutation($s: ID!) { checkInToSession(sessionId: $s) { checkedInAt } }`,
  open: `mutation($s: ID!) { openVote(sessionId: $s) { status currentRound fingerprint } }`,
  cast: `mutation($s: ID!, $c: [ID!]!) { castBallot(sessionId: $s, candidateIds: $c) { receiptCode tracker round fingerprint } }`,
  close: `mutation($s: ID!, $k: [String!]) { closeVote(sessionId: $s, shares: $k) { status currentRound } }`,
  session: `query($id: ID!) { voteSession(id: $id) { id name status fingerprint currentRound rosterSize checkedIn quorumShortfall
      candidates { id name position adopted targetQuantity unit }
      me { onRoster checkedInAt votedInCurrentRound }
      round { number seats fingerprint canonical status chainHead tallyHiddenReason paper { issued returned notReturned valid }
        tally { ballotsCast validBallots blankBallots invalidBallots invalidTooManyMarks majorityVotes electronicBallots paperBallots
          counts { candidate { id name } votes hasMajority adopted position } adopted { id name } runoff { reason seats candidates { id } } } } } }`,
  ballots: `query($s: ID!, $r: Int, $after: String) { publishedBallots(sessionId: $s, round: $r, first: 50, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { receiptCode marks valid invalidReason source salt batch ballotHash prevHash chainHash } } }`,
  verify: `query($s: ID!, $r: String!) { verifyReceipt(sessionId: $s, receiptCode: $r) { found round counted valid choices { id } ballotHash chainHash chainHead fingerprint message } }`,
};

export interface PublishedBallotRow {
  receiptCode: string;
  marks: string[];
  valid: boolean;
  invalidReason: string | null;
  source: string;
  salt: string;
  batch: number;
  ballotHash: string;
  prevHash: string;
  chainHash: string;
}

/** Every published ballot of a round, following the pages. */
export async function allPublished(t: TestServer, sessionId: string, round: number | null = null): Promise<PublishedBallotRow[]> {
  const out: PublishedBallotRow[] = [];
  let after: string | null = null;
  for (;;) {
    type Page = { publishedBallots: { nodes: PublishedBallotRow[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };
    const res: GraphQLResponse<Page> = await t.gql<Page>(Q.ballots, { s: sessionId, r: round, after });
    if (!res.data?.publishedBallots) throw new Error(JSON.stringify(res.errors));
    out.push(...res.data.publishedBallots.nodes);
    if (!res.data.publishedBallots.pageInfo.hasNextPage) return out;
    after = res.data.publishedBallots.pageInfo.endCursor;
  }
}

/** The head of a round's last board checkpoint (the fingerprint when none): where the opened ballots' chain starts. */
export async function boardHead(t: TestServer, sessionId: string, round: number | null = null): Promise<string> {
  const res = await t.gql<{ voteBulletinBoard: { fingerprint: string; checkpoints: { head: string }[] } }>('query($s: ID!, $r: Int) { voteBulletinBoard(sessionId: $s, round: $r) { fingerprint checkpoints { head } } }', { s: sessionId, r: round });
  const b = res.data!.voteBulletinBoard;
  return b.checkpoints.length ? b.checkpoints[b.checkpoints.length - 1].head : b.fingerprint;
}

/**
 * Recomputes the chain of the opened ballots the way a member of the public would, with node's own
 * SHA-256: each commitment from the opened ballot, then by commitment, from the board's last head.
 */
export function recomputeChain(fingerprint: string, start: string, ballots: PublishedBallotRow[]): string {
  let prev = start;
  const ordered = [...ballots].sort((a, b) => (a.ballotHash < b.ballotHash ? -1 : 1));
  for (const b of ordered) {
    if (sha256(`${fingerprint}|${b.receiptCode}|${b.marks.join(',')}|${b.source}|${b.salt}`) !== b.ballotHash) throw new Error(`hash of ${b.receiptCode} does not match`);
    if (b.prevHash !== prev) throw new Error(`link of ${b.receiptCode} does not follow`);
    prev = sha256(`${prev}|${b.ballotHash}`);
    if (b.chainHash !== prev) throw new Error(`chain hash of ${b.receiptCode} wrong`);
  }
  return prev;
}

/**
 * A session of the given candidates and seats in Fuxin, its roster imported (the first delegate a
 * scrutineer) and the given delegates checked in through the API.
 */
export async function preparedSession(
  t: TestServer,
  admin: string,
  tokens: Record<string, string>,
  opts: { seats: number; names: string[]; roster: string[]; checkIn?: string[]; scrutineers?: string[] },
): Promise<{ id: string; candidateIds: string[] }> {
  const fuxin = await cityId(t, '阜新市');
  const created = await t.gql<{ createVoteSession: { id: string } }>(Q.create, { c: String(fuxin), i: { name: '测试人大会议', meetingDate: '2021-01-15', seats: opts.seats } }, admin);
  const id = created.data!.createVoteSession.id;
  const c = await t.gql<{ setVoteCandidates: { id: string }[] }>(Q.candidates, { s: id, c: opts.names.map((n) => ({ name: n, description: `${n}的内容` })) }, admin);
  const scrutineers = new Set(opts.scrutineers ?? [opts.roster[0]]);
  const file = await uploadSpreadsheet(t, admin, await rosterWorkbook(opts.roster.map((username) => ({ username, scrutineer: scrutineers.has(username) }))));
  const imported = await t.gql<{ importVoteRoster: { committed: boolean } }>(Q.importRoster, { s: id, f: file, d: false }, admin);
  if (!imported.data?.importVoteRoster.committed) throw new Error(JSON.stringify(imported));
  for (const u of opts.checkIn ?? opts.roster) await t.gql(Q.checkIn, { s: id }, tokens[u]);
  return { id, candidateIds: c.data!.setVoteCandidates.map((x) => x.id) };
}

/** The roster as a scrutineer or admin sees it: user id by name (代表1 …). */
export async function rosterIds(t: TestServer, id: string, token: string): Promise<Map<string, string>> {
  const res = await t.gql<{ voteSession: { roster: { userId: string; name: string }[] } }>('query($id: ID!) { voteSession(id: $id) { roster { userId name } } }', { id }, token);
  return new Map(res.data!.voteSession.roster.map((r) => [r.name, r.userId]));
}

/** The private keys (JWK `d`) of the key holders the tests registered, by roster entry id, as each holder's key file. */
export const holderKeys = new Map<number, string>();

/**
 * Gives the session three key holders, as their browsers would: the roster's scrutineers (and, when
 * fewer than three, the last entries of the roster made scrutineers) with a P-256 key each, whose
 * private half the test keeps as the holder's key file.
 */
export async function provisionHolders(t: TestServer, sessionId: string): Promise<RosterEntry[]> {
  const repo = t.server.db.getRepository(RosterEntry);
  const roster = await repo.find({ where: { sessionId: Number(sessionId) }, order: { id: 'ASC' } });
  if (roster.length === 0) return [];
  const holders = roster.filter((e) => e.scrutineer);
  for (const e of [...roster].reverse()) {
    if (holders.length >= SHARES) break;
    if (!e.scrutineer) holders.push(e);
  }
  for (const h of holders) {
    if (h.shareKey && holderKeys.has(h.id)) continue;
    const key = newHolderKey();
    holderKeys.set(h.id, key.privateJwk.d!);
    await repo.update({ id: h.id }, { scrutineer: true, shareKey: key.publicKey });
  }
  return holders;
}

/** Opens a round (Q.open) once the session has its three key holders. */
export async function openRound<T = { openVote: { status: string; currentRound: number; fingerprint: string } }>(t: TestServer, sessionId: string, token: string): Promise<GraphQLResponse<T>> {
  await provisionHolders(t, sessionId);
  return t.gql<T>(Q.open, { s: sessionId }, token);
}

/** The holders' shares of the session's open round, opened with their key files, in share order. */
export async function openedShares(t: TestServer, sessionId: string): Promise<string[]> {
  const session = await t.server.db.getRepository(VoteSession).findOneByOrFail({ id: Number(sessionId) });
  const round = await t.server.db.getRepository(VoteRound).findOneByOrFail({ sessionId: session.id, number: session.currentRound });
  const shares = await t.server.db.getRepository(RoundShare).find({ where: { roundId: round.id }, order: { number: 'ASC' } });
  return shares.map((s) => openShare(holderKeys.get(s.rosterEntryId)!, s.sealed));
}

/**
 * Counts the open round (Q.close) with two holders' shares (the second and third, opened with their
 * key files and handed over, unless given).
 */
export async function closeRound<T = { closeVote: { status: string; currentRound: number } }>(t: TestServer, sessionId: string, token: string, shares?: string[]): Promise<GraphQLResponse<T>> {
  let k = shares;
  if (!k) {
    try {
      k = (await openedShares(t, sessionId)).slice(1);
    } catch {
      k = [];
    }
  }
  return t.gql<T>(Q.close, { s: sessionId, k }, token);
}

/** Confirms, as `token` (a second scrutineer or an admin), every paper batch of the session's open round it did not hand out. */
export async function confirmPaperBatches(t: TestServer, sessionId: string, token: string): Promise<number> {
  const res = await t.gql<{ voteSession: { round: { paperBatches: { id: string; confirmedBy: string | null; mine: boolean }[] | null } } }>('query($id: ID!) { voteSession(id: $id) { round { paperBatches { id confirmedBy mine } } } }', { id: sessionId }, token);
  let n = 0;
  for (const b of res.data!.voteSession.round.paperBatches ?? []) {
    if (b.confirmedBy !== null || b.mine) continue;
    const done = await t.gql('mutation($s: ID!, $b: ID!) { confirmPaperBatch(sessionId: $s, batchId: $b) }', { s: sessionId, b: b.id }, token);
    if (done.errors) throw new Error(JSON.stringify(done.errors));
    n++;
  }
  return n;
}
