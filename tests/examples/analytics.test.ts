import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { startTestServer, type TestServer } from '../../services/api/src/testing/harness';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '..', '..');

/** examples/analytics/pull.ts, run as its README says, against a started server with a scoped token. */
describe('the analytics example', () => {
  let t: TestServer;
  let out: string;
  beforeAll(async () => {
    t = await startTestServer('sqlite', { seedModules: ['areas', 'accounts', 'projects'] });
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'kpd-example-'));
  }, 180_000);
  afterAll(async () => {
    await t?.close();
    fs.rmSync(out, { recursive: true, force: true });
  });

  it('pulls a year of statistics and of lights by district and month, one request each, and every project, reporting the cost', async () => {
    const admin = await t.login('admin.liaoning');
    const made = await t.gql<{ createApiToken: { token: string } }>(
      'mutation { createApiToken(input: { name: "示例脚本", scopes: [READ_FIGURES, READ_PROJECTS] }) { token } }',
      {},
      admin,
    );
    const token = made.data!.createApiToken.token;
    const { stdout, stderr } = await run(process.execPath, ['-r', './services/api/src/testing/ts-register.js', 'examples/analytics/pull.ts', '2020', out], {
      cwd: ROOT,
      env: { ...process.env, KPD_URL: t.url, KPD_TOKEN: token },
      timeout: 120_000,
    });
    const districts = (await t.gql<{ districts: unknown[] }>('{ districts { id } }', {}, admin)).data!.districts.length;
    const total = (await t.gql<{ projects: { totalCount: number } }>('{ projects { totalCount } }', {}, admin)).data!.projects.totalCount;
    expect(total).toBeGreaterThan(0);
    expect(stdout).toContain(`${12 * districts} statistics rows, ${12 * districts} light rows, ${total} projects`);
    // One request for the area, one for the twelve months' statistics, one for their lights, and the
    // pages of projects: each answer's cost.
    expect(stderr.match(/^cost: requested \d+, actual \d+, remaining \d+$/gm)!.length).toBe(3 + Math.ceil(total / 100));

    const stats = fs.readFileSync(path.join(out, 'statistics-2020.csv'), 'utf8').trim().split('\n');
    expect(stats[0]).toBe('period,district,monthActual,ytdActual,ytdPlanned,reported');
    expect(stats).toHaveLength(1 + 12 * districts);
    // Amounts are exact decimal text; months and districts without reports say so.
    for (const line of stats.slice(1)) expect(line).toMatch(/^2020-\d\d,[^,]+,\d+\.\d\d,\d+\.\d\d,\d+\.\d\d,(true|false)$/);
    expect(stats.some((l) => l.endsWith(',true'))).toBe(true);
    expect(stats.some((l) => l.endsWith(',false'))).toBe(true);
    const lights = fs.readFileSync(path.join(out, 'lights-2020.csv'), 'utf8').trim().split('\n');
    expect(lights[0]).toBe('period,district,green,yellow,red,projects');
    expect(lights).toHaveLength(1 + 12 * districts);
    const lit = lights.slice(1).map((l) => l.split(','));
    for (const [period, , green, yellow, red, projects] of lit) {
      expect(period).toMatch(/^2020-\d\d$/);
      expect(Number(green) + Number(yellow) + Number(red)).toBeLessThanOrEqual(Number(projects));
    }
    // The demo's lights: some district has a red or yellow project in some month of 2020.
    expect(lit.some(([, , , yellow, red]) => Number(yellow) + Number(red) > 0)).toBe(true);
    const projects = fs.readFileSync(path.join(out, 'projects.csv'), 'utf8').trim().split('\n');
    expect(projects).toHaveLength(1 + total);
  }, 180_000);
});
