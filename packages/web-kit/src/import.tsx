import { useState } from 'react';
import { Alert, Button, Progress, Space, Table, Typography, Upload } from 'antd';
import { ErrorNotice } from './states';
import { useMessages, type Messages } from './i18n';
import { uploadFile, UploadError } from './upload';

/** One problem an import found (GraphQL ImportProblem). */
export interface ImportProblem {
  row: number;
  column: string;
  header: string;
  reason: string;
}

/** What an import found and did (GraphQL ImportResult). */
export interface ImportResult {
  dryRun: boolean;
  committed: boolean;
  totalRows: number;
  validRows: number;
  created: number;
  updated: number;
  problems: ImportProblem[];
}

/** The fields to select on an ImportResult. */
export const IMPORT_RESULT_FIELDS = 'dryRun committed totalRows validRows created updated problems { row column header reason }';

export const importMessages: Messages<
  | 'choose' | 'uploading' | 'check' | 'commit' | 'row' | 'column' | 'reason' | 'noProblems' | 'problems' | 'committed' | 'fileRow'
  | 'uploadNetwork' | 'again' | 'onlyXlsx' | 'chooseCsv' | 'onlyXlsxCsv'
> = {
  zh: {
    choose: '选择 Excel 文件（.xlsx）',
    uploading: '上传中',
    check: '试导入检查',
    commit: '确认导入',
    row: '行号',
    column: '列',
    reason: '问题',
    noProblems: '未发现问题，共 {n} 行，可以确认导入。',
    problems: '发现 {n} 个问题（共 {rows} 行，有效 {valid} 行），请修改表格后重新上传；有问题时不会写入任何数据。',
    committed: '导入完成：新增 {created} 条，更新 {updated} 条。',
    fileRow: '文件',
    uploadNetwork: '上传失败：无法连接服务器，请检查网络后重试。',
    again: '重新选择文件',
    onlyXlsx: '请选择 .xlsx 文件',
    chooseCsv: '选择 Excel 或 CSV 文件（.xlsx / .csv）',
    onlyXlsxCsv: '请选择 .xlsx 或 .csv 文件',
  },
  en: {
    choose: 'Choose an Excel file (.xlsx)',
    uploading: 'Uploading',
    check: 'Check (dry run)',
    commit: 'Import',
    row: 'Row',
    column: 'Column',
    reason: 'Problem',
    noProblems: 'No problems, {n} rows: ready to import.',
    problems: '{n} problems ({rows} rows, {valid} valid). Fix the sheet and upload it again; nothing is written while a problem remains.',
    committed: 'Imported: {created} created, {updated} updated.',
    fileRow: 'File',
    uploadNetwork: 'Upload failed: cannot reach the server. Check the network and retry.',
    again: 'Choose another file',
    onlyXlsx: 'Choose an .xlsx file',
    chooseCsv: 'Choose an Excel or CSV file (.xlsx / .csv)',
    onlyXlsxCsv: 'Choose an .xlsx or .csv file',
  },
};

/** What a dry run or commit found: every problem by row, column header and reason, or "no problems, N rows". */
export function ImportResultView({ result }: { result: ImportResult }) {
  const t = useMessages(importMessages);
  if (result.committed) {
    return <Alert type="success" showIcon data-testid="import-committed" title={t('committed', { created: result.created, updated: result.updated })} />;
  }
  if (result.problems.length === 0) {
    return <Alert type="success" showIcon data-testid="import-ok" title={t('noProblems', { n: result.totalRows })} />;
  }
  return (
    <>
      <Alert
        type="warning"
        showIcon
        data-testid="import-problem-count"
        title={t('problems', { n: result.problems.length, rows: result.totalRows, valid: result.validRows })}
        style={{ marginBottom: 8 }}
      />
      <Table<ImportProblem & { key: number }>
        size="small"
        data-testid="import-problems"
        pagination={result.problems.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        dataSource={result.problems.map((p, key) => ({ ...p, key }))}
        columns={[
          { title: t('row'), dataIndex: 'row', width: 80, render: (v: number) => (v === 0 ? t('fileRow') : v) },
          { title: t('column'), dataIndex: 'header', width: 200, render: (v: string, p) => (v || p.column ? `${p.column ? `${p.column} ` : ''}${v}`.trim() : '—') },
          { title: t('reason'), dataIndex: 'reason' },
        ]}
      />
    </>
  );
}

/**
 * Choose an .xlsx (or, with `csv`, a CSV export too), upload it (with progress), run the import as a
 * dry run and show what it found; a commit button runs it for real once the dry run found no problem.
 * `run` calls the import mutation and answers its ImportResult, or throws/answers its error.
 */
export function ImportPanel({
  run,
  disabled,
  onCommitted,
  csv = false,
}: {
  run: (fileId: string, dryRun: boolean) => Promise<{ data?: ImportResult; error?: unknown }>;
  disabled?: boolean;
  onCommitted?: (result: ImportResult) => void;
  csv?: boolean;
}) {
  const t = useMessages(importMessages);
  const [progress, setProgress] = useState<number | null>(null);
  const [fileId, setFileId] = useState<string | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const call = async (id: string, dryRun: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const answer = await run(id, dryRun);
      if (answer.error || !answer.data) setError(answer.error ?? new Error('no answer'));
      else {
        setResult(answer.data);
        if (answer.data.committed) onCommitted?.(answer.data);
      }
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const choose = async (file: File) => {
    setResult(null);
    setError(null);
    setFileId(null);
    setFileName(file.name);
    if (!(csv ? /\.(xlsx|csv)$/i : /\.xlsx$/i).test(file.name)) {
      setError(new Error(t(csv ? 'onlyXlsxCsv' : 'onlyXlsx')));
      return;
    }
    setProgress(0);
    try {
      const stored = await uploadFile(file, 'spreadsheet', setProgress);
      setFileId(stored.id);
      await call(stored.id, true);
    } catch (e) {
      setError(e instanceof UploadError && e.status === 0 ? new Error(t('uploadNetwork')) : e);
    } finally {
      setProgress(null);
    }
  };

  const canCommit = fileId !== null && result !== null && !result.committed && result.problems.length === 0 && result.totalRows > 0;
  return (
    <div data-testid="import-panel">
      <Space wrap style={{ marginBottom: 8 }}>
        <Upload
          accept={`.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet${csv ? ',.csv,text/csv' : ''}`}
          showUploadList={false}
          disabled={disabled || busy || progress !== null}
          beforeUpload={(file) => {
            void choose(file as unknown as File);
            return false;
          }}
        >
          <Button disabled={disabled || busy || progress !== null} data-testid="import-choose">
            {fileName ? t('again') : t(csv ? 'chooseCsv' : 'choose')}
          </Button>
        </Upload>
        {fileName && <Typography.Text type="secondary">{fileName}</Typography.Text>}
        {fileId && !canCommit && !result?.committed && (
          <Button onClick={() => void call(fileId, true)} loading={busy} disabled={disabled}>
            {t('check')}
          </Button>
        )}
        {canCommit && (
          <Button type="primary" onClick={() => void call(fileId, false)} loading={busy} disabled={disabled} data-testid="import-commit">
            {t('commit')}
          </Button>
        )}
      </Space>
      {progress !== null && <Progress percent={progress} size="small" status="active" data-testid="import-progress" format={(p) => `${t('uploading')} ${p}%`} />}
      {error !== null && <ErrorNotice error={error} />}
      {result && <ImportResultView result={result} />}
    </div>
  );
}
