import { publishedRound, verifyRound, type BoardAnswer, type CountAnswer, type RoundVerification } from '@kpd/domain';

/*
 * pnpm verify-vote <session id or name> [--api http://localhost:4000] [--head <hash> …]
 *
 * Verifies a congress session's vote from its public data alone, as any member of the public can:
 * fetches the bulletin board and the published count of every round from the public API (no
 * sign-in) and recomputes the fingerprint, the chain of sealed ballots against every checkpoint,
 * that as many ballots were opened at the count as were sealed, each opened ballot's commitment and
 * its chain to the published head, the tally and the attendance arithmetic. `--head` gives checkpoint heads noted earlier
 * (from a receipt check or the public page); each must still be on the chain. Prints "verified" and
 * exits 0, or says where it breaks and exits 1.
 */

const SESSION = `query($id: ID!) { voteSession(id: $id) { id name rounds { number status
  tally { ballotsCast validBallots blankBallots invalidBallots counts { candidate { id } votes } adopted { id } }
  attendance { rosterSize checkedIn votedElectronically votedOnPaper sheetsIssued sheetsReturned spoiled } } } }`;
const SESSIONS = `query { voteSessions { id name } }`;
const BOARD = `query($s: ID!, $r: Int) { voteBulletinBoard(sessionId: $s, round: $r) { round canonical fingerprint counted chainHead
  checkpoints { number count head } entries { batch ballotHash prevHash chainHash }
  opened { batch ballotHash prevHash chainHash receiptCode marks source salt } } }`;

async function gql<T>(api: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(`${api.replace(/\/$/, '')}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const json = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (!json.data || json.errors?.length) throw new Error(json.errors?.map((e) => e.message).join('; ') ?? `HTTP ${res.status}`);
  return json.data;
}

export interface VoteVerification {
  session: string;
  verified: boolean;
  rounds: RoundVerification[];
  /** What to print, one line each. */
  lines: string[];
}

export async function verifyVote(api: string, session: string, knownHeads: string[] = []): Promise<VoteVerification> {
  let id = session;
  if (!/^\d+$/.test(session)) {
    const all = await gql<{ voteSessions: { id: string; name: string }[] }>(api, SESSIONS);
    const found = all.voteSessions.find((s) => s.name === session);
    if (!found) throw new Error(`没有名为 ${session} 的票决会议 (no session of that name)`);
    id = found.id;
  }
  type Round = CountAnswer & { number: number; status: string };
  const { voteSession } = await gql<{ voteSession: { id: string; name: string; rounds: Round[] } }>(api, SESSION, { id });
  const rounds: RoundVerification[] = [];
  const heads = new Set<string>();
  for (const round of voteSession.rounds) {
    const { voteBulletinBoard: board } = await gql<{ voteBulletinBoard: BoardAnswer }>(api, BOARD, { s: id, r: round.number });
    rounds.push(verifyRound(publishedRound(board, round)));
    for (const c of board.checkpoints) heads.add(c.head);
    if (board.chainHead) heads.add(board.chainHead);
  }
  const problems = rounds.flatMap((r) => r.problems);
  for (const h of knownHeads) {
    if (!heads.has(h)) problems.push(`早先记下的链头 ${h.slice(0, 12)}… 不在链上：公告板被改写 (a head noted earlier is not on the chain: the board was rewritten)`);
  }
  const verified = rounds.length > 0 && problems.length === 0;
  const lines = [
    `${voteSession.name}（编号 ${voteSession.id}）`,
    ...rounds.map((r) => `第 ${r.round} 轮：${r.entries} 张选票，${r.checkpoints} 个检查点`),
    ...(rounds.length ? [] : ['尚无投票轮次 (no round yet)']),
    ...problems,
    verified ? 'verified — 已验证：哈希链、计票与出席核对均与公开数据一致' : `NOT verified — 验证未通过（${problems.length} 处）`,
  ];
  return { session: id, verified, rounds, lines };
}

async function main(argv: string[]): Promise<number> {
  const args = [...argv];
  let api = process.env.KPD_API_URL ?? `http://localhost:${process.env.PORT ?? 4000}`;
  const heads: string[] = [];
  const positional: string[] = [];
  while (args.length) {
    const a = args.shift()!;
    if (a === '--api') api = args.shift() ?? api;
    else if (a === '--head') heads.push(args.shift() ?? '');
    else positional.push(a);
  }
  if (positional.length !== 1) {
    console.error('usage: pnpm verify-vote <session id or name> [--api http://localhost:4000] [--head <hash> …]');
    return 2;
  }
  try {
    const result = await verifyVote(api, positional[0], heads);
    for (const line of result.lines) console.log(line);
    return result.verified ? 0 : 1;
  } catch (e) {
    console.error(`无法验证 (cannot verify): ${(e as Error).message}`);
    return 2;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => process.exit(code));
}
