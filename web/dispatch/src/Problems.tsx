import { useMemo, useState } from 'react';
import { Alert, Button, Card, Descriptions, Drawer, Form, Image, Input, List, Modal, Segmented, Select, Space, Table, Tag, Typography, Upload, type ButtonProps } from 'antd';
import { useMutation, useQuery } from 'urql';
import { allowedProblemActions, type ProblemAction } from '@kpd/domain';
import { DateInput, ErrorNotice, FiguresCsvButton, formatPeriod, MonthPicker, QueryState, thisMonthInChina, uploadFile, useFormErrors, useLocale, useMessages, type RemoteProps } from '@kpd/web-kit';
import { graphql } from './gql';
import type { DispatchProblemFiguresQuery, DispatchProblemQuery, ProblemFieldsFragment } from './gql/graphql';
import { messages, type MessageKey } from './messages';
import { isCityAdmin, useScope } from './scope';

const CATEGORIES = ['LAND', 'PLANNING', 'PERMITS', 'POWER', 'DEMOLITION', 'UTILITIES', 'FINANCING', 'OTHER'] as const;
const STATUSES = ['OPEN', 'IN_PROGRESS', 'RESOLVED', 'CLOSED_OUT'] as const;
const STATUS_COLORS: Record<string, string> = { OPEN: 'orange', IN_PROGRESS: 'blue', RESOLVED: 'green', CLOSED_OUT: 'default' };

graphql(`
  fragment ProblemFields on Problem {
    id title category ownerUnit deadline workingDays raisedDate level cityLeader status overdue escalationDue escalationRequested version
    project { id name } district { id name }
  }
`);

const PROBLEMS = graphql(`
  query DispatchProblems($filter: ProblemFilter, $first: Int, $after: String) {
    problems(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { ...ProblemFields }
    }
  }
`);
const FIGURES = graphql(`
  query DispatchProblemFigures($areaId: ID, $groupBy: ProblemGroupBy!) {
    problemFigures(areaId: $areaId, groupBy: $groupBy) {
      key label total open overdue resolved resolvedOnTime onTimeRate averageDaysToResolve listedForSupervision closedOut
    }
  }
`);
const DETAIL = graphql(`
  query DispatchProblem($id: ID!) {
    problem(id: $id) {
      ...ProblemFields
      description raisedBy resolvedDate closedOutDate escalatedDate escalationReason escalationRequestReason evidence reopenCount
      evidenceFiles { id name url thumbnailUrl }
      notes { id period note author }
    }
  }
`);
const MOVE = graphql(`
  mutation DispatchMoveProblem($id: ID!, $action: ProblemAction!, $input: ProblemMoveInput!) {
    moveProblem(id: $id, action: $action, input: $input) { id status level cityLeader version }
  }
`);
const NOTE = graphql(`
  mutation DispatchProblemNote($problemId: ID!, $period: Period!, $note: String!) {
    addProblemNote(problemId: $problemId, period: $period, note: $note) { id }
  }
`);
const ESCALATE_ALL = graphql(`
  mutation DispatchEscalateOverdue($areaId: ID, $cityLeader: String!) {
    escalateOverdueProblems(areaId: $areaId, cityLeader: $cityLeader) { id }
  }
`);

export type ProblemRow = ProblemFieldsFragment;
type ProblemDetail = DispatchProblemQuery['problem'];
type Figures = DispatchProblemFiguresQuery['problemFigures'][number];

/** A problem's level, with the city leader under city supervision. */
export function LevelTag({ level, cityLeader }: { level: string; cityLeader: string | null }) {
  const t = useMessages(messages);
  return level === 'CITY' ? (
    <Tag color="red" data-testid="level-city">
      {t('LEVEL_CITY')}
      {cityLeader ? ` · ${cityLeader}` : ''}
    </Tag>
  ) : (
    <Tag data-testid="level-district">{t('LEVEL_DISTRICT')}</Tag>
  );
}

