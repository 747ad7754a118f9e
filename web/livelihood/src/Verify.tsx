import { useState } from 'react';
import { Alert, Button, Card, Input, Space, Typography } from 'antd';
import { useClient } from 'urql';
import { graphql } from './gql';
import { publishedRound, verifyRound, type BoardAnswer, type CountAnswer } from '@kpd/domain';
import { useMessages } from '@kpd/web-kit';
import { verifyMessages as messages } from './messages';

const ROUNDS = graphql(`
  query VerifyVoteRounds($id: ID!) {
    voteSession(id: $id) {
      id
      rounds {
        number
        tally { ballotsCast validBallots blankBallots invalidBallots counts { candidate { id } votes } adopted { id } }
        attendance { rosterSize checkedIn votedElectronically votedOnPaper sheetsIssued sheetsReturned spoiled }
      }
    }
  }
`);
const BOARD = graphql(`
  query VerifyVoteBoard($sessionId: ID!, $round: Int) {
    voteBulletinBoard(sessionId: $sessionId, round: $round) {
      round canonical fingerprint counted chainHead
      checkpoints { number count head }
      entries { batch ballotHash prevHash chainHash }
      opened { batch ballotHash prevHash chainHash receiptCode marks source salt }
    }
  }
`);

type Outcome = { verified: boolean; lines: string[] };

/**
 * The public verifier in the browser: fetches the bulletin board and the published count of every
 * round (queries open to anyone) and recomputes them here with the same rule as `pnpm verify-vote`
 * (packages/domain): fingerprint, commitments, chain and checkpoints, tally, attendance arithmetic.
 */
export function Verifier({ sessionId }: { sessionId: string }) {
  const t = useMessages(messages);
  const client = useClient();
  const [heads, setHeads] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const run = async () => {
    setBusy(true);
    try {
      const rounds = await client.query<{ voteSession: { rounds: (CountAnswer & { number: number })[] } }>(ROUNDS, { id: sessionId }, { requestPolicy: 'network-only' }).toPromise();
      if (rounds.error || !rounds.data) throw rounds.error ?? new Error('no data');
      const lines: string[] = [];
      const known = new Set<string>();
      const problems: string[] = [];
      for (const r of rounds.data.voteSession.rounds) {
        const board = await client.query<{ voteBulletinBoard: BoardAnswer }>(BOARD, { sessionId, round: r.number }, { requestPolicy: 'network-only' }).toPromise();
        if (board.error || !board.data) throw board.error ?? new Error('no data');
        const v = verifyRound(publishedRound(board.data.voteBulletinBoard, r));
        board.data.voteBulletinBoard.checkpoints.forEach((c) => known.add(c.head));
        if (board.data.voteBulletinBoard.chainHead) known.add(board.data.voteBulletinBoard.chainHead);
        lines.push(t('roundLine', { n: v.round, entries: v.entries, checkpoints: v.checkpoints }));
        problems.push(...v.problems);
      }
      for (const h of heads.split(/\s+/).filter(Boolean)) if (!known.has(h.toLowerCase())) problems.push(t('headMissing', { head: h.slice(0, 12) }));
      setOutcome({ verified: problems.length === 0 && rounds.data.voteSession.rounds.length > 0, lines: [...lines, ...problems] });
    } catch (e) {
      setOutcome({ verified: false, lines: [(e as Error).message] });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={t('title')} style={{ marginBottom: 12 }} data-testid="verifier">
      <Typography.Paragraph type="secondary">{t('hint')}</Typography.Paragraph>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Input placeholder={t('headsPlaceholder')} value={heads} onChange={(e) => setHeads(e.target.value)} data-testid="verifier-heads" style={{ maxWidth: 640 }} />
        <Button type="primary" loading={busy} onClick={run} data-testid="verifier-run">
          {t('run')}
        </Button>
        {outcome && (
          <Alert
            type={outcome.verified ? 'success' : 'error'}
            showIcon
            data-testid="verifier-result"
            title={outcome.verified ? t('verified') : t('broken')}
            description={
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {outcome.lines.map((l, i) => (
                  <li key={i}>{l}</li>
                ))}
              </ul>
            }
          />
        )}
      </Space>
    </Card>
  );
}
