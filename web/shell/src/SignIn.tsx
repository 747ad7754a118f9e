import { useState } from 'react';
import { Button, Card, Form, Input, List, Tag, Typography } from 'antd';
import { useMutation, useQuery } from 'urql';
import { ErrorNotice, useMessages } from '@kpd/web-kit';
import { graphql } from './gql';
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
      user { id }
    }
  }
`);

export function SignIn({ onSignedIn, onToggleLocale }: { onSignedIn: () => void; onToggleLocale: () => void }) {
  const t = useMessages(messages);
  const [result, login] = useMutation(LOGIN);
  const [demo] = useQuery({ query: DEMO_ACCOUNTS });
  const [form] = Form.useForm<{ username: string; password: string }>();
  const [error, setError] = useState<unknown>(null);
  const accounts = demo.data?.demoAccounts ?? [];
  const submit = async (values: { username: string; password: string }) => {
    setError(null);
    const res = await login(values);
    if (res.error) setError(res.error);
    else onSignedIn();
  };
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
