/**
 * 新建项目 / 编辑项目: a project's ledger entry, checked as the API checks it, with the library
 * membership its total investment gives under the city's threshold. An edit carries the version
 * read; a change someone made since is said so.
 */
import { useState } from 'react';
import { Alert, App as AntApp, Button, Checkbox, Col, Form, Input, Modal, Row, Select } from 'antd';
import { useMutation, useQuery } from 'urql';
import { libraryMembership, parseYuan, PROJECT_CATEGORIES, PROJECT_STAGES } from '@kpd/domain';
import {
  formatMoney,
  MonthPicker,
  readableError,
  useFormErrors,
  useMessages,
  wanInputToYuan,
  yuanToWanInput,
} from '@kpd/web-kit';
import type { ProjectCategory, ProjectStage } from '../gql/graphql';
import { messages as projectMessages, type MessageKey } from '../messages';
import { editMessages } from './messages';
import { CREATE_PROJECT, EDIT_DISTRICTS, PROJECT_FOR_EDIT, UPDATE_PROJECT } from './queries';

interface ProjectValues {
  districtId: string;
  code: string;
  name: string;
  category: ProjectCategory;
  stage: ProjectStage;
  stageReason?: string;
  totalInvestment: string;
  constructionStart: string;
  constructionEnd: string;
  enterprise: string;
  nationalCode?: string | null;
  responsibleUnit: string;
  responsibleLeader: string;
  keyPush: boolean;
  majorGovernmentInvestment: boolean;
}

/** The library line under the total investment: in or out, and the threshold that decides. */
function LibraryHint({
  total,
  stage,
  threshold,
}: {
  total: string | undefined;
  stage: ProjectStage | undefined;
  threshold: string | null | undefined;
}) {
  const t = useMessages(editMessages);
  const yuan = wanInputToYuan(total ?? '');
  if (!threshold || yuan === null || !stage || parseYuan(threshold) === 0n) return null;
  const m = libraryMembership({ totalInvestment: parseYuan(yuan), stage }, parseYuan(threshold));
  return (
    <Alert
      type={m.member ? 'info' : 'warning'}
      showIcon
      data-testid="library-hint"
      title={`${t('library')}：${t(m.member ? 'libraryIn' : 'libraryOut', { threshold: formatMoney(threshold) })}`}
      style={{ marginBottom: 12 }}
    />
  );
}

function ProjectFields({
  editing,
  originalStage,
  thresholdOf,
}: {
  editing: boolean;
  originalStage?: ProjectStage;
  thresholdOf: (districtId: string | undefined) => string | null | undefined;
}) {
  const t = useMessages(editMessages);
  const tp = useMessages(projectMessages);
  const form = Form.useFormInstance<ProjectValues>();
  const districtId = Form.useWatch('districtId', form);
  const total = Form.useWatch('totalInvestment', form);
  const stage = Form.useWatch('stage', form);
  const req = (field: string, max: number) => [
    { required: true, whitespace: true, max, message: t('required', { field }) },
  ];
  const [districts] = useQuery({ query: EDIT_DISTRICTS, pause: editing });
  return (
    <>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item
            name="districtId"
            label={t('district')}
            rules={[{ required: true, message: t('required', { field: t('district') }) }]}
          >
            <Select
              disabled={editing}
              data-testid="project-district"
              options={(districts.data?.districts ?? []).map((d) => ({ value: d.id, label: d.name }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="code" label={t('code')} rules={req(t('code'), 64)}>
            <Input disabled={editing} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="name" label={t('name')} rules={req(t('name'), 200)}>
        <Input />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item
            name="category"
            label={t('category')}
            rules={[{ required: true, message: t('required', { field: t('category') }) }]}
          >
            <Select
              data-testid="project-category"
              options={PROJECT_CATEGORIES.map((c) => ({ value: c, label: tp(c as MessageKey) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="stage"
            label={t('stage')}
            rules={[{ required: true, message: t('required', { field: t('stage') }) }]}
          >
            <Select
              data-testid="project-stage"
              options={PROJECT_STAGES.map((s) => ({ value: s, label: tp(s as MessageKey) }))}
            />
          </Form.Item>
        </Col>
      </Row>
      {originalStage && stage !== originalStage && (
        <Form.Item
          name="stageReason"
          label={t('stageReason')}
          rules={[{ required: true, whitespace: true, message: t('stageReasonRule') }]}
        >
          <Input />
        </Form.Item>
      )}
      <Form.Item
        name="totalInvestment"
        label={t('totalInvestment')}
        rules={[
          {
            required: true,
            validator: (_r, v: string | undefined) =>
              v && wanInputToYuan(v) !== null
                ? Promise.resolve()
                : Promise.reject(new Error(t('amountRule'))),
          },
        ]}
      >
        <Input suffix={t('wan')} inputMode="decimal" style={{ width: 240 }} />
      </Form.Item>
      <LibraryHint total={total} stage={stage} threshold={thresholdOf(districtId)} />
      <Row gutter={12}>
        <Col xs={12}>
          <Form.Item
            name="constructionStart"
            label={t('constructionStart')}
            rules={[{ required: true, message: t('required', { field: t('constructionStart') }) }]}
          >
            <MonthPicker testId="project-start" />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item
            name="constructionEnd"
            label={t('constructionEnd')}
            dependencies={['constructionStart']}
            rules={[
              { required: true, message: t('required', { field: t('constructionEnd') }) },
              ({ getFieldValue }) => ({
                validator: (_r, v: string | undefined) =>
                  !v || !getFieldValue('constructionStart') || v >= getFieldValue('constructionStart')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('endBeforeStart'))),
              }),
            ]}
          >
            <MonthPicker testId="project-end" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="enterprise" label={t('enterprise')} rules={req(t('enterprise'), 200)}>
        <Input />
      </Form.Item>
      <Form.Item
        name="nationalCode"
        label={t('nationalCode')}
        extra={t('nationalCodeHint')}
        rules={[{ pattern: /^\s*(\d{4}-\d{6}-\d{2}-\d{2}-\d{6})?\s*$/, message: t('nationalCodeHint') }]}
      >
        <Input maxLength={30} placeholder="2020-210111-48-01-000123" data-testid="project-national-code" />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item
            name="responsibleUnit"
            label={t('responsibleUnit')}
            rules={req(t('responsibleUnit'), 200)}
          >
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="responsibleLeader"
            label={t('responsibleLeader')}
            rules={req(t('responsibleLeader'), 100)}
          >
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="keyPush" valuePropName="checked" style={{ marginBottom: 4 }}>
        <Checkbox>{t('keyPush')}</Checkbox>
      </Form.Item>
      <Form.Item name="majorGovernmentInvestment" valuePropName="checked">
        <Checkbox>{t('major')}</Checkbox>
      </Form.Item>
    </>
  );
}

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
