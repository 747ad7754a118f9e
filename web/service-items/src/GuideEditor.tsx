import { useEffect, useState } from 'react';
import { Alert, Button, Card, Checkbox, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useMutation, useQuery } from 'urql';
import { QueryState, useFormErrors, useMessages } from '@kpd/web-kit';
import { graphql } from './gql';
import type { ServiceGuideInput, ServiceItemGuideQuery } from './gql/graphql';
import { guideMessages } from './guide.messages';

const ITEM_GUIDE = graphql(`
  query ServiceItemGuide($id: ID!) {
    serviceItem(id: $id) {
      id
      name
      promisedLimitDays
      legalLimitDays
      status
      guide {
        version
        conditions
        place
        hours
        contactPhone
        complaintPhone
        complaintChannel
        materials {
          name
          form
          copies
          source
          shared
          templateUrl
        }
        steps {
          title
          description
        }
        fees {
          name
          amount
          basis
        }
        pauses {
          name
          maxDays
        }
        faq {
          question
          answer
        }
      }
    }
  }
`);

const SAVE = graphql(`
  mutation SaveServiceGuide($itemId: ID!, $expectedVersion: Int, $input: ServiceGuideInput!) {
    saveServiceGuide(itemId: $itemId, expectedVersion: $expectedVersion, input: $input) {
      version
    }
  }
`);

type Guide = NonNullable<ServiceItemGuideQuery['serviceItem']['guide']>;

const EMPTY: ServiceGuideInput = {
  conditions: '',
  materials: [],
  steps: [
    { title: '申请', description: '' },
    { title: '受理', description: '' },
    { title: '决定', description: '' },
  ],
  place: '',
  hours: '周一至周五 上午8:30—11:30，下午13:00—17:00（法定节假日除外）',
  fees: [],
  pauses: [],
  contactPhone: '',
  complaintPhone: '12345',
  complaintChannel: '',
  faq: [],
};

/** The form's values from a stored guide (what the mutation takes back, without read-only fields). */
export function inputOf(guide: Guide | null | undefined): ServiceGuideInput {
  if (!guide) return EMPTY;
  return {
    conditions: guide.conditions,
    materials: guide.materials.map((m) => ({
      name: m.name,
      form: m.form,
      copies: m.copies,
      source: m.source,
      shared: m.shared,
      templateUrl: m.templateUrl ?? null,
    })),
    steps: guide.steps.map((s) => ({ title: s.title, description: s.description })),
    place: guide.place,
    hours: guide.hours,
    fees: guide.fees.map((f) => ({ name: f.name, amount: f.amount, basis: f.basis })),
    pauses: guide.pauses.map((p) => ({ name: p.name, maxDays: p.maxDays })),
    contactPhone: guide.contactPhone,
    complaintPhone: guide.complaintPhone,
    complaintChannel: guide.complaintChannel,
    faq: guide.faq.map((q) => ({ question: q.question, answer: q.answer })),
  };
}

/** An item's service guide, edited whole by an admin of its district (办事指南编辑). */
export function GuideEditor({ itemId, canEdit }: { itemId: string; canEdit: boolean }) {
  const [{ data, fetching, error }, refetch] = useQuery({
    query: ITEM_GUIDE,
    variables: { id: itemId },
    requestPolicy: 'network-only',
  });
  return (
    <QueryState
      fetching={fetching}
      error={error}
      data={data}
      onRetry={() => refetch({ requestPolicy: 'network-only' })}
    >
      {(d) => (
        <GuideForm
          key={`${itemId}:${d.serviceItem.guide?.version ?? 0}`}
          item={d.serviceItem}
          canEdit={canEdit}
          onSaved={() => refetch({ requestPolicy: 'network-only' })}
        />
      )}
    </QueryState>
  );
}

