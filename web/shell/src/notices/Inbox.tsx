import { useState } from 'react';
import { App as AntApp, Button, List, Segmented, Space, Switch, Table, Tabs, Tag, Typography } from 'antd';
import { useMutation, useQuery } from 'urql';
import { chineseMessage, formatDateTime, QueryState, readableError } from '@kpd/web-kit';
import { MARK_READ, MY_NOTICES, MY_PREFERENCES, SET_PREFERENCES } from './queries';

/** 提醒: the signed-in user's inbox (mark read, 去办理 opens the form) and which kinds they get. */
export function NoticesPage({ path, navigate }: { path: string; navigate: (to: string) => void }) {
  const tab = path.startsWith('/preferences') ? 'preferences' : 'inbox';
  return (
    <AntApp>
      <Typography.Title level={3}>提醒</Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(k) => navigate(k === 'inbox' ? '/notices' : '/notices/preferences')}
        destroyOnHidden
        items={[
          { key: 'inbox', label: <span data-testid="notices-tab-inbox">收件箱</span>, children: <Inbox navigate={navigate} /> },
          { key: 'preferences', label: <span data-testid="notices-tab-preferences">提醒设置</span>, children: <Preferences /> },
        ]}
      />
    </AntApp>
  );
}

function Inbox({ navigate }: { navigate: (to: string) => void }) {
  const { message } = AntApp.useApp();
  const [filter, setFilter] = useState<'unread' | 'all'>('unread');
  const [after, setAfter] = useState<string[]>([]);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: MY_NOTICES,
    variables: { first: 20, after: after.at(-1) ?? null, unreadOnly: filter === 'unread' },
    requestPolicy: 'cache-and-network',
  });
  const [, mark] = useMutation(MARK_READ);
  const markRead = async (ids: string[] | null) => {
    const res = await mark({ ids });
    if (res.error) message.error(chineseMessage(readableError(res.error)));
    else refetch({ requestPolicy: 'network-only' });
    return !res.error;
  };
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Segmented
          value={filter}
          onChange={(v) => {
            setFilter(v as 'unread' | 'all');
            setAfter([]);
          }}
          options={[
            { value: 'unread', label: '未读' },
            { value: 'all', label: '全部' },
          ]}
          data-testid="notices-filter"
        />
        <Button onClick={() => void markRead(null)} data-testid="notices-read-all">
          全部标为已读
        </Button>
      </Space>
      <QueryState fetching={fetching} error={error} data={data} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
        {(d) => (
          <>
            <List
              dataSource={d.myNotices.nodes}
              locale={{ emptyText: filter === 'unread' ? '没有未读提醒' : '暂无提醒' }}
              data-testid="notices-list"
              renderItem={(n) => (
                <List.Item
                  data-testid={`notice-${n.id}`}
                  actions={[
                    <Typography.Link
                      key="go"
                      href={n.link}
                      onClick={async (e) => {
                        e.preventDefault();
                        if (!n.readAt) await markRead([n.id]);
                        navigate(n.link);
                      }}
                      data-testid={`notice-go-${n.id}`}
                    >
                      去办理
                    </Typography.Link>,
                    !n.readAt && (
                      <Typography.Link key="read" onClick={() => void markRead([n.id])} data-testid={`notice-read-${n.id}`}>
                        标为已读
                      </Typography.Link>
                    ),
                  ].filter(Boolean)}
                >
                  <List.Item.Meta
                    title={
                      <Space wrap>
                        {!n.readAt && <Tag color="red">未读</Tag>}
                        <span>{n.title}</span>
                      </Space>
                    }
                    description={
                      <>
                        <div>{n.body}</div>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {formatDateTime(n.createdAt)}
                        </Typography.Text>
                      </>
                    }
                  />
                </List.Item>
              )}
            />
            <Space style={{ marginTop: 12 }}>
              <Typography.Text type="secondary">共 {d.myNotices.totalCount} 条</Typography.Text>
              {after.length > 0 && <Button onClick={() => setAfter(after.slice(0, -1))}>上一页</Button>}
              {d.myNotices.pageInfo.hasNextPage && <Button onClick={() => setAfter([...after, d.myNotices.pageInfo.endCursor!])}>下一页</Button>}
            </Space>
          </>
        )}
      </QueryState>
    </>
  );
}

function Preferences() {
  const { message } = AntApp.useApp();
  const [{ data, fetching, error }, refetch] = useQuery({ query: MY_PREFERENCES });
  const [, save] = useMutation(SET_PREFERENCES);
  const change = async (kind: string, inbox: boolean, outbound: boolean) => {
    const res = await save({ input: [{ kind: kind as never, inbox, outbound }] });
    if (res.error) message.error(chineseMessage(readableError(res.error)));
    else message.success('已保存');
  };
  return (
    <QueryState fetching={fetching} error={error} data={data} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
      {(d) => (
        <>
          <Typography.Paragraph type="secondary">选择要接收的提醒。关闭“站内提醒”则不再收到该类提醒；关闭“外发”则只在站内提醒，不再发往短信、企业微信或钉钉。</Typography.Paragraph>
          <Table
            rowKey="kind"
            size="small"
            pagination={false}
            dataSource={d.myNoticePreferences}
            data-testid="notice-preferences"
            columns={[
              { title: '提醒类型', dataIndex: 'label' },
              {
                title: '站内提醒',
                render: (_: unknown, p) => <Switch checked={p.inbox} onChange={(v) => void change(p.kind, v, p.outbound)} data-testid={`pref-inbox-${p.kind}`} />,
              },
              {
                title: '外发（短信、企业微信、钉钉）',
                render: (_: unknown, p) => <Switch checked={p.outbound} disabled={!p.inbox} onChange={(v) => void change(p.kind, p.inbox, v)} data-testid={`pref-outbound-${p.kind}`} />,
              },
            ]}
          />
        </>
      )}
    </QueryState>
  );
}
