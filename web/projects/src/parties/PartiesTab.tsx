import { useState } from 'react';
import { Button, Empty, Form, Input, Modal, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { useMutation, useQuery } from 'urql';
import { ErrorNotice, QueryState, useFormErrors, useMessages, type Messages, type Viewer } from '@kpd/web-kit';
import { graphql } from '../gql';
import type { PartyRole, ProjectPartiesQuery } from '../gql/graphql';

const PARTIES = graphql(`
  query ProjectParties($id: ID!) { project(id: $id) { id parties { id role name creditCode version } } }
`);
const SAVE = graphql(`
  mutation SaveProjectParty($projectId: ID!, $input: ProjectPartyInput!) { saveProjectParty(projectId: $projectId, input: $input) { id version } }
`);
const REMOVE = graphql(`
  mutation RemoveProjectParty($id: ID!) { removeProjectParty(id: $id) }
`);

type Party = ProjectPartiesQuery['project']['parties'][number];
const ROLES: PartyRole[] = ['OWNER', 'IMPLEMENTER', 'CONTRACTOR', 'DESIGNER', 'SUPERVISOR'];

type Key = PartyRole | 'tab' | 'role' | 'name' | 'creditCode' | 'creditCodeHint' | 'add' | 'edit' | 'remove' | 'removeConfirm' | 'save' | 'cancel' | 'none' | 'required';
export const partyMessages: Messages<Key> = {
  zh: {
    tab: '参建单位', role: '角色', name: '单位名称', creditCode: '统一社会信用代码', creditCodeHint: '18 位，含校验位', add: '登记参建单位', edit: '修改', remove: '删除',
    removeConfirm: '删除该参建单位？', save: '保存', cancel: '取消', none: '尚未登记参建单位', required: '必填',
    OWNER: '建设单位', IMPLEMENTER: '实施企业', CONTRACTOR: '施工单位', DESIGNER: '设计单位', SUPERVISOR: '监理单位',
  },
  en: {
    tab: 'Parties', role: 'Role', name: 'Name', creditCode: 'Credit code', creditCodeHint: '18 characters with the check character', add: 'Add a party', edit: 'Edit', remove: 'Remove',
    removeConfirm: 'Remove this party?', save: 'Save', cancel: 'Cancel', none: 'No parties yet', required: 'Required',
    OWNER: 'Owner', IMPLEMENTER: 'Implementer', CONTRACTOR: 'Contractor', DESIGNER: 'Designer', SUPERVISOR: 'Supervisor',
  },
};

/** The organisations taking part in a project (参建单位), each with its unified social credit code. */
export function PartiesTab({ projectId, viewer }: { projectId: string; viewer: Viewer }) {
  const t = useMessages(partyMessages);
  const [{ data, fetching, error }, refetch] = useQuery({ query: PARTIES, variables: { id: projectId } });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const [editing, setEditing] = useState<Party | 'new' | null>(null);
  const [removing, remove] = useMutation(REMOVE);
  const admin = viewer.role === 'ADMIN';
  return (
    <div data-testid="parties">
      {admin && (
        <Button type="primary" style={{ marginBottom: 8 }} onClick={() => setEditing('new')} data-testid="party-add">
          {t('add')}
        </Button>
      )}
      {removing.error && <ErrorNotice error={removing.error} />}
      <QueryState fetching={fetching} error={error} data={data} isEmpty={(d) => d.project.parties.length === 0} empty={<Empty description={t('none')} />} onRetry={reload}>
        {(d) => (
          <Table<Party>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={d.project.parties}
            data-testid="party-table"
            columns={[
              { title: t('role'), dataIndex: 'role', width: 100, render: (v: PartyRole) => t(v) },
              { title: t('name'), dataIndex: 'name' },
              { title: t('creditCode'), dataIndex: 'creditCode', width: 190, render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
              ...(admin
                ? [{
                    title: '',
                    width: 130,
                    render: (_: unknown, p: Party) => (
                      <Space>
                        <Button size="small" onClick={() => setEditing(p)}>{t('edit')}</Button>
                        <Popconfirm title={t('removeConfirm')} onConfirm={() => void remove({ id: p.id }).then((r) => !r.error && reload())}>
                          <Button size="small" danger>{t('remove')}</Button>
                        </Popconfirm>
                      </Space>
                    ),
                  }]
                : []),
            ]}
          />
        )}
      </QueryState>
      {editing && (
        <PartyForm
          projectId={projectId}
          party={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
        />
      )}
    </div>
  );
}

function PartyForm({ projectId, party, onClose, onSaved }: { projectId: string; party: Party | null; onClose: () => void; onSaved: () => void }) {
  const t = useMessages(partyMessages);
  const [form] = Form.useForm<{ role: PartyRole; name: string; creditCode: string }>();
  const errors = useFormErrors(form);
  const [{ fetching }, save] = useMutation(SAVE);
  const submit = async (v: { role: PartyRole; name: string; creditCode: string }) => {
    const r = await save({ projectId, input: { id: party?.id ?? null, version: party?.version ?? null, role: v.role, name: v.name, creditCode: v.creditCode } });
    if (errors.show(r.error)) return;
    onSaved();
  };
  return (
    <Modal open title={party ? t('edit') : t('add')} onCancel={onClose} footer={null} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={party ?? { role: 'CONTRACTOR' }} onFinish={(v) => void submit(v)}>
        <Form.Item name="role" label={t('role')} rules={[{ required: true, message: t('required') }]}>
          <Select options={ROLES.map((r) => ({ value: r, label: t(r) }))} data-testid="party-role" />
        </Form.Item>
        <Form.Item name="name" label={t('name')} rules={[{ required: true, whitespace: true, message: t('required') }]}>
          <Input maxLength={128} data-testid="party-name" />
        </Form.Item>
        <Form.Item name="creditCode" label={t('creditCode')} extra={t('creditCodeHint')} rules={[{ required: true, message: t('required') }]}>
          <Input maxLength={30} data-testid="party-credit-code" />
        </Form.Item>
        {errors.notice}
        <Space>
          <Button type="primary" htmlType="submit" loading={fetching} data-testid="party-save">{t('save')}</Button>
          <Button onClick={onClose}>{t('cancel')}</Button>
        </Space>
      </Form>
    </Modal>
  );
}
