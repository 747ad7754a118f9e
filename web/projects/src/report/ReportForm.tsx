/**
 * 填报月报: a month's completion report (actual investment, progress, site photos) with the light it
 * turns, picked by month in the admin's language. A closed month (月度关账) takes the report only as
 * a correction request with a reason. The server's refusals show under the fields they name.
 */
import { useRef, useState } from 'react';
import { Alert, Button, Form, Input, Space, Tag, Typography, Upload } from 'antd';
import { useMutation } from 'urql';
import { ErrorNotice, errorExtension, formatPeriod, LightBadge, MonthPicker, thisMonthInChina, UploadError, uploadFile, useFormErrors, useLocale, useMessages } from '@kpd/web-kit';
import { graphql } from '../gql';
import type { LightColor } from '../gql/graphql';
import { messages } from '../messages';
import { checkSplit, InvestmentSplitSection, splitMessages, splitToSend, type SplitRow } from './InvestmentSplit';

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

type Light = { period: string; color: LightColor; reason: string };
interface Values {
  period: string;
  actualInvestment: string;
  progress: string;
  reason?: string;
  splitOn?: boolean;
  investmentBySource?: SplitRow[];
}

/** ?report=2020-09 (the home page's 填报月报) opens the report form on that month. */
function reportParam(): string | undefined {
  const v = new URLSearchParams(window.location.search).get('report');
  return v && /^\d{4}-\d{2}$/.test(v) ? v : undefined;
}

export function ReportForm({ projectId, reports, onSaved }: { projectId: string; reports: Array<{ period: string; version: number }>; onSaved: () => void }) {
  const t = useMessages(messages);
  const locale = useLocale();
  const [form] = Form.useForm<Values>();
  const [photos, setPhotos] = useState<Array<{ id: string; name: string }>>([]);
  const [uploading, setUploading] = useState<number | null>(null);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const [saved, setSaved] = useState<{ period: string; light: Light | null } | null>(null);
  const [{ fetching }, save] = useMutation(SAVE);
  // A closed month (月度关账) takes the report only as a correction request, with a reason.
  const [closedMonth, setClosedMonth] = useState<string | null>(null);
  const [requested, setRequested] = useState<string | null>(null);
  const [correction, requestCorrection] = useMutation(REQUEST_CORRECTION);
  const ts = useMessages(splitMessages);
  const codes = useRef<string[]>([]);
  const errors = useFormErrors(form, { photoIds: t('photos'), projectId: t('report'), investmentBySource: ts('split') });

  const submit = async (v: Values) => {
    setSaved(null);
    setRequested(null);
    errors.clear();
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
    const split = splitToSend(form, v.splitOn, v.investmentBySource);
    if (!checkSplit(form, v.actualInvestment, split, codes.current)) return;
    const r = await save({
      input: {
        projectId,
        period: v.period,
        actualInvestment: v.actualInvestment.trim(),
        progress: v.progress ?? '',
        photoIds: photos.length ? photos.map((p) => p.id) : null,
        version: existing?.version ?? null,
        investmentBySource: split,
      },
    });
    const closed = errorExtension(r.error, 'monthClosed');
    setClosedMonth(typeof closed === 'string' ? closed : null);
    if (typeof closed === 'string' || errors.show(r.error)) return;
    if (r.data) {
      setSaved(r.data.saveMonthlyReport);
      setPhotos([]);
      onSaved();
    }
  };

  return (
    <div data-testid="report-form">
      <Typography.Title level={5}>{t('report')}</Typography.Title>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ progress: '', period: reportParam() }}>
        <Space wrap align="start">
          <Form.Item name="period" label={t('month')} rules={[{ required: true, pattern: /^\d{4}-\d{2}$/, message: t('periodHint') }]}>
            <MonthPicker max={thisMonthInChina()} style={{ width: 170 }} testId="report-period" />
          </Form.Item>
          <Form.Item name="actualInvestment" label={t('actualYuan')} rules={[{ required: true, pattern: /^\d+(\.\d{1,2})?$/, message: t('yuanHint') }]}>
            <Input inputMode="decimal" suffix="元" style={{ width: 200 }} data-testid="report-actual" />
          </Form.Item>
        </Space>
        <InvestmentSplitSection projectId={projectId} codes={codes} />
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
                {t('saved', { month: formatPeriod(saved.period, locale) })} <LightBadge light={saved.light} testId="detail-light" /> {saved.light?.reason ?? ''}
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
