import { useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Input, Row, Segmented, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useQuery } from 'urql';
import { graphql } from './gql';
import type { PublishedBallotsQuery, VoteResultsQuery } from './gql/graphql';
import { ErrorNotice, formatDateTime, QueryState, useMessages } from '@kpd/web-kit';
import { resultMessages as messages } from './messages';
import { Verifier } from './Verify';

type ResultSession = NonNullable<VoteResultsQuery['voteSession']>;
type Round = ResultSession['rounds'][number];
type PublishedBallot = PublishedBallotsQuery['publishedBallots']['nodes'][number];

const RESULTS = graphql(`
  query VoteResults($id: ID!) {
    voteSession(id: $id) {
      id name status seats rosterSize fingerprint
      adopted { id name position adoptedInRound }
      rounds {
        id number status seats fingerprint chainHead openedAt closedAt tallyHiddenReason
        paper { issued returned notReturned valid }
        tally {
          rosterSize ballotsCast electronicBallots paperBallots validBallots blankBallots invalidBallots
          invalidTooManyMarks invalidUnknownCandidate invalidDuplicateMark majorityVotes ruleVersion
          counts { position votes hasMajority adopted candidate { id name } }
          adopted { id name }
          runoff { reason seats candidates { id name } }
        }
      }
    }
  }
`);
const BALLOTS = graphql(`
  query PublishedBallots($sessionId: ID!, $round: Int, $first: Int, $after: String) {
    publishedBallots(sessionId: $sessionId, round: $round, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { receiptCode round valid invalidReason source ballotHash chainHash choices { id name } }
    }
  }
`);
const VERIFY = graphql(`
  query VerifyReceipt($sessionId: ID!, $receiptCode: String!) {
    verifyReceipt(sessionId: $sessionId, receiptCode: $receiptCode) {
      found counted valid invalidReason message round fingerprint ballotHash chainHash chainHead checkpoint checkpointHead choices { id name }
    }
  }
`);

/** A hash shown whole, small and breakable, with a copy button. */
export function Hash({ value, testId }: { value: string | null | undefined; testId?: string }) {
  if (!value) return <>—</>;
  return (
    <Typography.Text code copyable style={{ fontSize: 12, wordBreak: 'break-all' }} data-testid={testId}>
      {value}
    </Typography.Text>
  );
}

/**
 * The published results of a session: per closed round the counts, valid/blank/invalid ballots, the
 * adopted list and any further round, the fingerprint and chain head, the ballot list by receipt code
 * and a receipt search. Nothing is shown for a round still open.
 */
export function Results({ sessionId }: { sessionId: string }) {
  const t = useMessages(messages);
  const [{ data, fetching, error }, refetch] = useQuery({ query: RESULTS, variables: { id: sessionId }, requestPolicy: 'cache-and-network' });
  const [chosen, setChosen] = useState<number | null>(null);
  return (
    <QueryState fetching={fetching} error={error} data={data} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
      {({ voteSession: s }) => {
        if (s.rounds.length === 0) return <Alert type="info" showIcon title={t('notYet')} data-testid="results-none" />;
        const number = chosen ?? s.rounds[s.rounds.length - 1].number;
        const round = s.rounds.find((r) => r.number === number) ?? s.rounds[s.rounds.length - 1];
        return (
          <div data-testid="results">
            {s.adopted.length > 0 && (
              <Card size="small" title={t('adoptedTitle', { n: s.adopted.length, seats: s.seats })} style={{ marginBottom: 12 }} data-testid="results-adopted">
                <ol style={{ margin: 0, paddingLeft: 24 }}>
                  {[...s.adopted]
                    .sort((a, b) => a.position - b.position)
                    .map((c) => (
                      <li key={c.id}>
                        {c.name}
                        {c.adoptedInRound && c.adoptedInRound > 1 ? <Tag style={{ marginLeft: 8 }}>{t('inRound', { n: c.adoptedInRound })}</Tag> : null}
                      </li>
                    ))}
                </ol>
              </Card>
            )}
            {s.rounds.length > 1 && (
              <Segmented
                style={{ marginBottom: 12 }}
                value={round.number}
                onChange={(v) => setChosen(Number(v))}
                options={s.rounds.map((r) => ({ value: r.number, label: t('round', { n: r.number }) }))}
              />
            )}
            <RoundResult sessionId={s.id} round={round} />
            <Verifier sessionId={s.id} />
          </div>
        );
      }}
    </QueryState>
  );
}