export function StatusTag({ status, overdue }: { status: string; overdue?: boolean }) {
  const t = useMessages(messages);
  return (
    <>
      <Tag color={STATUS_COLORS[status]} data-testid="problem-status">
        {t(status as MessageKey)}
      </Tag>
      {overdue ? (
        <Tag color="volcano" data-testid="problem-overdue">
          {t('overdue')}
        </Tag>
      ) : null}
    </>
  );
}

/** The problem list (问题清单): filters, figures, the list, a problem's detail and its moves. */
export function Problems({ viewer }: RemoteProps) {
  const t = useMessages(messages);
  const scope = useScope(viewer);
  const [districtId, setDistrictId] = useState<string | undefined>();
  const [category, setCategory] = useState<string | undefined>();
  const [level, setLevel] = useState<string | undefined>();
  const [status, setStatus] = useState<string | undefined>();
  const [overdue, setOverdue] = useState<'any' | 'yes' | 'no' | 'due'>('any');
  const [pages, setPages] = useState<Array<string | null>>([null]);
  const [open, setOpen] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const refresh = () => {
    setGeneration((g) => g + 1);
    setPages([null]);
  };

  const filter = useMemo(
    () => ({
      areaId: districtId ?? null,
      categories: category ? [category] : null,
      levels: level ? [level] : null,
      statuses: status ? [status] : null,
      overdue: overdue === 'yes' ? true : overdue === 'no' ? false : null,
      escalationDue: overdue === 'due' ? true : null,
    }),
    [districtId, category, level, status, overdue],
  );
  const reset = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setPages([null]);
  };

  return (
    <>
      <ProblemFiguresCard key={generation} areaId={districtId ?? null} />
      <Space wrap style={{ marginBottom: 12, justifyContent: 'space-between', width: '100%' }}>
        <Space wrap>
          {scope.districts.length > 1 && (
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              style={{ minWidth: 150 }}
              placeholder={t('allDistricts')}
              value={districtId}
              onChange={reset(setDistrictId)}
              options={scope.districts.map((d) => ({ value: d.id, label: d.name }))}
              data-testid="problem-district"
            />
          )}
          <Select allowClear style={{ minWidth: 120 }} placeholder={t('anyCategory')} value={category} onChange={reset(setCategory)} options={CATEGORIES.map((c) => ({ value: c, label: t(c) }))} />
          <Select
            allowClear
            style={{ minWidth: 140 }}
            placeholder={t('anyLevel')}
            value={level}
            onChange={reset(setLevel)}
            options={[
              { value: 'DISTRICT', label: t('LEVEL_DISTRICT') },
              { value: 'CITY', label: t('LEVEL_CITY') },
            ]}
            data-testid="problem-level"
          />
          <Select allowClear style={{ minWidth: 110 }} placeholder={t('anyStatus')} value={status} onChange={reset(setStatus)} options={STATUSES.map((s) => ({ value: s, label: t(s) }))} data-testid="problem-status-filter" />
          <Select
            style={{ minWidth: 130 }}
            value={overdue}
            onChange={reset(setOverdue)}
            data-testid="problem-overdue-filter"
            options={[
              { value: 'any', label: `${t('overdue')}: ${t('any')}` },
              { value: 'yes', label: t('overdueOnly') },
              { value: 'no', label: t('notOverdue') },
              { value: 'due', label: t('escalationDue') },
            ]}
          />
        </Space>
        {isCityAdmin(viewer) && <EscalateAll areaId={districtId ?? null} onDone={refresh} />}
      </Space>
      {pages.map((after, i) => (
        <ProblemPage
          key={`${generation}:${JSON.stringify(filter)}:${after}`}
          filter={filter}
          after={after}
          first={i === 0}
          last={i === pages.length - 1}
          onMore={(c) => setPages((p) => [...p, c])}
          onOpen={setOpen}
        />
      ))}
      <ProblemDrawer id={open} viewer={viewer} onClose={() => setOpen(null)} onChanged={refresh} />
    </>
  );
}

