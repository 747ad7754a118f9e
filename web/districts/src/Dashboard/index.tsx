import { useState } from 'react';
import { Select, Space, Typography } from 'antd';
import { useQuery } from 'urql';
import { QueryState, useMessages, type RemoteProps } from '@kpd/web-kit';
import { messages } from '../messages';
import { MonthClosePage } from '../MonthClose';
import { AreaDashboard } from './AreaDashboard';
import { DistrictDetail } from './DistrictDetail';
import { DISTRICTS, CITIES } from './queries';

export function Dashboard(props: RemoteProps) {
  if (props.path.split('?')[0] === '/close') return <MonthClosePage {...props} />;
  const id = /^\/(\d+)$/.exec(props.path)?.[1];
  return id ? <DistrictDetail id={id} navigate={props.navigate} /> : <CityView {...props} />;
}

function CityView({ viewer, navigate }: RemoteProps) {
  const t = useMessages(messages);
  const province = viewer.area.level === 'PROVINCE';
  const [cityId, setCityId] = useState<string | undefined>(undefined);
  const [cities] = useQuery({ query: CITIES, pause: !province });
  const [{ data, fetching, error }, refetch] = useQuery({
    query: DISTRICTS,
    variables: { cityId: cityId ?? null },
    pause: province && !cityId,
  });
  const cityOptions = (cities.data?.areas[0]?.children ?? []).filter((c) => c.level === 'CITY').map((c) => ({ value: c.id, label: c.name }));
  const areaId = province ? cityId : viewer.area.id;
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
      {province && !cityId ? null : (
        <QueryState fetching={fetching} error={error} data={data} isEmpty={(d) => d.districts.length === 0} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
          {(d) => <AreaDashboard key={areaId} areaId={areaId!} rows={d.districts} viewer={viewer} onOpen={(id) => navigate(`/${id}`)} />}
        </QueryState>
      )}
    </>
  );
}
