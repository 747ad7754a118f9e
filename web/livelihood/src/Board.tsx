import { useState } from 'react';
import { Button, Card, Col, Collapse, Form, Input, Progress, Row, Select, Space, Statistic, Table, Tag, Timeline, Typography } from 'antd';
import { useMutation, useQuery } from 'urql';
import { graphql } from './gql';
import type { LivelihoodBoardQuery } from './gql/graphql';
import { DateInput, ErrorNotice, formatDate, formatPeriod, MonthPicker, QueryState, useLocale, useMessages, type Viewer } from '@kpd/web-kit';
import { boardMessages as messages, levelMessages, LEVELS, type Level } from './messages';
import { quantity } from './shared';
import { supervisionMessages } from './supervision.messages';

type BoardProject = LivelihoodBoardQuery['livelihoodBoard'][number];
interface BoardChoice {
  key: string;
  cityId: string;
  cityName: string;
  level: Level;
  year: number;
}

const CHOICES = graphql(`
  query BoardChoices { voteSessions { id meetingDate level area { id name } adopted { id } } }
`);
const BOARD = graphql(`
  query LivelihoodBoard($cityId: ID!, $year: Int!) {
    livelihoodBoard(cityId: $cityId, year: $year) {
      id name year leadDepartment targetQuantity unit status completedOn
      candidate { id position }
      summary { done percent milestonesDone milestonesOverdue milestonesTotal }
      supervision { advices overdue }
      milestones { id name dueDate doneDate }
      progress { id period quantityDone note }
      proposals { id title source status reasonLabel }
    }
  }
`);
const REPORT = graphql(`
  mutation ReportLivelihoodProgress($projectId: ID!, $period: Period!, $quantityDone: String!, $note: String!) {
    reportLivelihoodProgress(projectId: $projectId, period: $period, quantityDone: $quantityDone, note: $note) { id }
  }
`);
const OBLIGATION = graphql(`
  mutation UpdateLivelihoodProject($id: ID!, $input: ObligationInput!) { updateLivelihoodProject(id: $id, input: $input) { id } }
`);
const MILESTONES = graphql(`
  mutation SaveLivelihoodMilestones($projectId: ID!, $milestones: [LivelihoodMilestoneInput!]!) { saveLivelihoodMilestones(projectId: $projectId, milestones: $milestones) { id } }
`);
const COMPLETE = graphql(`
  mutation CompleteLivelihoodProject($projectId: ID!, $completedOn: LocalDate!) { completeLivelihoodProject(projectId: $projectId, completedOn: $completedOn) { id status } }
`);

/** The (area, year) boards there are: one per congress (city, county or township) and year with adopted projects, newest first. */
export function useBoardChoices(): { choices: BoardChoice[]; fetching: boolean; error: unknown } {
  const [{ data, fetching, error }] = useQuery({ query: CHOICES });
  const seen = new Map<string, BoardChoice>();
  for (const s of data?.voteSessions ?? []) {
    if (s.adopted.length === 0) continue;
    const year = Number(s.meetingDate.slice(0, 4));
    const key = `${s.area.id}:${year}`;
    if (!seen.has(key)) seen.set(key, { key, cityId: s.area.id, cityName: s.area.name, level: s.level, year });
  }
  return { choices: [...seen.values()].sort((a, b) => b.year - a.year || LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level) || a.cityName.localeCompare(b.cityName)), fetching, error };
}

/** The board tab: pick the city and year, then the board. */
export function BoardPage({ admin }: { admin: boolean; viewer: Viewer }) {
  const t = useMessages(messages);
  const l = useMessages(levelMessages);
  const { choices: every, fetching, error } = useBoardChoices();
  const [key, setKey] = useState<string | undefined>();
  const [level, setLevel] = useState<Level | 'ALL'>('ALL');
  const choices = level === 'ALL' ? every : every.filter((c) => c.level === level);
  const chosen = choices.find((c) => c.key === key) ?? choices[0];
  return (
    <QueryState fetching={fetching} error={error} data={fetching && choices.length === 0 ? undefined : { choices }} isEmpty={(d) => d.choices.length === 0} empty={t('none')}>
      {() => (
        <>
          <Space wrap style={{ marginBottom: 12 }}>
            <Select<Level | 'ALL'>
              style={{ minWidth: 150 }}
              data-testid="board-level"
              value={level}
              onChange={(v) => {
                setLevel(v);
                setKey(undefined);
              }}
              options={[{ value: 'ALL', label: l('allLevels') }, ...LEVELS.map((v) => ({ value: v, label: l(v) }))]}
            />
            {choices.length > 1 && (
              <Select style={{ minWidth: 200 }} data-testid="board-choice" value={chosen.key} onChange={setKey} options={choices.map((c) => ({ value: c.key, label: `${t('choice', { city: c.cityName, year: c.year })}（${l(c.level)}）` }))} />
            )}
          </Space>
          {chosen ? <Board cityId={chosen.cityId} cityName={chosen.cityName} year={chosen.year} admin={admin} /> : <Typography.Paragraph type="secondary">{t('none')}</Typography.Paragraph>}
        </>
      )}
    </QueryState>
  );
}

