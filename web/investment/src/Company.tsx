import { Alert, Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from 'urql';
import { QueryState, type RemoteProps } from '@kpd/web-kit';
import { fitText } from './Brief';
import { COMPANY, LINK_LABELS, MATCHES, SIZE_LABELS, SOURCE_LABELS, type CompanyMatch } from './api';

/** One company: its facts and nodes, and matchmaking (撮合) — the local companies up- and downstream of it, ranked, with why. */
export function CompanyPage({ id, navigate }: Pick<RemoteProps, 'navigate'> & { id: string }) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: COMPANY, variables: { id } });
  return (
    <QueryState fetching={fetching} error={error} data={data} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
      {({ targetCompany: c }) => (
        <>
          <Button type="link" onClick={() => navigate('/companies')} style={{ paddingLeft: 0 }}>
            ← 目标企业
          </Button>
          <Space align="baseline" wrap>
            <Typography.Title level={3} data-testid="company-title">
              {c.name} <Tag>{c.local ? '本地企业' : '目标企业'}</Tag>
            </Typography.Title>
            <Button type="primary" onClick={() => navigate(`/companies/${c.id}/brief`)} data-testid="company-brief">
              企业简报（打印）
            </Button>
          </Space>
          <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 3 }} style={{ marginBottom: 16 }}>
            <Descriptions.Item label="统一社会信用代码">{c.creditCode}</Descriptions.Item>
            <Descriptions.Item label="所属行业">{c.industry}</Descriptions.Item>
            <Descriptions.Item label="所在地">{c.location || '—'}</Descriptions.Item>
            <Descriptions.Item label="规模">{SIZE_LABELS[c.size as keyof typeof SIZE_LABELS]}</Descriptions.Item>
            <Descriptions.Item label="信息来源">{SOURCE_LABELS[c.source as keyof typeof SOURCE_LABELS]}</Descriptions.Item>
            <Descriptions.Item label="联系人">{[c.contactPerson, c.contactPhone].filter(Boolean).join(' ') || '—'}</Descriptions.Item>
          </Descriptions>
          <Card size="small" title="对应产业链节点" style={{ marginBottom: 16 }}>
            {c.nodes.length === 0 ? (
              <Typography.Text type="secondary">尚未关联产业链节点</Typography.Text>
            ) : (
              <ul style={{ margin: 0, paddingLeft: 20 }} data-testid="company-nodes">
                {c.nodes.map((n) => (
                  <li key={n.id}>
                    {n.chain?.name} · {LINK_LABELS[n.link as keyof typeof LINK_LABELS]} · <b>{n.name}</b>：
                    <Typography.Text type={n.filled ? undefined : 'danger'}>{fitText(n)}</Typography.Text>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Matches companyId={c.id} />
        </>
      )}
    </QueryState>
  );
}

/** 撮合建议: local companies whose inputs or outputs meet the company's on the chain, best first. */
export function Matches({ companyId }: { companyId: string }) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: MATCHES, variables: { companyId, first: 10 } });
  return (
    <Card size="small" title="撮合建议：本地上下游企业（按匹配度）">
      <QueryState fetching={fetching} error={error} data={data} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
        {({ companyMatches }) =>
          companyMatches.length === 0 ? (
            <Alert type="info" showIcon title="本地暂无与其上下游相邻的企业" />
          ) : (
            <Table<CompanyMatch>
              size="small"
              rowKey={(m) => m.company.id}
              pagination={false}
              dataSource={companyMatches}
              data-testid="matches"
              columns={[
                { title: '排名', key: 'rank', width: 60, render: (_: unknown, _m: CompanyMatch, i: number) => i + 1 },
                { title: '本地企业', key: 'name', render: (_: unknown, m: CompanyMatch) => m.company.name },
                { title: '匹配度', dataIndex: 'score', width: 80 },
                {
                  title: '关系',
                  key: 'kind',
                  width: 150,
                  render: (_: unknown, m: CompanyMatch) => (
                    <>
                      {m.customerPairs > 0 && <Tag color="blue">下游需求 {m.customerPairs}</Tag>}
                      {m.supplierPairs > 0 && <Tag color="green">上游配套 {m.supplierPairs}</Tag>}
                    </>
                  ),
                },
                {
                  title: '撮合理由',
                  key: 'reasons',
                  render: (_: unknown, m: CompanyMatch) => (
                    <ul style={{ margin: 0, paddingLeft: 16 }}>
                      {m.reasons.map((r) => (
                        <li key={r}>{r}</li>
                      ))}
                    </ul>
                  ),
                },
              ]}
            />
          )
        }
      </QueryState>
    </Card>
  );
}
