import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Input, InputNumber, Popconfirm, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery } from 'urql';
import { graphql } from './gql';
import type { SessionEvaluationQuery, Satisfaction } from './gql/graphql';
import { ErrorNotice, formatDateTime, QueryState, useMessages } from '@kpd/web-kit';
import { evaluationMessages as messages } from './messages';
import { Hash } from './Results';
import { quantity } from './shared';
import { CombinedResults, PublicPart } from './PublicSurvey';

type Rating = Satisfaction;
const RATINGS: Rating[] = ['SATISFIED', 'BASICALLY_SATISFIED', 'UNSATISFIED'];
const RATING_COLORS: Record<Rating, string> = { SATISFIED: 'green', BASICALLY_SATISFIED: 'gold', UNSATISFIED: 'red' };

type EvalSession = NonNullable<SessionEvaluationQuery['voteSession']>;
type EvaluationRound = NonNullable<EvalSession['evaluation']>;

const SESSIONS = graphql(`
  query EvaluationSessions { voteSessions { id name meetingDate city { name } projects { id } } }
`);
const EVALUATION = graphql(`
  query SessionEvaluation($id: ID!, $year: Int) {
    voteSession(id: $id) {
      id name meetingDate city { name } area { id } projects { id } me { onRoster }
      evaluation(year: $year) {
        id year status fingerprint chainHead rosterSize sheets rated openedAt closedAt
        projects { id name leadDepartment targetQuantity unit status }
        results { ...CombinedResultFields }
        ...RatingFields
      }
    }
  }
`);
const OPEN = graphql(`
  mutation OpenEvaluation($sessionId: ID!, $year: Int!) { openEvaluation(sessionId: $sessionId, year: $year) { id status } }
`);
const CLOSE = graphql(`
  mutation CloseEvaluation($sessionId: ID!, $year: Int!) { closeEvaluation(sessionId: $sessionId, year: $year) { id status } }
`);
const SUBMIT = graphql(`
  mutation SubmitEvaluation($sessionId: ID!, $year: Int!, $ratings: [RatingInput!]!) { submitEvaluation(sessionId: $sessionId, year: $year, ratings: $ratings) { receiptCode fingerprint } }
`);
const VERIFY = graphql(`
  query VerifyEvaluationReceipt($sessionId: ID!, $year: Int!, $receiptCode: String!) {
    verifyEvaluationReceipt(sessionId: $sessionId, year: $year, receiptCode: $receiptCode) { receiptCode chainHash ratings { projectId rating } }
  }
`);

/** The year-end evaluation (人大评): admins open and close it, delegates rate each project, everyone sees the result. */
export function Evaluation({ admin, delegate }: { admin: boolean; delegate: boolean }) {
  const t = useMessages(messages);
  const [{ data, fetching, error }, refetch] = useQuery({ query: SESSIONS });
  const [sessionId, setSessionId] = useState<string | undefined>();
  const withProjects = data?.voteSessions.filter((s) => s.projects.length > 0) ?? [];
  const chosen = withProjects.find((s) => s.id === sessionId) ?? withProjects[0];
  return (
    <div style={{ maxWidth: 900 }}>
      <QueryState fetching={fetching} error={error} data={data} isEmpty={() => withProjects.length === 0} empty={t('none')} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
        {() => (
          <>
            {withProjects.length > 1 && (
              <Select style={{ width: '100%', maxWidth: 420, marginBottom: 12 }} data-testid="evaluation-session" value={chosen.id} onChange={setSessionId} options={withProjects.map((s) => ({ value: s.id, label: s.name }))} />
            )}
            <SessionEvaluation key={chosen.id} sessionId={chosen.id} defaultYear={Number(chosen.meetingDate.slice(0, 4))} admin={admin} delegate={delegate} />
          </>
        )}
      </QueryState>
    </div>
  );
}

