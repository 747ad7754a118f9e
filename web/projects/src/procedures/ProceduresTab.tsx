import { useState } from 'react';
import { Alert, Button, Empty, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useMutation, useQuery } from 'urql';
import { DateInput, ErrorNotice, formatDate, QueryState, todayInChina, useFormErrors, useMessages, type Viewer } from '@kpd/web-kit';
import { graphql } from '../gql';
import type { ProcedureState, ProjectProceduresQuery } from '../gql/graphql';
import { procedureMessages } from './messages';

const PROCEDURES = graphql(`
  query ProjectProcedures($id: ID!) {
    project(id: $id) {
      id
      procedures {
        today complete frontier totalPromisedDays
        heldBy { id }
        nodes {
          id code name department ownerUnit state requestedDate approvedDate dueDate documentNumber note version problemId
          legalDays promisedDays workingDaysTaken predecessors
          timing { overdue daysOverdue workingDaysTaken approvedLate }
        }
      }
    }
  }
`);
const START = graphql(`
  mutation StartProcedureChain($projectId: ID!) { startProcedureChain(projectId: $projectId) { complete nodes { id } } }
`);
const UPDATE = graphql(`
  mutation UpdateProcedureNode($id: ID!, $input: ProcedureNodeInput!) {
    updateProcedureNode(id: $id, input: $input) { id state version dueDate workingDaysTaken }
  }
`);
const RAISE = graphql(`
  mutation RaiseProcedureProblem($nodeId: ID!, $workingDays: Int!) {
    raiseProcedureProblem(nodeId: $nodeId, workingDays: $workingDays) { id title ownerUnit deadline }
  }
`);

type Chain = NonNullable<ProjectProceduresQuery['project']['procedures']>;
type Node = Chain['nodes'][number];

const STATE_COLORS: Record<ProcedureState, string> = { NOT_STARTED: 'default', IN_PROGRESS: 'processing', APPROVED: 'success', NOT_REQUIRED: 'default' };
const BAR_COLORS = { APPROVED: '#52c41a', IN_PROGRESS: '#1677ff', OVERDUE: '#ff4d4f', DUE: '#d9d9d9' };
const STATES: ProcedureState[] = ['NOT_STARTED', 'IN_PROGRESS', 'APPROVED', 'NOT_REQUIRED'];

const dayNumber = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 86_400_000;

/**
 * A project's pre-construction procedures (前期手续): the node that holds it up and its department
 * on top, with the one-step button that raises it as a problem; then the chain as a Gantt-like
 * timeline (applied → approved, or → today while in progress, the promised due date marked) and
 * an editor for each node.
 */
export function ProceduresTab({ projectId, viewer, onProblemRaised }: { projectId: string; viewer: Viewer; onProblemRaised?: () => void }) {
  const t = useMessages(procedureMessages);
  const [{ data, fetching, error }, refetch] = useQuery({ query: PROCEDURES, variables: { id: projectId } });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const [start, startChain] = useMutation(START);
  const [editing, setEditing] = useState<Node | null>(null);
  const writer = viewer.role === 'ADMIN' || viewer.role === 'SECRETARY';
  return (
    <QueryState fetching={fetching} error={error} data={data} isEmpty={() => false} onRetry={reload}>
      {(d) => {
        const chain = d.project.procedures;
        if (!chain) {
          return (
            <Empty description={t('noChain')} data-testid="procedures-empty">
              {viewer.role === 'ADMIN' ? (
                <>
                  <Button type="primary" loading={start.fetching} onClick={() => void startChain({ projectId }).then((r) => !r.error && reload())} data-testid="procedures-start">
                    {t('startChain')}
                  </Button>
                  {start.error && <ErrorNotice error={start.error} />}
                </>
              ) : (
                <Typography.Text type="secondary">{t('startOnlyAdmin')}</Typography.Text>
              )}
            </Empty>
          );
        }
        const held = chain.nodes.find((n) => n.id === chain.heldBy?.id) ?? null;
        return (
          <div data-testid="procedures">
            <HeldBy chain={chain} held={held} writer={writer} onRaised={() => { reload(); onProblemRaised?.(); }} />
            <Typography.Paragraph type="secondary" style={{ margin: '8px 0' }}>
              <Tooltip title={t('totalHint')}>{t('total', { days: chain.totalPromisedDays })}</Tooltip>
            </Typography.Paragraph>
            <Gantt chain={chain} held={held} writer={writer} onEdit={setEditing} />
            {editing && (
              <NodeEditor
                node={editing}
                onClose={() => setEditing(null)}
                onSaved={() => {
                  setEditing(null);
                  reload();
                }}
              />
            )}
          </div>
        );
      }}
    </QueryState>
  );
}

