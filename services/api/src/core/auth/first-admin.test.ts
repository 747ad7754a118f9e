import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { scratchDatabase, type ScratchDatabase } from '../../db/scratch-database';
import { DRIVERS, TEST_FIELD_KEY } from '../../testing/harness';
import { startChildServer, type ChildServer } from '../../testing/child-server';
import { REPO } from '../../testing/source-files';

/**
 * A production database starts empty (no demo data): `pnpm admin:create` makes its first administrator, who can
 * then sign in and make the rest. Run as an operator would, against a fresh database, and then signed in with.
 */
const SCRIPT = path.join(REPO, 'services/api/src/scripts/admin-create.ts');
const REGISTER = path.join(REPO, 'services/api/src/testing/ts-register.js');

describe.each(DRIVERS)('pnpm admin:create [%s]', (driver) => {
  let db: ScratchDatabase;
  let dataDir: string;
  let server: ChildServer | undefined;
  beforeAll(async () => {
    db = await scratchDatabase(driver, 'firstadmin');
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kpd-first-admin-'));
  });
  afterAll(async () => {
    await server?.kill('SIGKILL');
    await db.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const run = (args: string[], password: string) =>
    spawnSync(process.execPath, ['-r', REGISTER, SCRIPT, ...args], {
      input: `${password}\n`,
      env: { ...process.env, DATABASE_URL: db.url, DATA_DIR: dataDir, PASSWORD_COST_N: '1024', NODE_ENV: 'production', FIELD_ENCRYPTION_KEY: TEST_FIELD_KEY },
      encoding: 'utf8',
      timeout: 60_000,
    });

  it('makes the first administrator of an empty database, who signs in and sees the province', async () => {
    const made = run(['--username', 'Admin.Liaoning', '--name', '省发改委管理员'], 'Liaoning@2026x');
    expect(made.stderr).toBe('');
    expect(made.status).toBe(0);
    expect(made.stdout).toContain('laid down the area tree of 辽宁省');
    expect(made.stdout).toContain('created administrator admin.liaoning (省发改委管理员) of 辽宁省');

    // Refusals name what is wrong and change nothing.
    const again = run(['--username', 'admin.liaoning', '--name', '重复'], 'Liaoning@2026x');
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('refused: username: 用户名 admin.liaoning 已存在');
    const weak = run(['--username', 'admin.shenyang', '--name', '沈阳', '--area', '210100'], 'short');
    expect(weak.status).toBe(1);
    expect(weak.stderr).toMatch(/^refused: password: /);
    const nowhere = run(['--username', 'admin.nowhere', '--name', '无', '--area', '999999'], 'Liaoning@2026x');
    expect(nowhere.stderr).toContain('refused: area: 没有代码为 999999 的区划');
    const shenyang = run(['--username', 'admin.shenyang', '--name', '沈阳市发改委', '--area', '210100'], 'Shenyang@2026x');
    expect(shenyang.stdout).toContain('of 沈阳市');
    expect(shenyang.stdout).not.toContain('laid down');
    expect(run(['--username', 'admin.x'], 'Liaoning@2026x').status).toBe(2);

    server = await startChildServer({ databaseUrl: db.url, dataDir, env: { SEED_DEMO: 'false' } });
    const gql = async (query: string, variables: Record<string, unknown> = {}, token?: string) =>
      (await (
        await fetch(`${server!.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify({ query, variables }),
        })
      ).json()) as { data?: Record<string, never>; errors?: unknown[] };
    const login = await gql('mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', { u: 'admin.liaoning', p: 'Liaoning@2026x' });
    expect(login.errors).toBeUndefined();
    const token = (login.data!.login as { token: string }).token;
    const me = await gql('{ me { username role area { name } } }', {}, token);
    expect(me.data!.me).toEqual({ username: 'admin.liaoning', role: 'ADMIN', area: { name: '辽宁省' } });
    const audit = await gql('{ auditLog(first: 10, action: "user.create") { nodes { actorUsername entityType } } }', {}, token);
    expect(audit.errors).toBeUndefined();
    expect(audit.data!.auditLog).toEqual({ nodes: [{ actorUsername: 'system', entityType: 'User' }, { actorUsername: 'system', entityType: 'User' }] });
  });
});
