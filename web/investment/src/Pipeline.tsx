import { useState } from 'react';
import { Button, Form, Input, Modal, Select, Space, Switch, Tag } from 'antd';
import { useMutation, useQuery } from 'urql';
import { CursorTable, DateInput, formatMoneyCell, todayInChina, useCursorPages, useFormErrors, wanInputToYuan, type RemoteProps } from '@kpd/web-kit';
import { CHAIN_MAP, CHAINS, CREATE_LEAD, LEADS, SOURCE_LABELS, SOURCES, STAGE_LABELS, STAGES, type LeadRow, type Stage } from './api';

/** 招商项目: the pipeline, filtered by stage and source; stalled leads (no step for N days) flagged. */
export function Pipeline({ viewer, navigate }: RemoteProps) {
  const [stage, setStage] = useState<Stage | null>(null);
  const [stalledOnly, setStalledOnly] = useState(false);
  const [search, setSearch] = useState('');
  const [adding, setAdding] = useState(false);
  const filter = { stage, stalledOnly: stalledOnly || null, search: search || null };
  const pages = useCursorPages(filter);
  const [{ data, fetching, error }, refetch] = useQuery({ query: LEADS, variables: { filter, first: pages.first, after: pages.after } });
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select allowClear placeholder="全部阶段" style={{ width: 160 }} value={stage} onChange={(v) => setStage(v ?? null)} options={STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s] }))} data-testid="lead-stage-filter" />
        <Space>
          <Switch checked={stalledOnly} onChange={setStalledOnly} data-testid="lead-stalled" />
          仅看停滞项目
        </Space>
        <Input.Search allowClear placeholder="项目名称" onSearch={setSearch} style={{ width: 220 }} />
        {viewer.role === 'ADMIN' && (
          <Button type="primary" onClick={() => setAdding(true)} data-testid="lead-new">
            新增招商项目
          </Button>
        )}
      </Space>
      <CursorTable<LeadRow>
        connection={data?.investmentLeads}
        pages={pages}
        fetching={fetching}
        error={error}
        onRetry={() => refetch({ requestPolicy: 'network-only' })}
        rowKey="id"
        testId="leads"
        empty="没有招商项目"
        onRow={(l) => ({ onClick: () => navigate(`/pipeline/${l.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: '项目名称', dataIndex: 'name', render: (name: string, l: LeadRow) => <>{name} {l.stalled && <Tag color="red">停滞 {l.daysSinceStep} 天</Tag>}</> },
          { title: '阶段', dataIndex: 'stage', render: (s: Stage) => STAGE_LABELS[s] },
          { title: '计划投资（万元）', dataIndex: 'amount', align: 'right', render: (a: string) => formatMoneyCell(a, 'wan') },
          { title: '产业链节点', key: 'node', render: (_: unknown, l: LeadRow) => l.node?.name ?? '—' },
          { title: '来源', dataIndex: 'source', render: (s: keyof typeof SOURCE_LABELS) => SOURCE_LABELS[s] },
          { title: '责任人', key: 'who', render: (_: unknown, l: LeadRow) => `${l.responsiblePerson}（${l.responsibleUnit}）` },
          { title: '下一步', key: 'next', render: (_: unknown, l: LeadRow) => (l.nextStep ? `${l.nextStep}${l.nextStepDate ? `（${l.nextStepDate}）` : ''}` : '—') },
          { title: '最近跟进', dataIndex: 'lastStepDate' },
        ]}
      />
      <LeadModal
        open={adding}
        areaId={viewer.area.id}
        onClose={(id) => {
          setAdding(false);
          if (id) navigate(`/pipeline/${id}`);
        }}
      />
    </>
  );
}

interface LeadValues {
  name: string;
  chainId?: string;
  nodeId?: string;
  amount: string;
  source: (typeof SOURCES)[number];
  responsiblePerson: string;
  responsibleUnit: string;
  nextStep?: string;
  nextStepDate?: string;
  date: string;
}

function LeadModal({ open, areaId, onClose }: { open: boolean; areaId: string; onClose: (id: string | null) => void }) {
  const [form] = Form.useForm<LeadValues>();
  const errors = useFormErrors(form);
  const [{ fetching }, create] = useMutation(CREATE_LEAD);
  const chainId = Form.useWatch('chainId', form);
  const [chains] = useQuery({ query: CHAINS, variables: { areaId: null } });
  const [chain] = useQuery({ query: CHAIN_MAP, variables: { id: chainId ?? '' }, pause: !chainId });
  const submit = async (v: LeadValues) => {
    const amount = wanInputToYuan(v.amount);
    if (amount === null) return form.setFields([{ name: 'amount', errors: ['请填写以万元计的金额，如 12000'] }]);
    const r = await create({
      input: {
        areaId,
        name: v.name,
        nodeId: v.nodeId ?? null,
        amount,
        source: v.source,
        responsiblePerson: v.responsiblePerson,
        responsibleUnit: v.responsibleUnit,
        nextStep: v.nextStep ?? '',
        nextStepDate: v.nextStepDate || null,
        date: v.date,
      },
    });
    if (errors.show(r.error)) return;
    form.resetFields();
    onClose(r.data!.createInvestmentLead.id);
  };
  return (
    <Modal title="新增招商项目" open={open} onCancel={() => onClose(null)} footer={null} destroyOnHidden width={640}>
      <Form form={form} layout="vertical" initialValues={{ source: 'PLATFORM', date: todayInChina() }} onFinish={(v) => void submit(v)} data-testid="lead-form">
        <Form.Item name="name" label="项目名称" rules={[{ required: true, whitespace: true, message: '请填写项目名称' }]}>
          <Input maxLength={128} data-testid="lead-name" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="chainId" label="产业链">
            <Select allowClear style={{ width: 180 }} options={(chains.data?.industryChains ?? []).map((c) => ({ value: c.id, label: c.name }))} data-testid="lead-chain" />
          </Form.Item>
          <Form.Item name="nodeId" label="补链节点">
            <Select allowClear showSearch optionFilterProp="label" style={{ width: 220 }} disabled={!chainId} options={(chain.data?.industryChain.nodes ?? []).map((n) => ({ value: n.id, label: `${n.name}${n.filled ? '' : '（缺）'}` }))} data-testid="lead-node" />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="amount" label="计划投资（万元）" rules={[{ required: true, message: '请填写计划投资' }]}>
            <Input style={{ width: 180 }} data-testid="lead-amount" />
          </Form.Item>
          <Form.Item name="source" label="信息来源">
            <Select style={{ width: 180 }} options={SOURCES.map((s) => ({ value: s, label: SOURCE_LABELS[s] }))} data-testid="lead-source" />
          </Form.Item>
          <Form.Item name="date" label="录入日期" rules={[{ required: true, message: '请选择日期' }]}>
            <DateInput max={todayInChina()} testId="lead-date" />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="responsiblePerson" label="责任人" rules={[{ required: true, whitespace: true, message: '请填写责任人' }]}>
            <Input maxLength={64} data-testid="lead-person" />
          </Form.Item>
          <Form.Item name="responsibleUnit" label="责任单位" rules={[{ required: true, whitespace: true, message: '请填写责任单位' }]}>
            <Input maxLength={128} style={{ width: 260 }} data-testid="lead-unit" />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="nextStep" label="下一步工作">
            <Input maxLength={300} style={{ width: 300 }} />
          </Form.Item>
          <Form.Item name="nextStepDate" label="下一步时间">
            <DateInput testId="lead-next-date" />
          </Form.Item>
        </Space>
        {errors.notice}
        <Button type="primary" htmlType="submit" loading={fetching} data-testid="lead-submit">
          保存
        </Button>
      </Form>
    </Modal>
  );
}
