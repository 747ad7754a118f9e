import { useEffect, useMemo, useRef, useState } from 'react';
import { Button, Card, Col, Descriptions, List, Popconfirm, Row, Select, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import { useClient, useMutation, useQuery } from 'urql';
import { ErrorNotice, FiguresCsvButton, formatMoney, formatMoneyIn, formatPeriod, LIGHT_HEX, moneyToWanNumber, MonthPicker, monthsOfYear, openInShell, parsePeriod, previousMonth, queryParam, QueryState, useLocale, useMessages, yearOf, yearToDate, type RemoteProps, type Viewer } from '@kpd/web-kit';
import { BoundaryMap, type MapShape } from '@kpd/web-kit/map';
import { Chart, type ChartOption } from '@kpd/web-kit/chart';
import { ProcedureFigures } from './ProcedureFigures';
import { FundingFigures } from './FundingFigures';
import { graphql } from './gql';
import type { DashboardFiguresQuery, DashboardMapQuery, DistrictsQuery, LightTrendQuery, LightTrendQueryVariables } from './gql/graphql';
import { messages, type MessageKey } from './messages';
import { MonthClosePage } from './MonthClose';
import { monthCloseMessages } from './month-close.messages';

const DISTRICTS = graphql(`
  query Districts($cityId: ID) {
    districts(cityId: $cityId) { id name code kind outline parent { id name } towns: children { id name kind } }
  }
`);
const CITIES = graphql(`
  query Cities { areas { id level children { id name level } } }
`);
const DISTRICT = graphql(`
  query District($id: ID!) {
    district(id: $id) { id name code kind parent { id name } towns: children { id name kind } }
  }
`);
graphql(`
  fragment StatsFields on InvestmentStatsRow {
    key label district { id } ytdActual ytdPlanned ytdCompletion { percent reason } ytdGrowth { percent reason } monthActual lastYearMonthActual
  }
`);
const FIGURES = graphql(`
  query DashboardFigures($areaId: ID!, $month: Period!, $period: Period!) {
    lightBoard(areaId: $areaId, period: $month) { published districts { district { id } green yellow red total } }
    byDistrict: investmentStats(areaId: $areaId, period: $period, groupBy: DISTRICT) { total { ...StatsFields } rows { ...StatsFields } }
    byMonth: investmentStats(areaId: $areaId, period: $period, groupBy: MONTH) { rows { ...StatsFields } }
  }
`);
const RANKING = graphql(`
  query DashboardRanking($cityId: ID!, $period: Period!) {
    ranking(cityId: $cityId, period: $period) {
      published publishedAt
      rows { district { id name } rank score lightScore investmentRate milestoneRate projectCount green yellow red }
    }
  }
`);
const LATEST = graphql(`
  query LatestLit($areaId: ID!) { projects(filter: { areaId: $areaId }, first: 10) { nodes { lights { period } } } }
`);
const MAP_PAGE = graphql(`
  query DashboardMap($areaId: ID!, $period: Period!, $after: String) {
    projects(filter: { areaId: $areaId }, first: 50, after: $after) {
      pageInfo { hasNextPage endCursor }
      nodes { id code name location { geoJson } light(period: $period) { color } }
    }
  }
`);
const DISTRICT_LIGHTS = graphql(`
  query DistrictLights($areaId: ID!, $month: Period!) {
    lightBoard(areaId: $areaId, period: $month) { districts { green yellow red total } projects { projectId name color reason clearing { explanation } } }
  }
`);
const PUBLISH = graphql(`
  mutation PublishLightBoard($areaId: ID!, $period: Period!) { publishLightBoard(areaId: $areaId, period: $period) }
`);
/**
 * Light counts of each month of a year, one aliased board per month; the months after the one shown
 * are left out by their flags (a static document, so it is typed and checked against the schema).
 */
const LIGHT_TREND = graphql(`
  query LightTrend(
    $areaId: ID!
    $p01: Period!, $p02: Period!, $p03: Period!, $p04: Period!, $p05: Period!, $p06: Period!
    $p07: Period!, $p08: Period!, $p09: Period!, $p10: Period!, $p11: Period!, $p12: Period!
    $i02: Boolean!, $i03: Boolean!, $i04: Boolean!, $i05: Boolean!, $i06: Boolean!
    $i07: Boolean!, $i08: Boolean!, $i09: Boolean!, $i10: Boolean!, $i11: Boolean!, $i12: Boolean!
  ) {
    m01: lightBoard(areaId: $areaId, period: $p01) { ...TrendCounts }
    m02: lightBoard(areaId: $areaId, period: $p02) @include(if: $i02) { ...TrendCounts }
    m03: lightBoard(areaId: $areaId, period: $p03) @include(if: $i03) { ...TrendCounts }
    m04: lightBoard(areaId: $areaId, period: $p04) @include(if: $i04) { ...TrendCounts }
    m05: lightBoard(areaId: $areaId, period: $p05) @include(if: $i05) { ...TrendCounts }
    m06: lightBoard(areaId: $areaId, period: $p06) @include(if: $i06) { ...TrendCounts }
    m07: lightBoard(areaId: $areaId, period: $p07) @include(if: $i07) { ...TrendCounts }
    m08: lightBoard(areaId: $areaId, period: $p08) @include(if: $i08) { ...TrendCounts }
    m09: lightBoard(areaId: $areaId, period: $p09) @include(if: $i09) { ...TrendCounts }
    m10: lightBoard(areaId: $areaId, period: $p10) @include(if: $i10) { ...TrendCounts }
    m11: lightBoard(areaId: $areaId, period: $p11) @include(if: $i11) { ...TrendCounts }
    m12: lightBoard(areaId: $areaId, period: $p12) @include(if: $i12) { ...TrendCounts }
  }
  fragment TrendCounts on LightBoard { districts { green yellow red } }
`);

type DistrictRow = DistrictsQuery['districts'][number];
type Rate = { percent?: number | null; reason?: string | null };
type Figures = DashboardFiguresQuery;
type StatsRow = Figures['byMonth']['rows'][number];
type MapProject = DashboardMapQuery['projects']['nodes'][number];

function rate(r: Rate | null | undefined): string {
  return r?.percent === null || r?.percent === undefined ? '—' : `${r.percent.toFixed(1)}%`;
}

function percent(v: number | null | undefined): string {
  return v === null || v === undefined ? '—' : `${v.toFixed(1)}%`;
}

export function Dashboard(props: RemoteProps) {
  if (props.path.split('?')[0] === '/close') return <MonthClosePage {...props} />;
  const id = /^\/(\d+)$/.exec(props.path)?.[1];
  return id ? <DistrictDetail id={id} navigate={props.navigate} /> : <CityView {...props} />;
}

function CityView({ viewer, navigate }: RemoteProps) {
  const t = useMessages(messages);
  const province = viewer.area.level === 'PROVINCE';
  const [cityId, setCityId] = useState<string | undefined>(undefined);
  const [cities] = useQuery({ query: CITIES, pause: !province });
  const [{ data, fetching, error }, refetch] = useQuery({
    query: DISTRICTS,
    variables: { cityId: cityId ?? null },
    pause: province && !cityId,
  });
  const cityOptions = (cities.data?.areas[0]?.children ?? []).filter((c) => c.level === 'CITY').map((c) => ({ value: c.id, label: c.name }));
  const areaId = province ? cityId : viewer.area.id;
  return (
    <>
      <Space style={{ justifyContent: 'space-between', width: '100%', flexWrap: 'wrap' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('title')} · {province ? (cityOptions.find((c) => c.value === cityId)?.label ?? viewer.area.name) : viewer.area.name}
        </Typography.Title>
        {province && (
          <Select style={{ minWidth: 200 }} placeholder={t('pickCity')} options={cityOptions} value={cityId} onChange={setCityId} loading={cities.fetching} data-testid="city-select" />
        )}
      </Space>
      {province && !cityId ? null : (
        <QueryState fetching={fetching} error={error} data={data} isEmpty={(d) => d.districts.length === 0} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
          {(d) => <AreaDashboard key={areaId} areaId={areaId!} rows={d.districts} viewer={viewer} onOpen={(id) => navigate(`/${id}`)} />}
        </QueryState>
      )}
    </>
  );
}

/** The month shown: ?period= in the address, else the latest month the area's projects were lit, else last month. */
function useMonth(areaId: string): [string | null, (p: string) => void] {
  const fromUrl = queryParam('period');
  const [chosen, setChosen] = useState<string | null>(fromUrl && /^\d{4}-(0[1-9]|1[0-2])$/.test(fromUrl) ? fromUrl : null);
  const [latest] = useQuery({ query: LATEST, variables: { areaId }, pause: chosen !== null });
  const guess = useMemo(() => {
    if (latest.fetching && !latest.data) return null;
    const periods = (latest.data?.projects.nodes ?? []).flatMap((n) => n.lights.map((l) => l.period)).sort();
    return periods[periods.length - 1] ?? previousMonth();
  }, [latest]);
  const set = (p: string) => {
    const q = new URLSearchParams(window.location.search);
    q.set('period', p);
    window.history.replaceState(null, '', `${window.location.pathname}?${q.toString()}`);
    setChosen(p);
  };
  return [chosen ?? guess, set];
}

function AreaDashboard({ areaId, rows, viewer, onOpen }: { areaId: string; rows: DistrictRow[]; viewer: Viewer; onOpen: (id: string) => void }) {
  const t = useMessages(messages);
  const tc = useMessages(monthCloseMessages);
  const locale = useLocale();
  const [period, setPeriod] = useState<string | null>(null);
  const [month, setMonth] = useMonth(areaId);
  useEffect(() => setPeriod(month), [month]);
  const [figures, refetch] = useQuery({ query: FIGURES, variables: { areaId, month: period ?? '', period: period ?? '' }, pause: !period });
  const [publishState, publish] = useMutation(PUBLISH);
  const cityId = rows[0]?.parent?.id ?? null;
  const f = figures.data;
  const published = f?.lightBoard.published ?? false;

  return (
    <>
      <Space wrap style={{ margin: '16px 0', width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <Typography.Text>{t('month')}</Typography.Text>
          <MonthPicker style={{ width: 170 }} value={period} max={previousMonth()} onChange={(v) => v && setMonth(v)} testId="dashboard-month" />
          {f && (published ? <Tag color="green" data-testid="board-published">{t('publishedBoard')}</Tag> : null)}
        </Space>
        {period && (
          <Space wrap>
            {viewer.role === 'ADMIN' && f && !published && (
              <Popconfirm title={t('publishConfirm')} onConfirm={async () => (await publish({ areaId, period })).data && refetch({ requestPolicy: 'network-only' })}>
                <Button loading={publishState.fetching} data-testid="publish-board">
                  {t('publishBoard')}
                </Button>
              </Popconfirm>
            )}
            {viewer.role === 'ADMIN' && (
              <Button onClick={() => openInShell(`/districts/close?period=${period}`)} data-testid="month-close-link">
                {tc('monthCloseLink')}
              </Button>
            )}
            <Button href={`/public/lights?area=${areaId}&period=${period}`} target="_blank" data-testid="wall-link">
              {t('wallLink')}
            </Button>
          </Space>
        )}
      </Space>
      {publishState.error && <ErrorNotice error={publishState.error} />}
      <QueryState fetching={figures.fetching || !period} error={figures.error} data={f} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
        {(d) => <Overview areaId={areaId} rows={rows} figures={d} period={period!} onOpen={onOpen} />}
      </QueryState>
      {period && cityId && <RankingCard cityId={cityId} period={period} />}
      {period && (
        <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
          <Col xs={24} xl={12}>
            <LightTrend areaId={areaId} period={period} />
          </Col>
          <Col xs={24} xl={12}>
            <Card title={t('trendInvestment')}>{f ? <InvestmentTrend rows={f.byMonth.rows} year={yearOf(period)} /> : null}</Card>
          </Col>
          <Col span={24}>
            <FundingFigures areaId={areaId} year={yearOf(period)} />
          </Col>
          <Col span={24}>
            <ProcedureFigures areaId={areaId} />
          </Col>
          <Col span={24}>
            <ProjectMap areaId={areaId} period={period} title={`${t('mapTitle')} · ${formatPeriod(period, locale)}`} districts={rows} counts={f?.lightBoard.districts} onOpenDistrict={onOpen} />
          </Col>
        </Row>
      )}
    </>
  );
}

function Overview({ areaId, rows, figures, period, onOpen }: { areaId: string; rows: DistrictRow[]; figures: Figures; period: string; onOpen: (id: string) => void }) {
  const t = useMessages(messages);
  const kindLabel = (kind: string) => t(`KIND_${kind}` as MessageKey);
  const counts = new Map(figures.lightBoard.districts.map((c) => [c.district.id, c]));
  const stats = new Map(figures.byDistrict.rows.filter((r) => r.district).map((r) => [r.district!.id, r]));
  const lit = figures.lightBoard.districts.reduce((s, c) => ({ green: s.green + c.green, yellow: s.yellow + c.yellow, red: s.red + c.red }), { green: 0, yellow: 0, red: 0 });
  const total = figures.byDistrict.total;
  const lightsBar = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 40, right: 16, bottom: 90, top: 24 },
      xAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { rotate: 40 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: (['GREEN', 'YELLOW', 'RED'] as const).map((c) => ({
        type: 'bar',
        stack: 'lights',
        name: t(c),
        itemStyle: { color: LIGHT_HEX[c] },
        data: rows.map((r) => counts.get(r.id)?.[c.toLowerCase() as 'green' | 'yellow' | 'red'] ?? 0),
      })),
    }),
    [rows, figures, t],
  );
  const investmentBar = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 70, right: 16, bottom: 90, top: 24 },
      xAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { rotate: 40 } },
      yAxis: { type: 'value' },
      series: [
        { type: 'bar', name: t('ytdPlanned'), itemStyle: { color: '#bfbfbf' }, data: rows.map((r) => moneyToWanNumber(stats.get(r.id)?.ytdPlanned)) },
        { type: 'bar', name: t('ytdActual'), itemStyle: { color: '#b4232a' }, data: rows.map((r) => moneyToWanNumber(stats.get(r.id)?.ytdActual)) },
      ],
    }),
    [rows, figures, t],
  );
  const townsBar = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 16, bottom: 80, top: 24 },
      xAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { rotate: 40 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', name: t('townshipCount'), data: rows.map((r) => r.towns.length), itemStyle: { color: '#8c8c8c' } }],
    }),
    [rows, t],
  );
  const openProjects = (districtId: string) => openInShell(`/projects?district=${districtId}&period=${period}`);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={12} md={6}>
        <Card>
          <Statistic title={t('districts')} value={rows.length} data-testid="district-count" />
        </Card>
      </Col>
      {(['GREEN', 'YELLOW', 'RED'] as const).map((c) => (
        <Col xs={12} md={4} key={c}>
          <Card>
            <Statistic title={t(c)} value={lit[c.toLowerCase() as 'green' | 'yellow' | 'red']} styles={{ content: { color: LIGHT_HEX[c] } }} data-testid={`lights-${c.toLowerCase()}`} />
          </Card>
        </Col>
      ))}
      <Col xs={24} md={6}>
        <Card>
          <Statistic title={`${t('ytdActual')} / ${t('ytdPlanned')}`} value={`${formatMoney(total.ytdActual)} / ${formatMoney(total.ytdPlanned)}`} styles={{ content: { fontSize: 18 } }} data-testid="ytd-total" />
          <Typography.Text type="secondary">
            {t('ytdCompletion')} {rate(total.ytdCompletion)} · {t('ytdGrowth')} {rate(total.ytdGrowth)}
          </Typography.Text>
        </Card>
      </Col>
      <Col span={24}>
        <Table<DistrictRow>
          rowKey="id"
          size="small"
          dataSource={rows}
          pagination={false}
          scroll={{ x: 1000 }}
          title={() => (
            <Space>
              <strong>{t('lightsByDistrict')}</strong>
              <FiguresCsvButton query="investmentStats" args={{ areaId, period, groupBy: 'DISTRICT' }} />
            </Space>
          )}
          data-testid="district-table"
          onRow={(r) => ({ onClick: () => onOpen(r.id), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('name'), dataIndex: 'name', render: (v: string) => <a>{v}</a>, fixed: 'left', width: 150 },
            { title: t('kind'), dataIndex: 'kind', render: kindLabel, width: 100 },
            { title: t('townshipCount'), render: (_: unknown, r) => r.towns.length, align: 'right', width: 90 },
            ...(['GREEN', 'YELLOW', 'RED'] as const).map((c) => ({
              title: t(c),
              key: c,
              align: 'right' as const,
              width: 70,
              render: (_: unknown, r: DistrictRow) => (
                <span style={{ color: LIGHT_HEX[c], fontWeight: 600 }} data-testid={`district-${c.toLowerCase()}`}>
                  {counts.get(r.id)?.[c.toLowerCase() as 'green' | 'yellow' | 'red'] ?? 0}
                </span>
              ),
            })),
            { title: `${t('ytdActual')}（万元）`, render: (_: unknown, r) => formatMoneyIn(stats.get(r.id)?.ytdActual, 'wan'), align: 'right', width: 130 },
            { title: `${t('ytdPlanned')}（万元）`, render: (_: unknown, r) => formatMoneyIn(stats.get(r.id)?.ytdPlanned, 'wan'), align: 'right', width: 130 },
            {
              title: t('ytdCompletion'),
              render: (_: unknown, r) => {
                const s = stats.get(r.id)?.ytdCompletion;
                return s?.reason ? <Tooltip title={s.reason}>—</Tooltip> : rate(s);
              },
              align: 'right',
              width: 100,
            },
            {
              title: '',
              key: 'projects',
              width: 90,
              render: (_: unknown, r) => (
                <a
                  href={`/projects?district=${r.id}`}
                  data-testid="district-projects"
                  onClick={(e) => {
                    e.preventDefault();
                    e.stopPropagation();
                    openProjects(r.id);
                  }}
                >
                  {t('openProjects')}
                </a>
              ),
            },
          ]}
        />
      </Col>
      <Col xs={24} lg={12}>
        <Card title={t('lightsChart')}>
          <Chart option={lightsBar} height={320} testId="lights-chart" />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title={t('investmentChart')}>
          <Chart option={investmentBar} height={320} testId="investment-chart" />
        </Card>
      </Col>
      <Col span={24}>
        <Card title={t('chartTitle')} size="small">
          <Chart option={townsBar} height={240} testId="district-chart" />
        </Card>
      </Col>
    </Row>
  );
}

