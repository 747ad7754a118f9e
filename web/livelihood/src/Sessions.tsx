import { useState } from 'react';
import { Button, Card, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery } from 'urql';
import { ErrorNotice, QueryState, useMessages, type Viewer } from '@kpd/web-kit';
import { messages, sessionMessages, type MessageKey } from './messages';
import { fromShanghaiInput, STATUS_COLORS } from './shared';

interface SessionRow {
  id: string;
  name: string;
  meetingDate: string;
  seats: number;
  rosterSize: number;
  checkedIn: number;
  status: MessageKey;
  city: { name: string };
  candidates: Array<{ id: string }>;
}

const SESSIONS = /* GraphQL */ `
  query VoteSessions { voteSessions { id name meetingDate seats rosterSize checkedIn status city { name } candidates { id } } }
`;
const AREAS = /* GraphQL */ `
  query VoteCities { areas { id name level } }
`;
const CREATE = /* GraphQL */ `
  mutation CreateVoteSession($cityId: ID!, $input: VoteSessionInput!) { createVoteSession(cityId: $cityId, input: $input) { id } }
`;

/** Congress sessions of the viewer's city; an admin of the city creates one here. */
export function Sessions({ admin, viewer, onOpen }: { admin: boolean; viewer: Viewer; onOpen: (id: string) => void }) {
  const t = useMessages(messages);
  const s = useMessages(sessionMessages);
  const [creating, setCreating] = useState(false);
  const [{ data, fetching, error }, refetch] = useQuery<{ voteSessions: SessionRow[] }>({ query: SESSIONS, requestPolicy: 'cache-and-network' });
  return (
    <>
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
              { title: t('city'), render: (_: unknown, r) => r.city.name, width: 90 },
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
  cityId?: string;
  name: string;
  meetingDate: string;
  seats: number;
  opensAt?: string;
  closesAt?: string;
}

function NewSession({ viewer, onCancel, onCreated }: { viewer: Viewer; onCancel: () => void; onCreated: (id: string) => void }) {
  const s = useMessages(sessionMessages);
  const ownCity = viewer.area.level === 'CITY' ? viewer.area.id : null;
  const [areas] = useQuery<{ areas: Array<{ id: string; name: string; level: string }> }>({ query: AREAS, pause: ownCity !== null });
  const [{ fetching, error }, create] = useMutation<{ createVoteSession: { id: string } }>(CREATE);
  const [form] = Form.useForm<NewSessionForm>();
  const cities = areas.data?.areas.filter((a) => a.level === 'CITY') ?? [];
  return (
    <Card size="small" title={s('newSession')} style={{ maxWidth: 640 }} data-testid="session-form">
      <Form<NewSessionForm>
        form={form}
        layout="vertical"
        initialValues={{ seats: 10 }}
        onFinish={async (v) => {
          const cityId = ownCity ?? v.cityId;
          if (!cityId) return;
          const r = await create({
            cityId,
            input: { name: v.name.trim(), meetingDate: v.meetingDate, seats: v.seats, opensAt: fromShanghaiInput(v.opensAt), closesAt: fromShanghaiInput(v.closesAt) },
          });
          if (r.data) onCreated(r.data.createVoteSession.id);
        }}
      >
        {ownCity === null && (
          <Form.Item name="cityId" label={s('cityField')} rules={[{ required: true, message: s('required') }]}>
            <Select loading={areas.fetching} options={cities.map((c) => ({ value: c.id, label: c.name }))} />
          </Form.Item>
        )}
        <Form.Item name="name" label={s('sessionName')} rules={[{ required: true, whitespace: true, message: s('required') }]}>
          <Input placeholder="阜新市十六届人大五次会议" data-testid="session-name" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="meetingDate" label={s('meetingDay')} rules={[{ required: true, message: s('required') }]}>
            <Input type="date" data-testid="session-date" />
          </Form.Item>
          <Form.Item name="seats" label={s('seatsField')} rules={[{ required: true, message: s('required') }]}>
            <InputNumber min={1} max={50} data-testid="session-seats" />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="opensAt" label={s('opensAt')}>
            <Input type="datetime-local" />
          </Form.Item>
          <Form.Item name="closesAt" label={s('closesAt')}>
            <Input type="datetime-local" />
          </Form.Item>
        </Space>
        <Typography.Paragraph type="secondary">{s('passRule')}</Typography.Paragraph>
        {error && <ErrorNotice error={error} />}
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
