import { useState } from 'react';
import { Space, Typography } from 'antd';
import { MonthPicker, previousMonth, useMessages, useQueryParam, type RemoteProps } from '@kpd/web-kit';
import { monthCloseMessages as messages } from '../month-close.messages';
import { CloseCard } from './CloseCard';
import { CorrectionsCard } from './CorrectionsCard';
import { PlanVersionsCard } from './PlanVersionsCard';
import { PublicationsCard } from './PublicationsCard';

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Month close (月度关账), the corrections awaiting a city admin, and what was published with its hash. */
export function MonthClosePage({ viewer }: RemoteProps) {
  const t = useMessages(messages);
  const [periodParam, setPeriod] = useQueryParam('period', (v) => PERIOD.test(v));
  const period = periodParam ?? previousMonth();
  // An approved correction republishes boards: the list of publications is read again after each decision.
  const [decisions, setDecisions] = useState(0);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('title')} · {viewer.area.name}
        </Typography.Title>
        <Space>
          <Typography.Text>{t('month')}</Typography.Text>
          <MonthPicker style={{ width: 170 }} value={period} max={previousMonth()} onChange={(v) => v && PERIOD.test(v) && setPeriod(v)} testId="close-month" />
        </Space>
      </Space>
      <CloseCard areaId={viewer.area.id} period={period} canClose={viewer.role === 'ADMIN'} />
      <CorrectionsCard canDecide={viewer.role === 'ADMIN' && viewer.area.level !== 'DISTRICT'} onDecided={() => setDecisions((n) => n + 1)} />
      <PlanVersionsCard canDecide={viewer.role === 'ADMIN' && viewer.area.level !== 'DISTRICT'} />
      <PublicationsCard refreshKey={decisions} />
    </Space>
  );
}
