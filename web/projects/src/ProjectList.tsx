import { useMemo, useState } from 'react';
import { Button, Card, Input, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useMutation, useQuery } from 'urql';
import { formatMoneyCell, formatPeriod, moneyTitle, ImportPanel, MonthPicker, PendingApi, previousMonth, QueryState, queryParam, useLocale, useMessages, type RemoteProps } from '@kpd/web-kit';
import { ExportButton, MonthlyReportButton } from './ExportButton';
import { Oc4idsButton } from './contracts/Oc4idsButton';
import { NewProjectButton } from './edit/ProjectForm';
import { ProjectDetail } from './ProjectDetail';
import { ProcedureTemplateButton } from './procedures/TemplateEditor';
import { FundingSourcesButton } from './funding/SourcesEditor';
import { graphql } from './gql';
import type { LightColor, ProjectCategory, ProjectFilter, ProjectsQuery, ProjectStage } from './gql/graphql';
import { messages, type MessageKey } from './messages';

const PROJECTS = graphql(`
  query Projects($filter: ProjectFilter, $first: Int, $after: String) {
    projects(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id code name category stage totalInvestment keyPush district { name } lights { period color reason } }
    }
  }
`);

const IMPORT_PLANS = graphql(`
  mutation ImportPlans($fileId: ID!, $dryRun: Boolean!) {
    importPlans(fileId: $fileId, dryRun: $dryRun) {
      dryRun committed totalRows validRows created updated problems { row column header reason }
    }
  }
`);

type Project = ProjectsQuery['projects']['nodes'][number];
type Light = Project['lights'][number];

const LIGHT_COLORS = { GREEN: 'green', YELLOW: 'gold', RED: 'red' } as const;

/** True when the server has no projects query yet (its API is not deployed). */
function apiMissing(error: unknown): boolean {
  const errors = (error as { graphQLErrors?: Array<{ message: string }> } | undefined)?.graphQLErrors ?? [];
  return errors.some((e) => /Cannot query field "projects"|Unknown type "ProjectFilter"/.test(e.message));
}

export function LightBadge({ light }: { light: Light | undefined }) {
  const t = useMessages(messages);
  const locale = useLocale();
  if (!light) return <Typography.Text type="secondary">{t('noLight')}</Typography.Text>;
  return (
    <Tooltip title={light.reason}>
      <Tag color={LIGHT_COLORS[light.color]} data-testid="light-badge">
        {t(light.color)} · {formatPeriod(light.period, locale)}
      </Tag>
    </Tooltip>
  );
}

const DISTRICT_NAME = graphql(`
  query DistrictName($id: ID!) { district(id: $id) { id name } }
`);

/** Replaces one value of the address's query string (null removes it) without a new history entry. */
function setQueryParam(name: string, value: string | null) {
  const q = new URLSearchParams(window.location.search);
  if (value === null) q.delete(name);
  else q.set(name, value);
  const text = q.toString();
  window.history.replaceState(null, '', `${window.location.pathname}${text ? `?${text}` : ''}`);
}

