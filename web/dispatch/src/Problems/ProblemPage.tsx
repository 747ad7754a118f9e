import { Button } from 'antd';
import { useQuery } from 'urql';
import { QueryState, useMessages } from '@kpd/web-kit';
import { messages } from '../messages';
import { ProblemTable } from './ProblemTable';
import { PROBLEMS } from './queries';

export function ProblemPage({ filter, after, first, last, onMore, onOpen }: { filter: object; after: string | null; first: boolean; last: boolean; onMore: (c: string) => void; onOpen: (id: string) => void }) {
  const t = useMessages(messages);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: PROBLEMS,
    variables: { filter, first: 20, after },
  });
  return (
    <QueryState fetching={fetching} error={error} data={data} isEmpty={(d) => first && d.problems.nodes.length === 0} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
      {(d) => (
        <>
          <ProblemTable rows={d.problems.nodes} onOpen={onOpen} showHeader={first} title={first ? t('total', { n: d.problems.totalCount }) : undefined} />
          {last && d.problems.pageInfo.hasNextPage && d.problems.pageInfo.endCursor && (
            <div style={{ textAlign: 'center', margin: 12 }}>
              <Button onClick={() => onMore(d.problems.pageInfo.endCursor!)}>{t('loadMore')}</Button>
            </div>
          )}
        </>
      )}
    </QueryState>
  );
}
