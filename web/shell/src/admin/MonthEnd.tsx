import { useState } from 'react';
import { Alert, Button, Form, Popconfirm, Typography } from 'antd';
import { useMutation } from 'urql';
import { formatPeriod, MonthPicker, previousMonth, thisMonthInChina, useFormErrors, useLocale, useMessages } from '@kpd/web-kit';
import { adminMessages } from './messages';
import { RUN_MONTH_END } from './queries';

/** 月底亮灯: runs the month-end job for a month of the admin's scope and says how many projects it lit. */
export function MonthEnd() {
  const t = useMessages(adminMessages);
  const locale = useLocale();
  const [form] = Form.useForm<{ period: string }>();
  const errors = useFormErrors(form);
  const [{ fetching }, run] = useMutation(RUN_MONTH_END);
  const [result, setResult] = useState<{ period: string; n: number } | null>(null);
  const period = Form.useWatch('period', form);
  const submit = async ({ period }: { period: string }) => {
    errors.clear();
    setResult(null);
    const res = await run({ period });
    if (errors.show(res.error)) return;
    setResult({ period, n: res.data!.runMonthEndLights });
  };
  return (
    <div style={{ maxWidth: 640 }}>
      <Typography.Paragraph type="secondary">{t('monthEndIntro')}</Typography.Paragraph>
      {/* No onFinish: Enter in the month field must not run the job past its confirmation. */}
      <Form form={form} layout="inline" initialValues={{ period: previousMonth() }}>
        <Form.Item name="period" label={t('monthEndPeriod')} rules={[{ required: true, message: t('periodRule') }]}>
          <MonthPicker max={thisMonthInChina()} testId="month-end-period" />
        </Form.Item>
        <Form.Item>
          <Popconfirm title={t('monthEndConfirm', { period: formatPeriod(period, locale) })} onConfirm={() => form.validateFields().then(submit, () => undefined)} okText={t('monthEndRun')} cancelText={t('cancel')}>
            <Button type="primary" loading={fetching} data-testid="month-end-run">
              {t('monthEndRun')}
            </Button>
          </Popconfirm>
        </Form.Item>
      </Form>
      <div style={{ marginTop: 12 }}>{errors.notice}</div>
      {result && (
        <Alert
          type={result.n > 0 ? 'success' : 'info'}
          showIcon
          title={t('monthEndHistory')}
          description={<span data-testid="month-end-result">{result.n > 0 ? t('monthEndResult', { period: formatPeriod(result.period, locale), n: result.n }) : t('monthEndNone', { period: formatPeriod(result.period, locale) })}</span>}
        />
      )}
    </div>
  );
}
