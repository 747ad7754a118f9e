import { useState } from 'react';
import { Alert, App as AntApp, Button, Checkbox, Form, Input, InputNumber, Modal, Popconfirm, Tag, Typography } from 'antd';
import { useMutation, useQuery } from 'urql';
import { chineseMessage, formatDateTime, PagedTable, QueryState, readableError, useFormErrors, useLocale, useMessages } from '@kpd/web-kit';
import type { AdminApiTokensQuery, TokenScope } from '../gql/graphql';
import { adminMessages } from './messages';
import { AreaPicker } from './parts';
import { API_TOKENS, CREATE_API_TOKEN, REVOKE_API_TOKEN } from './queries';

type TokenRow = AdminApiTokensQuery['apiTokens'][number];

/** Every scope a token may hold, in the order the form lists them. */
const SCOPES: TokenScope[] = ['READ_PROJECTS', 'READ_FIGURES', 'READ_LIVELIHOOD', 'READ_SERVICES', 'READ_CONTACTS'];
const scopeLabel = (s: TokenScope) => `scope${s}` as const;

function tokenState(tok: TokenRow): 'revoked' | 'expired' | 'valid' {
  if (tok.revokedAt) return 'revoked';
  if (tok.expiresAt && new Date(tok.expiresAt).getTime() <= Date.now()) return 'expired';
  return 'valid';
}

/**
 * API 令牌: an admin's, every token reading inside the admin's area; an analyst's, its own (contacts
 * are not an analyst's to grant). A new one is shown once; revoke at once.
 */