function SessionEvaluation({ sessionId, defaultYear, admin, delegate }: { sessionId: string; defaultYear: number; admin: boolean; delegate: boolean }) {
  const t = useMessages(messages);
  const [year, setYear] = useState(defaultYear);
  const [{ data, fetching, error }, refetch] = useQuery({ query: EVALUATION, variables: { id: sessionId, year }, requestPolicy: 'cache-and-network' });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const [opened, open] = useMutation(OPEN);
  const [closed, close] = useMutation(CLOSE);
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <span>{t('year')}</span>
        <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} data-testid="evaluation-year" />
      </Space>
      <QueryState fetching={fetching} error={error} data={data} onRetry={reload}>
        {({ voteSession: s }) => {
          const e = s.evaluation;
          if (!e) {
            return (
              <Card size="small">
                <Typography.Paragraph>{t('notOpened', { year })}</Typography.Paragraph>
                {admin && (
                  <>
                    <Typography.Paragraph type="secondary">{t('openHint')}</Typography.Paragraph>
                    {opened.error && <ErrorNotice error={opened.error} />}
                    <Button type="primary" loading={opened.fetching} onClick={async () => (await open({ sessionId, year })).data && reload()} data-testid="evaluation-open">
                      {t('open', { year })}
                    </Button>
                  </>
                )}
              </Card>
            );
          }
          return (
            <div data-testid="evaluation">
              <Descriptions size="small" bordered column={1} style={{ marginBottom: 12 }}>
                <Descriptions.Item label={t('status')}>
                  <Tag color={e.status === 'OPEN' ? 'processing' : 'default'}>{t(e.status === 'OPEN' ? 'statusOpen' : 'statusClosed')}</Tag>
                  {formatDateTime(e.openedAt)} — {e.closedAt ? formatDateTime(e.closedAt) : ''}
                </Descriptions.Item>
                <Descriptions.Item label={t('roster')}>{e.rosterSize}</Descriptions.Item>
                {e.sheets !== null && <Descriptions.Item label={t('sheets')}>{e.sheets}</Descriptions.Item>}
                <Descriptions.Item label={t('fingerprint')}>
                  <Hash value={e.fingerprint} />
                </Descriptions.Item>
                {e.chainHead && (
                  <Descriptions.Item label={t('chainHead')}>
                    <Hash value={e.chainHead} />
                  </Descriptions.Item>
                )}
              </Descriptions>
              {e.status === 'OPEN' && delegate && s.me?.onRoster && (e.rated ? <Alert type="info" showIcon title={t('alreadyRated')} /> : <RatingSheet sessionId={sessionId} evaluation={e} onDone={reload} />)}
              {e.status === 'OPEN' && !delegate && <Alert type="info" showIcon title={t('hidden')} style={{ marginBottom: 12 }} />}
              {e.status === 'OPEN' && admin && s.area && (
                <PublicPart sessionId={sessionId} areaId={s.area.id} year={e.year} rule={e.ratingRule} surveys={e.publicSurveys} projects={e.projects} onSaved={reload} />
              )}
              {e.status === 'OPEN' && admin && (
                <>
                  {closed.error && <ErrorNotice error={closed.error} />}
                  <Popconfirm title={t('closeConfirm')} onConfirm={async () => (await close({ sessionId, year })).data && reload()} okButtonProps={{ 'data-testid': 'evaluation-close-ok' }}>
                    <Button danger type="primary" loading={closed.fetching} data-testid="evaluation-close">
                      {t('close')}
                    </Button>
                  </Popconfirm>
                </>
              )}
              {e.results && <EvaluationResults evaluation={e} />}
              {e.status === 'CLOSED' && <EvaluationReceipt sessionId={sessionId} year={e.year} projects={e.projects} />}
            </div>
          );
        }}
      </QueryState>
    </>
  );
}

/** The delegate's rating sheet, sized for a phone: one choice per project, then the receipt. */
function RatingSheet({ sessionId, evaluation: e, onDone }: { sessionId: string; evaluation: EvaluationRound; onDone: () => void }) {
  const t = useMessages(messages);
  const [ratings, setRatings] = useState<Record<string, Rating>>({});
  const [receipt, setReceipt] = useState<string | null>(null);
  const [{ fetching, error }, submit] = useMutation(SUBMIT);
  const missing = e.projects.filter((p) => !ratings[p.id]).length;
  if (receipt) {
    return (
      <Alert
        type="success"
        showIcon
        data-testid="evaluation-receipt"
        title={t('submitted')}
        description={
          <>
            {t('receipt')}：<Typography.Text strong copyable style={{ fontSize: 18 }} data-testid="evaluation-receipt-code">{receipt}</Typography.Text>
            <div style={{ fontSize: 12 }}>{t('keep')}</div>
          </>
        }
        action={<Button size="small" onClick={onDone}>{t('done')}</Button>}
      />
    );
  }
  return (
    <div style={{ maxWidth: 560 }} data-testid="rating-sheet">
      <Typography.Paragraph type="secondary">{t('sheetHint')}</Typography.Paragraph>
      {e.projects.map((p, i) => (
        <Card key={p.id} size="small" style={{ marginBottom: 8 }} data-testid="rating-project">
          <div style={{ fontWeight: 600 }}>
            {i + 1}. {p.name}
          </div>
          <div style={{ fontSize: 12, color: '#666', marginBottom: 6 }}>
            {p.leadDepartment} · {quantity(p.targetQuantity, p.unit)}
          </div>
          <Radio.Group value={ratings[p.id]} onChange={(ev) => setRatings((r) => ({ ...r, [p.id]: ev.target.value as Rating }))} optionType="button" buttonStyle="solid" size="middle">
            {RATINGS.map((r) => (
              <Radio.Button key={r} value={r}>
                {t(r)}
              </Radio.Button>
            ))}
          </Radio.Group>
        </Card>
      ))}
      {error && <ErrorNotice error={error} />}
      <Button
        type="primary"
        block
        size="large"
        disabled={missing > 0}
        loading={fetching}
        style={{ marginTop: 8 }}
        data-testid="evaluation-submit"
        onClick={async () => {
          const r = await submit({ sessionId, year: e.year, ratings: e.projects.map((p) => ({ projectId: p.id, rating: ratings[p.id] })) });
          if (r.data) setReceipt(r.data.submitEvaluation.receiptCode);
        }}
      >
        {missing > 0 ? t('missing', { n: missing }) : t('submit')}
      </Button>
    </div>
  );
}

