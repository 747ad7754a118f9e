import { useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Form, Input, Row, Select, Space, Tag, Timeline, Typography } from 'antd';
import { useMutation, useQuery } from 'urql';
import { DateInput, formatMoneyCell, QueryState, todayInChina, useFormErrors, type RemoteProps } from '@kpd/web-kit';
import { CONVERT, DISTRICT_SECRETARIES, LEAD, LOG_VISIT, MOVE_LEAD, SOURCE_LABELS, STAGE_LABELS, STAGES, STEP_LABELS, type Lead, type Stage } from './api';

/** One 招商项目: its facts, its history (entries, moves, visits), and what an admin does next. */
export function LeadDetail({ id, viewer, navigate }: RemoteProps & { id: string }) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: LEAD, variables: { id } });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  return (
    <QueryState fetching={fetching} error={error} data={data} onRetry={reload}>
      {({ investmentLead: l }) => (
        <>
          <Button type="link" onClick={() => navigate('/pipeline')} style={{ paddingLeft: 0 }}>
            ← 招商项目
          </Button>
          <Typography.Title level={3} data-testid="lead-title">
            {l.name} <Tag color={l.stage === 'KEY_PROJECT' ? 'green' : 'blue'} data-testid="lead-stage">{STAGE_LABELS[l.stage as Stage]}</Tag>
            {l.stalled && <Tag color="red">停滞 {l.daysSinceStep} 天</Tag>}
          </Typography.Title>
          <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 3 }} style={{ marginBottom: 16 }}>
            <Descriptions.Item label="计划投资">{formatMoneyCell(l.amount, 'wan')} 万元</Descriptions.Item>
            <Descriptions.Item label="信息来源">{SOURCE_LABELS[l.source as keyof typeof SOURCE_LABELS]}</Descriptions.Item>
            <Descriptions.Item label="补链节点">{l.node?.name ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="投资企业">{l.company ? `${l.company.name}（${l.company.creditCode}）` : '—'}</Descriptions.Item>
            <Descriptions.Item label="责任人">{`${l.responsiblePerson}（${l.responsibleUnit}）`}</Descriptions.Item>
            <Descriptions.Item label="下一步">{l.nextStep ? `${l.nextStep}${l.nextStepDate ? `（${l.nextStepDate}）` : ''}` : '—'}</Descriptions.Item>
            <Descriptions.Item label="签约日期">{l.signedDate ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="重点项目">
              {l.project ? <span data-testid="lead-project">{`${l.project.code} ${l.project.name}（${l.project.district.name}）`}</span> : '—'}
            </Descriptions.Item>
          </Descriptions>
          <Row gutter={16}>
            <Col xs={24} xl={10}>
              <Card size="small" title="跟进记录">
                <Timeline
                  data-testid="lead-steps"
                  items={l.steps.nodes.map((s) => ({
                    key: s.id,
                    color: s.kind === 'VISIT' ? 'blue' : s.kind === 'CONVERTED' ? 'green' : 'gray',
                    content: `${s.date} ${STEP_LABELS[s.kind as keyof typeof STEP_LABELS]}${s.kind === 'STAGE' ? `：${STAGE_LABELS[s.toStage as Stage]}` : ''}${s.note ? ` · ${s.note}` : ''}${s.recordedBy ? `（${s.recordedBy}）` : ''}`,
                  }))}
                />
              </Card>
            </Col>
            {viewer.role === 'ADMIN' && l.stage !== 'KEY_PROJECT' && (
              <Col xs={24} xl={14}>
                <MoveForm lead={l} onDone={reload} />
                <VisitForm lead={l} onDone={reload} />
                {['SIGNED', 'REGISTERED', 'STARTED'].includes(l.stage) && <ConvertForm lead={l} onDone={reload} />}
              </Col>
            )}
          </Row>
        </>
      )}
    </QueryState>
  );
}

interface MoveValues {
  stage: Stage;
  date: string;
  note?: string;
  nextStep?: string;
  nextStepDate?: string;
}

