import { useState } from 'react';
import { Button, Card, Form, Input, Progress, Select, Space, Table, Tag } from 'antd';
import { useMutation, useQuery } from 'urql';
import { graphql } from './gql';
import type { LivelihoodSubItemsQuery, Satisfaction } from './gql/graphql';
import { ErrorNotice, QueryState, useMessages, type Viewer } from '@kpd/web-kit';
import { subItemMessages as messages } from './supervision.messages';

type Rating = Satisfaction;
const RATING_COLORS: Record<Rating, string> = { SATISFIED: 'green', BASICALLY_SATISFIED: 'gold', UNSATISFIED: 'red' };

type SubItem = NonNullable<LivelihoodSubItemsQuery['livelihoodProject']>['subItems'][number];

const SUB_ITEMS = graphql(`
  query LivelihoodSubItems($id: ID!) {
    livelihoodProject(id: $id) {
      id unit
      session { id roster { delegation } }
      subItems { id position name delegation targetQuantity doneQuantity unit percent progressNote rating ratingNote ratedOn }
    }
  }
`);
const ADD = graphql(`
  mutation AddSubItem($projectId: ID!, $input: SubItemInput!) { addLivelihoodSubItem(projectId: $projectId, input: $input) { id } }
`);
const REPORT = graphql(`
  mutation ReportSubItem($id: ID!, $doneQuantity: String!, $note: String!) { reportLivelihoodSubItem(id: $id, doneQuantity: $doneQuantity, note: $note) { id } }
`);
const RATE = graphql(`
  mutation RateSubItem($id: ID!, $rating: Satisfaction!, $note: String) { rateLivelihoodSubItem(id: $id, rating: $rating, note: $note) { id rating } }
`);

/**
 * 分项目 (湖州): a project's parts with their own target and progress, each rated once by the
 * delegation of its place. Admins add parts and report progress; a delegate rates for their delegation.
 */
export function SubItems({ projectId, viewer }: { projectId: string; viewer: Viewer }) {
  const t = useMessages(messages);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: SUB_ITEMS,
    variables: { id: projectId },
    requestPolicy: 'cache-and-network',
  });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const [reporting, setReporting] = useState<string | null>(null);
  const [{ error: rateError }, rate] = useMutation(RATE);
  const admin = viewer.role === 'ADMIN';
  const delegate = viewer.role === 'DELEGATE';
  return (
    <Card size="small" title={t('title')} style={{ marginTop: 12 }} data-testid="sub-items">
      <QueryState fetching={fetching} error={error} data={data} onRetry={reload}>
        {({ livelihoodProject: p }) => (
          <>
            <Table<SubItem>
              rowKey="id"
              size="small"
              pagination={false}
              scroll={{ x: 760 }}
              dataSource={p.subItems}
              locale={{ emptyText: t('none') }}
              columns={[
                { title: t('name'), dataIndex: 'name' },
                { title: t('delegation'), dataIndex: 'delegation', width: 150 },
                { title: t('progress'), width: 170, render: (_: unknown, s) => (
                  <>
                    {s.doneQuantity} / {s.targetQuantity} {s.unit}
                    {s.percent !== null && <Progress percent={s.percent} size="small" />}
                    {s.progressNote && <div style={{ fontSize: 12, color: '#888' }}>{s.progressNote}</div>}
                  </>
                ) },
                {
                  title: t('rating'),
                  width: 220,
                  render: (_: unknown, s) =>
                    s.rating ? (
                      <span data-testid="sub-item-rating">
                        <Tag color={RATING_COLORS[s.rating]}>{t(s.rating)}</Tag>
                        {s.ratingNote}
                      </span>
                    ) : delegate ? (
                      <Space size={4}>
                        {(['SATISFIED', 'BASICALLY_SATISFIED', 'UNSATISFIED'] as Rating[]).map((r) => (
                          <Button key={r} size="small" data-testid={`sub-item-rate-${r}`} onClick={async () => (await rate({ id: s.id, rating: r, note: null })).data && reload()}>
                            {t(r)}
                          </Button>
                        ))}
                      </Space>
                    ) : (
                      <Tag>{t('notRated')}</Tag>
                    ),
                },
                ...(admin ? [{ title: '', width: 90, render: (_: unknown, s: SubItem) => <Button size="small" onClick={() => setReporting(s.id)}>{t('report')}</Button> }] : []),
              ]}
            />
            {rateError && <ErrorNotice error={rateError} />}
            {admin && reporting && <ReportForm id={reporting} onDone={() => (setReporting(null), reload())} />}
            {admin && <AddForm projectId={p.id} unit={p.unit} delegations={[...new Set((p.session.roster ?? []).map((r) => r.delegation))]} onSaved={reload} />}
          </>
        )}
      </QueryState>
    </Card>
  );
}

function ReportForm({ id, onDone }: { id: string; onDone: () => void }) {
  const t = useMessages(messages);
  const [{ fetching, error }, report] = useMutation(REPORT);
  return (
    <Form layout="inline" style={{ marginTop: 8 }} data-testid="sub-item-report" onFinish={async (v: { done: string; note: string }) => (await report({ id, doneQuantity: v.done.trim(), note: v.note.trim() })).data && onDone()}>
      <Form.Item name="done" label={t('doneSoFar')} rules={[{ required: true, whitespace: true, message: t('required') }]}>
        <Input inputMode="decimal" style={{ width: 120 }} />
      </Form.Item>
      <Form.Item name="note" label={t('note')} rules={[{ required: true, whitespace: true, message: t('required') }]}>
        <Input style={{ width: 260 }} />
      </Form.Item>
      <Button htmlType="submit" loading={fetching}>
        {t('save')}
      </Button>
      {error && <ErrorNotice error={error} />}
    </Form>
  );
}

function AddForm({ projectId, unit, delegations, onSaved }: { projectId: string; unit: string; delegations: string[]; onSaved: () => void }) {
  const t = useMessages(messages);
  const [form] = Form.useForm<{ name: string; delegation: string; targetQuantity: string; unit: string }>();
  const [{ fetching, error }, add] = useMutation(ADD);
  return (
    <Form
      form={form}
      layout="inline"
      style={{ marginTop: 12 }}
      data-testid="sub-item-add"
      initialValues={{ unit }}
      onFinish={async (v) => {
        const r = await add({ projectId, input: { name: v.name.trim(), delegation: v.delegation, targetQuantity: v.targetQuantity.trim(), unit: v.unit.trim() } });
        if (r.data) {
          form.resetFields();
          onSaved();
        }
      }}
    >
      <Form.Item name="name" label={t('name')} rules={[{ required: true, whitespace: true, message: t('required') }]}>
        <Input style={{ width: 220 }} maxLength={200} />
      </Form.Item>
      <Form.Item name="delegation" label={t('delegation')} rules={[{ required: true, message: t('required') }]}>
        <Select style={{ width: 180 }} options={delegations.map((d) => ({ value: d, label: d }))} />
      </Form.Item>
      <Form.Item name="targetQuantity" label={t('target')} rules={[{ required: true, whitespace: true, message: t('required') }]}>
        <Input inputMode="decimal" style={{ width: 100 }} />
      </Form.Item>
      <Form.Item name="unit" label={t('unit')} rules={[{ required: true, whitespace: true, message: t('required') }]}>
        <Input style={{ width: 90 }} maxLength={32} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={fetching}>
        {t('add')}
      </Button>
      {error && <ErrorNotice error={error} />}
    </Form>
  );
}
