import { useState } from 'react';
import { Alert, Button, Descriptions, Drawer, Form, Input, Space, Table, Tag, Tooltip, Typography, Upload } from 'antd';
import { useMutation, useQuery } from 'urql';
import { ErrorNotice, formatMoney, formatPeriod, QueryState, uploadFile, UploadError, useLocale, useMessages } from '@kpd/web-kit';
import { messages } from './messages';

interface Light {
  period: string;
  color: 'GREEN' | 'YELLOW' | 'RED';
  reason: string;
}
interface Report {
  id: string;
  period: string;
  actualInvestment: string;
  plannedInvestment: string | null;
  progress: string;
  version: number;
  light: Light | null;
}
interface Detail {
  id: string;
  code: string;
  name: string;
  totalInvestment: string;
  constructionStart: string;
  constructionEnd: string;
  district: { name: string };
  planMonths: Array<{ period: string; plannedInvestment: string }>;
  reports: Report[];
  lights: Light[];
}

const DETAIL = /* GraphQL */ `
  query ProjectDetail($id: ID!) {
    project(id: $id) {
      id code name totalInvestment constructionStart constructionEnd district { name }
      planMonths { period plannedInvestment }
      reports { id period actualInvestment plannedInvestment progress version light { period color reason } }
      lights { period color reason }
    }
  }
`;
const SAVE = /* GraphQL */ `
  mutation SaveMonthlyReport($input: MonthlyReportInput!) {
    saveMonthlyReport(input: $input) { id period actualInvestment version light { period color reason } }
  }
`;

const COLORS = { GREEN: 'green', YELLOW: 'gold', RED: 'red' } as const;

function Lamp({ light }: { light: Light | null | undefined }) {
  const t = useMessages(messages);
  if (!light) return <Typography.Text type="secondary">{t('noLight')}</Typography.Text>;
  return (
    <Tooltip title={light.reason}>
      <Tag color={COLORS[light.color]}>{t(light.color)}</Tag>
    </Tooltip>
  );
}

/** A project's plan and actual investment by month, its lights with their reasons, and the monthly report form. */
export function ProjectDetail({ id, onClose }: { id: string | null; onClose: () => void }) {
  const t = useMessages(messages);
  const locale = useLocale();
  const [{ data, fetching, error }, refetch] = useQuery<{ project: Detail }>({ query: DETAIL, variables: { id }, pause: !id });
  return (
    <Drawer open={id !== null} onClose={onClose} size="large" title={data?.project.name ?? t('detail')} destroyOnHidden data-testid="project-detail">
      <QueryState fetching={fetching} error={error} data={data} isEmpty={() => false} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
        {({ project: p }) => {
          const months = new Map<string, { period: string; planned: string | null; report: Report | null; light: Light | null }>();
          for (const m of p.planMonths) months.set(m.period, { period: m.period, planned: m.plannedInvestment, report: null, light: null });
          for (const r of p.reports) months.set(r.period, { ...(months.get(r.period) ?? { period: r.period, planned: r.plannedInvestment, light: null }), report: r });
          for (const l of p.lights) months.set(l.period, { ...(months.get(l.period) ?? { period: l.period, planned: null, report: null }), light: l });
          const rows = [...months.values()].sort((a, b) => b.period.localeCompare(a.period));
          return (
            <>
              <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
                <Descriptions.Item label={t('code')}>{p.code}</Descriptions.Item>
                <Descriptions.Item label={t('district')}>{p.district.name}</Descriptions.Item>
                <Descriptions.Item label={t('investment')}>{formatMoney(p.totalInvestment)}</Descriptions.Item>
                <Descriptions.Item label={t('construction')}>
                  {formatPeriod(p.constructionStart, locale)} – {formatPeriod(p.constructionEnd, locale)}
                </Descriptions.Item>
              </Descriptions>
              <ReportForm projectId={p.id} reports={p.reports} onSaved={() => refetch({ requestPolicy: 'network-only' })} />
              <Typography.Title level={5} style={{ marginTop: 16 }}>
                {t('byMonth')}
              </Typography.Title>
              <Table
                rowKey="period"
                size="small"
                data-testid="month-table"
                dataSource={rows}
                pagination={rows.length > 12 ? { pageSize: 12, showSizeChanger: false } : false}
                columns={[
                  { title: t('month'), dataIndex: 'period', render: (v: string) => formatPeriod(v, locale), width: 100 },
                  { title: t('planned'), dataIndex: 'planned', render: (v: string | null) => (v ? formatMoney(v) : '—'), align: 'right' },
                  { title: t('actual'), render: (_: unknown, r) => (r.report ? formatMoney(r.report.actualInvestment) : '—'), align: 'right' },
                  { title: t('light'), render: (_: unknown, r) => <Lamp light={r.light ?? r.report?.light} />, width: 80 },
                  { title: t('reason'), render: (_: unknown, r) => (r.light ?? r.report?.light)?.reason ?? '', ellipsis: true },
                ]}
              />
            </>
          );
        }}
      </QueryState>
    </Drawer>
  );
}

