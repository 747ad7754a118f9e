import { useState } from 'react';
import { Button, Card, Col, Empty, Form, Input, InputNumber, Modal, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery } from 'urql';
import { QueryState, useFormErrors, useMessages } from '@kpd/web-kit';
import { BUNDLES, ITEM_SEARCH, SAVE, type Bundle } from './queries';
import { bundleMessages } from './messages';
import { BUNDLE_PAGE } from './PublicBundle';


/** "一件事" bundles: each with its items by stage and what it saves against doing them one by one; admins add and edit. */
export function Bundles({ canEdit }: { canEdit: boolean }) {
  const t = useMessages(bundleMessages);
  const [{ data, fetching, error }, refetch] = useQuery({ query: BUNDLES });
  const [editing, setEditing] = useState<Bundle | 'new' | null>(null);
  return (
    <>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      {canEdit && (
        <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setEditing('new')} data-testid="bundle-add">
          {t('add')}
        </Button>
      )}
      <QueryState
        fetching={fetching}
        error={error}
        data={data}
        onRetry={() => refetch({ requestPolicy: 'network-only' })}
      >
        {(d) =>
          d.serviceBundles.length === 0 ? (
            <Empty description={t('empty')} />
          ) : (
            <Row gutter={[16, 16]}>
              {d.serviceBundles.map((b) => (
                <Col xs={24} xl={12} key={b.id}>
                  <BundleCard bundle={b} onEdit={canEdit ? () => setEditing(b) : undefined} />
                </Col>
              ))}
            </Row>
          )
        }
      </QueryState>
      {editing && data && (
        <BundleEditor
          bundle={editing === 'new' ? null : editing}
          districts={data.districts}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            refetch({ requestPolicy: 'network-only' });
          }}
        />
      )}
    </>
  );
}

