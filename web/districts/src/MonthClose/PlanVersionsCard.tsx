import { useState } from 'react';
import { Button, Card, Select, Space, Table, Tag } from 'antd';
import { useQuery } from 'urql';
import { formatDateTime, Pager, QueryState, useCursorPages, useMessages } from '@kpd/web-kit';
import type { CorrectionStatus } from '../gql/graphql';
import { monthCloseMessages as messages } from '../month-close.messages';
import { DecideModal } from './DecideModal';
import { PLAN_VERSIONS, type PlanVersionRow } from './queries';
import { STATUS_COLORS } from './statusColors';

export function PlanVersionsCard({ canDecide }: { canDecide: boolean }) {
  const t = useMessages(messages);
  const [status, setStatus] = useState<CorrectionStatus | 'ALL'>('PENDING');
  const pages = useCursorPages(status, 20);
  const [list, refetch] = useQuery({ query: PLAN_VERSIONS, variables: { status: status === 'ALL' ? null : status, first: pages.first, after: pages.after }, requestPolicy: 'network-only' });
  const [deciding, setDeciding] = useState<{ id: string; approve: boolean } | null>(null);
  return (
    <Card
      title={t('planVersionsTitle')}
      extra={
        <Select<CorrectionStatus | 'ALL'>
          value={status}
          onChange={setStatus}
          style={{ width: 140 }}
          data-testid="plan-versions-status"
          options={(['PENDING', 'APPROVED', 'REJECTED', 'ALL'] as const).map((s) => ({ value: s, label: t(`STATUS_${s}`) }))}
        />
      }
    >
      <QueryState fetching={list.fetching && !list.data} error={list.error} data={list.data?.planVersionRequests} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
        {(c) => (
          <>
            <Table<PlanVersionRow>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={c.nodes}
              data-testid="plan-versions-requests"
              locale={{ emptyText: t('noPlanVersions') }}
              columns={[
                { title: t('project'), render: (_: unknown, r) => (r.project ? `${r.project.district.name} · ${r.project.name}` : '—') },
                { title: t('year'), dataIndex: 'year', width: 70 },
                { title: t('version'), width: 70, render: (_: unknown, r) => `v${r.version}` },
                { title: t('reason'), render: (_: unknown, r) => r.reason ?? t('baseline') },
                { title: t('requestedBy'), render: (_: unknown, r) => `${r.requestedBy} ${formatDateTime(r.requestedAt)}` },
                { title: t('state'), width: 100, render: (_: unknown, r) => <Tag color={STATUS_COLORS[r.status]}>{t(`STATUS_${r.status}`)}</Tag> },
                {
                  title: '',
                  width: 150,
                  render: (_: unknown, r) =>
                    canDecide && r.status === 'PENDING' ? (
                      <Space>
                        <Button size="small" type="primary" onClick={() => setDeciding({ id: r.id, approve: true })} data-testid="plan-version-approve">
                          {t('approve')}
                        </Button>
                        <Button size="small" danger onClick={() => setDeciding({ id: r.id, approve: false })} data-testid="plan-version-reject">
                          {t('reject')}
                        </Button>
                      </Space>
                    ) : null,
                },
              ]}
            />
            <Pager page={pages.page} pageSize={pages.first} total={c.totalCount} hasNext={c.pageInfo.hasNextPage} onPrev={pages.prev} onNext={() => c.pageInfo.endCursor && pages.next(c.pageInfo.endCursor)} testId="plan-versions-pager" />
          </>
        )}
      </QueryState>
      {deciding && (
        <DecideModal
          plan
          correction={{ id: deciding.id }}
          approve={deciding.approve}
          onDone={() => {
            setDeciding(null);
            refetch({ requestPolicy: 'network-only' });
          }}
          onCancel={() => setDeciding(null)}
        />
      )}
    </Card>
  );
}
