import { useState } from 'react';
import { Button, Card, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery } from 'urql';
import { graphql } from './gql';
import type { VoteSessionsQuery } from './gql/graphql';
import { DateInput, DateTimeInput, QueryState, useFormErrors, useMessages, type Viewer } from '@kpd/web-kit';
import { levelMessages, LEVELS, messages, sessionMessages, type Level, type MessageKey } from './messages';
import { fromShanghaiInput, STATUS_COLORS } from './shared';

type SessionRow = VoteSessionsQuery['voteSessions'][number];

const SESSIONS = graphql(`
  query VoteSessions($level: AreaLevel) { voteSessions(level: $level) { id name meetingDate seats rosterSize checkedIn status level area { name } candidates { id } } }
`);
const AREAS = graphql(`
  query VoteAreas { areas { id name level children { id name level children { id name level children { id name level } } } } }
`);
const CREATE = graphql(`
  mutation CreateVoteSession($areaId: ID!, $input: VoteSessionInput!) { createVoteSession(areaId: $areaId, input: $input) { id } }
`);

/**
 * Congress sessions of the viewer's city and of the counties and townships in the viewer's scope,
 * filtered by level; an admin creates one for a city, a county (区县) or a township (乡镇街道) here.
 */
export function Sessions({ admin, viewer, onOpen }: { admin: boolean; viewer: Viewer; onOpen: (id: string) => void }) {
  const t = useMessages(messages);
  const s = useMessages(sessionMessages);
  const l = useMessages(levelMessages);
  const [creating, setCreating] = useState(false);
  const [level, setLevel] = useState<Level | undefined>();
  const [{ data, fetching, error }, refetch] = useQuery({ query: SESSIONS, variables: { level: level ?? null }, requestPolicy: 'cache-and-network' });
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <span>{l('level')}</span>
        <Select<Level | 'ALL'>
          style={{ minWidth: 160 }}
          data-testid="session-level"
          value={level ?? 'ALL'}
          onChange={(v) => setLevel(v === 'ALL' ? undefined : v)}
          options={[{ value: 'ALL', label: l('allLevels') }, ...LEVELS.map((v) => ({ value: v, label: l(v) }))]}
        />
      </Space>
      {admin && (
        <div style={{ marginBottom: 12 }}>
          {creating ? (
            <NewSession viewer={viewer} onCancel={() => setCreating(false)} onCreated={(id) => onOpen(id)} />
          ) : (
            <Button type="primary" onClick={() => setCreating(true)} data-testid="session-new">
              {s('newSession')}
            </Button>
          )}
        </div>
      )}
      <QueryState fetching={fetching} error={error} data={data} isEmpty={(d) => d.voteSessions.length === 0} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
        {(d) => (
          <Table<SessionRow>
            rowKey="id"
            size="small"
            data-testid="session-table"
            dataSource={d.voteSessions}
            pagination={false}
            scroll={{ x: 800 }}
            onRow={(r) => ({ onClick: () => onOpen(r.id), style: { cursor: 'pointer' } })}
            columns={[
              { title: t('name'), dataIndex: 'name', render: (v: string, r) => <a data-testid={`session-link-${r.id}`}>{v}</a> },
              { title: l('area'), render: (_: unknown, r) => r.area.name, width: 110 },
              { title: l('level'), render: (_: unknown, r) => <Tag data-testid={`session-level-${r.id}`}>{l(r.level)}</Tag>, width: 110 },
              { title: t('meetingDate'), dataIndex: 'meetingDate', width: 110 },
              { title: t('seats'), dataIndex: 'seats', align: 'right', width: 90 },
              { title: t('candidates'), render: (_: unknown, r) => r.candidates.length, align: 'right', width: 90 },
              { title: t('checkedIn'), render: (_: unknown, r) => `${r.checkedIn} / ${r.rosterSize}`, align: 'right', width: 100 },
              { title: t('status'), dataIndex: 'status', render: (v: MessageKey) => <Tag color={STATUS_COLORS[v]}>{t(v)}</Tag>, width: 110 },
            ]}
          />
        )}
      </QueryState>
    </>
  );
}

