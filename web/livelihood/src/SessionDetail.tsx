import { useEffect, useState } from 'react';
import { Alert, Button, Card, Collapse, Descriptions, Form, Input, InputNumber, Popconfirm, Progress, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery } from 'urql';
import { DateInput, DateTimeInput, ErrorNotice, formatDateTime, IMPORT_RESULT_FIELDS, ImportPanel, QueryState, useFormErrors, useMessages, type ImportResult } from '@kpd/web-kit';
import { levelMessages, messages, sessionMessages, supportMessages, type Level, type MessageKey } from './messages';
import { fromShanghaiInput, STATUS_COLORS, toShanghaiInput, type SessionStatus } from './shared';
import { Hash, Results } from './Results';
import { Candidates, type CandidateRow } from './Candidates';
import { PaperBallots } from './Paper';
import { KeyHolder, ShareStatus, type ShareRow } from './KeyHolder';

interface RosterRow {
  id: string;
  userId: string;
  name: string;
  delegation: string;
  scrutineer: boolean;
  checkedInAt: string | null;
}
export interface DetailSession {
  id: string;
  name: string;
  meetingDate: string;
  seats: number;
  status: SessionStatus;
  version: number;
  opensAt: string | null;
  supportOpensAt: string | null;
  supportClosesAt: string | null;
  closesAt: string | null;
  fingerprint: string | null;
  currentRound: number;
  rosterSize: number;
  checkedIn: number;
  quorumShortfall: number;
  area: { id: string; name: string };
  city: { id: string; name: string };
  level: Level;
  manageable: boolean;
  candidates: CandidateRow[];
  roster: RosterRow[] | null;
  me: { onRoster: boolean; scrutineer: boolean; shareKey: string | null } | null;
  round: {
    id: string;
    number: number;
    status: 'OPEN' | 'CLOSED';
    seats: number;
    fingerprint: string;
    canonical: string;
    openedAt: string;
    candidates: Array<{ id: string; name: string; position: number }>;
    paper: { issued: number; returned: number | null; notReturned: number | null; valid: boolean | null };
    paperBatches: Array<{ id: string; sheets: number; issuedBy: string; confirmedBy: string | null; mine: boolean; delegates: string[] }> | null;
    awaitingShares: boolean;
    sharesNeeded: number;
    countingShares: ShareRow[] | null;
    myCountingShare: { number: number; sealed: string; keyTag: string; submitted: boolean } | null;
  } | null;
}

const DETAIL = /* GraphQL */ `
  query VoteSessionDetail($id: ID!) {
    voteSession(id: $id) {
      id name meetingDate seats status version opensAt closesAt supportOpensAt supportClosesAt fingerprint currentRound
      rosterSize checkedIn quorumShortfall
      area { id name } city { id name } level manageable
      candidates { id name description position leadDepartment targetQuantity unit estimatedCost proposalIds adopted supportCount reserveItem { id votes rosterSize reason fromSession { id name } history { id votes rosterSize reason fromSession { name } } } }
      roster { id userId name delegation scrutineer checkedInAt }
      me { onRoster scrutineer shareKey }
      round { id number status seats fingerprint canonical openedAt candidates { id name position } paper { issued returned notReturned valid } paperBatches { id sheets issuedBy confirmedBy mine delegates }
        awaitingShares sharesNeeded countingShares { number holder submitted mine } myCountingShare { number sealed keyTag submitted } }
    }
  }
`;
const UPDATE = /* GraphQL */ `
  mutation UpdateVoteSession($id: ID!, $input: VoteSessionInput!, $version: Int) { updateVoteSession(id: $id, input: $input, version: $version) { id version } }
`;
const IMPORT = /* GraphQL */ `
  mutation ImportVoteRoster($sessionId: ID!, $fileId: ID!, $dryRun: Boolean!) { importVoteRoster(sessionId: $sessionId, fileId: $fileId, dryRun: $dryRun) { ${IMPORT_RESULT_FIELDS} } }
`;
const OPEN = /* GraphQL */ `
  mutation OpenVote($sessionId: ID!) { openVote(sessionId: $sessionId) { id status fingerprint } }
`;
const CLOSE = /* GraphQL */ `
  mutation EndCasting($sessionId: ID!) { closeVote(sessionId: $sessionId) { id status } }
`;
const CONCLUDE = /* GraphQL */ `
  mutation ConcludeVote($sessionId: ID!) { concludeVote(sessionId: $sessionId) { id status } }
`;

/**
 * One congress session. Admins of the city set it up (settings, roster import, candidates), follow the
 * check-in against the quorum, open the vote (the frozen fingerprint), close or conclude it; scrutineers
 * handle paper ballots; everyone sees the published results.
 */
