import { Button, Card, Form, Input, Radio } from 'antd';
import { useMutation } from 'urql';
import { DateInput, useFormErrors, useMessages } from '@kpd/web-kit';
import type { RectificationStep } from '../../gql/graphql';
import { ratingMessages } from '../messages';
import { RECORD, type Rectification } from './queries';

interface StepValues {
  date: string;
  note: string;
  verdict?: 'yes' | 'no';
  owner?: string;
}

export function StepForm({ r, step, onRecorded }: { r: Rectification; step: RectificationStep; onRecorded: () => void }) {
  const t = useMessages(ratingMessages);
  const [form] = Form.useForm<StepValues>();
  const errors = useFormErrors(form, { founded: t('founded'), satisfied: t('satisfiedYes'), step: t('nextStep') });
  const [{ fetching }, record] = useMutation(RECORD);
  const required = [{ required: true, message: t('required') }];
  const submit = async (v: StepValues) => {
    errors.clear();
    const res = await record({
      id: r.id,
      expectedVersion: r.version,
      input: {
        step,
        date: v.date,
        note: v.note,
        founded: step === 'VERIFY' ? v.verdict === 'yes' : null,
        satisfied: step === 'RETURN_VISIT' ? v.verdict === 'yes' : null,
        owner: v.owner?.trim() || null,
      },
    });
    if (errors.show(res.error)) return;
    form.resetFields();
    onRecorded();
  };
  return (
    <Card size="small" title={t(`step_${step}`)} data-testid="step-form">
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="date" label={t('stepDate')} rules={required}>
          <DateInput min={r.openedOn} testId="step-date" />
        </Form.Item>
        {(step === 'VERIFY' || step === 'RETURN_VISIT') && (
          <Form.Item name="verdict" rules={required}>
            <Radio.Group data-testid="step-verdict">
              <Radio value="yes">{step === 'VERIFY' ? t('founded') : t('satisfiedYes')}</Radio>
              <Radio value="no">{step === 'VERIFY' ? t('unfounded') : t('satisfiedNo')}</Radio>
            </Radio.Group>
          </Form.Item>
        )}
        <Form.Item name="note" label={t('note')} rules={required}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="step-note" />
        </Form.Item>
        {step === 'VERIFY' && (
          <Form.Item name="owner" label={t('newOwner')}>
            <Input maxLength={64} />
          </Form.Item>
        )}
        {errors.notice}
        <Button type="primary" htmlType="submit" loading={fetching} data-testid="step-save">
          {t('record')}
        </Button>
      </Form>
    </Card>
  );
}