interface NewSessionForm {
  areaId?: string;
  name: string;
  meetingDate: string;
  seats: number;
  opensAt?: string;
  closesAt?: string;
}

interface AreaNode {
  id: string;
  name: string;
  level: Level;
  children?: AreaNode[] | null;
}

/** The area tree of the viewer's scope as a list, each with its parent's name. */
function flatten(nodes: AreaNode[], parentName: string): Array<{ id: string; name: string; level: Level; parentName: string }> {
  return nodes.flatMap((n) => [{ id: n.id, name: n.name, level: n.level, parentName }, ...flatten(n.children ?? [], n.name)]);
}

function NewSession({ viewer, onCancel, onCreated }: { viewer: Viewer; onCancel: () => void; onCreated: (id: string) => void }) {
  const s = useMessages(sessionMessages);
  const l = useMessages(levelMessages);
  const [areas] = useQuery({ query: AREAS });
  const [{ fetching }, create] = useMutation(CREATE);
  const [form] = Form.useForm<NewSessionForm>();
  const errors = useFormErrors(form);
  // The congresses the viewer may run: a city admin its city's; a county admin its county's and its townships'.
  const all = flatten(areas.data?.areas ?? [], '');
  const cityLevel = viewer.area.level === 'CITY' || viewer.area.level === 'PROVINCE';
  const runnable = all.filter((a) => LEVELS.includes(a.level) && (cityLevel ? a.level === 'CITY' : a.level !== 'CITY'));
  const label = (a: { name: string; parentName: string; level: Level }) => (a.level === 'TOWNSHIP' ? `${a.parentName} ${a.name}` : a.name);
  return (
    <Card size="small" title={s('newSession')} style={{ maxWidth: 640 }} data-testid="session-form">
      <Form<NewSessionForm>
        form={form}
        layout="vertical"
        initialValues={{ seats: 10, areaId: LEVELS.some((l) => l === viewer.area.level) ? viewer.area.id : undefined }}
        onFinish={async (v) => {
          if (!v.areaId) return;
          const r = await create({
            areaId: v.areaId,
            input: { name: v.name.trim(), meetingDate: v.meetingDate, seats: v.seats, opensAt: fromShanghaiInput(v.opensAt), closesAt: fromShanghaiInput(v.closesAt) },
          });
          if (errors.show(r.error)) return;
          if (r.data) onCreated(r.data.createVoteSession.id);
        }}
      >
        <Form.Item name="areaId" label={l('areaField')} extra={l('areaHelp')} rules={[{ required: true, message: s('required') }]}>
          <Select
            showSearch
            optionFilterProp="label"
            loading={areas.fetching}
            data-testid="session-area"
            options={runnable.map((a) => ({ value: a.id, label: `${label(a)}（${l(a.level)}）` }))}
          />
        </Form.Item>
        <Form.Item name="name" label={s('sessionName')} rules={[{ required: true, whitespace: true, message: s('required') }]}>
          <Input placeholder="阜新市十六届人大五次会议" data-testid="session-name" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="meetingDate" label={s('meetingDay')} rules={[{ required: true, message: s('required') }]}>
            <DateInput testId="session-date" />
          </Form.Item>
          <Form.Item name="seats" label={s('seatsField')} rules={[{ required: true, message: s('required') }]}>
            <InputNumber min={1} max={50} data-testid="session-seats" />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="opensAt" label={s('opensAt')}>
            <DateTimeInput />
          </Form.Item>
          <Form.Item name="closesAt" label={s('closesAt')}>
            <DateTimeInput />
          </Form.Item>
        </Space>
        <Typography.Paragraph type="secondary">{s('passRule')}</Typography.Paragraph>
        {errors.notice}
        <Space style={{ marginTop: 8 }}>
          <Button type="primary" htmlType="submit" loading={fetching} data-testid="session-create">
            {s('create')}
          </Button>
          <Button onClick={onCancel}>{s('cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}
