import { useEffect } from 'react';
import { Alert, Button, Card, Collapse, Descriptions, Progress, Tag, Typography } from 'antd';
import { useQuery } from 'urql';
import { formatDateTime, QueryState, useMessages } from '@kpd/web-kit';
import { levelMessages, messages, sessionMessages, type MessageKey } from '../messages';
import { STATUS_COLORS } from '../shared';
import { Results } from '../Results';
import { Candidates } from '../Candidates';
import { PaperBallots } from '../Paper';
import { KeyHolder } from '../KeyHolder';
import { DETAIL, type DetailSession } from './queries';
import { VoteControl } from './VoteControl';
import { Settings } from './Settings';
import { Roster } from './Roster';

/**
 * One congress session. Admins of the city set it up (settings, roster import, candidates), follow the
 * check-in against the quorum, open the vote (the frozen fingerprint), close or conclude it; scrutineers
 * handle paper ballots; everyone sees the published results.
 */
export function SessionDetail({ id, admin, onBack }: { id: string; admin: boolean; onBack: () => void }) {
  const t = useMessages(messages);
  const s = useMessages(sessionMessages);
  const l = useMessages(levelMessages);
  const [{ data, fetching, error }, refetch] = useQuery({ query: DETAIL, variables: { id }, requestPolicy: 'cache-and-network' });
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
