/**
 * 新增事项 / 编辑事项: a service item's catalogue entry. The form checks what the server checks (codes
 * and name given, counts whole and not negative, a fee in 元) and the server's refusals land under
 * the field they name; an edit carries the version it read, and a newer version on the server says
 * "someone changed this since you opened it" with a way to reopen the latest.
 */
import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Checkbox, Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { useMutation, useQuery } from 'urql';
import { readableError, useFormErrors, useLocale, useMessages } from '@kpd/web-kit';
import { graphql } from '../gql';
import type { CaseKind, OnlineDepth, ServiceItemStatus, ServiceItemType } from '../gql/graphql';
import { TYPES } from '../messages';
import { editMessages } from './messages';

const ITEM_FOR_EDIT = graphql(`
  query ServiceItemForEdit($id: ID!) {
    serviceItem(id: $id) {
      id version implementationCode basicCode name type department byApplication onlineDepth visits visitsReason caseKind
      legalLimitDays promisedLimitDays materialsNow materialsBefore fee highFrequency legalBasis status
      zone { id }
      district { id name }
    }
  }
`);
const ZONES_OF = graphql(`
  query ServiceZonesForItem($districtId: ID!) { serviceZones(districtId: $districtId) { id name } }
`);
const CREATE = graphql(`
  mutation CreateServiceItem($districtId: ID!, $input: ServiceItemInput!) { createServiceItem(districtId: $districtId, input: $input) { id version } }
`);
const UPDATE = graphql(`
  mutation UpdateServiceItem($id: ID!, $expectedVersion: Int!, $input: ServiceItemInput!) { updateServiceItem(id: $id, expectedVersion: $expectedVersion, input: $input) { id version } }
`);

interface ItemValues {
  districtId?: string;
  implementationCode: string;
  basicCode: string;
  name: string;
  type: ServiceItemType;
  department: string;
  byApplication: boolean;
  onlineDepth: OnlineDepth;
  visits: number;
  visitsReason?: string | null;
  caseKind: CaseKind;
  legalLimitDays?: number | null;
  promisedLimitDays?: number | null;
  materialsNow?: number | null;
  materialsBefore?: number | null;
  fee?: string | null;
  highFrequency: boolean;
  legalBasis?: string | null;
  zoneId?: string | null;
  status: ServiceItemStatus;
}

const DEPTHS = { FULLY_ONLINE: { zh: '全程网办', en: 'Fully online' }, PARTLY_ONLINE: { zh: '部分网办', en: 'Partly online' }, OFFLINE: { zh: '线下办理', en: 'Offline' } } as const;

function inputOf(v: ItemValues) {
  const fee = (v.fee ?? '').trim();
  return {
    implementationCode: v.implementationCode.trim(),
    basicCode: v.basicCode.trim(),
    name: v.name.trim(),
    type: v.type,
    department: v.department.trim(),
    byApplication: !!v.byApplication,
    onlineDepth: v.onlineDepth,
    visits: v.visits,
    visitsReason: v.visitsReason?.trim() || null,
    caseKind: v.caseKind,
    legalLimitDays: v.legalLimitDays ?? null,
    promisedLimitDays: v.promisedLimitDays ?? null,
    materialsNow: v.materialsNow ?? null,
    materialsBefore: v.materialsBefore ?? null,
    fee: fee === '' ? null : Number(fee).toFixed(2),
    highFrequency: !!v.highFrequency,
    legalBasis: v.legalBasis?.trim() || null,
    zoneId: v.zoneId ?? null,
    status: v.status,
  };
}

