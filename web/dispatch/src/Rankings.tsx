import { useEffect, useMemo, useState, type HTMLAttributes } from 'react';
import { Alert, Button, Card, Popconfirm, Segmented, Select, Space, Table, Tag, Typography, type ButtonProps } from 'antd';
import { useClient, useMutation, useQuery } from 'urql';
import { ErrorNotice, FiguresCsvButton, formatDateTime, formatMoney, formatMoneyCell, formatPeriod, isPositiveMoney, Loading, moneyTitle, MonthPicker, QueryState, thisMonthInChina, useLocale, useMessages, yearOf, type RemoteProps } from '@kpd/web-kit';
import { Chart, type ChartOption } from '@kpd/web-kit/chart';
import { graphql } from './gql';
import type { DispatchEarlyWarningsQuery, DispatchPlanVsActualQuery, DispatchStatsFieldsFragment, RankingFieldsFragment } from './gql/graphql';
import { messages } from './messages';
import { isCityAdmin, useScope } from './scope';

graphql(`
  fragment DispatchStatsFields on InvestmentStatsRow {
    key label district { id name } monthActual ytdActual lastYearMonthActual lastYearYtdActual ytdPlanned
    monthGrowth { percent reason } ytdGrowth { percent reason } ytdCompletion { percent reason }
  }
`);
graphql(`
  fragment RankingFields on Ranking {
    period published publishedAt publishedBy sha256
    rows { district { id name } rank projectCount milestonesDue milestonesMetOnTime milestoneRate investmentRate ytdActual ytdPlanned green yellow red score }
  }
`);
const STATS = graphql(`
  query DispatchStats($areaId: ID!, $period: Period!) {
    investmentStats(areaId: $areaId, period: $period, groupBy: DISTRICT) { total { ...DispatchStatsFields } rows { ...DispatchStatsFields } }
  }
`);
const RANKING = graphql(`
  query DispatchRanking($cityId: ID!, $period: Period!) { ranking(cityId: $cityId, period: $period) { ...RankingFields } }
`);
const PUBLISH = graphql(`
  mutation DispatchPublishRanking($cityId: ID!, $period: Period!) { publishRanking(cityId: $cityId, period: $period) { ...RankingFields } }
`);
const HISTORY = graphql(`
  query DispatchRankHistory($districtId: ID!) { rankHistory(districtId: $districtId) { period rank ranked score } }
`);
const PLAN_VS_ACTUAL = graphql(`
  query DispatchPlanVsActual($areaId: ID!, $year: Int!, $view: PlanView!) {
    planVsActual(areaId: $areaId, year: $year, view: $view) {
      label from to planned actual cumulativePlanned cumulativeActual completion { percent reason } cumulativeCompletion { percent reason }
    }
  }
`);
const WARNINGS = graphql(`
  query DispatchEarlyWarnings($areaId: ID!, $period: Period!) {
    earlyWarnings(areaId: $areaId, period: $period, onlyFlagged: true) {
      project { id name district { name } } annualPlanned ytdPlanned ytdActual forecast forecastPercent atRisk earlyWarning backLoaded light reason
    }
  }
`);
const YEAR_COURSE = graphql(`
  query DispatchYearCourse($areaId: ID!, $year: Int!) { planVsActual(areaId: $areaId, year: $year, view: MONTH) { from actual } }
`);

type Rate = { percent: number | null; reason: string | null };
type StatsRow = DispatchStatsFieldsFragment;
type Ranking = RankingFieldsFragment;
type RankingRow = Ranking['rows'][number];

/**
 * The latest month with reported investment in the area: this year's months, then earlier years (at
 * most ten back); this month when nothing was ever reported.
 */
function useLatestPeriod(areaId: string | null): { period: string | null; error: unknown } {
  const client = useClient();
  const [state, setState] = useState<{ areaId: string | null; period: string | null; error: unknown }>({ areaId: null, period: null, error: null });
  useEffect(() => {
    if (!areaId) return;
    let cancelled = false;
    (async () => {
      const current = thisMonthInChina();
      for (let year = yearOf(current); year >= yearOf(current) - 10; year--) {
        const r = await client.query(YEAR_COURSE, { areaId, year }).toPromise();
        if (cancelled) return;
        if (r.error) return setState({ areaId, period: current, error: r.error });
        const months = (r.data?.planVsActual ?? []).filter((m) => isPositiveMoney(m.actual) && m.from <= current).map((m) => m.from);
        if (months.length) return setState({ areaId, period: months.sort().at(-1)!, error: null });
      }
      setState({ areaId, period: current, error: null });
    })();
    return () => {
      cancelled = true;
    };
  }, [areaId, client]);
  return state.areaId === areaId ? { period: state.period, error: state.error } : { period: null, error: null };
}