/**
 * 挂图作战, 逐件销号: every adopted project of a city's year with its lead department, target, done so
 * far, milestones and the proposals behind it; closed-out projects are crossed off. Admins report a
 * month's progress and close a project out.
 */
export function Board({ cityId, cityName, year, admin }: { cityId: string; cityName: string; year: number; admin: boolean }) {
  const t = useMessages(messages);
  const s = useMessages(supervisionMessages);
  const locale = useLocale();
  const [{ data, fetching, error }, refetch] = useQuery({ query: BOARD, variables: { cityId, year }, requestPolicy: 'cache-and-network' });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  return (
    <QueryState fetching={fetching} error={error} data={data} isEmpty={(d) => d.livelihoodBoard.length === 0} empty={t('none')} onRetry={reload}>
      {(d) => {
        const projects = d.livelihoodBoard;
        const completed = projects.filter((p) => p.status === 'COMPLETED').length;
        const overdue = projects.reduce((n, p) => n + p.summary.milestonesOverdue, 0);
        return (
          <div data-testid="board">
            <Typography.Title level={4} style={{ marginTop: 0 }}>
              {t('heading', { city: cityName, year })}
            </Typography.Title>
            <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
              <Col xs={8}>
                <Statistic title={t('projects')} value={projects.length} />
              </Col>
              <Col xs={8}>
                <Statistic title={t('completed')} value={completed} suffix={`/ ${projects.length}`} />
              </Col>
              <Col xs={8}>
                <Statistic title={t('overdue')} value={overdue} valueStyle={overdue ? { color: '#cf1322' } : undefined} />
              </Col>
            </Row>
            <Table<BoardProject>
              rowKey="id"
              size="small"
              data-testid="board-table"
              dataSource={[...projects].sort((a, b) => a.candidate.position - b.candidate.position)}
              pagination={false}
              scroll={{ x: 900 }}
              rowClassName={(p) => (p.status === 'COMPLETED' ? 'board-completed' : '')}
              expandable={{
                expandedRowRender: (p) => <ProjectDetail project={p} admin={admin} onChanged={reload} />,
              }}
              columns={[
                {
                  title: t('project'),
                  render: (_: unknown, p) => (
                    <span data-testid="board-project" data-status={p.status}>
                      {p.status === 'COMPLETED' ? <del>{p.name}</del> : p.name}
                      {p.status === 'COMPLETED' && (
                        <Tag color="green" style={{ marginLeft: 8 }}>
                          {t('closedOut', { date: p.completedOn ?? '' })}
                        </Tag>
                      )}
                      {p.supervision.overdue > 0 && (
                        <Tag color="red" style={{ marginLeft: 8 }} data-testid="board-advices-overdue">
                          {s('boardOverdue', { n: p.supervision.overdue })}
                        </Tag>
                      )}
                    </span>
                  ),
                },
                { title: t('lead'), dataIndex: 'leadDepartment', width: 170 },
                { title: t('target'), width: 120, render: (_: unknown, p) => quantity(p.targetQuantity, p.unit) },
                { title: t('done'), width: 120, render: (_: unknown, p) => quantity(p.summary.done, p.unit) },
                {
                  title: t('progress'),
                  width: 160,
                  render: (_: unknown, p) =>
                    p.summary.percent === null ? '—' : <Progress percent={Math.min(100, Math.round(p.summary.percent * 10) / 10)} size="small" status={p.status === 'COMPLETED' ? 'success' : 'active'} />,
                },
                {
                  title: t('milestones'),
                  width: 130,
                  render: (_: unknown, p) => (
                    <>
                      {p.summary.milestonesDone}/{p.summary.milestonesTotal}
                      {p.summary.milestonesOverdue > 0 && (
                        <Tag color="red" style={{ marginLeft: 6 }}>
                          {t('overdueN', { n: p.summary.milestonesOverdue })}
                        </Tag>
                      )}
                    </>
                  ),
                },
                { title: t('latest'), width: 100, render: (_: unknown, p) => (p.progress.length ? formatPeriod(p.progress[p.progress.length - 1].period, locale) : '—') },
              ]}
            />
          </div>
        );
      }}
    </QueryState>
  );
}

