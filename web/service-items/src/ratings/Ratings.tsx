import { useState } from 'react';
import { Alert, Button, Card, Drawer, Form, Input, Radio, Select, Space, Steps, Switch, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery } from 'urql';
import { DateInput, formatDate, QueryState, useFormErrors, useMessages } from '@kpd/web-kit';
import { graphql } from '../gql';
import type {
  RectificationStatus,
  RectificationStep,
  ServiceRatingFiguresQuery,
  ServiceRatingGrouping,
  RectificationFieldsFragment,
} from '../gql/graphql';
import { ratingMessages } from './messages';

const DISTRICTS = graphql(`
  query RatingDistricts {
    districts {
      id
      name
    }
  }
`);
const FIGURES = graphql(`
  query ServiceRatingFigures($filter: ServiceRatingFilter, $groupBy: ServiceRatingGrouping!) {
    serviceRatingFigures(filter: $filter, groupBy: $groupBy) {
      department
      rated
      distribution
      bad
      minSample
      sampleTooSmall
      averageScore
      satisfiedShare {
        percent
      }
      rectifications
      rectificationRate {
        numerator
        denominator
        percent
      }
      rectifiedOnTime {
        percent
      }
      overdue
      medianRectificationDays
      district {
        id
        name
      }
      window {
        id
        number
        name
      }
    }
  }
`);
graphql(`
  fragment RectificationFields on ServiceRectification {
    id
    status
    nextStep
    owner
    department
    openedOn
    deadline
    rectifiedOn
    closedOn
    founded
    overdue
    version
    item {
      name
    }
    window {
      number
    }
    district {
      name
    }
    rating {
      score
      reasonList
      comment
      case {
        caseNo
      }
    }
    steps {
      id
      step
      onDate
      note
      founded
      satisfied
      actor
    }
  }
`);
const RECTIFICATIONS = graphql(`
  query ServiceRectifications($filter: ServiceRectificationFilter, $after: String) {
    serviceRectifications(filter: $filter, first: 20, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...RectificationFields
      }
    }
  }
`);
const DETAIL = graphql(`
  query ServiceRectificationDetail($id: ID!) {
    serviceRectification(id: $id) {
      ...RectificationFields
    }
  }
`);
const RECORD = graphql(`
  mutation RecordRectificationStep($id: ID!, $expectedVersion: Int!, $input: RectificationStepInput!) {
    recordRectificationStep(id: $id, expectedVersion: $expectedVersion, input: $input) {
      id
      status
      nextStep
      version
      rectifiedOn
      overdue
    }
  }
`);

