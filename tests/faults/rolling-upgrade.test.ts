import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startChildServer, type ChildServer } from '../../services/api/src/testing/child-server';
import { DRIVERS, startTestServer, type TestServer } from '../../services/api/src/testing/harness';
import { migrateAsNextRelease } from '../../services/api/src/testing/next-release';
import { Client } from './client';

/**
 * A rolling upgrade, as near as one build can come to it: the next release's first process migrates the
 * database with an expand-only migration (what `src/architecture/expand-contract.test.ts` allows) while a
 * process of this build keeps serving, and a second process of this build starts on the database now one
 * migration ahead of it — an old instance restarted in the middle of the upgrade. The month-end job runs on
 * each while the other answers reads, and the lights it writes fill the next release's new column with its
 * default (testing/next-release.ts). The previous release's own build is not started: a CI run builds one release.
 */
const BOARD = 'query($p: Period!) { lightBoard(period: $p) { districts { district { name } green yellow red total } } }';
const PROJECTS = '{ projects(first: 20) { totalCount nodes { id name lights { period color } } } }';
const MONTH_END = 'mutation($p: Period!) { runMonthEndLights(period: $p) }';
type Board = { lightBoard: { districts: { district: { name: string }; red: number; total: number }[] } };
const PERIOD = '2020-10'; // planned in the demo, never reported, long past its deadline

describe.each(DRIVERS)('a rolling upgrade on one database [%s]', (driver) => {
  let t: TestServer;
  let b: ChildServer;
  let dataDir = '';
  beforeAll(async () => {
    t = await startTestServer(driver, { seedModules: ['areas', 'accounts', 'projects'] });
  }, 120_000);
  afterAll(async () => {
    await b?.kill('SIGTERM');
    await t?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('a process of this build started on the expanded database runs the month-end job while the running one reads, and the other way round', async () => {
    const a = { sujiatun: await t.login('admin.sujiatun'), dalian: await t.login('admin.dalian') };
    const board = async (read: Promise<{ data?: Board | null; errors?: unknown }>) => {
      const res = await read;
      expect(res.errors).toBeUndefined();
      return res.data!.lightBoard.districts;
    };
    expect((await board(t.gql<Board>(BOARD, { p: PERIOD }, a.sujiatun))).find((d) => d.district.name === '苏家屯区')!.total).toBe(0);

    // The next release migrates; the running process goes on reading and writing.
    expect(await migrateAsNextRelease(t.databaseUrl)).toEqual(['NextReleaseExpand9999999999999']);
    expect((await t.gql(PROJECTS, {}, a.sujiatun)).errors).toBeUndefined();

    // A second process of this build starts on the database one migration ahead of it.
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kpd-upgrade-'));
    b = await startChildServer({ databaseUrl: t.databaseUrl, dataDir, env: { SEED_DEMO: 'false' } });
    const bSujiatun = await Client.signIn(b.url, 'admin.sujiatun');
    const bDalian = await Client.signIn(b.url, 'admin.dalian');

    // The month-end job on B while A answers reads; then on A while B answers reads.
    const readsOnA = Promise.all([t.gql<Board>(BOARD, { p: PERIOD }, a.sujiatun), t.gql(PROJECTS, {}, a.sujiatun), t.gql(PROJECTS, {}, a.dalian)]);
    const onB = await bSujiatun.gql<{ runMonthEndLights: number }>(MONTH_END, { p: PERIOD });
    expect(onB.errors).toBeUndefined();
    for (const r of await readsOnA) expect(r.errors).toBeUndefined();
    expect(onB.data!.runMonthEndLights).toBeGreaterThan(50); // Sujiatun's projects in the library, none reported October

    const readsOnB = Promise.all([bDalian.gql<Board>(BOARD, { p: PERIOD }), bDalian.gql(PROJECTS), bSujiatun.gql(PROJECTS)]);
    const onA = await t.gql<{ runMonthEndLights: number }>(MONTH_END, { p: PERIOD }, a.dalian);
    expect(onA.errors).toBeUndefined();
    for (const r of await readsOnB) expect(r.errors).toBeUndefined();
    expect(onA.data!.runMonthEndLights).toBeGreaterThan(0);

    // Each process reads what the other wrote.
    const sujiatunOnA = (await board(t.gql<Board>(BOARD, { p: PERIOD }, a.sujiatun))).find((d) => d.district.name === '苏家屯区')!;
    expect(sujiatunOnA).toMatchObject({ red: onB.data!.runMonthEndLights, total: onB.data!.runMonthEndLights });
    const dalianOnB = (await board(bDalian.gql<Board>(BOARD, { p: PERIOD }))).reduce((n, d) => n + d.total, 0);
    expect(dalianOnB).toBe(onA.data!.runMonthEndLights);

    // The lights this build inserted took the next release's default in its new column; the new release's
    // writes to its own column and table leave this build's reads as they were.
    const runner = t.server.db.createQueryRunner();
    try {
      const [row]: { n: number | string }[] = await runner.query("SELECT COUNT(*) AS n FROM project_lights WHERE period = ? AND review_note = ''", [PERIOD]);
      expect(Number(row.n)).toBe(onB.data!.runMonthEndLights + onA.data!.runMonthEndLights);
      await runner.query("UPDATE projects SET next_code = 'N-1'");
      await runner.query("INSERT INTO light_reviews (id, light_id, note) VALUES (1, 1, '复核')");
    } finally {
      await runner.release();
    }
    const afterA = await t.gql<{ projects: { totalCount: number } }>(PROJECTS, {}, a.sujiatun);
    const afterB = await bSujiatun.gql<{ projects: { totalCount: number } }>(PROJECTS);
    expect(afterA.errors).toBeUndefined();
    expect(afterB.errors).toBeUndefined();
    expect(afterB.data!.projects.totalCount).toBe(afterA.data!.projects.totalCount);
  }, 90_000);
});
