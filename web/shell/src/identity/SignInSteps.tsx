import { Button, Form, Input, Typography } from 'antd';
import { useMutation } from 'urql';
import { useFormErrors, useMessages } from '@kpd/web-kit';
import { identityMessages } from './messages';
import { CHANGE_PASSWORD_STEP, VERIFY_SIGN_IN_CODE } from './queries';
import { TotpEnrol } from './TotpEnrol';

/**
 * The steps of a sign-in after the password, one card each: the authenticator's code (or a recovery
 * code), a new password for a temporary or expired one, the enrolment an admin must do. `onStep`
 * gets the step that follows (DONE: signed in; null: ask the server).
 */
export function SignInStepView({ step, onStep, onCancel }: { step: string; onStep: (next: string | null) => void; onCancel: () => void }) {
  const t = useMessages(identityMessages);
  return (
    <div data-testid={`sign-in-step-${step}`}>
      {step === 'TOTP' && <TotpStep onStep={onStep} />}
      {step === 'CHANGE_PASSWORD' && <PasswordStep onStep={onStep} />}
      {step === 'ENROL_TOTP' && <TotpEnrol required onDone={onStep} />}
      <Button type="link" onClick={onCancel} style={{ paddingLeft: 0, marginTop: 8 }} data-testid="sign-in-restart">
        {t('useOtherAccount')}
      </Button>
    </div>
  );
}

function TotpStep({ onStep }: { onStep: (next: string | null) => void }) {
  const t = useMessages(identityMessages);
  const [form] = Form.useForm<{ code: string }>();
  const errors = useFormErrors(form);
  const [{ fetching }, verify] = useMutation(VERIFY_SIGN_IN_CODE);
  const submit = async ({ code }: { code: string }) => {
    errors.clear();
    const res = await verify({ code: code.trim() });
    if (errors.show(res.error)) return;
    onStep(res.data!.verifySignInCode);
  };
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('totpTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('totpHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="code" label={t('code')} rules={[{ required: true, message: t('codeRule') }]}>
          <Input id="totp-code" autoFocus inputMode="numeric" autoComplete="one-time-code" maxLength={11} />
        </Form.Item>
        {errors.notice}
        <Button type="primary" htmlType="submit" block loading={fetching} data-testid="totp-verify">
          {t('verify')}
        </Button>
      </Form>
    </>
  );
}

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

function PasswordStep({ onStep }: { onStep: (next: string | null) => void }) {
  const t = useMessages(identityMessages);
  const [form] = Form.useForm<PasswordValues>();
  const errors = useFormErrors(form);
  const [{ fetching }, change] = useMutation(CHANGE_PASSWORD_STEP);
  const submit = async ({ currentPassword, newPassword }: PasswordValues) => {
    errors.clear();
    const res = await change({ currentPassword, newPassword });
    if (errors.show(res.error)) return;
    // The server says what follows (an admin may still have to enrol an authenticator).
    onStep(null);
  };
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('changeTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('changeHint')}</Typography.Paragraph>
      {/* The policy is the server's (configurable): its reason shows under the field. */}
      <Form<PasswordValues> form={form} layout="vertical" onFinish={submit} requiredMark={false} data-testid="forced-password-form">
        <Form.Item name="currentPassword" label={t('currentPassword')} rules={[{ required: true, message: t('passwordRule') }]}>
          <Input.Password id="step-current-password" autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label={t('newPassword')} rules={[{ required: true, message: t('passwordRule') }]}>
          <Input.Password id="step-new-password" autoComplete="new-password" />
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
          <Input.Password id="step-confirm-password" autoComplete="new-password" />
        </Form.Item>
        {errors.notice}
        <Button type="primary" htmlType="submit" block loading={fetching} data-testid="step-change-password">
          {t('changeAndContinue')}
        </Button>
      </Form>
    </>
  );
}
