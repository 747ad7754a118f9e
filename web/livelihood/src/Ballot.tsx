import { useEffect, useState } from 'react';
import { Alert, Button, Card, Checkbox, Modal, Select, Space, Tag, Typography } from 'antd';
import { useMutation, useQuery } from 'urql';
import { graphql } from './gql';
import type { BallotSessionsQuery } from './gql/graphql';
import { ErrorNotice, formatDateTime, QueryState, useMessages } from '@kpd/web-kit';
import { ballotMessages as messages } from './messages';
import { ReceiptSearch } from './Results';

type Session = BallotSessionsQuery['voteSessions'][number];

const SESSIONS = graphql(`
  query BallotSessions {
    voteSessions {
      id name status
      round { number status seats fingerprint candidates { id name description position } }
      me { onRoster checkedInAt votedInCurrentRound }
    }
  }
`);
const CAST = graphql(`
  mutation CastBallot($sessionId: ID!, $candidateIds: [ID!]!) {
    castBallot(sessionId: $sessionId, candidateIds: $candidateIds) { receiptCode tracker fingerprint round }
  }
`);
const CHECK_IN = graphql(`
  mutation CheckIn($sessionId: ID!) { checkInToSession(sessionId: $sessionId) { id checkedInAt } }
`);

/**
 * The delegate's page, sized for a phone: check in to a session being prepared, then the ballot for the
 * open round (the frozen list and its fingerprint, at most `seats` marks, the receipt), and the receipt lookup.
 */
export function Ballot() {
  const t = useMessages(messages);
  const [{ data, fetching, error }, refetch] = useQuery({ query: SESSIONS, requestPolicy: 'cache-and-network' });
  const sessions = data?.voteSessions ?? [];
  const open = sessions.filter((s) => s.round?.status === 'OPEN');
  const toCheckIn = sessions.filter((s) => s.me?.onRoster && (s.status === 'DRAFT' || s.status === 'VOTING' || s.status === 'COUNTED'));
  const waiting = open.length === 0 && toCheckIn.some((s) => s.me?.checkedInAt);
  // While a checked-in delegate waits for the vote to open, look again every few seconds.
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => refetch({ requestPolicy: 'network-only' }), 5000);
    return () => clearInterval(timer);
  }, [waiting, refetch]);
  return (
    <div style={{ maxWidth: 560 }}>
      <QueryState fetching={fetching} error={error} data={data} isEmpty={() => false} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
        {() => (
          <>
            {toCheckIn.map((s) => (
              <CheckIn key={s.id} session={s} onDone={() => refetch({ requestPolicy: 'network-only' })} />
            ))}
            {open.length === 0 ? (
              <Alert
                type="info"
                showIcon
                title={t('noOpen')}
                style={{ marginBottom: 12 }}
                data-testid="ballot-none"
                action={
                  <Button size="small" onClick={() => refetch({ requestPolicy: 'network-only' })} data-testid="ballot-refresh">
                    {t('refresh')}
                  </Button>
                }
              />
            ) : (
              open.map((s) => <BallotCard key={s.id} session={s} />)
            )}
          </>
        )}
      </QueryState>
      <ReceiptLookup sessions={sessions} />
    </div>
  );
}

/** Checking in (报到) to a session the delegate is on the roster of. */
function CheckIn({ session, onDone }: { session: Session; onDone: () => void }) {
  const t = useMessages(messages);
  const [{ fetching, error }, checkIn] = useMutation(CHECK_IN);
  const at = session.me?.checkedInAt;
  return (
    <Card size="small" title={session.name} style={{ marginBottom: 12 }} data-testid="checkin">
      {at ? (
        <Typography.Text type="success" data-testid="checkin-done">
          {t('checkedIn', { at: formatDateTime(at) })}
        </Typography.Text>
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('checkInHint')}</Typography.Paragraph>
          {error && <ErrorNotice error={error} />}
          <Button
            type="primary"
            block
            size="large"
            loading={fetching}
            data-testid="checkin-button"
            onClick={async () => {
              const r = await checkIn({ sessionId: session.id });
              if (r.data) onDone();
            }}
          >
            {t('checkIn')}
          </Button>
        </>
      )}
    </Card>
  );
}

