import { useState } from 'react';
import { Button, Descriptions, Form, Input, Modal, Select, Table, Tag } from 'antd';
import { useMutation, useQuery } from 'urql';
import { graphql } from './gql';
import type { ProposalStatus, ProposalsQuery, ScreeningReason } from './gql/graphql';
import { formatDate, formatMoneyIn, QueryState, useFormErrors, useMessages } from '@kpd/web-kit';
import { messages, screenMessages, type MessageKey } from './messages';
import { STATUS_COLORS } from './shared';

type Proposal = ProposalsQuery['livelihoodProposals']['nodes'][number];

const PROPOSALS = graphql(`
  query Proposals($filter: ProposalFilterInput, $first: Int, $after: String) {
    livelihoodProposals(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        id title description category source status reasonCode reasonLabel reasonNote mergedIntoId estimatedCost
        submitterName contact trackingCode createdAt city { id name } district { name }
      }
    }
  }
`);
const SCREEN = graphql(`
  mutation ScreenProposal($id: ID!, $input: ScreeningInput!) { screenLivelihoodProposal(id: $id, input: $input) { id status reasonCode reasonLabel reasonNote mergedIntoId } }
`);

const ACCEPT_REASONS = ['ACCEPTED_AS_CANDIDATE', 'MERGED'] as const;
const REJECT_REASONS = ['ADDS_PUBLIC_BURDEN', 'DEBT_RISK', 'NOT_FEASIBLE_THIS_YEAR', 'ALREADY_PLANNED', 'NOT_LIVELIHOOD', 'MERGED'] as const;

/** Proposals of the viewer's city; admins screen them with a published outcome and reason code. */
export function Proposals({ admin }: { admin: boolean }) {
  const t = useMessages(messages);
  const [status, setStatus] = useState<ProposalStatus | undefined>();
  const [pages, setPages] = useState<Array<string | null>>([null]);
  const [generation, setGeneration] = useState(0);
  const [screening, setScreening] = useState<Proposal | null>(null);
  return (
    <>
      <Select
        allowClear
        style={{ minWidth: 140, marginBottom: 12 }}
        placeholder={t('anyStatus')}
        value={status}
        onChange={(v) => {
          setStatus(v);
          setPages([null]);
        }}
        options={(['SUBMITTED', 'ACCEPTED', 'REJECTED'] as const).map((v) => ({ value: v, label: t(v) }))}
        data-testid="proposal-status"
      />
      {pages.map((after, i) => (
        <ProposalPage
          key={`${generation}:${status}:${after}`}
          status={status}
          after={after}
          first={i === 0}
          last={i === pages.length - 1}
          admin={admin}
          onScreen={setScreening}
          onMore={(c) => setPages((p) => [...p, c])}
        />
      ))}
      {screening && (
        <ScreenDialog
          proposal={screening}
          onClose={(changed) => {
            setScreening(null);
            if (changed) {
              setGeneration((g) => g + 1);
              setPages([null]);
            }
          }}
        />
      )}
    </>
  );
}