function RankingCard({ cityId, period }: { cityId: string; period: string }) {
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

function InvestmentTrend({ rows, year }: { rows: StatsRow[]; year: number }) {
  const t = useMessages(messages);
  const option = useMemo<ChartOption>(() => {
    const months = rows.filter((r) => /^\d{2}$/.test(r.key)).sort((a, b) => a.key.localeCompare(b.key));
    return {
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 70, right: 16, bottom: 40, top: 24 },
      xAxis: { type: 'category', data: months.map((m) => `${Number(m.key)}月`) },
      yAxis: { type: 'value', name: '万元' },
      series: [
        { type: 'line', name: t('thisYear', { year }), smooth: true, itemStyle: { color: '#b4232a' }, data: months.map((m) => moneyToWanNumber(m.monthActual)) },
        { type: 'line', name: t('thisYear', { year: year - 1 }), smooth: true, lineStyle: { type: 'dashed' }, itemStyle: { color: '#8c8c8c' }, data: months.map((m) => moneyToWanNumber(m.lastYearMonthActual)) },
      ],
    };
  }, [rows, year, t]);
  return <Chart option={option} height={320} testId="investment-trend" />;
}

/** Light counts of every month of the year up to the one shown, one aliased lightBoard per month. */
function LightTrend({ areaId, period }: { areaId: string; period: string }) {
  const t = useMessages(messages);
  const year = yearOf(period);
  const months = yearToDate(period);
  const variables = Object.fromEntries([
    ['areaId', areaId],
    ...monthsOfYear(year).map((m) => [`p${m.slice(5)}`, m]),
    ...Array.from({ length: 11 }, (_, k) => [`i${String(k + 2).padStart(2, '0')}`, k + 2 <= months.length]),
  ]) as LightTrendQueryVariables;
  const [{ data, fetching, error }, refetch] = useQuery({ query: LIGHT_TREND, variables });
  const option = useMemo<ChartOption | null>(() => {
    if (!data) return null;
    const sums = months.map((m) => (data[`m${m.slice(5)}` as keyof LightTrendQuery]?.districts ?? []).reduce((s, d) => ({ green: s.green + d.green, yellow: s.yellow + d.yellow, red: s.red + d.red }), { green: 0, yellow: 0, red: 0 }));
    return {
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 40, right: 16, bottom: 40, top: 24 },
      xAxis: { type: 'category', data: months.map((m) => `${parsePeriod(m).month}月`) },
      yAxis: { type: 'value', minInterval: 1 },
      series: (['GREEN', 'YELLOW', 'RED'] as const).map((c) => ({ type: 'line', name: t(c), itemStyle: { color: LIGHT_HEX[c] }, data: sums.map((s) => s[c.toLowerCase() as 'green' | 'yellow' | 'red']) })),
    };
  }, [data, t]);
  return (
    <Card title={t('trendLights')}>
      <QueryState fetching={fetching} error={error} data={option} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
        {(o) => <Chart option={o} height={320} testId="lights-trend" />}
      </QueryState>
    </Card>
  );
}

