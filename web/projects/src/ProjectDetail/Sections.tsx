import { Empty, Space, Table, Tag } from 'antd';
import { useQuery } from 'urql';
import { formatDate, QueryState, useMessages } from '@kpd/web-kit';
import { EditMilestonesButton } from '../edit/MilestonesEditor';
import { messages, type MessageKey } from '../messages';
import { PROBLEMS, type Detail, type ProblemRow } from './queries';

export function Milestones({ project: p, canEdit, onSaved }: { project: Detail; canEdit: boolean; onSaved: () => void }) {
  const t = useMessages(messages);
  return (
    <>
      {canEdit && (
        <div style={{ marginBottom: 8 }}>
          <EditMilestonesButton projectId={p.id} milestones={p.milestones} onSaved={onSaved} />
        </div>
      )}
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={p.milestones}
        data-testid="milestones"
        locale={{ emptyText: t('noMilestones') }}
        columns={[
          { title: t('milestone'), dataIndex: 'name' },
          { title: t('dueDate'), dataIndex: 'dueDate', width: 110 },
          { title: t('metDate'), dataIndex: 'metDate', width: 110, render: (v: string | null) => v ?? '—' },
          { title: t('milestoneProgress'), dataIndex: 'progress', width: 80, align: 'right', render: (v: number) => `${v}%` },
          {
            title: '',
            width: 80,
            render: (_: unknown, m) => (m.metDate ? <Tag color={m.metDate <= m.dueDate ? 'green' : 'orange'}>{m.metDate <= m.dueDate ? t('onTime') : t('late')}</Tag> : null),
          },
        ]}
      />
    </>
  );
}

export function Problems({ projectId }: { projectId: string }) {
  const t = useMessages(messages);
  const [{ data, fetching, error }, refetch] = useQuery({ query: PROBLEMS, variables: { id: projectId } });
  return (
    <QueryState fetching={fetching} error={error} data={data} isEmpty={(d) => d.problems.nodes.length === 0} empty={<Empty description={t('noProblems')} />} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
      {(d) => (
        <Table<ProblemRow>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={d.problems.nodes}
          data-testid="project-problems"
          columns={[
            { title: t('problem'), dataIndex: 'title' },
            { title: t('problemLevel'), dataIndex: 'level', width: 80, render: (v: string) => t(`LEVEL_${v}` as MessageKey) },
            {
              title: t('problemStatus'),
              dataIndex: 'status',
              width: 120,
              render: (v: string, r) => (
                <Space size={4}>
                  <Tag>{t(`STATUS_${v}` as MessageKey)}</Tag>
                  {r.overdue ? <Tag color="red">{t('overdue')}</Tag> : null}
                </Space>
              ),
            },
            { title: t('deadline'), dataIndex: 'deadline', width: 110, render: (v: string) => formatDate(v) },
          ]}
        />
      )}
    </QueryState>
  );
}

export function Secretaries({ project: p }: { project: Detail }) {
  const t = useMessages(messages);
  return (
    <Table
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={[...p.secretaryAssignments].reverse()}
      data-testid="project-secretaries"
      locale={{ emptyText: t('noSecretaries') }}
      columns={[
        { title: t('secretary'), render: (_: unknown, a) => a.secretary?.name ?? '—' },
        { title: t('secretaryUnit'), render: (_: unknown, a) => (a.secretary ? `${a.secretary.workUnit} ${a.secretary.title}` : '—') },
        { title: t('teamRole'), dataIndex: 'teamRole', width: 90, render: (v: string) => t(`ROLE_${v}` as MessageKey) },
        { title: t('period'), width: 200, render: (_: unknown, a) => `${a.startDate} – ${a.endDate ?? ''}` },
        { title: '', width: 70, render: (_: unknown, a) => (a.active ? <Tag color="green">{t('active')}</Tag> : null) },
      ]}
    />
  );
}