function HeldBy({ chain, held, writer, onRaised }: { chain: Chain; held: Node | null; writer: boolean; onRaised: () => void }) {
  const t = useMessages(procedureMessages);
  const [raising, raise] = useMutation(RAISE);
  const [days, setDays] = useState(5);
  const [raised, setRaised] = useState<{ id: string; ownerUnit: string } | null>(null);
  if (chain.complete) return <Alert type="success" showIcon title={t('complete')} data-testid="procedures-complete" />;
  if (!held) return null;
  const overdue = held.timing.overdue;
  const title = overdue
    ? t('heldByOverdue', { name: held.name, department: held.department, days: held.timing.daysOverdue })
    : t('heldBy', { name: held.name, department: held.department });
  return (
    <Alert
      type={overdue ? 'error' : 'info'}
      showIcon
      data-testid="procedures-held-by"
      data-code={held.code}
      title={title}
      description={
        <Space direction="vertical" size={4}>
          <span>
            {t(held.state)} · {t('requestedDate')} {formatDate(held.requestedDate) || '—'} · {t('dueDate')} {formatDate(held.dueDate) || '—'} · {t('ownerUnit')} {held.ownerUnit}
          </span>
          {(raised || held.problemId) && (
            <Typography.Text type="warning" data-testid="procedures-raised">
              {raised ? t('raised', { id: raised.id, unit: raised.ownerUnit }) : t('raised', { id: held.problemId!, unit: held.department })}
            </Typography.Text>
          )}
          {raising.error && <ErrorNotice error={raising.error} />}
        </Space>
      }
      action={
        overdue && writer && !held.problemId && !raised ? (
          <Space direction="vertical" align="end">
            <Space size={4}>
              <Typography.Text type="secondary">{t('problemDays')}</Typography.Text>
              <InputNumber min={1} max={250} value={days} onChange={(v) => setDays(v ?? 5)} style={{ width: 70 }} data-testid="procedures-raise-days" />
            </Space>
            <Button
              danger
              type="primary"
              loading={raising.fetching}
              data-testid="procedures-raise"
              onClick={() =>
                void raise({ nodeId: held.id, workingDays: days }).then((r) => {
                  if (r.data) {
                    setRaised(r.data.raiseProcedureProblem);
                    onRaised();
                  }
                })
              }
            >
              {t('raise')}
            </Button>
          </Space>
        ) : null
      }
    />
  );
}

/** The chain as bars on one time axis: applied → approved (green), → today while in progress (blue, red once overdue). */
function Gantt({ chain, held, writer, onEdit }: { chain: Chain; held: Node | null; writer: boolean; onEdit: (n: Node) => void }) {
  const t = useMessages(procedureMessages);
  const dates = chain.nodes.flatMap((n) => [n.requestedDate, n.approvedDate, n.dueDate]).filter((x): x is string => !!x);
  const first = dates.length ? Math.min(...dates.map(dayNumber)) : dayNumber(chain.today);
  const last = Math.max(dayNumber(chain.today), ...dates.map(dayNumber));
  const span = Math.max(1, last - first);
  const at = (d: string) => `${(((dayNumber(d) - first) / span) * 100).toFixed(2)}%`;
  const width = (a: string, b: string) => `${Math.max(0.8, ((dayNumber(b) - dayNumber(a)) / span) * 100).toFixed(2)}%`;
  const names = new Map(chain.nodes.map((n) => [n.code, n.name]));
  return (
    <Table<Node>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={chain.nodes}
      data-testid="procedures-chain"
      rowClassName={(n) => (n.id === held?.id ? 'procedure-held' : '')}
      onRow={(n) => ({ 'data-code': n.code, 'data-state': n.state, 'data-overdue': String(n.timing.overdue), style: n.id === held?.id ? { background: '#fff1f0' } : undefined }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: t('procedure'),
          dataIndex: 'name',
          width: 190,
          render: (v: string, n) => (
            <Space direction="vertical" size={0}>
              <Typography.Text strong={n.id === held?.id}>{v}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('predecessors')}：{n.predecessors.length ? n.predecessors.map((c) => names.get(c) ?? c).join('、') : t('none')}
              </Typography.Text>
            </Space>
          ),
        },
        { title: t('department'), dataIndex: 'department', width: 170 },
        {
          title: t('state'),
          dataIndex: 'state',
          width: 150,
          render: (v: ProcedureState, n) => (
            <Space size={2} wrap>
              <Tag color={STATE_COLORS[v]}>{t(v)}</Tag>
              {n.timing.overdue && <Tag color="red">{t('overdueDays', { days: n.timing.daysOverdue })}</Tag>}
              {n.timing.approvedLate && <Tag color="orange">{t('approvedLate')}</Tag>}
              {n.problemId && <Tag color="volcano">{t('raisedTo')}</Tag>}
            </Space>
          ),
        },
        { title: t('limits'), width: 90, render: (_: unknown, n) => `${n.promisedDays}/${n.legalDays}` },
        { title: t('taken'), width: 60, render: (_: unknown, n) => n.timing.workingDaysTaken ?? '—' },
        {
          title: t('timeline'),
          render: (_: unknown, n) => (
            <Tooltip title={`${t('requestedDate')} ${n.requestedDate ?? '—'} · ${t('dueDate')} ${n.dueDate ?? '—'} · ${t('approvedDate')} ${n.approvedDate ?? '—'}${n.documentNumber ? ` · ${n.documentNumber}` : ''}`}>
              <div style={{ position: 'relative', height: 14, minWidth: 160, background: '#fafafa', borderRadius: 2 }}>
                {n.requestedDate && n.dueDate && (
                  <div style={{ position: 'absolute', left: at(n.requestedDate), width: width(n.requestedDate, n.dueDate), top: 0, bottom: 0, background: BAR_COLORS.DUE, opacity: 0.6 }} />
                )}
                {n.requestedDate && (
                  <div
                    data-testid="procedure-bar"
                    style={{
                      position: 'absolute',
                      left: at(n.requestedDate),
                      width: width(n.requestedDate, n.approvedDate ?? chain.today),
                      top: 3,
                      bottom: 3,
                      background: n.state === 'APPROVED' ? BAR_COLORS.APPROVED : n.timing.overdue ? BAR_COLORS.OVERDUE : BAR_COLORS.IN_PROGRESS,
                      borderRadius: 2,
                    }}
                  />
                )}
                {n.dueDate && <div style={{ position: 'absolute', left: at(n.dueDate), top: -2, bottom: -2, width: 2, background: '#595959' }} />}
              </div>
            </Tooltip>
          ),
        },
        ...(writer
          ? [{ title: '', width: 60, render: (_: unknown, n: Node) => <Button size="small" onClick={() => onEdit(n)} data-testid={`procedure-edit-${n.code}`}>{t('edit')}</Button> }]
          : []),
      ]}
    />
  );
}