function ItemFields({ districtId, districts }: { districtId?: string; districts?: Array<{ id: string; name: string }> }) {
  const t = useMessages(editMessages);
  const locale = useLocale();
  const [zones] = useQuery({ query: ZONES_OF, variables: { districtId: districtId ?? '' }, pause: !districtId });
  const req = (field: string, max = 200) => [{ required: true, whitespace: true, message: t('required', { field }) }, { max }];
  const count = [{ type: 'integer' as const, min: 0, message: '必须是非负整数' }];
  return (
    <>
      {districts && (
        <Form.Item name="districtId" label={t('district')} rules={[{ required: true, message: t('required', { field: t('district') }) }]}>
          <Select options={districts.map((d) => ({ value: d.id, label: d.name }))} data-testid="item-district" />
        </Form.Item>
      )}
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name="implementationCode" label={t('implementationCode')} rules={req(t('implementationCode'), 100)}>
            <Input data-testid="item-code" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="basicCode" label={t('basicCode')} rules={req(t('basicCode'), 100)}>
            <Input data-testid="item-basic-code" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="name" label={t('name')} rules={req(t('name'))}>
        <Input data-testid="item-name" />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item name="type" label={t('type')} rules={[{ required: true, message: t('required', { field: t('type') }) }]}>
            <Select options={Object.entries(TYPES).map(([value, l]) => ({ value, label: l[locale] }))} data-testid="item-type" />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name="department" label={t('department')} rules={req(t('department'))}>
            <Input data-testid="item-department" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={12} md={6}>
          <Form.Item name="onlineDepth" label={t('onlineDepth')}>
            <Select options={Object.entries(DEPTHS).map(([value, l]) => ({ value, label: l[locale] }))} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="caseKind" label={t('caseKind')}>
            <Select options={(['IMMEDIATE', 'PROMISED'] as const).map((v) => ({ value: v, label: t(v) }))} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="visits" label={t('visits')} rules={[{ required: true, message: t('required', { field: t('visits') }) }, ...count]}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} data-testid="item-visits" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="status" label={t('status')}>
            <Select options={(['IN_USE', 'SUSPENDED', 'CANCELLED'] as const).map((v) => ({ value: v, label: t(v) }))} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item noStyle dependencies={['visits']}>
        {({ getFieldValue }) =>
          (getFieldValue('visits') ?? 0) > 0 ? (
            <Form.Item name="visitsReason" label={t('visitsReason')} rules={[{ required: true, whitespace: true, message: t('visitsReasonRule') }]}>
              <Input data-testid="item-visits-reason" />
            </Form.Item>
          ) : null
        }
      </Form.Item>
      <Row gutter={12}>
        {(['legalLimitDays', 'promisedLimitDays', 'materialsNow', 'materialsBefore'] as const).map((k) => (
          <Col xs={12} md={6} key={k}>
            <Form.Item name={k} label={t(k)} rules={count}>
              <InputNumber min={0} precision={0} style={{ width: '100%' }} data-testid={`item-${k}`} />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item name="fee" label={t('fee')} extra={t('feeHint')} rules={[{ pattern: /^\d+(\.\d{1,2})?$/, message: t('feeRule') }]}>
            <Input inputMode="decimal" data-testid="item-fee" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="zoneId" label={t('zone')}>
            <Select allowClear placeholder={t('noZone')} options={(zones.data?.serviceZones ?? []).map((z) => ({ value: z.id, label: z.name }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="byApplication" valuePropName="checked" label=" " style={{ marginBottom: 0 }}>
            <Checkbox>{t('byApplication')}</Checkbox>
          </Form.Item>
          <Form.Item name="highFrequency" valuePropName="checked">
            <Checkbox>{t('highFrequency')}</Checkbox>
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="legalBasis" label={t('legalBasis')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </>
  );
}

/** 新增事项: for an admin of one district (or a city admin choosing the district). */
export function NewItemButton({ districts, onSaved }: { districts: Array<{ id: string; name: string }>; onSaved: () => void }) {
  const t = useMessages(editMessages);
  const { message } = AntApp.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<ItemValues>();
  const errors = useFormErrors(form);
  const [{ fetching }, create] = useMutation(CREATE);
  const districtId = Form.useWatch('districtId', form) as string | undefined;
  const submit = async (v: ItemValues) => {
    errors.clear();
    const res = await create({ districtId: v.districtId!, input: inputOf(v) });
    if (errors.show(res.error)) return;
    message.success(t('created'));
    setOpen(false);
    form.resetFields();
    onSaved();
  };
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)} data-testid="new-item">
        {t('newItem')}
      </Button>
      {open && (
        <Modal open width={820} title={t('newItem')} onCancel={() => setOpen(false)} okText={t('save')} cancelText={t('cancel')} onOk={() => form.submit()} confirmLoading={fetching} okButtonProps={{ id: 'item-save' }} destroyOnHidden>
          <Form<ItemValues>
            form={form}
            layout="vertical"
            requiredMark={false}
            onFinish={(v) => void submit(v)}
            initialValues={{ districtId: districts.length === 1 ? districts[0].id : undefined, type: 'ADMINISTRATIVE_LICENSE', onlineDepth: 'FULLY_ONLINE', caseKind: 'PROMISED', visits: 0, byApplication: true, highFrequency: false, status: 'IN_USE' }}
            data-testid="item-form"
          >
            <ItemFields districtId={districtId} districts={districts} />
            {errors.notice}
          </Form>
        </Modal>
      )}
    </>
  );
}

/** 编辑: the item as read, with its version. */
export function EditItemButton({ id, onSaved }: { id: string; onSaved: () => void }) {
  const t = useMessages(editMessages);
  const [open, setOpen] = useState(0);
  return (
    <>
      <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpen((n) => n + 1)} data-testid="edit-item">
        {t('edit')}
      </Button>
      {open > 0 && (
        <EditItem
          key={open}
          id={id}
          onClose={(saved) => {
            setOpen(0);
            if (saved) onSaved();
          }}
        />
      )}
    </>
  );
}

function EditItem({ id, onClose }: { id: string; onClose: (saved: boolean) => void }) {
  const t = useMessages(editMessages);
  const { message } = AntApp.useApp();
  const [{ data }, refetch] = useQuery({ query: ITEM_FOR_EDIT, variables: { id }, requestPolicy: 'network-only' });
  const [form] = Form.useForm<ItemValues>();
  const errors = useFormErrors(form);
  const [{ fetching }, update] = useMutation(UPDATE);
  const [conflict, setConflict] = useState(false);
  const item = data?.serviceItem;
  // Reopened after a conflict: the form shows the latest version as read now.
  const version = item?.version;
  useEffect(() => {
    if (!item || version === undefined) return;
    form.resetFields();
    form.setFieldsValue({ ...item, fee: item.fee ?? '', zoneId: item.zone?.id ?? null } as ItemValues);
    setConflict(false);
  }, [version, form]);
  const submit = async (v: ItemValues) => {
    errors.clear();
    const res = await update({ id, expectedVersion: item!.version, input: inputOf(v) });
    if (res.error && readableError(res.error).code === 'CONFLICT') return setConflict(true);
    if (errors.show(res.error)) return;
    message.success(t('saved'));
    onClose(true);
  };
  return (
    <Modal open width={820} title={item ? `${t('editItem')} · ${item.name}` : t('editItem')} onCancel={() => onClose(false)} okText={t('save')} cancelText={t('cancel')} onOk={() => form.submit()} confirmLoading={fetching} okButtonProps={{ disabled: !item || conflict, id: 'item-save' }} destroyOnHidden>
      {item && (
        <Form<ItemValues>
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={(v) => void submit(v)}
          initialValues={{ ...item, fee: item.fee ?? '', zoneId: item.zone?.id ?? null }}
          data-testid="item-form"
        >
          <ItemFields districtId={item.district.id} />
          {errors.notice}
          {conflict && (
            <Alert
              type="warning"
              showIcon
              data-testid="item-conflict"
              title={t('conflict')}
              action={
                <Button size="small" onClick={() => refetch({ requestPolicy: 'network-only' })}>
                  {t('reopen')}
                </Button>
              }
            />
          )}
        </Form>
      )}
    </Modal>
  );
}