function RateText({ rate, testId }: { rate: Rate; testId?: string }) {
  if (rate.percent === null) return <Typography.Text type="secondary">{rate.reason ?? '—'}</Typography.Text>;
  const text = `${rate.percent > 0 ? '+' : ''}${rate.percent.toFixed(1)}%`;
  return (
    <Typography.Text type={rate.percent < 0 ? 'danger' : undefined} data-testid={testId}>
      {text}
    </Typography.Text>
  );
}

const pct = (v: number | null) => (v === null ? '—' : `${v.toFixed(1)}%`);

/** Rankings and statistics (排名与统计): investment by district, the month's ranking and its publication, rank history. */
export function Rankings({ viewer }: RemoteProps) {
  const t = useMessages(messages);
  const scope = useScope(viewer);
  const [cityId, setCityId] = useState<string | undefined>();
  const [chosen, setChosen] = useState<string | null>(null);
  useEffect(() => {
    if (!cityId && scope.cities.length) setCityId(scope.cities[0].id);
  }, [cityId, scope.cities]);
  // A district admin's statistics are its district's; the ranking is its city's.
  const statsArea = viewer.area.level === 'DISTRICT' ? viewer.area.id : (cityId ?? null);
  const latest = useLatestPeriod(statsArea);
  const period = chosen ?? latest.period;

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        {scope.cities.length > 1 && (
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            style={{ minWidth: 140 }}
            placeholder={t('chooseCity')}
            value={cityId}
            onChange={(v) => {
              setCityId(v);
              setChosen(null);
            }}
            options={scope.cities.map((c) => ({ value: c.id, label: c.name }))}
            data-testid="ranking-city"
          />
        )}
        <Typography.Text>{t('month')}</Typography.Text>
        <MonthPicker value={period ?? null} max={thisMonthInChina()} onChange={(v) => v && setChosen(v)} style={{ width: 160 }} testId="ranking-period" />
      </Space>
      {scope.error && <ErrorNotice error={scope.error} onRetry={scope.refetch} />}
      {latest.error ? <ErrorNotice error={latest.error} /> : null}
      {!cityId || !statsArea || !period ? (
        scope.ready && scope.cities.length === 0 ? <Alert type="info" showIcon title={t('chooseCity')} /> : <Loading />
      ) : (
        <>
          <InvestmentStats areaId={statsArea} period={period} />
          <RankingCard cityId={cityId} period={period} canPublish={isCityAdmin(viewer)} />
          <PlanVsActual areaId={statsArea} period={period} />
          <EarlyWarnings areaId={statsArea} period={period} />
        </>
      )}
    </>
  );
}

function InvestmentStats({ areaId, period }: { areaId: string; period: string }) {
  const t = useMessages(messages);
  const locale = useLocale();
  const [{ data, fetching, error }, refetch] = useQuery({ query: STATS, variables: { areaId, period } });
  return (
    <Card
      size="small"
      title={`${t('statsTitle')} · ${formatPeriod(period, locale)}`}
      style={{ marginBottom: 16 }}
      extra={<FiguresCsvButton query="investmentStats" args={{ areaId, period, groupBy: 'DISTRICT' }} />}
    >
      <QueryState fetching={fetching} error={error} data={data} isEmpty={(d) => d.investmentStats.rows.length === 0} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
        {(d) => (
          <Table<StatsRow>
            rowKey="key"
            size="small"
            pagination={false}
            data-testid="stats-table"
            onRow={(r) => ({ 'data-testid': `stats-row-${r.label}` }) as HTMLAttributes<HTMLElement>}
            dataSource={[...d.investmentStats.rows, { ...d.investmentStats.total, key: '__total', label: t('areaTotal') }]}
            scroll={{ x: 1100 }}
            columns={[
              { title: t('district'), dataIndex: 'label', width: 110, render: (v: string, r) => (r.key === '__total' ? <strong>{v}</strong> : v) },
              { title: moneyTitle(t('monthActual'), 'yi', locale), dataIndex: 'monthActual', align: 'right', render: (v: string) => <span data-testid="stat-month">{formatMoneyCell(v, 'yi')}</span> },
              { title: moneyTitle(t('lastYearMonth'), 'yi', locale), dataIndex: 'lastYearMonthActual', align: 'right', render: (v: string) => formatMoneyCell(v, 'yi') },
              { title: t('monthGrowth'), dataIndex: 'monthGrowth', align: 'right', render: (v: Rate) => <RateText rate={v} testId="stat-month-growth" /> },
              { title: moneyTitle(t('ytdActual'), 'yi', locale), dataIndex: 'ytdActual', align: 'right', render: (v: string) => <span data-testid="stat-ytd">{formatMoneyCell(v, 'yi')}</span> },
              { title: moneyTitle(t('lastYearYtd'), 'yi', locale), dataIndex: 'lastYearYtdActual', align: 'right', render: (v: string) => formatMoneyCell(v, 'yi') },
              { title: t('ytdGrowth'), dataIndex: 'ytdGrowth', align: 'right', render: (v: Rate) => <RateText rate={v} testId="stat-ytd-growth" /> },
              { title: moneyTitle(t('ytdPlanned'), 'yi', locale), dataIndex: 'ytdPlanned', align: 'right', render: (v: string) => formatMoneyCell(v, 'yi') },
              { title: t('ytdCompletion'), dataIndex: 'ytdCompletion', align: 'right', render: (v: Rate) => (v.percent === null ? <RateText rate={v} /> : `${v.percent.toFixed(1)}%`) },
            ]}
          />
        )}
      </QueryState>
    </Card>
  );
}