function ProjectDetail({ project: p, admin, onChanged }: { project: BoardProject; admin: boolean; onChanged: () => void }) {
  const t = useMessages(messages);
  const locale = useLocale();
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} md={8}>
        <Typography.Text strong>{t('milestones')}</Typography.Text>
        {p.milestones.length === 0 && <div style={{ color: '#888', marginBottom: 12 }}>—</div>}
        <Timeline
          style={{ marginTop: 12 }}
          items={p.milestones.map((m) => ({
            color: m.doneDate ? 'green' : m.dueDate < formatDate(new Date()) ? 'red' : 'blue',
            children: (
              <>
                {m.name}
                <div style={{ fontSize: 12, color: '#888' }}>
                  {t('due', { date: m.dueDate })}
                  {m.doneDate ? ` · ${t('met', { date: m.doneDate })}` : ''}
                </div>
              </>
            ),
          }))}
        />
        <Typography.Text strong>{t('proposalsBehind')}</Typography.Text>
        {p.proposals.length === 0 ? (
          <div style={{ color: '#888' }}>—</div>
        ) : (
          <ul style={{ paddingLeft: 20, marginTop: 4 }} data-testid="board-proposals">
            {p.proposals.map((x) => (
              <li key={x.id}>
                {x.title}
                {x.reasonLabel ? <Typography.Text type="secondary"> （{x.reasonLabel}）</Typography.Text> : null}
              </li>
            ))}
          </ul>
        )}
      </Col>
      <Col xs={24} md={admin ? 8 : 16}>
        <Typography.Text strong>{t('monthly')}</Typography.Text>
        <Table
          rowKey="id"
          size="small"
          style={{ marginTop: 8 }}
          pagination={false}
          dataSource={p.progress}
          columns={[
            { title: t('month'), dataIndex: 'period', width: 100, render: (v: string) => formatPeriod(v, locale) },
            { title: t('quantity'), dataIndex: 'quantityDone', width: 100, align: 'right', render: (v: string) => quantity(v, p.unit) },
            { title: t('note'), dataIndex: 'note' },
          ]}
        />
      </Col>
      {admin && (
        <Col xs={24} md={8}>
          {p.status === 'COMPLETED' ? (
            <Typography.Text type="success">{t('closedOut', { date: p.completedOn ?? '' })}</Typography.Text>
          ) : (
            <>
              <ProgressForm project={p} onSaved={onChanged} />
              <CloseOut project={p} onSaved={onChanged} />
              <Collapse
                size="small"
                style={{ marginTop: 12 }}
                items={[
                  { key: 'obligation', label: t('obligation'), children: <ObligationForm project={p} onSaved={onChanged} /> },
                  { key: 'milestones', label: t('editMilestones'), children: <MilestoneEditor project={p} onSaved={onChanged} /> },
                ]}
              />
            </>
          )}
        </Col>
      )}
    </Row>
  );
}

function ProgressForm({ project: p, onSaved }: { project: BoardProject; onSaved: () => void }) {
  const t = useMessages(messages);
  const [{ fetching, error }, report] = useMutation(REPORT);
  const [form] = Form.useForm<{ period: string; quantityDone: string; note: string }>();
  return (
    <Card size="small" title={t('report')} style={{ marginBottom: 12 }} data-testid="progress-form">
      <Form
        form={form}
        layout="vertical"
        onFinish={async (v) => {
          const r = await report({ projectId: p.id, period: v.period, quantityDone: v.quantityDone.trim(), note: v.note.trim() });
          if (r.data) {
            form.resetFields();
            onSaved();
          }
        }}
      >
        <Form.Item name="period" label={t('month')} rules={[{ required: true, message: t('required') }]}>
          <MonthPicker testId="progress-period" />
        </Form.Item>
        <Form.Item name="quantityDone" label={t('quantityIn', { unit: p.unit })} rules={[{ required: true, message: t('required') }]}>
          <Input inputMode="decimal" data-testid="progress-quantity" />
        </Form.Item>
        <Form.Item name="note" label={t('note')} rules={[{ required: true, whitespace: true, message: t('required') }]}>
          <Input.TextArea rows={2} data-testid="progress-note" />
        </Form.Item>
        {error && <ErrorNotice error={error} />}
        <Button type="primary" htmlType="submit" loading={fetching} style={{ marginTop: 8 }} data-testid="progress-submit">
          {t('submit')}
        </Button>
      </Form>
    </Card>
  );
}

