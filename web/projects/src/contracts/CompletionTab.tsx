import { useState } from 'react';
import { Alert, Button, Descriptions, Form, Input, Select, Space } from 'antd';
import { useMutation, useQuery } from 'urql';
import { DateInput, formatMoneyIn, QueryState, thisMonthInChina, useFormErrors, useMessages, wanInputToYuan, yuanToWanInput, type Viewer } from '@kpd/web-kit';
import { graphql } from '../gql';
import type { ProjectCompletionQuery } from '../gql/graphql';
import { contractMessages } from './messages';

const COMPLETION = graphql(`
  query ProjectCompletion($id: ID!) {
    project(id: $id) {
      id stage totalInvestment constructionEnd
      documents { id documentType title }
      completion { id endDate finalCost finalScope deviationReason recordedBy acceptance { id title } }
    }
  }
`);
const COMPLETE = graphql(`
  mutation CompleteProject($projectId: ID!, $input: CompletionInput!) { completeProject(projectId: $projectId, input: $input) { id endDate } }
`);

type Data = ProjectCompletionQuery['project'];
interface Values { endDate: string; finalCost: string; finalScope: string; deviationReason?: string; acceptanceDocumentId?: string | null }

/** A project's completion record (竣工): end date, final cost and scope beside the plan, why they differ, the acceptance document. */
export function CompletionTab({ projectId, viewer, onCompleted }: { projectId: string; viewer: Viewer; onCompleted: () => void }) {
  const t = useMessages(contractMessages);
  const [{ data, fetching, error }, refetch] = useQuery({ query: COMPLETION, variables: { id: projectId } });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const [editing, setEditing] = useState(false);
  const admin = viewer.role === 'ADMIN';
  return (
    <div data-testid="completion">
      <QueryState fetching={fetching} error={error} data={data} isEmpty={() => false} onRetry={reload}>
        {({ project: p }) => (
          <>
            {p.completion ? <Record project={p} /> : <Alert type="info" showIcon message={t('notCompleted')} style={{ marginBottom: 8 }} />}
            {admin && !editing && p.stage !== 'REMOVED' && (
              <Button type={p.completion ? 'default' : 'primary'} onClick={() => setEditing(true)} data-testid="completion-open">
                {p.completion ? t('edit') : t('complete')}
              </Button>
            )}
            {editing && (
              <CompletionForm
                project={p}
                onCancel={() => setEditing(false)}
                onSaved={() => {
                  setEditing(false);
                  reload();
                  onCompleted();
                }}
              />
            )}
          </>
        )}
      </QueryState>
    </div>
  );
}

function Record({ project: p }: { project: Data }) {
  const t = useMessages(contractMessages);
  const c = p.completion!;
  const diff = BigInt(c.finalCost.replace('.', '')) - BigInt(p.totalInvestment.replace('.', ''));
  const diffYuan = `${diff < 0n ? '-' : ''}${(diff < 0n ? -diff : diff).toString().padStart(3, '0').replace(/(\d\d)$/, '.$1')}`;
  return (
    <Descriptions size="small" column={2} bordered style={{ marginBottom: 8 }} data-testid="completion-record">
      <Descriptions.Item label={t('completionDate')}>{c.endDate}</Descriptions.Item>
      <Descriptions.Item label={t('plannedEnd')}>{p.constructionEnd}</Descriptions.Item>
      <Descriptions.Item label={t('finalCost')}>{formatMoneyIn(c.finalCost, 'wan')}</Descriptions.Item>
      <Descriptions.Item label={t('plannedCost')}>{formatMoneyIn(p.totalInvestment, 'wan')}</Descriptions.Item>
      <Descriptions.Item label={t('costDiff')} span={2}>{diff === 0n ? '0' : formatMoneyIn(diffYuan, 'wan')}</Descriptions.Item>
      <Descriptions.Item label={t('finalScope')} span={2}>{c.finalScope}</Descriptions.Item>
      <Descriptions.Item label={t('deviationReason')} span={2}><span data-testid="completion-deviation">{c.deviationReason || '—'}</span></Descriptions.Item>
      <Descriptions.Item label={t('acceptance')} span={2}>{c.acceptance?.title ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('recordedBy')} span={2}>{c.recordedBy ?? ''}</Descriptions.Item>
    </Descriptions>
  );
}

function CompletionForm({ project: p, onCancel, onSaved }: { project: Data; onCancel: () => void; onSaved: () => void }) {
  const t = useMessages(contractMessages);
  const [form] = Form.useForm<Values>();
  const errors = useFormErrors(form);
  const [{ fetching }, complete] = useMutation(COMPLETE);
  const c = p.completion;
  const submit = async (v: Values) => {
    const finalCost = wanInputToYuan(v.finalCost);
    if (!finalCost) return form.setFields([{ name: 'finalCost', errors: [t('wanHint')] }]);
    const r = await complete({ projectId: p.id, input: { endDate: v.endDate, finalCost, finalScope: v.finalScope, deviationReason: v.deviationReason || null, acceptanceDocumentId: v.acceptanceDocumentId ?? null } });
    if (errors.show(r.error)) return;
    onSaved();
  };
  const acceptances = p.documents.filter((d) => d.documentType === 'COMPLETION_CERTIFICATE');
  const initial: Partial<Values> = c
    ? { endDate: c.endDate, finalCost: yuanToWanInput(c.finalCost), finalScope: c.finalScope, deviationReason: c.deviationReason, acceptanceDocumentId: c.acceptance?.id ?? null }
    : { finalCost: yuanToWanInput(p.totalInvestment) };
  return (
    <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => void submit(v)} style={{ maxWidth: 560, marginTop: 8 }} data-testid="completion-form">
      <Space wrap>
        <Form.Item name="endDate" label={t('completionDate')} rules={[{ required: true, message: t('required') }]}>
          <DateInput testId="completion-date" max={`${thisMonthInChina()}-31`} />
        </Form.Item>
        <Form.Item name="finalCost" label={t('finalCost')} rules={[{ required: true, message: t('required') }]}>
          <Input inputMode="decimal" style={{ width: 180 }} data-testid="completion-cost" />
        </Form.Item>
      </Space>
      <Form.Item name="finalScope" label={t('finalScope')} rules={[{ required: true, whitespace: true, message: t('required') }]}>
        <Input.TextArea rows={2} maxLength={1000} data-testid="completion-scope" />
      </Form.Item>
      <Form.Item name="deviationReason" label={t('deviationReason')} extra={t('deviationHint')}>
        <Input.TextArea rows={2} maxLength={1000} data-testid="completion-reason" />
      </Form.Item>
      <Form.Item name="acceptanceDocumentId" label={t('acceptance')}>
        <Select allowClear options={acceptances.map((d) => ({ value: d.id, label: d.title }))} data-testid="completion-acceptance" />
      </Form.Item>
      {errors.notice}
      <Space>
        <Button type="primary" htmlType="submit" loading={fetching} data-testid="completion-save">{t('save')}</Button>
        <Button onClick={onCancel}>{t('cancel')}</Button>
      </Space>
    </Form>
  );
}
