import { useState } from 'react';
import { Button, Empty, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery } from 'urql';
import { DateInput, formatMoneyIn, QueryState, useFormErrors, useMessages, wanInputToYuan, yuanToWanInput, type Viewer } from '@kpd/web-kit';
import { graphql } from '../gql';
import type { ContractNature, ContractStatus, ProjectContractsQuery, VariationKind } from '../gql/graphql';
import { contractMessages } from './messages';

const CONTRACTS = graphql(`
  query ProjectContracts($id: ID!) {
    project(id: $id) {
      id
      parties { id role name }
      contracts {
        id title number nature status originalValue currentValue signedOn startDate originalEndDate currentEndDate version
        supplier { id name }
        variations { id seq kind date reason oldValue newValue oldEndDate newEndDate recordedBy }
      }
    }
  }
`);
const SAVE = graphql(`
  mutation SaveProjectContract($projectId: ID!, $input: ProjectContractInput!) { saveProjectContract(projectId: $projectId, input: $input) { id version } }
`);
const VARY = graphql(`
  mutation AddContractVariation($contractId: ID!, $input: ContractVariationInput!) { addContractVariation(contractId: $contractId, input: $input) { id seq } }
`);

type Data = ProjectContractsQuery['project'];
type Contract = Data['contracts'][number];
type Variation = Contract['variations'][number];
const NATURES: ContractNature[] = ['DESIGN', 'CONSTRUCTION', 'SUPERVISION'];
const STATUSES: ContractStatus[] = ['PRE_AWARD', 'ACTIVE', 'CLOSED'];
const KINDS: VariationKind[] = ['VALUE', 'DURATION', 'SCOPE'];
const wan = (v: string | null | undefined) => (v ? formatMoneyIn(v, 'wan') : '');

/** A project's contracts (OC4IDS contracting processes) with their variations: value and end date as signed and as they stand. */
export function ContractsTab({ projectId, viewer }: { projectId: string; viewer: Viewer }) {
  const t = useMessages(contractMessages);
  const [{ data, fetching, error }, refetch] = useQuery({ query: CONTRACTS, variables: { id: projectId } });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const [editing, setEditing] = useState<Contract | 'new' | null>(null);
  const [varying, setVarying] = useState<Contract | null>(null);
  const admin = viewer.role === 'ADMIN';
  const done = () => {
    setEditing(null);
    setVarying(null);
    reload();
  };
  return (
    <div data-testid="contracts">
      {admin && (
        <Button type="primary" style={{ marginBottom: 8 }} onClick={() => setEditing('new')} data-testid="contract-add">
          {t('addContract')}
        </Button>
      )}
      <QueryState fetching={fetching} error={error} data={data} isEmpty={(d) => d.project.contracts.length === 0} empty={<Empty description={t('noContracts')} />} onRetry={reload}>
        {(d) => (
          <Table<Contract>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={d.project.contracts}
            data-testid="contract-table"
            expandable={{ expandedRowRender: (c) => <Variations contract={c} />, rowExpandable: (c) => c.variations.length > 0 }}
            columns={[
              { title: t('contractTitle'), dataIndex: 'title', render: (v: string, c) => <span data-testid="contract-title">{v}{c.number ? <Typography.Text type="secondary"> {c.number}</Typography.Text> : null}</span> },
              { title: t('nature'), dataIndex: 'nature', width: 70, render: (v: ContractNature) => t(v) },
              { title: t('status'), dataIndex: 'status', width: 80, render: (v: ContractStatus) => <Tag>{t(v)}</Tag> },
              { title: t('supplier'), width: 180, render: (_: unknown, c) => c.supplier?.name ?? '' },
              { title: t('originalValue'), dataIndex: 'originalValue', width: 120, align: 'right', render: wan },
              { title: t('currentValue'), dataIndex: 'currentValue', width: 120, align: 'right', render: (v: string, c) => <span data-testid="contract-current-value" style={v !== c.originalValue ? { fontWeight: 600 } : undefined}>{wan(v)}</span> },
              { title: t('currentEndDate'), dataIndex: 'currentEndDate', width: 110 },
              ...(admin
                ? [{
                    title: '',
                    width: 170,
                    render: (_: unknown, c: Contract) => (
                      <Space>
                        <Button size="small" onClick={() => setEditing(c)}>{t('edit')}</Button>
                        <Button size="small" onClick={() => setVarying(c)} data-testid="variation-add">{t('addVariation')}</Button>
                      </Space>
                    ),
                  }]
                : []),
            ]}
          />
        )}
      </QueryState>
      {editing && data && <ContractForm projectId={projectId} contract={editing === 'new' ? null : editing} parties={data.project.parties} onClose={() => setEditing(null)} onSaved={done} />}
      {varying && <VariationForm contract={varying} onClose={() => setVarying(null)} onSaved={done} />}
    </div>
  );
}