function EvaluationResults({ evaluation: e }: { evaluation: EvaluationRound }) {
  const t = useMessages(messages);
  if (e.ratingRule.publicWeight > 0) return <CombinedResults results={e.results ?? []} rule={e.ratingRule} label={(r) => t(r)} />;
  return (
    <>
      <Typography.Paragraph style={{ marginTop: 12 }}>{t('rule', { roster: e.rosterSize })}</Typography.Paragraph>
      <Table
        rowKey={(r) => r.project.id}
        size="small"
        data-testid="evaluation-results"
        pagination={false}
        scroll={{ x: 640 }}
        dataSource={e.results ?? []}
        columns={[
          { title: t('project'), render: (_: unknown, r) => r.project.name },
          { title: t('SATISFIED'), dataIndex: 'satisfied', align: 'right', width: 80 },
          { title: t('BASICALLY_SATISFIED'), dataIndex: 'basicallySatisfied', align: 'right', width: 90 },
          { title: t('UNSATISFIED'), dataIndex: 'unsatisfied', align: 'right', width: 80 },
          { title: t('satisfiedShare'), width: 100, align: 'right', render: (_: unknown, r) => (e.rosterSize ? `${((r.satisfied / e.rosterSize) * 100).toFixed(1)}%` : '—') },
          { title: t('result'), dataIndex: 'rating', width: 110, render: (v: Rating) => <Tag color={RATING_COLORS[v]}>{t(v)}</Tag> },
        ]}
      />
    </>
  );
}

function EvaluationReceipt({ sessionId, year, projects }: { sessionId: string; year: number; projects: EvaluationRound['projects'] }) {
  const t = useMessages(messages);
  const [code, setCode] = useState('');
  const [asked, setAsked] = useState<string | null>(null);
  const [{ data, fetching, error }] = useQuery({
    query: VERIFY,
    variables: { sessionId, year, receiptCode: asked ?? '' },
    pause: !asked,
    requestPolicy: 'network-only',
  });
  const sheet = data?.verifyEvaluationReceipt;
  return (
    <Card size="small" title={t('lookup')} style={{ marginTop: 12, maxWidth: 560 }} data-testid="evaluation-lookup">
      <Input.Search placeholder={t('receipt')} enterButton={t('verify')} value={code} onChange={(ev) => setCode(ev.target.value)} loading={fetching} onSearch={(v) => v.trim() && setAsked(v.trim())} />
      {error && <ErrorNotice error={error} />}
      {asked && data && !fetching && (
        sheet ? (
          <Alert
            style={{ marginTop: 8 }}
            type="success"
            showIcon
            data-testid="evaluation-lookup-result"
            title={t('found')}
            description={
              <ul style={{ paddingLeft: 20, margin: 0 }}>
                {sheet.ratings.map((r) => (
                  <li key={r.projectId}>
                    {projects.find((p) => p.id === r.projectId)?.name ?? r.projectId}：{t(r.rating)}
                  </li>
                ))}
              </ul>
            }
          />
        ) : (
          <Alert style={{ marginTop: 8 }} type="error" showIcon title={t('notFound')} data-testid="evaluation-lookup-result" />
        )
      )}
    </Card>
  );
}
