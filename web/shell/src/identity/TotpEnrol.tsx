import { useEffect, useState } from 'react';
import { Alert, Button, Form, Input, QRCode, Space, Typography } from 'antd';
import { useMutation } from 'urql';
import { ErrorNotice, useFormErrors, useMessages } from '@kpd/web-kit';
import { identityMessages } from './messages';
import { BEGIN_TOTP, CONFIRM_TOTP } from './queries';

/**
 * Enrols an authenticator: asks the API for a new secret, shows it as a QR code (antd's QRCode, drawn
 * in the browser: the secret goes to no other server) and as text, confirms it with a code from the
 * app, then shows the ten recovery codes once. `onDone` gets the sign-in step that follows.
 */
export function TotpEnrol({ onDone, required }: { onDone: (next: string) => void; required?: boolean }) {
  const t = useMessages(identityMessages);
  const [begun, begin] = useMutation(BEGIN_TOTP);
  const [confirmed, confirm] = useMutation(CONFIRM_TOTP);
  const [form] = Form.useForm<{ code: string }>();
  const errors = useFormErrors(form);
  const [recovery, setRecovery] = useState<{ codes: string[]; next: string } | null>(null);
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    void begin({});
  }, [begin]);
  const enrolment = begun.data?.beginTotpEnrolment;

  if (recovery) {
    return (
      <div data-testid="recovery-codes">
        <Typography.Title level={4}>{t('recoveryTitle')}</Typography.Title>
        <Alert type="warning" showIcon title={t('recoveryHint')} style={{ marginBottom: 12 }} />
        <ul style={{ columns: 2, fontFamily: 'monospace', fontSize: 16, paddingLeft: 20 }}>
          {recovery.codes.map((c) => (
            <li key={c} data-testid="recovery-code">
              {c}
            </li>
          ))}
        </ul>
        <Space>
          <Button
            onClick={() => {
              void navigator.clipboard?.writeText(recovery.codes.join('\n')).then(() => setCopied(true));
            }}
          >
            {copied ? t('copied') : t('copyAll')}
          </Button>
          <Button type="primary" onClick={() => onDone(recovery.next)} data-testid="recovery-saved">
            {t('recoverySaved')}
          </Button>
        </Space>
      </div>
    );
  }

  const submit = async ({ code }: { code: string }) => {
    errors.clear();
    const res = await confirm({ code: code.trim() });
    if (errors.show(res.error)) return;
    const done = res.data!.confirmTotpEnrolment;
    setRecovery({ codes: done.recoveryCodes, next: done.next });
  };

  return (
    <div data-testid="totp-enrol">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('enrolTitle')}
      </Typography.Title>
      {required && <Alert type="info" showIcon title={t('enrolRequired')} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph>{t('enrolSteps')}</Typography.Paragraph>
      {begun.error && <ErrorNotice error={begun.error} onRetry={() => void begin({})} />}
      {enrolment && (
        <Space align="start" wrap style={{ marginBottom: 12 }}>
          <QRCode value={enrolment.otpauthUri} size={180} data-testid="totp-qr" />
          <div>
            <Typography.Text type="secondary">{t('secret')}</Typography.Text>
            <Typography.Paragraph copyable={{ text: enrolment.secret }} style={{ fontFamily: 'monospace', wordBreak: 'break-all', maxWidth: 200 }} data-testid="totp-secret">
              {enrolment.secret.replace(/(.{4})/g, '$1 ').trim()}
            </Typography.Paragraph>
            <Typography.Text type="secondary">
              {enrolment.issuer} · {enrolment.account}
            </Typography.Text>
          </div>
        </Space>
      )}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="code" label={t('code')} extra={t('enrolCodeHint')} rules={[{ required: true, message: t('codeRule') }]}>
          <Input id="totp-enrol-code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} style={{ maxWidth: 180 }} />
        </Form.Item>
        {errors.notice}
        <Button type="primary" htmlType="submit" loading={confirmed.fetching} disabled={!enrolment} data-testid="totp-confirm">
          {t('confirm')}
        </Button>
      </Form>
    </div>
  );
}