type FigureRow = ServiceRatingFiguresQuery['serviceRatingFigures'][number];
export type Rectification = RectificationFieldsFragment;
const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${v.toFixed(1)}%`);
const LIVE: RectificationStatus[] = ['VERIFYING', 'RECTIFYING', 'FEEDBACK', 'RETURN_VISIT'];

/** 好差评: rating figures per department, window or district, and the rectification of bad ratings step by step. */
export function Ratings({ canEdit }: { canEdit: boolean }) {
  const t = useMessages(ratingMessages);
  const [districtId, setDistrictId] = useState<string | undefined>();
  const [from, setFrom] = useState<string | null>('2019-10-01');
  const [to, setTo] = useState<string | null>(null);
  const [groupBy, setGroupBy] = useState<ServiceRatingGrouping>('DEPARTMENT');
  const [districts] = useQuery({ query: DISTRICTS });
  const filter = { areaId: districtId ?? null, from, to };
  const [figures, refetchFigures] = useQuery({ query: FIGURES, variables: { filter, groupBy } });
  const minSample = figures.data?.serviceRatingFigures[0]?.minSample ?? 20;
  const cell = (r: FigureRow, v: string) => (r.sampleTooSmall ? <Tag data-testid="too-few">{t('tooFew')}</Tag> : v);
  const nameOf = (r: FigureRow) =>
    r.department ??
    r.district?.name ??
    (groupBy === 'WINDOW' ? (r.window ? `${t('window')} ${r.window.number}${r.window.name ? ` ${r.window.name}` : ''}` : t('online')) : t('NONE'));

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        {(districts.data?.districts.length ?? 0) > 1 && (
          <Select
            allowClear
            style={{ minWidth: 160 }}
            placeholder={t('allDistricts')}
            value={districtId}
            onChange={setDistrictId}
            options={districts.data!.districts.map((d) => ({ value: d.id, label: d.name }))}
          />
        )}
        <DateInput value={from} onChange={setFrom} allowClear placeholder={t('from')} />
        <DateInput value={to} onChange={setTo} allowClear placeholder={t('to')} />
        <Select
          style={{ width: 120 }}
          value={groupBy}
          onChange={setGroupBy}
          options={(['DEPARTMENT', 'WINDOW', 'DISTRICT', 'NONE'] as const).map((v) => ({ value: v, label: t(v) }))}
          data-testid="rating-group"
        />
      </Space>
      <Typography.Paragraph type="secondary">{t('sampleNote', { n: minSample })}</Typography.Paragraph>
      <QueryState
        fetching={figures.fetching}
        error={figures.error}
        data={figures.data}
        isEmpty={(d) => d.serviceRatingFigures.length === 0}
        onRetry={() => refetchFigures({ requestPolicy: 'network-only' })}
      >
        {(d) => (
          <Table<FigureRow>
            size="small"
            rowKey={(r) => `${r.department ?? ''}:${r.window?.id ?? ''}:${r.district?.id ?? ''}`}
            dataSource={d.serviceRatingFigures}
            pagination={{ pageSize: 10, showSizeChanger: false }}
            scroll={{ x: 1100 }}
            data-testid="rating-figures"
            columns={[
              { title: t('name'), render: (_: unknown, r) => nameOf(r), width: 220 },
              { title: t('rated'), dataIndex: 'rated', align: 'right', width: 80 },
              { title: t('distribution'), render: (_: unknown, r) => r.distribution.join(' / '), width: 170 },
              { title: t('average'), render: (_: unknown, r) => cell(r, r.averageScore?.toFixed(2) ?? '—'), align: 'right', width: 80 },
              { title: t('satisfied'), render: (_: unknown, r) => cell(r, pct(r.satisfiedShare?.percent)), align: 'right', width: 90 },
              { title: t('bad'), dataIndex: 'bad', align: 'right', width: 70 },
              {
                title: t('rectificationRate'),
                render: (_: unknown, r) =>
                  r.rectifications === 0 ? '—' : `${pct(r.rectificationRate.percent)}（${r.rectificationRate.numerator}/${r.rectificationRate.denominator}）`,
                width: 140,
              },
              { title: t('rectifiedOnTime'), render: (_: unknown, r) => pct(r.rectifiedOnTime.percent), align: 'right', width: 100 },
              {
                title: t('medianDays'),
                render: (_: unknown, r) => (r.medianRectificationDays === null || r.medianRectificationDays === undefined ? '—' : t('days', { n: r.medianRectificationDays })),
                width: 130,
              },
              {
                title: t('overdue'),
                render: (_: unknown, r) => (r.overdue > 0 ? <Tag color="red">{r.overdue}</Tag> : 0),
                align: 'right',
                width: 90,
              },
            ]}
          />
        )}
      </QueryState>
      <RectificationList areaId={districtId ?? null} canEdit={canEdit} onChanged={() => refetchFigures({ requestPolicy: 'network-only' })} />
    </>
  );
}

function RectificationList({ areaId, canEdit, onChanged }: { areaId: string | null; canEdit: boolean; onChanged: () => void }) {
  const t = useMessages(ratingMessages);
  const [onlyOverdue, setOnlyOverdue] = useState(false);
  const [statuses, setStatuses] = useState<RectificationStatus[]>(LIVE);
  const [after, setAfter] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [list, refetch] = useQuery({
    query: RECTIFICATIONS,
    variables: { filter: { areaId, statuses: statuses.length ? statuses : null, overdue: onlyOverdue ? true : null }, after },
  });
  return (
    <Card
      size="small"
      title={t('list')}
      style={{ marginTop: 16 }}
      extra={
        <Space wrap>
          <Select
            mode="multiple"
            allowClear
            style={{ minWidth: 240 }}
            value={statuses}
            onChange={(v) => {
              setStatuses(v);
              setAfter(null);
            }}
            options={[...LIVE, 'CLOSED' as const].map((s) => ({ value: s, label: t(s) }))}
            data-testid="rectification-status"
          />
          <span>{t('onlyOverdue')}</span>
          <Switch
            size="small"
            checked={onlyOverdue}
            onChange={(v) => {
              setOnlyOverdue(v);
              setAfter(null);
            }}
            data-testid="only-overdue"
          />
        </Space>
      }
    >
      <QueryState fetching={list.fetching} error={list.error} data={list.data} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
        {(d) => (
          <>
            <Table<Rectification>
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={d.serviceRectifications.nodes}
              scroll={{ x: 900 }}
              data-testid="rectifications"
              title={() => `共 ${d.serviceRectifications.totalCount} 件`}
              columns={[
                { title: t('caseNo'), render: (_: unknown, r) => r.rating?.case?.caseNo, width: 160 },
                { title: t('item'), render: (_: unknown, r) => r.item?.name, width: 220 },
                { title: t('score'), render: (_: unknown, r) => <Tag color="red">{t(`s${r.rating?.score ?? 1}` as 's1')}</Tag>, width: 110 },
                { title: t('owner'), dataIndex: 'owner', width: 160 },
                { title: t('openedOn'), dataIndex: 'openedOn', width: 110 },
                {
                  title: t('deadline'),
                  render: (_: unknown, r) => (
                    <span>
                      {r.deadline} {r.overdue && <Tag color="red" data-testid="overdue">{t('overdue')}</Tag>}
                    </span>
                  ),
                  width: 190,
                },
                { title: t('status'), render: (_: unknown, r) => <Tag>{t(r.status)}</Tag>, width: 90 },
                {
                  title: t('nextStep'),
                  render: (_: unknown, r) =>
                    r.nextStep ? (
                      <Button size="small" type={r.overdue ? 'primary' : 'default'} danger={r.overdue} onClick={() => setOpenId(r.id)} data-testid="rectification-open">
                        {t(`step_${r.nextStep}`)}
                      </Button>
                    ) : (
                      <Button size="small" type="link" onClick={() => setOpenId(r.id)}>
                        {t('history')}
                      </Button>
                    ),
                  width: 100,
                },
              ]}
            />
            {d.serviceRectifications.pageInfo.hasNextPage && (
              <Button style={{ marginTop: 8 }} onClick={() => setAfter(d.serviceRectifications.pageInfo.endCursor!)}>
                下一页
              </Button>
            )}
          </>
        )}
      </QueryState>
      {openId && (
        <RectificationDrawer
          id={openId}
          canEdit={canEdit}
          onClose={() => setOpenId(null)}
          onRecorded={() => {
            refetch({ requestPolicy: 'network-only' });
            onChanged();
          }}
        />
      )}
    </Card>
  );
}

/** One rectification in a drawer, read by its id, so it stays open when a step takes it out of the list's filter. */
function RectificationDrawer({ id, canEdit, onClose, onRecorded }: { id: string; canEdit: boolean; onClose: () => void; onRecorded: () => void }) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: DETAIL, variables: { id } });
  return (
    <Drawer open onClose={onClose} size="large" title={data?.serviceRectification.item?.name} destroyOnHidden>
      <QueryState fetching={fetching} error={error} data={data} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
        {(d) => (
          <RectificationDetail
            r={d.serviceRectification}
            canEdit={canEdit}
            onRecorded={() => {
              refetch({ requestPolicy: 'network-only' });
              onRecorded();
            }}
          />
        )}
      </QueryState>
    </Drawer>
  );
}

const STEP_ORDER: RectificationStep[] = ['VERIFY', 'RECTIFY', 'FEEDBACK', 'RETURN_VISIT'];

/** One rectification: the bad rating, its recorded steps, and the form for the step it waits for. */
export function RectificationDetail({ r, canEdit, onRecorded }: { r: Rectification; canEdit: boolean; onRecorded: () => void }) {
  const t = useMessages(ratingMessages);
  return (
    <div data-testid="rectification-detail">
      <Alert
        type={r.overdue ? 'error' : 'warning'}
        showIcon
        style={{ marginBottom: 12 }}
        title={`${t(`s${r.rating?.score ?? 1}` as 's1')}：${(r.rating?.reasonList ?? []).map((x) => t(x)).join('、')}`}
        description={r.rating?.comment}
      />
      <Typography.Paragraph>
        {t('owner')}：{r.owner} · {t('deadline')}：{r.deadline} {r.overdue && <Tag color="red">{t('overdue')}</Tag>}
      </Typography.Paragraph>
      <Steps
        direction="vertical"
        size="small"
        current={r.nextStep ? STEP_ORDER.indexOf(r.nextStep) : STEP_ORDER.length}
        items={STEP_ORDER.map((s) => ({ title: t(`step_${s}`) }))}
        style={{ marginBottom: 12 }}
      />
      <Typography.Title level={5}>{t('history')}</Typography.Title>
      {r.steps.length === 0 ? (
        <Typography.Paragraph type="secondary">{t('noSteps')}</Typography.Paragraph>
      ) : (
        <ul data-testid="rectification-steps" style={{ paddingLeft: 18 }}>
          {r.steps.map((s) => (
            <li key={s.id}>
              <strong>{t(`step_${s.step}`)}</strong> {formatDate(s.onDate)}
              {s.founded === true && ` · ${t('founded')}`}
              {s.founded === false && ` · ${t('unfounded')}`}
              {s.satisfied === true && ` · ${t('satisfiedYes')}`}
              {s.satisfied === false && ` · ${t('satisfiedNo')}`}
              ：{s.note}
              {s.actor && <Typography.Text type="secondary">（{s.actor}）</Typography.Text>}
            </li>
          ))}
        </ul>
      )}
      {r.nextStep && canEdit ? <StepForm r={r} step={r.nextStep} onRecorded={onRecorded} /> : !r.nextStep && <Tag color="green">{t('closedNote')}</Tag>}
    </div>
  );
}

interface StepValues {
  date: string;
  note: string;
  verdict?: 'yes' | 'no';
  owner?: string;
}

function StepForm({ r, step, onRecorded }: { r: Rectification; step: RectificationStep; onRecorded: () => void }) {
  const t = useMessages(ratingMessages);
  const [form] = Form.useForm<StepValues>();
  const errors = useFormErrors(form, { founded: t('founded'), satisfied: t('satisfiedYes'), step: t('nextStep') });
  const [{ fetching }, record] = useMutation(RECORD);
  const required = [{ required: true, message: t('required') }];
  const submit = async (v: StepValues) => {
    errors.clear();
    const res = await record({
      id: r.id,
      expectedVersion: r.version,
      input: {
        step,
        date: v.date,
        note: v.note,
        founded: step === 'VERIFY' ? v.verdict === 'yes' : null,
        satisfied: step === 'RETURN_VISIT' ? v.verdict === 'yes' : null,
        owner: v.owner?.trim() || null,
      },
    });
    if (errors.show(res.error)) return;
    form.resetFields();
    onRecorded();
  };
  return (
    <Card size="small" title={t(`step_${step}`)} data-testid="step-form">
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="date" label={t('stepDate')} rules={required}>
          <DateInput min={r.openedOn} testId="step-date" />
        </Form.Item>
        {(step === 'VERIFY' || step === 'RETURN_VISIT') && (
          <Form.Item name="verdict" rules={required}>
            <Radio.Group data-testid="step-verdict">
              <Radio value="yes">{step === 'VERIFY' ? t('founded') : t('satisfiedYes')}</Radio>
              <Radio value="no">{step === 'VERIFY' ? t('unfounded') : t('satisfiedNo')}</Radio>
            </Radio.Group>
          </Form.Item>
        )}
        <Form.Item name="note" label={t('note')} rules={required}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="step-note" />
        </Form.Item>
        {step === 'VERIFY' && (
          <Form.Item name="owner" label={t('newOwner')}>
            <Input maxLength={64} />
          </Form.Item>
        )}
        {errors.notice}
        <Button type="primary" htmlType="submit" loading={fetching} data-testid="step-save">
          {t('record')}
        </Button>
      </Form>
    </Card>
  );
}
