import { Card, Table, Tag } from 'antd';
import { useQuery } from 'urql';
import { formatMoneyCell, moneyTitle, QueryState, useLocale, useMessages } from '@kpd/web-kit';
import type { DispatchEarlyWarningsQuery } from '../gql/graphql';
import { messages } from '../messages';
import { WARNINGS } from './queries';

type Warning = DispatchEarlyWarningsQuery['earlyWarnings'][number];

/** 投资预警: projects whose year-end forecast falls short of the plan, or whose plan is back-loaded. */
export function EarlyWarnings({ areaId, period }: { areaId: string; period: string }) {
  const t = useMessages(messages);
  const locale = useLocale();
  const [{ data, fetching, error }, refetch] = useQuery({ query: WARNINGS, variables: { areaId, period } });
  return (
    <Card size="small" title={t('warningsTitle')} style={{ marginBottom: 16 }}>
      <QueryState fetching={fetching} error={error} data={data} isEmpty={(d) => d.earlyWarnings.length === 0} empty={t('warningsEmpty')} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
        {(d) => (
          <Table<Warning>
            rowKey={(r) => r.project.id}
            size="small"
            data-testid="warnings-table"
            dataSource={d.earlyWarnings}
            pagination={d.earlyWarnings.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
            scroll={{ x: 1000 }}
            columns={[
              { title: t('project'), render: (_: unknown, r) => r.project.name, width: 220 },
              { title: t('district'), render: (_: unknown, r) => r.project.district.name, width: 90 },
              {
                title: t('warningFlags'),
                width: 170,
                render: (_: unknown, r) => (
                  <>
                    {r.earlyWarning && <Tag color="gold">{t('earlyWarning')}</Tag>}
                    {r.atRisk && !r.earlyWarning && <Tag color="red">{t('atRisk')}</Tag>}
                    {r.backLoaded && <Tag color="purple">{t('backLoaded')}</Tag>}
                  </>
                ),
              },
              { title: moneyTitle(t('annualPlanned'), 'wan', locale), dataIndex: 'annualPlanned', align: 'right', render: (v: string) => formatMoneyCell(v, 'wan') },
              { title: moneyTitle(t('ytdActual'), 'wan', locale), dataIndex: 'ytdActual', align: 'right', render: (v: string) => formatMoneyCell(v, 'wan') },
              { title: moneyTitle(t('forecast'), 'wan', locale), align: 'right', render: (_: unknown, r) => `${formatMoneyCell(r.forecast, 'wan')}${r.forecastPercent === null ? '' : `（${r.forecastPercent.toFixed(1)}%）`}` },
              { title: t('reason'), dataIndex: 'reason', ellipsis: true },
            ]}
          />
        )}
      </QueryState>
    </Card>
  );
}
