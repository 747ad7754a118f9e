import { Form, Input, Modal, Typography } from 'antd';
import { useMutation } from 'urql';
import { useFormErrors, useMessages } from '@kpd/web-kit';
import { monthCloseMessages as messages } from '../month-close.messages';
import { DECIDE, DECIDE_PLAN } from './queries';

export function DecideModal({ correction, approve, onDone, onCancel, plan = false }: { correction: { id: string }; approve: boolean; onDone: () => void; onCancel: () => void; plan?: boolean }) {
  const t = useMessages(messages);
  const [form] = Form.useForm<{ reason: string }>();
  const errors = useFormErrors(form);
  const [correctionState, decideCorrection] = useMutation(DECIDE);
  const [planState, decidePlan] = useMutation(DECIDE_PLAN);
  const state = plan ? planState : correctionState;
  const submit = async ({ reason }: { reason: string }) => {
    const variables = { id: correction.id, approve, reason: reason ?? '' };
    const r = plan ? await decidePlan(variables) : await decideCorrection(variables);
    if (errors.show(r.error)) return;
    onDone();
  };
  return (
    <Modal open title={approve ? t('approveTitle') : t('rejectTitle')} onCancel={onCancel} onOk={() => form.submit()} confirmLoading={state.fetching} okText={approve ? t('approve') : t('reject')} data-testid="decide-modal">
      <Typography.Paragraph>{approve ? t(plan ? 'approvePlanHint' : 'approveHint') : t('rejectHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="reason" label={t('decisionReason')} rules={approve ? [] : [{ required: true, whitespace: true, message: t('rejectNeedsReason') }]}>
          <Input.TextArea rows={2} maxLength={500} data-testid="decision-reason" />
        </Form.Item>
        {errors.notice}
      </Form>
    </Modal>
  );
}
