import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Session } from './session.entity';
import { DEMO_PASSWORD } from './seed';
import { startChildServer, type ChildServer } from '../../testing/child-server';
import { DRIVERS, errorCode, startTestServer, type TestServer } from '../../testing/harness';

const ME = '{ me { username } }';
const SESSIONS = '{ mySessions { id userAgent createdIp lastIp createdAt lastUsedAt expiresAt current } }';
const REVOKE = 'mutation($id: ID!) { revokeSession(id: $id) { id } }';

interface SessionRow {
  id: string;
  userAgent: string | null;
  createdIp: string | null;
  current: boolean;
}

async function meAt(url: string, token: string): Promise<unknown> {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: ME }) });
  return ((await res.json()) as { data: { me: unknown } }).data.me;
}

async function loginAt(url: string, username: string, agent: string): Promise<string> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': agent },
    body: JSON.stringify({ query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', variables: { u: username, p: DEMO_PASSWORD } }),
  });
  return ((await res.json()) as { data: { login: { token: string } } }).data.login.token;
}

describe.each(DRIVERS)('sign-in sessions [%s]', (driver) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(driver, { config: { sessionIdleMinutes: 30 } });
  });
  afterAll(() => t.close());

  it('lists your own live sessions with their device and address, and revokes one at once', async () => {
    const phone = await loginAt(t.url, 'admin.dalian', 'Mozilla/5.0 (iPhone) wxwork/4.1');
    const desk = await loginAt(t.url, 'admin.dalian', 'Mozilla/5.0 (Windows NT 10.0) Chrome/120');
    const other = await t.login('admin.shenyang');
    const mine = await t.gql<{ mySessions: SessionRow[] }>(SESSIONS, {}, desk);
    const rows = mine.data!.mySessions;
    expect(rows.map((r) => [r.userAgent, r.current])).toEqual([
      ['Mozilla/5.0 (Windows NT 10.0) Chrome/120', true],
      ['Mozilla/5.0 (iPhone) wxwork/4.1', false],
    ]);
    expect(rows[0].createdIp).toMatch(/127\.0\.0\.1/);
    // Another account's session is not yours to see or end.
    expect((await t.gql<{ mySessions: SessionRow[] }>(SESSIONS, {}, other)).data!.mySessions.map((r) => r.id)).not.toContain(rows[1].id);
    expect(errorCode(await t.gql(REVOKE, { id: rows[1].id }, other))).toBe('NOT_FOUND');
    expect(await meAt(t.url, phone)).toEqual({ username: 'admin.dalian' });

    expect((await t.gql(REVOKE, { id: rows[1].id }, desk)).errors).toBeUndefined();
    // A revoked session's credential is refused at once, and it is gone from the list.
    expect(await meAt(t.url, phone)).toBeNull();
    expect(errorCode(await t.gql('{ districts { id } }', {}, phone))).toBe('UNAUTHENTICATED');
    expect((await t.gql<{ mySessions: SessionRow[] }>(SESSIONS, {}, desk)).data!.mySessions.map((r) => r.id)).toEqual([rows[0].id]);
    const audit = (await t.server.db.query("SELECT action FROM audit_records WHERE action = 'session.revoke' AND entity_id = ?", [rows[1].id])) as unknown[];
    expect(audit).toHaveLength(1);
  });

  it('ends every other session of the account when its password changes', async () => {
    const a = await t.login('admin.zhongshan');
    const b = await t.login('admin.zhongshan');
    expect(await meAt(t.url, b)).toEqual({ username: 'admin.zhongshan' });
    const changed = await t.gql('mutation { changePassword(currentPassword: "Liaoning@2020", newPassword: "Zhongshan@Sessions2026") }', {}, a);
    expect(changed.errors).toBeUndefined();
    expect(await meAt(t.url, b)).toBeNull();
    expect(await meAt(t.url, a)).toEqual({ username: 'admin.zhongshan' });
  });

  it('ends a session left idle longer than SESSION_IDLE_MINUTES, and any past SESSION_TTL_HOURS', async () => {
    const idle = await t.login('admin.dadong');
    const busy = await t.login('admin.dadong');
    const expired = await t.login('admin.dadong');
    const rows = await t.server.db.getRepository(Session).find({ where: { userId: (await t.server.db.query("SELECT id FROM users WHERE username = 'admin.dadong'"))[0].id }, order: { id: 'ASC' } });
    const [idleRow, busyRow, expiredRow] = rows.slice(-3);
    // Used 29 minutes ago: alive. Unused for 32 minutes (the bound is exact to the minute): ended.
    await t.server.db.getRepository(Session).update(busyRow.id, { lastUsedAt: new Date(Date.now() - 29 * 60_000) });
    await t.server.db.getRepository(Session).update(idleRow.id, { lastUsedAt: new Date(Date.now() - 32 * 60_000) });
    await t.server.db.getRepository(Session).update(expiredRow.id, { expiresAt: new Date(Date.now() - 1000) });
    const { forgetCachedSessions } = await import('./authenticate');
    forgetCachedSessions(t.server.db); // changed past the service
    expect(await meAt(t.url, idle)).toBeNull();
    expect(await meAt(t.url, expired)).toBeNull();
    expect(await meAt(t.url, busy)).toEqual({ username: 'admin.dadong' });
  });
});