export function SessionDetail({ id, admin, onBack }: { id: string; admin: boolean; onBack: () => void }) {
  const t = useMessages(messages);
  const s = useMessages(sessionMessages);
  const l = useMessages(levelMessages);
  const [{ data, fetching, error }, refetch] = useQuery<{ voteSession: DetailSession }>({ query: DETAIL, variables: { id }, requestPolicy: 'cache-and-network' });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const live = data?.voteSession.status === 'DRAFT' || data?.voteSession.status === 'VOTING';
  // The check-in count is live while the session is being prepared or voting.
  useEffect(() => {
    if (!live) return;
    const timer = setInterval(() => refetch({ requestPolicy: 'network-only' }), 5000);
    return () => clearInterval(timer);
  }, [live, refetch]);
  return (
    <>
      <Button type="link" onClick={onBack} style={{ paddingLeft: 0 }} data-testid="session-back">
        ← {s('back')}
      </Button>
      <QueryState fetching={fetching} error={error} data={data} onRetry={reload}>
        {({ voteSession: v }) => {
          const scrutineer = !admin && !!v.me?.scrutineer;
          const manage = admin && v.manageable;
          const draft = v.status === 'DRAFT';
          return (
            <div data-testid="session-detail">
              <Typography.Title level={4} style={{ marginTop: 0 }}>
                {v.name} <Tag color={STATUS_COLORS[v.status as MessageKey]} data-testid="session-status">{t(v.status as MessageKey)}</Tag>
              </Typography.Title>
              <Overview session={v} />
              {admin && !v.manageable && <Alert type="info" showIcon style={{ marginBottom: 16 }} message={l('notYours', { area: v.area.name })} data-testid="session-not-yours" />}
              {manage && <VoteControl session={v} onChanged={reload} />}
              {scrutineer && v.status !== 'DECIDED' && <KeyHolder session={v} onChanged={reload} />}
              {v.round?.status === 'OPEN' && (manage || scrutineer) && <PaperBallots session={v} manage={manage} onChanged={reload} />}
              {manage && draft && <Settings session={v} onSaved={reload} />}
              <Collapse
                style={{ marginBottom: 16 }}
                defaultActiveKey={draft && manage ? ['candidates', 'roster'] : []}
                items={[
                  { key: 'candidates', label: s('candidatesTitle', { n: v.candidates.length, seats: v.seats }), children: <Candidates session={v} editable={manage && draft} onSaved={reload} /> },
                  ...(v.roster !== null ? [{ key: 'roster', label: s('rosterTitle', { n: v.rosterSize, checked: v.checkedIn }), children: <Roster session={v} editable={manage && draft} onImported={reload} /> }] : []),
                ]}
              />
              <Typography.Title level={4}>{s('resultsTitle')}</Typography.Title>
              <Results key={`${v.status}:${v.currentRound}`} sessionId={v.id} />
            </div>
          );
        }}
      </QueryState>
    </>
  );
}

function Overview({ session: v }: { session: DetailSession }) {
  const t = useMessages(messages);
  const s = useMessages(sessionMessages);
  const l = useMessages(levelMessages);
  const needed = v.rosterSize ? Math.max(0, v.checkedIn + v.quorumShortfall) : 0;
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }}>
        <Descriptions.Item label={l('area')}>{v.area.name === v.city.name ? v.area.name : `${v.city.name} ${v.area.name}`}</Descriptions.Item>
        <Descriptions.Item label={l('level')}>{l(v.level)}</Descriptions.Item>
        <Descriptions.Item label={t('meetingDate')}>{v.meetingDate}</Descriptions.Item>
        <Descriptions.Item label={t('seats')}>{v.seats}</Descriptions.Item>
        <Descriptions.Item label={s('opensAt')}>{formatDateTime(v.opensAt)}</Descriptions.Item>
        <Descriptions.Item label={s('closesAt')}>{formatDateTime(v.closesAt)}</Descriptions.Item>
        <Descriptions.Item label={s('passRuleLabel')}>{s('passRuleShort', { roster: v.rosterSize })}</Descriptions.Item>
      </Descriptions>
      <div data-testid="checkin-count" style={{ maxWidth: 520 }}>
        <Typography.Text strong>
          {s('checkinCount', { checked: v.checkedIn, roster: v.rosterSize })}
        </Typography.Text>
        {v.rosterSize > 0 && (
          <>
            <Progress percent={needed ? Math.min(100, Math.round((v.checkedIn / needed) * 100)) : 100} status={v.quorumShortfall > 0 ? 'active' : 'success'} size="small" format={() => `${v.checkedIn}/${needed}`} />
            <Typography.Text type={v.quorumShortfall > 0 ? 'warning' : 'success'} data-testid="quorum">
              {v.quorumShortfall > 0 ? s('quorumShort', { needed, short: v.quorumShortfall }) : s('quorumMet', { needed })}
            </Typography.Text>
          </>
        )}
        {v.rosterSize === 0 && <Typography.Text type="warning"> {s('noRoster')}</Typography.Text>}
      </div>
    </Card>
  );
}

