import { useMemo } from 'react';
import { Card, Col, Row, Table, Tag, Typography } from 'antd';
import { useQuery } from 'urql';
import { FiguresCsvButton, QueryState, useMessages, type Messages } from '@kpd/web-kit';
import { Chart, type ChartOption } from '@kpd/web-kit/chart';
import { graphql } from './gql';
import type { ProcedureFiguresQuery } from './gql/graphql';

const FIGURES = graphql(`
  query ProcedureFigures($areaId: ID) {
    procedureFigures(areaId: $areaId) {
      today projects blockedProjects overdueNodes
      byDepartment { department inProgress overdue blockedProjects }
      byType { code name department promisedDays legalDays approved averageDays approvedLate overdue }
      template { totalPromisedDays limitDays withinLimit }
    }
  }
`);

type Key = 'title' | 'summary' | 'blocked' | 'overdue' | 'inProgress' | 'byType' | 'procedure' | 'average' | 'promised' | 'approved' | 'late' | 'chain' | 'within' | 'over' | 'none';
const messages: Messages<Key> = {
  zh: {
    title: '前期手续：各部门卡住的项目',
    summary: '截至 {today}：{projects} 个项目有手续链，{blocked} 个项目被逾期手续卡住，逾期手续 {overdue} 件',
    blocked: '卡住的项目',
    overdue: '逾期手续',
    inProgress: '办理中',
    byType: '各项手续平均用时（工作日）',
    procedure: '手续',
    average: '平均用时',
    promised: '承诺/法定',
    approved: '已办结',
    late: '超时办结',
    chain: '模板总时限 {days} / {limit} 个工作日',
    within: '符合',
    over: '超出',
    none: '—',
  },
  en: {
    title: 'Procedures: projects held up by department',
    summary: 'As of {today}: {projects} projects with a chain, {blocked} held up by an overdue procedure, {overdue} overdue procedures',
    blocked: 'Projects held up',
    overdue: 'Overdue',
    inProgress: 'In progress',
    byType: 'Average working days per procedure',
    procedure: 'Procedure',
    average: 'Average',
    promised: 'Promised/legal',
    approved: 'Approved',
    late: 'Late',
    chain: 'Template total {days} / {limit} working days',
    within: 'within',
    over: 'over',
    none: '—',
  },
};

type Figures = ProcedureFiguresQuery['procedureFigures'];
type TypeRow = Figures['byType'][number];

/** The area's pre-construction procedures, as the database counts them: which department holds up how many projects, and each procedure's average time against its limits. */
export function ProcedureFigures({ areaId }: { areaId: string }) {
  const t = useMessages(messages);
  const [{ data, fetching, error }, refetch] = useQuery({ query: FIGURES, variables: { areaId } });
  const option = useMemo<ChartOption | null>(() => {
    if (!data) return null;
    const rows = data.procedureFigures.byDepartment.filter((r) => r.inProgress > 0).slice(0, 10).reverse();
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { bottom: 0 },
      grid: { left: 200, right: 24, bottom: 40, top: 16 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: rows.map((r) => r.department) },
      series: [
        { type: 'bar', name: t('blocked'), itemStyle: { color: '#ff4d4f' }, data: rows.map((r) => r.blockedProjects) },
        { type: 'bar', name: t('inProgress'), itemStyle: { color: '#1677ff' }, data: rows.map((r) => r.inProgress) },
      ],
    };
  }, [data, t]);
  return (
    <Card title={t('title')} data-testid="procedure-figures" extra={<FiguresCsvButton query="procedureFigures" args={{ areaId }} />}>
      <QueryState fetching={fetching} error={error} data={data} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
        {({ procedureFigures: f }) => (
          <>
            <Typography.Paragraph data-testid="procedure-figures-summary">
              {t('summary', { today: f.today, projects: f.projects, blocked: f.blockedProjects, overdue: f.overdueNodes })}{' '}
              <Tag color={f.template.withinLimit ? 'green' : 'red'}>
                {t('chain', { days: f.template.totalPromisedDays, limit: f.template.limitDays })} · {f.template.withinLimit ? t('within') : t('over')}
              </Tag>
            </Typography.Paragraph>
            <Row gutter={[16, 16]}>
              <Col xs={24} xl={12}>{option && <Chart option={option} height={300} testId="procedures-by-department" />}</Col>
              <Col xs={24} xl={12}>
                <Typography.Text strong>{t('byType')}</Typography.Text>
                <Table<TypeRow>
                  rowKey="code"
                  size="small"
                  pagination={false}
                  dataSource={f.byType}
                  data-testid="procedures-by-type"
                  columns={[
                    { title: t('procedure'), dataIndex: 'name' },
                    { title: t('average'), width: 80, render: (_: unknown, r) => (r.averageDays === null ? t('none') : <Typography.Text type={r.promisedDays !== null && r.averageDays > r.promisedDays ? 'danger' : undefined}>{r.averageDays}</Typography.Text>) },
                    { title: t('promised'), width: 80, render: (_: unknown, r) => `${r.promisedDays ?? t('none')}/${r.legalDays ?? t('none')}` },
                    { title: t('approved'), dataIndex: 'approved', width: 60 },
                    { title: t('late'), dataIndex: 'approvedLate', width: 60 },
                    { title: t('overdue'), dataIndex: 'overdue', width: 60, render: (v: number) => (v ? <Tag color="red">{v}</Tag> : 0) },
                  ]}
                />
              </Col>
            </Row>
          </>
        )}
      </QueryState>
    </Card>
  );
}
