import { Alert, Button, Card, Descriptions, Popconfirm, Space, Tag, Typography } from 'antd';
import { useMutation } from 'urql';
import { ErrorNotice, useMessages } from '@kpd/web-kit';
import { sessionMessages } from '../messages';
import { Hash } from '../Results';
import { ShareStatus } from '../KeyHolder';
import { CLOSE, CONCLUDE, OPEN, type DetailSession } from './queries';

/** Open, close, conclude; with the frozen fingerprint once opened. */
export function VoteControl({ session: v, onChanged }: { session: DetailSession; onChanged: () => void }) {
  const s = useMessages(sessionMessages);
  const [opened, open] = useMutation(OPEN);
  const [closed, close] = useMutation(CLOSE);
  const [concluded, conclude] = useMutation(CONCLUDE);
  const error = opened.error ?? closed.error ?? concluded.error;
  const round = v.round;
  const tooFew = v.candidates.length <= v.seats;
  return (
    <Card size="small" title={s('controlTitle')} style={{ marginBottom: 16 }} data-testid="vote-control">
      {v.status === 'DRAFT' && (
        <Space direction="vertical" style={{ width: '100%' }}>
          {tooFew && <Alert type="warning" showIcon title={s('needCandidates', { seats: v.seats })} />}
          <Typography.Text type="secondary">{s('openHint')}</Typography.Text>
          <Popconfirm title={s('openConfirm')} onConfirm={async () => (await open({ sessionId: v.id })).data && onChanged()} okButtonProps={{ 'data-testid': 'vote-open-ok' }}>
            <Button type="primary" loading={opened.fetching} data-testid="vote-open">
              {s('open')}
            </Button>
          </Popconfirm>
        </Space>
      )}
      {v.status === 'COUNTED' && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Alert type="warning" showIcon title={s('countedHint')} />
          <Space wrap>
            <Popconfirm title={s('runoffConfirm')} onConfirm={async () => (await open({ sessionId: v.id })).data && onChanged()} okButtonProps={{ 'data-testid': 'vote-open-ok' }}>
              <Button type="primary" loading={opened.fetching} data-testid="vote-runoff">
                {s('runoff')}
              </Button>
            </Popconfirm>
            <Popconfirm title={s('concludeConfirm')} onConfirm={async () => (await conclude({ sessionId: v.id })).data && onChanged()} okButtonProps={{ 'data-testid': 'vote-conclude-ok' }}>
              <Button loading={concluded.fetching} data-testid="vote-conclude">
                {s('conclude')}
              </Button>
            </Popconfirm>
          </Space>
        </Space>
      )}
      {round && (
        <Descriptions size="small" column={1} style={{ marginTop: 12 }}>
          <Descriptions.Item label={s('roundLabel')}>
            {s('roundState', { n: round.number, seats: round.seats, candidates: round.candidates.length })}{' '}
            <Tag color={round.status === 'OPEN' ? 'processing' : 'default'}>{s(round.status === 'OPEN' ? 'roundOpen' : 'roundClosed')}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={s('fingerprint')}>
            <Hash value={round.fingerprint} testId="session-fingerprint" />
          </Descriptions.Item>
          <Descriptions.Item label={s('canonical')}>
            <Typography.Paragraph style={{ fontSize: 11, marginBottom: 0, maxHeight: 120, overflow: 'auto', whiteSpace: 'pre-wrap', wordBreak: 'break-all' }} copyable>
              {round.canonical}
            </Typography.Paragraph>
          </Descriptions.Item>
        </Descriptions>
      )}
      {v.status === 'VOTING' && round && !round.awaitingShares && (
        <Space orientation="vertical" style={{ width: '100%', marginTop: 12 }}>
          <Typography.Text type="secondary">{s('closeHint')}</Typography.Text>
          <Popconfirm title={s('closeConfirm')} onConfirm={async () => (await close({ sessionId: v.id })).data && onChanged()} okButtonProps={{ 'data-testid': 'vote-close-ok' }}>
            <Button danger type="primary" loading={closed.fetching} data-testid="vote-close">
              {s('close')}
            </Button>
          </Popconfirm>
        </Space>
      )}
      {v.status === 'VOTING' && round?.awaitingShares && (
        <Space orientation="vertical" style={{ width: '100%', marginTop: 12 }} data-testid="awaiting-shares">
          <Alert type="info" showIcon title={s('awaitingShares')} />
          <ShareStatus round={round} />
        </Space>
      )}
      {v.status === 'DECIDED' && <Typography.Text type="success">{s('decided')}</Typography.Text>}
      {error && (
        <div style={{ marginTop: 12 }}>
          <ErrorNotice error={error} />
        </div>
      )}
    </Card>
  );
}