function RoundResult({ sessionId, round }: { sessionId: string; round: Round }) {
  const t = useMessages(messages);
  const tally = round.tally;
  return (
    <>
      <Descriptions size="small" bordered column={1} style={{ marginBottom: 12 }} data-testid="results-hashes">
        <Descriptions.Item label={t('fingerprint')}>
          <Hash value={round.fingerprint} testId="results-fingerprint" />
        </Descriptions.Item>
        <Descriptions.Item label={t('chainHead')}>
          <Hash value={round.chainHead} testId="results-chain-head" />
        </Descriptions.Item>
        <Descriptions.Item label={t('period')}>
          {formatDateTime(round.openedAt)} — {round.closedAt ? formatDateTime(round.closedAt) : t('stillOpen')}
        </Descriptions.Item>
      </Descriptions>
      {!tally ? (
        <Alert type="info" showIcon title={round.tallyHiddenReason ?? t('notYet')} data-testid="results-hidden" />
      ) : (
        <>
          <Row gutter={[12, 12]} style={{ marginBottom: 12 }} data-testid="results-figures">
            <Col xs={12} sm={6}>
              <Statistic title={t('roster')} value={tally.rosterSize} />
            </Col>
            <Col xs={12} sm={6}>
              <Statistic title={t('cast')} value={tally.ballotsCast} suffix={<span style={{ fontSize: 12 }}>{t('castDetail', { app: tally.electronicBallots, paper: tally.paperBallots })}</span>} />
            </Col>
            <Col xs={12} sm={6}>
              <Statistic title={t('valid')} value={tally.validBallots} suffix={<span style={{ fontSize: 12 }}>{t('blankDetail', { n: tally.blankBallots })}</span>} />
            </Col>
            <Col xs={12} sm={6}>
              <Statistic title={t('invalid')} value={tally.invalidBallots} />
            </Col>
          </Row>
          {tally.invalidBallots > 0 && (
            <Typography.Paragraph type="secondary">
              {t('invalidDetail', { many: tally.invalidTooManyMarks, unknown: tally.invalidUnknownCandidate, dup: tally.invalidDuplicateMark })}
            </Typography.Paragraph>
          )}
          <Typography.Paragraph>{t('rule', { roster: tally.rosterSize, n: tally.majorityVotes, seats: round.seats })}</Typography.Paragraph>
          {round.paper.issued > 0 && (
            <Typography.Paragraph data-testid="results-paper">
              {t('paper', { issued: round.paper.issued, returned: round.paper.returned ?? 0, missing: round.paper.notReturned ?? 0 })}
            </Typography.Paragraph>
          )}
          {tally.runoff && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              data-testid="results-runoff"
              title={t(tally.runoff.reason, { seats: tally.runoff.seats })}
              description={tally.runoff.candidates.map((c) => c.name).join('、')}
            />
          )}
          <Table
            rowKey={(r) => r.candidate.id}
            size="small"
            data-testid="results-counts"
            pagination={false}
            scroll={{ x: 560 }}
            dataSource={[...tally.counts].sort((a, b) => b.votes - a.votes || a.position - b.position)}
            columns={[
              { title: t('no'), dataIndex: 'position', width: 60 },
              { title: t('candidate'), render: (_: unknown, r) => r.candidate.name },
              { title: t('votes'), dataIndex: 'votes', align: 'right', width: 90 },
              { title: t('share'), render: (_: unknown, r) => (tally.rosterSize ? `${((r.votes / tally.rosterSize) * 100).toFixed(1)}%` : '—'), align: 'right', width: 90 },
              {
                title: t('outcome'),
                width: 120,
                render: (_: unknown, r) => (r.adopted ? <Tag color="green">{t('adopted')}</Tag> : r.hasMajority ? <Tag color="orange">{t('majorityOnly')}</Tag> : <Tag>{t('notAdopted')}</Tag>),
              },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('ballots')}
          </Typography.Title>
          <ReceiptSearch sessionId={sessionId} />
          <BallotList sessionId={sessionId} round={round.number} />
        </>
      )}
    </>
  );
}