type DistrictCounts = Figures['lightBoard']['districts'][number];

/** A district's tint on the map: red when any project is red, yellow when any is yellow, green when all are, grey when none is lit. */
function districtTint(c: DistrictCounts | undefined): string {
  if (!c || c.total === 0) return '#bfbfbf';
  return c.red > 0 ? LIGHT_HEX.RED : c.yellow > 0 ? LIGHT_HEX.YELLOW : LIGHT_HEX.GREEN;
}

/**
 * The districts' real outlines, tinted by the month's lights (click one to open it), and every project
 * of the area with a site boundary on them, coloured by its light (grey: not lit).
 */
function ProjectMap({ areaId, period, title, districts, counts, onOpenDistrict }: { areaId: string; period: string; title: string; districts: DistrictRow[]; counts: DistrictCounts[] | undefined; onOpenDistrict: (id: string) => void }) {
  // The latest callback without redrawing the map when the parent re-renders.
  const open = useRef(onOpenDistrict);
  open.current = onOpenDistrict;
  const t = useMessages(messages);
  const client = useClient();
  const [state, setState] = useState<{ projects?: MapProject[]; error?: unknown }>({});
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    setState({});
    (async () => {
      const all: MapProject[] = [];
      let after: string | null = null;
      for (let page = 0; page < 20; page += 1) {
        const r = await client
          .query(MAP_PAGE, { areaId, period, after }, { requestPolicy: 'network-only' })
          .toPromise();
        if (r.error) throw r.error;
        all.push(...r.data!.projects.nodes);
        if (!r.data!.projects.pageInfo.hasNextPage) break;
        after = r.data!.projects.pageInfo.endCursor;
      }
      return all;
    })().then(
      (projects) => live && setState({ projects }),
      (error: unknown) => live && setState({ error }),
    );
    return () => {
      live = false;
    };
  }, [client, areaId, period, attempt]);
  const shapes = useMemo<MapShape[]>(() => {
    const byDistrict = new Map((counts ?? []).map((c) => [c.district.id, c]));
    const areas: MapShape[] = districts
      .filter((d) => d.outline)
      .map((d) => {
        const c = byDistrict.get(d.id);
        return {
          id: `area-${d.id}`,
          kind: 'area',
          geoJson: d.outline!,
          color: districtTint(c),
          label: c && c.total > 0 ? `${d.name}：${t('GREEN')} ${c.green} · ${t('YELLOW')} ${c.yellow} · ${t('RED')} ${c.red}` : `${d.name}（${t('notLit')}）`,
          onClick: () => open.current(d.id),
        };
      });
    const sites: MapShape[] = (state.projects ?? [])
      .filter((p) => p.location.geoJson)
      .map((p) => ({
        id: p.id,
        geoJson: p.location.geoJson!,
        color: p.light ? LIGHT_HEX[p.light.color] : '#8c8c8c',
        label: `${p.name}（${p.light ? t(p.light.color) : t('notLit')}）`,
        onClick: () => openInShell(`/projects?open=${p.id}`),
      }));
    return [...areas, ...sites];
  }, [state.projects, districts, counts, t]);
  const siteCount = shapes.filter((s) => s.kind !== 'area').length;
  return (
    <Card title={title} extra={state.projects ? <Typography.Text type="secondary">{t('mapHint', { n: siteCount })}</Typography.Text> : null}>
      <QueryState fetching={!state.projects && !state.error} error={state.error} data={state.projects} onRetry={() => setAttempt((n) => n + 1)}>
        {() => <BoundaryMap shapes={shapes} height={540} testId="project-map" emptyText={t('noLocation')} />}
      </QueryState>
    </Card>
  );
}

