import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Input, Select, Space, Tag, Typography } from 'antd';
import { useMutation, useQuery } from 'urql';
import { ErrorNotice, QueryState, useMessages } from '@kpd/web-kit';
import { ballotMessages as messages } from './messages';

interface Candidate {
  id: string;
  name: string;
  description: string;
  position: number;
}
interface Round {
  number: number;
  status: 'OPEN' | 'CLOSED';
  seats: number;
  fingerprint: string;
  candidates: Candidate[];
}
interface Session {
  id: string;
  name: string;
  status: string;
  round: Round | null;
  me: { onRoster: boolean; votedInCurrentRound: boolean } | null;
}

const SESSIONS = /* GraphQL */ `
  query BallotSessions {
    voteSessions {
      id name status
      round { number status seats fingerprint candidates { id name description position } }
      me { onRoster votedInCurrentRound }
    }
  }
`;
const CAST = /* GraphQL */ `
  mutation CastBallot($sessionId: ID!, $candidateIds: [ID!]!) {
    castBallot(sessionId: $sessionId, candidateIds: $candidateIds) { receiptCode fingerprint round }
  }
`;
const VERIFY = /* GraphQL */ `
  query VerifyReceipt($sessionId: ID!, $receiptCode: String!) {
    verifyReceipt(sessionId: $sessionId, receiptCode: $receiptCode) { found counted valid invalidReason message round fingerprint choices { id name } }
  }
`;

/** The delegate's ballot for the open round, sized for a phone: the frozen list, at most `seats` marks, the receipt. */
export function Ballot() {
  const t = useMessages(messages);
  const [{ data, fetching, error }, refetch] = useQuery<{ voteSessions: Session[] }>({ query: SESSIONS });
  const open = data?.voteSessions.filter((s) => s.round?.status === 'OPEN') ?? [];
  return (
    <div style={{ maxWidth: 560 }}>
      <QueryState fetching={fetching} error={error} data={data} isEmpty={() => false} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
        {() =>
          open.length === 0 ? (
            <Alert type="info" showIcon title={t('noOpen')} style={{ marginBottom: 12 }} data-testid="ballot-none" />
          ) : (
            open.map((s) => <BallotCard key={s.id} session={s} />)
          )
        }
      </QueryState>
      <ReceiptLookup sessions={data?.voteSessions ?? []} />
    </div>
  );
}

function BallotCard({ session }: { session: Session }) {
  const t = useMessages(messages);
  const round = session.round!;
  const [chosen, setChosen] = useState<string[]>([]);
  const [receipt, setReceipt] = useState<{ receiptCode: string; fingerprint: string; round: number } | null>(null);
  const [{ fetching, error }, cast] = useMutation<{ castBallot: { receiptCode: string; fingerprint: string; round: number } }>(CAST);
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
              {t('receipt')}：<Typography.Text strong copyable style={{ fontSize: 18 }}>{receipt.receiptCode}</Typography.Text>
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
            onClick={async () => {
              const r = await cast({ sessionId: session.id, candidateIds: chosen });
              if (r.data) setReceipt(r.data.castBallot);
            }}
          >
            {t('submit')}
          </Button>
        </>
      )}
    </Card>
  );
}

function ReceiptLookup({ sessions }: { sessions: Session[] }) {
  const t = useMessages(messages);
  const [sessionId, setSessionId] = useState<string | undefined>();
  const [code, setCode] = useState('');
  const [asked, setAsked] = useState<{ sessionId: string; receiptCode: string } | null>(null);
  const [{ data, fetching, error }] = useQuery<{
    verifyReceipt: { found: boolean; counted: boolean; valid: boolean | null; invalidReason: string | null; message: string; round: number | null; choices: Array<{ id: string; name: string }> };
  }>({ query: VERIFY, variables: asked ?? {}, pause: !asked, requestPolicy: 'network-only' });
  const sid = sessionId ?? (sessions.find((s) => s.round?.status === 'OPEN') ?? sessions[0])?.id;
  const v = data?.verifyReceipt;
  return (
    <Card size="small" title={t('lookup')} data-testid="receipt-lookup">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Select style={{ width: '100%' }} placeholder={t('session')} value={sid} onChange={setSessionId} options={sessions.map((s) => ({ value: s.id, label: s.name }))} />
        <Input.Search
          placeholder={t('receipt')}
          enterButton={t('verify')}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          loading={fetching}
          disabled={!sid}
          onSearch={(value) => sid && value.trim() && setAsked({ sessionId: sid, receiptCode: value.trim() })}
          data-testid="receipt-code"
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
                  {v.round !== null && <div>{t('round', { n: v.round })}{v.counted ? ` · ${t('counted')}` : ''}</div>}
                  {v.invalidReason && <div>{v.invalidReason}</div>}
                  <div>
                    {t('choices')}：{v.choices.length ? v.choices.map((c) => c.name).join('、') : t('blank')}
                  </div>
                </>
              ) : undefined
            }
          />
        )}
      </Space>
    </Card>
  );
}
