import { useEffect, useState } from 'react';
import { Alert, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useMutation, useQuery } from 'urql';
import { ErrorNotice, formatDateTime, formatMoneyIn, formatPeriod, LIGHT_HEX, MonthPicker, Pager, previousMonth, QueryState, useCursorPages, useFormErrors, useLocale, useMessages, useQueryParam, type RemoteProps } from '@kpd/web-kit';
import { graphql } from './gql';
import type { CorrectionStatus, LightCorrectionsQuery, MonthCloseQuery, PlanVersionRequestsQuery, PublicationsQuery } from './gql/graphql';
import { monthCloseMessages as messages } from './month-close.messages';

const STATUS = graphql(`
  query MonthClose($areaId: ID, $period: Period!) {
    monthClose(areaId: $areaId, period: $period) { districtId districtName closed green yellow red planned actual actualYearToDate reports closedBy closedAt }
  }
`);
const CLOSE = graphql(`
  mutation CloseMonth($areaId: ID, $period: Period!) {
    closeMonth(areaId: $areaId, period: $period) { districtId districtName closed green yellow red planned actual actualYearToDate reports closedBy closedAt }
  }
`);
const CORRECTIONS = graphql(`
  query LightCorrections($filter: CorrectionFilter, $first: Int, $after: String) {
    lightCorrections(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        id period kind status reason payload requestedBy requestedAt decidedBy decidedAt decisionReason before after
        project { id code name district { name } }
        relitMonths { period before after closed }
      }
    }
  }
`);
const DECIDE = graphql(`
  mutation DecideCorrection($id: ID!, $approve: Boolean!, $reason: String!) {
    decideCorrection(id: $id, approve: $approve, reason: $reason) { id status decidedBy decidedAt decisionReason relitMonths { period before after closed } }
  }
`);
const PLAN_VERSIONS = graphql(`
  query PlanVersionRequests($status: CorrectionStatus, $first: Int, $after: String) {
    planVersionRequests(status: $status, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id year version status reason requestedBy requestedAt decidedBy decisionReason project { id name district { name } } }
    }
  }
`);
const DECIDE_PLAN = graphql(`
  mutation DecidePlanVersion($id: ID!, $approve: Boolean!, $reason: String!) {
    decidePlanVersion(id: $id, approve: $approve, reason: $reason) { id status decidedBy decidedAt decisionReason }
  }
`);
const PUBLICATIONS = graphql(`
  query Publications { publishedLightBoards { id area { id name } period version publishedAt publishedBy sha256 correctionId districts { green yellow red } } }
`);

type CloseRow = MonthCloseQuery['monthClose'][number];
type Correction = LightCorrectionsQuery['lightCorrections']['nodes'][number];
type Publication = PublicationsQuery['publishedLightBoards'][number];
type PlanVersionRow = PlanVersionRequestsQuery['planVersionRequests']['nodes'][number];

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Month close (月度关账), the corrections awaiting a city admin, and what was published with its hash. */
export function MonthClosePage({ viewer }: RemoteProps) {
  const t = useMessages(messages);
  const [periodParam, setPeriod] = useQueryParam('period', (v) => PERIOD.test(v));
  const period = periodParam ?? previousMonth();
  // An approved correction republishes boards: the list of publications is read again after each decision.
  const [decisions, setDecisions] = useState(0);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('title')} · {viewer.area.name}
        </Typography.Title>
        <Space>
          <Typography.Text>{t('month')}</Typography.Text>
          <MonthPicker style={{ width: 170 }} value={period} max={previousMonth()} onChange={(v) => v && PERIOD.test(v) && setPeriod(v)} testId="close-month" />
        </Space>
      </Space>
      <CloseCard areaId={viewer.area.id} period={period} canClose={viewer.role === 'ADMIN'} />
      <CorrectionsCard canDecide={viewer.role === 'ADMIN' && viewer.area.level !== 'DISTRICT'} onDecided={() => setDecisions((n) => n + 1)} />
      <PlanVersionsCard canDecide={viewer.role === 'ADMIN' && viewer.area.level !== 'DISTRICT'} />
      <PublicationsCard refreshKey={decisions} />
    </Space>
  );
}

