import { DEMO_PASSWORD } from './seed';
import { Session } from './session.entity';
import { User } from './user.entity';
import { hashToken } from './password';
import { forgetCachedSessions } from './authenticate';
import { loadConfig } from '../../config';
import { createLogger } from '../../logger';
import { startServer } from '../../server';
import { DRIVERS, errorCode, startTestServer, type TestServer } from '../../testing/harness';

const LOGIN = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token expiresAt user { username role } } }';
const ME = '{ me { username role area { name } } }';

describe.each(DRIVERS)('sign-in and sessions [%s]', (driver) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(driver, { config: { lockout: { maxAttempts: 3, minutes: 15 } } });
  });
  afterAll(() => t.close());

  it('signs in a demo account, returns a token and sets an httpOnly SameSite cookie', async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: LOGIN, variables: { u: 'Admin.Sujiatun', p: DEMO_PASSWORD } }),
    });
    const body = (await res.json()) as { errors?: unknown; data: { login: { user: unknown; token: string } } };
    expect(body.errors).toBeUndefined();
    expect(body.data.login.user).toEqual({ username: 'admin.sujiatun', role: 'ADMIN' });
    expect(body.data.login.token).toMatch(/^kpd_[\w-]{43}$/);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^kpd_session=kpd_/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i); // plain HTTP here; Secure behind TLS (see the proxy test)

    // The cookie alone authenticates (the admin's way); CSRF prevention needs a JSON content type.
    const session = cookie.split(';')[0];
    const me = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: session },
      body: JSON.stringify({ query: ME }),
    }).then((r) => r.json() as Promise<{ data: { me: unknown } }>);
    expect(me.data.me).toEqual({ username: 'admin.sujiatun', role: 'ADMIN', area: { name: '苏家屯区' } });
  });

  it('stores only the hash of a session token', async () => {
    const token = await t.login('admin.dadong');
    const rows = await t.server.db.getRepository(Session).find();
    expect(rows.some((r) => r.tokenHash === hashToken(token))).toBe(true);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('refuses a wrong password and an unknown user with the same answer', async () => {
    const wrong = await t.gql(LOGIN, { u: 'admin.dalian', p: 'not-the-password' });
    const unknown = await t.gql(LOGIN, { u: 'nobody.here', p: 'not-the-password' });
    expect(errorCode(wrong)).toBe('UNAUTHENTICATED');
    expect(errorCode(unknown)).toBe('UNAUTHENTICATED');
    expect(wrong.errors![0].message).toBe(unknown.errors![0].message);
    expect(wrong.data).toBeNull();
  });

  it('locks the account after repeated failures, with a clear message, even for the right password', async () => {
    for (let i = 0; i < 2; i++) {
      const res = await t.gql(LOGIN, { u: 'admin.fuxin', p: 'wrong' });
      expect(res.errors![0].extensions!.reason).toBeUndefined();
    }
    const third = await t.gql(LOGIN, { u: 'admin.fuxin', p: 'wrong' });
    expect(third.errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'LOCKED' });
    expect(third.errors![0].message).toMatch(/锁定.*15 分钟|locked/);
    const right = await t.gql(LOGIN, { u: 'admin.fuxin', p: DEMO_PASSWORD });
    expect(right.errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'LOCKED' });

    // An admin above lifts the lock.
    const province = await t.login('admin.liaoning');
    const fuxin = await t.server.db.getRepository(User).findOneByOrFail({ username: 'admin.fuxin' });
    const unlock = await t.gql('mutation($id: ID!) { updateUserAccess(id: $id, unlock: true) { username lockedUntil } }', { id: String(fuxin.id) }, province);
    expect(unlock.data).toEqual({ updateUserAccess: { username: 'admin.fuxin', lockedUntil: null } });
    expect((await t.gql(LOGIN, { u: 'admin.fuxin', p: DEMO_PASSWORD })).data).toBeTruthy();
  });

  it('counts concurrent failures in the database: a burst cannot slip past the limit', async () => {
    const burst = await Promise.all(Array.from({ length: 8 }, () => t.gql(LOGIN, { u: 'admin.dalian', p: 'wrong' })));
    expect(burst.some((r) => r.errors![0].extensions!.reason === 'LOCKED')).toBe(true);
    const user = await t.server.db.getRepository(User).findOneByOrFail({ username: 'admin.dalian' });
    expect(user.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
  });

  it('treats an expired session as anonymous', async () => {
    const token = await t.login('admin.zhongshan');
    expect((await t.gql(ME, {}, token)).data).toEqual({ me: { username: 'admin.zhongshan', role: 'ADMIN', area: { name: '中山区' } } });
    await t.server.db.getRepository(Session).update({ tokenHash: hashToken(token) }, { expiresAt: new Date(Date.now() - 1000) });
    forgetCachedSessions(t.server.db); // changed past the service: the process's few seconds of cache go too
    expect((await t.gql(ME, {}, token)).data).toEqual({ me: null });
    expect(errorCode(await t.gql('{ districts { name } }', {}, token))).toBe('UNAUTHENTICATED');
  });

  it('keeps a live session in memory: a repeated request runs no statement to know its viewer, and `me` none either', async () => {
    const token = await t.login('admin.dadong');
    const statements = async (query: string) => Number((await t.gql(query, {}, token)).headers.get('x-sql-statements'));
    await statements(ME);
    // The database's generation is read at most once a second: one of a few quick tries runs nothing.
    const tries = [await statements(ME), await statements(ME), await statements('{ __typename }')];
    expect(Math.min(...tries)).toBe(0);
    expect((await t.gql(ME, {}, token)).data).toEqual({ me: { username: 'admin.dadong', role: 'ADMIN', area: { name: '大东区' } } });
  });

  it('refuses a session ended in another process on the same database within about a second', async () => {
    const other = await startServer(
      loadConfig({ NODE_ENV: 'test' }, { port: 0, databaseUrl: t.databaseUrl, dataDir: t.dataDir, passwordCostN: 1024, logLevel: 'silent', seedDemo: false }),
      createLogger('silent'),
    );
    try {
      const token = await t.login('admin.fuxin');
      const meOn = async (url: string) => {
        const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: ME }) });
        return ((await res.json()) as { data: { me: unknown } }).data.me;
      };
      expect(await meOn(other.url)).toEqual({ username: 'admin.fuxin', role: 'ADMIN', area: { name: '阜新市' } });
      expect(await meOn(other.url)).not.toBeNull(); // from the other process's memory now
      expect((await t.gql('mutation { logout }', {}, token)).data).toEqual({ logout: true });
      const ended = Date.now();
      while ((await meOn(other.url)) !== null) {
        expect(Date.now() - ended).toBeLessThan(4000);
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(await meOn(t.url)).toBeNull();
    } finally {
      await other.close();
    }
  });

  it('revokes a session on logout', async () => {
    const token = await t.login('secretary.lijun');
    expect((await t.gql('mutation { logout }', {}, token)).data).toEqual({ logout: true });
    expect((await t.gql(ME, {}, token)).data).toEqual({ me: null });
  });

  it('issues read-only API tokens that admins list and revoke', async () => {
    const admin = await t.login('admin.shenyang');
    const created = await t.gql<{ createApiToken: { token: string; apiToken: { id: string; name: string } } }>(
      'mutation { createApiToken(input: { name: "统计局季度分析", scopes: [READ_FIGURES] }) { token apiToken { id name } } }',
      {},
      admin,
    );
    const { token, apiToken } = created.data!.createApiToken;
    expect(token).toMatch(/^kpd_api_/);

    const read = await t.gql<{ districts: { name: string }[] }>('{ districts { name } }', {}, token);
    expect(read.data!.districts.map((d) => d.name)).toContain('苏家屯区');
    expect(read.data!.districts.map((d) => d.name)).not.toContain('中山区');

    const write = await t.gql('mutation { createApiToken(input: { name: "escalate", scopes: [READ_FIGURES] }) { token } }', {}, token);
    expect(errorCode(write)).toBe('FORBIDDEN');

    const listed = await t.gql<{ apiTokens: { id: string; name: string; revokedAt: string | null }[] }>('{ apiTokens { id name revokedAt } }', {}, admin);
    expect(listed.data!.apiTokens).toContainEqual({ id: apiToken.id, name: '统计局季度分析', revokedAt: null });
    // Another city's admin neither sees nor revokes it.
    const dalian = await t.login('admin.zhongshan');
    expect((await t.gql<{ apiTokens: unknown[] }>('{ apiTokens { id } }', {}, dalian)).data!.apiTokens).toEqual([]);
    expect(errorCode(await t.gql('mutation($id: ID!) { revokeApiToken(id: $id) { id } }', { id: apiToken.id }, dalian))).toBe('NOT_FOUND');

    const revoked = await t.gql('mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt } }', { id: apiToken.id }, admin);
    expect(revoked.errors).toBeUndefined();
    expect(errorCode(await t.gql('{ districts { name } }', {}, token))).toBe('UNAUTHENTICATED');
  });

  it('lets an analyst read but never write', async () => {
    const analyst = await t.login('analyst');
    const read = await t.gql<{ districts: unknown[] }>('{ districts { name } }', {}, analyst);
    expect(read.data!.districts.length).toBeGreaterThan(30);
    const write = await t.gql('mutation { changePassword(currentPassword: "x", newPassword: "y") }', {}, analyst);
    expect(errorCode(write)).toBe('FORBIDDEN');
  });

  it('changes a password, ending the other sessions, and refuses a weak one naming the field', async () => {
    const first = await t.login('delegate.002');
    const second = await t.login('delegate.002');
    const weak = await t.gql('mutation { changePassword(currentPassword: "Liaoning@2020", newPassword: "short") }', {}, first);
    expect(weak.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });
    const ok = await t.gql('mutation { changePassword(currentPassword: "Liaoning@2020", newPassword: "Fuxin-Vote-2021") }', {}, first);
    expect(ok.data).toEqual({ changePassword: true });
    expect((await t.gql(ME, {}, second)).data).toEqual({ me: null });
    expect((await t.gql<{ me: { username: string } }>(ME, {}, first)).data!.me.username).toBe('delegate.002');
    expect(await t.login('delegate.002', 'Fuxin-Vote-2021')).toMatch(/^kpd_/);
  });
});
