import { useState, type ReactNode } from 'react';
import { Alert, AutoComplete, Button, Form, Input, InputNumber, Radio, Select, Space, Tag, Typography } from 'antd';
import { useMutation, useQuery } from 'urql';
import { unitNameKey } from '@kpd/domain';
import { DateInput, formatDate, todayInChina, useFormErrors, useMessages } from '@kpd/web-kit';
import { LOG_SERVICE, OWNER_UNITS, RAISE_PROBLEM } from './api';
import { messages, PROBLEM_CATEGORIES, SERVICE_KINDS } from './messages';

/** The rule of a required field, with the message naming it; a text field must not be blank either. */
export function useRequired(): (
  field: string,
  text?: boolean,
) => { required: true; whitespace?: boolean; message: string }[] {
  const t = useMessages(messages);
  return (field, text = false) => [
    { required: true, ...(text ? { whitespace: true } : {}), message: t('required', { field }) },
  ];
}

/**
 * What a form's last submit came to: the success line, or the notice of what the server refused
 * beyond the fields (useFormErrors puts each refused field's reason under that field).
 */
export function FormOutcome({
  notice,
  success,
  testId,
}: {
  notice: ReactNode;
  success: string | null;
  testId: string;
}) {
  return (
    <>
      {notice}
      {success && (
        <Alert type="success" showIcon title={success} data-testid={testId} style={{ marginBottom: 12 }} />
      )}
    </>
  );
}

export interface ProjectOption {
  id: string;
  name: string;
}

interface LogValues {
  projectId: string;
  kind: (typeof SERVICE_KINDS)[number];
  date: string;
  summary: string;
}

/**
 * 记录服务: a visit, call, meeting or approval help with one of the projects the secretary serves.
 * A secretary logs its own (no secretaryId); an admin logs on behalf of the secretary it names.
 */
export function LogServiceForm({
  projects,
  secretaryId,
  initialProjectId,
  onSaved,
}: {
  projects: ProjectOption[];
  secretaryId?: string;
  initialProjectId?: string;
  onSaved?: () => void;
}) {
  const t = useMessages(messages);
  const required = useRequired();
  const [form] = Form.useForm<LogValues>();
  const [{ fetching }, log] = useMutation(LOG_SERVICE);
  const errors = useFormErrors(form, { secretaryId: t('secretary') });
  const [saved, setSaved] = useState<string | null>(null);
  const submit = async (v: LogValues) => {
    setSaved(null);
    errors.clear();
    const r = await log({
      input: {
        projectId: v.projectId,
        kind: v.kind,
        date: v.date,
        summary: v.summary,
        secretaryId: secretaryId ?? null,
      },
    });
    if (errors.show(r.error)) return;
    if (r.data) {
      const e = r.data.logService;
      setSaved(
        t('logSaved', { kind: t(e.kind as LogValues['kind']), project: e.project?.name ?? '', date: e.date }),
      );
      form.resetFields(['summary']);
      onSaved?.();
    }
  };
  if (projects.length === 0) return <Alert type="info" showIcon title={t('noRunning')} />;
  return (
    <Form<LogValues>
      form={form}
      layout="vertical"
      data-testid="log-form"
      initialValues={{
        projectId: initialProjectId ?? projects[0].id,
        kind: 'VISIT',
        date: formatDate(new Date()),
      }}
      onFinish={(v) => void submit(v)}
    >
      <Form.Item name="projectId" label={t('project')} rules={required(t('project'))}>
        <Select
          placeholder={t('chooseProject')}
          options={projects.map((p) => ({ value: p.id, label: p.name }))}
          data-testid="log-project"
        />
      </Form.Item>
      <Form.Item name="kind" label={t('kind')}>
        <Radio.Group
          optionType="button"
          options={SERVICE_KINDS.map((k) => ({ value: k, label: t(k) }))}
          data-testid="log-kind"
        />
      </Form.Item>
      <Form.Item name="date" label={t('date')} rules={required(t('date'))}>
        <DateInput max={todayInChina()} style={{ width: 180 }} testId="log-date" />
      </Form.Item>
      <Form.Item name="summary" label={t('summary')} rules={required(t('summary'), true)}>
        <Input.TextArea rows={3} maxLength={1000} showCount data-testid="log-summary" />
      </Form.Item>
      <FormOutcome notice={errors.notice} success={saved} testId="log-saved" />
      <Button type="primary" htmlType="submit" loading={fetching} data-testid="log-submit">
        {t('save')}
      </Button>
    </Form>
  );
}

interface ProblemValues {
  projectId: string;
  category: (typeof PROBLEM_CATEGORIES)[number];
  title: string;
  ownerUnit: string;
  workingDays: number;
  description?: string;
}