function BallotCard({ session }: { session: Session }) {
  const t = useMessages(messages);
  const round = session.round!;
  const [chosen, setChosen] = useState<string[]>([]);
  // Casting cannot be undone: the marks are read back and confirmed first.
  const [confirming, setConfirming] = useState(false);
  const [receipt, setReceipt] = useState<{ receiptCode: string; tracker: string; fingerprint: string; round: number } | null>(null);
  const [{ fetching, error }, cast] = useMutation(CAST);
  const toggle = (id: string, on: boolean) => setChosen((c) => (on ? (c.length < round.seats ? [...c, id] : c) : c.filter((x) => x !== id)));
  return (
    <Card size="small" title={session.name} style={{ marginBottom: 12 }} data-testid="ballot">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('round', { n: round.number })} · {t('choose', { seats: round.seats })}
      </Typography.Paragraph>
      <Typography.Paragraph style={{ fontSize: 12, wordBreak: 'break-all' }} data-testid="ballot-fingerprint">
        {t('fingerprint')}：<code>{round.fingerprint}</code>
      </Typography.Paragraph>
      {receipt ? (
        <Alert
          type="success"
          showIcon
          data-testid="ballot-receipt"
          title={t('cast')}
          description={
            <>
              {t('receipt')}：<Typography.Text strong copyable style={{ fontSize: 18 }} data-testid="ballot-receipt-code">{receipt.receiptCode}</Typography.Text>
              <div style={{ fontSize: 12, wordBreak: 'break-all' }}>
                {t('tracker')}：<Typography.Text copyable code data-testid="ballot-tracker">{receipt.tracker}</Typography.Text>
              </div>
              <div style={{ fontSize: 12 }}>{t('keep')}</div>
            </>
          }
        />
      ) : session.me?.votedInCurrentRound ? (
        <Alert type="info" showIcon title={t('already')} />
      ) : (
        <>
          <Space direction="vertical" style={{ width: '100%' }}>
            {[...round.candidates]
              .sort((a, b) => a.position - b.position)
              .map((c) => {
                const on = chosen.includes(c.id);
                return (
                  <Checkbox key={c.id} checked={on} disabled={!on && chosen.length >= round.seats} onChange={(e) => toggle(c.id, e.target.checked)} style={{ padding: '6px 0' }}>
                    <strong>{c.position}. {c.name}</strong>
                    {c.description ? <div style={{ fontSize: 12, color: '#666' }}>{c.description}</div> : null}
                  </Checkbox>
                );
              })}
          </Space>
          <div style={{ margin: '12px 0' }}>
            <Tag color={chosen.length === round.seats ? 'green' : 'blue'}>{t('marked', { n: chosen.length, seats: round.seats })}</Tag>
            {chosen.length === 0 && <Typography.Text type="secondary">{t('blank')}</Typography.Text>}
          </div>
          {error && <ErrorNotice error={error} />}
          <Button
            type="primary"
            block
            size="large"
            loading={fetching}
            data-testid="ballot-cast"
            onClick={() => setConfirming(true)}
          >
            {t('submit')}
          </Button>
          <Modal
            open={confirming}
            title={t('confirmTitle')}
            okText={t('confirmCast')}
            cancelText={t('backToMarks')}
            confirmLoading={fetching}
            okButtonProps={{ id: 'ballot-confirm', danger: true }}
            onCancel={() => setConfirming(false)}
            onOk={async () => {
              const r = await cast({ sessionId: session.id, candidateIds: chosen });
              setConfirming(false);
              if (r.data) setReceipt(r.data.castBallot);
            }}
          >
            <div data-testid="ballot-confirm-marks">
              {chosen.length === 0 ? (
                <Alert type="warning" showIcon title={t('confirmBlank')} />
              ) : (
                <>
                  <Typography.Paragraph>{t('confirmMarked', { n: chosen.length, seats: round.seats })}</Typography.Paragraph>
                  <ul>
                    {[...round.candidates]
                      .filter((c) => chosen.includes(c.id))
                      .sort((a, b) => a.position - b.position)
                      .map((c) => (
                        <li key={c.id}>
                          <strong>
                            {c.position}. {c.name}
                          </strong>
                        </li>
                      ))}
                  </ul>
                </>
              )}
              <Typography.Text type="danger">{t('confirmFinal')}</Typography.Text>
            </div>
          </Modal>
        </>
      )}
    </Card>
  );
}

function ReceiptLookup({ sessions }: { sessions: Session[] }) {
  const t = useMessages(messages);
  const [sessionId, setSessionId] = useState<string | undefined>();
  const sid = sessionId ?? (sessions.find((s) => s.round?.status === 'OPEN') ?? sessions[0])?.id;
  return (
    <Card size="small" title={t('lookup')} data-testid="receipt-lookup">
      <Select style={{ width: '100%', marginBottom: 8 }} placeholder={t('session')} value={sid} onChange={setSessionId} options={sessions.map((s) => ({ value: s.id, label: s.name }))} />
      <ReceiptSearch sessionId={sid} />
    </Card>
  );
}