function GuideForm({
  item,
  canEdit,
  onSaved,
}: {
  item: ServiceItemGuideQuery['serviceItem'];
  canEdit: boolean;
  onSaved: () => void;
}) {
  const t = useMessages(guideMessages);
  const [form] = Form.useForm<ServiceGuideInput>();
  const errors = useFormErrors(form);
  const [{ fetching }, save] = useMutation(SAVE);
  const [saved, setSaved] = useState<number | null>(null);
  useEffect(() => form.setFieldsValue(inputOf(item.guide)), [form, item.guide]);
  const required = [{ required: true, whitespace: true, message: t('required') }];

  const submit = async (values: ServiceGuideInput) => {
    errors.clear();
    const input: ServiceGuideInput = {
      ...values,
      materials: (values.materials ?? []).map((m) => ({
        ...m,
        shared: !!m.shared,
        templateUrl: m.templateUrl?.trim() || null,
      })),
      fees: (values.fees ?? []).map((f) => ({ ...f, amount: String(f.amount ?? '') })),
      steps: values.steps ?? [],
      pauses: values.pauses ?? [],
      faq: values.faq ?? [],
    };
    const r = await save({ itemId: item.id, expectedVersion: item.guide?.version ?? null, input });
    if (errors.show(r.error)) return;
    setSaved(r.data!.saveServiceGuide.version);
    onSaved();
  };

  return (
    <Form
      form={form}
      layout="vertical"
      disabled={!canEdit}
      onFinish={submit}
      initialValues={inputOf(item.guide)}
      data-testid="guide-form"
    >
      <Space style={{ marginBottom: 8 }} wrap>
        <Typography.Text strong>{item.name}</Typography.Text>
        <Typography.Text type="secondary">
          {item.guide ? t('version', { v: item.guide.version }) : t('noGuide')}
        </Typography.Text>
        {item.guide && (
          <Button
            size="small"
            href={`/public/guides/${item.id}`}
            target="_blank"
            data-testid="guide-public-link"
          >
            {t('publicPage')}
          </Button>
        )}
      </Space>
      {saved !== null && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('saved', { v: saved })}
          data-testid="guide-saved"
        />
      )}
      <Form.Item name="conditions" label={t('conditions')} rules={required}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="guide-conditions" />
      </Form.Item>

      <Card size="small" title={t('materials')} style={{ marginBottom: 16 }}>
        <Form.List name="materials">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="start" wrap style={{ display: 'flex', marginBottom: 4 }}>
                  <Form.Item name={[f.name, 'name']} rules={required} style={{ width: 260 }}>
                    <Input placeholder={t('materialName')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'form']} initialValue="ORIGINAL" style={{ width: 130 }}>
                    <Select
                      options={(['ORIGINAL', 'COPY', 'ORIGINAL_AND_COPY', 'ELECTRONIC'] as const).map(
                        (v) => ({ value: v, label: t(v) }),
                      )}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'copies']} initialValue={1} style={{ width: 90 }}>
                    <InputNumber min={0} precision={0} addonAfter={t('copies')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'source']} rules={required} style={{ width: 200 }}>
                    <Input placeholder={t('source')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'shared']} valuePropName="checked" initialValue={false}>
                    <Checkbox>{t('shared')}</Checkbox>
                  </Form.Item>
                  <Form.Item name={[f.name, 'templateUrl']} style={{ width: 240 }}>
                    <Input placeholder={t('template')} />
                  </Form.Item>
                  <Button onClick={() => remove(f.name)}>{t('remove')}</Button>
                </Space>
              ))}
              <Button
                type="dashed"
                onClick={() => add({ form: 'ORIGINAL', copies: 1, shared: false, source: '申请人自备' })}
                data-testid="add-material"
              >
                {t('add')}
              </Button>
            </>
          )}
        </Form.List>
      </Card>

      <Card size="small" title={t('steps')} style={{ marginBottom: 16 }}>
        <Form.List name="steps">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="start" wrap style={{ display: 'flex' }}>
                  <Form.Item name={[f.name, 'title']} rules={required} style={{ width: 160 }}>
                    <Input placeholder={t('stepTitle')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'description']} initialValue="" style={{ width: 480 }}>
                    <Input placeholder={t('stepDescription')} />
                  </Form.Item>
                  <Button onClick={() => remove(f.name)}>{t('remove')}</Button>
                </Space>
              ))}
              <Button type="dashed" onClick={() => add({ title: '', description: '' })}>
                {t('add')}
              </Button>
            </>
          )}
        </Form.List>
      </Card>

      <Form.Item name="place" label={t('place')} rules={required}>
        <Input data-testid="guide-place" />
      </Form.Item>
      <Form.Item name="hours" label={t('hours')} rules={required}>
        <Input data-testid="guide-hours" />
      </Form.Item>

      <Card size="small" title={t('fees')} style={{ marginBottom: 16 }}>
        <Form.List name="fees">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="start" wrap style={{ display: 'flex' }}>
                  <Form.Item name={[f.name, 'name']} rules={required} style={{ width: 180 }}>
                    <Input placeholder={t('feeName')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'amount']} style={{ width: 140 }}>
                    <Input placeholder={t('amount')} data-testid="fee-amount" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'basis']} style={{ width: 380 }}>
                    <Input placeholder={t('basis')} data-testid="fee-basis" />
                  </Form.Item>
                  <Button onClick={() => remove(f.name)}>{t('remove')}</Button>
                </Space>
              ))}
              <Button
                type="dashed"
                onClick={() => add({ name: '', amount: '', basis: '' })}
                data-testid="add-fee"
              >
                {t('add')}
              </Button>
            </>
          )}
        </Form.List>
      </Card>

      <Card size="small" title={t('pauses')} style={{ marginBottom: 16 }}>
        <Form.List name="pauses">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="start" wrap style={{ display: 'flex' }}>
                  <Form.Item name={[f.name, 'name']} rules={required} style={{ width: 200 }}>
                    <Input placeholder={t('pauseName')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'maxDays']} style={{ width: 160 }}>
                    <InputNumber min={0} precision={0} placeholder={t('maxDays')} />
                  </Form.Item>
                  <Button onClick={() => remove(f.name)}>{t('remove')}</Button>
                </Space>
              ))}
              <Button type="dashed" onClick={() => add({ name: '', maxDays: 5 })}>
                {t('add')}
              </Button>
            </>
          )}
        </Form.List>
      </Card>

      <Space wrap>
        <Form.Item name="contactPhone" label={t('contactPhone')} rules={required}>
          <Input data-testid="guide-contact" />
        </Form.Item>
        <Form.Item name="complaintPhone" label={t('complaintPhone')} rules={required}>
          <Input />
        </Form.Item>
        <Form.Item name="complaintChannel" label={t('complaintChannel')} style={{ minWidth: 360 }}>
          <Input />
        </Form.Item>
      </Space>

      <Card size="small" title={t('faq')} style={{ marginBottom: 16 }}>
        <Form.List name="faq">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="start" wrap style={{ display: 'flex' }}>
                  <Form.Item name={[f.name, 'question']} rules={required} style={{ width: 260 }}>
                    <Input placeholder={t('question')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'answer']} rules={required} style={{ width: 400 }}>
                    <Input.TextArea autoSize placeholder={t('answer')} />
                  </Form.Item>
                  <Button onClick={() => remove(f.name)}>{t('remove')}</Button>
                </Space>
              ))}
              <Button type="dashed" onClick={() => add({ question: '', answer: '' })}>
                {t('add')}
              </Button>
            </>
          )}
        </Form.List>
      </Card>

      {errors.notice}
      {canEdit && (
        <Button type="primary" htmlType="submit" loading={fetching} data-testid="guide-save">
          {t('save')}
        </Button>
      )}
    </Form>
  );
}