/** Open, close, conclude; with the frozen fingerprint once opened. */
function VoteControl({ session: v, onChanged }: { session: DetailSession; onChanged: () => void }) {
  const s = useMessages(sessionMessages);
  const [opened, open] = useMutation(OPEN);
  const [closed, close] = useMutation(CLOSE);
  const [concluded, conclude] = useMutation(CONCLUDE);
  const error = opened.error ?? closed.error ?? concluded.error;
  const round = v.round;
  const tooFew = v.candidates.length <= v.seats;
  return (
    <Card size="small" title={s('controlTitle')} style={{ marginBottom: 16 }} data-testid="vote-control">
      {v.status === 'DRAFT' && (
        <Space direction="vertical" style={{ width: '100%' }}>
          {tooFew && <Alert type="warning" showIcon title={s('needCandidates', { seats: v.seats })} />}
          <Typography.Text type="secondary">{s('openHint')}</Typography.Text>
          <Popconfirm title={s('openConfirm')} onConfirm={async () => (await open({ sessionId: v.id })).data && onChanged()} okButtonProps={{ 'data-testid': 'vote-open-ok' }}>
            <Button type="primary" loading={opened.fetching} data-testid="vote-open">
              {s('open')}
            </Button>
          </Popconfirm>
        </Space>
      )}
      {v.status === 'COUNTED' && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Alert type="warning" showIcon title={s('countedHint')} />
          <Space wrap>
            <Popconfirm title={s('runoffConfirm')} onConfirm={async () => (await open({ sessionId: v.id })).data && onChanged()} okButtonProps={{ 'data-testid': 'vote-open-ok' }}>
              <Button type="primary" loading={opened.fetching} data-testid="vote-runoff">
                {s('runoff')}
              </Button>
            </Popconfirm>
            <Popconfirm title={s('concludeConfirm')} onConfirm={async () => (await conclude({ sessionId: v.id })).data && onChanged()} okButtonProps={{ 'data-testid': 'vote-conclude-ok' }}>
              <Button loading={concluded.fetching} data-testid="vote-conclude">
                {s('conclude')}
              </Button>
            </Popconfirm>
          </Space>
        </Space>
      )}
      {round && (
        <Descriptions size="small" column={1} style={{ marginTop: 12 }}>
          <Descriptions.Item label={s('roundLabel')}>
            {s('roundState', { n: round.number, seats: round.seats, candidates: round.candidates.length })}{' '}
            <Tag color={round.status === 'OPEN' ? 'processing' : 'default'}>{s(round.status === 'OPEN' ? 'roundOpen' : 'roundClosed')}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={s('fingerprint')}>
            <Hash value={round.fingerprint} testId="session-fingerprint" />
          </Descriptions.Item>
          <Descriptions.Item label={s('canonical')}>
            <Typography.Paragraph style={{ fontSize: 11, marginBottom: 0, maxHeight: 120, overflow: 'auto', whiteSpace: 'pre-wrap', wordBreak: 'break-all' }} copyable>
              {round.canonical}
            </Typography.Paragraph>
          </Descriptions.Item>
        </Descriptions>
      )}
      {v.status === 'VOTING' && round && !round.awaitingShares && (
        <Space orientation="vertical" style={{ width: '100%', marginTop: 12 }}>
          <Typography.Text type="secondary">{s('closeHint')}</Typography.Text>
          <Popconfirm title={s('closeConfirm')} onConfirm={async () => (await close({ sessionId: v.id })).data && onChanged()} okButtonProps={{ 'data-testid': 'vote-close-ok' }}>
            <Button danger type="primary" loading={closed.fetching} data-testid="vote-close">
              {s('close')}
            </Button>
          </Popconfirm>
        </Space>
      )}
      {v.status === 'VOTING' && round?.awaitingShares && (
        <Space orientation="vertical" style={{ width: '100%', marginTop: 12 }} data-testid="awaiting-shares">
          <Alert type="info" showIcon title={s('awaitingShares')} />
          <ShareStatus round={round} />
        </Space>
      )}
      {v.status === 'DECIDED' && <Typography.Text type="success">{s('decided')}</Typography.Text>}
      {error && (
        <div style={{ marginTop: 12 }}>
          <ErrorNotice error={error} />
        </div>
      )}
    </Card>
  );
}

interface SettingsForm {
  name: string;
  meetingDate: string;
  seats: number;
  opensAt?: string;
  closesAt?: string;
  supportOpensAt?: string;
  supportClosesAt?: string;
}