function CloseCard({ areaId, period, canClose }: { areaId: string; period: string; canClose: boolean }) {
  const t = useMessages(messages);
  const locale = useLocale();
  const [status, refetch] = useQuery({ query: STATUS, variables: { areaId, period }, requestPolicy: 'network-only' });
  const [closing, close] = useMutation(CLOSE);
  const [result, setResult] = useState<CloseRow[] | null>(null);
  const rows = status.data?.monthClose ?? result ?? [];
  const open = rows.filter((r) => !r.closed).length;
  const doClose = async () => {
    const r = await close({ areaId, period });
    if (r.data) {
      setResult(r.data.closeMonth);
      refetch({ requestPolicy: 'network-only' });
    }
  };
  const sum = (k: 'green' | 'yellow' | 'red') => rows.reduce((n, r) => n + r[k], 0);
  return (
    <Card
      title={`${t('closeTitle')} · ${formatPeriod(period, locale)}`}
      extra={
        canClose && open > 0 ? (
          <Popconfirm title={t('closeConfirm', { month: formatPeriod(period, locale), n: open })} onConfirm={() => void doClose()}>
            <Button type="primary" loading={closing.fetching} data-testid="close-month-button">
              {t('close')}
            </Button>
          </Popconfirm>
        ) : rows.length > 0 && open === 0 ? (
          <Tag color="blue" data-testid="month-closed">
            {t('allClosed')}
          </Tag>
        ) : null
      }
    >
      {closing.error && <ErrorNotice error={closing.error} />}
      {result && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="close-result"
          title={t('closeResult', { month: formatPeriod(period, locale), green: sum('green'), yellow: sum('yellow'), red: sum('red') })}
        />
      )}
      <QueryState fetching={status.fetching && !status.data} error={status.error} data={status.data} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
        {() => (
          <Table<CloseRow>
            rowKey="districtId"
            size="small"
            pagination={false}
            dataSource={rows}
            data-testid="close-table"
            columns={[
              { title: t('district'), dataIndex: 'districtName' },
              { title: t('state'), render: (_: unknown, r) => (r.closed ? <Tag color="blue">{t('closed')}</Tag> : <Tag>{t('open')}</Tag>) },
              { title: <span style={{ color: LIGHT_HEX.GREEN }}>{t('green')}</span>, dataIndex: 'green', align: 'right' },
              { title: <span style={{ color: LIGHT_HEX.YELLOW }}>{t('yellow')}</span>, dataIndex: 'yellow', align: 'right' },
              { title: <span style={{ color: LIGHT_HEX.RED }}>{t('red')}</span>, dataIndex: 'red', align: 'right' },
              { title: t('planned'), align: 'right', render: (_: unknown, r) => formatMoneyIn(r.planned, 'yi') },
              { title: t('actual'), align: 'right', render: (_: unknown, r) => formatMoneyIn(r.actual, 'yi') },
              { title: t('ytd'), align: 'right', render: (_: unknown, r) => formatMoneyIn(r.actualYearToDate, 'yi') },
              { title: t('closedBy'), render: (_: unknown, r) => (r.closed ? `${r.closedBy ?? ''} ${formatDateTime(r.closedAt)}` : '—') },
            ]}
          />
        )}
      </QueryState>
    </Card>
  );
}

const STATUS_COLORS: Record<CorrectionStatus, string> = { PENDING: 'orange', APPROVED: 'green', REJECTED: 'default' };

