/**
 * 审计日志: the changes made in the admin's scope, newest first — who (for a sign-in, whose), the
 * action and the record in Chinese, and what changed (old → new) — filtered by who, action, record
 * kind and days, paged like every list of the admin. 安全事件 narrows it to the security events (failed
 * sign-ins, lockouts, two-factor and password changes, API tokens, revoked sessions) with their kind.
 */
import { useMemo, useState } from 'react';
import { Button, Input, Segmented, Select, Space, Tag, Typography } from 'antd';
import { SECURITY_ACTIONS, securityEventKind } from '@kpd/domain';
import { useQuery } from 'urql';
import { CursorTable, DateInput, formatDateTime, useCursorPages } from '@kpd/web-kit';
import { graphql } from '../gql';
import type { AuditLogQuery } from '../gql/graphql';
import { ACTION_LABELS, actionLabel, differences, ENTITY_LABELS, entityLabel, SECURITY_KIND_LABELS } from './labels';

const AUDIT = graphql(`
  query AuditLog($first: Int, $after: String, $actor: String, $action: String, $entityType: String, $from: DateTimeISO, $to: DateTimeISO, $securityEvents: Boolean) {
    auditLog(first: $first, after: $after, actor: $actor, action: $action, entityType: $entityType, from: $from, to: $to, securityEvents: $securityEvents) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id at action actorUsername entityType entityId before after }
    }
  }
`);

type AuditRow = AuditLogQuery['auditLog']['nodes'][number];

/** Who did it: the signed-in user, else (a sign-in) the account named in the record, else the system. */
function operatorOf(r: AuditRow): string {
  if (r.actorUsername) return r.actorUsername === 'system' ? '系统' : r.actorUsername;
  try {
    const after = r.after ? (JSON.parse(r.after) as { username?: unknown }) : null;
    if (after && typeof after.username === 'string') return after.username;
  } catch {
    /* not JSON: no name in it */
  }
  return '系统';
}

/** A China day as the instant it starts (the database keeps UTC). */
const startOfDay = (day: string) => new Date(`${day}T00:00:00+08:00`).toISOString();
const endOfDay = (day: string) => new Date(new Date(`${day}T00:00:00+08:00`).getTime() + 86_400_000 - 1).toISOString();

function Change({ row }: { row: AuditRow }) {
  const diff = differences(row.before, row.after).filter((d) => !(row.action.startsWith('auth.') && d.field === '用户名'));
  if (!diff.length) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <ul style={{ margin: 0, paddingLeft: 16 }} data-testid="audit-change">
      {diff.slice(0, 6).map((d) => (
        <li key={d.field}>
          {d.field}：{d.from ? `${d.from} → ` : ''}
          {d.to}
        </li>
      ))}
      {diff.length > 6 && <li>……（共 {diff.length} 项）</li>}
    </ul>
  );
}

/** The security kind of a row, as a tag (only security events have one). */
function KindTag({ action }: { action: string }) {
  const kind = securityEventKind(action);
  if (!kind) return null;
  const danger = kind === 'SIGN_IN_FAILURE' || kind === 'LOCKOUT';
  return (
    <Tag color={danger ? 'red' : 'blue'} data-testid="audit-kind">
      {SECURITY_KIND_LABELS[kind]}
    </Tag>
  );
}

export function AuditLog() {
  const [security, setSecurity] = useState(false);
  const [actor, setActor] = useState('');
  const [action, setAction] = useState<string | null>(null);
  const [entityType, setEntityType] = useState<string | null>(null);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const filter = useMemo(
    () => ({ actor: actor.trim() || null, action, entityType, from: from ? startOfDay(from) : null, to: to ? endOfDay(to) : null, securityEvents: security || null }),
    [actor, action, entityType, from, to, security],
  );
  const pages = useCursorPages(filter);
  const [{ data, fetching, error }, refetch] = useQuery({ query: AUDIT, variables: { ...filter, first: pages.first, after: pages.after } });
  return (
    <>
      <Typography.Title level={3}>审计日志</Typography.Title>
      <Segmented
        style={{ marginBottom: 12 }}
        value={security ? 'security' : 'all'}
        onChange={(v) => {
          setSecurity(v === 'security');
          if (v === 'security' && action && !SECURITY_ACTIONS.includes(action)) setAction(null);
        }}
        options={[
          { value: 'all', label: '全部记录' },
          { value: 'security', label: '安全事件' },
        ]}
        data-testid="audit-view"
      />
      {security && (
        <Typography.Paragraph type="secondary" data-testid="audit-security-note">
          登录失败、账号锁定、双因素认证的绑定与重置、密码修改与重置、账号启用停用、API令牌的新建与吊销、登录会话的注销。
        </Typography.Paragraph>
      )}
      <Space wrap style={{ marginBottom: 12 }} data-testid="audit-filters">
        <Input.Search allowClear placeholder="操作人用户名" style={{ width: 180 }} onSearch={setActor} data-testid="audit-actor" />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="全部操作"
          style={{ width: 200 }}
          value={action ?? undefined}
          onChange={(v) => setAction(v ?? null)}
          options={Object.entries(ACTION_LABELS)
            .filter(([value]) => !security || SECURITY_ACTIONS.includes(value))
            .map(([value, label]) => ({ value, label }))}
          data-testid="audit-action"
        />
        <Select
          allowClear
          placeholder="全部对象"
          style={{ width: 160 }}
          value={entityType ?? undefined}
          onChange={(v) => setEntityType(v ?? null)}
          options={Object.entries(ENTITY_LABELS).map(([value, label]) => ({ value, label }))}
          data-testid="audit-entity"
        />
        <DateInput value={from} onChange={setFrom} max={to ?? undefined} allowClear placeholder="开始日期" testId="audit-from" />
        <DateInput value={to} onChange={setTo} min={from ?? undefined} allowClear placeholder="结束日期" testId="audit-to" />
        <Button
          onClick={() => {
            setActor('');
            setAction(null);
            setEntityType(null);
            setFrom(null);
            setTo(null);
          }}
        >
          清除筛选
        </Button>
      </Space>
      <CursorTable<AuditRow>
        testId="audit-table"
        rowKey="id"
        connection={data?.auditLog}
        pages={pages}
        fetching={fetching}
        error={error}
        onRetry={() => refetch({ requestPolicy: 'network-only' })}
        scroll={{ x: 900 }}
        columns={[
          { title: '时间', dataIndex: 'at', render: (v: string) => formatDateTime(v), width: 150 },
          { title: '操作人', key: 'who', width: 140, render: (_: unknown, r) => <span data-testid="audit-who">{operatorOf(r)}</span> },
          {
            title: '操作',
            key: 'action',
            width: 190,
            render: (_: unknown, r) => (
              <>
                <KindTag action={r.action} />
                <span title={r.action} data-testid="audit-action-label">
                  {actionLabel(r.action)}
                </span>
              </>
            ),
          },
          { title: '对象', key: 'entity', width: 160, render: (_: unknown, r) => `${entityLabel(r.entityType)}${r.entityId ? ` #${r.entityId}` : ''}` },
          { title: '变更', key: 'change', render: (_: unknown, r) => <Change row={r} /> },
        ]}
      />
    </>
  );
}