function ProblemFiguresCard({ areaId }: { areaId: string | null }) {
  const t = useMessages(messages);
  const [groupBy, setGroupBy] = useState<'DISTRICT' | 'CATEGORY' | 'LEVEL'>('DISTRICT');
  const [{ data, fetching, error }, refetch] = useQuery({
    query: FIGURES,
    variables: { areaId, groupBy },
  });
  const labelOf = (f: Figures) => (groupBy === 'DISTRICT' ? f.label : t((groupBy === 'LEVEL' ? `LEVEL_${f.key}` : f.key) as MessageKey));
  return (
    <Card
      size="small"
      title={t('figures')}
      style={{ marginBottom: 12 }}
      extra={
        <Space>
          <Segmented
            value={groupBy}
            onChange={(v) => setGroupBy(v as typeof groupBy)}
            options={[
              { value: 'DISTRICT', label: t('district') },
              { value: 'CATEGORY', label: t('category') },
              { value: 'LEVEL', label: t('level') },
            ]}
          />
          <FiguresCsvButton query="problemFigures" args={{ areaId, groupBy }} />
        </Space>
      }
    >
      <QueryState fetching={fetching} error={error} data={data} isEmpty={(d) => d.problemFigures.length === 0} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
        {(d) => (
          <Table<Figures>
            rowKey="key"
            size="small"
            pagination={false}
            data-testid="problem-figures"
            dataSource={d.problemFigures}
            scroll={{ x: 800 }}
            columns={[
              { title: t('groupBy'), render: (_: unknown, f) => labelOf(f) },
              { title: t('figTotal'), dataIndex: 'total', align: 'right' },
              { title: t('figOpen'), dataIndex: 'open', align: 'right' },
              { title: t('figOverdue'), dataIndex: 'overdue', align: 'right', render: (v: number) => (v ? <Typography.Text type="danger">{v}</Typography.Text> : v) },
              { title: t('figResolved'), dataIndex: 'resolved', align: 'right' },
              { title: t('figOnTime'), dataIndex: 'resolvedOnTime', align: 'right' },
              { title: t('figOnTimeRate'), dataIndex: 'onTimeRate', align: 'right', render: (v: number | null) => (v === null ? '—' : `${v.toFixed(1)}%`) },
              { title: t('figAvgDays'), dataIndex: 'averageDaysToResolve', align: 'right', render: (v: number | null) => (v === null ? '—' : t('days', { n: v.toFixed(1) })) },
              { title: t('figListed'), dataIndex: 'listedForSupervision', align: 'right' },
              { title: t('figClosedOut'), dataIndex: 'closedOut', align: 'right' },
            ]}
          />
        )}
      </QueryState>
    </Card>
  );
}

function EscalateAll({ areaId, onDone }: { areaId: string | null; onDone: () => void }) {
  const t = useMessages(messages);
  const [open, setOpen] = useState(false);
  const [leader, setLeader] = useState('');
  const [done, setDone] = useState<number | null>(null);
  const [{ fetching, error }, run] = useMutation(ESCALATE_ALL);
  return (
    <>
      <Button danger onClick={() => { setOpen(true); setDone(null); }} data-testid="escalate-all">
        {t('escalateAll')}
      </Button>
      <Modal
        open={open}
        title={t('escalateAll')}
        onCancel={() => setOpen(false)}
        okText={t('submit')}
        cancelText={t('cancel')}
        confirmLoading={fetching}
        okButtonProps={{ 'data-testid': 'escalate-all-submit' } as ButtonProps}
        onOk={async () => {
          const r = await run({ areaId, cityLeader: leader });
          if (r.data) {
            setDone(r.data.escalateOverdueProblems.length);
            onDone();
          }
        }}
      >
        <Typography.Paragraph type="secondary">{t('escalateAllHelp')}</Typography.Paragraph>
        <Input placeholder={t('cityLeader')} value={leader} onChange={(e) => setLeader(e.target.value)} data-testid="escalate-all-leader" />
        {error && <div style={{ marginTop: 12 }}><ErrorNotice error={error} /></div>}
        {done !== null && (
          <Alert style={{ marginTop: 12 }} type={done ? 'success' : 'info'} showIcon title={done ? t('escalateAllDone', { n: done }) : t('escalateAllNone')} data-testid="escalate-all-result" />
        )}
      </Modal>
    </>
  );
}

