import { Alert, Card, Col, Row, Statistic, Table, Typography } from 'antd';
import { useQuery } from 'urql';
import { QueryState, useMessages, type RemoteProps } from '@kpd/web-kit';
import { OVERVIEW, type AreaFigures } from './api';
import { messages } from './messages';

const percent = (v: number | null) => (v === null ? '—' : `${v.toFixed(1)}%`);

interface Uncovered {
  id: string;
  name: string;
  code: string;
  district: string;
}

/** 区县汇总: secretaries, key projects, coverage (every key project has a secretary) and projects per secretary, per district. */
export function Overview({ navigate }: RemoteProps) {
  const t = useMessages(messages);
  const [{ data, fetching, error }, refetch] = useQuery({ query: OVERVIEW, variables: { areaId: null } });
  return (
    <QueryState
      fetching={fetching}
      error={error}
      data={data}
      onRetry={() => refetch({ requestPolicy: 'network-only' })}
    >
      {({ secretaryOverview: o }) => {
        const uncovered: Uncovered[] = o.districts.flatMap((d) =>
          (d.uncoveredProjects ?? []).map((p) => ({ ...p, district: d.area.name })),
        );
        return (
          <>
            <Typography.Paragraph type="secondary">
              {o.total.area.name} · {t('ovToday', { d: o.today })} · {t('ovRule')}
            </Typography.Paragraph>
            <Row gutter={[12, 12]} style={{ marginBottom: 16 }} data-testid="overview-figures">
              <Col xs={12} md={8} xl={4}>
                <Card size="small">
                  <Statistic
                    title={t('ovSecretaries')}
                    value={o.total.secretaries}
                    data-testid="ov-secretaries"
                  />
                </Card>
              </Col>
              <Col xs={12} md={8} xl={4}>
                <Card size="small">
                  <Statistic
                    title={t('ovKeyProjects')}
                    value={o.total.keyProjects}
                    data-testid="ov-projects"
                  />
                </Card>
              </Col>
              <Col xs={12} md={8} xl={4}>
                <Card size="small">
                  <Statistic title={t('ovCovered')} value={o.total.covered} data-testid="ov-covered" />
                </Card>
              </Col>
              <Col xs={12} md={8} xl={4}>
                <Card size="small">
                  <Statistic
                    title={t('ovCoverage')}
                    value={percent(o.total.coveragePercent)}
                    styles={{
                      content: {
                        color:
                          o.total.coveragePercent !== null && o.total.coveragePercent < 100
                            ? '#b4232a'
                            : undefined,
                      },
                    }}
                    data-testid="ov-coverage"
                  />
                </Card>
              </Col>
              <Col xs={12} md={8} xl={4}>
                <Card size="small">
                  <Statistic
                    title={t('ovPerSecretary')}
                    value={o.total.projectsPerSecretary ?? '—'}
                    data-testid="ov-per-secretary"
                  />
                </Card>
              </Col>
              <Col xs={12} md={8} xl={4}>
                <Card size="small">
                  <Typography.Link onClick={() => navigate('/quiet')}>
                    <Statistic title={t('ovQuiet')} value={o.total.quietProjects} data-testid="ov-quiet" />
                  </Typography.Link>
                </Card>
              </Col>
            </Row>
            <Table<AreaFigures>
              rowKey={(r) => r.area.id}
              size="small"
              data-testid="overview-districts"
              title={() => t('ovDistricts')}
              dataSource={o.districts}
              pagination={false}
              scroll={{ x: 900 }}
              columns={[
                { title: t('district'), render: (_: unknown, r) => r.area.name },
                { title: t('ovSecretaries'), dataIndex: 'secretaries', align: 'right' },
                { title: t('ovKeyProjects'), dataIndex: 'keyProjects', align: 'right' },
                { title: t('ovCovered'), dataIndex: 'covered', align: 'right' },
                { title: t('ovCoverage'), dataIndex: 'coveragePercent', align: 'right', render: percent },
                {
                  title: t('ovPerSecretary'),
                  dataIndex: 'projectsPerSecretary',
                  align: 'right',
                  render: (v: number | null) => v ?? '—',
                },
                { title: t('ovQuiet'), dataIndex: 'quietProjects', align: 'right' },
              ]}
            />
            <Card size="small" title={t('uncovered')} style={{ marginTop: 16 }} data-testid="uncovered">
              {uncovered.length === 0 ? (
                <Alert type="success" showIcon title={t('allCovered')} />
              ) : (
                <Table<Uncovered>
                  rowKey="id"
                  size="small"
                  dataSource={uncovered}
                  title={() => t('uncoveredCount', { n: uncovered.length })}
                  pagination={uncovered.length > 20 ? { pageSize: 20 } : false}
                  columns={[
                    { title: t('district'), dataIndex: 'district' },
                    { title: t('code'), dataIndex: 'code' },
                    {
                      title: t('project'),
                      dataIndex: 'name',
                      render: (v: string, r) => <a href={`/projects/${r.id}`}>{v}</a>,
                    },
                  ]}
                />
              )}
            </Card>
          </>
        );
      }}
    </QueryState>
  );
}