function ProposalPage({ status, after, first, last, admin, onScreen, onMore }: { status?: ProposalStatus; after: string | null; first: boolean; last: boolean; admin: boolean; onScreen: (p: Proposal) => void; onMore: (c: string) => void }) {
  const t = useMessages(messages);
  const s = useMessages(screenMessages);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: PROPOSALS,
    variables: { filter: { status: status ?? null }, first: 20, after },
    requestPolicy: 'cache-and-network',
  });
  return (
    <QueryState fetching={fetching} error={error} data={data} isEmpty={(d) => first && d.livelihoodProposals.nodes.length === 0} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
      {(d) => (
        <>
          <Table<Proposal>
            rowKey="id"
            size="small"
            data-testid="proposal-table"
            dataSource={d.livelihoodProposals.nodes}
            pagination={false}
            showHeader={first}
            title={first ? () => t('total', { n: d.livelihoodProposals.totalCount }) : undefined}
            scroll={{ x: 900 }}
            expandable={{ expandedRowRender: (p) => <ProposalDetail proposal={p} /> }}
            columns={[
              { title: t('proposalTitle'), dataIndex: 'title' },
              { title: t('category'), dataIndex: 'category', render: (v: MessageKey) => t(v), width: 120 },
              { title: t('source'), dataIndex: 'source', render: (v: MessageKey) => t(v), width: 90 },
              { title: t('status'), dataIndex: 'status', render: (v: MessageKey) => <Tag color={STATUS_COLORS[v]}>{t(v)}</Tag>, width: 100 },
              { title: t('reason'), dataIndex: 'reasonLabel', render: (v: string | null) => v ?? '—', width: 160 },
              { title: t('received'), dataIndex: 'createdAt', render: (v: string) => formatDate(v), width: 110 },
              ...(admin
                ? [
                    {
                      title: '',
                      width: 80,
                      render: (_: unknown, p: Proposal) => (
                        <Button size="small" onClick={() => onScreen(p)} data-testid={`proposal-screen-${p.id}`}>
                          {p.status === 'SUBMITTED' ? s('screen') : s('rescreen')}
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
          {last && d.livelihoodProposals.pageInfo.hasNextPage && d.livelihoodProposals.pageInfo.endCursor && (
            <div style={{ textAlign: 'center', margin: 12 }}>
              <Button onClick={() => onMore(d.livelihoodProposals.pageInfo.endCursor!)}>{t('loadMore')}</Button>
            </div>
          )}
        </>
      )}
    </QueryState>
  );
}

function ProposalDetail({ proposal: p }: { proposal: Proposal }) {
  const s = useMessages(screenMessages);
  return (
    <Descriptions size="small" column={{ xs: 1, md: 2 }}>
      <Descriptions.Item label={s('description')} span={2}>
        {p.description}
      </Descriptions.Item>
      <Descriptions.Item label={s('area')}>{p.district?.name ?? p.city.name}</Descriptions.Item>
      <Descriptions.Item label={s('cost')}>{p.estimatedCost === null ? '—' : `${formatMoneyIn(p.estimatedCost, 'wan')} ${s('wan')}`}</Descriptions.Item>
      {p.submitterName !== null && <Descriptions.Item label={s('submitter')}>{p.submitterName}</Descriptions.Item>}
      {p.contact !== null && <Descriptions.Item label={s('contact')}>{p.contact}</Descriptions.Item>}
      {p.trackingCode !== null && <Descriptions.Item label={s('tracking')}>{p.trackingCode}</Descriptions.Item>}
      {p.reasonNote && <Descriptions.Item label={s('note')}>{p.reasonNote}</Descriptions.Item>}
    </Descriptions>
  );
}

interface ScreenForm {
  status: 'ACCEPTED' | 'REJECTED';
  reasonCode: ScreeningReason;
  mergedIntoId?: string;
  note?: string;
}

function ScreenDialog({ proposal, onClose }: { proposal: Proposal; onClose: (changed: boolean) => void }) {
  const t = useMessages(messages);
  const s = useMessages(screenMessages);
  const [form] = Form.useForm<ScreenForm>();
  const status = Form.useWatch('status', form) ?? (proposal.status === 'REJECTED' ? 'REJECTED' : 'ACCEPTED');
  const reason = Form.useWatch('reasonCode', form);
  const [{ fetching }, screen] = useMutation(SCREEN);
  const errors = useFormErrors(form);
  const [others] = useQuery({ query: PROPOSALS, variables: { filter: { cityId: proposal.city.id, status: 'ACCEPTED' }, first: 100 }, pause: reason !== 'MERGED' });
  const reasons = status === 'ACCEPTED' ? ACCEPT_REASONS : REJECT_REASONS;
  return (
    <Modal
      open
      title={`${s('screen')}：${proposal.title}`}
      onCancel={() => onClose(false)}
      okText={s('publish')}
      confirmLoading={fetching}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'screen-ok' }}
      destroyOnHidden
    >
      <Form<ScreenForm>
        form={form}
        layout="vertical"
        initialValues={{
          status: proposal.status === 'REJECTED' ? 'REJECTED' : 'ACCEPTED',
          reasonCode: proposal.reasonCode ?? (proposal.status === 'REJECTED' ? undefined : 'ACCEPTED_AS_CANDIDATE'),
          mergedIntoId: proposal.mergedIntoId ?? undefined,
          note: proposal.reasonNote ?? '',
        }}
        onFinish={async (v) => {
          errors.clear();
          const r = await screen({ id: proposal.id, input: { status: v.status, reasonCode: v.reasonCode, mergedIntoId: v.reasonCode === 'MERGED' ? (v.mergedIntoId ?? null) : null, note: v.note?.trim() || null } });
          if (errors.show(r.error)) return;
          if (r.data) onClose(true);
        }}
      >
        <Form.Item name="status" label={s('outcome')} rules={[{ required: true, message: s('required') }]}>
          <Select
            options={(['ACCEPTED', 'REJECTED'] as const).map((v) => ({ value: v, label: t(v) }))}
            onChange={(v) => form.setFieldValue('reasonCode', v === 'ACCEPTED' ? 'ACCEPTED_AS_CANDIDATE' : undefined)}
          />
        </Form.Item>
        <Form.Item name="reasonCode" label={s('reasonCode')} rules={[{ required: true, message: s('required') }]}>
          <Select options={reasons.map((r) => ({ value: r, label: s(r) }))} data-testid="screen-reason" />
        </Form.Item>
        {reason === 'MERGED' && (
          <Form.Item name="mergedIntoId" label={s('mergedInto')} rules={[{ required: true, message: s('required') }]}>
            <Select
              showSearch
              optionFilterProp="label"
              loading={others.fetching}
              options={(others.data?.livelihoodProposals.nodes ?? []).filter((o) => o.id !== proposal.id).map((o) => ({ value: o.id, label: o.title }))}
            />
          </Form.Item>
        )}
        <Form.Item name="note" label={s('note')}>
          <Input.TextArea rows={3} />
        </Form.Item>
        {errors.notice}
      </Form>
    </Modal>
  );
}