function ProblemPage({ filter, after, first, last, onMore, onOpen }: { filter: object; after: string | null; first: boolean; last: boolean; onMore: (c: string) => void; onOpen: (id: string) => void }) {
  const t = useMessages(messages);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: PROBLEMS,
    variables: { filter, first: 20, after },
  });
  return (
    <QueryState fetching={fetching} error={error} data={data} isEmpty={(d) => first && d.problems.nodes.length === 0} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
      {(d) => (
        <>
          <ProblemTable rows={d.problems.nodes} onOpen={onOpen} showHeader={first} title={first ? t('total', { n: d.problems.totalCount }) : undefined} />
          {last && d.problems.pageInfo.hasNextPage && d.problems.pageInfo.endCursor && (
            <div style={{ textAlign: 'center', margin: 12 }}>
              <Button onClick={() => onMore(d.problems.pageInfo.endCursor!)}>{t('loadMore')}</Button>
            </div>
          )}
        </>
      )}
    </QueryState>
  );
}

/** Problems in a table: project, problem, category, owner, deadline, level, state. Also the meeting's decisions. */
export function ProblemTable({ rows, onOpen, showHeader = true, title }: { rows: ProblemRow[]; onOpen?: (id: string) => void; showHeader?: boolean; title?: string }) {
  const t = useMessages(messages);
  return (
    <Table<ProblemRow>
      rowKey="id"
      size="small"
      data-testid="problem-table"
      dataSource={rows}
      pagination={false}
      showHeader={showHeader}
      title={title ? () => <span data-testid="problem-total">{title}</span> : undefined}
      scroll={{ x: 1200 }}
      columns={[
        { title: t('project'), render: (_: unknown, r) => r.project?.name ?? '—', width: 200 },
        {
          title: t('problem'),
          dataIndex: 'title',
          width: 220,
          render: (v: string, r) =>
            onOpen ? (
              <Typography.Link onClick={() => onOpen(r.id)} data-testid="problem-open">
                {v}
              </Typography.Link>
            ) : (
              v
            ),
        },
        { title: t('district'), render: (_: unknown, r) => r.district.name, width: 100 },
        { title: t('category'), dataIndex: 'category', render: (v: string) => t(v as MessageKey), width: 90 },
        { title: t('ownerUnit'), dataIndex: 'ownerUnit', width: 180 },
        {
          title: t('deadline'),
          dataIndex: 'deadline',
          width: 150,
          render: (v: string, r) => (
            <>
              {v}
              <div style={{ color: '#888', fontSize: 12 }}>{t('workingDays', { n: r.workingDays })}</div>
            </>
          ),
        },
        { title: t('level'), render: (_: unknown, r) => <LevelTag level={r.level} cityLeader={r.cityLeader} />, width: 190 },
        {
          title: t('status'),
          width: 170,
          render: (_: unknown, r) => (
            <>
              <StatusTag status={r.status} overdue={r.overdue} />
              {r.escalationDue.length > 0 && <Tag color="magenta">{t('escalationDue')}</Tag>}
            </>
          ),
        },
      ]}
    />
  );
}

