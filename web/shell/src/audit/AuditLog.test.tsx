/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor, within } from '@kpd/web-kit/testing';
import { Provider } from 'urql';
import { LocaleProvider } from '@kpd/web-kit';
import { fakeServer } from '@kpd/web-kit/testing';
import { AuditLog } from '.';

const row = (id: number, action: string, after: Record<string, unknown> | null, actorUsername: string | null = null, entityType = 'User') => ({
  id: String(id),
  at: '2020-10-15T02:00:00.000Z',
  action,
  actorUsername,
  entityType,
  entityId: String(id),
  before: null,
  after: after ? JSON.stringify(after) : null,
});

const everything = [
  row(5, 'project.update', { name: '苏家屯区万达广场' }, 'admin.sujiatun', 'Project'),
  row(4, 'auth.locked', { username: 'admin.fuxin', lockedUntil: '2020-10-15T02:15:00.000Z' }),
  row(3, 'auth.login_failed', { username: 'admin.fuxin' }),
  row(2, 'apiToken.create', { name: '大屏数据' }, 'admin.sujiatun', 'ApiToken'),
  row(1, 'auth.login', { username: 'admin.sujiatun' }, null, 'Session'),
];
const security = new Set(['auth.locked', 'auth.login_failed', 'apiToken.create']);

describe('审计日志 → 安全事件', () => {
  test('the security view asks for security events only, tags their kind and offers only their actions', async () => {
    const { client, calls } = fakeServer({
      AuditLog: (v) => {
        const nodes = everything.filter((r) => !v.securityEvents || security.has(r.action)).filter((r) => !v.action || r.action === v.action);
        return { data: { auditLog: { totalCount: nodes.length, pageInfo: { hasNextPage: false, endCursor: null }, nodes } } };
      },
    });
    render(
      <Provider value={client}>
        <LocaleProvider locale="zh">
          <AuditLog />
        </LocaleProvider>
      </Provider>,
    );
    await screen.findByText('修改项目');
    expect(calls[0].variables.securityEvents).toBeNull();
    // Both kinds of rows: a sign-in failure is tagged even in the whole trail.
    expect(screen.getAllByTestId('audit-kind').map((t) => t.textContent)).toEqual(['账号锁定', '登录失败', 'API令牌']);

    fireEvent.click(screen.getByText('安全事件'));
    await waitFor(() => expect(screen.queryByText('修改项目')).toBeNull());
    expect(calls.at(-1)!.variables).toMatchObject({ securityEvents: true });
    expect(screen.getByTestId('audit-security-note').textContent).toContain('登录失败');
    expect(screen.getAllByTestId('audit-action-label').map((t) => t.textContent)).toEqual(['账号锁定', '登录失败', '新建API令牌']);
    expect(screen.getAllByTestId('audit-who').map((t) => t.textContent)).toEqual(['admin.fuxin', 'admin.fuxin', 'admin.sujiatun']);
    expect(screen.queryByText('登录', { selector: '[data-testid=audit-action-label]' })).toBeNull();

    // The action filter offers the security actions, not the rest of the trail.
    fireEvent.mouseDown(within(screen.getByTestId('audit-filters')).getAllByRole('combobox')[0]);
    const revoke = await screen.findByText('吊销API令牌');
    expect(screen.queryByText('修改项目')).toBeNull();
    expect(screen.queryByText('登录')).toBeNull();
    fireEvent.click(revoke);
    await waitFor(() => expect(calls.at(-1)!.variables).toMatchObject({ securityEvents: true, action: 'apiToken.revoke' }));
  });
});
