import { useState } from 'react';
import { Alert, Button, Card, Empty, Input, Space, Timeline, Typography } from 'antd';
import { useMutation } from 'urql';
import { ErrorNotice, formatDateTime, formatPeriod, useLocale, useMessages, type Viewer } from '@kpd/web-kit';
import { messages, type MessageKey } from '../messages';
import { DECIDE, type Detail, type HistoryLight } from './queries';
import { COLORS, Lamp } from './Lamp';

export function LightHistory({ project: p, viewer, onDecided }: { project: Detail; viewer: Viewer; onDecided: () => void }) {
  const t = useMessages(messages);
  const locale = useLocale();
  if (p.lights.length === 0) return <Empty description={t('noLights')} />;
  return (
    <Timeline
      data-testid="light-history"
      items={[...p.lights].reverse().map((l) => ({
        color: COLORS[l.color],
        children: (
          <div data-testid="light-entry">
            <Space wrap>
              <strong>{formatPeriod(l.period, locale)}</strong>
              <Lamp light={l} />
              <span>{l.reason}</span>
            </Space>
            {l.removal && <Removal light={l} projectId={p.id} canDecide={viewer.role === 'ADMIN'} onDecided={onDecided} />}
          </div>
        ),
      }))}
    />
  );
}

function Removal({ light, projectId, canDecide, onDecided }: { light: HistoryLight; projectId: string; canDecide: boolean; onDecided: () => void }) {
  const t = useMessages(messages);
  const [reason, setReason] = useState('');
  const [{ fetching, error }, decide] = useMutation(DECIDE);
  if (light.removal !== 'PROPOSED') {
    return (
      <Alert
        style={{ marginTop: 6 }}
        type={light.removal === 'CONFIRMED' ? 'warning' : 'info'}
        showIcon
        data-testid="removal-decided"
        title={`${t(`REMOVAL_${light.removal}` as MessageKey)}：${light.removalReason ?? ''}`}
        description={`${light.removalDecidedBy ?? ''} ${formatDateTime(light.removalDecidedAt)}`}
      />
    );
  }
  const submit = async (confirm: boolean) => {
    const r = await decide({ projectId, period: light.period, confirm, reason: reason.trim() });
    if (r.data) onDecided();
  };
  return (
    <Card size="small" style={{ marginTop: 6 }} data-testid="removal-proposed">
      <Typography.Text strong>{t('removalProposed')}</Typography.Text>
      {canDecide ? (
        <Space direction="vertical" style={{ width: '100%', marginTop: 8 }}>
          <Input.TextArea rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('removalReason')} data-testid="removal-reason" />
          <Space>
            <Button danger loading={fetching} disabled={reason.trim().length < 2} onClick={() => void submit(true)} data-testid="removal-confirm">
              {t('removalConfirm')}
            </Button>
            <Button loading={fetching} disabled={reason.trim().length < 2} onClick={() => void submit(false)} data-testid="removal-decline">
              {t('removalDecline')}
            </Button>
          </Space>
          {error && <ErrorNotice error={error} />}
        </Space>
      ) : (
        <div>
          <Typography.Text type="secondary">{t('removalAdminsOnly')}</Typography.Text>
        </div>
      )}
    </Card>
  );
}