function Variations({ contract }: { contract: Contract }) {
  const t = useMessages(contractMessages);
  return (
    <Table<Variation>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={contract.variations}
      data-testid="variation-table"
      columns={[
        { title: '#', dataIndex: 'seq', width: 40 },
        { title: t('kind'), dataIndex: 'kind', width: 90, render: (v: VariationKind) => t(v) },
        { title: t('date'), dataIndex: 'date', width: 100 },
        { title: t('reason'), dataIndex: 'reason' },
        { title: t('oldValue'), width: 200, render: (_: unknown, v) => (v.kind === 'VALUE' ? `${wan(v.oldValue)} → ${wan(v.newValue)}` : v.kind === 'DURATION' ? `${v.oldEndDate ?? '—'} → ${v.newEndDate}` : '') },
        { title: t('recordedBy'), dataIndex: 'recordedBy', width: 90 },
      ]}
    />
  );
}

interface ContractValues { title: string; number?: string; nature: ContractNature; status: ContractStatus; supplierPartyId?: string | null; originalValue: string; signedOn?: string | null; startDate?: string | null; originalEndDate?: string | null }

function ContractForm({ projectId, contract, parties, onClose, onSaved }: { projectId: string; contract: Contract | null; parties: Data['parties']; onClose: () => void; onSaved: () => void }) {
  const t = useMessages(contractMessages);
  const [form] = Form.useForm<ContractValues>();
  const errors = useFormErrors(form);
  const [{ fetching }, save] = useMutation(SAVE);
  const money = [{ required: true, message: t('required') }, { validator: (_: unknown, v: string) => (!v || wanInputToYuan(v) ? Promise.resolve() : Promise.reject(new Error(t('wanHint')))) }];
  const submit = async (v: ContractValues) => {
    const r = await save({
      projectId,
      input: {
        id: contract?.id ?? null, version: contract?.version ?? null, title: v.title, number: v.number || null, nature: v.nature, status: v.status, supplierPartyId: v.supplierPartyId ?? null,
        originalValue: wanInputToYuan(v.originalValue)!, signedOn: v.signedOn || null, startDate: v.startDate || null, originalEndDate: v.originalEndDate || null,
      },
    });
    if (errors.show(r.error)) return;
    onSaved();
  };
  const initial: Partial<ContractValues> = contract
    ? { ...contract, number: contract.number ?? undefined, supplierPartyId: contract.supplier?.id ?? null, originalValue: yuanToWanInput(contract.originalValue) }
    : { nature: 'CONSTRUCTION', status: 'ACTIVE' };
  return (
    <Modal open title={contract ? t('edit') : t('addContract')} onCancel={onClose} footer={null} destroyOnHidden width={640}>
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => void submit(v)}>
        <Form.Item name="title" label={t('contractTitle')} rules={[{ required: true, whitespace: true, message: t('required') }]}>
          <Input maxLength={200} data-testid="contract-title-input" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="number" label={t('contractNumber')}><Input maxLength={64} style={{ width: 180 }} /></Form.Item>
          <Form.Item name="nature" label={t('nature')}><Select style={{ width: 110 }} options={NATURES.map((k) => ({ value: k, label: t(k) }))} /></Form.Item>
          <Form.Item name="status" label={t('status')}><Select style={{ width: 110 }} options={STATUSES.map((k) => ({ value: k, label: t(k) }))} /></Form.Item>
        </Space>
        <Form.Item name="supplierPartyId" label={t('supplier')}>
          <Select allowClear options={parties.map((p) => ({ value: p.id, label: p.name }))} data-testid="contract-supplier" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="originalValue" label={t('originalValue')} rules={money}><Input inputMode="decimal" style={{ width: 160 }} data-testid="contract-value" /></Form.Item>
          <Form.Item name="signedOn" label={t('signedOn')}><DateInput allowClear testId="contract-signed-on" /></Form.Item>
          <Form.Item name="startDate" label={t('startDate')}><DateInput allowClear /></Form.Item>
          <Form.Item name="originalEndDate" label={t('endDate')}><DateInput allowClear testId="contract-end" /></Form.Item>
        </Space>
        {errors.notice}
        <Space>
          <Button type="primary" htmlType="submit" loading={fetching} data-testid="contract-save">{t('save')}</Button>
          <Button onClick={onClose}>{t('cancel')}</Button>
        </Space>
      </Form>
    </Modal>
  );
}

