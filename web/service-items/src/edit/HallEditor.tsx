/**
 * 窗口与基数: a district's single-window hall — its functional zones, each with its windows (number
 * and what it handles), saved zone by zone — and the number of windows before the reform (the
 * baseline the reduction is measured against). The server's refusals land under the field they name.
 */
import { useState } from 'react';
import { App as AntApp, Button, Card, Drawer, Form, Input, InputNumber, Space, Typography } from 'antd';
import { useMutation, useQuery } from 'urql';
import { DateInput, QueryState, todayInChina, useFormErrors, useMessages } from '@kpd/web-kit';
import { graphql } from '../gql';
import { editMessages } from './messages';

const HALL = graphql(`
  query ServiceHall($districtId: ID!) {
    serviceZones(districtId: $districtId) { id name sortOrder itemCount windows { number name } }
    serviceBaseline(districtId: $districtId) { takenOn windowsBefore }
  }
`);
const SAVE_ZONE = graphql(`
  mutation SaveServiceZone($districtId: ID!, $id: ID, $name: String!, $windows: [ServiceWindowInput!]!) {
    saveServiceZone(districtId: $districtId, id: $id, name: $name, windows: $windows) { id name windows { number name } }
  }
`);
const SET_BASELINE = graphql(`
  mutation SetServiceBaseline($districtId: ID!, $takenOn: LocalDate!, $windowsBefore: Int!) {
    setServiceBaseline(districtId: $districtId, takenOn: $takenOn, windowsBefore: $windowsBefore) { takenOn windowsBefore }
  }
`);

interface ZoneValues {
  name: string;
  windows: Array<{ number: string; name?: string | null }>;
}

export function HallButton({ district }: { district: { id: string; name: string } | undefined }) {
  const t = useMessages(editMessages);
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)} disabled={!district} title={district ? undefined : t('chooseDistrict')} data-testid="open-hall">
        {t('hall')}
      </Button>
      {district && (
        <Drawer open={open} onClose={() => setOpen(false)} size="large" title={t('hallTitle', { name: district.name })} destroyOnHidden data-testid="hall-drawer">
          <Hall districtId={district.id} />
        </Drawer>
      )}
    </>
  );
}

function Hall({ districtId }: { districtId: string }) {
  const t = useMessages(editMessages);
  const [{ data, fetching, error }, refetch] = useQuery({ query: HALL, variables: { districtId }, requestPolicy: 'network-only' });
  const [adding, setAdding] = useState(false);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  return (
    <QueryState fetching={fetching} error={error} data={data} isEmpty={() => false} onRetry={reload}>
      {(d) => (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Baseline districtId={districtId} current={d.serviceBaseline ?? null} onSaved={reload} />
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('zones')}
          </Typography.Title>
          {[...d.serviceZones]
            .sort((a, b) => a.sortOrder - b.sortOrder)
            .map((z) => (
              <ZoneForm key={z.id} districtId={districtId} zone={z} onSaved={reload} />
            ))}
          {adding ? (
            <ZoneForm
              districtId={districtId}
              zone={null}
              onSaved={() => {
                setAdding(false);
                reload();
              }}
            />
          ) : (
            <Button type="dashed" onClick={() => setAdding(true)} data-testid="add-zone">
              {t('addZone')}
            </Button>
          )}
        </Space>
      )}
    </QueryState>
  );
}