/** The project list; ?district=<id> filters it to one district and ?open=<id> opens a project (links from the dashboard). */
export function ProjectList({ viewer }: RemoteProps) {
  const t = useMessages(messages);
  const [districtId, setDistrictId] = useState<string | null>(() => (/^\d+$/.test(queryParam('district') ?? '') ? queryParam('district') : null));
  const [district] = useQuery({ query: DISTRICT_NAME, variables: { id: districtId ?? '' }, pause: !districtId });
  const [search, setSearch] = useState('');
  const [stage, setStage] = useState<ProjectStage | undefined>();
  const [category, setCategory] = useState<ProjectCategory | undefined>();
  const [light, setLight] = useState<LightColor | undefined>();
  // The month the light filter reads: last month (the month reported on) unless another is chosen.
  const [lightMonth, setLightMonth] = useState<string>(() => (/^\d{4}-\d{2}$/.test(queryParam('month') ?? '') ? queryParam('month')! : previousMonth()));
  const [pages, setPages] = useState<Array<string | null>>([null]);
  const [open, setOpenState] = useState<string | null>(() => (/^\d+$/.test(queryParam('open') ?? '') ? queryParam('open') : null));
  const setOpen = (id: string | null) => {
    setQueryParam('open', id);
    setOpenState(id);
  };
  const [importOpen, setImportOpen] = useState(false);
  const [, importPlans] = useMutation(IMPORT_PLANS);
  const filter = useMemo<ProjectFilter>(
    () => ({
      districtId,
      search: search.trim() || null,
      stages: stage ? [stage] : null,
      categories: category ? [category] : null,
      lightColor: light ?? null,
      lightPeriod: light ? lightMonth : null,
    }),
    [districtId, search, stage, category, light, lightMonth],
  );
  const reset = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setPages([null]);
  };
  const options = <K extends MessageKey>(keys: K[]) => keys.map((k) => ({ value: k, label: t(k) }));
  return (
    <>
      <Space style={{ justifyContent: 'space-between', width: '100%', flexWrap: 'wrap', marginBottom: 12 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('title')}
        </Typography.Title>
        <Space wrap>
          {viewer.role === 'ADMIN' && <NewProjectButton onCreated={(id) => setOpen(id)} />}
          <Button href="/api/projects/plan-template.xlsx">{t('planTemplate')}</Button>
          {viewer.role === 'ADMIN' && <ProcedureTemplateButton viewer={viewer} />}
          {viewer.role === 'ADMIN' && <FundingSourcesButton viewer={viewer} />}
          <Button onClick={() => setImportOpen((o) => !o)} data-testid="plan-import-toggle">
            {t('planImport')}
          </Button>
          {(viewer.role === 'ADMIN' || viewer.role === 'ANALYST') && <ExportButton filter={filter} />}
          {(viewer.role === 'ADMIN' || viewer.role === 'ANALYST') && <MonthlyReportButton viewer={viewer} districtId={districtId} month={lightMonth} />}
          {(viewer.role === 'ADMIN' || viewer.role === 'ANALYST') && <Oc4idsButton areaId={districtId} ownAreaId={viewer.area.id} />}
        </Space>
      </Space>
      {importOpen && (
        <Card size="small" title={t('planImport')} style={{ marginBottom: 12 }}>
          <ImportPanel
            run={async (fileId, dryRun) => {
              const r = await importPlans({ fileId, dryRun });
              return { data: r.data?.importPlans, error: r.error };
            }}
          />
        </Card>
      )}
      <ProjectDetail id={open} onClose={() => setOpen(null)} viewer={viewer} />
      <Space wrap style={{ marginBottom: 12 }}>
        {districtId && (
          <Tag
            closable
            color="blue"
            data-testid="district-filter"
            onClose={() => {
              setQueryParam('district', null);
              setDistrictId(null);
              setPages([null]);
            }}
          >
            {t('districtFilter', { name: district.data?.district.name ?? '…' })}
          </Tag>
        )}
        <Input.Search allowClear placeholder={t('search')} style={{ width: 240 }} onSearch={reset(setSearch)} />
        <Select allowClear style={{ minWidth: 120 }} placeholder={t('anyStage')} value={stage} onChange={reset(setStage)} options={options(['RESERVE', 'NEW', 'CONTINUING', 'COMPLETED', 'REMOVED'])} />
        <Select allowClear style={{ minWidth: 130 }} placeholder={t('anyCategory')} value={category} onChange={reset(setCategory)} options={options(['INFRASTRUCTURE', 'INDUSTRIAL', 'MODERN_SERVICES', 'SOCIAL'])} />
        <Select allowClear style={{ minWidth: 110 }} placeholder={t('anyLight')} value={light} onChange={reset(setLight)} options={options(['GREEN', 'YELLOW', 'RED'])} data-testid="light-filter" />
        <Space.Compact>
          <Typography.Text type="secondary" style={{ alignSelf: 'center', marginRight: 6 }}>
            {t('lightMonth')}
          </Typography.Text>
          <MonthPicker value={lightMonth} max={previousMonth()} onChange={(v) => v && reset(setLightMonth)(v)} testId="light-month" />
        </Space.Compact>
      </Space>
      {pages.map((after, i) => (
        <Page key={`${JSON.stringify(filter)}:${after}`} filter={filter} after={after} first={i === 0} last={i === pages.length - 1} onMore={(c) => setPages((p) => [...p, c])} onOpen={setOpen} />
      ))}
      <Typography.Text type="secondary" data-testid="remote-build">
        {t('build')} {__KPD_BUILD__}
      </Typography.Text>
    </>
  );
}

function Page({ filter, after, first, last, onMore, onOpen }: { filter: ProjectFilter; after: string | null; first: boolean; last: boolean; onMore: (cursor: string) => void; onOpen: (id: string) => void }) {
  const t = useMessages(messages);
  const locale = useLocale();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: PROJECTS,
    variables: { filter, first: 10, after }, // with each light history, the server's cost limit allows 10 rows
  });
  if (error && apiMissing(error)) return first ? <PendingApi api="projects" /> : null;
  return (
    <QueryState fetching={fetching} error={error} data={data} isEmpty={(d) => first && d.projects.nodes.length === 0} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
      {(d) => (
        <>
          <Table<Project>
            rowKey="id"
            size="small"
            data-testid="project-table"
            dataSource={d.projects.nodes}
            pagination={false}
            showHeader={first}
            title={first ? () => <span data-testid="project-total">{t('total', { n: d.projects.totalCount })}</span> : undefined}
            scroll={{ x: 1000 }}
            columns={[
              { title: t('code'), dataIndex: 'code', width: 150 },
              {
                title: t('name'),
                dataIndex: 'name',
                render: (v: string, r) => (
                  <>
                    <Typography.Link onClick={() => onOpen(r.id)} data-testid="project-open">
                      {v}
                    </Typography.Link>{' '}
                    {r.keyPush ? <Tag color="volcano">{t('keyPush')}</Tag> : null}
                  </>
                ),
              },
              { title: t('district'), render: (_: unknown, r) => r.district.name, width: 110 },
              { title: t('category'), dataIndex: 'category', render: (v: MessageKey) => t(v), width: 110 },
              { title: t('stage'), dataIndex: 'stage', render: (v: MessageKey) => t(v), width: 80 },
              { title: moneyTitle(t('investment'), 'wan', locale), dataIndex: 'totalInvestment', render: (v: string) => formatMoneyCell(v, 'wan'), align: 'right', width: 130 },
              { title: t('light'), render: (_: unknown, r) => <LightBadge light={(filter.lightPeriod && r.lights.find((l) => l.period === filter.lightPeriod)) || r.lights[r.lights.length - 1]} />, width: 150 },
            ]}
          />
          {last && d.projects.pageInfo.hasNextPage && d.projects.pageInfo.endCursor && (
            <div style={{ textAlign: 'center', margin: 12 }}>
              <Button onClick={() => onMore(d.projects.pageInfo.endCursor!)}>{t('loadMore')}</Button>
            </div>
          )}
        </>
      )}
    </QueryState>
  );
}
