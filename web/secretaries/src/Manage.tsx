/**
 * The admin's secretary forms: 新增服务秘书 (roster), 修改 (a secretary's page, with its version: a
 * change made since the form opened is refused and said so), 任命到项目 (sole, lead or member of a
 * reinforced team) and 结束任命. Every refused input is shown under its field, in Chinese.
 */
import { useState } from 'react';
import { Alert, App as AntApp, Button, Form, Input, Modal, Select, Space } from 'antd';
import { useMutation, useQuery } from 'urql';
import { DateInput, readableError, todayInChina, useFormErrors, useMessages } from '@kpd/web-kit';
import { DISTRICTS } from './api';
import type { SecretaryTeamRole } from './gql/graphql';
import { manageMessages } from './manage.messages';
import { ASSIGN_SECRETARY, CREATE_SECRETARY, END_ASSIGNMENT, FREE_ACCOUNTS, PROJECT_CHOICES, SECRETARY_FOR_EDIT, UPDATE_SECRETARY } from './manage.queries';

interface SecretaryValues {
  name: string;
  workUnit: string;
  title?: string;
  contact?: string;
  districtId: string;
  userId?: string | null;
}

function useDetailRules() {
  const t = useMessages(manageMessages);
  return {
    name: [{ required: true, whitespace: true, max: 64, message: t('nameRule') }],
    workUnit: [{ required: true, whitespace: true, max: 128, message: t('workUnitRule') }],
    title: [{ max: 64, message: t('titleRule') }],
    contact: [{ max: 200, message: t('contactRule') }],
  };
}

/** 新增服务秘书: a button opening the form; `onCreated` receives the new secretary's id. */
export function NewSecretaryButton({ onCreated }: { onCreated: (id: string) => void }) {
  const t = useMessages(manageMessages);
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)} data-testid="new-secretary">
        {t('newSecretary')}
      </Button>
      {open && (
        <NewSecretary
          onClose={(id) => {
            setOpen(false);
            if (id) onCreated(id);
          }}
        />
      )}
    </>
  );
}

