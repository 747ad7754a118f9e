import { useState } from 'react';
import { Button, Card, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery } from 'urql';
import { graphql } from './gql';
import type { ReserveFieldsFragment } from './gql/graphql';
import { QueryState, useFormErrors, useMessages } from '@kpd/web-kit';
import { levelMessages, reserveMessages } from './messages';

/** What the reserve list and the candidates' editor show of a reserve item. */
export const RESERVE_FIELDS = graphql(`
  fragment ReserveFields on LivelihoodReserveItem {
    id name description leadDepartment targetQuantity unit estimatedCost origin status votes rosterSize reason withdrawnReason proposalIds
    fromSession { id name } drawnIntoSession { id name } history { id votes rosterSize reason fromSession { name } }
  }
`);
export const RESERVE = graphql(`
  query LivelihoodReserve($areaId: ID!, $status: ReserveStatus) { livelihoodReserve(areaId: $areaId, status: $status) { ...ReserveFields } }
`);
const CONGRESSES = graphql(`
  query ReserveCongresses { voteSessions { id level area { id name } manageable } }
`);
const WITHDRAW = graphql(`
  mutation WithdrawLivelihoodReserveItem($id: ID!, $reason: String!) { withdrawLivelihoodReserveItem(id: $id, reason: $reason) { id status withdrawnReason } }
`);

export type ReserveRow = ReserveFieldsFragment;

const STATUS_COLOR = { RESERVED: 'blue', DRAWN: 'green', WITHDRAWN: 'default' } as const;

/** One line per earlier time in the reserve, then this one. */
export function ReserveHistory({ item }: { item: Pick<ReserveRow, 'votes' | 'rosterSize' | 'reason' | 'fromSession' | 'history'> }) {
  const t = useMessages(reserveMessages);
  return (
    <Space direction="vertical" size={0} data-testid="reserve-history">
      {[...item.history, item].map((h, i) => (
        <Typography.Text key={i} type={i < item.history.length ? 'secondary' : undefined}>
          {t('historyLine', { session: h.fromSession?.name ?? '—', reason: h.reason })}
        </Typography.Text>
      ))}
    </Space>
  );
}

/**
 * The reserve library (项目储备库) of a congress: what the vote did not adopt and the accepted
 * proposals not put to it, with votes, reasons and history; its admins withdraw an item with a
 * published reason.
 */
export function Reserve({ admin }: { admin: boolean }) {
  const t = useMessages(reserveMessages);
  const l = useMessages(levelMessages);
  const [congresses] = useQuery({ query: CONGRESSES });
  const areas = [...new Map((congresses.data?.voteSessions ?? []).map((s) => [s.area.id, { ...s.area, level: s.level, manageable: s.manageable }])).values()];
  const [areaId, setAreaId] = useState<string | undefined>();
  const [status, setStatus] = useState<ReserveRow['status'] | 'ALL'>('RESERVED');
  const chosen = areas.find((a) => a.id === areaId) ?? areas[0];
  const [{ data, fetching, error }, refetch] = useQuery({
    query: RESERVE,
    variables: { areaId: chosen?.id ?? '0', status: status === 'ALL' ? null : status },
    pause: !chosen,
    requestPolicy: 'cache-and-network',
  });
  const [withdrawing, setWithdrawing] = useState<ReserveRow | null>(null);
  return (
    <div data-testid="reserve">
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <span>{t('area')}</span>
        <Select style={{ minWidth: 200 }} data-testid="reserve-area" loading={congresses.fetching} value={chosen?.id} onChange={setAreaId} options={areas.map((a) => ({ value: a.id, label: `${a.name}（${l(a.level)}）` }))} />
        <Select<ReserveRow['status'] | 'ALL'>
          style={{ minWidth: 140 }}
          data-testid="reserve-status"
          value={status}
          onChange={setStatus}
          options={[{ value: 'ALL', label: t('allStatus') }, ...(['RESERVED', 'DRAWN', 'WITHDRAWN'] as const).map((v) => ({ value: v, label: t(v) }))]}
        />
      </Space>
      {withdrawing && (
        <Withdraw
          item={withdrawing}
          onDone={() => {
            setWithdrawing(null);
            refetch({ requestPolicy: 'network-only' });
          }}
          onCancel={() => setWithdrawing(null)}
        />
      )}
      <QueryState fetching={fetching || congresses.fetching} error={error ?? congresses.error} data={chosen ? data : { livelihoodReserve: [] }} isEmpty={(d) => d.livelihoodReserve.length === 0} empty={t('none')} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
        {(d) => (
          <Table<ReserveRow>
            rowKey="id"
            size="small"
            data-testid="reserve-table"
            dataSource={d.livelihoodReserve}
            pagination={false}
            scroll={{ x: 900 }}
            columns={[
              { title: t('name'), dataIndex: 'name' },
              { title: t('origin'), dataIndex: 'origin', width: 130, render: (v: ReserveRow['origin']) => t(v) },
              { title: t('votes'), width: 90, align: 'right', render: (_: unknown, r) => (r.votes === null ? t('noVotes') : t('votesOf', { votes: r.votes, roster: r.rosterSize ?? '—' })) },
              { title: t('history'), width: 320, render: (_: unknown, r) => <ReserveHistory item={r} /> },
              {
                title: t('status'),
                width: 160,
                render: (_: unknown, r) => (
                  <>
                    <Tag color={STATUS_COLOR[r.status]}>{t(r.status)}</Tag>
                    {r.drawnIntoSession && <div>{t('drawnInto', { session: r.drawnIntoSession.name })}</div>}
                    {r.withdrawnReason && <Typography.Text type="secondary">{r.withdrawnReason}</Typography.Text>}
                  </>
                ),
              },
              ...(admin && chosen?.manageable
                ? [
                    {
                      title: '',
                      width: 80,
                      render: (_: unknown, r: ReserveRow) =>
                        r.status === 'RESERVED' ? (
                          <Button size="small" onClick={() => setWithdrawing(r)} data-testid={`reserve-withdraw-${r.id}`}>
                            {t('withdraw')}
                          </Button>
                        ) : null,
                    },
                  ]
                : []),
            ]}
          />
        )}
      </QueryState>
    </div>
  );
}

function Withdraw({ item, onDone, onCancel }: { item: ReserveRow; onDone: () => void; onCancel: () => void }) {
  const t = useMessages(reserveMessages);
  const [form] = Form.useForm<{ reason: string }>();
  const errors = useFormErrors(form);
  const [{ fetching }, withdraw] = useMutation(WITHDRAW);
  return (
    <Card size="small" title={t('withdrawTitle', { name: item.name })} style={{ maxWidth: 560, marginBottom: 12 }} data-testid="reserve-withdraw-form">
      <Form
        form={form}
        layout="vertical"
        onFinish={async (v) => {
          const r = await withdraw({ id: item.id, reason: v.reason });
          if (errors.show(r.error)) return;
          onDone();
        }}
      >
        <Form.Item name="reason" label={t('withdrawReason')} rules={[{ required: true, message: t('required') }]}>
          <Input.TextArea rows={2} maxLength={500} data-testid="reserve-withdraw-reason" />
        </Form.Item>
        {errors.notice}
        <Space>
          <Button type="primary" danger htmlType="submit" loading={fetching} data-testid="reserve-withdraw-confirm">
            {t('confirm')}
          </Button>
          <Button onClick={onCancel}>{t('cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}