function DistrictDetail({ id, navigate }: { id: string; navigate: (to: string) => void }) {
  const t = useMessages(messages);
  const [{ data, fetching, error }, refetch] = useQuery({ query: DISTRICT, variables: { id } });
  return (
    <>
      <Button onClick={() => navigate('/')} style={{ marginBottom: 16 }}>
        ← {t('back')}
      </Button>
      <QueryState fetching={fetching} error={error} data={data} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
        {(d) => (
          <Card
            title={`${t('detail')} · ${d.district.name}`}
            extra={
              <Button type="link" onClick={() => openInShell(`/projects?district=${d.district.id}`)} data-testid="district-projects">
                {t('openProjects')}
              </Button>
            }
          >
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('code')}>{d.district.code ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('kind')}>{t(`KIND_${d.district.kind}` as MessageKey)}</Descriptions.Item>
              <Descriptions.Item label={t('parent')}>{d.district.parent?.name ?? '—'}</Descriptions.Item>
            </Descriptions>
            <DistrictLights districtId={d.district.id} />
            <Typography.Title level={5}>{t('townships')}</Typography.Title>
            <List
              size="small"
              bordered
              locale={{ emptyText: t('noTownships') }}
              dataSource={d.district.towns}
              renderItem={(c) => <List.Item>{c.name}（{t(`KIND_${c.kind}` as MessageKey)}）</List.Item>}
            />
          </Card>
        )}
      </QueryState>
    </>
  );
}

