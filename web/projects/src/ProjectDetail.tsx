import { useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Drawer, Empty, Image, Input, Row, Space, Table, Tabs, Tag, Timeline, Tooltip, Typography } from 'antd';
import { useMutation, useQuery } from 'urql';
import { ErrorNotice, formatDate, formatDateTime, formatMoney, formatMoneyCell, formatPeriod, isFutureMonth, moneyTitle, QueryState, sumMoney, useLocale, useMessages, yearOf, type Viewer } from '@kpd/web-kit';
import { BoundaryMap } from '@kpd/web-kit/map';
import { graphql } from './gql';
import type { LightColor, ProjectDetailQuery, ProjectProblemsQuery } from './gql/graphql';
import { EditPlanButton } from './edit/PlanEditor';
import { ReportForm } from './report/ReportForm';
import { EditProjectButton } from './edit/ProjectForm';
import { EditMilestonesButton } from './edit/MilestonesEditor';
import { EditLocationButton } from './pictures/LocationEditor';
import { EditRenderingsButton } from './pictures/RenderingsEditor';
import { messages, type MessageKey } from './messages';
import { procedureMessages } from './procedures/messages';
import { ProceduresTab } from './procedures/ProceduresTab';
import { FundingTab } from './funding/FundingTab';
import { fundingMessages } from './funding/messages';
import { PartiesTab, partyMessages } from './parties/PartiesTab';
import { CompletionTab } from './contracts/CompletionTab';
import { ContractsTab } from './contracts/ContractsTab';
import { DocumentsTab } from './contracts/DocumentsTab';
import { contractMessages } from './contracts/messages';
import { OpenDataSwitch } from './open-data/OpenDataSwitch';

const DETAIL = graphql(`
  query ProjectDetail($id: ID!) {
    project(id: $id) {
      id code name stage openData enterprise responsibleUnit responsibleLeader totalInvestment constructionStart constructionEnd district { name }
      libraryMembership { member reason }
      location { geoJson east west south north }
      renderings { id name url thumbnailUrl }
      planYears { year plannedInvestment }
      planMonths { period plannedInvestment plannedMilestone }
      reports {
        id period actualInvestment plannedInvestment progress version reporterName submittedAt light { period color reason }
        photos { file { id name url thumbnailUrl takenAt } flags outsideBoundary takenBeforeMonth reusedFromPeriod }
      }
      lights { id period color reason reasonCode removal removalReason removalDecidedBy removalDecidedAt clearing { nextPeriod neededInvestment redBy explanation milestones { name dueDate neededProgress progress } } }
      milestones { id name startDate dueDate metDate progress weight }
      secretaryAssignments { id active teamRole startDate endDate secretary { id name title workUnit } }
    }
  }
`);
const PROBLEMS = graphql(`
  query ProjectProblems($id: ID!) {
    problems(filter: { projectId: $id }, first: 50) { totalCount nodes { id title status level deadline overdue raisedDate } }
  }
`);
const PLAN_VERSIONS = graphql(`
  query ProjectPlanVersions($id: ID!, $year: Int!) {
    project(id: $id) {
      id
      planVersions(year: $year) { id version status reason requestedBy requestedAt decidedBy decidedAt months { period plannedInvestment } }
      reports { period actualInvestment }
    }
  }
`);
const APPROVE_BASELINE = graphql(`
  mutation ApprovePlanBaseline($projectId: ID!, $year: Int!) { approvePlanBaseline(projectId: $projectId, year: $year) { id version status } }
`);
const DECIDE = graphql(`
  mutation DecideLibraryRemoval($projectId: ID!, $period: Period!, $confirm: Boolean!, $reason: String!) {
    decideLibraryRemoval(projectId: $projectId, period: $period, confirm: $confirm, reason: $reason) { id removal removalReason }
  }
`);

