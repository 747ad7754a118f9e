import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { canonicalJson } from '@kpd/domain';
import { Area } from '../../core/areas/area.entity';
import { sha256Hex } from '../../core/digest';
import { DRIVERS, startTestServer, type TestServer } from '../../testing/harness';
import { verifyPublication } from './light-board.service';
import { LightBoardPublication } from './light.entity';

const SEED = ['areas', 'accounts', 'projects'];
const REPO = path.resolve(__dirname, '../../../../..');

const PUBLISHED = `{ publishedLightBoards { id area { name } period version sha256 correctionId content districts { green yellow red } } }`;
const WALL = `query($a: ID, $p: Period!) { lightBoard(areaId: $a, period: $p) { published publication { id version sha256 } districts { green yellow red } projects { name color } } }`;

interface Published {
  id: string;
  area: { name: string };
  period: string;
  version: number;
  sha256: string;
  correctionId: string | null;
  content: string;
  districts: { green: number; yellow: number; red: number }[];
}

describe.each(DRIVERS)('published light boards are snapshots [%s]', (driver) => {
  let t: TestServer;
  let ids: Record<string, string>;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    t = await startTestServer(driver, { seedModules: SEED });
    ids = Object.fromEntries((await t.server.db.getRepository(Area).find()).map((a) => [a.name, String(a.id)]));
    for (const u of ['admin.sujiatun', 'admin.shenyang']) tokens[u] = await t.login(u);
  }, 120_000);
  afterAll(() => t.close());

  const sujiatunSeptember = async () => {
    const res = await t.gql<{ publishedLightBoards: Published[] }>(PUBLISHED, {}, null);
    expect(res.errors).toBeUndefined();
    return res.data!.publishedLightBoards.filter((b) => b.area.name === '苏家屯区' && b.period === '2020-09');
  };

  it('stores the rows as shown with who, when and the SHA-256 of their canonical text; publishing the same rows again adds no version', async () => {
    const again = await t.gql('mutation($a: ID!) { publishLightBoard(areaId: $a, period: "2020-09") }', { a: ids['苏家屯区'] }, tokens['admin.sujiatun']);
    expect(again.errors).toBeUndefined();
    const [v1, ...more] = await sujiatunSeptember();
    expect(more).toEqual([]);
    expect(v1).toMatchObject({ version: 1, correctionId: null, districts: [{ green: 86, yellow: 10, red: 4 }] });
    expect(v1.sha256).toMatch(/^[0-9a-f]{64}$/);
    // Anyone can check the hash from what the API serves.
    expect(sha256Hex(v1.content)).toBe(v1.sha256);
    expect(canonicalJson(JSON.parse(v1.content))).toBe(v1.content);
    const content = JSON.parse(v1.content);
    expect(content).toMatchObject({ period: '2020-09', version: 1, publishedBy: 'admin.sujiatun', area: { name: '苏家屯区' } });
    expect(content.projects).toHaveLength(14);

    // The public wall reads the snapshot, with its hash.
    const wall = await t.gql<{ lightBoard: { published: boolean; publication: { id: string; sha256: string }; districts: unknown[]; projects: unknown[] } }>(WALL, { a: ids['苏家屯区'], p: '2020-09' }, null);
    expect(wall.errors).toBeUndefined();
    expect(wall.data!.lightBoard.publication).toMatchObject({ id: v1.id, sha256: v1.sha256 });
    expect(wall.data!.lightBoard.districts).toEqual([{ green: 86, yellow: 10, red: 4 }]);
    expect(wall.data!.lightBoard.projects).toHaveLength(14);
  });

  it('serves the snapshot, not live rows: a light changed behind the board does not reach the public', async () => {
    const [v1] = await sujiatunSeptember();
    const em = t.server.db.manager;
    // A light count changed past the service (as a stray SQL would): the live board moves, the published one does not.
    await em.query('UPDATE light_counts SET green = green - 1, red = red + 1 WHERE area_id = ? AND period = ?', [Number(ids['苏家屯区']), '2020-09']);
    try {
      const live = await t.gql<{ lightBoard: { districts: { red: number }[] } }>(WALL, { a: ids['苏家屯区'], p: '2020-09' }, tokens['admin.sujiatun']);
      expect(live.data!.lightBoard.districts[0].red).toBe(5);
      const wall = await t.gql<{ lightBoard: { publication: { sha256: string }; districts: { red: number }[] } }>(WALL, { a: ids['苏家屯区'], p: '2020-09' }, null);
      expect(wall.data!.lightBoard.districts[0].red).toBe(4);
      expect(wall.data!.lightBoard.publication.sha256).toBe(v1.sha256);
    } finally {
      await em.query('UPDATE light_counts SET green = green + 1, red = red - 1 WHERE area_id = ? AND period = ?', [Number(ids['苏家屯区']), '2020-09']);
    }
  });

  it('verifies a publication, and fails after a hand edit of its stored rows (also through `pnpm verify-publication`)', async () => {
    const [v1] = await sujiatunSeptember();
    const em = t.server.db.manager;
    expect(await verifyPublication(em, Number(v1.id))).toMatchObject({ ok: true, computed: v1.sha256, canonical: true });
    const cli = (id: string) =>
      promisify(execFile)(process.execPath, ['-r', './services/api/src/testing/ts-register.js', 'services/api/src/scripts/verify-publication.ts', id], {
        cwd: REPO,
        env: { ...process.env, DATABASE_URL: `sqlite:${(t.server.db.options as { database: string }).database}`, LOG_LEVEL: 'silent' },
      }).then(
        (r) => ({ code: 0, out: r.stdout }),
        (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
      );
    if (driver === 'sqlite') {
      const ok = await cli(v1.id);
      expect(ok).toEqual({ code: 0, out: expect.stringContaining('OK') });
      expect(ok.out).toContain(v1.sha256);
    }

    const row = await em.findOneByOrFail(LightBoardPublication, { id: Number(v1.id) });
    const edited = row.content!.replace('"green":86', '"green":87');
    expect(edited).not.toBe(row.content);
    await em.update(LightBoardPublication, { id: row.id }, { content: edited });
    try {
      expect(await verifyPublication(em, row.id)).toMatchObject({ ok: false, stored: v1.sha256 });
      if (driver === 'sqlite') expect(await cli(v1.id)).toEqual({ code: 1, out: expect.stringContaining('MISMATCH') });
    } finally {
      await em.update(LightBoardPublication, { id: row.id }, { content: row.content });
    }
    expect((await verifyPublication(em, row.id)).ok).toBe(true);
  }, 60_000);

  it('an approved correction publishes a new version marked with it; the first version is kept', async () => {
    await t.gql('mutation($a: ID, $p: Period!) { closeMonth(areaId: $a, period: $p) { closed } }', { a: ids['苏家屯区'], p: '2020-09' }, tokens['admin.sujiatun']);
    const yellow = await t.gql<{ projects: { nodes: { id: string; planMonths: { period: string; plannedInvestment: string }[] }[] } }>(
      'query($d: ID) { projects(filter: { districtId: $d, lightColor: YELLOW, lightPeriod: "2020-09" }, first: 1, orderBy: CODE) { nodes { id planMonths(year: 2020) { period plannedInvestment } } } }',
      { d: ids['苏家屯区'] },
      tokens['admin.sujiatun'],
    );
    const project = yellow.data!.projects.nodes[0];
    const plan = project.planMonths.find((m) => m.period === '2020-09')!.plannedInvestment;
    const asked = await t.gql<{ requestReportCorrection: { id: string } }>(
      'mutation($i: ReportCorrectionInput!) { requestReportCorrection(input: $i) { id } }',
      { i: { projectId: project.id, period: '2020-09', actualInvestment: plan, progress: '补报', reason: '漏报' } },
      tokens['admin.sujiatun'],
    );
    const id = asked.data!.requestReportCorrection.id;
    // Awaiting approval, the public still sees version 1.
    expect((await sujiatunSeptember()).map((b) => b.version)).toEqual([1]);
    const approved = await t.gql('mutation($id: ID!) { decideCorrection(id: $id, approve: true, reason: "核实") { status } }', { id }, tokens['admin.shenyang']);
    expect(approved.errors).toBeUndefined();

    const [v2, v1] = await sujiatunSeptember();
    expect(v2).toMatchObject({ version: 2, correctionId: id, districts: [{ green: 87, yellow: 9, red: 4 }] });
    expect(v1).toMatchObject({ version: 1, correctionId: null, districts: [{ green: 86, yellow: 10, red: 4 }] });
    expect(sha256Hex(v2.content)).toBe(v2.sha256);
    expect(v2.sha256).not.toBe(v1.sha256);
    const wall = await t.gql<{ lightBoard: { publication: { version: number } } }>(WALL, { a: ids['苏家屯区'], p: '2020-09' }, null);
    expect(wall.data!.lightBoard.publication.version).toBe(2);
    // Each version still verifies.
    for (const b of [v1, v2]) expect((await verifyPublication(t.server.db.manager, Number(b.id))).ok).toBe(true);
    const one = await t.gql<{ lightBoardPublication: { version: number; sha256: string } }>('query($id: ID!) { lightBoardPublication(id: $id) { version sha256 } }', { id: v1.id }, null);
    expect(one.data!.lightBoardPublication).toEqual({ version: 1, sha256: v1.sha256 });
  });
});
