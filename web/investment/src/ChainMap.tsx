import { useMemo, useState } from 'react';
import { Alert, Button, Card, Col, Empty, Form, Input, InputNumber, Modal, Radio, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery } from 'urql';
import { QueryState, useFormErrors, type RemoteProps } from '@kpd/web-kit';
import { Chart, type ChartOption } from '@kpd/web-kit/chart';
import { ADD_NODE, CHAIN_MAP, CHAINS, CREATE_CHAIN, LINK_LABELS, type ChainMap, type ChainNodeRow } from './api';
import { ChainSheet } from './ChainSheet';
import { TargetList } from './TargetList';

const FILLED = '#52c41a';
const HEADING = '#8c8c8c';
const MISSING = ['#cf1322', '#cf1322', '#fa541c', '#fa8c16', '#faad14', '#d4b106'];

interface TreeItem {
  name: string;
  id?: string;
  value?: string;
  itemStyle?: { color: string; borderColor: string };
  label?: { color?: string; fontWeight?: 'bold' };
  children?: TreeItem[];
}

/** The chain as a tree: chain → 上游/中游/下游 → nodes; green where something is here, red to yellow where missing (by priority). */
export function chainTree(chain: ChainMap): TreeItem {
  const item = (n: ChainNodeRow): TreeItem => {
    const children = chain.nodes.filter((c) => c.parentId === n.id);
    // A group heading (半导体材料 over 硅片 …) takes its colour from its own companies only when it has some.
    const heading = children.length > 0 && !n.filled;
    const color = n.filled ? FILLED : heading ? HEADING : MISSING[n.priority];
    return {
      name: n.name,
      id: n.id,
      value: n.filled ? `有：本地企业 ${n.localCompanies}，签约 ${n.signedLeads}` : heading ? '分组' : `缺：优先级 ${n.priority}，目标企业 ${n.targetCompanies}`,
      itemStyle: { color, borderColor: color },
      label: n.filled || heading ? undefined : { color, fontWeight: 'bold' },
      children: children.map(item),
    };
  };
  return {
    name: chain.name,
    children: (['UPSTREAM', 'MIDSTREAM', 'DOWNSTREAM'] as const).map((link) => ({
      name: LINK_LABELS[link],
      children: chain.nodes.filter((n) => n.link === link && n.parentId === null).map(item),
    })),
  };
}

function ChainChart({ chain, onPick }: { chain: ChainMap; onPick: (id: string) => void }) {
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'item', formatter: (p: { name: string; value?: string }) => (p.value ? `${p.name}<br/>${p.value}` : p.name) },
      series: [
        {
          type: 'tree',
          data: [chainTree(chain)],
          top: 10,
          left: 90,
          bottom: 10,
          right: 180,
          symbolSize: 12,
          initialTreeDepth: -1,
          expandAndCollapse: false,
          label: { position: 'left', verticalAlign: 'middle', align: 'right', fontSize: 13 },
          leaves: { label: { position: 'right', verticalAlign: 'middle', align: 'left' } },
        },
      ],
    }),
    [chain],
  );
  const leaves = chain.nodes.length + 4;
  return <Chart option={option} height={Math.max(420, leaves * 24)} testId="chain-chart" onClick={(d) => (d as TreeItem | undefined)?.id && onPick((d as TreeItem).id!)} />;
}

