import { useEffect, useState } from 'react';
import { Alert, Button, Card, Descriptions, Drawer, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery } from 'urql';
import { DateInput, EmptyState, ErrorNotice, formatDateTime, formatPeriod, MonthPicker, QueryState, thisMonthInChina, useFormErrors, useLocale, useMessages, type RemoteProps } from '@kpd/web-kit';
import { graphql } from './gql';
import type { DispatchMeetingQuery, ListFieldsFragment, MeetingFieldsFragment, ProblemCategory } from './gql/graphql';
import { messages, type MessageKey } from './messages';
import { ProblemTable } from './Problems';
import { parseAttendees, useScope } from './scope';

graphql(`
  fragment ListFields on DispatchListEntry { project { id code name stage district { name } } reasons labels }
`);
graphql(`
  fragment MeetingFields on DispatchMeeting { id period kind title heldOn location area { id name } host { id name } }
`);

const DISPATCH_LIST = graphql(`
  query DispatchList($areaId: ID) { dispatchList(areaId: $areaId) { ...ListFields } }
`);
const MEETINGS = graphql(`
  query DispatchMeetings($areaId: ID, $first: Int) {
    dispatchMeetings(areaId: $areaId, first: $first) { totalCount nodes { ...MeetingFields } }
  }
`);
const MEETING = graphql(`
  query DispatchMeeting($id: ID!) {
    dispatchMeeting(id: $id) {
      ...MeetingFields version minutes createdBy createdAt packUrl packXlsxUrl
      attendees { name unit role }
      list { ...ListFields }
      decisions { ...ProblemFields }
    }
  }
`);
const SUGGESTED_HOST = graphql(`
  query DispatchSuggestedHost($cityId: ID!, $period: Period!) {
    suggestedMeetingHost(cityId: $cityId, period: $period) { basedOn rank score published host { id name } tied { id name } }
  }
`);
const CREATE = graphql(`
  mutation DispatchCreateMeeting($input: CreateMeetingInput!) { createDispatchMeeting(input: $input) { id } }
`);
const RECORD = graphql(`
  mutation DispatchRecordMeeting($id: ID!, $input: RecordMeetingInput!) { recordDispatchMeeting(id: $id, input: $input) { id version } }
`);
const DECISION = graphql(`
  mutation DispatchAddDecision($meetingId: ID!, $input: DecisionInput!) { addDispatchDecision(meetingId: $meetingId, input: $input) { id } }
`);

type ListEntry = ListFieldsFragment;
type MeetingRow = MeetingFieldsFragment;
type MeetingDetail = DispatchMeetingQuery['dispatchMeeting'];

const REASON_COLORS: Record<string, string> = { KEY_PUSH: 'volcano', NEW: 'blue', CONTINUING_WITH_PROBLEMS: 'orange', MAJOR_GOVERNMENT_INVESTMENT: 'purple', OVERDUE_PROCEDURES: 'red' };
const CATEGORIES = ['LAND', 'PLANNING', 'PERMITS', 'POWER', 'DEMOLITION', 'UTILITIES', 'FINANCING', 'OTHER'] as const;

function ReasonTags({ reasons }: { reasons: string[] }) {
  const t = useMessages(messages);
  return (
    <span data-testid="list-reasons">
      {reasons.map((r) => (
        <Tag key={r} color={REASON_COLORS[r]} data-testid={`reason-${r}`}>
          {t(r as MessageKey)}
        </Tag>
      ))}
    </span>
  );
}

function ListTable({ rows }: { rows: ListEntry[] }) {
  const t = useMessages(messages);
  return (
    <Table<ListEntry>
      rowKey={(r) => r.project.id}
      size="small"
      data-testid="dispatch-list"
      dataSource={rows}
      pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      scroll={{ x: 900 }}
      columns={[
        { title: t('project'), render: (_: unknown, r) => r.project.name, width: 260 },
        { title: t('district'), render: (_: unknown, r) => r.project.district.name, width: 100 },
        { title: t('stage'), render: (_: unknown, r) => t(`STAGE_${r.project.stage}` as MessageKey), width: 90 },
        { title: t('reasons'), render: (_: unknown, r) => <ReasonTags reasons={r.reasons} /> },
      ]}
    />
  );
}

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

