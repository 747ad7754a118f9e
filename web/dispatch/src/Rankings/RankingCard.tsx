import { useEffect, useState } from 'react';
import { Alert, Button, Card, Popconfirm, Select, Table, Tag, type ButtonProps } from 'antd';
import { useMutation, useQuery } from 'urql';
import { ErrorNotice, formatDateTime, formatMoney, formatPeriod, QueryState, useLocale, useMessages } from '@kpd/web-kit';
import { messages } from '../messages';
import { RankHistory } from './RankHistory';
import { RANKING, PUBLISH, type RankingRow } from './queries';
import { pct } from './rate';

export function RankingCard({ cityId, period, canPublish }: { cityId: string; period: string; canPublish: boolean }) {
  const t = useMessages(messages);
  const locale = useLocale();
  const [{ data, fetching, error }, refetch] = useQuery({ query: RANKING, variables: { cityId, period } });
  const [publishing, publish] = useMutation(PUBLISH);
  const [historyOf, setHistoryOf] = useState<string | undefined>();
  const rows = data?.ranking.rows;
  useEffect(() => {
    if (rows && (!historyOf || !rows.some((r) => r.district.id === historyOf))) setHistoryOf(rows[0]?.district.id);
  }, [rows, historyOf]);
  return (
    <>
      <Card
        size="small"
        title={`${t('rankingTitle')} · ${formatPeriod(period, locale)}`}
        style={{ marginBottom: 16 }}
        extra={
          data && !data.ranking.published && canPublish ? (
            <Popconfirm
              title={t('publishConfirm')}
              okText={t('publish')}
              cancelText={t('cancel')}
              okButtonProps={{ 'data-testid': 'publish-confirm' } as ButtonProps}
              onConfirm={async () => {
                const r = await publish({ cityId, period });
                if (!r.error) refetch({ requestPolicy: 'network-only' });
              }}
            >
              <Button type="primary" loading={publishing.fetching} data-testid="publish-ranking">
                {t('publish')}
              </Button>
            </Popconfirm>
          ) : null
        }
      >
        {publishing.error && <div style={{ marginBottom: 12 }}><ErrorNotice error={publishing.error} /></div>}
        <QueryState fetching={fetching} error={error} data={data} isEmpty={(d) => d.ranking.rows.length === 0} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
          {(d) => (
            <>
              {d.ranking.published ? (
                <Alert type="success" showIcon style={{ marginBottom: 12 }} title={<span data-testid="ranking-published">{t('published', { at: formatDateTime(d.ranking.publishedAt), by: d.ranking.publishedBy ?? '' })}</span>} description={d.ranking.sha256 ? <span data-testid="ranking-sha256" style={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>SHA-256 {d.ranking.sha256}</span> : undefined} />
              ) : (
                <Alert type="info" showIcon style={{ marginBottom: 12 }} title={<span data-testid="ranking-unpublished">{t('notPublished')}</span>} />
              )}
              <Table<RankingRow>
                rowKey={(r) => r.district.id}
                size="small"
                pagination={false}
                data-testid="ranking-table"
                dataSource={d.ranking.rows}
                scroll={{ x: 1000 }}
                onRow={(r) => ({ onClick: () => setHistoryOf(r.district.id), style: { cursor: 'pointer' } })}
                columns={[
                  { title: t('rank'), dataIndex: 'rank', width: 70, render: (v: number | null) => (v === null ? <Tag>{t('unranked')}</Tag> : <strong>{v}</strong>) },
                  { title: t('district'), render: (_: unknown, r) => r.district.name, width: 110 },
                  { title: t('projects'), dataIndex: 'projectCount', align: 'right', width: 90 },
                  {
                    title: t('milestoneRate'),
                    align: 'right',
                    render: (_: unknown, r) => (
                      <>
                        {pct(r.milestoneRate)}
                        <div style={{ color: '#888', fontSize: 12 }}>
                          {r.milestonesMetOnTime}/{r.milestonesDue}
                        </div>
                      </>
                    ),
                  },
                  {
                    title: t('investmentRate'),
                    align: 'right',
                    render: (_: unknown, r) => (
                      <>
                        {pct(r.investmentRate)}
                        <div style={{ color: '#888', fontSize: 12 }}>
                          {formatMoney(r.ytdActual)} / {formatMoney(r.ytdPlanned)}
                        </div>
                      </>
                    ),
                  },
                  {
                    title: t('lights'),
                    width: 170,
                    render: (_: unknown, r) => (
                      <>
                        <Tag color="green">{r.green}</Tag>
                        <Tag color="gold">{r.yellow}</Tag>
                        <Tag color="red">{r.red}</Tag>
                      </>
                    ),
                  },
                  { title: t('score'), dataIndex: 'score', align: 'right', width: 80, render: (v: number | null) => (v === null ? '—' : v.toFixed(1)) },
                ]}
              />
            </>
          )}
        </QueryState>
      </Card>
      {rows && rows.length > 0 && (
        <Card
          size="small"
          title={t('historyTitle')}
          extra={<Select style={{ minWidth: 140 }} value={historyOf} onChange={setHistoryOf} options={rows.map((r) => ({ value: r.district.id, label: r.district.name }))} data-testid="history-district" />}
        >
          {historyOf && <RankHistory key={`${historyOf}:${data?.ranking.publishedAt ?? ''}`} districtId={historyOf} name={rows.find((r) => r.district.id === historyOf)?.district.name ?? ''} />}
        </Card>
      )}
    </>
  );
}
