import { useState } from 'react';
import { Alert, Button, Drawer, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery } from 'urql';
import { QueryState, useFormErrors, useMessages, type Viewer } from '@kpd/web-kit';
import { graphql } from '../gql';
import type { ProcedureTemplateQuery } from '../gql/graphql';
import { procedureMessages } from './messages';

const TEMPLATE = graphql(`
  query ProcedureTemplate($areaId: ID) {
    procedureTemplate(areaId: $areaId) {
      cityId cityName totalPromisedDays totalLegalDays criticalPath limitDays withinLimit
      types { id code name department legalDays promisedDays predecessors sortOrder version }
    }
  }
`);
const SAVE_TYPE = graphql(`
  mutation SaveProcedureType($cityId: ID!, $input: ProcedureTypeInput!) {
    saveProcedureType(cityId: $cityId, input: $input) { cityId totalPromisedDays withinLimit types { id version } }
  }
`);

type Template = ProcedureTemplateQuery['procedureTemplate'];
type Type = Template['types'][number];

/** The city's procedure template (前期手续模板): read by every admin, kept by the city's. */
export function ProcedureTemplateButton({ viewer }: { viewer: Viewer }) {
  const t = useMessages(procedureMessages);
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="procedure-template-open">{t('template')}</Button>
      {open && (
        <Drawer open size="large" title={t('template')} onClose={() => setOpen(false)} data-testid="procedure-template">
          {viewer.area.level === 'PROVINCE' ? <Alert type="info" showIcon title={t('provinceHint')} /> : <TemplateView viewer={viewer} />}
        </Drawer>
      )}
    </>
  );
}

function TemplateView({ viewer }: { viewer: Viewer }) {
  const t = useMessages(procedureMessages);
  const [{ data, fetching, error }, refetch] = useQuery({ query: TEMPLATE, variables: { areaId: viewer.area.id } });
  const [editing, setEditing] = useState<Type | 'new' | null>(null);
  const keeper = viewer.role === 'ADMIN' && viewer.area.level === 'CITY';
  const reload = () => refetch({ requestPolicy: 'network-only' });
  return (
    <QueryState fetching={fetching} error={error} data={data} isEmpty={() => false} onRetry={reload}>
      {({ procedureTemplate: tpl }) => {
        const names = new Map(tpl.types.map((x) => [x.code, x.name]));
        return (
          <>
            <Typography.Title level={5}>{t('templateOf', { city: tpl.cityName })}</Typography.Title>
            <Alert
              type={tpl.withinLimit ? 'success' : 'error'}
              showIcon
              data-testid="procedure-template-total"
              style={{ marginBottom: 8 }}
              title={`${t('templateTotal', { days: tpl.totalPromisedDays, legal: tpl.totalLegalDays, limit: tpl.limitDays })} · ${tpl.withinLimit ? t('withinLimit') : t('overLimit')}`}
              description={`${t('criticalPath')}：${tpl.criticalPath.map((c) => names.get(c) ?? c).join(' → ')}`}
            />
            {!keeper && <Typography.Paragraph type="secondary">{t('cityOnly')}</Typography.Paragraph>}
            {keeper && (
              <Button type="primary" style={{ marginBottom: 8 }} onClick={() => setEditing('new')} data-testid="procedure-type-add">
                {t('addType')}
              </Button>
            )}
            <Table<Type>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={tpl.types}
              data-testid="procedure-template-types"
              columns={[
                { title: t('code'), dataIndex: 'code', width: 80 },
                { title: t('name'), dataIndex: 'name', render: (v: string, x) => (tpl.criticalPath.includes(x.code) ? <Typography.Text strong>{v}</Typography.Text> : v) },
                { title: t('department'), dataIndex: 'department' },
                { title: t('limits'), width: 90, render: (_: unknown, x) => `${x.promisedDays}/${x.legalDays}` },
                { title: t('predecessors'), render: (_: unknown, x) => (x.predecessors.length ? x.predecessors.map((c) => <Tag key={c}>{names.get(c) ?? c}</Tag>) : t('none')) },
                ...(keeper ? [{ title: '', width: 70, render: (_: unknown, x: Type) => <Button size="small" onClick={() => setEditing(x)} data-testid={`procedure-type-edit-${x.code}`}>{t('editType')}</Button> }] : []),
              ]}
            />
            {editing && (
              <TypeForm
                cityId={String(tpl.cityId)}
                type={editing === 'new' ? null : editing}
                all={tpl.types}
                onClose={() => setEditing(null)}
                onSaved={() => {
                  setEditing(null);
                  reload();
                }}
              />
            )}
          </>
        );
      }}
    </QueryState>
  );
}

interface TypeValues {
  code: string;
  name: string;
  department: string;
  legalDays: number;
  promisedDays: number;
  predecessors: string[];
}

function TypeForm({ cityId, type, all, onClose, onSaved }: { cityId: string; type: Type | null; all: Type[]; onClose: () => void; onSaved: () => void }) {
  const t = useMessages(procedureMessages);
  const [form] = Form.useForm<TypeValues>();
  const errors = useFormErrors(form);
  const [{ fetching }, save] = useMutation(SAVE_TYPE);
  const submit = async (v: TypeValues) => {
    const r = await save({
      cityId,
      input: { id: type?.id ?? null, version: type?.version ?? null, code: v.code.trim(), name: v.name, department: v.department, legalDays: v.legalDays, promisedDays: v.promisedDays, predecessors: v.predecessors ?? [] },
    });
    if (errors.show(r.error)) return;
    onSaved();
  };
  return (
    <Modal open title={type ? `${t('editType')} · ${type.name}` : t('addType')} onCancel={onClose} footer={null} destroyOnHidden data-testid="procedure-type-form">
      <Form<TypeValues>
        form={form}
        layout="vertical"
        initialValues={type ? { code: type.code, name: type.name, department: type.department, legalDays: type.legalDays, promisedDays: type.promisedDays, predecessors: type.predecessors } : { predecessors: [] }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="code" label={t('code')} extra={t('codeHint')} rules={[{ required: true, message: t('required') }]}>
          <Input maxLength={32} data-testid="procedure-type-code" />
        </Form.Item>
        <Form.Item name="name" label={t('name')} rules={[{ required: true, whitespace: true, message: t('required') }]}>
          <Input maxLength={100} data-testid="procedure-type-name" />
        </Form.Item>
        <Form.Item name="department" label={t('department')} extra={t('departmentHint')} rules={[{ required: true, whitespace: true, message: t('required') }]}>
          <Input maxLength={100} data-testid="procedure-type-department" />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="promisedDays" label={t('promisedDays')} rules={[{ required: true, message: t('required') }]}>
            <InputNumber min={0} max={1000} precision={0} data-testid="procedure-type-promised" />
          </Form.Item>
          <Form.Item name="legalDays" label={t('legalDays')} rules={[{ required: true, message: t('required') }]}>
            <InputNumber min={0} max={1000} precision={0} data-testid="procedure-type-legal" />
          </Form.Item>
        </Space>
        <Form.Item name="predecessors" label={t('predecessors')}>
          <Select
            mode="multiple"
            options={all.filter((x) => x.id !== type?.id).map((x) => ({ value: x.code, label: `${x.name}（${x.code}）` }))}
            data-testid="procedure-type-predecessors"
          />
        </Form.Item>
        {errors.notice}
        <Space>
          <Button type="primary" htmlType="submit" loading={fetching} data-testid="procedure-type-save">{t('save')}</Button>
          <Button onClick={onClose}>{t('cancel')}</Button>
        </Space>
      </Form>
    </Modal>
  );
}
