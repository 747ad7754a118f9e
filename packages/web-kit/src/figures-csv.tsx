import { Button } from 'antd';
import { useMessages, type Messages } from './i18n';

const messages: Messages<'download' | 'hint'> = {
  zh: { download: '下载 CSV', hint: '按当前条件下载这张表（UTF-8，金额为精确小数）' },
  en: { download: 'Download CSV', hint: 'This table as CSV, as filtered now (UTF-8, exact amounts)' },
};

/** Where a figures query downloads as CSV (GET, the session cookie or an API token): the API's figures route. */
export function figuresCsvUrl(query: string, args: Record<string, string | number | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(args)) if (value !== null && value !== undefined && value !== '') params.set(name, String(value));
  const search = params.toString();
  return `/api/exports/figures/${encodeURIComponent(query)}.csv${search ? `?${search}` : ''}`;
}

/** 下载 CSV: the figures table on screen, with the same arguments, as a CSV file. */
export function FiguresCsvButton({ query, args, testId }: { query: string; args: Record<string, string | number | null | undefined>; testId?: string }) {
  const t = useMessages(messages);
  return (
    <Button size="small" href={figuresCsvUrl(query, args)} download title={t('hint')} data-testid={testId ?? `csv-${query}`}>
      {t('download')}
    </Button>
  );
}