type Detail = ProjectDetailQuery['project'];
type Report = Detail['reports'][number];
type Photo = Report['photos'][number];
type HistoryLight = Detail['lights'][number];
type Light = { period: string; color: LightColor; reason: string };
type ProblemRow = ProjectProblemsQuery['problems']['nodes'][number];

const COLORS = { GREEN: 'green', YELLOW: 'gold', RED: 'red' } as const;

function Lamp({ light }: { light: Light | null | undefined }) {
  const t = useMessages(messages);
  if (!light) return <Typography.Text type="secondary">{t('noLight')}</Typography.Text>;
  return (
    <Tooltip title={light.reason}>
      <Tag color={COLORS[light.color]} data-testid="detail-light" data-color={light.color}>
        {t(light.color)}
      </Tag>
    </Tooltip>
  );
}

/**
 * A project's detail: the plan table (plan, actual, totals), the three pictures (boundary, renderings,
 * this month's photos beside last month's with their flags), light history with reasons and removal
 * decisions, milestones, problems, secretaries, and the monthly report form.
 */
export function ProjectDetail({ id, onClose, viewer }: { id: string | null; onClose: () => void; viewer: Viewer }) {
  const t = useMessages(messages);
  const tp = useMessages(procedureMessages);
  const tf = useMessages(fundingMessages);
  const tpa = useMessages(partyMessages);
  const tc = useMessages(contractMessages);
  const locale = useLocale();
  const [{ data, fetching, error }, refetch] = useQuery({ query: DETAIL, variables: { id: id ?? '' }, pause: !id });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  return (
    // Twelve tabs: wide enough on a laptop that 问题 and 服务秘书 are not folded into the overflow menu.
    <Drawer open={id !== null} onClose={onClose} size="min(1120px, 100vw)" title={data?.project.name ?? t('detail')} destroyOnHidden data-testid="project-detail">
      <QueryState fetching={fetching} error={error} data={data} isEmpty={() => false} onRetry={reload}>
        {({ project: p }) => {
          const latest = p.lights[p.lights.length - 1];
          const admin = viewer.role === 'ADMIN';
          return (
            <>
              {admin && (
                <Space style={{ marginBottom: 8 }}>
                  <EditProjectButton id={p.id} onSaved={reload} />
                  <EditPlanButton projectId={p.id} onSaved={reload} />
                  <OpenDataSwitch projectId={p.id} open={p.openData} onSaved={reload} />
                </Space>
              )}
              <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
                <Descriptions.Item label={t('code')}>{p.code}</Descriptions.Item>
                <Descriptions.Item label={t('district')}>{p.district.name}</Descriptions.Item>
                <Descriptions.Item label={t('investment')}>{formatMoney(p.totalInvestment)}</Descriptions.Item>
                <Descriptions.Item label={t('construction')}>
                  {formatPeriod(p.constructionStart, locale)} – {formatPeriod(p.constructionEnd, locale)}
                </Descriptions.Item>
                <Descriptions.Item label={t('stage')}>{t(p.stage as MessageKey)}</Descriptions.Item>
                <Descriptions.Item label={t('library')}>
                  <Tooltip title={p.libraryMembership.reason}>
                    <Tag color={p.libraryMembership.member ? 'blue' : 'default'}>{p.libraryMembership.member ? t('inLibrary') : t('notInLibrary')}</Tag>
                  </Tooltip>
                </Descriptions.Item>
                <Descriptions.Item label={t('enterprise')}>{p.enterprise}</Descriptions.Item>
                <Descriptions.Item label={t('unit')}>
                  {p.responsibleUnit} · {p.responsibleLeader}
                </Descriptions.Item>
                <Descriptions.Item label={t('light')}>
                  {latest ? (
                    <Space>
                      <Lamp light={latest} /> {formatPeriod(latest.period, locale)}
                    </Space>
                  ) : (
                    <Lamp light={null} />
                  )}
                </Descriptions.Item>
              </Descriptions>
              {latest?.clearing && (
                <Alert
                  type={latest.color === 'RED' ? 'error' : 'warning'}
                  showIcon
                  style={{ marginBottom: 12 }}
                  data-testid="light-clearing"
                  title={t('clearingTitle', { month: formatPeriod(latest.clearing.nextPeriod, locale) })}
                  description={
                    <Space direction="vertical" size={2}>
                      {latest.clearing.neededInvestment !== null && (
                        <span data-testid="clearing-needed">{t('clearingNeeded', { amount: formatMoney(latest.clearing.neededInvestment) })}</span>
                      )}
                      {latest.clearing.milestones.map((m) => (
                        <span key={m.name}>{t('clearingMilestone', { name: m.name, progress: m.neededProgress, now: m.progress, due: m.dueDate })}</span>
                      ))}
                      {latest.clearing.redBy && <span data-testid="clearing-red-by">{t('clearingRedBy', { month: formatPeriod(latest.clearing.redBy, locale) })}</span>}
                      {latest.clearing.neededInvestment === null && latest.clearing.milestones.length === 0 && <span>{latest.clearing.explanation}</span>}
                    </Space>
                  }
                />
              )}
              <Tabs
                defaultActiveKey="plan"
                items={[
                  {
                    key: 'plan',
                    label: t('tabPlan'),
                    children: (
                      <>
                        <ReportForm projectId={p.id} reports={p.reports} onSaved={reload} />
                        <PlanTable project={p} />
                        <PlanVersions projectId={p.id} year={yearOf(latest?.period ?? p.constructionStart)} canApprove={viewer.role === 'ADMIN'} />
                      </>
                    ),
                  },
                  { key: 'pictures', label: t('tabPictures'), children: <Pictures project={p} canEdit={admin} onSaved={reload} /> },
                  { key: 'lights', label: t('tabLights'), children: <LightHistory project={p} viewer={viewer} onDecided={reload} /> },
                  { key: 'milestones', label: t('tabMilestones'), children: <Milestones project={p} canEdit={admin || viewer.role === 'SECRETARY'} onSaved={reload} /> },
                  { key: 'procedures', label: tp('tab'), children: <ProceduresTab projectId={p.id} viewer={viewer} /> },
                  { key: 'funding', label: tf('tab'), children: <FundingTab projectId={p.id} viewer={viewer} /> },
                  { key: 'parties', label: tpa('tab'), children: <PartiesTab projectId={p.id} viewer={viewer} /> },
                  { key: 'documents', label: tc('documentsTab'), children: <DocumentsTab projectId={p.id} viewer={viewer} /> },
                  { key: 'contracts', label: tc('contractsTab'), children: <ContractsTab projectId={p.id} viewer={viewer} /> },
                  { key: 'completion', label: tc('completionTab'), children: <CompletionTab projectId={p.id} viewer={viewer} onCompleted={reload} /> },
                  { key: 'problems', label: t('tabProblems'), children: <Problems projectId={p.id} /> },
                  { key: 'secretaries', label: t('tabSecretaries'), children: <Secretaries project={p} /> },
                ]}
              />
            </>
          );
        }}
      </QueryState>
    </Drawer>
  );
}