function RankingCard({ cityId, period, canPublish }: { cityId: string; period: string; canPublish: boolean }) {
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

function RankHistory({ districtId, name }: { districtId: string; name: string }) {
  const t = useMessages(messages);
  const locale = useLocale();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: HISTORY,
    variables: { districtId },
    requestPolicy: 'cache-and-network',
  });
  const option = useMemo<ChartOption | null>(() => {
    const h = data?.rankHistory;
    if (!h?.length) return null;
    const most = Math.max(...h.map((e) => e.ranked), 1);
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 48, right: 24, top: 32, bottom: 32 },
      xAxis: { type: 'category', data: h.map((e) => formatPeriod(e.period, locale)) },
      yAxis: { type: 'value', name: t('rankAxis'), inverse: true, min: 1, max: most, minInterval: 1 },
      series: [{ name, type: 'line', data: h.map((e) => e.rank), connectNulls: false, label: { show: true } }],
    };
  }, [data, locale, name, t]);
  return (
    <QueryState fetching={fetching} error={error} data={data} isEmpty={(d) => d.rankHistory.length === 0} empty={t('historyEmpty')} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
      {() => (option ? <Chart option={option} testId="rank-history-chart" /> : null)}
    </QueryState>
  );
}

type PlanRow = DispatchPlanVsActualQuery['planVsActual'][number];

/** 月对账、季交账、年底算总账: the year's plan against actual by month, quarter or year, with running totals. */
function PlanVsActual({ areaId, period }: { areaId: string; period: string }) {
  const t = useMessages(messages);
  const [view, setView] = useState<'MONTH' | 'QUARTER' | 'YEAR'>('MONTH');
  const year = yearOf(period);
  const [{ data, fetching, error }, refetch] = useQuery({ query: PLAN_VS_ACTUAL, variables: { areaId, year, view } });
  const locale = useLocale();
  const percentOf = (r: Rate) => (r.percent === null ? <RateText rate={r} /> : `${r.percent.toFixed(1)}%`);
  // A month (or quarter) that has not begun has no actual yet: a dash, not a zero.
  const future = (r: PlanRow) => r.from > thisMonthInChina();
  return (
    <Card
      size="small"
      title={t('planTitle', { year })}
      style={{ marginBottom: 16 }}
      extra={
        <Space>
          <Segmented
            value={view}
            onChange={(v) => setView(v as typeof view)}
            options={(['MONTH', 'QUARTER', 'YEAR'] as const).map((v) => ({ value: v, label: t(`VIEW_${v}`) }))}
          />
          <FiguresCsvButton query="planVsActual" args={{ areaId, year, view }} />
        </Space>
      }
    >
      <QueryState fetching={fetching} error={error} data={data} isEmpty={(d) => d.planVsActual.length === 0} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
        {(d) => (
          <Table<PlanRow>
            rowKey="from"
            size="small"
            pagination={false}
            data-testid="plan-table"
            dataSource={d.planVsActual}
            scroll={{ x: 900 }}
            columns={[
              { title: t('planPeriod'), dataIndex: 'label', width: 120 },
              { title: moneyTitle(t('planned'), 'yi', locale), dataIndex: 'planned', align: 'right', render: (v: string) => formatMoneyCell(v, 'yi') },
              { title: moneyTitle(t('actual'), 'yi', locale), dataIndex: 'actual', align: 'right', render: (v: string, r) => formatMoneyCell(v, 'yi', { future: future(r) }) },
              { title: t('completion'), dataIndex: 'completion', align: 'right', render: (v: Rate, r) => (future(r) ? '—' : percentOf(v)) },
              { title: moneyTitle(t('cumulativePlanned'), 'yi', locale), dataIndex: 'cumulativePlanned', align: 'right', render: (v: string) => formatMoneyCell(v, 'yi') },
              { title: moneyTitle(t('cumulativeActual'), 'yi', locale), dataIndex: 'cumulativeActual', align: 'right', render: (v: string, r) => formatMoneyCell(v, 'yi', { future: future(r) }) },
              { title: t('cumulativeCompletion'), dataIndex: 'cumulativeCompletion', align: 'right', render: (v: Rate, r) => (future(r) ? '—' : percentOf(v)) },
            ]}
          />
        )}
      </QueryState>
    </Card>
  );
}

type Warning = DispatchEarlyWarningsQuery['earlyWarnings'][number];

/** 投资预警: projects whose year-end forecast falls short of the plan, or whose plan is back-loaded. */
function EarlyWarnings({ areaId, period }: { areaId: string; period: string }) {
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