function MoveForm({ lead, onDone }: { lead: Lead; onDone: () => void }) {
  const [form] = Form.useForm<MoveValues>();
  const errors = useFormErrors(form, { version: '版本' });
  const [{ fetching }, move] = useMutation(MOVE_LEAD);
  const later = STAGES.slice(STAGES.indexOf(lead.stage as Stage) + 1).filter((s) => s !== 'KEY_PROJECT');
  const submit = async (v: MoveValues) => {
    const r = await move({ id: lead.id, input: { version: lead.version, stage: v.stage, date: v.date, note: v.note ?? '', nextStep: v.nextStep || null, nextStepDate: v.nextStepDate || null } });
    if (errors.show(r.error)) return;
    form.resetFields();
    onDone();
  };
  if (later.length === 0) return null;
  return (
    <Card size="small" title="推进阶段" style={{ marginBottom: 12 }}>
      <Form form={form} layout="vertical" initialValues={{ stage: later[0], date: todayInChina() }} onFinish={(v) => void submit(v)} data-testid="move-form">
        <Space wrap>
          <Form.Item name="stage" label="推进到" rules={[{ required: true, message: '请选择阶段' }]}>
            <Select style={{ width: 160 }} options={later.map((s) => ({ value: s, label: STAGE_LABELS[s] }))} data-testid="move-stage" />
          </Form.Item>
          <Form.Item name="date" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
            <DateInput max={todayInChina()} testId="move-date" />
          </Form.Item>
        </Space>
        <Form.Item name="note" label="说明">
          <Input maxLength={1000} placeholder="如：签订投资协议" data-testid="move-note" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="nextStep" label="下一步工作">
            <Input maxLength={300} style={{ width: 260 }} />
          </Form.Item>
          <Form.Item name="nextStepDate" label="下一步时间">
            <DateInput />
          </Form.Item>
        </Space>
        {errors.notice}
        <Button type="primary" htmlType="submit" loading={fetching} data-testid="move-submit">
          推进
        </Button>
      </Form>
    </Card>
  );
}

interface VisitValues {
  date: string;
  note: string;
  nextStep?: string;
  nextStepDate?: string;
}

function VisitForm({ lead, onDone }: { lead: Lead; onDone: () => void }) {
  const [form] = Form.useForm<VisitValues>();
  const errors = useFormErrors(form);
  const [{ fetching }, log] = useMutation(LOG_VISIT);
  const [saved, setSaved] = useState(false);
  const submit = async (v: VisitValues) => {
    setSaved(false);
    const r = await log({ leadId: lead.id, input: { date: v.date, note: v.note, nextStep: v.nextStep || null, nextStepDate: v.nextStepDate || null } });
    if (errors.show(r.error)) return;
    form.resetFields(['note', 'nextStep', 'nextStepDate']);
    setSaved(true);
    onDone();
  };
  return (
    <Card size="small" title="记录走访" style={{ marginBottom: 12 }}>
      <Form form={form} layout="vertical" initialValues={{ date: todayInChina() }} onFinish={(v) => void submit(v)} data-testid="visit-form">
        <Form.Item name="date" label="走访日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DateInput max={todayInChina()} testId="visit-date" />
        </Form.Item>
        <Form.Item name="note" label="走访内容" rules={[{ required: true, whitespace: true, message: '请填写走访内容' }]}>
          <Input.TextArea rows={2} maxLength={1000} data-testid="visit-note" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="nextStep" label="下一步工作">
            <Input maxLength={300} style={{ width: 260 }} />
          </Form.Item>
          <Form.Item name="nextStepDate" label="下一步时间">
            <DateInput />
          </Form.Item>
        </Space>
        {errors.notice}
        {saved && <Alert type="success" showIcon title="已记录走访" style={{ marginBottom: 12 }} data-testid="visit-saved" />}
        <Button htmlType="submit" loading={fetching} data-testid="visit-submit">
          记录
        </Button>
      </Form>
    </Card>
  );
}

