import { useEffect, useState } from 'react';
import { Button, Card, Select, Space, Table, Typography } from 'antd';
import { useQuery } from 'urql';
import { EmptyState, ErrorNotice, formatPeriod, MonthPicker, QueryState, thisMonthInChina, useLocale, useMessages, type RemoteProps } from '@kpd/web-kit';
import { messages, type MessageKey } from '../messages';
import { useScope } from '../scope';
import { CreateMeeting } from './CreateMeeting';
import { ListTable } from './ListTable';
import { MeetingDrawer } from './MeetingDrawer';
import { DISPATCH_LIST, MEETINGS, type ListEntry, type MeetingRow } from './queries';

/** Dispatch meetings (调度会): generate the must-dispatch list, create and record meetings, decisions, the pack. */
export function Meetings({ viewer, path, navigate }: RemoteProps) {
  const t = useMessages(messages);
  const locale = useLocale();
  const scope = useScope(viewer);
  const [areaId, setAreaId] = useState<string | undefined>();
  const [period, setPeriod] = useState(thisMonthInChina());
  const [generated, setGenerated] = useState<string | null>(null);
  const openId = /^\/meetings\/(\d+)/.exec(path)?.[1] ?? null;
  // Analysts read; admins hold meetings.
  const writer = viewer.role === 'ADMIN';

  // A district admin's own district, a city admin's city: the first choice.
  useEffect(() => {
    if (areaId || !scope.ready) return;
    setAreaId(viewer.area.level === 'DISTRICT' ? viewer.area.id : (scope.cities[0]?.id ?? scope.districts[0]?.id));
  }, [areaId, scope.ready, scope.cities, scope.districts, viewer.area]);

  // A district admin holds its district's meetings; the city level is the city's.
  const cities = viewer.area.level === 'DISTRICT' ? [] : scope.cities;
  const areaOptions = [
    ...cities.map((c) => ({ value: c.id, label: `${c.name} · ${t('cityLevel')}` })),
    ...scope.districts.map((d) => ({ value: d.id, label: d.name })),
  ];
  const cityOfArea = scope.cities.find((c) => c.id === areaId)?.id ?? scope.districts.find((d) => d.id === areaId)?.cityId ?? null;

  const [list, refetchList] = useQuery<{ dispatchList: ListEntry[] }>({ query: DISPATCH_LIST, variables: { areaId: generated }, pause: !generated, requestPolicy: 'network-only' });
  const [meetings, refetchMeetings] = useQuery<{ dispatchMeetings: { totalCount: number; nodes: MeetingRow[] } }>({
    query: MEETINGS,
    variables: { areaId: areaId ?? null, first: 50 },
    pause: !areaId,
  });

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Typography.Text>{t('meetingArea')}</Typography.Text>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          style={{ minWidth: 200 }}
          placeholder={t('chooseArea')}
          value={areaId}
          onChange={(v) => {
            setAreaId(v);
            setGenerated(null);
          }}
          options={areaOptions}
          loading={scope.fetching}
          data-testid="meeting-area"
        />
        <Typography.Text>{t('month')}</Typography.Text>
        <MonthPicker value={period} onChange={(v) => v && setPeriod(v)} style={{ width: 160 }} testId="meeting-period" />
        <Button type="primary" disabled={!areaId} onClick={() => (generated === areaId ? refetchList({ requestPolicy: 'network-only' }) : setGenerated(areaId ?? null))} data-testid="generate-list">
          {t('generate')}
        </Button>
      </Space>
      {scope.error && <ErrorNotice error={scope.error} onRetry={scope.refetch} />}

      {generated && (
        <Card size="small" title={`${t('listTitle')} · ${areaOptions.find((o) => o.value === generated)?.label ?? ''}`} style={{ marginBottom: 16 }}>
          <QueryState fetching={list.fetching} error={list.error} data={list.data} isEmpty={(d) => d.dispatchList.length === 0} empty={t('listEmpty')} onRetry={() => refetchList({ requestPolicy: 'network-only' })}>
            {(d) => (
              <>
                <Typography.Paragraph data-testid="list-count">{t('total', { n: d.dispatchList.length })}</Typography.Paragraph>
                <ListTable rows={d.dispatchList} />
                {writer && (
                  <CreateMeeting
                    areaId={generated}
                    cityId={cityOfArea}
                    isCity={cities.some((c) => c.id === generated)}
                    period={period}
                    onCreated={(id) => {
                      refetchMeetings({ requestPolicy: 'network-only' });
                      navigate(`/meetings/${id}`);
                    }}
                  />
                )}
              </>
            )}
          </QueryState>
        </Card>
      )}

      <Card size="small" title={t('meetings')}>
        {!areaId ? (
          <EmptyState description={t('chooseArea')} />
        ) : (
          <QueryState fetching={meetings.fetching} error={meetings.error} data={meetings.data} isEmpty={(d) => d.dispatchMeetings.nodes.length === 0} empty={t('noMeetings')} onRetry={() => refetchMeetings({ requestPolicy: 'network-only' })}>
            {(d) => (
              <Table<MeetingRow>
                rowKey="id"
                size="small"
                data-testid="meeting-table"
                dataSource={d.dispatchMeetings.nodes}
                pagination={false}
                columns={[
                  { title: t('month'), dataIndex: 'period', render: (v: string) => formatPeriod(v, locale), width: 110 },
                  {
                    title: t('meetingTitle'),
                    dataIndex: 'title',
                    render: (v: string, r) => (
                      <Typography.Link onClick={() => navigate(`/meetings/${r.id}`)} data-testid="meeting-open">
                        {v}
                      </Typography.Link>
                    ),
                  },
                  { title: t('kind'), dataIndex: 'kind', render: (v: string) => t(v as MessageKey), width: 140 },
                  { title: t('heldOn'), dataIndex: 'heldOn', render: (v: string | null) => v ?? t('notHeld'), width: 110 },
                  { title: t('host'), render: (_: unknown, r) => r.host?.name ?? '—', width: 100 },
                ]}
              />
            )}
          </QueryState>
        )}
      </Card>
      <MeetingDrawer id={openId} writer={writer} onClose={() => navigate('/meetings')} />
    </>
  );
}
