import { useState } from 'react';
import { Button, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery } from 'urql';
import { graphql } from './gql';
import type { VoteSessionDetailQuery } from './gql/graphql';
import { ErrorNotice, formatMoneyIn, useMessages } from '@kpd/web-kit';
import { candidateMessages as messages, reserveMessages, supportMessages } from './messages';
import { RESERVE, ReserveHistory } from './Reserve';
import { quantity } from './shared';

export type CandidateRow = NonNullable<VoteSessionDetailQuery['voteSession']>['candidates'][number];
interface Draft {
  key: string;
  name: string;
  description: string;
  leadDepartment: string;
  targetQuantity: string;
  unit: string;
  /** 万元 */
  costWan: number | null;
  proposalIds: string[];
  /** The reserve item it is drawn from, with what to show of it. */
  reserve: CandidateRow['reserveItem'];
}

const ACCEPTED = graphql(`
  query AcceptedProposals($filter: ProposalFilterInput) {
    livelihoodProposals(filter: $filter, first: 100) { nodes { id title description estimatedCost } }
  }
`);
const SET = graphql(`
  mutation SetVoteCandidates($sessionId: ID!, $candidates: [CandidateInput!]!, $version: Int) {
    setVoteCandidates(sessionId: $sessionId, candidates: $candidates, version: $version) { id }
  }
`);

let nextKey = 0;
const key = () => `d${++nextKey}`;

function toDraft(c: CandidateRow): Draft {
  return {
    key: key(),
    name: c.name,
    description: c.description,
    leadDepartment: c.leadDepartment ?? '',
    targetQuantity: c.targetQuantity ?? '',
    unit: c.unit ?? '',
    costWan: c.estimatedCost === null ? null : Number(c.estimatedCost) / 10000,
    proposalIds: c.proposalIds,
    reserve: c.reserveItem,
  };
}

/** 万元 with two decimals → 元 as the Money scalar's decimal string. */
function wanToYuan(wan: number | null): string | null {
  return wan === null ? null : String(Math.round(wan * 100) * 100);
}

/** The candidate list: read-only once frozen; before, an editor fed from the accepted proposals. */
export function Candidates({ session, editable, onSaved }: { session: { id: string; version: number; seats: number; area: { id: string }; candidates: CandidateRow[] }; editable: boolean; onSaved: () => void }) {
  const t = useMessages(messages);
  const sp = useMessages(supportMessages);
  if (!editable) {
    return (
      <Table<CandidateRow>
        rowKey="id"
        size="small"
        data-testid="candidate-table"
        dataSource={[...session.candidates].sort((a, b) => a.position - b.position)}
        pagination={false}
        scroll={{ x: 720 }}
        columns={[
          { title: t('no'), dataIndex: 'position', width: 60 },
          {
            title: t('name'),
            dataIndex: 'name',
            render: (v: string, c) => (
              <>
                {v}
                {c.adopted && <Tag color="green" style={{ marginLeft: 8 }}>{t('adopted')}</Tag>}
                {c.reserveItem && <ReserveNote item={c.reserveItem} />}
              </>
            ),
          },
          { title: t('lead'), dataIndex: 'leadDepartment', width: 160, render: (v: string | null) => v ?? '—' },
          { title: t('target'), width: 120, render: (_: unknown, c) => quantity(c.targetQuantity, c.unit) },
          { title: t('cost'), dataIndex: 'estimatedCost', width: 110, align: 'right', render: (v: string | null) => formatMoneyIn(v, 'wan') },
          { title: t('proposals'), width: 90, align: 'right', render: (_: unknown, c) => c.proposalIds.length },
          { title: sp('supportsAdvice'), dataIndex: 'supportCount', width: 130, align: 'right' },
        ]}
      />
    );
  }
  return <CandidateEditor session={session} onSaved={onSaved} />;
}