function ReportForm({ projectId, reports, onSaved }: { projectId: string; reports: Report[]; onSaved: () => void }) {
  const t = useMessages(messages);
  const locale = useLocale();
  const [form] = Form.useForm<{ period: string; actualInvestment: string; progress: string }>();
  const [photos, setPhotos] = useState<Array<{ id: string; name: string }>>([]);
  const [uploading, setUploading] = useState<number | null>(null);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const [saved, setSaved] = useState<{ period: string; light: Light | null } | null>(null);
  const [{ fetching, error }, save] = useMutation<{ saveMonthlyReport: { period: string; light: Light | null } }>(SAVE);

  const submit = async (v: { period: string; actualInvestment: string; progress: string }) => {
    setSaved(null);
    const existing = reports.find((r) => r.period === v.period);
    const r = await save({
      input: {
        projectId,
        period: v.period,
        actualInvestment: v.actualInvestment.trim(),
        progress: v.progress ?? '',
        photoIds: photos.length ? photos.map((p) => p.id) : null,
        version: existing?.version ?? null,
      },
    });
    if (r.data) {
      setSaved(r.data.saveMonthlyReport);
      setPhotos([]);
      onSaved();
    }
  };

  return (
    <div data-testid="report-form">
      <Typography.Title level={5}>{t('report')}</Typography.Title>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ progress: '' }}>
        <Space wrap align="start">
          <Form.Item name="period" label={t('month')} rules={[{ required: true, pattern: /^\d{4}-\d{2}$/, message: t('periodHint') }]}>
            <Input type="month" style={{ width: 170 }} data-testid="report-period" />
          </Form.Item>
          <Form.Item name="actualInvestment" label={t('actualYuan')} rules={[{ required: true, pattern: /^\d+(\.\d{1,2})?$/, message: t('yuanHint') }]}>
            <Input inputMode="decimal" suffix="元" style={{ width: 200 }} data-testid="report-actual" />
          </Form.Item>
        </Space>
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
              <Tag key={p.id} closable onClose={() => setPhotos((all) => all.filter((x) => x.id !== p.id))}>
                {p.name}
              </Tag>
            ))}
          </Space>
        </Form.Item>
        {uploadError !== null && <ErrorNotice error={uploadError} />}
        {error && <ErrorNotice error={error} />}
        {saved && (
          <Alert
            type="success"
            showIcon
            data-testid="report-saved"
            style={{ marginBottom: 8 }}
            title={
              <>
                {t('saved', { month: formatPeriod(saved.period, locale) })} <Lamp light={saved.light} /> {saved.light?.reason ?? ''}
              </>
            }
          />
        )}
        <Button type="primary" htmlType="submit" loading={fetching} disabled={uploading !== null} data-testid="report-save">
          {t('save')}
        </Button>
      </Form>
    </div>
  );
}