function CreateMeeting({ areaId, cityId, isCity, period, onCreated }: { areaId: string; cityId: string | null; isCity: boolean; period: string; onCreated: (id: string) => void }) {
  const t = useMessages(messages);
  const [kind, setKind] = useState<'MONTHLY' | 'ON_SITE'>('MONTHLY');
  const [form] = Form.useForm<{ title?: string; heldOn?: string; location?: string; hostAreaId?: string }>();
  const [{ fetching }, create] = useMutation<{ createDispatchMeeting: { id: string } }>(CREATE);
  const errors = useFormErrors(form, { period: t('period') });
  const [host] = useQuery<{
    suggestedMeetingHost: { basedOn: string; rank: number; host: { id: string; name: string }; tied: Array<{ id: string; name: string }> } | null;
  }>({ query: SUGGESTED_HOST, variables: { cityId, period }, pause: !(isCity && kind === 'ON_SITE' && cityId && /^\d{4}-\d{2}$/.test(period)) });
  const locale = useLocale();
  const suggestion = host.data?.suggestedMeetingHost ?? null;
  return (
    <Form
      form={form}
      layout="inline"
      style={{ marginTop: 12, rowGap: 8 }}
      onFinish={async (v) => {
        errors.clear();
        const r = await create({
          input: {
            areaId,
            period,
            kind,
            title: v.title?.trim() || null,
            heldOn: v.heldOn || null,
            location: v.location?.trim() || null,
            hostAreaId: kind === 'ON_SITE' ? (v.hostAreaId ?? null) : null,
          },
        });
        if (!errors.show(r.error) && r.data) onCreated(r.data.createDispatchMeeting.id);
      }}
    >
      {isCity && (
        <Form.Item label={t('kind')}>
          <Select value={kind} onChange={setKind} style={{ width: 180 }} options={(['MONTHLY', 'ON_SITE'] as const).map((k) => ({ value: k, label: t(k) }))} />
        </Form.Item>
      )}
      <Form.Item name="title" label={t('meetingTitle')}>
        <Input style={{ width: 260 }} />
      </Form.Item>
      <Form.Item name="heldOn" label={t('heldOn')}>
        <DateInput style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="location" label={t('location')}>
        <Input style={{ width: 180 }} />
      </Form.Item>
      {isCity && kind === 'ON_SITE' && (
        <Form.Item name="hostAreaId" label={t('host')} extra={
          host.error ? <ErrorNotice error={host.error} /> : suggestion ? (
            <span data-testid="suggested-host">
              {t('suggestedHost', { name: suggestion.host.name, rank: suggestion.rank, period: formatPeriod(suggestion.basedOn, locale) })}
              {suggestion.tied.length > 0 && ` ${t('suggestedTied', { names: suggestion.tied.map((a) => a.name).join('、') })}`}
            </span>
          ) : host.data ? t('noSuggestion') : null
        }>
          <Select
            allowClear
            style={{ width: 160 }}
            placeholder={suggestion?.host.name}
            options={[...(suggestion ? [suggestion.host, ...suggestion.tied] : [])].map((a) => ({ value: a.id, label: a.name }))}
          />
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" loading={fetching} data-testid="create-meeting">
        {t('createMeeting')}
      </Button>
      {errors.notice && <div style={{ width: '100%', marginTop: 8 }}>{errors.notice}</div>}
    </Form>
  );
}

function MeetingDrawer({ id, writer, onClose }: { id: string | null; writer: boolean; onClose: () => void }) {
  const t = useMessages(messages);
  const locale = useLocale();
  const [{ data, fetching, error }, refetch] = useQuery<{ dispatchMeeting: MeetingDetail }>({ query: MEETING, variables: { id }, pause: !id, requestPolicy: 'network-only' });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  return (
    <Drawer open={id !== null} onClose={onClose} size="large" title={data?.dispatchMeeting.title ?? t('meeting')} destroyOnHidden data-testid="meeting-detail">
      <QueryState fetching={fetching} error={error} data={data} onRetry={reload}>
        {({ dispatchMeeting: m }) => (
          <>
            <Space wrap style={{ marginBottom: 12 }}>
              <Button type="primary" href={m.packUrl} target="_blank" rel="noopener" data-testid="meeting-pack">
                {t('pack')}
              </Button>
              <Button href={m.packXlsxUrl} data-testid="meeting-pack-xlsx">
                {t('packXlsx')}
              </Button>
            </Space>
            <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
              <Descriptions.Item label={t('meetingArea')}>{m.area.name}</Descriptions.Item>
              <Descriptions.Item label={t('month')}>{formatPeriod(m.period, locale)}</Descriptions.Item>
              <Descriptions.Item label={t('kind')}>{t(m.kind)}</Descriptions.Item>
              {m.host && <Descriptions.Item label={t('host')}>{m.host.name}</Descriptions.Item>}
              <Descriptions.Item label={t('createdBy')}>
                {m.createdBy} · {formatDateTime(m.createdAt)}
              </Descriptions.Item>
            </Descriptions>
            <Typography.Title level={5}>
              {t('listed')}（{m.list.length}）
            </Typography.Title>
            <ListTable rows={m.list} />
            {writer && <RecordForm meeting={m} onSaved={reload} />}
            <Typography.Title level={5} style={{ marginTop: 16 }}>
              {t('decisions')}（{m.decisions.length}）
            </Typography.Title>
            <ProblemTable rows={m.decisions} />
            {writer && <DecisionForm meeting={m} onAdded={reload} />}
          </>
        )}
      </QueryState>
    </Drawer>
  );
}

function RecordForm({ meeting, onSaved }: { meeting: MeetingDetail; onSaved: () => void }) {
  const t = useMessages(messages);
  const [saved, setSaved] = useState(false);
  const [{ fetching }, record] = useMutation(RECORD);
  const [form] = Form.useForm<{ heldOn: string; location: string; minutes: string; attendees: string }>();
  const errors = useFormErrors(form);
  return (
    <Card size="small" title={t('record')} style={{ marginTop: 16 }}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          heldOn: meeting.heldOn ?? '',
          location: meeting.location,
          minutes: meeting.minutes,
          attendees: meeting.attendees.map((a) => [a.name, a.unit, a.role].filter(Boolean).join('，')).join('\n'),
        }}
        onFinish={async (v: { heldOn: string; location: string; minutes: string; attendees: string }) => {
          setSaved(false);
          errors.clear();
          const r = await record({
            id: meeting.id,
            input: { version: meeting.version, heldOn: v.heldOn || null, location: v.location ?? '', minutes: v.minutes ?? '', attendees: parseAttendees(v.attendees ?? '') },
          });
          if (!errors.show(r.error)) {
            setSaved(true);
            onSaved();
          }
        }}
      >
        <Space wrap>
          <Form.Item name="heldOn" label={t('heldOn')}>
            <DateInput style={{ width: 170 }} />
          </Form.Item>
          <Form.Item name="location" label={t('location')}>
            <Input style={{ width: 260 }} />
          </Form.Item>
        </Space>
        <Form.Item name="attendees" label={t('attendees')} extra={t('attendeesHint')}>
          <Input.TextArea rows={3} data-testid="record-attendees" />
        </Form.Item>
        <Form.Item name="minutes" label={t('minutes')}>
          <Input.TextArea rows={4} data-testid="record-minutes" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={fetching} data-testid="record-save">
          {t('record')}
        </Button>
        {errors.notice && <div style={{ marginTop: 8 }}>{errors.notice}</div>}
        {saved && <Alert style={{ marginTop: 8 }} type="success" showIcon title={t('recorded')} />}
      </Form>
    </Card>
  );
}

