import { useState } from 'react';
import { Alert, Button, Popover, Select, Space, Typography } from 'antd';
import { useMutation, useQuery } from 'urql';
import { readableError, chineseMessage, MonthPicker, previousMonth, useLocale, useMessages, type Messages, type Viewer } from '@kpd/web-kit';
import { graphql } from './gql';
import type { ExportFormat, ProjectFilter } from './gql/graphql';
import { EDIT_DISTRICTS } from './edit/queries';
import { messages } from './messages';

type Key = 'xlsx' | 'csv' | 'monthlyReport' | 'monthlyReportHelp' | 'month' | 'district' | 'chooseDistrict' | 'download';

const exportMessages: Messages<Key> = {
  zh: {
    xlsx: 'Excel 台账',
    csv: 'CSV',
    monthlyReport: '月度计划完成表',
    monthlyReportHelp: '一个区县一个月的计划、完成、亮灯和进度（.xlsx），即上报的月报表。',
    month: '月份',
    district: '区县',
    chooseDistrict: '请选择区县',
    download: '下载',
  },
  en: {
    xlsx: 'Excel ledger',
    csv: 'CSV',
    monthlyReport: 'Monthly report',
    monthlyReportHelp: 'A district’s month: plan, actual, light and progress of each project (.xlsx), the report sent up.',
    month: 'Month',
    district: 'District',
    chooseDistrict: 'Choose a district',
    download: 'Download',
  },
};

const START_PROJECT_EXPORT = graphql(`
  mutation StartProjectExport($query: String!, $variables: String, $format: ExportFormat!) {
    startExport(query: $query, variables: $variables, format: $format) { id status }
  }
`);

/** What the list's export holds: the list's columns, nested objects as dotted column names. */
export const PROJECT_EXPORT_QUERY = `query($filter: ProjectFilter) {
  projects(filter: $filter) {
    totalCount
    nodes { id code name category stage totalInvestment keyPush district { name } }
  }
}`;

/**
 * 导出: starts a bulk export of every project of the current filter — the ledger as an Excel workbook,
 * or CSV; the file is on the 导出 page.
 */
export function ExportButton({ filter }: { filter: ProjectFilter }) {
  const t = useMessages(messages);
  const locale = useLocale();
  const [{ fetching }, start] = useMutation(START_PROJECT_EXPORT);
  const te = useMessages(exportMessages);
  const [format, setFormat] = useState<ExportFormat>('XLSX');
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const run = async () => {
    const res = await start({ query: PROJECT_EXPORT_QUERY, variables: JSON.stringify({ filter }), format });
    if (res.error) {
      const e = readableError(res.error);
      setNotice({ ok: false, text: locale === 'zh' ? chineseMessage(e) : e.message });
    } else setNotice({ ok: true, text: t('exportStarted', { id: res.data!.startExport.id }) });
  };
  return (
    <>
      <Space.Compact>
        <Select<ExportFormat>
          value={format}
          onChange={setFormat}
          style={{ width: 130 }}
          options={[
            { value: 'XLSX', label: te('xlsx') },
            { value: 'CSV', label: te('csv') },
          ]}
          data-testid="project-export-format"
        />
        <Button onClick={run} loading={fetching} data-testid="project-export">
          {t('export')}
        </Button>
      </Space.Compact>
      {notice && (
        <Alert
          type={notice.ok ? 'success' : 'error'}
          showIcon
          closable
          onClose={() => setNotice(null)}
          data-testid="project-export-notice"
          title={notice.text}
          description={notice.ok ? <a href="/exports">{t('exportOpen')}</a> : undefined}
        />
      )}
    </>
  );
}

/**
 * 月度计划完成表: a district's month as the workbook sent up (/api/projects/monthly-report.xlsx), for a
 * month and a district chosen here (a district's own users have theirs).
 */
export function MonthlyReportButton({ viewer, districtId, month }: { viewer: Viewer; districtId: string | null; month: string }) {
  const te = useMessages(exportMessages);
  const own = viewer.area.level === 'DISTRICT' ? viewer.area.id : null;
  const [open, setOpen] = useState(false);
  const [period, setPeriod] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [districts] = useQuery({ query: EDIT_DISTRICTS, pause: !open || own !== null });
  const district = own ?? chosen ?? districtId;
  const at = period ?? month;
  const href = district ? `/api/projects/monthly-report.xlsx?period=${at}&districtId=${district}` : undefined;
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      title={te('monthlyReport')}
      content={
        <Space orientation="vertical" style={{ maxWidth: 320 }} data-testid="monthly-report">
          <Typography.Text type="secondary">{te('monthlyReportHelp')}</Typography.Text>
          <Space wrap>
            <span>{te('month')}</span>
            <MonthPicker value={at} onChange={(v) => v && setPeriod(v)} max={previousMonth()} testId="monthly-report-month" />
          </Space>
          {own === null && (
            <Space wrap>
              <span>{te('district')}</span>
              <Select
                style={{ width: 180 }}
                placeholder={te('chooseDistrict')}
                value={district ?? undefined}
                onChange={setChosen}
                loading={districts.fetching}
                options={(districts.data?.districts ?? []).map((d) => ({ value: d.id, label: d.name }))}
                data-testid="monthly-report-district"
              />
            </Space>
          )}
          <Button type="primary" href={href} disabled={!href} data-testid="monthly-report-download">
            {te('download')}
          </Button>
        </Space>
      }
    >
      <Button data-testid="monthly-report-open">{te('monthlyReport')}</Button>
    </Popover>
  );
}
