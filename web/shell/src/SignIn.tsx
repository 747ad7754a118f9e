import { useState } from 'react';
import { Button, Card, Form, Input, Typography } from 'antd';
import { useMutation } from 'urql';
import { ErrorNotice, useMessages } from '@kpd/web-kit';
import { graphql } from './gql';
import { messages } from './messages';

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
  const [error, setError] = useState<unknown>(null);
  const submit = async (values: { username: string; password: string }) => {
    setError(null);
    const res = await login(values);
    if (res.error) setError(res.error);
    else onSignedIn();
  };
  return (
    <div style={{ minHeight: '100%', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f3f4f6', padding: 16 }}>
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
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
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
    </div>
  );
}