interface ConvertValues {
  districtId?: string;
  code: string;
  constructionStart: string;
  constructionEnd: string;
  responsibleLeader: string;
  secretaryId: string;
}

/** 招服一体: a signed project becomes a key project in one step — its ledger entry and its secretary. */
function ConvertForm({ lead, onDone }: { lead: Lead; onDone: () => void }) {
  const [form] = Form.useForm<ConvertValues>();
  const errors = useFormErrors(form, { version: '版本' });
  const [{ fetching }, convert] = useMutation(CONVERT);
  const [choices] = useQuery({ query: DISTRICT_SECRETARIES, variables: { areaId: lead.area.id } });
  const area = choices.data?.area;
  const districts = area ? (area.level === 'DISTRICT' ? [area] : area.children.filter((c) => c.level === 'DISTRICT')) : [];
  const districtId = Form.useWatch('districtId', form) ?? (districts.length === 1 ? districts[0].id : undefined);
  const secretaries = (choices.data?.secretaries.nodes ?? []).filter((s) => !districtId || s.district.id === districtId);
  const year = todayInChina().slice(0, 4);
  const submit = async (v: ConvertValues) => {
    const r = await convert({
      id: lead.id,
      input: { version: lead.version, districtId: v.districtId ?? districtId ?? null, code: v.code, constructionStart: v.constructionStart, constructionEnd: v.constructionEnd, responsibleLeader: v.responsibleLeader, secretaryId: v.secretaryId },
    });
    if (errors.show(r.error)) return;
    onDone();
  };
  return (
    <Card size="small" title="转为重点项目（招服一体）" data-testid="convert-card">
      <Typography.Paragraph type="secondary">一步建立重点项目台账（名称、总投资、企业、责任单位取自本项目）并指派服务秘书，从签约到投产全程“一对一”服务。</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ constructionStart: `${year}-${todayInChina().slice(5, 7)}`, constructionEnd: `${Number(year) + 2}-12` }}
        onFinish={(v) => void submit(v)}
        data-testid="convert-form"
      >
        <Space wrap>
          <Form.Item name="districtId" label="所在区县" rules={districts.length === 1 ? [] : [{ required: true, message: '请选择区县' }]}>
            <Select style={{ width: 180 }} placeholder={districts.length === 1 ? districts[0].name : undefined} options={districts.map((d) => ({ value: d.id, label: d.name }))} data-testid="convert-district" />
          </Form.Item>
          <Form.Item name="code" label="项目编码" rules={[{ required: true, whitespace: true, message: '请填写项目编码' }]}>
            <Input maxLength={32} placeholder="如 SF2026-010" data-testid="convert-code" />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="constructionStart" label="建设周期开始（年-月）" rules={[{ required: true, pattern: /^\d{4}-\d{2}$/, message: '请按 2026-03 的格式填写' }]}>
            <Input style={{ width: 140 }} data-testid="convert-start" />
          </Form.Item>
          <Form.Item name="constructionEnd" label="建设周期结束（年-月）" rules={[{ required: true, pattern: /^\d{4}-\d{2}$/, message: '请按 2027-12 的格式填写' }]}>
            <Input style={{ width: 140 }} data-testid="convert-end" />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="responsibleLeader" label="包保领导" rules={[{ required: true, whitespace: true, message: '请填写包保领导' }]}>
            <Input maxLength={64} data-testid="convert-leader" />
          </Form.Item>
          <Form.Item name="secretaryId" label="服务秘书" rules={[{ required: true, message: '请选择服务秘书' }]}>
            <Select style={{ width: 220 }} options={secretaries.map((s) => ({ value: s.id, label: `${s.name}（${s.workUnit}）` }))} data-testid="convert-secretary" />
          </Form.Item>
        </Space>
        {errors.notice}
        <Button type="primary" htmlType="submit" loading={fetching} data-testid="convert-submit">
          转为重点项目
        </Button>
      </Form>
    </Card>
  );
}
