import { useState } from 'react';
import { Alert, Button, Empty, Form, Input, Select, Space, Typography } from 'antd';
import { useMutation, useQuery } from 'urql';
import { formatMoney, QueryState, sumMoney, thisMonthInChina, useFormErrors, useMessages, type Viewer } from '@kpd/web-kit';
import { graphql } from '../gql';
import type { ProjectFundingQuery } from '../gql/graphql';
import { fundingMessages } from './messages';

const FUNDING = graphql(`
  query ProjectFunding($id: ID!, $year: Int!) {
    project(id: $id) {
      id constructionStart constructionEnd
      funding(year: $year) { year planned received planYear lines { id planned received bondBatch bondIssued bondSpent source { id code name specialBond } } }
    }
    fundingSources { id code name specialBond }
  }
`);
const SAVE = graphql(`
  mutation SaveProjectFunding($projectId: ID!, $year: Int!, $lines: [FundingLineInput!]!) {
    saveProjectFunding(projectId: $projectId, year: $year, lines: $lines) { year planned received lines { id } }
  }
`);

type Data = ProjectFundingQuery;
type Source = Data['fundingSources'][number];
interface LineValues {
  sourceId?: string;
  planned?: string;
  received?: string;
  bondBatch?: string;
  bondIssued?: string;
  bondSpent?: string;
}

const YUAN = /^\d+(\.\d{1,2})?$/;
function toFen(v: string | null | undefined): bigint {
  if (!v) return 0n;
  const [whole, decimals = ''] = v.split('.');
  return BigInt(whole) * 100n + BigInt(`${decimals}00`.slice(0, 2));
}
const fromFen = (f: bigint) => `${f < 0n ? '-' : ''}${(f < 0n ? -f : f) / 100n}.${String((f < 0n ? -f : f) % 100n).padStart(2, '0')}`;

/**
 * A project's funding by source for one year (资金来源): planned and received per source of the
 * city's list, special bonds with their batch, issued and spent; the sum beside the plan table's year.
 */
export function FundingTab({ projectId, viewer }: { projectId: string; viewer: Viewer }) {
  const t = useMessages(fundingMessages);
  const [year, setYear] = useState(() => Number(thisMonthInChina().slice(0, 4)));
  const [{ data, fetching, error }, refetch] = useQuery({ query: FUNDING, variables: { id: projectId, year } });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const first = data ? Number(data.project.constructionStart.slice(0, 4)) - 3 : year;
  const last = data ? Number(data.project.constructionEnd.slice(0, 4)) : year;
  const years = [...new Set([...Array.from({ length: Math.max(1, last - first + 1) }, (_, k) => first + k), year])].sort((a, b) => a - b);
  return (
    <div data-testid="funding">
      <Space style={{ marginBottom: 8 }}>
        <Typography.Text>{t('year')}</Typography.Text>
        <Select value={year} onChange={setYear} options={years.map((y) => ({ value: y, label: `${y}` }))} style={{ width: 100 }} data-testid="funding-year" />
      </Space>
      <QueryState fetching={fetching} error={error} data={data} isEmpty={() => false} onRetry={reload}>
        {(d) => (d.project.funding[0]?.year === year ? <FundingYear key={year} data={d} year={year} projectId={projectId} editable={viewer.role === 'ADMIN'} onSaved={reload} /> : null)}
      </QueryState>
    </div>
  );
}

