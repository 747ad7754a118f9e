import { useEffect, useState } from 'react';
import { Button, Card, Form, Input, List, Tag, Typography } from 'antd';
import { useClient, useMutation, useQuery } from 'urql';
import { ErrorNotice, Loading, useMessages } from '@kpd/web-kit';
import { graphql } from './gql';
import { SIGN_IN_STEP } from './identity/queries';
import { SignInStepView } from './identity/SignInSteps';
import { messages } from './messages';

const DEMO_ACCOUNTS = graphql(`
  query DemoAccounts {
    demoAccounts { username displayName role area can password }
  }
`);

const LOGIN = graphql(`
  mutation Login($username: String!, $password: String!) {
    login(username: $username, password: $password) {
      expiresAt
      next
      user { id }
    }
  }
`);

const RESTART = graphql(`
  mutation SignInRestart { logout }
`);

export function SignIn({ onSignedIn, onToggleLocale }: { onSignedIn: () => void; onToggleLocale: () => void }) {
  const t = useMessages(messages);
  const [result, login] = useMutation(LOGIN);
  const [demo] = useQuery({ query: DEMO_ACCOUNTS });
  const [form] = Form.useForm<{ username: string; password: string }>();
  const [error, setError] = useState<unknown>(null);
  const client = useClient();
  const [, restart] = useMutation(RESTART);
  // A sign-in waiting at a step after the password (its code, a new password, enrolment); undefined: not known yet.
  const [step, setStep] = useState<string | null | undefined>(undefined);
  const accounts = demo.data?.demoAccounts ?? [];
  const askStep = async () => {
    const res = await client.query(SIGN_IN_STEP, {}, { requestPolicy: 'network-only' }).toPromise();
    return res.data?.signInStep ?? null;
  };
  useEffect(() => {
    // After a reload, a sign-in waiting at a step carries on there.
    void client
      .query(SIGN_IN_STEP, {}, { requestPolicy: 'network-only' })
      .toPromise()
      .then((res) => setStep(res.data?.signInStep ?? null));
  }, [client]);
  const onStep = async (next: string | null) => {
    const now = next ?? (await askStep());
    if (now === null || now === 'DONE') onSignedIn();
    else setStep(now);
  };
  const submit = async (values: { username: string; password: string }) => {
    setError(null);
    const res = await login(values);
    if (res.error) setError(res.error);
    else void onStep(res.data!.login.next);
  };
  if (step === undefined) return <Loading />;
  if (step !== null)
    return (
      <div style={{ minHeight: '100%', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f3f4f6', padding: 16 }}>
        <Card style={{ width: step === 'ENROL_TOTP' ? 520 : 380, maxWidth: '100%' }}>
          <SignInStepView
            step={step}
            onStep={(next) => void onStep(next)}
            onCancel={() => {
              void restart({}).then(() => setStep(null));
            }}
          />
        </Card>
      </div>
    );
  return (
    <div style={{ minHeight: '100%', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f3f4f6', padding: 16 }}>
      <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap', justifyContent: 'center', alignItems: 'flex-start' }}>
      <Card style={{ width: 380, maxWidth: '100%' }}>
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline' }}>
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            {t('title')}
          </Typography.Title>
          <Button type="link" size="small" onClick={onToggleLocale} data-testid="locale-switch">
            {t('language')}
          </Button>
        </div>
        <Typography.Paragraph type="secondary">{t('signInHint')}</Typography.Paragraph>
        {error ? (
          <div style={{ marginBottom: 16 }}>
            <ErrorNotice error={error} />
          </div>
        ) : null}
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="username" label={t('username')} rules={[{ required: true, message: t('usernameRequired') }]}>
            <Input autoComplete="username" autoFocus id="username" />
          </Form.Item>
          <Form.Item name="password" label={t('password')} rules={[{ required: true, message: t('passwordRequired') }]}>
            <Input.Password autoComplete="current-password" id="password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={result.fetching} data-testid="sign-in">
            {t('signIn')}
          </Button>
        </Form>
      </Card>
      {accounts.length > 0 && (
        // Only while the demo data is on: the API lists nothing otherwise (and never in production).
        <Card title={t('demoTitle')} style={{ width: 520, maxWidth: '100%' }} data-testid="demo-accounts">
          <Typography.Paragraph type="secondary">{t('demoHint', { password: accounts[0].password })}</Typography.Paragraph>
          <List
            size="small"
            dataSource={accounts}
            renderItem={(a) => (
              <List.Item
                style={{ cursor: 'pointer' }}
                title={t('demoUse')}
                data-testid={`demo-account-${a.username}`}
                onClick={() => {
                  form.setFieldsValue({ username: a.username, password: a.password });
                  form.submit();
                }}
              >
                <List.Item.Meta
                  title={
                    <>
                      <Typography.Text code>{a.username}</Typography.Text> <Tag>{t(`role${a.role}`)}</Tag> {a.area}
                    </>
                  }
                  description={a.can}
                />
              </List.Item>
            )}
          />
        </Card>
      )}
      </div>
    </div>
  );
}