interface MonthRow {
  period: string;
  planned: string | null;
  milestone: string;
  report: Report | null;
  light: Light | null;
}

function PlanTable({ project: p }: { project: Detail }) {
  const t = useMessages(messages);
  const locale = useLocale();
  const months = new Map<string, MonthRow>();
  for (const m of p.planMonths) months.set(m.period, { period: m.period, planned: m.plannedInvestment, milestone: m.plannedMilestone, report: null, light: null });
  for (const r of p.reports) months.set(r.period, { ...(months.get(r.period) ?? { period: r.period, planned: r.plannedInvestment, milestone: '', light: null }), report: r });
  for (const l of p.lights) months.set(l.period, { ...(months.get(l.period) ?? { period: l.period, planned: null, milestone: '', report: null }), light: l });
  const rows = [...months.values()].sort((a, b) => a.period.localeCompare(b.period));
  const years = [...new Set(rows.map((r) => String(yearOf(r.period))))];
  const [year, setYear] = useState(() => years[years.length - 1] ?? '');
  const shown = rows.filter((r) => r.period.startsWith(year));
  const plannedSum = sumMoney(shown.map((r) => r.planned));
  const actualSum = sumMoney(shown.map((r) => r.report?.actualInvestment ?? null));
  const yearPlan = p.planYears.find((y) => String(y.year) === year);
  return (
    <>
      <Space style={{ margin: '16px 0 8px', justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('byMonth')}
        </Typography.Title>
        <Space wrap>
          {years.map((y) => (
            <Tag.CheckableTag key={y} checked={y === year} onChange={() => setYear(y)}>
              {y}
            </Tag.CheckableTag>
          ))}
        </Space>
      </Space>
      {p.planYears.length > 0 && (
        <Typography.Paragraph type="secondary" data-testid="plan-years">
          {t('planYears')}：{p.planYears.map((y) => `${y.year} ${formatMoney(y.plannedInvestment)}`).join('；')}
        </Typography.Paragraph>
      )}
      <Table<MonthRow>
        rowKey="period"
        size="small"
        data-testid="month-table"
        dataSource={shown}
        pagination={false}
        scroll={{ x: 640 }}
        columns={[
          { title: t('month'), dataIndex: 'period', render: (v: string) => formatPeriod(v, locale), width: 100 },
          { title: moneyTitle(t('planned'), 'wan', locale), dataIndex: 'planned', render: (v: string | null) => formatMoneyCell(v, 'wan'), align: 'right' },
          { title: moneyTitle(t('actual'), 'wan', locale), render: (_: unknown, r) => formatMoneyCell(r.report?.actualInvestment, 'wan', { future: isFutureMonth(r.period) }), align: 'right' },
          { title: t('light'), render: (_: unknown, r) => <Lamp light={r.light ?? r.report?.light} />, width: 80 },
          { title: t('reason'), render: (_: unknown, r) => (r.light ?? r.report?.light)?.reason ?? '', ellipsis: true },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <strong>{t('totalRow')}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              <strong data-testid="plan-total">{formatMoneyCell(plannedSum, 'wan')}</strong>
              {yearPlan && yearPlan.plannedInvestment !== plannedSum ? (
                <div>
                  <Typography.Text type="secondary">
                    {t('yearPlan')} {formatMoneyCell(yearPlan.plannedInvestment, 'wan')}
                  </Typography.Text>
                </div>
              ) : null}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              <strong data-testid="actual-total">{formatMoneyCell(actualSum, 'wan')}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} colSpan={2} />
          </Table.Summary.Row>
        )}
      />
    </>
  );
}