/** The district's lights of a month: its counts and the yellow and red projects with their reasons. */
function DistrictLights({ districtId }: { districtId: string }) {
  const t = useMessages(messages);
  const tc = useMessages(monthCloseMessages);
  const locale = useLocale();
  const [month] = useMonth(districtId);
  const [{ data, fetching, error }, refetch] = useQuery({ query: DISTRICT_LIGHTS, variables: { areaId: districtId, month: month ?? '' }, pause: !month });
  return (
    <div style={{ margin: '16px 0' }} data-testid="district-lights">
      <Typography.Title level={5}>
        {t('districtLights')} · {formatPeriod(month, locale)}
      </Typography.Title>
      <QueryState fetching={fetching || !month} error={error} data={data} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
        {(d) => {
          const c = d.lightBoard.districts[0] ?? { green: 0, yellow: 0, red: 0, total: 0 };
          return (
            <>
              <Space size="large" style={{ marginBottom: 8 }}>
                {(['GREEN', 'YELLOW', 'RED'] as const).map((k) => (
                  <Statistic key={k} title={t(k)} value={c[k.toLowerCase() as 'green' | 'yellow' | 'red']} styles={{ content: { color: LIGHT_HEX[k] } }} data-testid={`district-lights-${k.toLowerCase()}`} />
                ))}
              </Space>
              {c.total === 0 ? (
                <Typography.Paragraph type="secondary">{t('notLit')}</Typography.Paragraph>
              ) : (
                <List
                  size="small"
                  bordered
                  dataSource={d.lightBoard.projects}
                  locale={{ emptyText: t('boardAllGreen') }}
                  renderItem={(p) => (
                    <List.Item>
                      <Space wrap>
                        <Tag color={LIGHT_HEX[p.color]}>{t(p.color)}</Tag>
                        <a onClick={() => openInShell(`/projects?open=${p.projectId}`)}>{p.name}</a>
                        <Typography.Text type="secondary">{p.reason}</Typography.Text>
                        {p.clearing && (
                          <Typography.Text data-testid="board-clearing">
                            {tc('clearing')}：{p.clearing.explanation}
                          </Typography.Text>
                        )}
                      </Space>
                    </List.Item>
                  )}
                />
              )}
            </>
          );
        }}
      </QueryState>
    </div>
  );
}