function CloseOut({ project: p, onSaved }: { project: BoardProject; onSaved: () => void }) {
  const t = useMessages(messages);
  const [day, setDay] = useState('');
  const [{ fetching, error }, complete] = useMutation(COMPLETE);
  return (
    <Card size="small" title={t('closeOut')}>
      <Space wrap>
        <DateInput value={day || null} onChange={(v) => setDay(v ?? '')} />
        <Button
          danger
          disabled={!day}
          loading={fetching}
          onClick={async () => {
            const r = await complete({ projectId: p.id, completedOn: day });
            if (r.data) onSaved();
          }}
        >
          {t('closeOutButton')}
        </Button>
      </Space>
      {error && (
        <div style={{ marginTop: 8 }}>
          <ErrorNotice error={error} />
        </div>
      )}
    </Card>
  );
}

function ObligationForm({ project: p, onSaved }: { project: BoardProject; onSaved: () => void }) {
  const t = useMessages(messages);
  const [{ fetching, error }, update] = useMutation(OBLIGATION);
  return (
    <Form
      layout="vertical"
      data-testid="obligation-form"
      initialValues={{ leadDepartment: p.leadDepartment, targetQuantity: p.targetQuantity, unit: p.unit }}
      onFinish={async (v: { leadDepartment: string; targetQuantity: string; unit: string }) => {
        const r = await update({ id: p.id, input: { leadDepartment: v.leadDepartment.trim(), targetQuantity: v.targetQuantity.trim(), unit: v.unit.trim() } });
        if (r.data) onSaved();
      }}
    >
      <Form.Item name="leadDepartment" label={t('lead')} rules={[{ required: true, whitespace: true, message: t('required') }]}>
        <Input />
      </Form.Item>
      <Space>
        <Form.Item name="targetQuantity" label={t('target')} rules={[{ required: true, whitespace: true, message: t('required') }]}>
          <Input inputMode="decimal" />
        </Form.Item>
        <Form.Item name="unit" label={t('unit')} rules={[{ required: true, whitespace: true, message: t('required') }]}>
          <Input />
        </Form.Item>
      </Space>
      {error && <ErrorNotice error={error} />}
      <Button htmlType="submit" loading={fetching} style={{ marginTop: 8 }}>
        {t('save')}
      </Button>
    </Form>
  );
}

interface MilestoneDraft {
  key: number;
  name: string;
  dueDate: string;
  doneDate: string;
}

function MilestoneEditor({ project: p, onSaved }: { project: BoardProject; onSaved: () => void }) {
  const t = useMessages(messages);
  const [rows, setRows] = useState<MilestoneDraft[]>(() => p.milestones.map((m, key) => ({ key, name: m.name, dueDate: m.dueDate, doneDate: m.doneDate ?? '' })));
  const [{ fetching, error }, save] = useMutation(MILESTONES);
  const change = (key: number, patch: Partial<MilestoneDraft>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  return (
    <>
      {rows.map((r) => (
        <Space key={r.key} direction="vertical" size={4} style={{ width: '100%', marginBottom: 8, paddingBottom: 8, borderBottom: '1px solid #f0f0f0' }}>
          <Input placeholder={t('milestoneName')} value={r.name} onChange={(e) => change(r.key, { name: e.target.value })} />
          <Space wrap size={4}>
            <span>{t('dueLabel')}</span>
            <DateInput value={r.dueDate || null} onChange={(v) => change(r.key, { dueDate: v ?? '' })} style={{ width: 150 }} />
            <span>{t('doneLabel')}</span>
            <DateInput allowClear value={r.doneDate || null} onChange={(v) => change(r.key, { doneDate: v ?? '' })} style={{ width: 150 }} />
            <Button size="small" danger onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}>
              {t('remove')}
            </Button>
          </Space>
        </Space>
      ))}
      {error && <ErrorNotice error={error} />}
      <Space style={{ marginTop: 8 }}>
        <Button onClick={() => setRows((rs) => [...rs, { key: Math.max(-1, ...rs.map((x) => x.key)) + 1, name: '', dueDate: '', doneDate: '' }])}>{t('addMilestone')}</Button>
        <Button
          type="primary"
          loading={fetching}
          onClick={async () => {
            const r = await save({ projectId: p.id, milestones: rows.map((m) => ({ name: m.name.trim(), dueDate: m.dueDate, doneDate: m.doneDate || null })) });
            if (r.data) onSaved();
          }}
        >
          {t('save')}
        </Button>
      </Space>
    </>
  );
}