/** The plan's versions for a year side by side with the actuals (计划基线对比), and approving the baseline. */
function PlanVersions({ projectId, year, canApprove }: { projectId: string; year: number; canApprove: boolean }) {
  const t = useMessages(messages);
  const locale = useLocale();
  const [{ data, error }, refetch] = useQuery({ query: PLAN_VERSIONS, variables: { id: projectId, year } });
  const [approving, approve] = useMutation(APPROVE_BASELINE);
  const versions = data?.project.planVersions ?? [];
  const actual = new Map((data?.project.reports ?? []).map((r) => [r.period, r.actualInvestment]));
  const periods = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  const rows = periods.map((period) => ({ period, byVersion: versions.map((v) => v.months.find((m) => m.period === period)?.plannedInvestment ?? null), actual: actual.get(period) ?? null }));
  return (
    <div style={{ marginTop: 16 }} data-testid="plan-versions">
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('planVersions', { year })}
        </Typography.Title>
        {canApprove && data && versions.length === 0 && (
          <Button
            loading={approving.fetching}
            data-testid="approve-baseline"
            onClick={async () => {
              const r = await approve({ projectId, year });
              if (r.data) refetch({ requestPolicy: 'network-only' });
            }}
          >
            {t('approveBaseline')}
          </Button>
        )}
      </Space>
      {error && <ErrorNotice error={error} />}
      {approving.error && <ErrorNotice error={approving.error} />}
      {versions.length === 0 ? (
        <Typography.Paragraph type="secondary">{t('noBaseline')}</Typography.Paragraph>
      ) : (
        <Table
          rowKey="period"
          size="small"
          pagination={false}
          scroll={{ x: 640 }}
          dataSource={rows}
          data-testid="plan-versions-table"
          columns={[
            { title: t('month'), dataIndex: 'period', render: (v: string) => formatPeriod(v, locale) },
            ...versions.map((v, i) => ({
              key: v.id,
              title: (
                <Tooltip title={[v.reason, `${v.requestedBy} ${formatDateTime(v.requestedAt)}`, v.decidedBy ? `${t('approvedBy')} ${v.decidedBy}` : ''].filter(Boolean).join(' · ')}>
                  <span data-testid="plan-version-head">
                    {moneyTitle(`v${v.version}`, 'wan', locale)} {v.status === 'APPROVED' ? '' : <Tag color={v.status === 'PENDING' ? 'orange' : 'default'}>{t(`VERSION_${v.status}` as MessageKey)}</Tag>}
                  </span>
                </Tooltip>
              ),
              align: 'right' as const,
              render: (_: unknown, r: (typeof rows)[number]) => formatMoneyCell(r.byVersion[i], 'wan'),
            })),
            { title: moneyTitle(t('actual'), 'wan', locale), align: 'right' as const, render: (_: unknown, r: (typeof rows)[number]) => formatMoneyCell(r.actual, 'wan', { future: isFutureMonth(r.period) }) },
          ]}
        />
      )}
    </div>
  );
}

