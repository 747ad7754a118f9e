/**
 * 待办: what the signed-in user has to do now, each with a link to the form that does it — a
 * secretary's monthly reports still due (the link opens that project's report form on that month),
 * an admin's overdue problems and quiet projects.
 */
import { Badge, Card, List, Typography } from 'antd';
import { useQuery } from 'urql';
import { formatPeriod, previousMonth, type Viewer } from '@kpd/web-kit';
import { graphql } from '../gql';
import { MY_NOTICES } from '../notices/queries';

const SECRETARY_TODO = graphql(`
  query SecretaryTodo($period: Period!) {
    projects(first: 50) { nodes { id name report(period: $period) { id } } }
  }
`);

const ADMIN_TODO = graphql(`
  query AdminTodo {
    problems(filter: { overdue: true }, first: 1) { totalCount }
    quietProjects(first: 1) { totalCount }
  }
`);

interface Item {
  key: string;
  text: string;
  to: string;
  count?: number;
}

function TodoList({ items, loading, navigate }: { items: Item[]; loading: boolean; navigate: (to: string) => void }) {
  return (
    <Card size="small" title="待办" style={{ marginBottom: 24, maxWidth: 720 }} data-testid="todo">
      <List
        loading={loading}
        dataSource={items}
        locale={{ emptyText: '暂无待办事项' }}
        renderItem={(item) => (
          <List.Item
            actions={[
              <Typography.Link
                key="go"
                href={item.to}
                onClick={(e) => {
                  e.preventDefault();
                  navigate(item.to);
                }}
                data-testid={`todo-${item.key}`}
              >
                去办理
              </Typography.Link>,
            ]}
          >
            <span>
              {item.text}
              {item.count !== undefined && <Badge count={item.count} overflowCount={9999} style={{ marginLeft: 8 }} />}
            </span>
          </List.Item>
        )}
      />
    </Card>
  );
}

/** The unread notices, first in every to-do list: each opens the form it names. */
function useNoticeItems(): { items: Item[]; loading: boolean } {
  const [{ data, fetching }] = useQuery({ query: MY_NOTICES, variables: { first: 10, unreadOnly: true }, requestPolicy: 'cache-and-network' });
  const items = (data?.myNotices.nodes ?? []).map((n) => ({ key: `notice-${n.id}`, text: `【提醒】${n.title}`, to: n.link }));
  return { items, loading: fetching && !data };
}

function NoticeTodo({ navigate }: { navigate: (to: string) => void }) {
  const notices = useNoticeItems();
  return <TodoList items={notices.items} loading={notices.loading} navigate={navigate} />;
}

function SecretaryTodo({ navigate }: { navigate: (to: string) => void }) {
  const period = previousMonth();
  const notices = useNoticeItems();
  const [{ data, fetching }] = useQuery({ query: SECRETARY_TODO, variables: { period } });
  const due = (data?.projects.nodes ?? []).filter((p) => !p.report);
  const items: Item[] = [...notices.items, ...due.map((p) => ({
    key: `report-${p.id}`,
    text: `填报月报：${p.name}（${formatPeriod(period, 'zh')}）`,
    to: `/projects?open=${p.id}&report=${period}`,
  }))];
  return <TodoList items={items} loading={(fetching && !data) || notices.loading} navigate={navigate} />;
}

function AdminTodo({ navigate }: { navigate: (to: string) => void }) {
  const [{ data, fetching }] = useQuery({ query: ADMIN_TODO });
  const notices = useNoticeItems();
  const items: Item[] = [...notices.items];
  if (data?.problems.totalCount) items.push({ key: 'overdue', text: '逾期未解决的问题', count: data.problems.totalCount, to: '/dispatch' });
  if (data?.quietProjects.totalCount) items.push({ key: 'quiet', text: '长期未联系的项目', count: data.quietProjects.totalCount, to: '/secretaries/quiet' });
  return <TodoList items={items} loading={fetching && !data} navigate={navigate} />;
}

/** The to-do list of the viewer's role, with their unread notices first. */
export function Todo({ viewer, navigate }: { viewer: Viewer; navigate: (to: string) => void }) {
  if (viewer.role === 'SECRETARY') return <SecretaryTodo navigate={navigate} />;
  if (viewer.role === 'ADMIN') return <AdminTodo navigate={navigate} />;
  return <NoticeTodo navigate={navigate} />;
}
