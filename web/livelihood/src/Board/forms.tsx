import { useState } from 'react';
import { Button, Card, Form, Input, Space } from 'antd';
import { useMutation } from 'urql';
import { DateInput, ErrorNotice, MonthPicker, useMessages } from '@kpd/web-kit';
import { boardMessages as messages } from '../messages';
import { COMPLETE, MILESTONES, OBLIGATION, REPORT, type BoardProject } from './queries';

export function ProgressForm({ project: p, onSaved }: { project: BoardProject; onSaved: () => void }) {
  const t = useMessages(messages);
  const [{ fetching, error }, report] = useMutation(REPORT);
  const [form] = Form.useForm<{ period: string; quantityDone: string; note: string }>();
  return (
    <Card size="small" title={t('report')} style={{ marginBottom: 12 }} data-testid="progress-form">
      <Form
        form={form}
        layout="vertical"
        onFinish={async (v) => {
          const r = await report({ projectId: p.id, period: v.period, quantityDone: v.quantityDone.trim(), note: v.note.trim() });
          if (r.data) {
            form.resetFields();
            onSaved();
          }
        }}
      >
        <Form.Item name="period" label={t('month')} rules={[{ required: true, message: t('required') }]}>
          <MonthPicker testId="progress-period" />
        </Form.Item>
        <Form.Item name="quantityDone" label={t('quantityIn', { unit: p.unit })} rules={[{ required: true, message: t('required') }]}>
          <Input inputMode="decimal" data-testid="progress-quantity" />
        </Form.Item>
        <Form.Item name="note" label={t('note')} rules={[{ required: true, whitespace: true, message: t('required') }]}>
          <Input.TextArea rows={2} data-testid="progress-note" />
        </Form.Item>
        {error && <ErrorNotice error={error} />}
        <Button type="primary" htmlType="submit" loading={fetching} style={{ marginTop: 8 }} data-testid="progress-submit">
          {t('submit')}
        </Button>
      </Form>
    </Card>
  );
}

export function CloseOut({ project: p, onSaved }: { project: BoardProject; onSaved: () => void }) {
  const t = useMessages(messages);
  const [day, setDay] = useState('');
  const [{ fetching, error }, complete] = useMutation(COMPLETE);
  return (
    <Card size="small" title={t('closeOut')}>
      <Space wrap>
        <DateInput value={day || null} onChange={(v) => setDay(v ?? '')} />
        <Button
          danger
          disabled={!day}
          loading={fetching}
          onClick={async () => {
            const r = await complete({ projectId: p.id, completedOn: day });
            if (r.data) onSaved();
          }}
        >
          {t('closeOutButton')}
        </Button>
      </Space>
      {error && (
        <div style={{ marginTop: 8 }}>
          <ErrorNotice error={error} />
        </div>
      )}
    </Card>
  );
}

export function ObligationForm({ project: p, onSaved }: { project: BoardProject; onSaved: () => void }) {
  const t = useMessages(messages);
  const [{ fetching, error }, update] = useMutation(OBLIGATION);
  return (
    <Form
      layout="vertical"
      data-testid="obligation-form"
      initialValues={{ leadDepartment: p.leadDepartment, targetQuantity: p.targetQuantity, unit: p.unit }}
      onFinish={async (v: { leadDepartment: string; targetQuantity: string; unit: string }) => {
        const r = await update({ id: p.id, input: { leadDepartment: v.leadDepartment.trim(), targetQuantity: v.targetQuantity.trim(), unit: v.unit.trim() } });
        if (r.data) onSaved();
      }}
    >
      <Form.Item name="leadDepartment" label={t('lead')} rules={[{ required: true, whitespace: true, message: t('required') }]}>
        <Input />
      </Form.Item>
      <Space>
        <Form.Item name="targetQuantity" label={t('target')} rules={[{ required: true, whitespace: true, message: t('required') }]}>
          <Input inputMode="decimal" />
        </Form.Item>
        <Form.Item name="unit" label={t('unit')} rules={[{ required: true, whitespace: true, message: t('required') }]}>
          <Input />
        </Form.Item>
      </Space>
      {error && <ErrorNotice error={error} />}
      <Button htmlType="submit" loading={fetching} style={{ marginTop: 8 }}>
        {t('save')}
      </Button>
    </Form>
  );
}

interface MilestoneDraft {
  key: number;
  name: string;
  dueDate: string;
  doneDate: string;
}

export function MilestoneEditor({ project: p, onSaved }: { project: BoardProject; onSaved: () => void }) {
  const t = useMessages(messages);
  const [rows, setRows] = useState<MilestoneDraft[]>(() => p.milestones.map((m, key) => ({ key, name: m.name, dueDate: m.dueDate, doneDate: m.doneDate ?? '' })));
  const [{ fetching, error }, save] = useMutation(MILESTONES);
  const change = (key: number, patch: Partial<MilestoneDraft>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  return (
    <>
      {rows.map((r) => (
        <Space key={r.key} direction="vertical" size={4} style={{ width: '100%', marginBottom: 8, paddingBottom: 8, borderBottom: '1px solid #f0f0f0' }}>
          <Input placeholder={t('milestoneName')} value={r.name} onChange={(e) => change(r.key, { name: e.target.value })} />
          <Space wrap size={4}>
            <span>{t('dueLabel')}</span>
            <DateInput value={r.dueDate || null} onChange={(v) => change(r.key, { dueDate: v ?? '' })} style={{ width: 150 }} />
            <span>{t('doneLabel')}</span>
            <DateInput allowClear value={r.doneDate || null} onChange={(v) => change(r.key, { doneDate: v ?? '' })} style={{ width: 150 }} />
            <Button size="small" danger onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}>
              {t('remove')}
            </Button>
          </Space>
        </Space>
      ))}
      {error && <ErrorNotice error={error} />}
      <Space style={{ marginTop: 8 }}>
        <Button onClick={() => setRows((rs) => [...rs, { key: Math.max(-1, ...rs.map((x) => x.key)) + 1, name: '', dueDate: '', doneDate: '' }])}>{t('addMilestone')}</Button>
        <Button
          type="primary"
          loading={fetching}
          onClick={async () => {
            const r = await save({ projectId: p.id, milestones: rows.map((m) => ({ name: m.name.trim(), dueDate: m.dueDate, doneDate: m.doneDate || null })) });
            if (r.data) onSaved();
          }}
        >
          {t('save')}
        </Button>
      </Space>
    </>
  );
}