function PhotoCard({ photo }: { photo: Photo }) {
  const t = useMessages(messages);
  const flagged = photo.outsideBoundary || photo.takenBeforeMonth || photo.reusedFromPeriod !== null;
  return (
    <div data-testid="photo" data-flagged={flagged} style={{ width: 168 }}>
      <Image src={photo.file.thumbnailUrl ?? photo.file.url} preview={{ src: photo.file.url }} width={160} height={120} style={{ objectFit: 'cover' }} alt={photo.file.name} />
      <div style={{ fontSize: 12, color: '#888' }}>{photo.file.takenAt ? `${t('takenAt')} ${formatDateTime(photo.file.takenAt)}` : t('noExifTime')}</div>
      <Space size={[4, 4]} wrap>
        {photo.flags.length === 0 ? (
          <Tag color="green">{t('photoOk')}</Tag>
        ) : (
          photo.flags.map((f) => (
            <Tag color="orange" key={f} data-testid="photo-flag">
              {f}
            </Tag>
          ))
        )}
      </Space>
    </div>
  );
}

function MonthPhotos({ report, title }: { report: Report | undefined; title: string }) {
  const t = useMessages(messages);
  const locale = useLocale();
  return (
    <Card size="small" title={report ? `${title} · ${formatPeriod(report.period, locale)}` : title} data-testid="photo-month">
      {!report || report.photos.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noPhotos')} />
      ) : (
        <Image.PreviewGroup>
          <Space wrap align="start">
            {report.photos.map((ph) => (
              <PhotoCard key={ph.file.id} photo={ph} />
            ))}
          </Space>
        </Image.PreviewGroup>
      )}
    </Card>
  );
}

