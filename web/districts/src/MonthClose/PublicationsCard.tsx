import { useEffect } from 'react';
import { Card, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from 'urql';
import { formatDateTime, formatPeriod, QueryState, useLocale, useMessages } from '@kpd/web-kit';
import { monthCloseMessages as messages } from '../month-close.messages';
import { PUBLICATIONS, type Publication } from './queries';

export function PublicationsCard({ refreshKey }: { refreshKey: number }) {
  const t = useMessages(messages);
  const locale = useLocale();
  const [list, refetch] = useQuery({ query: PUBLICATIONS, requestPolicy: 'network-only' });
  useEffect(() => {
    if (refreshKey > 0) refetch({ requestPolicy: 'network-only' });
  }, [refreshKey, refetch]);
  return (
    <Card title={t('publicationsTitle')}>
      <Typography.Paragraph type="secondary">{t('publicationsHint')}</Typography.Paragraph>
      <QueryState fetching={list.fetching && !list.data} error={list.error} data={list.data} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
        {(d) => (
          <Table<Publication>
            rowKey="id"
            size="small"
            dataSource={d.publishedLightBoards}
            pagination={{ pageSize: 10 }}
            data-testid="publications-table"
            columns={[
              { title: t('publicationId'), dataIndex: 'id', width: 70 },
              { title: t('area'), render: (_: unknown, p) => p.area.name },
              { title: t('month'), render: (_: unknown, p) => formatPeriod(p.period, locale) },
              {
                title: t('version'),
                render: (_: unknown, p) => (
                  <Space size={4}>
                    v{p.version}
                    {p.correctionId ? <Tag color="orange">{t('afterCorrection', { id: p.correctionId })}</Tag> : null}
                  </Space>
                ),
              },
              { title: t('counts'), render: (_: unknown, p) => p.districts.reduce((s, x) => [s[0] + x.green, s[1] + x.yellow, s[2] + x.red], [0, 0, 0]).join(' / ') },
              { title: t('publishedBy'), render: (_: unknown, p) => `${p.publishedBy} ${formatDateTime(p.publishedAt)}` },
              { title: 'SHA-256', render: (_: unknown, p) => (p.sha256 ? <Typography.Text code copyable={{ text: p.sha256 }} data-testid="publication-hash">{p.sha256.slice(0, 16)}…</Typography.Text> : '—') },
            ]}
          />
        )}
      </QueryState>
    </Card>
  );
}
