/**
 * Lists: one table and one pager for every list of the admin. A server list is a cursor connection
 * (`first`/`after`, `totalCount`): `useCursorPages` keeps the cursors of the pages seen so the user
 * goes forward and back, and `CursorTable` shows one page with the pager under it. A list already in
 * memory pages the same way with `PagedTable`.
 */
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Button, Space, Table, Typography, type TableProps } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useLocale, useMessages, type Messages } from './i18n';
import { formatMoneyCell, MONEY_UNIT_LABELS, type MoneyUnit, type MoneyValue } from './money';
import { EmptyState, ErrorNotice, Loading } from './states';

export const tableMessages: Messages<'prev' | 'next' | 'pageOf' | 'total'> = {
  zh: { prev: '上一页', next: '下一页', pageOf: '第 {page} / {pages} 页', total: '共 {n} 条' },
  en: { prev: 'Previous', next: 'Next', pageOf: 'Page {page} of {pages}', total: '{n} in all' },
};

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}
export interface Connection<N> {
  totalCount: number;
  pageInfo: PageInfo;
  nodes: N[];
}

export interface CursorPages {
  /** Page size, for the query's `first`. */
  first: number;
  /** The cursor to ask after, for the query's `after`. */
  after: string | null;
  /** 1-based. */
  page: number;
  next(cursor: string): void;
  prev(): void;
  reset(): void;
}

/**
 * The cursors of the pages seen. Whenever `resetKey` changes (the filter), the list starts again at
 * its first page.
 */
export function useCursorPages(resetKey: unknown = null, pageSize = 20): CursorPages {
  const key = JSON.stringify(resetKey ?? null);
  const [state, setState] = useState<{ key: string; cursors: Array<string | null> }>({ key, cursors: [null] });
  const cursors = state.key === key ? state.cursors : [null];
  useEffect(() => {
    if (state.key !== key) setState({ key, cursors: [null] });
  }, [key, state.key]);
  return {
    first: pageSize,
    after: cursors[cursors.length - 1],
    page: cursors.length,
    next: (cursor) => setState({ key, cursors: [...cursors, cursor] }),
    prev: () => setState({ key, cursors: cursors.length > 1 ? cursors.slice(0, -1) : cursors }),
    reset: () => setState({ key, cursors: [null] }),
  };
}

/** The one pager: previous, "第 2 / 5 页 · 共 93 条", next. */
export function Pager({
  page,
  pageSize,
  total,
  hasNext,
  onPrev,
  onNext,
  testId = 'pager',
}: {
  page: number;
  pageSize: number;
  total: number;
  hasNext: boolean;
  onPrev: () => void;
  onNext: () => void;
  testId?: string;
}) {
  const t = useMessages(tableMessages);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <Space wrap style={{ marginTop: 12, width: '100%', justifyContent: 'flex-end' }} data-testid={testId}>
      <Typography.Text type="secondary" data-testid={`${testId}-total`}>
        {t('total', { n: total })}
      </Typography.Text>
      {pages > 1 && (
        <>
          <Button size="small" disabled={page <= 1} onClick={onPrev} data-testid={`${testId}-prev`}>
            {t('prev')}
          </Button>
          <Typography.Text data-testid={`${testId}-page`}>{t('pageOf', { page, pages })}</Typography.Text>
          <Button size="small" disabled={!hasNext} onClick={onNext} data-testid={`${testId}-next`}>
            {t('next')}
          </Button>
        </>
      )}
    </Space>
  );
}

type KitTableProps<N> = Omit<TableProps<N>, 'dataSource' | 'pagination' | 'loading'> & {
  testId?: string;
  /** What an empty list says. */
  empty?: ReactNode;
};

/**
 * One page of a cursor connection with the pager under it. While the next page loads, the page shown
 * stays, dimmed; an error shows the server's message with a retry.
 */
export function CursorTable<N extends object>({
  connection,
  pages,
  fetching,
  error,
  onRetry,
  testId,
  empty,
  ...table
}: KitTableProps<N> & {
  connection: Connection<N> | null | undefined;
  pages: CursorPages;
  fetching: boolean;
  error?: unknown;
  onRetry?: () => void;
}) {
  const last = useRef<Connection<N> | null>(null);
  if (connection) last.current = connection;
  const shown = connection ?? last.current;
  if (error && !connection) return <ErrorNotice error={error} onRetry={onRetry} />;
  if (!shown) return <Loading />;
  return (
    <div data-testid={testId}>
      <Table<N>
        size="small"
        {...table}
        dataSource={shown.nodes}
        loading={fetching && !connection}
        pagination={false}
        locale={{ emptyText: <EmptyState description={empty} /> }}
      />
      <Pager
        page={pages.page}
        pageSize={pages.first}
        total={shown.totalCount}
        hasNext={Boolean(shown.pageInfo.hasNextPage && shown.pageInfo.endCursor)}
        onPrev={pages.prev}
        onNext={() => shown.pageInfo.endCursor && pages.next(shown.pageInfo.endCursor)}
        testId={testId ? `${testId}-pager` : 'pager'}
      />
    </div>
  );
}

/** A list already in memory, paged with the same pager. */
export function PagedTable<N extends object>({ rows, pageSize = 20, testId, empty, ...table }: KitTableProps<N> & { rows: N[]; pageSize?: number }) {
  const [page, setPage] = useState(1);
  const pages = Math.max(1, Math.ceil(rows.length / pageSize));
  const current = Math.min(page, pages);
  const slice = useMemo(() => rows.slice((current - 1) * pageSize, current * pageSize), [rows, current, pageSize]);
  return (
    <div data-testid={testId}>
      <Table<N> size="small" {...table} dataSource={slice} pagination={false} locale={{ emptyText: <EmptyState description={empty} /> }} />
      {rows.length > pageSize && (
        <Pager
          page={current}
          pageSize={pageSize}
          total={rows.length}
          hasNext={current < pages}
          onPrev={() => setPage(current - 1)}
          onNext={() => setPage(current + 1)}
          testId={testId ? `${testId}-pager` : 'pager'}
        />
      )}
    </div>
  );
}

/**
 * A money column: one unit for the whole column (written in its header), two decimals, right-aligned,
 * "—" where there is no amount or the row's month has not come yet.
 */
export function useMoneyColumn(): <T>(
  title: string,
  value: (row: T) => MoneyValue,
  options?: { unit?: MoneyUnit; future?: (row: T) => boolean; width?: number; key?: string; testId?: string },
) => ColumnType<T> {
  const locale = useLocale();
  return (title, value, options = {}) => {
    const unit = options.unit ?? 'wan';
    return {
      title: locale === 'zh' ? `${title}（${MONEY_UNIT_LABELS[unit].zh}）` : `${title} (${MONEY_UNIT_LABELS[unit].en})`,
      key: options.key ?? title,
      align: 'right',
      width: options.width,
      render: (_: unknown, row) => {
        const text = formatMoneyCell(value(row), unit, { future: options.future?.(row) });
        return options.testId ? <span data-testid={options.testId}>{text}</span> : text;
      },
    };
  };
}