/** 一表三图: the boundary on the map, the renderings, and this month's photos beside last month's. */
function Pictures({ project: p, canEdit, onSaved }: { project: Detail; canEdit: boolean; onSaved: () => void }) {
  const t = useMessages(messages);
  const reports = [...p.reports].sort((a, b) => b.period.localeCompare(a.period));
  const loc = p.location;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card size="small" title={t('boundaryMap')} extra={canEdit && <EditLocationButton projectId={p.id} onSaved={onSaved} />}>
        <BoundaryMap shapes={loc.geoJson ? [{ id: p.id, geoJson: loc.geoJson, color: '#b4232a', label: p.name }] : []} height={280} testId="project-boundary" emptyText={t('noBoundary')} />
        <Descriptions size="small" column={2} style={{ marginTop: 8 }}>
          <Descriptions.Item label={t('east')}>{loc.east ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('west')}>{loc.west ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('south')}>{loc.south ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('north')}>{loc.north ?? '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={t('renderings')} extra={canEdit && <EditRenderingsButton projectId={p.id} renderings={p.renderings} onSaved={onSaved} />}>
        {p.renderings.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noRenderings')} />
        ) : (
          <Image.PreviewGroup>
            <Space wrap>
              {p.renderings.map((r) => (
                <Image key={r.id} src={r.thumbnailUrl ?? r.url} preview={{ src: r.url }} width={200} height={130} style={{ objectFit: 'cover' }} alt={r.name} data-testid="rendering" />
              ))}
            </Space>
          </Image.PreviewGroup>
        )}
      </Card>
      <Row gutter={[12, 12]}>
        <Col xs={24} md={12}>
          <MonthPhotos report={reports[0]} title={t('thisMonthPhotos')} />
        </Col>
        <Col xs={24} md={12}>
          <MonthPhotos report={reports[1]} title={t('lastMonthPhotos')} />
        </Col>
      </Row>
    </Space>
  );
}

function LightHistory({ project: p, viewer, onDecided }: { project: Detail; viewer: Viewer; onDecided: () => void }) {
  const t = useMessages(messages);
  const locale = useLocale();
  if (p.lights.length === 0) return <Empty description={t('noLights')} />;
  return (
    <Timeline
      data-testid="light-history"
      items={[...p.lights].reverse().map((l) => ({
        color: COLORS[l.color],
        children: (
          <div data-testid="light-entry">
            <Space wrap>
              <strong>{formatPeriod(l.period, locale)}</strong>
              <Lamp light={l} />
              <span>{l.reason}</span>
            </Space>
            {l.removal && <Removal light={l} projectId={p.id} canDecide={viewer.role === 'ADMIN'} onDecided={onDecided} />}
          </div>
        ),
      }))}
    />
  );
}

function Removal({ light, projectId, canDecide, onDecided }: { light: HistoryLight; projectId: string; canDecide: boolean; onDecided: () => void }) {
  const t = useMessages(messages);
  const [reason, setReason] = useState('');
  const [{ fetching, error }, decide] = useMutation(DECIDE);
  if (light.removal !== 'PROPOSED') {
    return (
      <Alert
        style={{ marginTop: 6 }}
        type={light.removal === 'CONFIRMED' ? 'warning' : 'info'}
        showIcon
        data-testid="removal-decided"
        title={`${t(`REMOVAL_${light.removal}` as MessageKey)}：${light.removalReason ?? ''}`}
        description={`${light.removalDecidedBy ?? ''} ${formatDateTime(light.removalDecidedAt)}`}
      />
    );
  }
  const submit = async (confirm: boolean) => {
    const r = await decide({ projectId, period: light.period, confirm, reason: reason.trim() });
    if (r.data) onDecided();
  };
  return (
    <Card size="small" style={{ marginTop: 6 }} data-testid="removal-proposed">
      <Typography.Text strong>{t('removalProposed')}</Typography.Text>
      {canDecide ? (
        <Space direction="vertical" style={{ width: '100%', marginTop: 8 }}>
          <Input.TextArea rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('removalReason')} data-testid="removal-reason" />
          <Space>
            <Button danger loading={fetching} disabled={reason.trim().length < 2} onClick={() => void submit(true)} data-testid="removal-confirm">
              {t('removalConfirm')}
            </Button>
            <Button loading={fetching} disabled={reason.trim().length < 2} onClick={() => void submit(false)} data-testid="removal-decline">
              {t('removalDecline')}
            </Button>
          </Space>
          {error && <ErrorNotice error={error} />}
        </Space>
      ) : (
        <div>
          <Typography.Text type="secondary">{t('removalAdminsOnly')}</Typography.Text>
        </div>
      )}
    </Card>
  );
}

