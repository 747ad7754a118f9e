import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Select, Space, Table, Typography } from 'antd';
import { useMutation, useQuery } from 'urql';
import { graphql } from './gql';
import { QueryState, useFormErrors, useMessages } from '@kpd/web-kit';
import { supportMessages } from './messages';


const POLLS = graphql(`
  query SupportPolls { voteSessions { id name status supportOpensAt supportClosesAt area { name } candidates { id position name description supportCount } } }
`);
const SUPPORT = graphql(`
  mutation SupportLivelihoodCandidate($candidateId: ID!, $phone: String!) { supportLivelihoodCandidate(candidateId: $candidateId, phone: $phone) { candidateId supports } }
`);

/** The public's support poll (公众支持度征集): the open polls' candidates, each supported once per mobile number. */
export function Support() {
  const t = useMessages(supportMessages);
  const [{ data, fetching, error }, refetch] = useQuery({ query: POLLS, requestPolicy: 'cache-and-network' });
  const now = Date.now();
  const polls = (data?.voteSessions ?? []).filter((s) => s.status === 'DRAFT' && s.supportOpensAt && Date.parse(s.supportOpensAt) <= now);
  const [sessionId, setSessionId] = useState<string | undefined>();
  const chosen = polls.find((s) => s.id === sessionId) ?? polls[0];
  const [supporting, setSupporting] = useState<string | null>(null);
  // Each click opens a fresh form, also for the item just supported.
  const [attempt, setAttempt] = useState(0);
  const closed = chosen?.supportClosesAt ? Date.parse(chosen.supportClosesAt) <= now : false;
  return (
    <div data-testid="support" style={{ maxWidth: 1100, margin: '0 auto' }}>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      <QueryState fetching={fetching} error={error} data={data ? { polls } : undefined} isEmpty={(d) => d.polls.length === 0} empty={t('none')} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
        {() => (
          <>
            <Space wrap style={{ marginBottom: 12 }}>
              <span>{t('session')}</span>
              <Select style={{ minWidth: 320 }} data-testid="support-session" value={chosen.id} onChange={setSessionId} options={polls.map((s) => ({ value: s.id, label: `${s.area.name} · ${s.name}` }))} />
              {closed && <Typography.Text type="warning">{t('closed')}</Typography.Text>}
            </Space>
            <Table
              rowKey="id"
              size="small"
              data-testid="support-table"
              dataSource={chosen.candidates}
              pagination={false}
              columns={[
                { title: '', dataIndex: 'position', width: 50 },
                { title: t('candidate'), dataIndex: 'name', render: (v: string, c) => (<><div>{v}</div><Typography.Text type="secondary">{c.description}</Typography.Text></>) },
                { title: t('supports'), dataIndex: 'supportCount', width: 110, align: 'right', render: (v: number, c) => <span data-testid={`support-count-${c.id}`}>{v}</span> },
                {
                  title: '',
                  width: 90,
                  render: (_: unknown, c) => (
                    <Button size="small" type="primary" disabled={closed} onClick={() => {
                        setSupporting(c.id);
                        setAttempt((n) => n + 1);
                      }} data-testid={`support-${c.id}`}>
                      {t('support')}
                    </Button>
                  ),
                },
              ]}
            />
            {supporting && (
              <SupportForm
                key={`${supporting}:${attempt}`}
                candidate={chosen.candidates.find((c) => c.id === supporting)!}
                onDone={() => refetch({ requestPolicy: 'network-only' })}
                onClose={() => setSupporting(null)}
              />
            )}
          </>
        )}
      </QueryState>
    </div>
  );
}

function SupportForm({ candidate, onDone, onClose }: { candidate: { id: string; name: string }; onDone: () => void; onClose: () => void }) {
  const t = useMessages(supportMessages);
  const [form] = Form.useForm<{ phone: string }>();
  const errors = useFormErrors(form);
  const [{ fetching }, support] = useMutation(SUPPORT);
  const [count, setCount] = useState<number | null>(null);
  return (
    <Card size="small" title={candidate.name} style={{ maxWidth: 520, marginTop: 16 }} data-testid="support-form" extra={<Button size="small" onClick={onClose}>×</Button>}>
      {count !== null ? (
        <Alert type="success" showIcon message={t('done', { n: count })} data-testid="support-done" />
      ) : (
        <Form
          form={form}
          layout="vertical"
          onFinish={async (v) => {
            const r = await support({ candidateId: candidate.id, phone: v.phone });
            if (errors.show(r.error)) return;
            setCount(r.data!.supportLivelihoodCandidate.supports);
            onDone();
          }}
        >
          <Form.Item name="phone" label={t('phone')} extra={t('phoneHelp')} rules={[{ required: true, whitespace: true, message: t('required') }]}>
            <Input inputMode="tel" maxLength={20} data-testid="support-phone" />
          </Form.Item>
          {errors.notice}
          <Button type="primary" htmlType="submit" loading={fetching} data-testid="support-submit">
            {t('support')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