function CorrectionsCard({ canDecide, onDecided }: { canDecide: boolean; onDecided: () => void }) {
  const t = useMessages(messages);
  const locale = useLocale();
  const [status, setStatus] = useState<CorrectionStatus | 'ALL'>('PENDING');
  // Ten a page: each correction carries the months it relit, which the query cost counts per row.
  const pages = useCursorPages(status, 10);
  const [list, refetch] = useQuery({
    query: CORRECTIONS,
    variables: { filter: status === 'ALL' ? null : { status }, first: pages.first, after: pages.after },
    requestPolicy: 'network-only',
  });
  const [deciding, setDeciding] = useState<{ correction: Correction; approve: boolean } | null>(null);
  const connection = list.data?.lightCorrections;
  return (
    <Card
      title={t('correctionsTitle')}
      extra={
        <Select<CorrectionStatus | 'ALL'>
          value={status}
          onChange={setStatus}
          style={{ width: 140 }}
          data-testid="corrections-status"
          options={(['PENDING', 'APPROVED', 'REJECTED', 'ALL'] as const).map((s) => ({ value: s, label: t(`STATUS_${s}`) }))}
        />
      }
    >
      <QueryState fetching={list.fetching && !list.data} error={list.error} data={connection} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
        {(c) => (
          <>
            <Table<Correction>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={c.nodes}
              data-testid="corrections-table"
              locale={{ emptyText: t('noCorrections') }}
              expandable={{ expandedRowRender: (r) => <CorrectionDetail correction={r} />, rowExpandable: (r) => r.status === 'APPROVED' || !!r.payload }}
              columns={[
                { title: t('project'), render: (_: unknown, r) => (r.project ? `${r.project.district.name} · ${r.project.name}` : '—') },
                { title: t('month'), width: 100, render: (_: unknown, r) => formatPeriod(r.period, locale) },
                { title: t('kind'), width: 90, render: (_: unknown, r) => t(`KIND_${r.kind}`) },
                { title: t('reason'), dataIndex: 'reason' },
                { title: t('requestedBy'), render: (_: unknown, r) => `${r.requestedBy} ${formatDateTime(r.requestedAt)}` },
                {
                  title: t('state'),
                  width: 110,
                  render: (_: unknown, r) => (
                    <Tooltip title={r.decidedBy ? `${r.decidedBy} ${formatDateTime(r.decidedAt)} ${r.decisionReason ?? ''}` : undefined}>
                      <Tag color={STATUS_COLORS[r.status]} data-testid="correction-status">
                        {t(`STATUS_${r.status}`)}
                      </Tag>
                    </Tooltip>
                  ),
                },
                {
                  title: '',
                  width: 150,
                  render: (_: unknown, r) =>
                    canDecide && r.status === 'PENDING' ? (
                      <Space>
                        <Button size="small" type="primary" onClick={() => setDeciding({ correction: r, approve: true })} data-testid="correction-approve">
                          {t('approve')}
                        </Button>
                        <Button size="small" danger onClick={() => setDeciding({ correction: r, approve: false })} data-testid="correction-reject">
                          {t('reject')}
                        </Button>
                      </Space>
                    ) : null,
                },
              ]}
            />
            <Pager page={pages.page} pageSize={pages.first} total={c.totalCount} hasNext={c.pageInfo.hasNextPage} onPrev={pages.prev} onNext={() => c.pageInfo.endCursor && pages.next(c.pageInfo.endCursor)} testId="corrections-pager" />
          </>
        )}
      </QueryState>
      {!canDecide && <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>{t('cityDecides')}</Typography.Paragraph>}
      {deciding && (
        <DecideModal
          correction={deciding.correction}
          approve={deciding.approve}
          onDone={() => {
            setDeciding(null);
            refetch({ requestPolicy: 'network-only' });
            onDecided();
          }}
          onCancel={() => setDeciding(null)}
        />
      )}
    </Card>
  );
}

