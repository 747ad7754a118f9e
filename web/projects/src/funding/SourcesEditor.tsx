import { useState } from 'react';
import { Alert, Button, Drawer, Form, Input, Modal, Space, Switch, Table, Typography } from 'antd';
import { useMutation, useQuery } from 'urql';
import { QueryState, useFormErrors, useMessages, type Viewer } from '@kpd/web-kit';
import { graphql } from '../gql';
import type { FundingSourcesQuery } from '../gql/graphql';
import { fundingMessages } from './messages';

const SOURCES = graphql(`
  query FundingSources($areaId: ID) {
    fundingSources(areaId: $areaId) { id code name specialBond sortOrder version }
  }
`);
const SAVE_SOURCE = graphql(`
  mutation SaveFundingSource($cityId: ID!, $input: FundingSourceInput!) {
    saveFundingSource(cityId: $cityId, input: $input) { id code name specialBond version }
  }
`);

type Source = FundingSourcesQuery['fundingSources'][number];

/** The city's funding sources (资金来源目录): read by every admin, kept by the city's. */
export function FundingSourcesButton({ viewer }: { viewer: Viewer }) {
  const t = useMessages(fundingMessages);
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="funding-sources-open">{t('sources')}</Button>
      {open && (
        <Drawer open title={t('sources')} onClose={() => setOpen(false)} data-testid="funding-sources">
          {viewer.area.level === 'PROVINCE' ? <Alert type="info" showIcon title={t('provinceHint')} /> : <SourcesView viewer={viewer} />}
        </Drawer>
      )}
    </>
  );
}

function SourcesView({ viewer }: { viewer: Viewer }) {
  const t = useMessages(fundingMessages);
  const [{ data, fetching, error }, refetch] = useQuery({ query: SOURCES, variables: { areaId: viewer.area.id } });
  const [editing, setEditing] = useState<Source | 'new' | null>(null);
  const keeper = viewer.role === 'ADMIN' && viewer.area.level === 'CITY';
  return (
    <QueryState fetching={fetching} error={error} data={data} isEmpty={() => false} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
      {(d) => (
        <>
          {!keeper && <Typography.Paragraph type="secondary">{t('cityOnly')}</Typography.Paragraph>}
          {keeper && (
            <Button type="primary" style={{ marginBottom: 8 }} onClick={() => setEditing('new')} data-testid="funding-source-add">
              {t('addSource')}
            </Button>
          )}
          <Table<Source>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={d.fundingSources}
            columns={[
              { title: t('code'), dataIndex: 'code', width: 90 },
              { title: t('name'), dataIndex: 'name' },
              { title: t('specialBond'), dataIndex: 'specialBond', width: 70, render: (v: boolean) => (v ? t('yes') : t('no')) },
              ...(keeper ? [{ title: '', width: 70, render: (_: unknown, s: Source) => <Button size="small" onClick={() => setEditing(s)}>{t('edit')}</Button> }] : []),
            ]}
          />
          {editing && keeper && (
            <SourceForm
              cityId={viewer.area.id}
              source={editing === 'new' ? null : editing}
              onClose={() => setEditing(null)}
              onSaved={() => {
                setEditing(null);
                refetch({ requestPolicy: 'network-only' });
              }}
            />
          )}
        </>
      )}
    </QueryState>
  );
}

function SourceForm({ cityId, source, onClose, onSaved }: { cityId: string; source: Source | null; onClose: () => void; onSaved: () => void }) {
  const t = useMessages(fundingMessages);
  const [form] = Form.useForm<{ code: string; name: string; specialBond: boolean }>();
  const errors = useFormErrors(form);
  const [{ fetching }, save] = useMutation(SAVE_SOURCE);
  const submit = async (v: { code: string; name: string; specialBond: boolean }) => {
    const r = await save({ cityId, input: { id: source?.id ?? null, version: source?.version ?? null, code: v.code.trim(), name: v.name, specialBond: v.specialBond ?? false } });
    if (errors.show(r.error)) return;
    onSaved();
  };
  return (
    <Modal open title={source ? `${t('edit')} · ${source.name}` : t('addSource')} onCancel={onClose} footer={null} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={source ?? { specialBond: false }} onFinish={(v) => void submit(v)}>
        <Form.Item name="code" label={t('code')} rules={[{ required: true, message: t('required') }]}>
          <Input maxLength={32} data-testid="funding-source-code" />
        </Form.Item>
        <Form.Item name="name" label={t('name')} rules={[{ required: true, whitespace: true, message: t('required') }]}>
          <Input maxLength={64} data-testid="funding-source-name" />
        </Form.Item>
        <Form.Item name="specialBond" label={t('specialBond')} valuePropName="checked">
          <Switch />
        </Form.Item>
        {errors.notice}
        <Space>
          <Button type="primary" htmlType="submit" loading={fetching} data-testid="funding-source-save">{t('save')}</Button>
          <Button onClick={onClose}>{t('cancel')}</Button>
        </Space>
      </Form>
    </Modal>
  );
}