function FundingYear({ data, year, projectId, editable, onSaved }: { data: Data; year: number; projectId: string; editable: boolean; onSaved: () => void }) {
  const t = useMessages(fundingMessages);
  const [form] = Form.useForm<{ lines: LineValues[] }>();
  const errors = useFormErrors(form);
  const [{ fetching }, save] = useMutation(SAVE);
  const [saved, setSaved] = useState(false);
  const funding = data.project.funding[0];
  const sources = data.fundingSources;
  const lines = Form.useWatch('lines', form) ?? [];
  const bySource = (id: string | undefined): Source | undefined => sources.find((s) => s.id === id);
  const planned = sumMoney(lines.map((l) => (l?.planned && YUAN.test(l.planned) ? l.planned : null)));
  const received = sumMoney(lines.map((l) => (l?.received && YUAN.test(l.received) ? l.received : null)));
  const gap = funding?.planYear ? toFen(planned) - toFen(funding.planYear) : null;

  const submit = async (v: { lines: LineValues[] }) => {
    setSaved(false);
    const r = await save({
      projectId,
      year,
      lines: (v.lines ?? []).map((l) => {
        const bond = bySource(l.sourceId)?.specialBond ?? false;
        return {
          sourceId: l.sourceId ?? '',
          planned: l.planned?.trim() || '0.00',
          received: l.received?.trim() || '0.00',
          bondBatch: bond ? l.bondBatch?.trim() || null : null,
          bondIssued: bond ? l.bondIssued?.trim() || null : null,
          bondSpent: bond ? l.bondSpent?.trim() || null : null,
        };
      }),
    });
    if (errors.show(r.error)) return;
    setSaved(true);
    onSaved();
  };

  const money = [{ pattern: YUAN, message: t('yuanHint') }];
  const initial = (funding?.lines ?? []).map((l) => ({ sourceId: l.source.id, planned: l.planned, received: l.received, bondBatch: l.bondBatch ?? '', bondIssued: l.bondIssued ?? '', bondSpent: l.bondSpent ?? '' }));
  if (!editable && initial.length === 0) return <Empty description={t('noLines')} />;
  return (
    <Form form={form} layout="vertical" initialValues={{ lines: initial }} onFinish={(v) => void submit(v)} disabled={!editable} data-testid="funding-form">
      <Form.List name="lines">
        {(fields, { add, remove }) => (
          <>
            {fields.length === 0 && <Empty description={t('noLines')} image={Empty.PRESENTED_IMAGE_SIMPLE} />}
            {fields.map((field) => {
              const source = bySource(lines[field.name]?.sourceId);
              return (
                <Space key={field.key} wrap align="start" data-testid="funding-line" style={{ borderBottom: '1px solid #f0f0f0', marginBottom: 8 }}>
                  <Form.Item name={[field.name, 'sourceId']} label={t('source')} rules={[{ required: true, message: t('required') }]}>
                    <Select style={{ width: 200 }} options={sources.map((s) => ({ value: s.id, label: s.name }))} data-testid="funding-source" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'planned']} label={t('planned')} rules={[{ required: true, message: t('required') }, ...money]}>
                    <Input inputMode="decimal" style={{ width: 170 }} data-testid="funding-planned" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'received']} label={t('received')} rules={money}>
                    <Input inputMode="decimal" style={{ width: 170 }} data-testid="funding-received" />
                  </Form.Item>
                  {source?.specialBond && (
                    <>
                      <Form.Item name={[field.name, 'bondBatch']} label={t('bondBatch')}>
                        <Input maxLength={64} style={{ width: 150 }} data-testid="funding-bond-batch" />
                      </Form.Item>
                      <Form.Item name={[field.name, 'bondIssued']} label={t('bondIssued')} rules={money}>
                        <Input inputMode="decimal" style={{ width: 150 }} data-testid="funding-bond-issued" />
                      </Form.Item>
                      <Form.Item name={[field.name, 'bondSpent']} label={t('bondSpent')} rules={money}>
                        <Input inputMode="decimal" style={{ width: 150 }} data-testid="funding-bond-spent" />
                      </Form.Item>
                    </>
                  )}
                  {editable && (
                    <Form.Item label=" ">
                      <Button onClick={() => remove(field.name)}>{t('remove')}</Button>
                    </Form.Item>
                  )}
                </Space>
              );
            })}
            {editable && (
              <Button onClick={() => add({ planned: '', received: '' })} style={{ marginBottom: 8 }} data-testid="funding-add">
                {t('addLine')}
              </Button>
            )}
          </>
        )}
      </Form.List>
      <Typography.Paragraph data-testid="funding-total">
        {t('total', { planned: formatMoney(planned), received: formatMoney(received) })}
        {funding?.planYear && (
          <>
            {' · '}
            {t('planYear', { year, amount: formatMoney(funding.planYear) })}
            {' · '}
            {gap === 0n ? <Typography.Text type="success">{t('planMatch')}</Typography.Text> : <Typography.Text type="warning">{t('planGap', { amount: formatMoney(fromFen(gap!)) })}</Typography.Text>}
          </>
        )}
      </Typography.Paragraph>
      {errors.notice}
      {saved && <Alert type="success" showIcon title={t('saved', { year })} style={{ marginBottom: 8 }} data-testid="funding-saved" />}
      {editable && (
        <Button type="primary" htmlType="submit" loading={fetching} data-testid="funding-save">
          {t('save')}
        </Button>
      )}
    </Form>
  );
}

