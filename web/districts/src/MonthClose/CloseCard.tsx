import { useState } from 'react';
import { Alert, Button, Card, Popconfirm, Table, Tag } from 'antd';
import { useMutation, useQuery } from 'urql';
import { ErrorNotice, formatDateTime, formatMoneyIn, formatPeriod, LIGHT_HEX, QueryState, useLocale, useMessages } from '@kpd/web-kit';
import { monthCloseMessages as messages } from '../month-close.messages';
import { STATUS, CLOSE, type CloseRow } from './queries';

export function CloseCard({ areaId, period, canClose }: { areaId: string; period: string; canClose: boolean }) {
  const t = useMessages(messages);
  const locale = useLocale();
  const [status, refetch] = useQuery({ query: STATUS, variables: { areaId, period }, requestPolicy: 'network-only' });
  const [closing, close] = useMutation(CLOSE);
  const [result, setResult] = useState<CloseRow[] | null>(null);
  const rows = status.data?.monthClose ?? result ?? [];
  const open = rows.filter((r) => !r.closed).length;
  const doClose = async () => {
    const r = await close({ areaId, period });
    if (r.data) {
      setResult(r.data.closeMonth);
      refetch({ requestPolicy: 'network-only' });
    }
  };
  const sum = (k: 'green' | 'yellow' | 'red') => rows.reduce((n, r) => n + r[k], 0);
  return (
    <Card
      title={`${t('closeTitle')} · ${formatPeriod(period, locale)}`}
      extra={
        canClose && open > 0 ? (
          <Popconfirm title={t('closeConfirm', { month: formatPeriod(period, locale), n: open })} onConfirm={() => void doClose()}>
            <Button type="primary" loading={closing.fetching} data-testid="close-month-button">
              {t('close')}
            </Button>
          </Popconfirm>
        ) : rows.length > 0 && open === 0 ? (
          <Tag color="blue" data-testid="month-closed">
            {t('allClosed')}
          </Tag>
        ) : null
      }
    >
      {closing.error && <ErrorNotice error={closing.error} />}
      {result && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="close-result"
          title={t('closeResult', { month: formatPeriod(period, locale), green: sum('green'), yellow: sum('yellow'), red: sum('red') })}
        />
      )}
      <QueryState fetching={status.fetching && !status.data} error={status.error} data={status.data} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
        {() => (
          <Table<CloseRow>
            rowKey="districtId"
            size="small"
            pagination={false}
            dataSource={rows}
            data-testid="close-table"
            columns={[
              { title: t('district'), dataIndex: 'districtName' },
              { title: t('state'), render: (_: unknown, r) => (r.closed ? <Tag color="blue">{t('closed')}</Tag> : <Tag>{t('open')}</Tag>) },
              { title: <span style={{ color: LIGHT_HEX.GREEN }}>{t('green')}</span>, dataIndex: 'green', align: 'right' },
              { title: <span style={{ color: LIGHT_HEX.YELLOW }}>{t('yellow')}</span>, dataIndex: 'yellow', align: 'right' },
              { title: <span style={{ color: LIGHT_HEX.RED }}>{t('red')}</span>, dataIndex: 'red', align: 'right' },
              { title: t('planned'), align: 'right', render: (_: unknown, r) => formatMoneyIn(r.planned, 'yi') },
              { title: t('actual'), align: 'right', render: (_: unknown, r) => formatMoneyIn(r.actual, 'yi') },
              { title: t('ytd'), align: 'right', render: (_: unknown, r) => formatMoneyIn(r.actualYearToDate, 'yi') },
              { title: t('closedBy'), render: (_: unknown, r) => (r.closed ? `${r.closedBy ?? ''} ${formatDateTime(r.closedAt)}` : '—') },
            ]}
          />
        )}
      </QueryState>
    </Card>
  );
}
