import { useMemo, useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, List, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import { useQuery } from 'urql';
import { QueryState, useMessages, type RemoteProps } from '@kpd/web-kit';
import { Chart, type ChartOption } from './Chart';
import { messages, type MessageKey } from './messages';

interface DistrictRow {
  id: string;
  name: string;
  code: string | null;
  kind: string;
  parent: { id: string; name: string } | null;
  towns: Array<{ id: string; name: string; kind: string }>;
}

const DISTRICTS = /* GraphQL */ `
  query Districts($cityId: ID) {
    districts(cityId: $cityId) { id name code kind parent { id name } towns: children { id name kind } }
  }
`;
const CITIES = /* GraphQL */ `
  query Cities { areas { id level children { id name level } } }
`;
const DISTRICT = /* GraphQL */ `
  query District($id: ID!) {
    district(id: $id) { id name code kind parent { id name } towns: children { id name kind } }
  }
`;

export function Dashboard(props: RemoteProps) {
  const id = /^\/(\d+)$/.exec(props.path)?.[1];
  return id ? <DistrictDetail id={id} navigate={props.navigate} /> : <CityView {...props} />;
}

function CityView({ viewer, navigate }: RemoteProps) {
  const t = useMessages(messages);
  const province = viewer.area.level === 'PROVINCE';
  const [cityId, setCityId] = useState<string | undefined>(undefined);
  const [cities] = useQuery<{ areas: Array<{ children: Array<{ id: string; name: string; level: string }> }> }>({ query: CITIES, pause: !province });
  const [{ data, fetching, error }, refetch] = useQuery<{ districts: DistrictRow[] }>({
    query: DISTRICTS,
    variables: { cityId: cityId ?? null },
    pause: province && !cityId,
  });
  const cityOptions = (cities.data?.areas[0]?.children ?? []).filter((c) => c.level === 'CITY').map((c) => ({ value: c.id, label: c.name }));
  return (
    <>
      <Space style={{ justifyContent: 'space-between', width: '100%', flexWrap: 'wrap' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('title')} · {province ? (cityOptions.find((c) => c.value === cityId)?.label ?? viewer.area.name) : viewer.area.name}
        </Typography.Title>
        {province && (
          <Select style={{ minWidth: 200 }} placeholder={t('pickCity')} options={cityOptions} value={cityId} onChange={setCityId} loading={cities.fetching} data-testid="city-select" />
        )}
      </Space>
      <Alert style={{ margin: '16px 0' }} type="info" showIcon title={t('lightsPending')} />
      {province && !cityId ? null : (
        <QueryState fetching={fetching} error={error} data={data} isEmpty={(d) => d.districts.length === 0} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
          {(d) => <Figures rows={d.districts} onOpen={(id) => navigate(`/${id}`)} />}
        </QueryState>
      )}
    </>
  );
}

function Figures({ rows, onOpen }: { rows: DistrictRow[]; onOpen: (id: string) => void }) {
  const t = useMessages(messages);
  const kindLabel = (kind: string) => t(`KIND_${kind}` as MessageKey);
  const counties = rows.filter((r) => r.kind === 'COUNTY' || r.kind === 'COUNTY_LEVEL_CITY').length;
  const townships = rows.reduce((n, r) => n + r.towns.length, 0);
  const bar = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 16, bottom: 80, top: 24 },
      xAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { rotate: 40 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', name: t('townshipCount'), data: rows.map((r) => r.towns.length), itemStyle: { color: '#b4232a' } }],
    }),
    [rows, t],
  );
  const pie = useMemo<ChartOption>(() => {
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(r.kind, (counts.get(r.kind) ?? 0) + 1);
    return {
      tooltip: { trigger: 'item' },
      legend: { bottom: 0 },
      series: [{ type: 'pie', radius: ['40%', '70%'], data: [...counts].map(([kind, value]) => ({ name: kindLabel(kind), value })) }],
    };
  }, [rows, t]);
  return (
    <>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={8}>
          <Card>
            <Statistic title={t('districts')} value={rows.length} data-testid="district-count" />
          </Card>
        </Col>
        <Col xs={12} md={8}>
          <Card>
            <Statistic title={t('counties')} value={counties} />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card>
            <Statistic title={t('townships')} value={townships} />
          </Card>
        </Col>
        <Col xs={24} lg={16}>
          <Card title={t('chartTitle')}>
            <Chart option={bar} testId="district-chart" />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title={t('kindChart')}>
            <Chart option={pie} />
          </Card>
        </Col>
        <Col span={24}>
          <Table<DistrictRow>
            rowKey="id"
            size="small"
            dataSource={rows}
            pagination={false}
            data-testid="district-table"
            onRow={(r) => ({ onClick: () => onOpen(r.id), style: { cursor: 'pointer' } })}
            columns={[
              { title: t('name'), dataIndex: 'name', render: (v: string) => <a>{v}</a> },
              { title: t('code'), dataIndex: 'code', render: (v: string | null) => v ?? '—' },
              { title: t('kind'), dataIndex: 'kind', render: kindLabel },
              { title: t('townshipCount'), render: (_: unknown, r) => r.towns.length, align: 'right' },
            ]}
          />
        </Col>
      </Row>
    </>
  );
}

function DistrictDetail({ id, navigate }: { id: string; navigate: (to: string) => void }) {
  const t = useMessages(messages);
  const [{ data, fetching, error }, refetch] = useQuery<{ district: DistrictRow }>({ query: DISTRICT, variables: { id } });
  return (
    <>
      <Button onClick={() => navigate('/')} style={{ marginBottom: 16 }}>
        ← {t('back')}
      </Button>
      <QueryState fetching={fetching} error={error} data={data} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
        {(d) => (
          <Card title={`${t('detail')} · ${d.district.name}`}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('code')}>{d.district.code ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('kind')}>{t(`KIND_${d.district.kind}` as MessageKey)}</Descriptions.Item>
              <Descriptions.Item label={t('parent')}>{d.district.parent?.name ?? '—'}</Descriptions.Item>
            </Descriptions>
            <Typography.Title level={5}>{t('townships')}</Typography.Title>
            <List
              size="small"
              bordered
              locale={{ emptyText: t('noTownships') }}
              dataSource={d.district.towns}
              renderItem={(c) => <List.Item>{c.name}（{t(`KIND_${c.kind}` as MessageKey)}）</List.Item>}
            />
          </Card>
        )}
      </QueryState>
    </>
  );
}