function NewSecretary({ onClose }: { onClose: (id: string | null) => void }) {
  const t = useMessages(manageMessages);
  const rules = useDetailRules();
  const [form] = Form.useForm<SecretaryValues>();
  const errors = useFormErrors(form);
  const [districts] = useQuery({ query: DISTRICTS });
  const [accounts] = useQuery({ query: FREE_ACCOUNTS });
  const [{ fetching }, create] = useMutation(CREATE_SECRETARY);
  const submit = async (v: SecretaryValues) => {
    errors.clear();
    const res = await create({
      input: { name: v.name.trim(), workUnit: v.workUnit.trim(), title: v.title?.trim() ?? '', contact: v.contact?.trim() ?? '', districtId: v.districtId, userId: v.userId || undefined },
    });
    if (errors.show(res.error)) return;
    onClose(res.data!.createSecretary.id);
  };
  return (
    <Modal open title={t('newSecretary')} onCancel={() => onClose(null)} okText={t('create')} cancelText={t('cancel')} onOk={() => form.submit()} confirmLoading={fetching} destroyOnHidden>
      <Form<SecretaryValues> form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="name" label={t('name')} rules={rules.name}>
          <Input />
        </Form.Item>
        <Form.Item name="districtId" label={t('district')} rules={[{ required: true, message: t('districtRule') }]}>
          <Select
            data-testid="new-secretary-district"
            showSearch={{ optionFilterProp: 'label' }}
            loading={districts.fetching}
            options={(districts.data?.districts ?? []).map((d) => ({ value: d.id, label: d.name }))}
          />
        </Form.Item>
        <Form.Item name="workUnit" label={t('workUnit')} rules={rules.workUnit}>
          <Input />
        </Form.Item>
        <Form.Item name="title" label={t('title')} rules={rules.title}>
          <Input />
        </Form.Item>
        <Form.Item name="contact" label={t('contact')} rules={rules.contact}>
          <Input />
        </Form.Item>
        <Form.Item name="userId" label={t('account')} extra={t('accountHint')}>
          <Select
            allowClear
            data-testid="new-secretary-account"
            showSearch={{ optionFilterProp: 'label' }}
            options={(accounts.data?.users.nodes ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` }))}
          />
        </Form.Item>
        {errors.notice}
      </Form>
    </Modal>
  );
}

/** 修改: the secretary's details, sent with the version read; a stale version is said to be someone else's change. */
export function EditSecretaryButton({ id, onSaved }: { id: string; onSaved: () => void }) {
  const t = useMessages(manageMessages);
  const [open, setOpen] = useState(0);
  return (
    <>
      <Button onClick={() => setOpen((n) => n + 1)} data-testid="edit-secretary">
        {t('edit')}
      </Button>
      {open > 0 && (
        <EditSecretary
          key={open}
          id={id}
          onReopen={() => setOpen((n) => n + 1)}
          onClose={(saved) => {
            setOpen(0);
            if (saved) onSaved();
          }}
        />
      )}
    </>
  );
}

function EditSecretary({ id, onClose, onReopen }: { id: string; onClose: (saved: boolean) => void; onReopen: () => void }) {
  const t = useMessages(manageMessages);
  const rules = useDetailRules();
  const [form] = Form.useForm<SecretaryValues>();
  const errors = useFormErrors(form);
  const [{ data, fetching: loading }] = useQuery({ query: SECRETARY_FOR_EDIT, variables: { id }, requestPolicy: 'network-only' });
  const [{ fetching }, update] = useMutation(UPDATE_SECRETARY);
  const [conflict, setConflict] = useState(false);
  // The form opens on what the server holds now (its initial values are read once), never on a cached copy.
  const s = loading ? undefined : data?.secretary;
  const submit = async (v: SecretaryValues) => {
    errors.clear();
    setConflict(false);
    const res = await update({ id, input: { version: s!.version, name: v.name.trim(), workUnit: v.workUnit.trim(), title: v.title?.trim() ?? '', contact: v.contact?.trim() ?? '' } });
    if (res.error && readableError(res.error).code === 'CONFLICT') return setConflict(true);
    if (errors.show(res.error)) return;
    onClose(true);
  };
  return (
    <Modal open title={t('editSecretary')} onCancel={() => onClose(false)} okText={t('save')} cancelText={t('cancel')} onOk={() => form.submit()} confirmLoading={fetching} okButtonProps={{ disabled: !s || conflict }} destroyOnHidden>
      {s && (
        <Form<SecretaryValues> form={form} layout="vertical" onFinish={submit} requiredMark={false} initialValues={{ name: s.name, workUnit: s.workUnit, title: s.title, contact: s.contact ?? '' }}>
          <Form.Item name="name" label={t('name')} rules={rules.name}>
            <Input />
          </Form.Item>
          <Form.Item name="workUnit" label={t('workUnit')} rules={rules.workUnit}>
            <Input />
          </Form.Item>
          <Form.Item name="title" label={t('title')} rules={rules.title}>
            <Input />
          </Form.Item>
          <Form.Item name="contact" label={t('contact')} rules={rules.contact}>
            <Input />
          </Form.Item>
          {conflict && (
            <Alert
              type="warning"
              showIcon
              role="alert"
              data-testid="secretary-conflict"
              title={t('conflict')}
              action={<Button size="small" onClick={onReopen}>{t('reload')}</Button>}
              style={{ marginBottom: 12 }}
            />
          )}
          {errors.notice}
        </Form>
      )}
    </Modal>
  );
}

interface AssignValues {
  projectId: string;
  teamRole: SecretaryTeamRole;
  startDate: string;
  endDate?: string | null;
}

/** 任命到项目: a project of the secretary's district, the team role and the dates. */
export function AssignForm({ secretaryId, districtId, onAssigned }: { secretaryId: string; districtId: string; onAssigned: () => void }) {
  const t = useMessages(manageMessages);
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<AssignValues>();
  const errors = useFormErrors(form);
  const [search, setSearch] = useState('');
  const [choices] = useQuery({ query: PROJECT_CHOICES, variables: { filter: { districtId, search: search.trim() || null } } });
  const [{ fetching }, assign] = useMutation(ASSIGN_SECRETARY);
  const submit = async (v: AssignValues) => {
    errors.clear();
    const res = await assign({ input: { secretaryId, projectId: v.projectId, teamRole: v.teamRole, startDate: v.startDate, endDate: v.endDate || undefined } });
    if (errors.show(res.error)) return;
    message.success(t('assigned', { project: res.data!.assignSecretary.project?.name ?? '' }));
    form.resetFields();
    onAssigned();
  };
  return (
    <Form<AssignValues> form={form} layout="vertical" onFinish={submit} requiredMark={false} initialValues={{ teamRole: 'SOLE', startDate: todayInChina() }} data-testid="assign-form">
      <Form.Item name="projectId" label={t('project')} rules={[{ required: true, message: t('projectRule') }]}>
        <Select
          showSearch={{ filterOption: false, onSearch: setSearch }}
          placeholder={t('projectSearch')}
          loading={choices.fetching}
          data-testid="assign-project"
          options={(choices.data?.projects.nodes ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.code}）` }))}
        />
      </Form.Item>
      <Form.Item name="teamRole" label={t('teamRole')} rules={[{ required: true }]}>
        <Select data-testid="assign-role" options={(['SOLE', 'LEAD', 'MEMBER'] as const).map((r) => ({ value: r, label: t(r) }))} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="startDate" label={t('startDate')} rules={[{ required: true, message: t('startRule') }]}>
          <DateInput testId="assign-start" />
        </Form.Item>
        <Form.Item
          name="endDate"
          label={t('endDate')}
          extra={t('endDateHint')}
          dependencies={['startDate']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_r, v: string | null | undefined) => (!v || !getFieldValue('startDate') || v >= getFieldValue('startDate') ? Promise.resolve() : Promise.reject(new Error(t('endBeforeStart')))),
            }),
          ]}
        >
          <DateInput allowClear testId="assign-end" />
        </Form.Item>
      </Space>
      {errors.notice}
      <Button type="primary" htmlType="submit" loading={fetching} data-testid="assign-submit">
        {t('assign')}
      </Button>
    </Form>
  );
}

