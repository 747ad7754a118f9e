import { useState } from 'react';
import { Button, Card, Select, Space, Switch, Table, Tag } from 'antd';
import { useQuery } from 'urql';
import { QueryState, useMessages } from '@kpd/web-kit';
import type { RectificationStatus } from '../../gql/graphql';
import { ratingMessages } from '../messages';
import { RectificationDrawer } from './RectificationDrawer';
import { RECTIFICATIONS, type Rectification } from './queries';

const LIVE: RectificationStatus[] = ['VERIFYING', 'RECTIFYING', 'FEEDBACK', 'RETURN_VISIT'];

export function RectificationList({ areaId, canEdit, onChanged }: { areaId: string | null; canEdit: boolean; onChanged: () => void }) {
  const t = useMessages(ratingMessages);
  const [onlyOverdue, setOnlyOverdue] = useState(false);
  const [statuses, setStatuses] = useState<RectificationStatus[]>(LIVE);
  const [after, setAfter] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [list, refetch] = useQuery({
    query: RECTIFICATIONS,
    variables: { filter: { areaId, statuses: statuses.length ? statuses : null, overdue: onlyOverdue ? true : null }, after },
  });
  return (
    <Card
      size="small"
      title={t('list')}
      style={{ marginTop: 16 }}
      extra={
        <Space wrap>
          <Select
            mode="multiple"
            allowClear
            style={{ minWidth: 240 }}
            value={statuses}
            onChange={(v) => {
              setStatuses(v);
              setAfter(null);
            }}
            options={[...LIVE, 'CLOSED' as const].map((s) => ({ value: s, label: t(s) }))}
            data-testid="rectification-status"
          />
          <span>{t('onlyOverdue')}</span>
          <Switch
            size="small"
            checked={onlyOverdue}
            onChange={(v) => {
              setOnlyOverdue(v);
              setAfter(null);
            }}
            data-testid="only-overdue"
          />
        </Space>
      }
    >
      <QueryState fetching={list.fetching} error={list.error} data={list.data} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
        {(d) => (
          <>
            <Table<Rectification>
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={d.serviceRectifications.nodes}
              scroll={{ x: 900 }}
              data-testid="rectifications"
              title={() => `共 ${d.serviceRectifications.totalCount} 件`}
              columns={[
                { title: t('caseNo'), render: (_: unknown, r) => r.rating?.case?.caseNo, width: 160 },
                { title: t('item'), render: (_: unknown, r) => r.item?.name, width: 220 },
                { title: t('score'), render: (_: unknown, r) => <Tag color="red">{t(`s${r.rating?.score ?? 1}` as 's1')}</Tag>, width: 110 },
                { title: t('owner'), dataIndex: 'owner', width: 160 },
                { title: t('openedOn'), dataIndex: 'openedOn', width: 110 },
                {
                  title: t('deadline'),
                  render: (_: unknown, r) => (
                    <span>
                      {r.deadline} {r.overdue && <Tag color="red" data-testid="overdue">{t('overdue')}</Tag>}
                    </span>
                  ),
                  width: 190,
                },
                { title: t('status'), render: (_: unknown, r) => <Tag>{t(r.status)}</Tag>, width: 90 },
                {
                  title: t('nextStep'),
                  render: (_: unknown, r) =>
                    r.nextStep ? (
                      <Button size="small" type={r.overdue ? 'primary' : 'default'} danger={r.overdue} onClick={() => setOpenId(r.id)} data-testid="rectification-open">
                        {t(`step_${r.nextStep}`)}
                      </Button>
                    ) : (
                      <Button size="small" type="link" onClick={() => setOpenId(r.id)}>
                        {t('history')}
                      </Button>
                    ),
                  width: 100,
                },
              ]}
            />
            {d.serviceRectifications.pageInfo.hasNextPage && (
              <Button style={{ marginTop: 8 }} onClick={() => setAfter(d.serviceRectifications.pageInfo.endCursor!)}>
                下一页
              </Button>
            )}
          </>
        )}
      </QueryState>
      {openId && (
        <RectificationDrawer
          id={openId}
          canEdit={canEdit}
          onClose={() => setOpenId(null)}
          onRecorded={() => {
            refetch({ requestPolicy: 'network-only' });
            onChanged();
          }}
        />
      )}
    </Card>
  );
}