function ZoneForm({ districtId, zone, onSaved }: { districtId: string; zone: { id: string; name: string; itemCount: number; windows: Array<{ number: string; name?: string | null }> } | null; onSaved: () => void }) {
  const t = useMessages(editMessages);
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<ZoneValues>();
  const errors = useFormErrors(form);
  const [{ fetching }, save] = useMutation(SAVE_ZONE);
  const submit = async (v: ZoneValues) => {
    errors.clear();
    const res = await save({ districtId, id: zone?.id ?? null, name: v.name.trim(), windows: (v.windows ?? []).map((w) => ({ number: w.number.trim(), name: w.name?.trim() || null })) });
    if (errors.show(res.error)) return;
    message.success(t('zoneSaved'));
    onSaved();
  };
  return (
    <Card size="small" data-testid="zone-card" extra={zone ? <Typography.Text type="secondary">{t('itemCount', { n: zone.itemCount })}</Typography.Text> : null}>
      <Form<ZoneValues> form={form} layout="vertical" requiredMark={false} onFinish={(v) => void submit(v)} initialValues={{ name: zone?.name ?? '', windows: zone?.windows.map((w) => ({ number: w.number, name: w.name ?? '' })) ?? [{ number: '', name: '' }] }}>
        <Form.Item name="name" label={t('zoneName')} rules={[{ required: true, whitespace: true, message: t('required', { field: t('zoneName') }) }, { max: 100 }]}>
          <Input data-testid="zone-name" />
        </Form.Item>
        <Form.List name="windows">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Space key={f.key} align="start" wrap>
                  <Form.Item name={[f.name, 'number']} rules={[{ required: true, whitespace: true, message: t('required', { field: t('windowNumber') }) }]}>
                    <Input placeholder={t('windowNumber')} style={{ width: 110 }} data-testid={`window-number-${i}`} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'name']}>
                    <Input placeholder={t('windowName')} style={{ width: 260 }} data-testid={`window-name-${i}`} />
                  </Form.Item>
                  <Button type="link" danger onClick={() => remove(f.name)}>
                    {t('removeWindow')}
                  </Button>
                </Space>
              ))}
              <Space>
                <Button size="small" onClick={() => add({ number: '', name: '' })} data-testid="add-window">
                  {t('addWindow')}
                </Button>
                <Button size="small" type="primary" htmlType="submit" loading={fetching} data-testid="zone-save">
                  {t('save')}
                </Button>
              </Space>
            </>
          )}
        </Form.List>
        <div style={{ marginTop: 8 }}>{errors.notice}</div>
      </Form>
    </Card>
  );
}

function Baseline({ districtId, current, onSaved }: { districtId: string; current: { takenOn: string; windowsBefore: number } | null; onSaved: () => void }) {
  const t = useMessages(editMessages);
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ takenOn: string; windowsBefore: number }>();
  const errors = useFormErrors(form);
  const [{ fetching }, save] = useMutation(SET_BASELINE);
  return (
    <Card size="small" title={t('baseline')} data-testid="baseline-card" extra={<span data-testid="baseline-now">{current ? t('baselineNow', { date: current.takenOn, n: current.windowsBefore }) : t('noBaseline')}</span>}>
      <Typography.Paragraph type="secondary">{t('baselineHint')}</Typography.Paragraph>
      <Form
        form={form}
        layout="inline"
        requiredMark={false}
        initialValues={{ takenOn: current?.takenOn ?? todayInChina(), windowsBefore: current?.windowsBefore }}
        onFinish={async (v) => {
          errors.clear();
          const res = await save({ districtId, takenOn: v.takenOn, windowsBefore: v.windowsBefore });
          if (errors.show(res.error)) return;
          message.success(t('baselineSaved'));
          onSaved();
        }}
      >
        <Form.Item name="takenOn" label={t('takenOn')} rules={[{ required: true, message: t('required', { field: t('takenOn') }) }]}>
          <DateInput max={todayInChina()} testId="baseline-date" />
        </Form.Item>
        <Form.Item name="windowsBefore" label={t('windowsBefore')} rules={[{ required: true, message: t('required', { field: t('windowsBefore') }) }, { type: 'integer', min: 0, message: '必须是非负整数' }]}>
          <InputNumber min={0} precision={0} data-testid="baseline-windows" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={fetching} data-testid="baseline-save">
          {t('save')}
        </Button>
      </Form>
      <div style={{ marginTop: 8 }}>{errors.notice}</div>
    </Card>
  );
}
