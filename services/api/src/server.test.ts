import { DEMO_PASSWORD } from './core/auth/seed';
import { User } from './core/auth/user.entity';
import { DRIVERS, errorCode, startTestServer, type TestServer } from './testing/harness';

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe.each(DRIVERS)('the HTTP service [%s]', (driver) => {
  let t: TestServer;
  let admin: string;
  beforeAll(async () => {
    t = await startTestServer(driver);
    admin = await t.login('admin.liaoning');
  });
  afterAll(() => t.close());

  it('answers /healthz with 200 while the database answers', async () => {
    const res = await fetch(`${t.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'ok' });
  });

  it('serves a page at / and tags every response with a request id', async () => {
    const res = await fetch(`${t.url}/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('重点项目调度平台');
    expect(res.headers.get('x-request-id')).toMatch(/^[\w-]{8,}$/);
    const echoed = await fetch(`${t.url}/healthz`, { headers: { 'x-request-id': 'trace-42' } });
    expect(echoed.headers.get('x-request-id')).toBe('trace-42');
  });

  it('refuses deep nesting, alias floods and expensive lists with a clear error', async () => {
    const deep = `{ areas { ${'children { '.repeat(14)}name${' }'.repeat(14)} } }`;
    const d = await t.gql(deep, {}, admin);
    expect(d.errors![0].message).toMatch(/nested.*12/);
    const aliases = `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: me { username }`).join(' ')} }`;
    const a = await t.gql(aliases, {}, admin);
    expect(a.errors![0].message).toMatch(/more than 30 aliases/);
    const costly = `{ ${Array.from({ length: 20 }, (_, i) => `u${i}: users(first: 100) { nodes { username area { name children { name children { name } } } } }`).join(' ')} }`;
    const c = await t.gql(costly, {}, admin);
    expect(c.errors![0].message).toMatch(/cost/);
    expect(c.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    // The estimate is kept per document and variables: one document, cheap then dear then cheap again.
    const paged = `query($n: Int) { ${Array.from({ length: 25 }, (_, i) => `u${i}: users(first: $n) { nodes { username area { name children { name } } } }`).join(' ')} }`;
    for (const [n, refused] of [[1, false], [100, true], [1, false], [100, true]] as const) {
      const res = await t.gql(paged, { n }, admin);
      expect(res.errors?.[0].message.match(/cost/) ? true : false).toBe(refused);
    }
  });

  it('refuses batched requests and deeply nested variables', async () => {
    const batch = await post(t.url, [{ query: '{ me { username } }' }, { query: '{ me { username } }' }]);
    expect(batch.status).toBe(400);
    let nested: unknown = 'x';
    for (let i = 0; i < 20; i++) nested = { n: nested };
    const res = await t.gql('query($v: ID!) { district(id: $v) { name } }', { v: nested as string }, admin);
    expect(res.status).toBe(400);
    expect(res.errors![0].message).toMatch(/nested more than 8/);
  });

  it('refuses a body over 1 MB with 413', async () => {
    const res = await post(t.url, { query: '{ me { username } }', variables: { pad: 'x'.repeat(1_100_000) } });
    expect(res.status).toBe(413);
    const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('prevents cross-site requests: a simple GET or form post is refused', async () => {
    const get = await fetch(`${t.url}/graphql?query=${encodeURIComponent('{ me { username } }')}`);
    expect(get.status).toBe(400);
    const form = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: 'mutation { logout }' }),
    });
    expect(form.status).toBeGreaterThanOrEqual(400);
    const preflighted = await fetch(`${t.url}/graphql?query=${encodeURIComponent('{ me { username } }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(preflighted.status).toBe(200);
  });

  it('answers GraphQL POSTs without an ETag or x-powered-by, other JSON still with its headers', async () => {
    const res = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(await res.text()).toMatch(/^\{"data":\{"__typename":"Query"\}/);
    expect(res.headers.get('etag')).toBeNull();
    expect(res.headers.get('x-powered-by')).toBeNull();
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });

  it('keeps passwords and tokens out of every log line', async () => {
    const token = await t.login('admin.dadong');
    await t.gql('mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', { u: 'admin.dadong', p: 'Wrong-Secret-123' });
    await t.gql('{ me { username } }', {}, token);
    await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: `kpd_session=${token}` }, body: JSON.stringify({ query: '{ me { username } }' }) });
    const logs = t.logLines.join('\n');
    expect(t.logLines.length).toBeGreaterThan(3);
    expect(logs).not.toContain(token);
    expect(logs).not.toContain(DEMO_PASSWORD);
    expect(logs).not.toContain('Wrong-Secret-123');
    // Each request line carries its id and what it ran.
    const request = t.logLines.map((l) => JSON.parse(l)).find((l) => l.msg === 'request' && l.path === '/graphql');
    expect(request).toMatchObject({ requestId: expect.any(String), status: expect.any(Number), sql: expect.any(Number) });
  });

  it('answers errors with the documented codes and without stack traces', async () => {
    const res = await t.gql('{ district(id: "999999") { name } }', {}, admin);
    expect(errorCode(res)).toBe('NOT_FOUND');
    expect(JSON.stringify(res.errors)).not.toMatch(/stacktrace|at \w+ \(/);
    const unknown = await t.gql('{ nope }', {}, admin);
    expect(errorCode(unknown)).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('production mode', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer('sqlite', { env: { NODE_ENV: 'production' }, seedModules: ['areas'] });
  });
  afterAll(() => t.close());

  it('creates no demo account', async () => {
    expect(await t.server.db.getRepository(User).count()).toBe(0);
  });

  it('refuses introspection to anonymous callers and hides field suggestions', async () => {
    const intro = await t.gql('{ __schema { types { name } } }');
    expect(errorCode(intro)).toBe('FORBIDDEN');
    const probe = await t.gql('{ distric { name } }');
    expect(probe.errors![0].message).not.toMatch(/Did you mean/);
  });
});