export function Tokens({ mayGrantContacts = true }: { mayGrantContacts?: boolean }) {
  const t = useMessages(adminMessages);
  const locale = useLocale();
  const { message } = AntApp.useApp();
  const [{ data, fetching, error }, refetch] = useQuery({ query: API_TOKENS });
  const [, revoke] = useMutation(REVOKE_API_TOKEN);
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<{ name: string; token: string } | null>(null);

  const doRevoke = async (tok: TokenRow) => {
    const res = await revoke({ id: tok.id });
    if (res.error) message.error(locale === 'zh' ? chineseMessage(readableError(res.error)) : readableError(res.error).message);
    else {
      message.success(`${t('revoked')}：${tok.name ?? tok.id}`);
      refetch({ requestPolicy: 'network-only' });
    }
  };

  return (
    <>
      <Typography.Paragraph type="secondary">{t('tokenHint')}</Typography.Paragraph>
      <Button type="primary" onClick={() => setCreating(true)} style={{ marginBottom: 12 }} data-testid="new-token">
        {t('newToken')}
      </Button>
      <QueryState fetching={fetching} error={error} data={data} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
        {(d) => (
          <PagedTable<TokenRow>
            testId="token-table"
            rowKey="id"
            rows={[...d.apiTokens].sort((a, b) => b.createdAt.localeCompare(a.createdAt))}
            scroll={{ x: 1100 }}
            columns={[
              { title: t('tokenName'), dataIndex: 'name', render: (v: string | null) => v ?? '—' },
              {
                title: t('tokenScopes'),
                key: 'scopes',
                render: (_: unknown, tok) => tok.scopes.map((s) => <Tag key={s}>{t(scopeLabel(s))}</Tag>),
              },
              { title: t('tokenArea'), key: 'area', render: (_: unknown, tok) => tok.area.name },
              { title: t('tokenCreator'), key: 'creator', render: (_: unknown, tok) => tok.createdBy?.displayName ?? '—' },
              {
                title: t('status'),
                key: 'state',
                render: (_: unknown, tok) => {
                  const s = tokenState(tok);
                  return <Tag color={s === 'valid' ? 'green' : s === 'revoked' ? 'red' : undefined}>{t(s)}</Tag>;
                },
              },
              { title: t('createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
              { title: t('expiresAt'), dataIndex: 'expiresAt', render: (v: string | null) => (v ? formatDateTime(v) : '—') },
              { title: t('lastUsedAt'), dataIndex: 'lastUsedAt', render: (v: string | null) => (v ? formatDateTime(v) : t('never')) },
              { title: t('tokenLastIp'), dataIndex: 'lastIp', render: (v: string | null) => v ?? '—' },
              {
                title: t('actions'),
                key: 'actions',
                render: (_: unknown, tok) =>
                  tokenState(tok) === 'valid' ? (
                    <Popconfirm title={t('revokeConfirm')} onConfirm={() => doRevoke(tok)} okText={t('revoke')} cancelText={t('cancel')} okButtonProps={{ danger: true }}>
                      <Button size="small" danger data-testid={`revoke-token-${tok.id}`}>
                        {t('revoke')}
                      </Button>
                    </Popconfirm>
                  ) : null,
              },
            ]}
          />
        )}
      </QueryState>
      {creating && (
        <NewToken
          mayGrantContacts={mayGrantContacts}
          onClose={(created) => {
            setCreating(false);
            if (created) {
              setSecret(created);
              refetch({ requestPolicy: 'network-only' });
            }
          }}
        />
      )}
      <Modal
        open={secret !== null}
        title={t('tokenCreated')}
        closable={false}
        maskClosable={false}
        footer={
          <Button type="primary" onClick={() => setSecret(null)} data-testid="token-saved">
            {t('tokenDone')}
          </Button>
        }
      >
        {secret && (
          <>
            <Typography.Paragraph strong>{secret.name}</Typography.Paragraph>
            <Alert type="warning" showIcon title={t('tokenOnce')} style={{ marginBottom: 12 }} />
            <Typography.Paragraph code copyable={{ text: secret.token, tooltips: [t('tokenCopy'), '✓'] }} style={{ wordBreak: 'break-all' }} data-testid="token-secret">
              {secret.token}
            </Typography.Paragraph>
          </>
        )}
      </Modal>
    </>
  );
}

interface NewTokenValues {
  name: string;
  scopes: TokenScope[];
  areaId?: string | null;
  expiresInDays: number;
}

function NewToken({ onClose, mayGrantContacts }: { onClose: (created: { name: string; token: string } | null) => void; mayGrantContacts: boolean }) {
  const t = useMessages(adminMessages);
  const [form] = Form.useForm<NewTokenValues>();
  const errors = useFormErrors(form);
  const [{ fetching }, create] = useMutation(CREATE_API_TOKEN);
  const submit = async (values: NewTokenValues) => {
    errors.clear();
    const res = await create({ input: { name: values.name.trim(), scopes: values.scopes, expiresInDays: values.expiresInDays, areaId: values.areaId || undefined } });
    if (errors.show(res.error)) return;
    onClose({ name: res.data!.createApiToken.apiToken.name ?? values.name, token: res.data!.createApiToken.token });
  };
  return (
    <Modal open title={t('newToken')} onCancel={() => onClose(null)} okText={t('create')} cancelText={t('cancel')} onOk={() => form.submit()} confirmLoading={fetching} destroyOnHidden>
      <Form<NewTokenValues> form={form} layout="vertical" onFinish={submit} requiredMark={false} initialValues={{ expiresInDays: 365, scopes: ['READ_FIGURES'] }}>
        <Form.Item name="name" label={t('tokenName')} rules={[{ required: true, whitespace: true, max: 100, message: t('tokenNameRule') }]}>
          <Input placeholder="统计局季度分析" />
        </Form.Item>
        <Form.Item name="scopes" label={t('tokenScopes')} rules={[{ required: true, type: 'array', min: 1, message: t('tokenScopesRule') }]}>
          <Checkbox.Group data-testid="new-token-scopes" style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
            {SCOPES.filter((s) => mayGrantContacts || s !== 'READ_CONTACTS').map((s) => (
              <Checkbox key={s} value={s}>
                {t(scopeLabel(s))}
              </Checkbox>
            ))}
          </Checkbox.Group>
        </Form.Item>
        <Form.Item name="areaId" label={t('tokenArea')} extra={t('tokenAreaHint')}>
          <AreaPicker allowClear testId="new-token-area" />
        </Form.Item>
        <Form.Item name="expiresInDays" label={t('expiresInDays')} rules={[{ required: true, type: 'integer', min: 1, max: 730, message: t('expiresRule') }]}>
          <InputNumber min={1} max={730} precision={0} suffix={t('days')} style={{ width: 160 }} />
        </Form.Item>
        {errors.notice}
      </Form>
    </Modal>
  );
}

