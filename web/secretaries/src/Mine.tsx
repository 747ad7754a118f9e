import { useState } from 'react';
import { Alert, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from 'urql';
import { QueryState, useMessages, type RemoteProps } from '@kpd/web-kit';
import { DETAIL, MINE } from './api';
import type { MySecretaryServiceQuery } from './gql/graphql';
import { Problems, ServiceLog, WorkloadCards } from './Detail';
import { LogServiceForm, RaiseProblemForm } from './Forms';
import { messages } from './messages';

type MyProject = MySecretaryServiceQuery['projects']['nodes'][number];

/**
 * 我的服务 for a secretary: exactly the projects it is assigned to (the projects API answers only
 * those), a visit logged or a problem raised on one of them, and the way to the monthly report.
 */
export function Mine(_props: RemoteProps) {
  const t = useMessages(messages);
  const [mine, refetchMine] = useQuery({ query: MINE });
  const me = mine.data?.secretaries.nodes[0];
  const [detail, refetchDetail] = useQuery({
    query: DETAIL,
    variables: { id: me?.id ?? '' },
    pause: !me,
  });
  const [action, setAction] = useState<{ kind: 'log' | 'problem'; projectId: string } | null>(null);
  const [logGeneration, setLogGeneration] = useState(0);
  const refresh = () => {
    refetchMine({ requestPolicy: 'network-only' });
    refetchDetail({ requestPolicy: 'network-only' });
  };
  return (
    <>
      <Typography.Title level={3}>{t('mineTitle')}</Typography.Title>
      <QueryState
        fetching={mine.fetching}
        error={mine.error}
        data={mine.data}
        onRetry={() => refetchMine({ requestPolicy: 'network-only' })}
      >
        {(d) => {
          const self = d.secretaries.nodes[0];
          if (!self) return <Alert type="warning" showIcon title={t('notLinked')} />;
          const projects = d.projects.nodes;
          const assignmentOf = (projectId: string) =>
            self.assignments
              .filter((a) => a.project?.id === projectId)
              .sort((a, b) => (a.startDate < b.startDate ? 1 : -1))[0];
          const options = projects
            .filter((p) => assignmentOf(p.id)?.active)
            .map((p) => ({ id: p.id, name: p.name }));
          return (
            <>
              <Typography.Paragraph type="secondary">
                {self.name} · {self.district.name} {self.workUnit} · {t('mineIntro')}
              </Typography.Paragraph>
              <WorkloadCards w={self.workload} />
              <Card size="small" title={t('myProjects')} style={{ marginBottom: 16 }}>
                <Table<MyProject>
                  rowKey="id"
                  size="small"
                  data-testid="my-projects"
                  dataSource={projects}
                  pagination={false}
                  scroll={{ x: 800 }}
                  title={() => (
                    <span data-testid="my-projects-total">
                      {t('myProjectsTotal', { n: d.projects.totalCount })}
                    </span>
                  )}
                  columns={[
                    {
                      title: t('project'),
                      dataIndex: 'name',
                      render: (v: string) => <span data-testid="my-project-name">{v}</span>,
                    },
                    { title: t('code'), dataIndex: 'code' },
                    { title: t('district'), render: (_: unknown, r) => r.district.name },
                    {
                      title: t('role'),
                      render: (_: unknown, r) => {
                        const a = assignmentOf(r.id);
                        return a ? (
                          <Tag
                            color={
                              a.teamRole === 'LEAD' ? 'red' : a.teamRole === 'MEMBER' ? 'blue' : undefined
                            }
                          >
                            {t(a.teamRole)}
                          </Tag>
                        ) : (
                          '—'
                        );
                      },
                    },
                    { title: t('since'), render: (_: unknown, r) => assignmentOf(r.id)?.startDate ?? '—' },
                    {
                      title: t('actions'),
                      render: (_: unknown, r) => (
                        <Space size={4} wrap>
                          <Button
                            size="small"
                            onClick={() => setAction({ kind: 'log', projectId: r.id })}
                            data-testid="action-log"
                          >
                            {t('logVisit')}
                          </Button>
                          <Button
                            size="small"
                            onClick={() => setAction({ kind: 'problem', projectId: r.id })}
                            data-testid="action-problem"
                          >
                            {t('raiseProblem')}
                          </Button>
                          <Button
                            size="small"
                            type="link"
                            href={`/projects/${r.id}`}
                            data-testid="action-report"
                          >
                            {t('monthlyReport')}
                          </Button>
                        </Space>
                      ),
                    },
                  ]}
                />
              </Card>
              {action && (
                <Card
                  size="small"
                  title={`${action.kind === 'log' ? t('logVisit') : t('raiseProblem')} · ${projects.find((p) => p.id === action.projectId)?.name ?? ''}`}
                  extra={
                    <Button size="small" onClick={() => setAction(null)}>
                      {t('cancel')}
                    </Button>
                  }
                  style={{ marginBottom: 16 }}
                >
                  {action.kind === 'log' ? (
                    <LogServiceForm
                      key={`log-${action.projectId}`}
                      projects={options}
                      initialProjectId={action.projectId}
                      onSaved={() => {
                        setLogGeneration((g) => g + 1);
                        refresh();
                      }}
                    />
                  ) : (
                    <RaiseProblemForm
                      key={`problem-${action.projectId}`}
                      projects={options}
                      areaId={self.district.id}
                      initialProjectId={action.projectId}
                      onRaised={refresh}
                    />
                  )}
                </Card>
              )}
              <Card size="small" title={t('serviceLog')} style={{ marginBottom: 16 }}>
                <ServiceLog key={logGeneration} secretaryId={self.id} />
              </Card>
              <Card size="small" title={t('problems')}>
                <QueryState
                  fetching={detail.fetching}
                  error={detail.error}
                  data={detail.data}
                  onRetry={() => refetchDetail({ requestPolicy: 'network-only' })}
                >
                  {(dd) => <Problems rows={dd.secretary.problems} />}
                </QueryState>
              </Card>
            </>
          );
        }}
      </QueryState>
    </>
  );
}