function Milestones({ project: p, canEdit, onSaved }: { project: Detail; canEdit: boolean; onSaved: () => void }) {
  const t = useMessages(messages);
  return (
    <>
      {canEdit && (
        <div style={{ marginBottom: 8 }}>
          <EditMilestonesButton projectId={p.id} milestones={p.milestones} onSaved={onSaved} />
        </div>
      )}
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={p.milestones}
        data-testid="milestones"
        locale={{ emptyText: t('noMilestones') }}
        columns={[
          { title: t('milestone'), dataIndex: 'name' },
          { title: t('dueDate'), dataIndex: 'dueDate', width: 110 },
          { title: t('metDate'), dataIndex: 'metDate', width: 110, render: (v: string | null) => v ?? '—' },
          { title: t('milestoneProgress'), dataIndex: 'progress', width: 80, align: 'right', render: (v: number) => `${v}%` },
          {
            title: '',
            width: 80,
            render: (_: unknown, m) => (m.metDate ? <Tag color={m.metDate <= m.dueDate ? 'green' : 'orange'}>{m.metDate <= m.dueDate ? t('onTime') : t('late')}</Tag> : null),
          },
        ]}
      />
    </>
  );
}

function Problems({ projectId }: { projectId: string }) {
  const t = useMessages(messages);
  const [{ data, fetching, error }, refetch] = useQuery({ query: PROBLEMS, variables: { id: projectId } });
  return (
    <QueryState fetching={fetching} error={error} data={data} isEmpty={(d) => d.problems.nodes.length === 0} empty={<Empty description={t('noProblems')} />} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
      {(d) => (
        <Table<ProblemRow>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={d.problems.nodes}
          data-testid="project-problems"
          columns={[
            { title: t('problem'), dataIndex: 'title' },
            { title: t('problemLevel'), dataIndex: 'level', width: 80, render: (v: string) => t(`LEVEL_${v}` as MessageKey) },
            {
              title: t('problemStatus'),
              dataIndex: 'status',
              width: 120,
              render: (v: string, r) => (
                <Space size={4}>
                  <Tag>{t(`STATUS_${v}` as MessageKey)}</Tag>
                  {r.overdue ? <Tag color="red">{t('overdue')}</Tag> : null}
                </Space>
              ),
            },
            { title: t('deadline'), dataIndex: 'deadline', width: 110, render: (v: string) => formatDate(v) },
          ]}
        />
      )}
    </QueryState>
  );
}

function Secretaries({ project: p }: { project: Detail }) {
  const t = useMessages(messages);
  return (
    <Table
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={[...p.secretaryAssignments].reverse()}
      data-testid="project-secretaries"
      locale={{ emptyText: t('noSecretaries') }}
      columns={[
        { title: t('secretary'), render: (_: unknown, a) => a.secretary?.name ?? '—' },
        { title: t('secretaryUnit'), render: (_: unknown, a) => (a.secretary ? `${a.secretary.workUnit} ${a.secretary.title}` : '—') },
        { title: t('teamRole'), dataIndex: 'teamRole', width: 90, render: (v: string) => t(`ROLE_${v}` as MessageKey) },
        { title: t('period'), width: 200, render: (_: unknown, a) => `${a.startDate} – ${a.endDate ?? ''}` },
        { title: '', width: 70, render: (_: unknown, a) => (a.active ? <Tag color="green">{t('active')}</Tag> : null) },
      ]}
    />
  );
}
