import { useState } from 'react';
import { Space, Table, Tag, Typography } from 'antd';
import { useQuery } from 'urql';
import { QueryState, useMessages, type RemoteProps } from '@kpd/web-kit';
import { QUIET } from './api';
import type { SecretaryQuietProjectsQuery } from './gql/graphql';
import { CursorPager, useCursorPages } from './Cursor';
import { DistrictFilter } from './DistrictFilter';
import { messages } from './messages';

type Quiet = SecretaryQuietProjectsQuery['quietProjects']['nodes'][number];

/** 长期未联系: covered key projects without a logged contact for the city's N days, longest silence first. */
export function QuietProjects({ navigate }: RemoteProps) {
  const t = useMessages(messages);
  const pages = useCursorPages();
  const [districtId, setDistrictId] = useState<string | undefined>();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: QUIET,
    variables: { areaId: districtId ?? null, first: 10, after: pages.after }, // the server's cost limit: 10 projects with their secretaries
  });
  return (
    <>
      <div style={{ marginBottom: 12 }}>
        <DistrictFilter
          value={districtId}
          onChange={(v) => {
            setDistrictId(v);
            pages.reset();
          }}
          testId="quiet-district"
        />
      </div>
      <QueryState
        fetching={fetching}
        error={error}
        data={data}
        isEmpty={(d) => d.quietProjects.nodes.length === 0}
        onRetry={() => refetch({ requestPolicy: 'network-only' })}
      >
        {(d) => (
          <>
            <Typography.Paragraph type="secondary">
              {t('quietRule', { n: d.quietProjects.nodes[0]?.noContactDays ?? 30 })}
            </Typography.Paragraph>
            <Table<Quiet>
              rowKey={(r) => r.project.id}
              size="small"
              data-testid="quiet-table"
              dataSource={d.quietProjects.nodes}
              pagination={false}
              scroll={{ x: 900 }}
              title={() => (
                <span data-testid="quiet-total">{t('quietTotal', { n: d.quietProjects.totalCount })}</span>
              )}
              columns={[
                {
                  title: t('project'),
                  render: (_: unknown, r) => <a href={`/projects/${r.project.id}`}>{r.project.name}</a>,
                },
                { title: t('code'), render: (_: unknown, r) => r.project.code },
                { title: t('district'), render: (_: unknown, r) => r.project.district.name },
                {
                  title: t('lastContact'),
                  dataIndex: 'lastContactDate',
                  render: (v: string | null) => v ?? <Tag>{t('neverContacted')}</Tag>,
                },
                {
                  title: t('daysSince'),
                  dataIndex: 'daysSinceContact',
                  align: 'right',
                  render: (v: number | null) =>
                    v === null ? '—' : <Tag color="orange">{t('days', { n: v })}</Tag>,
                },
                {
                  title: t('secretaries'),
                  render: (_: unknown, r) => (
                    <Space size={4} wrap>
                      {r.secretaries.map((s) => (
                        <Typography.Link key={s.id} onClick={() => navigate(`/${s.id}`)}>
                          {s.name}
                        </Typography.Link>
                      ))}
                    </Space>
                  ),
                },
              ]}
            />
            <CursorPager pages={pages} pageInfo={d.quietProjects.pageInfo} testId="quiet-pager" />
          </>
        )}
      </QueryState>
    </>
  );
}