/** The published ballots of a counted round, by receipt code, a page at a time. */
function BallotList({ sessionId, round }: { sessionId: string; round: number }) {
  const t = useMessages(messages);
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const after = cursors[cursors.length - 1];
  const [{ data, fetching, error }, refetch] = useQuery({
    query: BALLOTS,
    variables: { sessionId, round, first: 20, after },
  });
  return (
    <QueryState fetching={fetching} error={error} data={data} isEmpty={(d) => d.publishedBallots.totalCount === 0} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
      {(d) => (
        <>
          <Table<PublishedBallot>
            rowKey="receiptCode"
            size="small"
            data-testid="published-ballots"
            loading={fetching}
            dataSource={d.publishedBallots.nodes}
            pagination={false}
            scroll={{ x: 720 }}
            title={() => t('ballotTotal', { n: d.publishedBallots.totalCount, page: cursors.length })}
            columns={[
              { title: t('receipt'), dataIndex: 'receiptCode', width: 150, render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
              { title: t('choices'), render: (_: unknown, b) => (b.choices.length ? b.choices.map((c) => c.name).join('、') : t('blank')) },
              { title: t('validity'), width: 110, render: (_: unknown, b) => (b.valid ? <Tag color="green">{t('validTag')}</Tag> : <Tag color="red">{b.invalidReason ?? t('invalidTag')}</Tag>) },
              { title: t('source'), dataIndex: 'source', width: 80, render: (v: string) => t(v === 'PAPER' ? 'paperTag' : 'appTag') },
              { title: t('chainLink'), dataIndex: 'chainHash', width: 140, render: (v: string) => <Typography.Text code title={v} style={{ fontSize: 11 }}>{v.slice(0, 12)}…</Typography.Text> },
            ]}
          />
          <Space style={{ marginTop: 8 }}>
            <Button disabled={cursors.length === 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
              {t('prev')}
            </Button>
            <Button disabled={!d.publishedBallots.pageInfo.hasNextPage} onClick={() => d.publishedBallots.pageInfo.endCursor && setCursors((c) => [...c, d.publishedBallots.pageInfo.endCursor])} data-testid="ballots-next">
              {t('next')}
            </Button>
          </Space>
        </>
      )}
    </QueryState>
  );
}

/** Finds a ballot by its receipt code (verifyReceipt): recorded, counted as cast, its marks and chain link. */
export function ReceiptSearch({ sessionId }: { sessionId: string | undefined }) {
  const t = useMessages(messages);
  const [code, setCode] = useState('');
  const [asked, setAsked] = useState<{ sessionId: string; receiptCode: string } | null>(null);
  const [{ data, fetching, error }] = useQuery({ query: VERIFY, variables: asked ?? { sessionId: '', receiptCode: '' }, pause: !asked || asked.sessionId !== sessionId, requestPolicy: 'network-only' });
  const v = asked?.sessionId === sessionId ? data?.verifyReceipt : undefined;
  return (
    <Space direction="vertical" style={{ width: '100%', marginBottom: 12 }} data-testid="receipt-search">
      <Input.Search
        placeholder={t('receiptPlaceholder')}
        enterButton={t('verify')}
        value={code}
        onChange={(e) => setCode(e.target.value)}
        loading={fetching}
        disabled={!sessionId}
        onSearch={(value) => sessionId && value.trim() && setAsked({ sessionId, receiptCode: value.trim() })}
        data-testid="receipt-code"
        style={{ maxWidth: 480 }}
      />
      {error && <ErrorNotice error={error} />}
      {v && (
        <Alert
          type={v.found ? (v.valid === false ? 'warning' : 'success') : 'error'}
          showIcon
          data-testid="receipt-result"
          title={v.message}
          description={
            v.found ? (
              <>
                {v.round !== null && (
                  <div>
                    {t('round', { n: v.round })}
                    {v.counted ? ` · ${t('counted')}` : ''}
                  </div>
                )}
                {v.invalidReason && <div>{v.invalidReason}</div>}
                {v.counted && (
                  <div>
                    {t('choices')}：{v.choices.length ? v.choices.map((c) => c.name).join('、') : t('blank')}
                  </div>
                )}
                {v.checkpointHead && (
                  <div style={{ fontSize: 12, wordBreak: 'break-all' }} data-testid="receipt-checkpoint">
                    {t('checkpoint', { n: v.checkpoint ?? 0 })}：<code>{v.checkpointHead}</code>
                  </div>
                )}
                {v.chainHash && (
                  <div style={{ fontSize: 12, wordBreak: 'break-all' }}>
                    {t('chainLink')}：<code>{v.chainHash}</code>
                  </div>
                )}
              </>
            ) : undefined
          }
        />
      )}
    </Space>
  );
}
