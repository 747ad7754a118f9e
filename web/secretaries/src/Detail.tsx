import { useMemo, useState } from 'react';
import { Button, Card, Col, Descriptions, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useQuery } from 'urql';
import { EmptyState, QueryState, useMessages, type RemoteProps } from '@kpd/web-kit';
import { Chart, type ChartOption } from '@kpd/web-kit/chart';
import {
  CONTACT,
  DETAIL,
  LOG,
  type Assignment,
  type LogEntry,
  type ProblemRow,
  type SecretaryDetail,
  type Workload,
} from './api';
import { CursorPager, useCursorPages } from './Cursor';
import { LogServiceForm } from './Forms';
import { AssignForm, EditSecretaryButton, EndAssignmentButton } from './Manage';
import { manageMessages } from './manage.messages';
import { messages, type MessageKey } from './messages';

const STATUS_COLORS: Record<ProblemRow['status'], string> = {
  OPEN: 'red',
  IN_PROGRESS: 'orange',
  RESOLVED: 'green',
  CLOSED_OUT: 'default',
};

/** A secretary's page: its workload, assignments, service log (with the form to log a contact), problems and score history. */
export function Detail({ id, viewer, navigate }: RemoteProps & { id: string }) {
  const t = useMessages(messages);
  const tm = useMessages(manageMessages);
  const admin = viewer.role === 'ADMIN';
  const [{ data, fetching, error }, refetch] = useQuery({
    query: DETAIL,
    variables: { id },
  });
  const [contact] = useQuery({
    query: CONTACT,
    variables: { id },
    pause: !admin,
  });
  const [logGeneration, setLogGeneration] = useState(0);
  const back =
    viewer.role === 'SECRETARY' ? null : (
      <Button onClick={() => navigate('/')} style={{ marginBottom: 12 }} data-testid="back">
        ← {t('back')}
      </Button>
    );
  return (
    <>
      {back}
      <QueryState
        fetching={fetching}
        error={error}
        data={data}
        onRetry={() => refetch({ requestPolicy: 'network-only' })}
      >
        {({ secretary: s }) => {
          const running = s.assignments
            .filter((a) => a.active && a.project)
            .map((a) => ({ id: a.project!.id, name: a.project!.name }));
          // A secretary logs its own contacts; an admin logs on the secretary's behalf.
          const mayLog = (viewer.role === 'SECRETARY' || admin) && running.length > 0;
          return (
            <>
              <Space style={{ marginBottom: 8, display: 'flex' }} align="center" wrap>
                <Typography.Title level={3} data-testid="secretary-name" style={{ margin: 0 }}>
                  {s.name}
                </Typography.Title>
                {admin && <EditSecretaryButton id={s.id} onSaved={() => refetch({ requestPolicy: 'network-only' })} />}
              </Space>
              <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }} style={{ marginBottom: 16 }}>
                <Descriptions.Item label={t('district')}>{s.district.name}</Descriptions.Item>
                <Descriptions.Item label={t('workUnit')}>{s.workUnit}</Descriptions.Item>
                <Descriptions.Item label={t('titleCol')}>{s.title || '—'}</Descriptions.Item>
                <Descriptions.Item label={t('contact')}>
                  <span data-testid="detail-contact">{contact.data?.secretary.contact || '—'}</span>
                </Descriptions.Item>
              </Descriptions>
              <WorkloadCards w={s.workload} />
              <Row gutter={16}>
                <Col xs={24} xl={admin ? 16 : 24}>
                  <Card size="small" title={t('assignments')} style={{ marginBottom: 16 }}>
                    <Assignments rows={s.assignments} admin={admin} onChanged={() => refetch({ requestPolicy: 'network-only' })} />
                  </Card>
                </Col>
                {admin && (
                  <Col xs={24} xl={8}>
                    <Card size="small" title={tm('assign')} style={{ marginBottom: 16 }}>
                      <AssignForm secretaryId={s.id} districtId={s.district.id} onAssigned={() => refetch({ requestPolicy: 'network-only' })} />
                    </Card>
                  </Col>
                )}
              </Row>
              <Row gutter={16}>
                <Col xs={24} xl={mayLog ? 16 : 24}>
                  <Card size="small" title={t('serviceLog')} style={{ marginBottom: 16 }}>
                    <ServiceLog key={logGeneration} secretaryId={s.id} />
                  </Card>
                </Col>
                {mayLog && (
                  <Col xs={24} xl={8}>
                    <Card size="small" title={t('logService')} style={{ marginBottom: 16 }}>
                      <LogServiceForm
                        projects={running}
                        secretaryId={admin ? s.id : undefined}
                        onSaved={() => {
                          setLogGeneration((g) => g + 1);
                          refetch({ requestPolicy: 'network-only' });
                        }}
                      />
                    </Card>
                  </Col>
                )}
              </Row>
              <Card size="small" title={t('problems')} style={{ marginBottom: 16 }}>
                <Problems rows={s.problems} />
              </Card>
              <Card size="small" title={t('scores')}>
                <Scores rows={s.evaluations} />
              </Card>
            </>
          );
        }}
      </QueryState>
    </>
  );
}

