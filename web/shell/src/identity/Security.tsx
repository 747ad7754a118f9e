import { useState } from 'react';
import { App as AntApp, Button, Card, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery } from 'urql';
import { ErrorNotice, formatDateTime, Loading, useMessages } from '@kpd/web-kit';
import { identityMessages } from './messages';
import { MY_SESSIONS, MY_TWO_FACTOR, REVOKE_SESSION } from './queries';
import { TotpEnrol } from './TotpEnrol';

/** The account page's two-factor card: on or off, and the enrolment for who has none. */
export function TwoFactorCard() {
  const t = useMessages(identityMessages);
  const [{ data, error, fetching }, refetch] = useQuery({ query: MY_TWO_FACTOR, requestPolicy: 'network-only' });
  const [enrolling, setEnrolling] = useState(false);
  const status = data?.myTwoFactor;
  return (
    <Card title={t('twoFactor')} style={{ marginTop: 24, maxWidth: 640 }} data-testid="two-factor">
      {error && <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />}
      {fetching && !status && <Loading />}
      {status && !enrolling && (
        <Space direction="vertical">
          <Space wrap>
            {status.enabled ? <Tag color="green">{t('twoFactorOn', { at: formatDateTime(status.enabledAt) })}</Tag> : <Tag>{t('twoFactorOff')}</Tag>}
            {status.required && <Typography.Text type="secondary">{t('twoFactorRequired')}</Typography.Text>}
            {status.enabled && <Typography.Text type="secondary">{t('recoveryLeft', { n: status.recoveryCodesLeft })}</Typography.Text>}
          </Space>
          {!status.enabled && (
            <Button type="primary" onClick={() => setEnrolling(true)} data-testid="two-factor-enrol">
              {t('enrol')}
            </Button>
          )}
        </Space>
      )}
      {enrolling && (
        <>
          <TotpEnrol
            onDone={() => {
              setEnrolling(false);
              refetch({ requestPolicy: 'network-only' });
            }}
          />
          <Button type="link" onClick={() => setEnrolling(false)} style={{ paddingLeft: 0 }}>
            {t('cancel')}
          </Button>
        </>
      )}
    </Card>
  );
}

/** 登录会话: the account's live sessions, each revocable at once. */
export function SessionsCard() {
  const t = useMessages(identityMessages);
  const { message } = AntApp.useApp();
  const [{ data, error, fetching }, refetch] = useQuery({ query: MY_SESSIONS, requestPolicy: 'network-only' });
  const [{ fetching: revoking }, revoke] = useMutation(REVOKE_SESSION);
  const [failure, setFailure] = useState<unknown>(null);
  const rows = data?.mySessions ?? [];
  return (
    <Card title={t('sessions')} style={{ marginTop: 24 }} data-testid="sessions">
      <Typography.Paragraph type="secondary">{t('sessionsHint')}</Typography.Paragraph>
      {error || failure ? <ErrorNotice error={error ?? failure} onRetry={() => refetch({ requestPolicy: 'network-only' })} /> : null}
      <Table
        rowKey="id"
        size="small"
        loading={fetching}
        dataSource={rows}
        pagination={false}
        scroll={{ x: true }}
        locale={{ emptyText: t('noSessions') }}
        columns={[
          {
            title: t('device'),
            key: 'device',
            render: (_v, s) => (
              <Space direction="vertical" size={0}>
                <Typography.Text style={{ maxWidth: 360 }} ellipsis={{ tooltip: s.userAgent }}>
                  {s.userAgent ?? '—'}
                </Typography.Text>
                {s.current && <Tag color="blue">{t('thisSession')}</Tag>}
              </Space>
            ),
          },
          { title: t('signedInFrom'), key: 'ip', render: (_v, s) => s.createdIp ?? '—' },
          { title: t('signedInAt'), key: 'created', render: (_v, s) => formatDateTime(s.createdAt) },
          { title: t('lastSeen'), key: 'last', render: (_v, s) => `${formatDateTime(s.lastUsedAt)}${s.lastIp && s.lastIp !== s.createdIp ? ` · ${s.lastIp}` : ''}` },
          { title: t('expires'), key: 'expires', render: (_v, s) => formatDateTime(s.expiresAt) },
          {
            title: '',
            key: 'revoke',
            render: (_v, s) =>
              s.current ? null : (
                <Popconfirm
                  title={t('revokeConfirm')}
                  onConfirm={async () => {
                    setFailure(null);
                    const res = await revoke({ id: s.id });
                    if (res.error) setFailure(res.error);
                    else {
                      void message.success(t('revoked'));
                      refetch({ requestPolicy: 'network-only' });
                    }
                  }}
                >
                  <Button size="small" danger loading={revoking} data-testid={`revoke-session-${s.id}`}>
                    {t('revoke')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
    </Card>
  );
}
