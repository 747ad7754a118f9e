import { useState } from 'react';
import { App as AntApp, Button, Form, Input, Modal, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useMutation, useQuery } from 'urql';
import { isValidUsername } from '@kpd/domain';
import { chineseMessage, CursorTable, formatDateTime, readableError, useCursorPages, useFormErrors, useLocale, useMessages } from '@kpd/web-kit';
import type { AdminUsersQuery, Role } from '../gql/graphql';
import { adminMessages, ROLES } from './messages';
import { AreaPicker, passwordRules } from './parts';
import { CREATE_USER, RESET_USER_PASSWORD, RESET_USER_TWO_FACTOR, UPDATE_USER_ACCESS, USERS } from './queries';

type UserRow = AdminUsersQuery['users']['nodes'][number];

const isLocked = (u: UserRow) => Boolean(u.lockedUntil && new Date(u.lockedUntil).getTime() > Date.now());

/** 用户: the accounts of the admin's scope; create one, disable or enable it, lift a sign-in lock. */
export function Users({ viewerId }: { viewerId: string }) {
  const t = useMessages(adminMessages);
  const locale = useLocale();
  const { message } = AntApp.useApp();
  const [role, setRole] = useState<Role | null>(null);
  const [areaId, setAreaId] = useState<string | null>(null);
  const pages = useCursorPages({ role, areaId });
  const [{ data, fetching, error }, refetch] = useQuery({ query: USERS, variables: { first: pages.first, after: pages.after, role, areaId } });
  const [, updateAccess] = useMutation(UPDATE_USER_ACCESS);
  const [, resetTwoFactor] = useMutation(RESET_USER_TWO_FACTOR);
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<UserRow | null>(null);

  const access = async (u: UserRow, change: { active?: boolean; unlock?: boolean }, done: string) => {
    const res = await updateAccess({ id: u.id, ...change });
    if (res.error) message.error(locale === 'zh' ? chineseMessage(readableError(res.error)) : readableError(res.error).message);
    else {
      message.success(done);
      refetch({ requestPolicy: 'network-only' });
    }
  };

  const clearTwoFactor = async (u: UserRow) => {
    const res = await resetTwoFactor({ id: u.id });
    if (res.error) message.error(locale === 'zh' ? chineseMessage(readableError(res.error)) : readableError(res.error).message);
    else {
      message.success(t('resetTwoFactorDone', { name: u.displayName }));
      refetch({ requestPolicy: 'network-only' });
    }
  };

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select<Role | 'all'>
          value={role ?? 'all'}
          onChange={(v) => setRole(v === 'all' ? null : v)}
          style={{ width: 160 }}
          data-testid="user-role-filter"
          options={[{ value: 'all', label: t('allRoles') }, ...ROLES.map((r) => ({ value: r, label: t(`role${r}`) }))]}
        />
        <AreaPicker value={areaId} onChange={setAreaId} placeholder={t('allAreas')} allowClear testId="user-area-filter" />
        <Button type="primary" onClick={() => setCreating(true)} data-testid="new-user">
          {t('newUser')}
        </Button>
      </Space>
      <CursorTable<UserRow>
        testId="user-table"
        rowKey="id"
        connection={data?.users}
        pages={pages}
        fetching={fetching}
        error={error}
        onRetry={() => refetch({ requestPolicy: 'network-only' })}
        scroll={{ x: 900 }}
        columns={[
          { title: t('username'), dataIndex: 'username', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
          { title: t('displayName'), dataIndex: 'displayName' },
          { title: t('role'), dataIndex: 'role', render: (r: Role) => t(`role${r}`) },
          { title: t('area'), render: (_: unknown, u) => u.area.name },
          {
            title: t('status'),
            key: 'status',
            render: (_: unknown, u) => (
              <Space size={4} wrap data-testid={`user-status-${u.username}`}>
                {u.active ? <Tag color="green">{t('active')}</Tag> : <Tag>{t('disabled')}</Tag>}
                {isLocked(u) && <Tag color="red">{t('lockedUntil', { at: formatDateTime(u.lockedUntil) })}</Tag>}
                {u.mustChangePassword && <Tag color="orange">{t('mustChange')}</Tag>}
                {u.totpEnabledAt && <Tag color="blue">{t('twoFactorTag')}</Tag>}
              </Space>
            ),
          },
          { title: t('createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v), width: 150 },
          {
            title: t('actions'),
            key: 'actions',
            width: 300,
            render: (_: unknown, u) => (
              <Space size={4} wrap>
                {u.id !== viewerId && (
                  <Button size="small" onClick={() => setResetting(u)} data-testid={`reset-password-${u.username}`}>
                    {t('resetPassword')}
                  </Button>
                )}
                {u.id !== viewerId && u.totpEnabledAt && (
                  <Popconfirm title={t('resetTwoFactorConfirm', { name: u.displayName })} onConfirm={() => clearTwoFactor(u)} okText={t('resetTwoFactor')} cancelText={t('cancel')}>
                    <Button size="small" data-testid={`reset-two-factor-${u.username}`}>
                      {t('resetTwoFactor')}
                    </Button>
                  </Popconfirm>
                )}
                {isLocked(u) && (
                  <Button size="small" onClick={() => access(u, { unlock: true }, t('unlocked', { name: u.displayName }))} data-testid={`unlock-${u.username}`}>
                    {t('unlock')}
                  </Button>
                )}
                {u.active ? (
                  u.id !== viewerId && (
                    <Popconfirm title={t('disableConfirm', { name: u.displayName })} onConfirm={() => access(u, { active: false }, t('disabledDone', { name: u.displayName }))} okText={t('disable')} cancelText={t('cancel')}>
                      <Button size="small" danger data-testid={`disable-${u.username}`}>
                        {t('disable')}
                      </Button>
                    </Popconfirm>
                  )
                ) : (
                  <Button size="small" onClick={() => access(u, { active: true }, t('enabled', { name: u.displayName }))} data-testid={`enable-${u.username}`}>
                    {t('enable')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {resetting && (
        <ResetPassword
          user={resetting}
          onClose={(done) => {
            setResetting(null);
            if (done) {
              message.success(t('resetDone', { name: resetting.displayName }));
              refetch({ requestPolicy: 'network-only' });
            }
          }}
        />
      )}
      {creating && (
        <NewUser
          onClose={(created) => {
            setCreating(false);
            if (created) {
              message.success(t('created', { name: created }));
              refetch({ requestPolicy: 'network-only' });
            }
          }}
        />
      )}
    </>
  );
}

/** 重置密码: a temporary password for an account of the admin's scope; its sessions end and its next sign-in changes it. */
function ResetPassword({ user, onClose }: { user: UserRow; onClose: (done: boolean) => void }) {
  const t = useMessages(adminMessages);
  const [form] = Form.useForm<{ password: string; confirm: string }>();
  const errors = useFormErrors(form);
  const [{ fetching }, reset] = useMutation(RESET_USER_PASSWORD);
  const submit = async ({ password }: { password: string }) => {
    errors.clear();
    const res = await reset({ id: user.id, password });
    if (errors.show(res.error)) return;
    onClose(true);
  };
  return (
    <Modal open title={t('resetPasswordTitle', { name: user.displayName })} onCancel={() => onClose(false)} okText={t('resetPassword')} cancelText={t('cancel')} onOk={() => form.submit()} confirmLoading={fetching} destroyOnHidden data-testid="reset-password-dialog">
      <Typography.Paragraph type="secondary">{t('resetPasswordHint')}</Typography.Paragraph>
      <Form<{ password: string; confirm: string }> form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="password" label={t('temporaryPassword')} rules={passwordRules(t)} extra={t('passwordHint')}>
          <Input.Password id="reset-password" autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('confirmPassword')}
          dependencies={['password']}
          rules={[
            { required: true, message: t('passwordRule') },
            ({ getFieldValue }) => ({ validator: (_r, v) => (!v || v === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error(t('passwordMismatch')))) }),
          ]}
        >
          <Input.Password id="reset-password-confirm" autoComplete="new-password" />
        </Form.Item>
        {errors.notice}
      </Form>
    </Modal>
  );
}

interface NewUserValues {
  username: string;
  displayName: string;
  role: Role;
  areaId: string;
  password: string;
  confirm: string;
}

function NewUser({ onClose }: { onClose: (created: string | null) => void }) {
  const t = useMessages(adminMessages);
  const [form] = Form.useForm<NewUserValues>();
  const errors = useFormErrors(form);
  const [{ fetching }, create] = useMutation(CREATE_USER);
  const submit = async ({ confirm: _confirm, ...input }: NewUserValues) => {
    errors.clear();
    const res = await create({ input: { ...input, username: input.username.trim(), displayName: input.displayName.trim() } });
    if (res.error) {
      // A taken username is a conflict, not a refused input: it still belongs under the username.
      if (readableError(res.error).code === 'CONFLICT') form.setFields([{ name: 'username', errors: [t('usernameTaken', { name: input.username.trim().toLowerCase() })] }]);
      else errors.show(res.error);
      return;
    }
    onClose(res.data!.createUser.username);
  };
  return (
    <Modal open title={t('newUser')} onCancel={() => onClose(null)} okText={t('create')} cancelText={t('cancel')} onOk={() => form.submit()} confirmLoading={fetching} destroyOnHidden data-testid="new-user-dialog">
      <Form<NewUserValues> form={form} layout="vertical" onFinish={submit} requiredMark={false} initialValues={{ role: 'ADMIN' }}>
        <Form.Item
          name="username"
          label={t('username')}
          rules={[
            { required: true, message: t('usernameLength') },
            { validator: (_r, v: string | undefined) => (!v || isValidUsername(v) ? Promise.resolve() : Promise.reject(new Error(v.trim().length < 3 || v.trim().length > 64 ? t('usernameLength') : t('usernameRule')))) },
          ]}
        >
          <Input autoComplete="off" placeholder="admin.sujiatun" />
        </Form.Item>
        <Form.Item name="displayName" label={t('displayName')} rules={[{ required: true, whitespace: true, max: 64, message: t('displayNameRule') }]}>
          <Input />
        </Form.Item>
        <Form.Item name="role" label={t('role')} rules={[{ required: true, message: t('roleRule') }]}>
          <Select options={ROLES.map((r) => ({ value: r, label: t(`role${r}`) }))} data-testid="new-user-role" />
        </Form.Item>
        <Form.Item name="areaId" label={t('area')} rules={[{ required: true, message: t('areaRule') }]}>
          <AreaPicker testId="new-user-area" />
        </Form.Item>
        <Form.Item name="password" label={t('password')} rules={passwordRules(t)} extra={`${t('passwordHint')} ${t('temporaryHint')}`}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('confirmPassword')}
          dependencies={['password']}
          rules={[
            { required: true, message: t('passwordRule') },
            ({ getFieldValue }) => ({ validator: (_r, v) => (!v || v === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error(t('passwordMismatch')))) }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {errors.notice}
      </Form>
    </Modal>
  );
}