function CorrectionDetail({ correction: r }: { correction: Correction }) {
  const t = useMessages(messages);
  const locale = useLocale();
  const light = (json: string | null) => {
    const v = json ? (JSON.parse(json) as { light?: { color: 'GREEN' | 'YELLOW' | 'RED'; reason: string } | null }) : null;
    return v?.light ? <Tag color={LIGHT_HEX[v.light.color]}>{t(v.light.color)}</Tag> : '—';
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="correction-detail">
      <Typography.Text type="secondary">
        {t('payload')}: <Typography.Text code>{r.payload}</Typography.Text>
      </Typography.Text>
      {r.status === 'APPROVED' && (
        <>
          <span>
            {t('before')} {light(r.before)} → {t('after')} {light(r.after)}
          </span>
          <span>
            {t('relit')}:{' '}
            {r.relitMonths.length === 0
              ? t('noRelit')
              : r.relitMonths.map((m) => (
                  <Tag key={m.period} color={m.closed ? 'blue' : 'default'}>
                    {formatPeriod(m.period, locale)} {m.before ? t(m.before as 'GREEN') : '—'} → {m.after ? t(m.after as 'GREEN') : '—'}
                    {m.closed ? ` (${t('closed')})` : ''}
                  </Tag>
                ))}
          </span>
        </>
      )}
    </Space>
  );
}