export function WorkloadCards({ w }: { w: Workload }) {
  const t = useMessages(messages);
  const items: [MessageKey, number | string, string, boolean][] = [
    ['projects', w.projects, 'wl-projects', false],
    ['log30', w.logEntriesLast30Days, 'wl-log30', false],
    ['lastContact', w.lastContactDate ?? '—', 'wl-last', false],
    ['quiet', w.quietProjects, 'wl-quiet', w.quietProjects > 0],
    ['openProblems', w.openProblems, 'wl-open', false],
    ['overdueProblems', w.overdueProblems, 'wl-overdue', w.overdueProblems > 0],
    ['avgDays', w.averageDaysToResolve === null ? '—' : w.averageDaysToResolve.toFixed(1), 'wl-avg', false],
  ];
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }} data-testid="workload">
      {items.map(([key, value, testId, warn]) => (
        <Col key={key} xs={12} md={6} xl={3}>
          <Card size="small">
            <Statistic
              title={t(key)}
              value={value}
              data-testid={testId}
              styles={{ content: { color: warn ? '#b4232a' : undefined, fontSize: 20 } }}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function Assignments({ rows, admin = false, onChanged }: { rows: Assignment[]; admin?: boolean; onChanged?: () => void }) {
  const t = useMessages(messages);
  const tm = useMessages(manageMessages);
  return (
    <Table<Assignment>
      rowKey="id"
      size="small"
      data-testid="assignments"
      dataSource={rows}
      pagination={false}
      locale={{ emptyText: <EmptyState /> }}
      columns={[
        {
          title: t('project'),
          render: (_: unknown, r) =>
            r.project ? <a href={`/projects/${r.project.id}`}>{r.project.name}</a> : '—',
        },
        {
          title: t('role'),
          dataIndex: 'teamRole',
          render: (v: Assignment['teamRole']) =>
            v === 'SOLE' ? t('SOLE') : <Tag color={v === 'LEAD' ? 'red' : 'blue'}>{t(v)}</Tag>,
        },
        { title: t('start'), dataIndex: 'startDate' },
        { title: t('end'), dataIndex: 'endDate', render: (v: string | null) => v ?? '—' },
        {
          title: t('status'),
          dataIndex: 'active',
          render: (v: boolean) => (v ? <Tag color="green">{t('running')}</Tag> : <Tag>{t('ended')}</Tag>),
        },
        ...(admin
          ? [
              {
                title: tm('endAssignment'),
                key: 'end',
                render: (_: unknown, r: Assignment) =>
                  r.endDate === null && r.project ? <EndAssignmentButton id={r.id} project={r.project.name} startDate={r.startDate} onEnded={() => onChanged?.()} /> : null,
              },
            ]
          : []),
      ]}
    />
  );
}

export function ServiceLog({ secretaryId }: { secretaryId: string }) {
  const t = useMessages(messages);
  const pages = useCursorPages();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: LOG,
    variables: { secretaryId, first: 10, after: pages.after },
    requestPolicy: 'cache-and-network',
  });
  return (
    <QueryState
      fetching={fetching}
      error={error}
      data={data}
      isEmpty={(d) => d.serviceLog.nodes.length === 0}
      onRetry={() => refetch({ requestPolicy: 'network-only' })}
    >
      {(d) => (
        <>
          <Table<LogEntry>
            rowKey="id"
            size="small"
            data-testid="service-log"
            dataSource={d.serviceLog.nodes}
            pagination={false}
            title={() => t('logTotal', { n: d.serviceLog.totalCount })}
            columns={[
              { title: t('date'), dataIndex: 'date', width: 110 },
              { title: t('kind'), dataIndex: 'kind', width: 100, render: (v: string) => t(v as MessageKey) },
              { title: t('project'), render: (_: unknown, r) => r.project?.name ?? '—', width: 160 },
              { title: t('summary'), dataIndex: 'summary' },
              {
                title: t('recordedBy'),
                dataIndex: 'recordedBy',
                width: 130,
                render: (v: string | null) => v ?? '—',
              },
            ]}
          />
          <CursorPager pages={pages} pageInfo={d.serviceLog.pageInfo} />
        </>
      )}
    </QueryState>
  );
}

export function Problems({ rows }: { rows: ProblemRow[] }) {
  const t = useMessages(messages);
  if (rows.length === 0) return <EmptyState />;
  return (
    <Table<ProblemRow>
      rowKey="id"
      size="small"
      data-testid="secretary-problems"
      dataSource={rows}
      pagination={rows.length > 10 ? { pageSize: 10 } : false}
      scroll={{ x: 800 }}
      columns={[
        { title: t('problemTitle'), dataIndex: 'title' },
        { title: t('project'), render: (_: unknown, r) => r.project?.name ?? '—' },
        { title: t('raisedBy'), dataIndex: 'raisedBy' },
        { title: t('raisedDate'), dataIndex: 'raisedDate', width: 110 },
        { title: t('deadline'), dataIndex: 'deadline', width: 110 },
        {
          title: t('problemStatus'),
          width: 150,
          render: (_: unknown, r) => (
            <>
              <Tag color={STATUS_COLORS[r.status]}>{t(r.status)}</Tag>
              {r.overdue && <Tag color="red">{t('overdue')}</Tag>}
            </>
          ),
        },
        {
          title: t('resolvedDate'),
          dataIndex: 'resolvedDate',
          width: 110,
          render: (v: string | null) => v ?? '—',
        },
      ]}
    />
  );
}

function Scores({ rows }: { rows: SecretaryDetail['evaluations'] }) {
  const t = useMessages(messages);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 16, top: 16, bottom: 28 },
      xAxis: { type: 'category', data: rows.map((r) => r.period) },
      yAxis: { type: 'value', min: 0, max: 100 },
      series: [
        {
          name: t('score'),
          type: 'line',
          data: rows.map((r) => r.score),
          label: { show: true },
          itemStyle: { color: '#b4232a' },
        },
      ],
    }),
    [rows, t],
  );
  if (rows.length === 0) return <EmptyState description={t('noScores')} />;
  return (
    <>
      <Chart option={option} height={240} testId="score-chart" />
      <Table
        rowKey="period"
        size="small"
        data-testid="score-table"
        dataSource={[...rows].reverse()}
        pagination={false}
        columns={[
          { title: t('period'), dataIndex: 'period', width: 110 },
          { title: t('score'), dataIndex: 'score', width: 80, align: 'right' },
          { title: t('comments'), dataIndex: 'comments' },
          { title: t('evaluatedBy'), dataIndex: 'evaluatedBy', width: 150 },
        ]}
      />
    </>
  );
}