function DecisionForm({ meeting, onAdded }: { meeting: MeetingDetail; onAdded: () => void }) {
  const t = useMessages(messages);
  const [form] = Form.useForm<{ projectId: string; category: ProblemCategory; title: string; ownerUnit: string; workingDays: number }>();
  const [added, setAdded] = useState(false);
  const [{ fetching }, add] = useMutation(DECISION);
  const errors = useFormErrors(form);
  if (meeting.list.length === 0) return null;
  return (
    <Card size="small" title={t('addDecision')} style={{ marginTop: 12 }}>
      <Form
        form={form}
        layout="inline"
        style={{ rowGap: 8 }}
        initialValues={{ category: 'OTHER', workingDays: 10 }}
        onFinish={async (v) => {
          setAdded(false);
          errors.clear();
          const r = await add({ meetingId: meeting.id, input: { projectId: v.projectId, category: v.category, title: v.title ?? '', ownerUnit: v.ownerUnit ?? '', workingDays: v.workingDays } });
          if (!errors.show(r.error)) {
            setAdded(true);
            form.resetFields(['title', 'ownerUnit']);
            onAdded();
          }
        }}
      >
        <Form.Item name="projectId" label={t('project')} rules={[{ required: true, message: t('project') }]}>
          <Select data-testid="decision-project" showSearch={{ optionFilterProp: 'label' }} style={{ width: 240 }} options={meeting.list.map((e) => ({ value: e.project.id, label: e.project.name }))} />
        </Form.Item>
        <Form.Item name="category" label={t('category')}>
          <Select style={{ width: 120 }} options={CATEGORIES.map((c) => ({ value: c, label: t(c) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('problem')}>
          <Input style={{ width: 240 }} data-testid="decision-title" />
        </Form.Item>
        <Form.Item name="ownerUnit" label={t('ownerUnit')}>
          <Input style={{ width: 200 }} data-testid="decision-owner" />
        </Form.Item>
        <Form.Item name="workingDays" label={t('deadline')}>
          <InputNumber min={0} max={365} addonAfter={t('workingDays', { n: '' }).trim()} style={{ width: 170 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={fetching} data-testid="decision-add">
          {t('addDecision')}
        </Button>
        {errors.notice && <div style={{ width: '100%', marginTop: 8 }}>{errors.notice}</div>}
        {added && <Alert style={{ width: '100%', marginTop: 8 }} type="success" showIcon title={t('decisionAdded')} />}
      </Form>
    </Card>
  );
}
