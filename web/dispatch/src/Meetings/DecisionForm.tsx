import { useState } from 'react';
import { Alert, Button, Card, Form, Input, InputNumber, Select } from 'antd';
import { useMutation } from 'urql';
import { useFormErrors, useMessages } from '@kpd/web-kit';
import type { ProblemCategory } from '../gql/graphql';
import { messages } from '../messages';
import { DECISION, type MeetingDetail } from './queries';

const CATEGORIES = ['LAND', 'PLANNING', 'PERMITS', 'POWER', 'DEMOLITION', 'UTILITIES', 'FINANCING', 'OTHER'] as const;

export function DecisionForm({ meeting, onAdded }: { meeting: MeetingDetail; onAdded: () => void }) {
  const t = useMessages(messages);
  const [form] = Form.useForm<{ projectId: string; category: ProblemCategory; title: string; ownerUnit: string; workingDays: number }>();
  const [added, setAdded] = useState(false);
  const [{ fetching }, add] = useMutation(DECISION);
  const errors = useFormErrors(form);
  if (meeting.list.length === 0) return null;
  return (
    <Card size="small" title={t('addDecision')} style={{ marginTop: 12 }}>
      <Form
        form={form}
        layout="inline"
        style={{ rowGap: 8 }}
        initialValues={{ category: 'OTHER', workingDays: 10 }}
        onFinish={async (v) => {
          setAdded(false);
          errors.clear();
          const r = await add({ meetingId: meeting.id, input: { projectId: v.projectId, category: v.category, title: v.title ?? '', ownerUnit: v.ownerUnit ?? '', workingDays: v.workingDays } });
          if (!errors.show(r.error)) {
            setAdded(true);
            form.resetFields(['title', 'ownerUnit']);
            onAdded();
          }
        }}
      >
        <Form.Item name="projectId" label={t('project')} rules={[{ required: true, message: t('project') }]}>
          <Select data-testid="decision-project" showSearch={{ optionFilterProp: 'label' }} style={{ width: 240 }} options={meeting.list.map((e) => ({ value: e.project.id, label: e.project.name }))} />
        </Form.Item>
        <Form.Item name="category" label={t('category')}>
          <Select style={{ width: 120 }} options={CATEGORIES.map((c) => ({ value: c, label: t(c) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('problem')}>
          <Input style={{ width: 240 }} data-testid="decision-title" />
        </Form.Item>
        <Form.Item name="ownerUnit" label={t('ownerUnit')}>
          <Input style={{ width: 200 }} data-testid="decision-owner" />
        </Form.Item>
        <Form.Item name="workingDays" label={t('deadline')}>
          <InputNumber min={0} max={365} addonAfter={t('workingDays', { n: '' }).trim()} style={{ width: 170 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={fetching} data-testid="decision-add">
          {t('addDecision')}
        </Button>
        {errors.notice && <div style={{ width: '100%', marginTop: 8 }}>{errors.notice}</div>}
        {added && <Alert style={{ width: '100%', marginTop: 8 }} type="success" showIcon title={t('decisionAdded')} />}
      </Form>
    </Card>
  );
}