/** 结束任命: the last day served (not before the first), then the assignment ends. */
export function EndAssignmentButton({ id, project, startDate, onEnded }: { id: string; project: string; startDate: string; onEnded: () => void }) {
  const t = useMessages(manageMessages);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ endDate: string }>();
  const errors = useFormErrors(form);
  const [{ fetching }, end] = useMutation(END_ASSIGNMENT);
  const submit = async ({ endDate }: { endDate: string }) => {
    errors.clear();
    const res = await end({ id, endDate });
    if (errors.show(res.error)) return;
    setOpen(false);
    onEnded();
  };
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-testid={`end-assignment-${id}`}>
        {t('endAssignment')}
      </Button>
      {open && (
        <Modal open title={t('endTitle', { project })} onCancel={() => setOpen(false)} okText={t('endAssignment')} cancelText={t('cancel')} onOk={() => form.submit()} confirmLoading={fetching} destroyOnHidden>
          <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} initialValues={{ endDate: todayInChina() }}>
            <Form.Item
              name="endDate"
              label={t('endDate')}
              rules={[
                { required: true, message: t('endRule') },
                { validator: (_r, v: string | undefined) => (!v || v >= startDate ? Promise.resolve() : Promise.reject(new Error(t('endBeforeStart')))) },
              ]}
            >
              <DateInput testId="end-assignment-date" />
            </Form.Item>
            {errors.notice}
          </Form>
        </Modal>
      )}
    </>
  );
}
