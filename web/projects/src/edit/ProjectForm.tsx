/**
 * 新建项目 / 编辑项目: a project's ledger entry, checked as the API checks it, with the library
 * membership its total investment gives under the city's threshold. An edit carries the version
 * read; a change someone made since is said so.
 */
import { useState } from 'react';
import { Alert, App as AntApp, Button, Form, Modal } from 'antd';
import { useMutation, useQuery } from 'urql';
import { readableError, useFormErrors, useMessages, wanInputToYuan, yuanToWanInput } from '@kpd/web-kit';
import { editMessages } from './messages';
import { CREATE_PROJECT, EDIT_DISTRICTS, PROJECT_FOR_EDIT, UPDATE_PROJECT } from './queries';
import { ProjectFields, type ProjectValues } from './ProjectFields';

/** 新建项目: opens the form; `onCreated` receives the new project's id. */
export function NewProjectButton({ onCreated }: { onCreated: (id: string) => void }) {
  const t = useMessages(editMessages);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<ProjectValues>();
  const errors = useFormErrors(form);
  const [districts] = useQuery({ query: EDIT_DISTRICTS });
  const [{ fetching }, create] = useMutation(CREATE_PROJECT);
  const thresholdOf = (id: string | undefined) =>
    districts.data?.districts.find((d) => d.id === id)?.settings?.libraryThreshold;
  const submit = async ({ stageReason: _r, ...v }: ProjectValues) => {
    errors.clear();
    const res = await create({
      input: {
        ...v,
        code: v.code.trim(),
        name: v.name.trim(),
        totalInvestment: wanInputToYuan(v.totalInvestment)!,
      },
    });
    if (errors.show(res.error)) return;
    setOpen(false);
    form.resetFields();
    onCreated(res.data!.createProject.id);
  };
  const only = districts.data?.districts.length === 1 ? districts.data.districts[0].id : undefined;
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)} data-testid="new-project">
        {t('newProject')}
      </Button>
      {open && (
        <Modal
          open
          width={720}
          title={t('newProject')}
          onCancel={() => setOpen(false)}
          okText={t('create')}
          cancelText={t('cancel')}
          onOk={() => form.submit()}
          confirmLoading={fetching}
          destroyOnHidden
        >
          <Form<ProjectValues>
            form={form}
            layout="vertical"
            onFinish={submit}
            requiredMark={false}
            initialValues={{
              districtId: only,
              stage: 'NEW',
              keyPush: false,
              majorGovernmentInvestment: false,
            }}
          >
            <ProjectFields editing={false} thresholdOf={thresholdOf} />
            {errors.notice}
          </Form>
        </Modal>
      )}
    </>
  );
}

/** 编辑项目: the project's details with the version read. */
export function EditProjectButton({ id, onSaved }: { id: string; onSaved: () => void }) {
  const t = useMessages(editMessages);
  const [open, setOpen] = useState(0);
  return (
    <>
      <Button size="small" onClick={() => setOpen((n) => n + 1)} data-testid="edit-project">
        {t('editProject')}
      </Button>
      {open > 0 && (
        <EditProject
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

function EditProject({
  id,
  onClose,
  onReopen,
}: {
  id: string;
  onClose: (saved: boolean) => void;
  onReopen: () => void;
}) {
  const t = useMessages(editMessages);
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<ProjectValues>();
  const errors = useFormErrors(form);
  const [{ data, fetching: loading }] = useQuery({
    query: PROJECT_FOR_EDIT,
    variables: { id },
    requestPolicy: 'network-only',
  });
  const [{ fetching }, update] = useMutation(UPDATE_PROJECT);
  const [conflict, setConflict] = useState(false);
  const p = loading ? undefined : data?.project;
  const submit = async ({ districtId: _d, code: _c, stage, stageReason, ...v }: ProjectValues) => {
    errors.clear();
    const stageChange = stage !== p!.stage ? { stage, stageReason: stageReason?.trim() } : {};
    const res = await update({
      id,
      input: {
        ...v,
        ...stageChange,
        name: v.name.trim(),
        totalInvestment: wanInputToYuan(v.totalInvestment)!,
        version: p!.version,
      },
    });
    if (res.error && readableError(res.error).code === 'CONFLICT') return setConflict(true);
    if (errors.show(res.error)) return;
    message.success(t('saved'));
    onClose(true);
  };
  return (
    <Modal
      open
      width={720}
      title={t('editProject')}
      onCancel={() => onClose(false)}
      okText={t('save')}
      cancelText={t('cancel')}
      onOk={() => form.submit()}
      confirmLoading={fetching}
      okButtonProps={{ disabled: !p || conflict }}
      destroyOnHidden
    >
      {p && (
        <Form<ProjectValues>
          form={form}
          layout="vertical"
          onFinish={submit}
          requiredMark={false}
          initialValues={{
            ...p,
            districtId: p.district.id,
            totalInvestment: yuanToWanInput(p.totalInvestment),
          }}
        >
          <ProjectFields
            editing
            originalStage={p.stage}
            thresholdOf={() => p.district.settings?.libraryThreshold}
          />
          {conflict && (
            <Alert
              type="warning"
              showIcon
              role="alert"
              data-testid="project-conflict"
              title={t('conflict')}
              action={
                <Button size="small" onClick={onReopen}>
                  {t('reload')}
                </Button>
              }
              style={{ marginBottom: 12 }}
            />
          )}
          {errors.notice}
        </Form>
      )}
    </Modal>
  );
}