interface VariationValues { kind: VariationKind; date: string; reason: string; oldValue?: string; newValue?: string; oldEndDate?: string | null; newEndDate?: string | null }

function VariationForm({ contract, onClose, onSaved }: { contract: Contract; onClose: () => void; onSaved: () => void }) {
  const t = useMessages(contractMessages);
  const [form] = Form.useForm<VariationValues>();
  const errors = useFormErrors(form);
  const kind = Form.useWatch('kind', form) ?? 'VALUE';
  const [{ fetching }, vary] = useMutation(VARY);
  const submit = async (v: VariationValues) => {
    const r = await vary({
      contractId: contract.id,
      input: {
        kind: v.kind, date: v.date, reason: v.reason,
        oldValue: v.kind === 'VALUE' ? wanInputToYuan(v.oldValue) : null, newValue: v.kind === 'VALUE' ? wanInputToYuan(v.newValue) : null,
        oldEndDate: v.kind === 'DURATION' ? (v.oldEndDate ?? null) : null, newEndDate: v.kind === 'DURATION' ? (v.newEndDate ?? null) : null,
      },
    });
    if (errors.show(r.error)) return;
    onSaved();
  };
  return (
    <Modal open title={`${t('addVariation')} · ${contract.title}`} onCancel={onClose} footer={null} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ kind: 'VALUE', oldValue: yuanToWanInput(contract.currentValue), oldEndDate: contract.currentEndDate }} onFinish={(v) => void submit(v)}>
        <Space wrap>
          <Form.Item name="kind" label={t('kind')}><Select style={{ width: 120 }} options={KINDS.map((k) => ({ value: k, label: t(k) }))} data-testid="variation-kind" /></Form.Item>
          <Form.Item name="date" label={t('date')} rules={[{ required: true, message: t('required') }]}><DateInput testId="variation-date" /></Form.Item>
        </Space>
        <Form.Item name="reason" label={t('reason')} rules={[{ required: true, whitespace: true, message: t('required') }]}>
          <Input.TextArea maxLength={500} rows={2} data-testid="variation-reason" />
        </Form.Item>
        {kind === 'VALUE' && (
          <Space wrap>
            <Form.Item name="oldValue" label={t('oldValue')}><Input inputMode="decimal" style={{ width: 160 }} data-testid="variation-old-value" /></Form.Item>
            <Form.Item name="newValue" label={t('newValue')} rules={[{ required: true, message: t('required') }]}><Input inputMode="decimal" style={{ width: 160 }} data-testid="variation-new-value" /></Form.Item>
          </Space>
        )}
        {kind === 'DURATION' && (
          <Space wrap>
            <Form.Item name="oldEndDate" label={t('oldEndDate')}><DateInput allowClear /></Form.Item>
            <Form.Item name="newEndDate" label={t('newEndDate')} rules={[{ required: true, message: t('required') }]}><DateInput testId="variation-new-end" /></Form.Item>
          </Space>
        )}
        {errors.notice}
        <Space>
          <Button type="primary" htmlType="submit" loading={fetching} data-testid="variation-save">{t('save')}</Button>
          <Button onClick={onClose}>{t('cancel')}</Button>
        </Space>
      </Form>
    </Modal>
  );
}
