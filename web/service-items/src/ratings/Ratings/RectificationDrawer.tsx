import { Drawer } from 'antd';
import { useQuery } from 'urql';
import { QueryState } from '@kpd/web-kit';
import { RectificationDetail } from './RectificationDetail';
import { DETAIL } from './queries';

/** One rectification in a drawer, read by its id, so it stays open when a step takes it out of the list's filter. */
export function RectificationDrawer({ id, canEdit, onClose, onRecorded }: { id: string; canEdit: boolean; onClose: () => void; onRecorded: () => void }) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: DETAIL, variables: { id } });
  return (
    <Drawer open onClose={onClose} size="large" title={data?.serviceRectification.item?.name} destroyOnHidden>
      <QueryState fetching={fetching} error={error} data={data} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
        {(d) => (
          <RectificationDetail
            r={d.serviceRectification}
            canEdit={canEdit}
            onRecorded={() => {
              refetch({ requestPolicy: 'network-only' });
              onRecorded();
            }}
          />
        )}
      </QueryState>
    </Drawer>
  );
}