/** 反映问题: raises a problem on one of the secretary's projects; the deadline is counted in working days by the server. */
export function RaiseProblemForm({
  projects,
  areaId,
  initialProjectId,
  onRaised,
  onCancel,
}: {
  projects: ProjectOption[];
  /** The projects' district: its directory of responsible units (and its city's) is offered. */
  areaId?: string;
  initialProjectId?: string;
  onRaised?: () => void;
  onCancel?: () => void;
}) {
  const t = useMessages(messages);
  const required = useRequired();
  const [form] = Form.useForm<ProblemValues>();
  const [{ fetching }, raise] = useMutation(RAISE_PROBLEM);
  const errors = useFormErrors(form);
  const [raised, setRaised] = useState<string | null>(null);
  const submit = async (v: ProblemValues) => {
    setRaised(null);
    errors.clear();
    const r = await raise({
      input: {
        projectId: v.projectId,
        category: v.category,
        title: v.title,
        ownerUnit: v.ownerUnit,
        workingDays: v.workingDays,
        description: v.description ?? '',
      },
    });
    if (errors.show(r.error)) return;
    if (r.data) {
      setRaised(t('problemRaised', { deadline: r.data.raiseProblem.deadline }));
      form.resetFields(['title', 'description']);
      onRaised?.();
    }
  };
  return (
    <Form<ProblemValues>
      form={form}
      layout="vertical"
      data-testid="problem-form"
      initialValues={{ projectId: initialProjectId ?? projects[0]?.id, category: 'OTHER', workingDays: 10 }}
      onFinish={(v) => void submit(v)}
    >
      <Form.Item name="projectId" label={t('project')} rules={required(t('project'))}>
        <Select
          options={projects.map((p) => ({ value: p.id, label: p.name }))}
          data-testid="problem-project"
        />
      </Form.Item>
      <Form.Item name="category" label={t('category')}>
        <Select
          options={PROBLEM_CATEGORIES.map((c) => ({ value: c, label: t(c) }))}
          data-testid="problem-category"
        />
      </Form.Item>
      <Form.Item name="title" label={t('problemTitle')} rules={required(t('problemTitle'), true)}>
        <Input maxLength={200} data-testid="problem-title" />
      </Form.Item>
      <OwnerUnitField areaId={areaId} label={t('ownerUnit')} rules={required(t('ownerUnit'), true)} />
      <Form.Item name="workingDays" label={t('workingDays')} rules={required(t('workingDays'))}>
        <InputNumber min={1} max={250} precision={0} data-testid="problem-days" />
      </Form.Item>
      <Form.Item name="description" label={t('description')}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <FormOutcome notice={errors.notice} success={raised} testId="problem-raised" />
      <Space>
        <Button type="primary" htmlType="submit" loading={fetching} data-testid="problem-submit">
          {t('submit')}
        </Button>
        {onCancel && <Button onClick={onCancel}>{t('cancel')}</Button>}
      </Space>
    </Form>
  );
}

/**
 * 责任单位: free text, offering the units of the directory (the district's, then its city's), and
 * saying under the field whether the unit typed will be sent the problem's deadline reminders.
 */
function OwnerUnitField({ areaId, label, rules }: { areaId?: string; label: string; rules: ReturnType<ReturnType<typeof useRequired>> }) {
  const t = useMessages(messages);
  const form = Form.useFormInstance();
  const typed = (Form.useWatch('ownerUnit', form) as string | undefined) ?? '';
  const [{ data }] = useQuery({ query: OWNER_UNITS, variables: { areaId: areaId ?? '' }, pause: !areaId });
  const units = data?.responsibleUnits ?? [];
  const match = typed.trim() ? units.find((u) => unitNameKey(u.name) === unitNameKey(typed)) : undefined;
  const status = !areaId || !typed.trim() ? null : match ? (
    <Typography.Text type={match.enabled ? 'success' : 'warning'} data-testid="owner-notified">
      {t(match.enabled ? 'ownerUnitNotified' : 'ownerUnitDisabled', { unit: match.name, area: match.area.name })}
    </Typography.Text>
  ) : (
    <Typography.Text type="secondary" data-testid="owner-notified">
      {t('ownerUnitUnlisted')}
    </Typography.Text>
  );
  return (
    <Form.Item name="ownerUnit" label={label} rules={rules} extra={status}>
      <AutoComplete
        options={units.map((u) => ({
          value: u.name,
          label: (
            <Space>
              {u.name}
              <Tag color={u.enabled ? 'green' : undefined}>{u.enabled ? u.area.name : `${u.area.name} · 停用`}</Tag>
            </Space>
          ),
        }))}
        filterOption={(input, option) => unitNameKey(String(option?.value ?? '')).includes(unitNameKey(input))}
      >
        <Input maxLength={128} data-testid="problem-owner" />
      </AutoComplete>
    </Form.Item>
  );
}
