import { useState } from 'react';
import { Alert, Card, Form, Input, Tag, Timeline, Typography } from 'antd';
import { useQuery } from 'urql';
import { graphql } from './gql';
import { QueryState, useMessages } from '@kpd/web-kit';
import { trackMessages } from './messages';


const TRACK = graphql(`
  query TrackLivelihoodProposal($code: String!) {
    livelihoodProposalByCode(trackingCode: $code) { title status city { name } journey { stage on title detail } }
  }
`);

const COLORS: Record<string, string> = { VOTED: 'blue', DELIVERY: 'blue', INSPECTED: 'purple', ANSWERED: 'green', COMPLETED: 'green', EVALUATED: 'green', RESERVED: 'orange', WITHDRAWN: 'gray', MERGED: 'gray' };

/**
 * The public tracking page (/public/votes/track/MS…): one code follows a proposal from the proposer
 * through screening, candidacy, the vote, the reserve, delivery and the evaluation.
 */
export function Track({ code, onSearch }: { code: string | undefined; onSearch: (code: string) => void }) {
  const t = useMessages(trackMessages);
  const [form] = Form.useForm<{ code: string }>();
  const [submitted, setSubmitted] = useState(code);
  const current = code ?? submitted;
  const [{ data, fetching, error }] = useQuery({ query: TRACK, variables: { code: current ?? '' }, pause: !current });
  return (
    <div data-testid="track">
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      <Form
        form={form}
        layout="inline"
        initialValues={{ code: current }}
        onFinish={(v) => {
          const c = v.code.trim().toUpperCase();
          setSubmitted(c);
          onSearch(c);
        }}
        style={{ marginBottom: 16 }}
      >
        <Form.Item name="code" label={t('code')} rules={[{ required: true, pattern: /^\s*ms[0-9a-z]{10}\s*$/i, message: t('placeholder') }]}>
          <Input.Search placeholder={t('placeholder')} enterButton={t('search')} onSearch={() => form.submit()} style={{ width: 320 }} data-testid="track-code" />
        </Form.Item>
      </Form>
      {current && (
        <QueryState fetching={fetching} error={error} data={data}>
          {(d) =>
            d.livelihoodProposalByCode === null ? (
              <Alert type="warning" showIcon message={t('notFound')} data-testid="track-not-found" />
            ) : (
              <Card size="small" title={d.livelihoodProposalByCode.title} extra={<Tag>{t(d.livelihoodProposalByCode.status)}</Tag>} data-testid="track-result">
                <Timeline
                  data-testid="track-timeline"
                  items={d.livelihoodProposalByCode.journey.map((s) => ({
                    color: COLORS[s.stage] ?? 'blue',
                    children: (
                      <div data-testid={`track-step-${s.stage}`}>
                        <Typography.Text strong>{s.title}</Typography.Text>
                        {s.on && <Typography.Text type="secondary"> · {s.on}</Typography.Text>}
                        {s.detail && <div>{s.detail}</div>}
                      </div>
                    ),
                  }))}
                />
              </Card>
            )
          }
        </QueryState>
      )}
    </div>
  );
}