function DecideModal({ correction, approve, onDone, onCancel, plan = false }: { correction: { id: string }; approve: boolean; onDone: () => void; onCancel: () => void; plan?: boolean }) {
  const t = useMessages(messages);
  const [form] = Form.useForm<{ reason: string }>();
  const errors = useFormErrors(form);
  const [correctionState, decideCorrection] = useMutation(DECIDE);
  const [planState, decidePlan] = useMutation(DECIDE_PLAN);
  const state = plan ? planState : correctionState;
  const submit = async ({ reason }: { reason: string }) => {
    const variables = { id: correction.id, approve, reason: reason ?? '' };
    const r = plan ? await decidePlan(variables) : await decideCorrection(variables);
    if (errors.show(r.error)) return;
    onDone();
  };
  return (
    <Modal open title={approve ? t('approveTitle') : t('rejectTitle')} onCancel={onCancel} onOk={() => form.submit()} confirmLoading={state.fetching} okText={approve ? t('approve') : t('reject')} data-testid="decide-modal">
      <Typography.Paragraph>{approve ? t(plan ? 'approvePlanHint' : 'approveHint') : t('rejectHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="reason" label={t('decisionReason')} rules={approve ? [] : [{ required: true, whitespace: true, message: t('rejectNeedsReason') }]}>
          <Input.TextArea rows={2} maxLength={500} data-testid="decision-reason" />
        </Form.Item>
        {errors.notice}
      </Form>
    </Modal>
  );
}

function PlanVersionsCard({ canDecide }: { canDecide: boolean }) {
  const t = useMessages(messages);
  const [status, setStatus] = useState<CorrectionStatus | 'ALL'>('PENDING');
  const pages = useCursorPages(status, 20);
  const [list, refetch] = useQuery({ query: PLAN_VERSIONS, variables: { status: status === 'ALL' ? null : status, first: pages.first, after: pages.after }, requestPolicy: 'network-only' });
  const [deciding, setDeciding] = useState<{ id: string; approve: boolean } | null>(null);
  return (
    <Card
      title={t('planVersionsTitle')}
      extra={
        <Select<CorrectionStatus | 'ALL'>
          value={status}
          onChange={setStatus}
          style={{ width: 140 }}
          data-testid="plan-versions-status"
          options={(['PENDING', 'APPROVED', 'REJECTED', 'ALL'] as const).map((s) => ({ value: s, label: t(`STATUS_${s}`) }))}
        />
      }
    >
      <QueryState fetching={list.fetching && !list.data} error={list.error} data={list.data?.planVersionRequests} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
        {(c) => (
          <>
            <Table<PlanVersionRow>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={c.nodes}
              data-testid="plan-versions-requests"
              locale={{ emptyText: t('noPlanVersions') }}
              columns={[
                { title: t('project'), render: (_: unknown, r) => (r.project ? `${r.project.district.name} · ${r.project.name}` : '—') },
                { title: t('year'), dataIndex: 'year', width: 70 },
                { title: t('version'), width: 70, render: (_: unknown, r) => `v${r.version}` },
                { title: t('reason'), render: (_: unknown, r) => r.reason ?? t('baseline') },
                { title: t('requestedBy'), render: (_: unknown, r) => `${r.requestedBy} ${formatDateTime(r.requestedAt)}` },
                { title: t('state'), width: 100, render: (_: unknown, r) => <Tag color={STATUS_COLORS[r.status]}>{t(`STATUS_${r.status}`)}</Tag> },
                {
                  title: '',
                  width: 150,
                  render: (_: unknown, r) =>
                    canDecide && r.status === 'PENDING' ? (
                      <Space>
                        <Button size="small" type="primary" onClick={() => setDeciding({ id: r.id, approve: true })} data-testid="plan-version-approve">
                          {t('approve')}
                        </Button>
                        <Button size="small" danger onClick={() => setDeciding({ id: r.id, approve: false })} data-testid="plan-version-reject">
                          {t('reject')}
                        </Button>
                      </Space>
                    ) : null,
                },
              ]}
            />
            <Pager page={pages.page} pageSize={pages.first} total={c.totalCount} hasNext={c.pageInfo.hasNextPage} onPrev={pages.prev} onNext={() => c.pageInfo.endCursor && pages.next(c.pageInfo.endCursor)} testId="plan-versions-pager" />
          </>
        )}
      </QueryState>
      {deciding && (
        <DecideModal
          plan
          correction={{ id: deciding.id }}
          approve={deciding.approve}
          onDone={() => {
            setDeciding(null);
            refetch({ requestPolicy: 'network-only' });
          }}
          onCancel={() => setDeciding(null)}
        />
      )}
    </Card>
  );
}

function PublicationsCard({ refreshKey }: { refreshKey: number }) {
  const t = useMessages(messages);
  const locale = useLocale();
  const [list, refetch] = useQuery({ query: PUBLICATIONS, requestPolicy: 'network-only' });
  useEffect(() => {
    if (refreshKey > 0) refetch({ requestPolicy: 'network-only' });
  }, [refreshKey, refetch]);
  return (
    <Card title={t('publicationsTitle')}>
      <Typography.Paragraph type="secondary">{t('publicationsHint')}</Typography.Paragraph>
      <QueryState fetching={list.fetching && !list.data} error={list.error} data={list.data} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
        {(d) => (
          <Table<Publication>
            rowKey="id"
            size="small"
            dataSource={d.publishedLightBoards}
            pagination={{ pageSize: 10 }}
            data-testid="publications-table"
            columns={[
              { title: t('publicationId'), dataIndex: 'id', width: 70 },
              { title: t('area'), render: (_: unknown, p) => p.area.name },
              { title: t('month'), render: (_: unknown, p) => formatPeriod(p.period, locale) },
              {
                title: t('version'),
                render: (_: unknown, p) => (
                  <Space size={4}>
                    v{p.version}
                    {p.correctionId ? <Tag color="orange">{t('afterCorrection', { id: p.correctionId })}</Tag> : null}
                  </Space>
                ),
              },
              { title: t('counts'), render: (_: unknown, p) => p.districts.reduce((s, x) => [s[0] + x.green, s[1] + x.yellow, s[2] + x.red], [0, 0, 0]).join(' / ') },
              { title: t('publishedBy'), render: (_: unknown, p) => `${p.publishedBy} ${formatDateTime(p.publishedAt)}` },
              { title: 'SHA-256', render: (_: unknown, p) => (p.sha256 ? <Typography.Text code copyable={{ text: p.sha256 }} data-testid="publication-hash">{p.sha256.slice(0, 16)}…</Typography.Text> : '—') },
            ]}
          />
        )}
      </QueryState>
    </Card>
  );
}
