import { Button, Tag } from 'antd';
import { useQuery } from 'urql';
import { CursorTable, useCursorPages } from '@kpd/web-kit';
import { SIZE_LABELS, SOURCE_LABELS, TARGETS, type CompanyRow } from './api';

/** The companies of a list: with a node, the node's target list (companies elsewhere that serve it, largest first); a name opens the company. */
export function TargetList({ nodeId, search, local = false, onOpen }: { nodeId?: string | null; search?: string | null; local?: boolean | null; onOpen?: (id: string) => void }) {
  const filter = { nodeId: nodeId ?? null, local, search: search || null };
  const pages = useCursorPages(filter);
  const [{ data, fetching, error }, refetch] = useQuery({ query: TARGETS, variables: { filter, first: pages.first, after: pages.after } });
  return (
    <CursorTable<CompanyRow>
      connection={data?.targetCompanies}
      pages={pages}
      fetching={fetching}
      error={error}
      onRetry={() => refetch({ requestPolicy: 'network-only' })}
      rowKey="id"
      testId="companies"
      empty="没有符合条件的企业"
      columns={[
        {
          title: '企业名称',
          dataIndex: 'name',
          render: (name: string, c: CompanyRow) =>
            onOpen ? (
              <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onOpen(c.id)} data-testid={`company-open-${c.id}`}>
                {name}
              </Button>
            ) : (
              name
            ),
        },
        { title: '统一社会信用代码', dataIndex: 'creditCode' },
        { title: '所在地', dataIndex: 'location' },
        { title: '规模', dataIndex: 'size', render: (s: keyof typeof SIZE_LABELS) => SIZE_LABELS[s] },
        { title: '来源', dataIndex: 'source', render: (s: keyof typeof SOURCE_LABELS) => SOURCE_LABELS[s] },
        { title: '对应节点', key: 'nodes', render: (_: unknown, c: CompanyRow) => c.nodes.map((n) => n.name).join('、') },
        { title: '标签', dataIndex: 'tags', render: (tags: string[]) => tags.map((x) => <Tag key={x}>{x}</Tag>) },
      ]}
    />
  );
}
