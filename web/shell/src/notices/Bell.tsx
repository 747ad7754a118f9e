import { Badge, Button } from 'antd';
import { useEffect } from 'react';
import { useQuery } from 'urql';
import { UNREAD_COUNT } from './queries';

/** The header's bell: the unread notices, refreshed every minute; opens the inbox. */
export function Bell({ navigate, path }: { navigate: (to: string) => void; path: string }) {
  const [{ data }, refetch] = useQuery({ query: UNREAD_COUNT, requestPolicy: 'cache-and-network' });
  useEffect(() => {
    const timer = window.setInterval(() => refetch({ requestPolicy: 'network-only' }), 60_000);
    return () => window.clearInterval(timer);
  }, [refetch]);
  // Coming back from the inbox (or any page) shows the count as it is now.
  useEffect(() => refetch({ requestPolicy: 'network-only' }), [path, refetch]);
  const n = data?.unreadNoticeCount ?? 0;
  return (
    <Badge count={n} size="small" overflowCount={99} data-testid="bell-count">
      <Button size="small" aria-label={`提醒（${n} 条未读）`} title={`提醒（${n} 条未读）`} onClick={() => navigate('/notices')} data-testid="bell">
        <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" style={{ verticalAlign: '-3px' }}>
          <path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
        </svg>
      </Button>
    </Badge>
  );
}