function CandidateEditor({ session, onSaved }: { session: { id: string; version: number; seats: number; area: { id: string }; candidates: CandidateRow[] }; onSaved: () => void }) {
  const t = useMessages(messages);
  const [rows, setRows] = useState<Draft[]>(() => [...session.candidates].sort((a, b) => a.position - b.position).map(toDraft));
  const [picked, setPicked] = useState<string[]>([]);
  const [pickedReserve, setPickedReserve] = useState<string[]>([]);
  const r = useMessages(reserveMessages);
  const [reserve] = useQuery({ query: RESERVE, variables: { areaId: session.area.id, status: 'RESERVED' } });
  const [accepted] = useQuery({ query: ACCEPTED, variables: { filter: { cityId: session.area.id, status: 'ACCEPTED' } } });
  const [{ fetching, error }, save] = useMutation(SET);
  const [saved, setSaved] = useState(false);
  const proposals = accepted.data?.livelihoodProposals.nodes ?? [];
  const used = new Set(rows.flatMap((r) => r.proposalIds));
  const drawn = new Set(rows.map((x) => x.reserve?.id).filter(Boolean));
  const reserveItems = reserve.data?.livelihoodReserve ?? [];
  const change = (k: string, patch: Partial<Draft>) => {
    setSaved(false);
    setRows((rs) => rs.map((r) => (r.key === k ? { ...r, ...patch } : r)));
  };
  const move = (i: number, d: number) => setRows((rs) => {
    const j = i + d;
    if (j < 0 || j >= rs.length) return rs;
    const copy = [...rs];
    [copy[i], copy[j]] = [copy[j], copy[i]];
    return copy;
  });
  return (
    <div data-testid="candidate-editor">
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          mode="multiple"
          allowClear
          style={{ minWidth: 320, maxWidth: 560 }}
          placeholder={t('fromProposals')}
          loading={accepted.fetching}
          value={picked}
          onChange={setPicked}
          optionFilterProp="label"
          options={proposals.filter((p) => !used.has(p.id)).map((p) => ({ value: p.id, label: p.title }))}
          data-testid="candidate-proposals"
        />
        <Button
          disabled={picked.length === 0}
          data-testid="candidate-add-proposals"
          onClick={() => {
            const add = proposals.filter((p) => picked.includes(p.id));
            setRows((rs) => [...rs, ...add.map((p) => ({ key: key(), name: p.title, description: p.description, leadDepartment: '', targetQuantity: '', unit: '', costWan: p.estimatedCost === null ? null : Number(p.estimatedCost) / 10000, proposalIds: [p.id], reserve: null }))]);
            setPicked([]);
            setSaved(false);
          }}
        >
          {t('addProposals')}
        </Button>
        <Select
          mode="multiple"
          allowClear
          style={{ minWidth: 280, maxWidth: 520 }}
          placeholder={r('fromReserve')}
          loading={reserve.fetching}
          value={pickedReserve}
          onChange={setPickedReserve}
          optionFilterProp="label"
          options={reserveItems.filter((x) => !drawn.has(x.id)).map((x) => ({ value: x.id, label: `${x.name}（${x.fromSession?.name ?? ''}）` }))}
          data-testid="candidate-reserve"
        />
        <Button
          disabled={pickedReserve.length === 0}
          data-testid="candidate-add-reserve"
          onClick={() => {
            const add = reserveItems.filter((x) => pickedReserve.includes(x.id));
            setRows((rs) => [
              ...rs,
              ...add.map((x) => ({ key: key(), name: x.name, description: x.description, leadDepartment: x.leadDepartment ?? '', targetQuantity: x.targetQuantity ?? '', unit: x.unit ?? '', costWan: x.estimatedCost === null ? null : Number(x.estimatedCost) / 10000, proposalIds: x.proposalIds, reserve: x })),
            ]);
            setPickedReserve([]);
            setSaved(false);
          }}
        >
          {r('addReserve')}
        </Button>
        <Button onClick={() => setRows((rs) => [...rs, { key: key(), name: '', description: '', leadDepartment: '', targetQuantity: '', unit: '', costWan: null, proposalIds: [], reserve: null }])}>{t('addBlank')}</Button>
      </Space>
      {accepted.error && <ErrorNotice error={accepted.error} />}
      <Table<Draft>
        rowKey="key"
        size="small"
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1000 }}
        data-testid="candidate-rows"
        columns={[
          { title: t('no'), width: 50, render: (_: unknown, __, i) => i + 1 },
          { title: t('name'), render: (_: unknown, r) => (<><Input value={r.name} onChange={(e) => change(r.key, { name: e.target.value })} />{r.reserve && <ReserveNote item={r.reserve} />}</>) },
          { title: t('description'), render: (_: unknown, r) => <Input value={r.description} onChange={(e) => change(r.key, { description: e.target.value })} /> },
          { title: t('lead'), width: 150, render: (_: unknown, r) => <Input value={r.leadDepartment} onChange={(e) => change(r.key, { leadDepartment: e.target.value })} /> },
          { title: t('quantity'), width: 90, render: (_: unknown, r) => <Input value={r.targetQuantity} onChange={(e) => change(r.key, { targetQuantity: e.target.value })} /> },
          { title: t('unit'), width: 90, render: (_: unknown, r) => <Input value={r.unit} onChange={(e) => change(r.key, { unit: e.target.value })} /> },
          { title: t('costWan'), width: 110, render: (_: unknown, r) => <InputNumber min={0} precision={2} value={r.costWan} onChange={(v) => change(r.key, { costWan: v })} /> },
          { title: t('proposals'), width: 70, align: 'right', render: (_: unknown, r) => r.proposalIds.length },
          {
            title: '',
            width: 130,
            render: (_: unknown, r, i) => (
              <Space size={4}>
                <Button size="small" onClick={() => move(i, -1)} disabled={i === 0} aria-label={t('up')}>↑</Button>
                <Button size="small" onClick={() => move(i, 1)} disabled={i === rows.length - 1} aria-label={t('down')}>↓</Button>
                <Button size="small" danger onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}>{t('remove')}</Button>
              </Space>
            ),
          },
        ]}
      />
      <Typography.Paragraph type={rows.length > session.seats ? 'secondary' : 'warning'} style={{ marginTop: 8 }}>
        {t('count', { n: rows.length, seats: session.seats })}
      </Typography.Paragraph>
      {error && <ErrorNotice error={error} />}
      <Space>
        <Button
          type="primary"
          loading={fetching}
          data-testid="candidate-save"
          onClick={async () => {
            const r = await save({
              sessionId: session.id,
              version: session.version,
              candidates: rows.map((c) => ({
                name: c.name.trim(),
                description: c.description.trim(),
                leadDepartment: c.leadDepartment.trim() || null,
                targetQuantity: c.targetQuantity.trim() || null,
                unit: c.unit.trim() || null,
                estimatedCost: wanToYuan(c.costWan),
                proposalIds: c.proposalIds,
                reserveItemId: c.reserve?.id ?? null,
              })),
            });
            if (r.data) {
              setSaved(true);
              onSaved();
            }
          }}
        >
          {t('save')}
        </Button>
        {saved && <Typography.Text type="success" data-testid="candidate-saved">{t('saved')}</Typography.Text>}
      </Space>
    </div>
  );
}

/** A candidate drawn from the reserve: the tag and its earlier votes and reasons. */
function ReserveNote({ item }: { item: NonNullable<CandidateRow['reserveItem']> }) {
  const r = useMessages(reserveMessages);
  return (
    <div data-testid="candidate-reserve-note">
      <Tag color="blue">{r('reserveTag')}</Tag>
      <ReserveHistory item={item} />
    </div>
  );
}
