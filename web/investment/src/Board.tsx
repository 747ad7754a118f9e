import { useMemo, useState } from 'react';
import { Button, Card, Col, Form, InputNumber, Modal, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import { useMutation, useQuery } from 'urql';
import { formatMoneyCell, formatPercent, QueryState, todayInChina, useFormErrors, type RemoteProps } from '@kpd/web-kit';
import { Chart, type ChartOption } from '@kpd/web-kit/chart';
import { BOARD, CHAINS, SET_TARGETS, SOURCE_LABELS, STAGE_LABELS, type Board as BoardData, type Stage } from './api';

/** 一块看板: filled vs missing nodes per chain, the pipeline by stage, sources, this year's signings against the targets. */
export function Board({ viewer }: RemoteProps) {
  const thisYear = Number(todayInChina().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [chainId, setChainId] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [chains] = useQuery({ query: CHAINS, variables: { areaId: null } });
  const [{ data, fetching, error }, refetch] = useQuery({ query: BOARD, variables: { areaId: null, year, chainId } });
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select value={year} onChange={setYear} style={{ width: 110 }} options={[thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: y, label: `${y}年` }))} data-testid="board-year" />
        <Select allowClear placeholder="全部产业链" value={chainId} onChange={(v) => setChainId(v ?? null)} style={{ width: 180 }} options={(chains.data?.industryChains ?? []).map((c) => ({ value: c.id, label: c.name }))} />
        {viewer.role === 'ADMIN' && (
          <Button onClick={() => setEditing(true)} data-testid="targets-edit">
            设置年度目标
          </Button>
        )}
      </Space>
      <QueryState fetching={fetching} error={error} data={data} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
        {({ investmentBoard: b }) => <BoardBody b={b} />}
      </QueryState>
      <TargetsModal open={editing} areaId={viewer.area.id} year={year} current={data?.investmentBoard.targets ?? null} onClose={(done) => (setEditing(false), done && refetch({ requestPolicy: 'network-only' }))} />
    </>
  );
}

function BoardBody({ b }: { b: BoardData }) {
  const chainOption = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { data: ['现有', '缺失'], top: 0, left: 'center' },
      grid: { left: 90, right: 20, top: 36, bottom: 24 },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: b.chains.map((c) => c.chain.name) },
      series: [
        { name: '现有', type: 'bar', stack: 'n', color: '#52c41a', data: b.chains.map((c) => c.filled) },
        { name: '缺失', type: 'bar', stack: 'n', color: '#cf1322', data: b.chains.map((c) => c.missing) },
      ],
    }),
    [b],
  );
  const t = b.targets;
  return (
    <>
      <Typography.Paragraph type="secondary">
        {b.area.name} · {b.year}年
      </Typography.Paragraph>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }} data-testid="board-figures">
        <Col xs={12} md={8} xl={4}>
          <Card size="small">
            <Statistic title="本年签约项目" value={b.signedThisYear} suffix={t ? `/ 目标 ${t.signed}` : undefined} data-testid="board-signed" />
          </Card>
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Card size="small">
            <Statistic title="20亿元以上" value={b.signedOver2Billion} suffix={t ? `/ ${t.over2Billion}` : undefined} />
          </Card>
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Card size="small">
            <Statistic title="50亿元以上" value={b.signedOver5Billion} suffix={t ? `/ ${t.over5Billion}` : undefined} />
          </Card>
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Card size="small">
            <Statistic title="项目信息来自平台" value={formatPercent(b.platformSharePercent)} suffix={`${b.platformLeads}/${b.leads}`} data-testid="board-platform-share" />
          </Card>
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Card size="small">
            <Statistic title="本年签约来自平台" value={formatPercent(b.signedPlatformSharePercent)} suffix={`${b.signedFromPlatform}/${b.signedThisYear}`} />
          </Card>
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Card size="small">
            <Statistic title={`停滞项目（${b.stallDays}天无进展）`} value={b.stalledLeads} />
          </Card>
        </Col>
      </Row>
      <Typography.Paragraph type="secondary">
        本年签约额 {formatMoneyCell(b.signedAmountThisYear, 'yi')} 亿元 · 签约目标完成 {formatPercent(b.signedTargetPercent)} · 本年走访 {b.visitsThisYear} 次 · 目标企业 {b.targetCompanies} 家
      </Typography.Paragraph>
      <Row gutter={16}>
        <Col xs={24} xl={10}>
          <Card size="small" title="各产业链补链情况（节点）">
            <Chart option={chainOption} height={90 + b.chains.length * 50} testId="board-chains" />
          </Card>
          <Card size="small" title="信息来源" style={{ marginTop: 12 }}>
            <Table
              size="small"
              rowKey="source"
              pagination={false}
              dataSource={b.sources}
              columns={[
                { title: '来源', dataIndex: 'source', render: (s: keyof typeof SOURCE_LABELS) => SOURCE_LABELS[s] },
                { title: '项目', dataIndex: 'leads' },
                { title: '已签约', dataIndex: 'signed' },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card size="small" title="招商项目分阶段（转化率：到达本阶段 ÷ 到达上一阶段）">
            <Table
              size="small"
              rowKey="stage"
              pagination={false}
              dataSource={b.stages}
              data-testid="board-stages"
              columns={[
                { title: '阶段', dataIndex: 'stage', render: (s: Stage) => STAGE_LABELS[s] },
                { title: '当前项目', dataIndex: 'count', align: 'right' },
                { title: '计划投资（亿元）', dataIndex: 'amount', align: 'right', render: (a: string) => formatMoneyCell(a, 'yi') },
                { title: '累计到达', dataIndex: 'reached', align: 'right' },
                { title: '转化率', dataIndex: 'conversionPercent', align: 'right', render: (p: number | null) => formatPercent(p) },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}

interface TargetValues {
  signed: number;
  over2Billion: number;
  over5Billion: number;
}

function TargetsModal({ open, areaId, year, current, onClose }: { open: boolean; areaId: string; year: number; current: TargetValues | null; onClose: (done: boolean) => void }) {
  const [form] = Form.useForm<TargetValues>();
  const errors = useFormErrors(form);
  const [{ fetching }, save] = useMutation(SET_TARGETS);
  const submit = async (v: TargetValues) => {
    const r = await save({ areaId, year, input: { signed: v.signed, over2Billion: v.over2Billion, over5Billion: v.over5Billion } });
    if (errors.show(r.error)) return;
    onClose(true);
  };
  return (
    <Modal title={`${year}年签约目标`} open={open} onCancel={() => onClose(false)} footer={null} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={current ?? { signed: 80, over2Billion: 2, over5Billion: 1 }} onFinish={(v) => void submit(v)} data-testid="targets-form">
        <Form.Item name="signed" label="签约项目数" rules={[{ required: true, message: '请填写签约项目数' }]}>
          <InputNumber min={0} precision={0} data-testid="targets-signed" />
        </Form.Item>
        <Form.Item name="over2Billion" label="其中20亿元以上" rules={[{ required: true, message: '请填写' }]}>
          <InputNumber min={0} precision={0} data-testid="targets-2b" />
        </Form.Item>
        <Form.Item name="over5Billion" label="其中50亿元以上" rules={[{ required: true, message: '请填写' }]}>
          <InputNumber min={0} precision={0} data-testid="targets-5b" />
        </Form.Item>
        {errors.notice}
        <Button type="primary" htmlType="submit" loading={fetching} data-testid="targets-submit">
          保存
        </Button>
      </Form>
    </Modal>
  );
}