describe.each(DRIVERS)('a revoked session across API processes (node:cluster) [%s]', (driver) => {
  let t: TestServer;
  let cluster: ChildServer;
  let dataDir: string;
  beforeAll(async () => {
    t = await startTestServer(driver);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kpd-cluster-'));
    // Two worker processes on one port, each with its own session cache (SESSION_CACHE_SECONDS=5).
    cluster = await startChildServer({ databaseUrl: t.databaseUrl, dataDir, env: { WEB_CONCURRENCY: '2', SEED_DEMO: 'false', SESSION_CACHE_SECONDS: '5' } });
    const started = Date.now();
    while (cluster.output.filter((l) => l.includes('"listening"')).length < 2) {
      if (Date.now() - started > 60_000) throw new Error(`second worker did not start:\n${cluster.output.slice(-10).join('\n')}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }, 120_000);
  afterAll(async () => {
    // The primary stops its workers within SHUTDOWN_TIMEOUT_MS; a loaded machine gets no longer than that.
    if (cluster) {
      const stopped = await Promise.race([cluster.kill('SIGTERM').then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 30_000))]);
      if (!stopped) await cluster.kill('SIGKILL');
    }
    await t?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  /** Asks both workers many times (connections are spread over them): every answer. */
  const answers = async (token: string, n = 24) => Promise.all(Array.from({ length: n }, () => meAt(cluster.url, token)));

  it('refuses a session revoked in another process on every worker within the generation bound (about a second)', async () => {
    const stolen = await loginAt(cluster.url, 'admin.fuxin', 'curl/8');
    const owner = await t.login('admin.fuxin');
    // Warm both workers' caches: each holds the live session in memory now.
    expect(new Set((await answers(stolen)).map((a) => JSON.stringify(a)))).toEqual(new Set([JSON.stringify({ username: 'admin.fuxin' })]));
    // Both workers answered it (their request log lines carry their pid).
    const pids = () =>
      new Set(
        cluster.output
          .filter((l) => l.startsWith('{') && l.includes('"msg":"request"') && l.includes('"user":"admin.fuxin"'))
          .map((l) => (JSON.parse(l) as { pid: number }).pid),
      );
    for (let i = 0; i < 20 && pids().size < 2; i++) await new Promise((r) => setTimeout(r, 100));
    expect(pids().size).toBe(2);
    const list = await t.gql<{ mySessions: SessionRow[] }>(SESSIONS, {}, owner);
    const target = list.data!.mySessions.find((s) => s.userAgent === 'curl/8')!;
    expect((await t.gql(REVOKE, { id: target.id }, owner)).errors).toBeUndefined();
    const revokedAt = Date.now();
    // Each worker reads the generation at most once a second: within that bound (well inside
    // SESSION_CACHE_SECONDS) a whole round over both workers refuses it…
    while ((await answers(stolen)).some((a) => a !== null)) {
      expect(Date.now() - revokedAt).toBeLessThan(2500);
    }
    // …and from then on no worker lets it through.
    for (let i = 0; i < 3; i++) expect((await answers(stolen)).filter((a) => a !== null)).toEqual([]);
    expect(await meAt(cluster.url, owner)).toEqual({ username: 'admin.fuxin' });
  });

  it('ends the sessions of a changed password on every worker', async () => {
    const elsewhere = await loginAt(cluster.url, 'admin.dalian', 'curl/8');
    expect((await answers(elsewhere)).every((a) => a !== null)).toBe(true);
    const here = await t.login('admin.dalian');
    expect((await t.gql('mutation { changePassword(currentPassword: "Liaoning@2020", newPassword: "Dalian@Cluster2026") }', {}, here)).errors).toBeUndefined();
    await new Promise((r) => setTimeout(r, 1500));
    expect((await answers(elsewhere)).filter((a) => a !== null)).toEqual([]);
  });
});
