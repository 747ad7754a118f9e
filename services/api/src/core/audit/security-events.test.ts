import { DRIVERS, startTestServer, type TestServer } from '../../testing/harness';
import { SECURITY_ACTIONS } from '@kpd/domain';

const LOG = 'query($s: Boolean, $a: String) { auditLog(securityEvents: $s, action: $a, first: 100) { totalCount nodes { action actorUsername entityType after } } }';
type Log = { auditLog: { totalCount: number; nodes: { action: string; actorUsername: string | null; entityType: string; after: string | null }[] } };

describe.each(DRIVERS)('security events in the audit trail [%s]', (driver) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(driver);
  });
  afterAll(() => t.close());

  it('lists failed sign-ins, the lockout and API tokens created and revoked, in the admin’s scope, and nothing else', async () => {
    const login = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }';
    for (let i = 0; i < 5; i++) await t.gql(login, { u: 'admin.fuxin', p: `wrong-${i}` });
    const sujiatun = await t.login('admin.sujiatun');
    const made = await t.gql<{ createApiToken: { apiToken: { id: string } } }>(
      'mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { apiToken { id } } }',
      { i: { name: '大屏数据', scopes: ['READ_FIGURES'] } },
      sujiatun,
    );
    expect(made.errors).toBeUndefined();
    expect((await t.gql('mutation($id: ID!) { revokeApiToken(id: $id) { id } }', { id: made.data!.createApiToken.apiToken.id }, sujiatun)).errors).toBeUndefined();

    const province = await t.gql<Log>(LOG, { s: true }, await t.login('admin.liaoning'));
    expect(province.errors).toBeUndefined();
    const actions = province.data!.auditLog.nodes.map((n) => n.action);
    expect(actions.every((a) => SECURITY_ACTIONS.includes(a))).toBe(true);
    expect(actions.filter((a) => a === 'auth.login_failed')).toHaveLength(4);
    expect(actions).toEqual(expect.arrayContaining(['auth.locked', 'apiToken.create', 'apiToken.revoke']));
    expect(actions).not.toContain('auth.login');
    const locked = province.data!.auditLog.nodes.find((n) => n.action === 'auth.locked')!;
    expect(JSON.parse(locked.after!)).toMatchObject({ username: 'admin.fuxin', lockedUntil: expect.any(String) });
    // The whole trail holds more than its security events (the sign-ins themselves).
    const all = await t.gql<Log>(LOG, {}, await t.login('admin.liaoning'));
    expect(all.data!.auditLog.totalCount).toBeGreaterThan(province.data!.auditLog.totalCount);

    // 沈阳市's admin sees 苏家屯区's tokens, not 阜新市's lockout; one action narrows the list.
    const shenyang = await t.gql<Log>(LOG, { s: true }, await t.login('admin.shenyang'));
    expect(new Set(shenyang.data!.auditLog.nodes.map((n) => n.action))).toEqual(new Set(['apiToken.create', 'apiToken.revoke']));
    const one = await t.gql<Log>(LOG, { s: true, a: 'apiToken.revoke' }, await t.login('admin.shenyang'));
    expect(one.data!.auditLog.nodes.map((n) => n.action)).toEqual(['apiToken.revoke']);
  });
});
