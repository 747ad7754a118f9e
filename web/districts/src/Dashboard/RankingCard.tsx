import { Card, Table, Tag, Typography } from 'antd';
import { useQuery } from 'urql';
import { formatPeriod, LIGHT_HEX, QueryState, useLocale, useMessages } from '@kpd/web-kit';
import { messages } from '../messages';
import { percent } from './format';
import { RANKING } from './queries';

export function RankingCard({ cityId, period }: { cityId: string; period: string }) {
  const t = useMessages(messages);
  const locale = useLocale();
  const [{ data, fetching, error }, refetch] = useQuery({ query: RANKING, variables: { cityId, period } });
  return (
    <Card
      style={{ marginTop: 16 }}
      title={`${t('rankingTitle')} · ${formatPeriod(period, locale)}`}
      extra={data ? <Tag color={data.ranking.published ? 'green' : 'default'}>{data.ranking.published ? t('rankingPublished') : t('rankingLive')}</Tag> : null}
    >
      <QueryState fetching={fetching} error={error} data={data} isEmpty={(d) => d.ranking.rows.length === 0} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
        {(d) => (
          <Table
            rowKey={(r) => r.district.id}
            size="small"
            pagination={false}
            dataSource={d.ranking.rows}
            data-testid="ranking-table"
            scroll={{ x: 800 }}
            columns={[
              { title: t('rank'), dataIndex: 'rank', width: 60, render: (v: number | null) => v ?? <Typography.Text type="secondary">{t('unscored')}</Typography.Text> },
              { title: t('district'), render: (_: unknown, r) => r.district.name },
              { title: t('score'), dataIndex: 'score', align: 'right', render: (v: number | null) => (v === null ? '—' : v.toFixed(1)) },
              { title: t('lightScore'), dataIndex: 'lightScore', align: 'right', render: percent },
              { title: t('investmentRate'), dataIndex: 'investmentRate', align: 'right', render: percent },
              { title: t('milestoneRate'), dataIndex: 'milestoneRate', align: 'right', render: percent },
              { title: t('projectCount'), dataIndex: 'projectCount', align: 'right' },
              {
                title: t('lit'),
                render: (_: unknown, r) => (
                  <span>
                    <span style={{ color: LIGHT_HEX.GREEN }}>{r.green}</span> / <span style={{ color: LIGHT_HEX.YELLOW }}>{r.yellow}</span> / <span style={{ color: LIGHT_HEX.RED }}>{r.red}</span>
                  </span>
                ),
              },
            ]}
          />
        )}
      </QueryState>
    </Card>
  );
}