/** 产业链图谱: the chain, what is here, what is missing (weighted by priority), and where to find it (target lists). */
export function ChainMapPage({ viewer, navigate }: RemoteProps) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: CHAINS, variables: { areaId: null } });
  const [chosen, setChosen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [generation, setGeneration] = useState(0);
  return (
    <QueryState fetching={fetching} error={error} data={data} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
      {({ industryChains }) => {
        const chainId = chosen ?? industryChains[0]?.id ?? null;
        return (
          <>
            <Space wrap style={{ marginBottom: 12 }}>
              <Typography.Text>产业链：</Typography.Text>
              <Radio.Group
                optionType="button"
                value={chainId}
                onChange={(e) => setChosen(e.target.value as string)}
                options={industryChains.map((c) => ({ value: c.id, label: industryChains.some((o) => o.area.id !== c.area.id) ? `${c.name}（${c.area.name}）` : c.name }))}
                data-testid="chain-picker"
              />
              {viewer.role === 'ADMIN' && (
                <Button onClick={() => setCreating(true)} data-testid="chain-new">
                  新增产业链
                </Button>
              )}
            </Space>
            <ChainSheet
              viewer={viewer}
              onImported={() => {
                refetch({ requestPolicy: 'network-only' });
                setGeneration((g) => g + 1);
              }}
            />
            {chainId ? (
              <OneChain key={`${chainId}-${generation}`} id={chainId} admin={viewer.role === 'ADMIN'} onOpen={(id) => navigate(`/companies/${id}`)} />
            ) : (
              <Empty description="尚未建立产业链" />
            )}
            <CreateChainModal
              open={creating}
              areaId={viewer.area.id}
              onClose={(id) => {
                setCreating(false);
                if (id) {
                  refetch({ requestPolicy: 'network-only' });
                  setChosen(id);
                }
              }}
            />
          </>
        );
      }}
    </QueryState>
  );
}

function OneChain({ id, admin, onOpen }: { id: string; admin: boolean; onOpen: (companyId: string) => void }) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: CHAIN_MAP, variables: { id } });
  const [picked, setPicked] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  return (
    <QueryState fetching={fetching} error={error} data={data} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
      {({ industryChain: chain }) => {
        const missing = chain.nodes.filter((n) => !n.filled && !chain.nodes.some((c) => c.parentId === n.id)).sort((a, b) => (b.gapWeight ?? 0) - (a.gapWeight ?? 0));
        const leaves = chain.nodes.filter((n) => !chain.nodes.some((c) => c.parentId === n.id));
        const filled = leaves.filter((n) => n.filled);
        const node = chain.nodes.find((n) => n.id === picked) ?? null;
        return (
          <>
            {chain.description && <Typography.Paragraph type="secondary">{chain.description}</Typography.Paragraph>}
            <Space wrap style={{ marginBottom: 8 }} data-testid="chain-legend">
              <Tag color={FILLED}>现有（本地企业或已签约）{filled.length}</Tag>
              <Tag color={MISSING[1]}>缺失 {leaves.length - filled.length}（颜色越深越优先）</Tag>
              {admin && (
                <Button size="small" onClick={() => setAdding(true)} data-testid="node-new">
                  新增节点
                </Button>
              )}
            </Space>
            <Row gutter={16}>
              <Col xs={24} xl={15}>
                <Card size="small" title={`${chain.name}产业链图谱（点节点查看目标企业）`}>
                  <ChainChart chain={chain} onPick={setPicked} />
                </Card>
              </Col>
              <Col xs={24} xl={9}>
                <Card size="small" title="需要补的节点（按补链权重）">
                  <Table
                    size="small"
                    rowKey="id"
                    pagination={false}
                    dataSource={missing}
                    data-testid="missing-nodes"
                    columns={[
                      { title: '节点', dataIndex: 'name' },
                      { title: '环节', dataIndex: 'link', render: (l: keyof typeof LINK_LABELS) => LINK_LABELS[l] },
                      { title: '优先级', dataIndex: 'priority' },
                      { title: '目标企业', dataIndex: 'targetCompanies' },
                      {
                        title: '',
                        key: 'go',
                        render: (_: unknown, n: ChainNodeRow) => (
                          <Button size="small" type="link" onClick={() => setPicked(n.id)} data-testid={`target-list-${n.name}`}>
                            生成目标清单
                          </Button>
                        ),
                      },
                    ]}
                  />
                </Card>
              </Col>
            </Row>
            {node && (
              <Card size="small" style={{ marginTop: 16 }} title={`${node.name}：${node.filled ? '已有' : '缺失'} · 目标企业清单`} data-testid="target-list">
                {node.filled && <Alert type="success" showIcon title={`本地企业 ${node.localCompanies} 家，已签约项目 ${node.signedLeads} 个`} style={{ marginBottom: 8 }} />}
                <TargetList nodeId={node.id} onOpen={onOpen} />
              </Card>
            )}
            <AddNodeModal chain={chain} open={adding} onClose={(done) => (setAdding(false), done && refetch({ requestPolicy: 'network-only' }))} />
          </>
        );
      }}
    </QueryState>
  );
}

