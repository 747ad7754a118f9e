import { useEffect } from 'react';
import { App as AntApp, Button, Form, Input, Progress, Radio, Select, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery } from 'urql';
import { formatDateTime, QueryState, useFormErrors, useMessages } from '@kpd/web-kit';
import type { ExportFormat, ExportJobsQuery } from '../gql/graphql';
import { exportMessages } from './messages';
import { EXPORT_JOBS, START_EXPORT } from './queries';

type Job = ExportJobsQuery['exportJobs'][number];

/** Queries an analyst starts from (any connection query of the schema works). */
export const TEMPLATES = {
  templateProjects: 'query {\n  projects {\n    totalCount\n    nodes { id name stage totalInvestment district { name } }\n  }\n}',
  templateSecretaries: 'query {\n  secretaries {\n    nodes { id name title district { name } }\n  }\n}',
  templateProblems: 'query {\n  problems {\n    nodes { id title status project { name } }\n  }\n}',
} as const;

interface Values {
  query: string;
  variables?: string;
  format: ExportFormat;
}

const STATUS_COLOR: Record<string, string | undefined> = { QUEUED: undefined, RUNNING: 'blue', DONE: 'green', FAILED: 'red' };

/**
 * 批量导出 (admins and analysts): start an export of any connection query, watch its progress, and
 * download the file. A query may arrive from another page in ?query=&variables= (the project list's 导出).
 */
export function ExportsPage() {
  return (
    <AntApp>
      <Exports />
    </AntApp>
  );
}

function Exports() {
  const t = useMessages(exportMessages);
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const errors = useFormErrors(form);
  const [{ fetching: starting }, start] = useMutation(START_EXPORT);
  const [{ data, fetching, error }, refetch] = useQuery({ query: EXPORT_JOBS, requestPolicy: 'network-only' });
  const busy = data?.exportJobs.some((j) => j.status === 'QUEUED' || j.status === 'RUNNING') ?? false;
  useEffect(() => {
    if (!busy) return undefined;
    const timer = window.setInterval(() => refetch({ requestPolicy: 'network-only' }), 1500);
    return () => window.clearInterval(timer);
  }, [busy, refetch]);

  const submit = async (values: Values) => {
    errors.clear();
    const res = await start({ query: values.query, variables: values.variables?.trim() || null, format: values.format });
    if (errors.show(res.error)) return;
    message.success(t('started'));
    refetch({ requestPolicy: 'network-only' });
  };

  const params = new URLSearchParams(window.location.search);
  return (
    <>
      <Typography.Title level={3}>{t('title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('hint')}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        requiredMark={false}
        initialValues={{ query: params.get('query') ?? TEMPLATES.templateProjects, variables: params.get('variables') ?? '', format: 'CSV' }}
        style={{ maxWidth: 760 }}
        data-testid="export-form"
      >
        <Form.Item label={t('template')}>
          <Select
            data-testid="export-template"
            placeholder={t('template')}
            options={(Object.keys(TEMPLATES) as Array<keyof typeof TEMPLATES>).map((k) => ({ value: k, label: t(k) }))}
            onChange={(k: keyof typeof TEMPLATES) => form.setFieldsValue({ query: TEMPLATES[k], variables: '' })}
          />
        </Form.Item>
        <Form.Item name="query" label={t('query')} rules={[{ required: true, whitespace: true, message: t('queryRule') }]}>
          <Input.TextArea rows={8} spellCheck={false} style={{ fontFamily: 'monospace' }} data-testid="export-query" />
        </Form.Item>
        <Form.Item name="variables" label={t('variables')} extra={t('variablesHint')}>
          <Input.TextArea rows={2} spellCheck={false} style={{ fontFamily: 'monospace' }} data-testid="export-variables" />
        </Form.Item>
        <Form.Item name="format" label={t('format')}>
          <Radio.Group
            options={[
              { value: 'CSV', label: 'CSV' },
              { value: 'XLSX', label: 'Excel (.xlsx)' },
              { value: 'JSONL', label: 'JSON Lines' },
            ]}
          />
        </Form.Item>
        {errors.notice}
        <Button type="primary" htmlType="submit" loading={starting} data-testid="export-start">
          {t('start')}
        </Button>
      </Form>
      <Typography.Title level={4} style={{ marginTop: 24 }}>
        {t('jobs')}
      </Typography.Title>
      <QueryState fetching={fetching && !data} error={error} data={data} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
        {(d) => (
          <Table<Job>
            data-testid="export-jobs"
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={d.exportJobs}
            scroll={{ x: 900 }}
            columns={[
              { title: t('id'), dataIndex: 'id' },
              { title: t('connection'), dataIndex: 'connection' },
              { title: t('format'), dataIndex: 'format' },
              { title: t('status'), dataIndex: 'status', render: (s: string) => <Tag color={STATUS_COLOR[s]} data-testid="export-status">{t(s as 'DONE')}</Tag> },
              {
                title: t('rows'),
                key: 'rows',
                render: (_: unknown, j) =>
                  j.status === 'RUNNING' && j.totalCount ? (
                    <Progress percent={Math.min(100, Math.floor((j.rowCount / j.totalCount) * 100))} size="small" format={() => `${j.rowCount} / ${j.totalCount}`} />
                  ) : (
                    j.rowCount
                  ),
              },
              { title: t('createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
              {
                title: t('download'),
                key: 'download',
                render: (_: unknown, j) =>
                  j.downloadUrl ? (
                    <a href={j.downloadUrl} download data-testid={`export-download-${j.id}`}>
                      {t('download')}
                    </a>
                  ) : j.error ? (
                    <Typography.Text type="danger">{j.error}</Typography.Text>
                  ) : null,
              },
            ]}
          />
        )}
      </QueryState>
    </>
  );
}
