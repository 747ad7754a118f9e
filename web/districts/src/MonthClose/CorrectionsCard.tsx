import { useState } from 'react';
import { Button, Card, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useQuery } from 'urql';
import { formatDateTime, formatPeriod, LIGHT_HEX, Pager, QueryState, useCursorPages, useLocale, useMessages } from '@kpd/web-kit';
import type { CorrectionStatus } from '../gql/graphql';
import { monthCloseMessages as messages } from '../month-close.messages';
import { DecideModal } from './DecideModal';
import { CORRECTIONS, type Correction } from './queries';
import { STATUS_COLORS } from './statusColors';

export function CorrectionsCard({ canDecide, onDecided }: { canDecide: boolean; onDecided: () => void }) {
  const t = useMessages(messages);
  const locale = useLocale();
  const [status, setStatus] = useState<CorrectionStatus | 'ALL'>('PENDING');
  // Ten a page: each correction carries the months it relit, which the query cost counts per row.
  const pages = useCursorPages(status, 10);
  const [list, refetch] = useQuery({
    query: CORRECTIONS,
    variables: { filter: status === 'ALL' ? null : { status }, first: pages.first, after: pages.after },
    requestPolicy: 'network-only',
  });
  const [deciding, setDeciding] = useState<{ correction: Correction; approve: boolean } | null>(null);
  const connection = list.data?.lightCorrections;
  return (
    <Card
      title={t('correctionsTitle')}
      extra={
        <Select<CorrectionStatus | 'ALL'>
          value={status}
          onChange={setStatus}
          style={{ width: 140 }}
          data-testid="corrections-status"
          options={(['PENDING', 'APPROVED', 'REJECTED', 'ALL'] as const).map((s) => ({ value: s, label: t(`STATUS_${s}`) }))}
        />
      }
    >
      <QueryState fetching={list.fetching && !list.data} error={list.error} data={connection} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
        {(c) => (
          <>
            <Table<Correction>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={c.nodes}
              data-testid="corrections-table"
              locale={{ emptyText: t('noCorrections') }}
              expandable={{ expandedRowRender: (r) => <CorrectionDetail correction={r} />, rowExpandable: (r) => r.status === 'APPROVED' || !!r.payload }}
              columns={[
                { title: t('project'), render: (_: unknown, r) => (r.project ? `${r.project.district.name} · ${r.project.name}` : '—') },
                { title: t('month'), width: 100, render: (_: unknown, r) => formatPeriod(r.period, locale) },
                { title: t('kind'), width: 90, render: (_: unknown, r) => t(`KIND_${r.kind}`) },
                { title: t('reason'), dataIndex: 'reason' },
                { title: t('requestedBy'), render: (_: unknown, r) => `${r.requestedBy} ${formatDateTime(r.requestedAt)}` },
                {
                  title: t('state'),
                  width: 110,
                  render: (_: unknown, r) => (
                    <Tooltip title={r.decidedBy ? `${r.decidedBy} ${formatDateTime(r.decidedAt)} ${r.decisionReason ?? ''}` : undefined}>
                      <Tag color={STATUS_COLORS[r.status]} data-testid="correction-status">
                        {t(`STATUS_${r.status}`)}
                      </Tag>
                    </Tooltip>
                  ),
                },
                {
                  title: '',
                  width: 150,
                  render: (_: unknown, r) =>
                    canDecide && r.status === 'PENDING' ? (
                      <Space>
                        <Button size="small" type="primary" onClick={() => setDeciding({ correction: r, approve: true })} data-testid="correction-approve">
                          {t('approve')}
                        </Button>
                        <Button size="small" danger onClick={() => setDeciding({ correction: r, approve: false })} data-testid="correction-reject">
                          {t('reject')}
                        </Button>
                      </Space>
                    ) : null,
                },
              ]}
            />
            <Pager page={pages.page} pageSize={pages.first} total={c.totalCount} hasNext={c.pageInfo.hasNextPage} onPrev={pages.prev} onNext={() => c.pageInfo.endCursor && pages.next(c.pageInfo.endCursor)} testId="corrections-pager" />
          </>
        )}
      </QueryState>
      {!canDecide && <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>{t('cityDecides')}</Typography.Paragraph>}
      {deciding && (
        <DecideModal
          correction={deciding.correction}
          approve={deciding.approve}
          onDone={() => {
            setDeciding(null);
            refetch({ requestPolicy: 'network-only' });
            onDecided();
          }}
          onCancel={() => setDeciding(null)}
        />
      )}
    </Card>
  );
}

function CorrectionDetail({ correction: r }: { correction: Correction }) {
  const t = useMessages(messages);
  const locale = useLocale();
  const light = (json: string | null) => {
    const v = json ? (JSON.parse(json) as { light?: { color: 'GREEN' | 'YELLOW' | 'RED'; reason: string } | null }) : null;
    return v?.light ? <Tag color={LIGHT_HEX[v.light.color]}>{t(v.light.color)}</Tag> : '—';
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="correction-detail">
      <Typography.Text type="secondary">
        {t('payload')}: <Typography.Text code>{r.payload}</Typography.Text>
      </Typography.Text>
      {r.status === 'APPROVED' && (
        <>
          <span>
            {t('before')} {light(r.before)} → {t('after')} {light(r.after)}
          </span>
          <span>
            {t('relit')}:{' '}
            {r.relitMonths.length === 0
              ? t('noRelit')
              : r.relitMonths.map((m) => (
                  <Tag key={m.period} color={m.closed ? 'blue' : 'default'}>
                    {formatPeriod(m.period, locale)} {m.before ? t(m.before as 'GREEN') : '—'} → {m.after ? t(m.after as 'GREEN') : '—'}
                    {m.closed ? ` (${t('closed')})` : ''}
                  </Tag>
                ))}
          </span>
        </>
      )}
    </Space>
  );
}
