import { useState } from 'react';
import { Alert, Button, Form, Input, Modal, Space, Switch, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery } from 'urql';
import { normalMobile, UNIT_CONTACT_MAX, UNIT_NAME_MAX } from '@kpd/domain';
import { formatDateTime, QueryState, useFormErrors, type Viewer } from '@kpd/web-kit';
import type { ResponsibleUnitsQuery } from '../gql/graphql';
import { AreaPicker } from '../admin/parts';
import { RESPONSIBLE_UNITS, SAVE_RESPONSIBLE_UNIT } from './queries';

type Unit = ResponsibleUnitsQuery['responsibleUnits'][number];

/**
 * 责任单位名录 (admins): per district or city, the units that own problems and have no account, with
 * the contact and mobile number the area's outbound channels (the SMS gateway) send their problems'
 * deadline reminders to. A disabled unit gets nothing; the city's units show under a district too.
 */
export function ResponsibleUnits({ viewer }: { viewer: Viewer }) {
  const ownDirectory = viewer.area.level === 'CITY' || viewer.area.level === 'DISTRICT';
  const [areaId, setAreaId] = useState<string | null>(ownDirectory ? viewer.area.id : null);
  const [{ data, fetching, error }, refetch] = useQuery({ query: RESPONSIBLE_UNITS, variables: { areaId: areaId ?? '' }, pause: !areaId, requestPolicy: 'cache-and-network' });
  const [editing, setEditing] = useState<Unit | 'new' | null>(null);
  return (
    <>
      <Typography.Paragraph type="secondary">
        问题的责任单位若在本名录中（问题所在区县的名录，或其所在市的名录）且已启用，问题到期前 2 个工作日和逾期后第一个工作日，提醒经本地区的外发渠道（如短信网关）发给单位联系人。责任单位没有站内提醒。
      </Typography.Paragraph>
      <Space style={{ marginBottom: 12 }} wrap>
        <AreaPicker value={areaId} onChange={setAreaId} placeholder="选择市或区县" testId="unit-area" />
        <Button type="primary" onClick={() => setEditing('new')} disabled={!areaId} data-testid="new-unit">
          新增单位
        </Button>
      </Space>
      {!areaId ? (
        <Alert type="info" showIcon title="请选择一个市或区县查看其责任单位名录" />
      ) : (
        <QueryState fetching={fetching} error={error} data={data} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
          {(d) => (
            <Table<Unit>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={d.responsibleUnits}
              data-testid="unit-table"
              locale={{ emptyText: '名录中还没有单位' }}
              columns={[
                { title: '单位名称', dataIndex: 'name', render: (n: string) => <span data-testid="unit-name">{n}</span> },
                { title: '所属名录', render: (_: unknown, u) => u.area.name },
                { title: '联系人', dataIndex: 'contactName', render: (v: string | null) => v ?? '—' },
                { title: '手机号码', dataIndex: 'phone', render: (v: string | null) => v ?? '—' },
                { title: '状态', dataIndex: 'enabled', render: (e: boolean) => (e ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>) },
                { title: '修改时间', render: (_: unknown, u) => `${u.createdBy} · ${formatDateTime(u.updatedAt)}` },
                {
                  title: '',
                  // A unit whose contacts are hidden belongs to a directory above the viewer's: not theirs to change.
                  render: (_: unknown, u) =>
                    u.phone !== null && (
                      <Typography.Link onClick={() => setEditing(u)} data-testid={`edit-unit-${u.id}`}>
                        修改
                      </Typography.Link>
                    ),
                },
              ]}
            />
          )}
        </QueryState>
      )}
      {editing && areaId && (
        <UnitForm
          unit={editing === 'new' ? null : editing}
          areaId={areaId}
          onClose={(saved) => {
            setEditing(null);
            if (saved) refetch({ requestPolicy: 'network-only' });
          }}
        />
      )}
    </>
  );
}

interface UnitValues {
  areaId: string;
  name: string;
  contactName: string;
  phone: string;
  enabled: boolean;
}

function UnitForm({ unit, areaId, onClose }: { unit: Unit | null; areaId: string; onClose: (saved: boolean) => void }) {
  const [form] = Form.useForm<UnitValues>();
  const errors = useFormErrors(form);
  const [{ fetching }, save] = useMutation(SAVE_RESPONSIBLE_UNIT);
  const submit = async (v: UnitValues) => {
    errors.clear();
    const res = await save({ input: { id: unit?.id ?? null, areaId: unit ? null : v.areaId, name: v.name, contactName: v.contactName, phone: v.phone, enabled: v.enabled } });
    if (errors.show(res.error)) return;
    onClose(true);
  };
  return (
    <Modal open title={unit ? '修改责任单位' : '新增责任单位'} onCancel={() => onClose(false)} onOk={() => form.submit()} okText="保存" cancelText="取消" confirmLoading={fetching} destroyOnHidden>
      <Form<UnitValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        requiredMark={false}
        initialValues={unit ? { name: unit.name, contactName: unit.contactName ?? '', phone: unit.phone ?? '', enabled: unit.enabled } : { areaId, enabled: true }}
      >
        {unit ? (
          <Form.Item label="所属名录">
            <Input disabled value={unit.area.name} />
          </Form.Item>
        ) : (
          <Form.Item name="areaId" label="所属名录（市或区县）" rules={[{ required: true, message: '请选择名录所属的市或区县' }]}>
            <AreaPicker placeholder="选择市或区县" testId="unit-form-area" />
          </Form.Item>
        )}
        <Form.Item name="name" label="单位名称" extra="与问题的责任单位写法一致（空格不计）" rules={[{ required: true, whitespace: true, max: UNIT_NAME_MAX, message: `请填写单位名称（不超过 ${UNIT_NAME_MAX} 字）` }]}>
          <Input placeholder="苏家屯区自然资源分局" data-testid="unit-name-input" />
        </Form.Item>
        <Form.Item name="contactName" label="联系人" rules={[{ required: true, whitespace: true, max: UNIT_CONTACT_MAX, message: `请填写联系人（不超过 ${UNIT_CONTACT_MAX} 字）` }]}>
          <Input data-testid="unit-contact" />
        </Form.Item>
        <Form.Item
          name="phone"
          label="手机号码"
          rules={[{ validator: (_r, v: string | undefined) => (normalMobile(v ?? '') ? Promise.resolve() : Promise.reject(new Error('请填写 11 位手机号码（短信提醒发往此号码）'))) }]}
        >
          <Input inputMode="tel" data-testid="unit-phone" />
        </Form.Item>
        <Form.Item name="enabled" label="启用（停用后不再发送提醒）" valuePropName="checked">
          <Switch data-testid="unit-enabled" />
        </Form.Item>
        {errors.notice}
      </Form>
    </Modal>
  );
}
