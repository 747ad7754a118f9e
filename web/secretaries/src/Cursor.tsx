import { useState } from 'react';
import { Button, Space, Typography } from 'antd';
import { useMessages } from '@kpd/web-kit';
import { messages } from './messages';

/** Cursor pages of a connection: the cursor of each page seen, to go back and forth. */
export function useCursorPages(): {
  after: string | null;
  page: number;
  next: (cursor: string) => void;
  prev: () => void;
  reset: () => void;
} {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  return {
    after: cursors[cursors.length - 1],
    page: cursors.length,
    next: (cursor) => setCursors((c) => [...c, cursor]),
    prev: () => setCursors((c) => (c.length > 1 ? c.slice(0, -1) : c)),
    reset: () => setCursors([null]),
  };
}

export function CursorPager({
  pages,
  pageInfo,
  testId,
}: {
  pages: ReturnType<typeof useCursorPages>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  testId?: string;
}) {
  const t = useMessages(messages);
  if (pages.page === 1 && !pageInfo.hasNextPage) return null;
  return (
    <Space style={{ marginTop: 12 }} data-testid={testId}>
      <Button size="small" disabled={pages.page === 1} onClick={pages.prev}>
        {t('prev')}
      </Button>
      <Typography.Text type="secondary">{t('page', { n: pages.page })}</Typography.Text>
      <Button
        size="small"
        disabled={!pageInfo.hasNextPage || !pageInfo.endCursor}
        onClick={() => pageInfo.endCursor && pages.next(pageInfo.endCursor)}
      >
        {t('next')}
      </Button>
    </Space>
  );
}
