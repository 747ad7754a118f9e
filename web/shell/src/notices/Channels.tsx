import { useState } from 'react';
import { App as AntApp, Button, Form, Input, InputNumber, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery } from 'urql';
import { chineseMessage, formatDateTime, QueryState, readableError, useFormErrors } from '@kpd/web-kit';
import type { DeliveryStatus, NoticeChannelKind, NoticeChannelsQuery, NoticeDeliveriesQuery } from '../gql/graphql';
import { CHANNELS, DELIVERIES, RETRY_DELIVERY, SAVE_CHANNEL } from './queries';

type Channel = NoticeChannelsQuery['noticeChannels'][number];
type Delivery = NoticeDeliveriesQuery['noticeDeliveries']['nodes'][number];

const KIND_LABEL: Record<NoticeChannelKind, string> = { SMS: '短信网关', WECOM: '企业微信', DINGTALK: '钉钉' };
const STATUS: Record<DeliveryStatus, { label: string; color: string }> = {
  PENDING: { label: '待发送', color: 'blue' },
  SENT: { label: '已送达', color: 'green' },
  DEAD: { label: '死信', color: 'red' },
};

/**
 * 外发渠道 (admins): the webhook channels that carry the area's notices to SMS, 企业微信 or 钉钉
 * gateways, and every delivery with its tries; dead letters can be sent again.
 */
export function NoticeChannels() {
  const [{ data, fetching, error }, refetch] = useQuery({ query: CHANNELS, requestPolicy: 'cache-and-network' });
  const [editing, setEditing] = useState<Channel | 'new' | null>(null);
  return (
    <>
      <Typography.Paragraph type="secondary">
        站内提醒总会送达。在此配置的渠道把本地区用户的提醒以 JSON POST 到网关，正文用签名密钥做 HMAC-SHA256 签名（请求头 x-kpd-signature），失败按指数退避重试，用尽次数后进入死信。
      </Typography.Paragraph>
      <Button type="primary" onClick={() => setEditing('new')} style={{ marginBottom: 12 }} data-testid="new-channel">
        新增渠道
      </Button>
      <QueryState fetching={fetching} error={error} data={data} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
        {(d) => (
          <Table<Channel>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={d.noticeChannels}
            data-testid="channel-table"
            scroll={{ x: 900 }}
            columns={[
              { title: '名称', dataIndex: 'name' },
              { title: '类型', dataIndex: 'kind', render: (k: NoticeChannelKind) => KIND_LABEL[k] },
              { title: '网关地址', dataIndex: 'url', render: (u: string) => <Typography.Text code>{u}</Typography.Text> },
              { title: '状态', dataIndex: 'enabled', render: (e: boolean) => (e ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>) },
              { title: '最多尝试', dataIndex: 'maxAttempts' },
              { title: '待发送 / 已送达 / 死信', render: (_: unknown, c) => `${c.counts.pending} / ${c.counts.sent} / ${c.counts.dead}` },
              { title: '配置人', render: (_: unknown, c) => `${c.createdBy} · ${formatDateTime(c.createdAt)}` },
              { title: '', render: (_: unknown, c) => <Typography.Link onClick={() => setEditing(c)} data-testid={`edit-channel-${c.id}`}>修改</Typography.Link> },
            ]}
          />
        )}
      </QueryState>
      <Deliveries channels={data?.noticeChannels ?? []} />
      {editing && (
        <ChannelForm
          channel={editing === 'new' ? null : editing}
          onClose={(saved) => {
            setEditing(null);
            if (saved) refetch({ requestPolicy: 'network-only' });
          }}
        />
      )}
    </>
  );
}

interface ChannelValues {
  kind: NoticeChannelKind;
  name: string;
  url: string;
  secret?: string;
  enabled: boolean;
  maxAttempts: number;
}

function ChannelForm({ channel, onClose }: { channel: Channel | null; onClose: (saved: boolean) => void }) {
  const [form] = Form.useForm<ChannelValues>();
  const errors = useFormErrors(form);
  const [{ fetching }, save] = useMutation(SAVE_CHANNEL);
  const submit = async (v: ChannelValues) => {
    errors.clear();
    const res = await save({ input: { id: channel?.id ?? null, kind: v.kind, name: v.name, url: v.url, secret: v.secret || null, enabled: v.enabled, maxAttempts: v.maxAttempts } });
    if (errors.show(res.error)) return;
    onClose(true);
  };
  return (
    <Modal open title={channel ? '修改外发渠道' : '新增外发渠道'} onCancel={() => onClose(false)} onOk={() => form.submit()} okText="保存" cancelText="取消" confirmLoading={fetching} destroyOnHidden>
      <Form<ChannelValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        requiredMark={false}
        initialValues={channel ? { kind: channel.kind, name: channel.name, url: channel.url, enabled: channel.enabled, maxAttempts: channel.maxAttempts } : { kind: 'WECOM', enabled: true, maxAttempts: 6 }}
      >
        <Form.Item name="kind" label="类型">
          <Select options={(Object.keys(KIND_LABEL) as NoticeChannelKind[]).map((k) => ({ value: k, label: KIND_LABEL[k] }))} data-testid="channel-kind" />
        </Form.Item>
        <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, max: 64, message: '请填写渠道名称（不超过 64 字）' }]}>
          <Input placeholder="沈阳市企业微信网关" data-testid="channel-name" />
        </Form.Item>
        <Form.Item name="url" label="网关地址" rules={[{ required: true, message: '请填写网关地址' }]}>
          <Input placeholder="https://gateway.example.gov.cn/kpd" data-testid="channel-url" />
        </Form.Item>
        <Form.Item name="secret" label="签名密钥" extra={channel?.hasSecret ? '已设置；留空则不变' : '16 到 128 个字符，保存后不再显示'}>
          <Input.Password autoComplete="new-password" data-testid="channel-secret" />
        </Form.Item>
        <Form.Item name="maxAttempts" label="最多尝试次数">
          <InputNumber min={1} max={20} precision={0} />
        </Form.Item>
        <Form.Item name="enabled" label="启用" valuePropName="checked">
          <Switch data-testid="channel-enabled" />
        </Form.Item>
        {errors.notice}
      </Form>
    </Modal>
  );
}