function ProblemDrawer({ id, viewer, onClose, onChanged }: { id: string | null; viewer: RemoteProps['viewer']; onClose: () => void; onChanged: () => void }) {
  const t = useMessages(messages);
  const locale = useLocale();
  const [{ data, fetching, error }, refetch] = useQuery({ query: DETAIL, variables: { id: id ?? '' }, pause: !id, requestPolicy: 'network-only' });
  const changed = () => {
    refetch({ requestPolicy: 'network-only' });
    onChanged();
  };
  return (
    <Drawer open={id !== null} onClose={onClose} size="large" title={data?.problem.title ?? t('problem')} destroyOnHidden data-testid="problem-detail">
      <QueryState fetching={fetching} error={error} data={data} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
        {({ problem: p }) => (
          <>
            <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
              <Descriptions.Item label={t('project')}>{p.project?.name ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('district')}>{p.district.name}</Descriptions.Item>
              <Descriptions.Item label={t('category')}>{t(p.category as MessageKey)}</Descriptions.Item>
              {p.description ? <Descriptions.Item label={t('description')}>{p.description}</Descriptions.Item> : null}
              <Descriptions.Item label={t('ownerUnit')}>{p.ownerUnit}</Descriptions.Item>
              <Descriptions.Item label={t('raised')}>
                {p.raisedDate} · {p.raisedBy}
              </Descriptions.Item>
              <Descriptions.Item label={t('deadline')}>
                {p.deadline}（{t('workingDays', { n: p.workingDays })}）
              </Descriptions.Item>
              <Descriptions.Item label={t('level')}>
                <span data-testid="detail-level">
                  <LevelTag level={p.level} cityLeader={p.cityLeader} />
                </span>
                {p.escalatedDate && (
                  <Typography.Text type="secondary">
                    {t('escalated')} {p.escalatedDate}
                    {p.escalationReason ? ` · ${t(p.escalationReason as MessageKey)}` : ''}
                  </Typography.Text>
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('status')}>
                <span data-testid="detail-status">
                  <StatusTag status={p.status} overdue={p.overdue} />
                </span>
                {p.escalationRequested && p.level === 'DISTRICT' && <Tag color="magenta">{t('requested')}：{p.escalationRequestReason}</Tag>}
              </Descriptions.Item>
              {p.resolvedDate && <Descriptions.Item label={t('resolvedOn')}>{p.resolvedDate}</Descriptions.Item>}
              {p.closedOutDate && (
                <Descriptions.Item label={t('closedOutOn')}>
                  {p.closedOutDate} · {p.evidence.join('；')}
                  {p.evidenceFiles.length > 0 && (
                    <Image.PreviewGroup>
                      <Space wrap style={{ marginTop: 4, display: 'flex' }}>
                        {p.evidenceFiles.map((f) => (
                          <Image key={f.id} src={f.thumbnailUrl ?? f.url} preview={{ src: f.url }} width={96} height={64} style={{ objectFit: 'cover' }} alt={f.name} data-testid="evidence-file" />
                        ))}
                      </Space>
                    </Image.PreviewGroup>
                  )}
                </Descriptions.Item>
              )}
            </Descriptions>
            {viewer.role === 'ADMIN' && <MoveForm problem={p} viewer={viewer} onMoved={changed} />}
            <Typography.Title level={5} style={{ marginTop: 16 }}>
              {t('notes')}
            </Typography.Title>
            <List
              size="small"
              bordered
              dataSource={[...p.notes].sort((a, b) => b.period.localeCompare(a.period))}
              locale={{ emptyText: t('noNotes') }}
              data-testid="problem-notes"
              renderItem={(n) => (
                <List.Item>
                  <Typography.Text strong>{formatPeriod(n.period, locale)}</Typography.Text>&nbsp;{n.note}
                  <Typography.Text type="secondary"> — {n.author}</Typography.Text>
                </List.Item>
              )}
            />
            {viewer.role === 'ADMIN' && <NoteForm problemId={p.id} onAdded={changed} />}
          </>
        )}
      </QueryState>
    </Drawer>
  );
}

interface MoveValues {
  date?: string;
  evidence?: string;
  reason?: string;
  cityLeader?: string;
  deadline?: string;
}

/** The moves the state machine allows from here; the server still decides who may take them and says why not. */
function MoveForm({ problem, viewer, onMoved }: { problem: ProblemDetail; viewer: RemoteProps['viewer']; onMoved: () => void }) {
  const t = useMessages(messages);
  const [action, setAction] = useState<ProblemAction | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [form] = Form.useForm<MoveValues>();
  const [{ fetching }, move] = useMutation(MOVE);
  // The close-out's pictures are not a form field: a refusal of them is named in the notice.
  const errors = useFormErrors(form, { evidenceFileIds: t('evidenceFiles'), version: t('actions') });
  const [pictures, setPictures] = useState<EvidencePicture[]>([]);
  const [uploading, setUploading] = useState(false);
  const allowed = allowedProblemActions({
    status: problem.status,
    level: problem.level,
    cityLeader: problem.cityLeader,
    raisedDate: problem.raisedDate,
    deadline: problem.deadline,
    resolvedDate: problem.resolvedDate,
    closedOutDate: problem.closedOutDate,
    evidence: problem.evidence,
    escalationRequested: problem.escalationRequested,
    reopenCount: problem.reopenCount,
  }).filter((a) => (a === 'ESCALATE' ? isCityAdmin(viewer) : a === 'REQUEST_ESCALATION' ? !isCityAdmin(viewer) : true));

  const submit = async (v: MoveValues) => {
    if (!action) return;
    setDone(null);
    errors.clear();
    const r = await move({
      id: problem.id,
      action,
      input: {
        version: problem.version,
        date: v.date?.trim() || null,
        evidence: action === 'CLOSE_OUT' ? (v.evidence ?? '').split('\n').map((s) => s.trim()).filter(Boolean) : null,
        evidenceFileIds: action === 'CLOSE_OUT' && pictures.length ? pictures.map((f) => f.id) : null,
        reason: v.reason?.trim() || null,
        cityLeader: v.cityLeader?.trim() || null,
        deadline: v.deadline?.trim() || null,
      },
    });
    if (!errors.show(r.error)) {
      setDone(t('moved', { action: t(action) }));
      setAction(null);
      setPictures([]);
      form.resetFields();
      onMoved();
    }
  };

  return (
    <Card size="small" title={t('actions')} data-testid="problem-actions">
      {allowed.length === 0 ? (
        <Typography.Text type="secondary">{t('noActions')}</Typography.Text>
      ) : (
        <Space wrap style={{ marginBottom: action ? 12 : 0 }}>
          {allowed.map((a) => (
            <Button key={a} type={action === a ? 'primary' : 'default'} danger={a === 'ESCALATE'} onClick={() => { setAction(a); setDone(null); errors.clear(); }} data-testid={`move-${a}`}>
              {t(a)}
            </Button>
          ))}
        </Space>
      )}
      {action && (
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
          <Form.Item name="date" label={t('date')} extra={t('dateHint')}>
            <DateInput allowClear style={{ width: 180 }} />
          </Form.Item>
          {action === 'CLOSE_OUT' && (
            <Form.Item name="evidence" label={t('evidence')} extra={t('evidenceHint')}>
              <Input.TextArea rows={3} data-testid="move-evidence" />
            </Form.Item>
          )}
          {action === 'CLOSE_OUT' && <EvidencePictures files={pictures} onChange={setPictures} onBusy={setUploading} />}
          {(action === 'REOPEN' || action === 'REQUEST_ESCALATION') && (
            <Form.Item name="reason" label={t('reason')}>
              <Input.TextArea rows={2} data-testid="move-reason" />
            </Form.Item>
          )}
          {action === 'ESCALATE' && (
            <Form.Item name="cityLeader" label={t('cityLeader')}>
              <Input data-testid="move-city-leader" />
            </Form.Item>
          )}
          {(action === 'REOPEN' || action === 'ESCALATE') && (
            <Form.Item name="deadline" label={t('newDeadline')}>
              <DateInput allowClear style={{ width: 180 }} />
            </Form.Item>
          )}
          {errors.notice}
          <Button type="primary" htmlType="submit" loading={fetching} disabled={uploading} data-testid="move-submit">
            {t(action)}
          </Button>
        </Form>
      )}
      {done && <Alert style={{ marginTop: 12 }} type="success" showIcon title={done} data-testid="move-done" />}
    </Card>
  );
}

function NoteForm({ problemId, onAdded }: { problemId: string; onAdded: () => void }) {
  const t = useMessages(messages);
  const [form] = Form.useForm<{ period: string; note: string }>();
  const [added, setAdded] = useState(false);
  const [{ fetching }, add] = useMutation(NOTE);
  const errors = useFormErrors(form);
  return (
    <Form
      form={form}
      layout="inline"
      style={{ marginTop: 12, rowGap: 8 }}
      initialValues={{ period: thisMonthInChina(), note: '' }}
      onFinish={async (v) => {
        setAdded(false);
        errors.clear();
        const r = await add({ problemId, period: v.period, note: v.note });
        if (!errors.show(r.error)) {
          setAdded(true);
          form.setFieldValue('note', '');
          onAdded();
        }
      }}
    >
      <Form.Item name="period" label={t('period')}>
        <MonthPicker style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="note" label={t('note')} style={{ flex: 1, minWidth: 220 }}>
        <Input data-testid="note-text" />
      </Form.Item>
      <Button htmlType="submit" loading={fetching} data-testid="note-add">
        {t('addNote')}
      </Button>
      {errors.notice && <div style={{ width: '100%', marginTop: 8 }}>{errors.notice}</div>}
      {added && <Alert style={{ width: '100%', marginTop: 8 }} type="success" showIcon title={t('noteAdded')} />}
    </Form>
  );
}

interface EvidencePicture {
  id: string;
  name: string;
  url: string;
}

const PICTURE_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const PICTURE_MAX_BYTES = 10 * 1024 * 1024;

/**
 * 佐证附件: pictures of the close-out evidence (an acceptance record photographed, the finished work),
 * uploaded to the API's file store like a report's progress photos; a file of another type or over
 * the size limit is refused by name before it is sent.
 */
function EvidencePictures({ files, onChange, onBusy }: { files: EvidencePicture[]; onChange: (files: EvidencePicture[]) => void; onBusy: (busy: boolean) => void }) {
  const t = useMessages(messages);
  const [refused, setRefused] = useState<string | null>(null);
  const [failed, setFailed] = useState<unknown>(null);
  const [percent, setPercent] = useState<number | null>(null);
  return (
    <Form.Item label={t('evidenceFiles')} extra={t('evidenceFilesHint', { mb: PICTURE_MAX_BYTES / 1048576 })}>
      <Space wrap>
        {files.map((f) => (
          <Tag key={f.id} closable onClose={() => onChange(files.filter((x) => x.id !== f.id))} data-testid="evidence-picture">
            {f.name}
          </Tag>
        ))}
        <Upload
          accept={PICTURE_TYPES.join(',')}
          showUploadList={false}
          disabled={percent !== null || files.length >= 10}
          beforeUpload={(file) => {
            setRefused(null);
            setFailed(null);
            if (!PICTURE_TYPES.includes(file.type)) setRefused(t('evidenceWrongType', { name: file.name }));
            else if (file.size > PICTURE_MAX_BYTES) setRefused(t('evidenceTooLarge', { name: file.name, mb: PICTURE_MAX_BYTES / 1048576 }));
            else {
              setPercent(0);
              onBusy(true);
              uploadFile(file as unknown as File, 'photo', setPercent)
                .then((stored) => onChange([...files, { id: stored.id, name: String(stored.name ?? file.name), url: String(stored.url) }]))
                .catch((e: unknown) => setFailed(e))
                .finally(() => {
                  setPercent(null);
                  onBusy(false);
                });
            }
            return false;
          }}
        >
          <Button size="small" loading={percent !== null} data-testid="evidence-upload">
            {percent !== null ? `${percent}%` : t('evidenceAdd')}
          </Button>
        </Upload>
      </Space>
      {refused && <Alert type="error" showIcon style={{ marginTop: 8 }} title={refused} data-testid="evidence-refused" />}
      {failed !== null && <div style={{ marginTop: 8 }}><ErrorNotice error={failed} /></div>}
    </Form.Item>
  );
}
