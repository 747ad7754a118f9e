import { useMemo } from 'react';
import { Card, Col, Row, Space, Statistic, Table, Tooltip, Typography } from 'antd';
import { FiguresCsvButton, formatMoney, formatMoneyIn, LIGHT_HEX, moneyToWanNumber, openInShell, useMessages } from '@kpd/web-kit';
import { Chart, type ChartOption } from '@kpd/web-kit/chart';
import { messages, type MessageKey } from '../messages';
import { rate } from './format';
import type { DistrictRow, Figures } from './queries';

export function Overview({ areaId, rows, figures, period, onOpen }: { areaId: string; rows: DistrictRow[]; figures: Figures; period: string; onOpen: (id: string) => void }) {
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
