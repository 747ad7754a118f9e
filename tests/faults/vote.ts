import { rosterWorkbook } from '../../services/api/src/modules/livelihood/testkit';
import { newHolderKey, openShare } from '../../services/api/src/modules/livelihood/counting-key';
import { Client } from './client';

export interface OpenVote {
  sessionId: string;
  candidates: string[];
  /** The counting key's shares as the three scrutineers opened them with their key files (two of them count the round). */
  shares: string[];
}

/**
 * Sets up a vote in `cityId` as its admin: 15 candidates, the delegates' roster imported from a
 * workbook (the first three scrutineers, who register their counting keys), every delegate checked
 * in (with the tokens given), the vote opened; the scrutineers open their shares.
 */
export async function openVoteFor(cityAdmin: Client, cityId: string, usernames: string[], tokens: string[], name: string): Promise<OpenVote> {
  const created = await cityAdmin.gql<{ createVoteSession: { id: string } }>('mutation($c: ID!, $i: VoteSessionInput!) { createVoteSession(cityId: $c, input: $i) { id } }', {
    c: cityId,
    i: { name, meetingDate: '2022-01-15', seats: 10 },
  });
  if (!created.data) throw new Error(`createVoteSession: ${JSON.stringify(created.errors)}`);
  const sessionId = created.data.createVoteSession.id;
  await cityAdmin.gql('mutation($s: ID!, $c: [CandidateInput!]!) { setVoteCandidates(sessionId: $s, candidates: $c) { id } }', {
    s: sessionId,
    c: Array.from({ length: 15 }, (_, i) => ({ name: `候选民生实事 ${i + 1}`, description: '测试候选项目' })),
  });
  const fileId = await cityAdmin.upload(await rosterWorkbook(usernames.map((username, i) => ({ username, scrutineer: i < 3 }))), 'roster.xlsx', 'spreadsheet');
  const imported = await cityAdmin.gql<{ importVoteRoster: { committed: boolean } }>(
    'mutation($s: ID!, $f: ID!) { importVoteRoster(sessionId: $s, fileId: $f, dryRun: false) { committed problems { row reason } } }',
    { s: sessionId, f: fileId },
  );
  if (!imported.data?.importVoteRoster.committed) throw new Error(`roster import: ${JSON.stringify(imported)}`);
  for (let i = 0; i < tokens.length; i += 50) {
    await Promise.all(tokens.slice(i, i + 50).map((t) => new Client(cityAdmin.url, t).gql('mutation($s: ID!) { checkInToSession(sessionId: $s) { checkedInAt } }', { s: sessionId })));
  }
  const keys = tokens.slice(0, 3).map(() => newHolderKey());
  for (const [i, key] of keys.entries()) {
    const r = await new Client(cityAdmin.url, tokens[i]).gql('mutation($s: ID!, $k: String!) { registerCountingKey(sessionId: $s, publicKey: $k) { shareKey } }', { s: sessionId, k: key.publicKey });
    if (r.errors) throw new Error(`registerCountingKey: ${JSON.stringify(r.errors)}`);
  }
  const opened = await cityAdmin.gql<{ openVote: { candidates: { id: string }[] } }>('mutation($s: ID!) { openVote(sessionId: $s) { candidates { id } } }', { s: sessionId });
  if (!opened.data) throw new Error(`openVote: ${JSON.stringify(opened.errors)}`);
  const shares: string[] = [];
  for (const [i, key] of keys.entries()) {
    const mine = await new Client(cityAdmin.url, tokens[i]).gql<{ voteSession: { round: { myCountingShare: { sealed: string } } } }>('query($s: ID!) { voteSession(id: $s) { round { myCountingShare { sealed } } } }', { s: sessionId });
    shares.push(openShare(key.privateJwk.d!, mine.data!.voteSession.round.myCountingShare.sealed));
  }
  return { sessionId, candidates: opened.data.openVote.candidates.map((c) => c.id), shares };
}

/** One delegate's ballot: up to ten of the candidates, varied by `i`. */
export function castBallot(url: string, token: string, vote: OpenVote, i: number) {
  return new Client(url, token).gql<{ castBallot: { receiptCode: string } }>('mutation($s: ID!, $c: [ID!]!) { castBallot(sessionId: $s, candidateIds: $c) { receiptCode } }', {
    s: vote.sessionId,
    c: vote.candidates.filter((_, j) => (i + j) % 3 !== 0).slice(0, 10),
  });
}