function Settings({ session: v, onSaved }: { session: DetailSession; onSaved: () => void }) {
  const s = useMessages(sessionMessages);
  const sp = useMessages(supportMessages);
  const [form] = Form.useForm<SettingsForm>();
  const errors = useFormErrors(form);
  const [{ fetching }, update] = useMutation(UPDATE);
  return (
    <Collapse
      style={{ marginBottom: 16 }}
      items={[
        {
          key: 'settings',
          label: s('settingsTitle'),
          children: (
            <Form<SettingsForm>
              form={form}
              layout="vertical"
              initialValues={{ name: v.name, meetingDate: v.meetingDate, seats: v.seats, opensAt: toShanghaiInput(v.opensAt), closesAt: toShanghaiInput(v.closesAt), supportOpensAt: toShanghaiInput(v.supportOpensAt), supportClosesAt: toShanghaiInput(v.supportClosesAt) }}
              onFinish={async (f) => {
                const r = await update({
                  id: v.id,
                  version: v.version,
                  input: { name: f.name.trim(), meetingDate: f.meetingDate, seats: f.seats, opensAt: fromShanghaiInput(f.opensAt), closesAt: fromShanghaiInput(f.closesAt), supportOpensAt: fromShanghaiInput(f.supportOpensAt), supportClosesAt: fromShanghaiInput(f.supportClosesAt) },
                });
                if (errors.show(r.error)) return;
                if (r.data) onSaved();
              }}
              style={{ maxWidth: 640 }}
            >
              <Form.Item name="name" label={s('sessionName')} rules={[{ required: true, whitespace: true, message: s('required') }]}>
                <Input />
              </Form.Item>
              <Space wrap>
                <Form.Item name="meetingDate" label={s('meetingDay')} rules={[{ required: true, message: s('required') }]}>
                  <DateInput />
                </Form.Item>
                <Form.Item name="seats" label={s('seatsField')} rules={[{ required: true, message: s('required') }]}>
                  <InputNumber min={1} max={50} />
                </Form.Item>
                <Form.Item name="opensAt" label={s('opensAt')}>
                  <DateTimeInput />
                </Form.Item>
                <Form.Item name="closesAt" label={s('closesAt')}>
                  <DateTimeInput />
                </Form.Item>
              </Space>
              <Space wrap>
                <Form.Item name="supportOpensAt" label={sp('pollOpens')}>
                  <DateTimeInput testId="session-support-opens" />
                </Form.Item>
                <Form.Item name="supportClosesAt" label={sp('pollCloses')}>
                  <DateTimeInput testId="session-support-closes" />
                </Form.Item>
              </Space>
              {errors.notice}
              <Button type="primary" htmlType="submit" loading={fetching} style={{ marginTop: 8 }}>
                {s('save')}
              </Button>
            </Form>
          ),
        },
      ]}
    />
  );
}

function Roster({ session: v, editable, onImported }: { session: DetailSession; editable: boolean; onImported: () => void }) {
  const s = useMessages(sessionMessages);
  const [, importRoster] = useMutation<{ importVoteRoster: ImportResult }>(IMPORT);
  const [filter, setFilter] = useState('');
  const rows = (v.roster ?? []).filter((r) => !filter || r.name.includes(filter) || r.delegation.includes(filter));
  return (
    <>
      {editable && (
        <Card size="small" style={{ marginBottom: 12 }} data-testid="roster-import">
          <Typography.Paragraph>
            {s('rosterHint')}{' '}
            <a href="/api/livelihood/roster-template.xlsx" download data-testid="roster-template">
              {s('template')}
            </a>
          </Typography.Paragraph>
          <ImportPanel
            run={async (fileId, dryRun) => {
              const r = await importRoster({ sessionId: v.id, fileId, dryRun });
              return { data: r.data?.importVoteRoster, error: r.error };
            }}
            onCommitted={onImported}
          />
        </Card>
      )}
      <Input.Search allowClear placeholder={s('rosterFilter')} style={{ maxWidth: 320, marginBottom: 8 }} onSearch={setFilter} onChange={(e) => !e.target.value && setFilter('')} />
      <Table<RosterRow>
        rowKey="id"
        size="small"
        data-testid="roster-table"
        dataSource={rows}
        pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        scroll={{ x: 560 }}
        columns={[
          { title: s('delegate'), dataIndex: 'name' },
          { title: s('delegation'), dataIndex: 'delegation' },
          { title: s('scrutineer'), dataIndex: 'scrutineer', width: 90, render: (b: boolean) => (b ? <Tag color="purple">{s('scrutineer')}</Tag> : null) },
          { title: s('checkedInAt'), dataIndex: 'checkedInAt', width: 150, render: (at: string | null) => (at ? formatDateTime(at) : <Typography.Text type="secondary">{s('notCheckedIn')}</Typography.Text>) },
        ]}
      />
    </>
  );
}