function BundleCard({ bundle: b, onEdit }: { bundle: Bundle; onEdit?: () => void }) {
  const t = useMessages(bundleMessages);
  const f = b.figures;
  const stages = [...new Set([...b.items, ...b.parts].map((i) => i.stage))].sort((x, y) => x - y);
  const rows = [
    { key: 'materials', label: t('materials'), one: f.oneByOneMaterials, bundle: f.bundleMaterials, saved: f.materialsSaved, unit: (n: number) => String(n) },
    { key: 'visits', label: t('visits'), one: f.oneByOneVisits, bundle: f.bundleVisits, saved: f.visitsSaved, unit: (n: number) => String(n) },
    { key: 'days', label: t('days'), one: f.oneByOneDays, bundle: f.combinedDays, saved: f.daysSaved, unit: (n: number) => t('workingDays', { n }) },
  ];
  return (
    <Card
      size="small"
      title={
        <span data-testid="bundle-name">
          {b.name} <Typography.Text type="secondary">{b.district?.name}</Typography.Text>
        </span>
      }
      extra={
        <Space size={4}>
          <Button size="small" type="link" href={`${BUNDLE_PAGE}/${b.id}`} target="_blank" data-testid="bundle-public">
            {t('publicPage')}
          </Button>
          {onEdit && <Button size="small" onClick={onEdit} data-testid="bundle-edit">{t('edit')}</Button>}
        </Space>
      }
      data-testid="bundle"
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {b.description} · {t('items', { n: f.items })} · {t('departments', { n: f.departments })}
      </Typography.Paragraph>
      <Table
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={rows}
        data-testid="bundle-figures"
        columns={[
          { title: '', dataIndex: 'label' },
          { title: t('oneByOne'), render: (_: unknown, r) => r.unit(r.one), align: 'right' },
          { title: t('bundle'), render: (_: unknown, r) => r.unit(r.bundle), align: 'right' },
          {
            title: '',
            render: (_: unknown, r) => (r.saved > 0 ? <Tag color="green" data-testid={`saved-${r.key}`}>{t('saved', { n: r.saved })}</Tag> : '—'),
          },
        ]}
      />
      {f.limitDays !== null && f.limitDays !== undefined && (
        <Tag color={f.withinLimit ? 'green' : 'red'} style={{ marginTop: 8 }} data-testid="bundle-limit">
          {f.withinLimit ? t('withinLimit', { n: f.limitDays }) : t('overLimit', { n: f.limitDays })}
        </Tag>
      )}
      <div style={{ marginTop: 8 }}>
        {stages.map((s) => (
          <div key={s} style={{ marginBottom: 4 }}>
            <Typography.Text strong>{t('stage', { n: s })}：</Typography.Text>
            {[
              ...b.items.filter((i) => i.stage === s).map((i) => `${i.item.name}（${i.item.department}）`),
              ...b.parts.filter((p) => p.stage === s).map((p) => `${p.name}（${p.department}，${t('outside')}）`),
            ].join('、')}
          </div>
        ))}
      </div>
      {f.materialList.length > 0 && (
        <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>
          <Typography.Text strong>{t('materialList')}：</Typography.Text>
          {f.materialList.join('、')}
          {b.items.some((i) => !i.hasGuide) && <Typography.Text type="secondary">（{t('noGuide')}）</Typography.Text>}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

interface PartValues {
  name: string;
  department: string;
  stage: number;
  promisedDays: number;
  visits: number;
  visitsReason?: string | null;
  materials?: string[];
  shared?: string[];
}

interface Values {
  districtId?: string;
  name: string;
  description?: string;
  limitDays?: number | null;
  items: Array<{ itemId: string; stage: number }>;
  parts?: PartValues[];
}

function BundleEditor({
  bundle,
  districts,
  onClose,
  onSaved,
}: {
  bundle: Bundle | null;
  districts: Array<{ id: string; name: string }>;
  onClose: () => void;
  onSaved: () => void;
}) {
  const t = useMessages(bundleMessages);
  const [form] = Form.useForm<Values>();
  const errors = useFormErrors(form);
  const [search, setSearch] = useState('');
  const [found] = useQuery({ query: ITEM_SEARCH, variables: { filter: { search: search || null } }, pause: !search });
  const [{ fetching }, save] = useMutation(SAVE);
  const known = new Map<string, string>(bundle?.items.map((i) => [i.item.id, i.item.name]) ?? []);
  for (const n of found.data?.serviceItems.nodes ?? []) known.set(n.id, `${n.name}（${n.department}）`);
  const options = [...known].map(([value, label]) => ({ value, label }));
  const required = [{ required: true, message: t('required') }];
  const submit = async (v: Values) => {
    errors.clear();
    const res = await save({
      districtId: (v.districtId ?? bundle?.district?.id ?? districts[0]?.id)!,
      id: bundle?.id ?? null,
      expectedVersion: bundle?.version ?? null,
      input: {
        name: v.name,
        description: v.description ?? '',
        limitDays: v.limitDays ?? null,
        items: v.items ?? [],
        parts: (v.parts ?? []).map((p) => ({
          name: p.name,
          department: p.department,
          stage: p.stage,
          promisedDays: p.promisedDays,
          visits: p.visits,
          visitsReason: p.visitsReason || null,
          materials: [
            ...(p.materials ?? []).map((name) => ({ name, shared: false })),
            ...(p.shared ?? []).map((name) => ({ name, shared: true })),
          ],
        })),
      },
    });
    if (errors.show(res.error)) return;
    onSaved();
  };
  return (
    <Modal open title={bundle ? bundle.name : t('add')} onCancel={onClose} footer={null} width={720} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          districtId: bundle?.district?.id ?? districts[0]?.id,
          name: bundle?.name,
          description: bundle?.description,
          limitDays: bundle?.limitDays ?? null,
          items: bundle?.items.map((i) => ({ itemId: i.item.id, stage: i.stage })) ?? [{ stage: 1 }],
          parts:
            bundle?.parts.map((p) => ({
              name: p.name,
              department: p.department,
              stage: p.stage,
              promisedDays: p.promisedDays,
              visits: p.visits,
              visitsReason: p.visitsReason,
              materials: p.materials.filter((m) => !m.shared).map((m) => m.name),
              shared: p.materials.filter((m) => m.shared).map((m) => m.name),
            })) ?? [],
        }}
        data-testid="bundle-form"
      >
        {districts.length > 1 && (
          <Form.Item name="districtId" label="区县" rules={required}>
            <Select options={districts.map((d) => ({ value: d.id, label: d.name }))} disabled={!!bundle} />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('name')} rules={required}>
          <Input maxLength={100} data-testid="bundle-name-input" />
        </Form.Item>
        <Form.Item name="description" label={t('description')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item name="limitDays" label={t('limitDays')}>
          <InputNumber min={1} max={1000} precision={0} data-testid="bundle-limit-input" />
        </Form.Item>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="start" wrap>
                  <Form.Item name={[f.name, 'itemId']} rules={required}>
                    <Select
                      showSearch={{ filterOption: false, onSearch: setSearch }}
                      placeholder={t('itemSearch')}
                      options={options}
                      style={{ width: 380 }}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'stage']} rules={required}>
                    <InputNumber min={1} max={20} precision={0} prefix={t('stageLabel')} style={{ width: 110 }} />
                  </Form.Item>
                  <Button onClick={() => remove(f.name)}>{t('remove')}</Button>
                </Space>
              ))}
              <div style={{ marginBottom: 12 }}>
                <Button type="dashed" onClick={() => add({ stage: 1 })}>
                  {t('addItem')}
                </Button>
              </div>
            </>
          )}
        </Form.List>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('partsHint')}
        </Typography.Paragraph>
        <Form.List name="parts">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Card key={f.key} size="small" style={{ marginBottom: 8 }} data-testid="bundle-part">
                  <Space align="start" wrap>
                    <Form.Item name={[f.name, 'name']} label={t('partName')} rules={[...required, { max: 100, message: t('tooLong') }]}>
                      <Input style={{ width: 200 }} data-testid="bundle-part-name" />
                    </Form.Item>
                    <Form.Item name={[f.name, 'department']} label={t('partDepartment')} rules={[...required, { max: 100, message: t('tooLong') }]}>
                      <Input style={{ width: 240 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'stage']} label={t('stageLabel')} rules={required}>
                      <InputNumber min={1} max={20} precision={0} style={{ width: 80 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'promisedDays']} label={t('partDays')} rules={required}>
                      <InputNumber min={0} max={3650} precision={0} style={{ width: 100 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'visits']} label={t('partVisits')} rules={required}>
                      <Select style={{ width: 100 }} options={[0, 1, 2].map((n) => ({ value: n, label: n === 2 ? '2+' : String(n) }))} />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'visitsReason']}
                      label={t('partVisitsReason')}
                      dependencies={[['parts', f.name, 'visits']]}
                      rules={[
                        ({ getFieldValue }) => ({
                          validator: (_: unknown, value?: string | null) =>
                            (getFieldValue(['parts', f.name, 'visits']) ?? 0) > 0 && !(value ?? '').trim()
                              ? Promise.reject(new Error(t('reasonRequired')))
                              : Promise.resolve(),
                        }),
                      ]}
                    >
                      <Input style={{ width: 240 }} maxLength={200} data-testid="bundle-part-reason" />
                    </Form.Item>
                    <Form.Item name={[f.name, 'materials']} label={t('partMaterials')}>
                      <Select mode="tags" style={{ width: 300 }} open={false} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'shared']} label={t('partShared')}>
                      <Select mode="tags" style={{ width: 240 }} open={false} />
                    </Form.Item>
                    <Button onClick={() => remove(f.name)} style={{ marginTop: 30 }}>
                      {t('remove')}
                    </Button>
                  </Space>
                </Card>
              ))}
              <div style={{ marginBottom: 12 }}>
                <Button type="dashed" onClick={() => add({ stage: 2, promisedDays: 1, visits: 1 })} data-testid="bundle-add-part">
                  {t('addPart')}
                </Button>
              </div>
            </>
          )}
        </Form.List>
        {errors.notice}
        <Space>
          <Button type="primary" htmlType="submit" loading={fetching} data-testid="bundle-save">
            {t('save')}
          </Button>
          <Button onClick={onClose}>{t('cancel')}</Button>
        </Space>
      </Form>
    </Modal>
  );
}