function CreateChainModal({ open, areaId, onClose }: { open: boolean; areaId: string; onClose: (id: string | null) => void }) {
  const [form] = Form.useForm<{ name: string; description?: string }>();
  const errors = useFormErrors(form);
  const [{ fetching }, create] = useMutation(CREATE_CHAIN);
  const submit = async (v: { name: string; description?: string }) => {
    const r = await create({ input: { areaId, name: v.name, description: v.description ?? '' } });
    if (errors.show(r.error)) return;
    form.resetFields();
    onClose(r.data!.createIndustryChain.id);
  };
  return (
    <Modal title="新增产业链" open={open} onCancel={() => onClose(null)} footer={null} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} data-testid="chain-form">
        <Form.Item name="name" label="产业链名称" rules={[{ required: true, whitespace: true, message: '请填写产业链名称' }]}>
          <Input maxLength={64} placeholder="如：高端装备" data-testid="chain-name" />
        </Form.Item>
        <Form.Item name="description" label="说明">
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
        {errors.notice}
        <Button type="primary" htmlType="submit" loading={fetching} data-testid="chain-submit">
          保存
        </Button>
      </Form>
    </Modal>
  );
}

interface NodeValues {
  link: 'UPSTREAM' | 'MIDSTREAM' | 'DOWNSTREAM';
  parentId?: string;
  name: string;
  priority: number;
}

function AddNodeModal({ chain, open, onClose }: { chain: ChainMap; open: boolean; onClose: (done: boolean) => void }) {
  const [form] = Form.useForm<NodeValues>();
  const errors = useFormErrors(form);
  const link = Form.useWatch('link', form);
  const [{ fetching }, add] = useMutation(ADD_NODE);
  const submit = async (v: NodeValues) => {
    const r = await add({ input: { chainId: chain.id, link: v.link, parentId: v.parentId ?? null, name: v.name, priority: v.priority } });
    if (errors.show(r.error)) return;
    form.resetFields(['name', 'parentId']);
    onClose(true);
  };
  return (
    <Modal title={`新增节点：${chain.name}`} open={open} onCancel={() => onClose(false)} footer={null} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ link: 'UPSTREAM', priority: 3 }} onFinish={(v) => void submit(v)} data-testid="node-form">
        <Form.Item name="link" label="环节">
          <Radio.Group optionType="button" options={(['UPSTREAM', 'MIDSTREAM', 'DOWNSTREAM'] as const).map((l) => ({ value: l, label: LINK_LABELS[l] }))} />
        </Form.Item>
        <Form.Item name="parentId" label="上级节点（可不选）">
          <Select allowClear options={chain.nodes.filter((n) => n.link === link).map((n) => ({ value: n.id, label: n.name }))} data-testid="node-parent" />
        </Form.Item>
        <Form.Item name="name" label="节点名称（产品或能力）" rules={[{ required: true, whitespace: true, message: '请填写节点名称' }]}>
          <Input maxLength={64} data-testid="node-name" />
        </Form.Item>
        <Form.Item name="priority" label="优先级（1 最优先，5 最低）" rules={[{ required: true, message: '请填写优先级' }]}>
          <InputNumber min={1} max={5} precision={0} data-testid="node-priority" />
        </Form.Item>
        {errors.notice}
        <Button type="primary" htmlType="submit" loading={fetching} data-testid="node-submit">
          保存
        </Button>
      </Form>
    </Modal>
  );
}