interface NodeForm {
  state: ProcedureState;
  ownerUnit: string;
  requestedDate?: string | null;
  approvedDate?: string | null;
  documentNumber?: string;
  note?: string;
}

function NodeEditor({ node, onClose, onSaved }: { node: Node; onClose: () => void; onSaved: () => void }) {
  const t = useMessages(procedureMessages);
  const [form] = Form.useForm<NodeForm>();
  const errors = useFormErrors(form);
  const [{ fetching }, update] = useMutation(UPDATE);
  const state = Form.useWatch('state', form) ?? node.state;
  const submit = async (v: NodeForm) => {
    const started = v.state === 'IN_PROGRESS' || v.state === 'APPROVED';
    const approved = v.state === 'APPROVED';
    const r = await update({
      id: node.id,
      input: {
        version: node.version,
        state: v.state,
        ownerUnit: v.ownerUnit ?? '',
        requestedDate: (started && v.requestedDate) || null,
        approvedDate: (approved && v.approvedDate) || null,
        documentNumber: (approved && v.documentNumber) || null,
        note: v.note ?? '',
      },
    });
    if (errors.show(r.error)) return;
    onSaved();
  };
  return (
    <Modal open title={`${node.name} · ${node.department}`} onCancel={onClose} footer={null} destroyOnHidden data-testid="procedure-editor">
      <Form<NodeForm>
        form={form}
        layout="vertical"
        initialValues={{ state: node.state, ownerUnit: node.ownerUnit, requestedDate: node.requestedDate, approvedDate: node.approvedDate, documentNumber: node.documentNumber ?? '', note: node.note }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="state" label={t('state')} rules={[{ required: true, message: t('required') }]}>
          <Select options={STATES.map((s) => ({ value: s, label: t(s) }))} data-testid="procedure-state" />
        </Form.Item>
        <Form.Item name="ownerUnit" label={t('ownerUnit')} rules={[{ required: true, whitespace: true, message: t('required') }]}>
          <Input maxLength={128} data-testid="procedure-owner" />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="requestedDate" label={t('requestedDate')}>
            <DateInput max={todayInChina()} allowClear style={{ width: 170 }} testId="procedure-requested" disabled={state === 'NOT_STARTED' || state === 'NOT_REQUIRED'} />
          </Form.Item>
          <Form.Item name="approvedDate" label={t('approvedDate')}>
            <DateInput max={todayInChina()} allowClear style={{ width: 170 }} testId="procedure-approved" disabled={state !== 'APPROVED'} />
          </Form.Item>
        </Space>
        <Form.Item name="documentNumber" label={t('documentNumber')}>
          <Input maxLength={100} data-testid="procedure-document" disabled={state !== 'APPROVED'} />
        </Form.Item>
        <Form.Item name="note" label={t('note')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        {errors.notice}
        <Space>
          <Button type="primary" htmlType="submit" loading={fetching} data-testid="procedure-save">{t('save')}</Button>
          <Button onClick={onClose}>{t('cancel')}</Button>
        </Space>
      </Form>
    </Modal>
  );
}
