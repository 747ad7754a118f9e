import { useMemo, useState } from 'react';
import { Alert, Button, Card, Col, Drawer, Input, Row, Select, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import { useMutation, useQuery } from 'urql';
import { ImportPanel, QueryState, useLocale, useMessages, type RemoteProps } from '@kpd/web-kit';
import { graphql } from './gql';
import type { OnlineDepth, ServiceItemFilter, ServiceItemsQuery, ServiceItemType } from './gql/graphql';
import { messages, TYPES } from './messages';
import { GuideEditor } from './GuideEditor';
import { guideMessages } from './guide.messages';
import { EditItemButton, NewItemButton } from './edit/ItemEditor';
import { HallButton } from './edit/HallEditor';

const DISTRICTS = graphql(`
  query ServiceDistricts { districts { id name } }
`);
const FIGURES = graphql(`
  query ServiceFigures($areaId: ID) {
    serviceCatalogueFigures(areaId: $areaId, groupBy: NONE) {
      total byApplication violating meetsTimeTarget
      fullyOnlineRate { numerator denominator percent }
      atMostOneTripRate { numerator denominator percent }
      promisedToLegalRatio { numerator denominator percent }
      materialsReduction { numerator denominator percent }
    }
  }
`);
const ITEMS = graphql(`
  query ServiceItems($filter: ServiceItemFilter, $first: Int, $after: String) {
    serviceItems(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        id implementationCode name type department onlineDepth visits legalLimitDays promisedLimitDays fee highFrequency
        district { name }
        violations { message }
      }
    }
  }
`);

const IMPORT = graphql(`
  mutation ImportServiceItems($districtId: ID!, $fileId: ID!, $dryRun: Boolean!) {
    importServiceItems(districtId: $districtId, fileId: $fileId, dryRun: $dryRun) { dryRun committed totalRows validRows created updated problems { row column header reason } }
  }
`);

type Share = { percent?: number | null };
type Item = ServiceItemsQuery['serviceItems']['nodes'][number];

const percent = (s: Share) => (s.percent === null || s.percent === undefined ? '—' : `${s.percent.toFixed(1)}%`);

export function Catalogue({ locale, viewer }: RemoteProps) {
  const t = useMessages(messages);
  const tg = useMessages(guideMessages);
  const [guideItem, setGuideItem] = useState<{ id: string; name: string } | null>(null);
  const [districtId, setDistrictId] = useState<string | undefined>();
  const [search, setSearch] = useState('');
  const [type, setType] = useState<ServiceItemType | undefined>();
  const [depth, setDepth] = useState<OnlineDepth | undefined>();
  const [compliance, setCompliance] = useState<'all' | 'violating' | 'compliant'>('all');
  const [pages, setPages] = useState<Array<string | null>>([null]);

  const filter = useMemo<ServiceItemFilter>(
    () => ({
      areaId: districtId ?? null,
      search: search.trim() || null,
      type: type ?? null,
      onlineDepth: depth ?? null,
      anyViolation: compliance === 'all' ? null : compliance === 'violating',
    }),
    [districtId, search, type, depth, compliance],
  );
  const reset = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setPages([null]);
  };

  const [districts] = useQuery({ query: DISTRICTS });
  const [figures, refetchFigures] = useQuery({ query: FIGURES, variables: { areaId: districtId ?? null } });
  const onlyDistrict = districts.data?.districts.length === 1 ? districts.data.districts[0].id : undefined;
  const exportDistrict = districtId ?? onlyDistrict;
  const [, importItems] = useMutation(IMPORT);
  const [importOpen, setImportOpen] = useState(false);
  const [generation, setGeneration] = useState(0);

  return (
    <>
      <Space style={{ justifyContent: 'space-between', width: '100%', flexWrap: 'wrap', marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('title')}
        </Typography.Title>
        <Space wrap>
          {viewer.role === 'ADMIN' && districts.data && (
            <NewItemButton
              districts={districts.data.districts}
              onSaved={() => {
                refetchFigures({ requestPolicy: 'network-only' });
                setGeneration((g) => g + 1);
                setPages([null]);
              }}
            />
          )}
          {viewer.role === 'ADMIN' && <HallButton district={districts.data?.districts.find((d) => d.id === exportDistrict)} />}
          <Tooltip title={exportDistrict ? undefined : t('exportHint')}>
            <Button href={exportDistrict ? `/api/service-items/export.xlsx?districtId=${exportDistrict}` : undefined} disabled={!exportDistrict} data-testid="export">
              {t('export')}
            </Button>
          </Tooltip>
          <Button href="/api/service-items/template.xlsx">{t('template')}</Button>
          <Button type={importOpen ? 'default' : 'primary'} onClick={() => setImportOpen((o) => !o)} data-testid="import-toggle">
            {t('import')}
          </Button>
        </Space>
      </Space>

      {importOpen && (
        <Card size="small" title={exportDistrict ? t('importInto', { name: districts.data?.districts.find((d) => d.id === exportDistrict)?.name ?? '' }) : t('import')} style={{ marginBottom: 16 }}>
          {exportDistrict ? (
            <ImportPanel
              key={exportDistrict}
              run={async (fileId, dryRun) => {
                const r = await importItems({ districtId: exportDistrict, fileId, dryRun });
                return { data: r.data?.importServiceItems, error: r.error };
              }}
              onCommitted={() => {
                refetchFigures({ requestPolicy: 'network-only' });
                setGeneration((g) => g + 1);
                setPages([null]);
              }}
            />
          ) : (
            <Alert type="info" showIcon title={t('importHint')} />
          )}
        </Card>
      )}

      <QueryState
        fetching={figures.fetching}
        error={figures.error}
        data={figures.data}
        isEmpty={(d) => d.serviceCatalogueFigures.length === 0}
        onRetry={() => refetchFigures({ requestPolicy: 'network-only' })}
      >
        {(d) => {
          const f = d.serviceCatalogueFigures[0];
          return (
            <Row gutter={[12, 12]} style={{ marginBottom: 16 }} data-testid="figures">
              <Col xs={12} md={6} xl={3}><Card size="small"><Statistic title={t('figTotal')} value={f.total} /></Card></Col>
              <Col xs={12} md={6} xl={3}><Card size="small"><Statistic title={t('figByApplication')} value={f.byApplication} /></Card></Col>
              <Col xs={12} md={6} xl={3}><Card size="small"><Statistic title={t('figFullyOnline')} value={percent(f.fullyOnlineRate)} /></Card></Col>
              <Col xs={12} md={6} xl={3}><Card size="small"><Statistic title={t('figOneTrip')} value={percent(f.atMostOneTripRate)} /></Card></Col>
              <Col xs={12} md={8} xl={4}>
                <Card size="small">
                  <Statistic title={t('figRatio')} value={percent(f.promisedToLegalRatio)} suffix={f.meetsTimeTarget ? <Tag color="green">{t('figTarget')}</Tag> : null} />
                </Card>
              </Col>
              <Col xs={12} md={8} xl={4}><Card size="small"><Statistic title={t('figMaterials')} value={percent(f.materialsReduction)} /></Card></Col>
              <Col xs={24} md={8} xl={4}>
                <Card size="small">
                  <Statistic title={t('figViolating')} value={f.violating} styles={{ content: { color: f.violating ? '#b4232a' : undefined } }} />
                </Card>
              </Col>
            </Row>
          );
        }}
      </QueryState>

      <Space wrap style={{ marginBottom: 12 }}>
        {(districts.data?.districts.length ?? 0) > 1 && (
          <Select
            allowClear
            style={{ minWidth: 160 }}
            placeholder={t('allDistricts')}
            value={districtId}
            onChange={reset(setDistrictId)}
            options={districts.data!.districts.map((d) => ({ value: d.id, label: d.name }))}
            data-testid="district-filter"
          />
        )}
        <Input.Search allowClear placeholder={t('search')} style={{ width: 240 }} onSearch={reset(setSearch)} data-testid="search" />
        <Select allowClear style={{ minWidth: 150 }} placeholder={t('anyType')} value={type} onChange={reset(setType)} options={Object.entries(TYPES).map(([value, l]) => ({ value, label: l[locale] }))} />
        <Select
          allowClear
          style={{ minWidth: 130 }}
          placeholder={t('anyDepth')}
          value={depth}
          onChange={reset(setDepth)}
          options={(['FULLY_ONLINE', 'PARTLY_ONLINE', 'OFFLINE'] as const).map((v) => ({ value: v, label: t(v) }))}
        />
        <Select
          style={{ minWidth: 130 }}
          value={compliance}
          onChange={reset(setCompliance)}
          data-testid="compliance-filter"
          options={[
            { value: 'all', label: `${t('compliance')}: ${t('all')}` },
            { value: 'violating', label: t('violating') },
            { value: 'compliant', label: t('compliant') },
          ]}
        />
      </Space>

      {pages.map((after, i) => (
        <ItemsPage key={`${generation}:${JSON.stringify(filter)}:${after}`} filter={filter} after={after} first={i === 0} last={i === pages.length - 1} onMore={(cursor) => setPages((p) => [...p, cursor])} onGuide={setGuideItem} canEdit={viewer.role === 'ADMIN'} onEdited={() => setGeneration((g) => g + 1)} />
      ))}
      <Drawer open={!!guideItem} onClose={() => setGuideItem(null)} size="large" title={guideItem ? `${tg('guide')} · ${guideItem.name}` : ''} destroyOnHidden data-testid="guide-drawer">
        {guideItem && <GuideEditor itemId={guideItem.id} canEdit={viewer.role === 'ADMIN'} />}
      </Drawer>
    </>
  );
}

function ItemsPage({ filter, after, first, last, onMore, onGuide, canEdit, onEdited }: { filter: ServiceItemFilter; after: string | null; first: boolean; last: boolean; onMore: (cursor: string) => void; onGuide: (item: { id: string; name: string }) => void; canEdit: boolean; onEdited: () => void }) {
  const t = useMessages(messages);
  const tg = useMessages(guideMessages);
  const locale = useLocale();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: ITEMS,
    variables: { filter, first: 15, after }, // the server's cost limit: 15 rows with their violations and typenames
  });
  return (
    <QueryState fetching={fetching} error={error} data={data} isEmpty={(d) => first && d.serviceItems.nodes.length === 0} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
      {(d) => (
        <>
          <Table<Item>
            rowKey="id"
            size="small"
            data-testid="service-item-table"
            dataSource={d.serviceItems.nodes}
            pagination={false}
            showHeader={first}
            title={first ? () => <span data-testid="item-total">{t('total', { n: d.serviceItems.totalCount })}</span> : undefined}
            scroll={{ x: 1600 }}
            columns={[
              { title: t('code'), dataIndex: 'implementationCode', width: 200 },
              {
                title: t('name'),
                dataIndex: 'name',
                width: 260,
                render: (v: string, r) => (
                  <>
                    {v} {r.highFrequency ? <Tag color="blue">{t('highFrequency')}</Tag> : null}{' '}
                    <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onGuide({ id: r.id, name: r.name })} data-testid="open-guide">
                      {tg('guide')}
                    </Button>{' '}
                    {canEdit && <EditItemButton id={r.id} onSaved={onEdited} />}
                  </>
                ),
              },
              { title: t('district'), render: (_: unknown, r) => r.district.name, width: 100 },
              { title: t('type'), dataIndex: 'type', render: (v: string) => TYPES[v]?.[locale] ?? v, width: 110 },
              { title: t('department'), dataIndex: 'department', width: 160 },
              { title: t('depth'), dataIndex: 'onlineDepth', render: (v: Item['onlineDepth']) => t(v), width: 100 },
              { title: t('visits'), dataIndex: 'visits', render: (v: number) => (v >= 2 ? '2+' : v), width: 90, align: 'right' },
              { title: t('legal'), dataIndex: 'legalLimitDays', render: (v: number | null) => (v === null ? '—' : t('days', { n: v })), width: 110 },
              { title: t('promised'), dataIndex: 'promisedLimitDays', render: (v: number | null) => (v === null ? '—' : t('days', { n: v })), width: 110 },
              { title: t('fee'), dataIndex: 'fee', render: (v: string | null) => (v ? `${v}元` : t('free')), width: 100 },
              {
                title: t('violations'),
                dataIndex: 'violations',
                width: 200,
                render: (v: Item['violations']) =>
                  v.length === 0 ? (
                    <Typography.Text type="secondary">{t('none')}</Typography.Text>
                  ) : (
                    v.map((x) => (
                      <Tooltip key={x.message} title={x.message}>
                        <Tag color="red">{x.message}</Tag>
                      </Tooltip>
                    ))
                  ),
              },
            ]}
          />
          {last && d.serviceItems.pageInfo.hasNextPage && d.serviceItems.pageInfo.endCursor && (
            <div style={{ textAlign: 'center', margin: 12 }}>
              <Button onClick={() => onMore(d.serviceItems.pageInfo.endCursor!)} data-testid="load-more">
                {t('loadMore')}
              </Button>
            </div>
          )}
        </>
      )}
    </QueryState>
  );
}