function Deliveries({ channels }: { channels: Channel[] }) {
  const { message } = AntApp.useApp();
  const [channelId, setChannelId] = useState<string | null>(null);
  const [status, setStatus] = useState<DeliveryStatus | null>(null);
  const [after, setAfter] = useState<string[]>([]);
  const [{ data, fetching, error }, refetch] = useQuery({ query: DELIVERIES, variables: { first: 20, after: after.at(-1) ?? null, channelId, status }, requestPolicy: 'cache-and-network' });
  const [, retry] = useMutation(RETRY_DELIVERY);
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        外发记录
      </Typography.Title>
      <Space style={{ marginBottom: 12 }} wrap>
        <Select<string>
          allowClear
          placeholder="全部渠道"
          style={{ width: 200 }}
          value={channelId ?? undefined}
          onChange={(v) => {
            setChannelId(v ?? null);
            setAfter([]);
          }}
          options={channels.map((c) => ({ value: c.id, label: c.name }))}
        />
        <Select<DeliveryStatus>
          allowClear
          placeholder="全部状态"
          style={{ width: 140 }}
          value={status ?? undefined}
          onChange={(v) => {
            setStatus(v ?? null);
            setAfter([]);
          }}
          options={(Object.keys(STATUS) as DeliveryStatus[]).map((s) => ({ value: s, label: STATUS[s].label }))}
          data-testid="delivery-status"
        />
        <Button onClick={() => refetch({ requestPolicy: 'network-only' })}>刷新</Button>
      </Space>
      <QueryState fetching={fetching} error={error} data={data} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
        {(d) => (
          <>
            <Table<Delivery>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={d.noticeDeliveries.nodes}
              data-testid="delivery-table"
              scroll={{ x: 1000 }}
              expandable={{
                expandedRowRender: (r) => (
                  <Table
                    rowKey="id"
                    size="small"
                    pagination={false}
                    dataSource={r.attemptLog}
                    columns={[
                      { title: '第几次', dataIndex: 'attempt' },
                      { title: '时间', dataIndex: 'at', render: (v: string) => formatDateTime(v) },
                      { title: '响应码', dataIndex: 'httpStatus', render: (v: number | null) => v ?? '无响应' },
                      { title: '结果', dataIndex: 'ok', render: (ok: boolean) => (ok ? <Tag color="green">成功</Tag> : <Tag color="red">失败</Tag>) },
                      { title: '错误', dataIndex: 'error', render: (v: string | null) => v ?? '—' },
                      { title: '耗时（毫秒）', dataIndex: 'durationMs' },
                    ]}
                  />
                ),
              }}
              columns={[
                { title: '编号', dataIndex: 'id' },
                { title: '渠道', dataIndex: 'channelName' },
                { title: '提醒', render: (_: unknown, r) => r.notice?.title ?? '—' },
                { title: '接收人', render: (_: unknown, r) => r.notice?.recipient ?? '—' },
                { title: '状态', dataIndex: 'status', render: (s: DeliveryStatus) => <Tag color={STATUS[s].color}>{STATUS[s].label}</Tag> },
                { title: '已尝试', dataIndex: 'attempts' },
                { title: '最近错误', dataIndex: 'lastError', render: (v: string | null) => v ?? '—' },
                { title: '送达 / 下次尝试', render: (_: unknown, r) => (r.deliveredAt ? formatDateTime(r.deliveredAt) : r.status === 'PENDING' ? formatDateTime(r.nextAttemptAt) : '—') },
                {
                  title: '',
                  render: (_: unknown, r) =>
                    r.status === 'DEAD' && (
                      <Typography.Link
                        onClick={async () => {
                          const res = await retry({ id: r.id });
                          if (res.error) message.error(chineseMessage(readableError(res.error)));
                          else {
                            message.success('已重新排队');
                            refetch({ requestPolicy: 'network-only' });
                          }
                        }}
                        data-testid={`retry-delivery-${r.id}`}
                      >
                        重新发送
                      </Typography.Link>
                    ),
                },
              ]}
            />
            <Space style={{ marginTop: 12 }}>
              <Typography.Text type="secondary">共 {d.noticeDeliveries.totalCount} 条</Typography.Text>
              {after.length > 0 && <Button onClick={() => setAfter(after.slice(0, -1))}>上一页</Button>}
              {d.noticeDeliveries.pageInfo.hasNextPage && <Button onClick={() => setAfter([...after, d.noticeDeliveries.pageInfo.endCursor!])}>下一页</Button>}
            </Space>
          </>
        )}
      </QueryState>
    </>
  );
}
