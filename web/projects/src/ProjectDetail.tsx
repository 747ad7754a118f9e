import { useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Drawer, Empty, Form, Image, Input, Row, Space, Table, Tabs, Tag, Timeline, Tooltip, Typography, Upload } from 'antd';
import { useMutation, useQuery } from 'urql';
import { ErrorNotice, formatDate, formatDateTime, formatMoney, formatPeriod, QueryState, sumMoney, UploadError, uploadFile, useFormErrors, useLocale, useMessages, yearOf, type Viewer } from '@kpd/web-kit';
import { BoundaryMap } from '@kpd/web-kit/map';
import { graphql } from './gql';
import type { LightColor, ProjectDetailQuery, ProjectProblemsQuery } from './gql/graphql';
import { messages, type MessageKey } from './messages';

const DETAIL = graphql(`
  query ProjectDetail($id: ID!) {
    project(id: $id) {
      id code name stage enterprise responsibleUnit responsibleLeader totalInvestment constructionStart constructionEnd district { name }
      libraryMembership { member reason }
      location { geoJson east west south north }
      renderings { id name url thumbnailUrl }
      planYears { year plannedInvestment }
      planMonths { period plannedInvestment plannedMilestone }
      reports {
        id period actualInvestment plannedInvestment progress version reporterName submittedAt light { period color reason }
        photos { file { id name url thumbnailUrl takenAt } flags outsideBoundary takenBeforeMonth reusedFromPeriod }
      }
      lights { id period color reason reasonCode removal removalReason removalDecidedBy removalDecidedAt }
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
const SAVE = graphql(`
  mutation SaveMonthlyReport($input: MonthlyReportInput!) {
    saveMonthlyReport(input: $input) { id period actualInvestment version light { period color reason } }
  }
`);
const REQUEST_CORRECTION = graphql(`
  mutation RequestReportCorrection($input: ReportCorrectionInput!) {
    requestReportCorrection(input: $input) { id status period }
  }
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
  const locale = useLocale();
  const [{ data, fetching, error }, refetch] = useQuery({ query: DETAIL, variables: { id: id ?? '' }, pause: !id });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  return (
    <Drawer open={id !== null} onClose={onClose} size="large" title={data?.project.name ?? t('detail')} destroyOnHidden data-testid="project-detail">
      <QueryState fetching={fetching} error={error} data={data} isEmpty={() => false} onRetry={reload}>
        {({ project: p }) => {
          const latest = p.lights[p.lights.length - 1];
          return (
            <>
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
                      </>
                    ),
                  },
                  { key: 'pictures', label: t('tabPictures'), children: <Pictures project={p} /> },
                  { key: 'lights', label: t('tabLights'), children: <LightHistory project={p} viewer={viewer} onDecided={reload} /> },
                  { key: 'milestones', label: t('tabMilestones'), children: <Milestones project={p} /> },
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
          { title: t('planned'), dataIndex: 'planned', render: (v: string | null) => (v ? formatMoney(v) : '—'), align: 'right' },
          { title: t('actual'), render: (_: unknown, r) => (r.report ? formatMoney(r.report.actualInvestment) : '—'), align: 'right' },
          { title: t('light'), render: (_: unknown, r) => <Lamp light={r.light ?? r.report?.light} />, width: 80 },
          { title: t('reason'), render: (_: unknown, r) => (r.light ?? r.report?.light)?.reason ?? '', ellipsis: true },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <strong>{t('totalRow')}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              <strong data-testid="plan-total">{formatMoney(plannedSum)}</strong>
              {yearPlan && yearPlan.plannedInvestment !== plannedSum ? (
                <div>
                  <Typography.Text type="secondary">
                    {t('yearPlan')} {formatMoney(yearPlan.plannedInvestment)}
                  </Typography.Text>
                </div>
              ) : null}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              <strong data-testid="actual-total">{formatMoney(actualSum)}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} colSpan={2} />
          </Table.Summary.Row>
        )}
      />
    </>
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
function Pictures({ project: p }: { project: Detail }) {
  const t = useMessages(messages);
  const reports = [...p.reports].sort((a, b) => b.period.localeCompare(a.period));
  const loc = p.location;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card size="small" title={t('boundaryMap')}>
        <BoundaryMap shapes={loc.geoJson ? [{ id: p.id, geoJson: loc.geoJson, color: '#b4232a', label: p.name }] : []} height={280} testId="project-boundary" emptyText={t('noBoundary')} />
        <Descriptions size="small" column={2} style={{ marginTop: 8 }}>
          <Descriptions.Item label={t('east')}>{loc.east ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('west')}>{loc.west ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('south')}>{loc.south ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('north')}>{loc.north ?? '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={t('renderings')}>
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

function Milestones({ project: p }: { project: Detail }) {
  const t = useMessages(messages);
  return (
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

/** The closed month a refused save names (extensions.monthClosed), or null. */
function closedMonthOf(error: unknown): string | null {
  const errors = (error as { graphQLErrors?: Array<{ extensions?: Record<string, unknown> }> } | null)?.graphQLErrors ?? [];
  const month = errors.map((e) => e.extensions?.monthClosed).find((m) => typeof m === 'string');
  return typeof month === 'string' ? month : null;
}

function ReportForm({ projectId, reports, onSaved }: { projectId: string; reports: Report[]; onSaved: () => void }) {
  const t = useMessages(messages);
  const locale = useLocale();
  const [form] = Form.useForm<{ period: string; actualInvestment: string; progress: string; reason?: string }>();
  const [photos, setPhotos] = useState<Array<{ id: string; name: string }>>([]);
  const [uploading, setUploading] = useState<number | null>(null);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const [saved, setSaved] = useState<{ period: string; light: Light | null } | null>(null);
  const [{ fetching, error }, save] = useMutation(SAVE);
  // A closed month (月度关账) takes the report only as a correction request, with a reason.
  const [closedMonth, setClosedMonth] = useState<string | null>(null);
  const [requested, setRequested] = useState<string | null>(null);
  const [correction, requestCorrection] = useMutation(REQUEST_CORRECTION);
  const errors = useFormErrors(form);

  const submit = async (v: { period: string; actualInvestment: string; progress: string; reason?: string }) => {
    setSaved(null);
    setRequested(null);
    if (closedMonth && closedMonth === v.period) {
      const r = await requestCorrection({ input: { projectId, period: v.period, actualInvestment: v.actualInvestment.trim(), progress: v.progress ?? '', reason: v.reason ?? '' } });
      if (errors.show(r.error)) return;
      if (r.data) {
        setRequested(r.data.requestReportCorrection.id);
        setClosedMonth(null);
        form.setFieldValue('reason', '');
      }
      return;
    }
    const existing = reports.find((r) => r.period === v.period);
    const r = await save({
      input: {
        projectId,
        period: v.period,
        actualInvestment: v.actualInvestment.trim(),
        progress: v.progress ?? '',
        photoIds: photos.length ? photos.map((p) => p.id) : null,
        version: existing?.version ?? null,
      },
    });
    const closed = closedMonthOf(r.error);
    setClosedMonth(closed);
    if (closed) return;
    if (r.data) {
      setSaved(r.data.saveMonthlyReport);
      setPhotos([]);
      onSaved();
    }
  };

  return (
    <div data-testid="report-form">
      <Typography.Title level={5}>{t('report')}</Typography.Title>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ progress: '' }}>
        <Space wrap align="start">
          <Form.Item name="period" label={t('month')} rules={[{ required: true, pattern: /^\d{4}-\d{2}$/, message: t('periodHint') }]}>
            <Input type="month" style={{ width: 170 }} data-testid="report-period" />
          </Form.Item>
          <Form.Item name="actualInvestment" label={t('actualYuan')} rules={[{ required: true, pattern: /^\d+(\.\d{1,2})?$/, message: t('yuanHint') }]}>
            <Input inputMode="decimal" suffix="元" style={{ width: 200 }} data-testid="report-actual" />
          </Form.Item>
        </Space>
        <Form.Item name="progress" label={t('progress')}>
          <Input.TextArea rows={2} maxLength={2000} data-testid="report-progress" />
        </Form.Item>
        <Form.Item label={t('photos')}>
          <Space wrap>
            <Upload
              accept="image/jpeg,image/png"
              multiple
              showUploadList={false}
              disabled={uploading !== null}
              beforeUpload={(file) => {
                setUploadError(null);
                setUploading(0);
                uploadFile(file as unknown as File, 'photo', setUploading)
                  .then((f) => setPhotos((p) => [...p, { id: f.id, name: file.name }]))
                  .catch((e: unknown) => setUploadError(e instanceof UploadError && e.status === 0 ? new Error(t('uploadNetwork')) : e))
                  .finally(() => setUploading(null));
                return false;
              }}
            >
              <Button loading={uploading !== null} data-testid="report-photo">
                {uploading !== null ? `${t('uploading')} ${uploading}%` : t('addPhoto')}
              </Button>
            </Upload>
            {photos.map((p) => (
              <Tag key={p.id} closable onClose={() => setPhotos((all) => all.filter((x) => x.id !== p.id))} data-testid="report-photo-ready">
                {p.name}
              </Tag>
            ))}
          </Space>
        </Form.Item>
        {uploadError !== null && <ErrorNotice error={uploadError} />}
        {error && !closedMonth && <ErrorNotice error={error} />}
        {closedMonth && (
          <>
            <Alert type="warning" showIcon data-testid="report-month-closed" style={{ marginBottom: 8 }} title={t('monthClosed', { month: formatPeriod(closedMonth, locale) })} />
            <Form.Item name="reason" label={t('correctionReason')} rules={[{ required: true, whitespace: true, message: t('correctionReasonHint') }]}>
              <Input.TextArea rows={2} maxLength={500} data-testid="correction-reason" />
            </Form.Item>
          </>
        )}
        {errors.notice}
        {requested && <Alert type="info" showIcon data-testid="correction-requested" style={{ marginBottom: 8 }} title={t('correctionRequested', { id: requested })} />}
        {saved && (
          <Alert
            type="success"
            showIcon
            data-testid="report-saved"
            style={{ marginBottom: 8 }}
            title={
              <>
                {t('saved', { month: formatPeriod(saved.period, locale) })} <Lamp light={saved.light} /> {saved.light?.reason ?? ''}
              </>
            }
          />
        )}
        <Button type="primary" htmlType="submit" loading={fetching || correction.fetching} disabled={uploading !== null} data-testid="report-save">
          {closedMonth ? t('requestCorrection') : t('save')}
        </Button>
      </Form>
    </div>
  );
}
