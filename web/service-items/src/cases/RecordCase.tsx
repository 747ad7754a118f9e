import { useState } from 'react';
import { Alert, Button, Form, Input, InputNumber, Select, Space } from 'antd';
import { useMutation, useQuery } from 'urql';
import { DateInput, DateTimeInput, useFormErrors, useMessages } from '@kpd/web-kit';
import { graphql } from '../gql';
import type { ApplicantType, CaseChannel, CaseOutcome } from '../gql/graphql';
import { caseMessages } from './messages';

const ITEM_SEARCH = graphql(`
  query CaseItemSearch($filter: ServiceItemFilter) {
    serviceItems(filter: $filter, first: 20) {
      nodes {
        id
        name
        implementationCode
        district {
          name
        }
        zone {
          windows {
            id
            number
          }
        }
      }
    }
  }
`);
const RECORD = graphql(`
  mutation RecordServiceCase($input: ServiceCaseInput!) {
    recordServiceCase(input: $input) {
      id
      handlingDays
      onTime
    }
  }
`);

interface Values {
  itemId: string;
  caseNo: string;
  applicantType: ApplicantType;
  channel: CaseChannel;
  receivedAt: string;
  acceptedAt: string;
  decidedAt?: string;
  deliveredAt?: string;
  outcome?: CaseOutcome | null;
  visits: number;
  windowId?: string | null;
  pauses?: Array<{ name: string; from: string; to: string }>;
}

/** "2020-09-14T09:00" (as DateTimeInput holds it) on the Asia/Shanghai clock → an instant. */
export const shanghaiInstant = (local: string | undefined | null): string | null =>
  local ? new Date(`${local}:00+08:00`).toISOString() : null;

/** A case entered by hand (办件录入): its handling time is counted by the server. */
export function RecordCase({ onRecorded }: { onRecorded: () => void }) {
  const t = useMessages(caseMessages);
  const [form] = Form.useForm<Values>();
  const errors = useFormErrors(form);
  const [search, setSearch] = useState('');
  const [items] = useQuery({
    query: ITEM_SEARCH,
    variables: { filter: { search: search || null, highFrequency: search ? null : true } },
  });
  const [{ fetching }, record] = useMutation(RECORD);
  const [saved, setSaved] = useState<number | null | undefined>(undefined);
  const required = [{ required: true, message: t('required') }];
  const itemId = Form.useWatch('itemId', form);
  const channel = Form.useWatch('channel', form);
  const windows = items.data?.serviceItems.nodes.find((i) => i.id === itemId)?.zone?.windows ?? [];

  const submit = async (v: Values) => {
    errors.clear();
    const r = await record({
      input: {
        itemId: v.itemId,
        caseNo: v.caseNo,
        applicantType: v.applicantType,
        channel: v.channel,
        receivedAt: shanghaiInstant(v.receivedAt)!,
        acceptedAt: shanghaiInstant(v.acceptedAt)!,
        decidedAt: shanghaiInstant(v.decidedAt),
        deliveredAt: shanghaiInstant(v.deliveredAt),
        outcome: v.outcome ?? null,
        visits: v.visits ?? 0,
        pauses: v.pauses ?? [],
        windowId: v.channel === 'WINDOW' ? (v.windowId ?? null) : null,
      },
    });
    if (errors.show(r.error)) return;
    setSaved(r.data!.recordServiceCase.handlingDays);
    form.resetFields(['caseNo', 'receivedAt', 'acceptedAt', 'decidedAt', 'deliveredAt', 'pauses']);
    onRecorded();
  };

  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={{ applicantType: 'PERSON', channel: 'WINDOW', visits: 1, outcome: 'APPROVED' }}
      data-testid="case-form"
    >
      {saved !== undefined && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          title={saved === null ? t('pending') : t('saved', { n: saved })}
          data-testid="case-saved"
        />
      )}
      <Form.Item name="itemId" label={t('item')} rules={required}>
        <Select
          showSearch={{ filterOption: false, onSearch: setSearch }}
          placeholder={t('itemSearch')}
          options={
            items.data?.serviceItems.nodes.map((i) => ({
              value: i.id,
              label: `${i.name}（${i.district.name}）`,
            })) ?? []
          }
          data-testid="case-item"
        />
      </Form.Item>
      <Space wrap>
        <Form.Item name="caseNo" label={t('caseNo')} rules={required}>
          <Input style={{ width: 200 }} data-testid="case-no" />
        </Form.Item>
        <Form.Item name="applicantType" label={t('applicantType')}>
          <Select
            style={{ width: 150 }}
            options={(['PERSON', 'ORGANIZATION'] as const).map((v) => ({ value: v, label: t(v) }))}
          />
        </Form.Item>
        <Form.Item name="channel" label={t('channel')}>
          <Select
            style={{ width: 120 }}
            options={(['WINDOW', 'ONLINE', 'MOBILE', 'SELF_SERVICE'] as const).map((v) => ({
              value: v,
              label: t(v),
            }))}
          />
        </Form.Item>
        <Form.Item name="windowId" label={t('window')}>
          <Select
            allowClear
            style={{ width: 110 }}
            disabled={channel !== 'WINDOW'}
            options={windows.map((w) => ({ value: w.id, label: w.number }))}
            data-testid="case-window"
          />
        </Form.Item>
        <Form.Item name="visits" label={t('visits')}>
          <InputNumber min={0} max={20} precision={0} />
        </Form.Item>
      </Space>
      <Space wrap>
        <Form.Item name="receivedAt" label={t('receivedAt')} rules={required}>
          <DateTimeInput allowClear={false} testId="case-received" />
        </Form.Item>
        <Form.Item name="acceptedAt" label={t('acceptedAt')} rules={required}>
          <DateTimeInput allowClear={false} testId="case-accepted" />
        </Form.Item>
        <Form.Item name="decidedAt" label={t('decidedAt')}>
          <DateTimeInput testId="case-decided" />
        </Form.Item>
        <Form.Item name="deliveredAt" label={t('deliveredAt')}>
          <DateTimeInput testId="case-delivered" />
        </Form.Item>
        <Form.Item name="outcome" label={t('outcome')}>
          <Select
            allowClear
            style={{ width: 110 }}
            options={(['APPROVED', 'REJECTED', 'WITHDRAWN'] as const).map((v) => ({ value: v, label: t(v) }))}
          />
        </Form.Item>
      </Space>
      <Form.List name="pauses">
        {(fields, { add, remove }) => (
          <div style={{ marginBottom: 12 }}>
            <div style={{ marginBottom: 4 }}>{t('pauses')}</div>
            {fields.map((f) => (
              <Space key={f.key} align="start" wrap>
                <Form.Item name={[f.name, 'name']} rules={required}>
                  <Input placeholder={t('pauseName')} style={{ width: 200 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'from']} rules={required}>
                  <DateInput placeholder={t('pauseFrom')} />
                </Form.Item>
                <Form.Item name={[f.name, 'to']} rules={required}>
                  <DateInput placeholder={t('pauseTo')} />
                </Form.Item>
                <Button onClick={() => remove(f.name)}>{t('remove')}</Button>
              </Space>
            ))}
            <div>
              <Button type="dashed" onClick={() => add({ name: '' })}>
                {t('add')}
              </Button>
            </div>
          </div>
        )}
      </Form.List>
      {errors.notice}
      <Button type="primary" htmlType="submit" loading={fetching} data-testid="case-save">
        {t('save')}
      </Button>
    </Form>
  );
}