describe('behind a TLS-terminating proxy', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer('sqlite', { config: { trustProxy: 1 } });
  });
  afterAll(() => t.close());

  it('marks the session cookie Secure when the proxy says the request was HTTPS', async () => {
    const res = await post(
      t.url,
      { query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', variables: { u: 'admin.sujiatun', p: DEMO_PASSWORD } },
      { 'x-forwarded-proto': 'https' },
    );
    expect(res.headers.get('set-cookie')).toMatch(/;\s*Secure/i);
  });
});

describe('losing the database', () => {
  it('answers 503 and clean errors while it is gone, and recovers without a restart', async () => {
    if (!process.env.MYSQL_URL) return; // needs a server whose connections can be killed
    const t = await startTestServer('mysql');
    try {
      const admin = await t.login('admin.liaoning');
      expect((await t.gql('{ users(first: 1) { totalCount } }', {}, admin)).data).toBeTruthy();
      // Kill every pooled connection of this database, as a failover or restart would.
      const db = t.server.db;
      const [{ name }] = await db.query('SELECT DATABASE() AS name');
      const ids: { id: number }[] = await db.query('SELECT id FROM information_schema.processlist WHERE db = ? AND id <> CONNECTION_ID()', [name]);
      await db.query(`SELECT 1`);
      for (const { id } of ids) await db.query(`KILL ${Number(id)}`).catch(() => undefined);
      await db.query(`KILL CONNECTION_ID()`).catch(() => undefined);
      // The pool reconnects: requests succeed again without restarting the process.
      let recovered = false;
      for (let i = 0; i < 20 && !recovered; i++) {
        const res = await t.gql<{ users: { totalCount: number } }>('{ users(first: 1) { totalCount } }', {}, admin);
        if (res.data?.users) recovered = true;
        else expect(res.errors![0].extensions!.code).toMatch(/SERVICE_UNAVAILABLE|INTERNAL_SERVER_ERROR|UNAUTHENTICATED/);
      }
      expect(recovered).toBe(true);
      expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    } finally {
      await t.close();
    }
  });
});

describe('graceful shutdown', () => {
  it('lets an in-flight request finish, refuses new connections, then closes the database', async () => {
    // A costly password hash makes the sign-in slow enough to be in flight when shutdown starts.
    const t = await startTestServer('sqlite', { config: { passwordCostN: 1 << 15 } });
    // Shutdown starts once the server has the request (a fixed pause could end before a loaded
    // machine even connected, and the request would then be refused, not in flight).
    const arrived = new Promise<void>((resolve) => t.server.http.once('request', () => resolve()));
    const inFlight = t.gql<{ login: { token: string } }>('mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', {
      u: 'admin.sujiatun',
      p: DEMO_PASSWORD,
    });
    await arrived;
    const closing = t.server.close();
    const health = await fetch(`${t.url}/healthz`).then((r) => r.status, () => 'refused');
    expect([503, 'refused']).toContain(health);
    const res = await inFlight;
    expect(res.data?.login.token).toMatch(/^kpd_/);
    await closing;
    expect(t.server.db.isInitialized).toBe(false);
    await expect(fetch(`${t.url}/healthz`)).rejects.toThrow();
    await t.close();
  });
});
