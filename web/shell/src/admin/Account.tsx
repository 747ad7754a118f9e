import { useState } from 'react';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useMutation } from 'urql';
import { useFormErrors, useMessages } from '@kpd/web-kit';
import { adminMessages } from './messages';
import { passwordRules } from './parts';
import { CHANGE_PASSWORD } from './queries';

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** 修改密码: any signed-in user changes its own password; its other sessions end. */
export function Account() {
  const t = useMessages(adminMessages);
  const [form] = Form.useForm<PasswordValues>();
  const errors = useFormErrors(form);
  const [{ fetching }, change] = useMutation(CHANGE_PASSWORD);
  const [done, setDone] = useState(false);
  const submit = async ({ currentPassword, newPassword }: PasswordValues) => {
    errors.clear();
    setDone(false);
    const res = await change({ currentPassword, newPassword });
    if (errors.show(res.error)) return;
    form.resetFields();
    setDone(true);
  };
  return (
    <div style={{ maxWidth: 420 }}>
      <Typography.Title level={3}>{t('account')}</Typography.Title>
      {done && <Alert type="success" showIcon title={t('passwordChanged')} style={{ marginBottom: 16 }} data-testid="password-changed" />}
      <Form<PasswordValues> form={form} layout="vertical" onFinish={submit} requiredMark={false} data-testid="password-form">
        <Form.Item name="currentPassword" label={t('currentPassword')} rules={[{ required: true, message: t('currentPasswordRule') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label={t('newPassword')} rules={passwordRules(t)} extra={t('passwordHint')}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('passwordRule') },
            ({ getFieldValue }) => ({ validator: (_r, v) => (!v || v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('passwordMismatch')))) }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {errors.notice}
        <Button type="primary" htmlType="submit" loading={fetching} data-testid="change-password">
          {t('changePassword')}
        </Button>
      </Form>
    </div>
  );
}
