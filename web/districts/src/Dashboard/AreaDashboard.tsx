import { useEffect, useState } from 'react';
import { Button, Card, Col, Popconfirm, Row, Space, Tag, Typography } from 'antd';
import { useMutation, useQuery } from 'urql';
import { ErrorNotice, formatPeriod, MonthPicker, openInShell, previousMonth, QueryState, useLocale, useMessages, yearOf, type Viewer } from '@kpd/web-kit';
import { ProcedureFigures } from '../ProcedureFigures';
import { FundingFigures } from '../FundingFigures';
import { messages } from '../messages';
import { monthCloseMessages } from '../month-close.messages';
import { Overview } from './Overview';
import { ProjectMap } from './ProjectMap';
import { RankingCard } from './RankingCard';
import { InvestmentTrend, LightTrend } from './Trends';
import { FIGURES, PUBLISH, type DistrictRow } from './queries';
import { useMonth } from './useMonth';

export function AreaDashboard({ areaId, rows, viewer, onOpen }: { areaId: string; rows: DistrictRow[]; viewer: Viewer; onOpen: (id: string) => void }) {
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
