/**
 * `pnpm bench`: the API against its HTTP floor on a province-scale database (made by `pnpm seed:scale`).
 *
 * The floor (floor-server.ts) is a plain node:http + mysql2 server with the same session check and the
 * best hand-written SQL, in its own process like the API. For every query the bench first checks that
 * both answer the same bytes and that the floor's statements still have the plans pinned in
 * floor-plans.json (it fails otherwise), then drives each with autocannon at the same settings: a
 * warm-up, then three runs of API and floor one after the other. It reports the median of the three
 * runs of requests a second, p50/p95/p99 latency and CPU µs a request (the server process's and the
 * database's, from /proc), and the statements one request runs (MariaDB's Questions counter around a
 * single request, the least of seven tries). Then the month-end relighting (three times), 500
 * delegates balloting at once, and the API's peak RSS. Results, with every run, go to
 * tests/bench/results.json.
 *
 *   BENCH_DATABASE_URL  the scale database (default: kpd_scale on the local server, over its Unix socket when it has one)
 *   BENCH_SECONDS       seconds per run (default 8); BENCH_WARMUP seconds of warm-up (default 2)
 *   BENCH_CONNECTIONS   concurrent connections (default 10)
 *   BENCH_RUNS          runs per query (default 3)
 *   BENCH_ONLY          only these parts, comma-separated: T,ME,Q1,Q1YTD,Q2,Q2DEMO,Q3,Q4,RELIGHT,Q5 (results.json untouched)
 *   BENCH_MAX_COST      the API's query-cost limit (default: the API's own default)
 *   BENCH_PIN_PLANS=1   re-pin the floor's plans in floor-plans.json (after a deliberate change)
 *   BENCH_WEB_CONCURRENCY  API processes (default: as `pnpm start` runs it, one per core in production)
 *   CHILD_NODE_ARGS     Node options for the API process (a profiler's)
 */
import { spawn, execSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import mysql from 'mysql2/promise';
import { SCALE_FIELD_KEY } from '../../services/api/src/scripts/seed-scale';
import { startChildServer, type ChildServer } from '../../services/api/src/testing/child-server';
import { Client } from '../faults/client';
import { castBallot, openVoteFor, type OpenVote } from '../faults/vote';
import { FLOOR_SQL, type FloorQuery } from './floor-server';

/** The local server's Unix socket: the API and the floor reach the database the way a same-machine deployment would. */
const LOCAL_SOCKET = '/run/mysqld/mysqld.sock';
const DATABASE_URL =
  process.env.BENCH_DATABASE_URL ?? (fs.existsSync(LOCAL_SOCKET) ? `mysql://root@localhost/kpd_scale?socketPath=${LOCAL_SOCKET}` : 'mysql://root@127.0.0.1:3306/kpd_scale');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const PERIOD = '2020-12';
const PASSWORD = 'Liaoning@2020';
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',').map((s) => s.trim().toUpperCase())) : null;
const runs = (part: string) => !ONLY || ONLY.has(part);
const PLANS_FILE = path.join(__dirname, 'floor-plans.json');
const REGISTER = path.join(__dirname, '..', '..', 'services', 'api', 'src', 'testing', 'ts-register.js');
const CLOCK_TICKS = Number(execSync('getconf CLK_TCK').toString().trim()) || 100;

interface Figures {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  requests: number;
  errors: number;
  /** CPU of the server's process per request, µs. */
  cpuUs: number;
  /** CPU of the database server per request, µs (the whole mysqld: other clients of a shared machine count too). */
  dbCpuUs: number;
}

interface Row {
  part: string;
  name: string;
  api: Figures;
  floor: Figures | null;
  apiStatements: number | null;
  floorStatements: number | null;
  ratioP50: number | null;
  ratioRps: number | null;
  note?: string;
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** A process and its descendants (the API's workers when it runs several). */
function processTree(pid: number): number[] {
  try {
    const children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    return [pid, ...children.flatMap(processTree)];
  } catch {
    return [pid];
  }
}

/** utime + stime of a process and its descendants, in clock ticks. */
function cpuTicks(root: number | undefined): number {
  return root ? processTree(root).reduce((sum, pid) => sum + processTicks(pid), 0) : 0;
}

function processTicks(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

function databasePid(): number | undefined {
  for (const name of ['mariadbd', 'mysqld']) {
    try {
      return Number(execSync(`pidof -s ${name}`).toString().trim()) || undefined;
    } catch {
      /* not this one */
    }
  }
  return undefined;
}
const DB_PID = databasePid();
const dbTicks = () => (DB_PID ? processTicks(DB_PID) : 0);

/** autocannon for `seconds`; every response time kept for exact percentiles; CPU from /proc around it. */
async function load(url: string, token: string, body: string, pid: number | undefined, seconds = SECONDS): Promise<Figures> {
  const times: number[] = [];
  let errors = 0;
  const [cpu0, db0] = [cpuTicks(pid), dbTicks()];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${url}/graphql`,
        connections: CONNECTIONS,
        duration: seconds,
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body,
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on('response', (_client: unknown, status: number, _bytes: number, time: number) => {
      times.push(time);
      if (status !== 200) errors++;
    });
  });
  const [cpu1, db1] = [cpuTicks(pid), dbTicks()];
  times.sort((a, b) => a - b);
  const perRequest = (ticks: number) => (times.length ? round((ticks / CLOCK_TICKS / times.length) * 1e6, 0) : NaN);
  return {
    rps: round(result.requests.average, 0),
    p50: round(percentile(times, 50), 2),
    p95: round(percentile(times, 95), 2),
    p99: round(percentile(times, 99), 2),
    requests: times.length,
    errors: errors + result.errors + result.non2xx,
    cpuUs: perRequest(cpu1 - cpu0),
    dbCpuUs: perRequest(db1 - db0),
  };
}

const medianFigures = (runs: Figures[]): Figures => ({
  rps: median(runs.map((r) => r.rps)),
  p50: median(runs.map((r) => r.p50)),
  p95: median(runs.map((r) => r.p95)),
  p99: median(runs.map((r) => r.p99)),
  requests: median(runs.map((r) => r.requests)),
  errors: runs.reduce((a, r) => a + r.errors, 0),
  cpuUs: median(runs.map((r) => r.cpuUs)),
  dbCpuUs: median(runs.map((r) => r.dbCpuUs)),
});

async function post(url: string, token: string, body: string): Promise<{ status: number; text: string }> {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
  return { status: res.status, text: await res.text() };
}

/**
 * Statements one request runs, from the database's own count of the statements it received (so the
 * API needs no counter of its own): the least of seven tries, since other clients of the database add
 * to the count, never take from it. The second SHOW counts itself.
 */
async function statements(probe: mysql.Connection, url: string, token: string, body: string): Promise<number> {
  const questions = async () => Number(((await probe.query("SHOW GLOBAL STATUS LIKE 'Questions'")) as unknown as [[{ Value: string }]])[0][0].Value);
  let least = Infinity;
  for (let i = 0; i < 7; i++) {
    const before = await questions();
    await post(url, token, body);
    least = Math.min(least, (await questions()) - before - 1);
  }
  return least;
}

/** A plan as a line per table: table, access type and index. */
async function planOf(pool: mysql.Pool, sql: string, args: unknown[]): Promise<string> {
  const [rows] = (await pool.query(`EXPLAIN ${sql}`, args)) as unknown as [{ table: string | null; type: string | null; key: string | null }[]];
  return rows.map((r) => `${r.table}:${r.type}:${r.key ?? '-'}`).join(' | ');
}

/** Starts the floor server in its own process. */
function startFloor(queriesFile: string): Promise<{ url: string; process: ChildProcess; kill(): void }> {
  const child = spawn(process.execPath, ['-r', REGISTER, path.join(__dirname, 'floor-server.ts')], {
    env: { ...process.env, DATABASE_URL, BENCH_QUERIES: queriesFile, FLOOR_CONNECTIONS: String(CONNECTIONS), PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      out += chunk;
      const m = /"port":(\d+)/.exec(out);
      if (m) resolve({ url: `http://127.0.0.1:${m[1]}`, process: child, kill: () => void child.kill('SIGTERM') });
    });
    child.on('exit', (code) => reject(new Error(`the floor server exited (${code}) before listening`)));
  });
}

/** The API's peak RSS per process (the largest of its workers when it runs several), over the run and per part. */
function rssSampler(server: ChildServer) {
  let max = 0;
  let current = 'start';
  const peaks: Record<string, number> = {};
  const timer = setInterval(() => {
    for (const pid of processTree(server.process.pid!)) {
      try {
        const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
        const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
        max = Math.max(max, kb);
        peaks[current] = Math.max(peaks[current] ?? 0, Math.round(kb / 1024));
      } catch {
        /* the process is gone */
      }
    }
  }, 200);
  return {
    part: (name: string) => void (current = name),
    stop: () => (clearInterval(timer), { rssMb: Math.round(max / 1024), peaks }),
  };
}

interface Part {
  part: string;
  name: string;
  floor: string;
  body: string;
  params: Record<string, string | number>;
  /** The floor's statements and the arguments to EXPLAIN them with. */
  plans: [keyof typeof FLOOR_SQL, unknown[]][];
  note?: string;
}

async function main() {
  const pool = mysql.createPool({ uri: DATABASE_URL, connectionLimit: 4 });
  const probe = await mysql.createConnection({ uri: DATABASE_URL });
  const [[{ projects }]] = (await pool.query('SELECT COUNT(*) AS projects FROM projects')) as unknown as [[{ projects: number }]];
  if (projects < 1000) throw new Error(`${DATABASE_URL} has ${projects} projects: run pnpm seed:scale first (see README)`);
  const loadBefore = os.loadavg();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kpd-bench-'));
  // The compiled service, as `pnpm start` runs it (`pnpm bench` builds it first), with its own defaults:
  // the query-cost limit, the log level and no SQL counter.
  const server = await startChildServer({
    databaseUrl: DATABASE_URL,
    dataDir,
    built: true,
    env: {
      NODE_ENV: 'production',
      SEED_DEMO: 'false',
      // The key `pnpm seed:scale` wrote the encrypted columns under (the same variable overrides both).
      FIELD_ENCRYPTION_KEY: process.env.FIELD_ENCRYPTION_KEY ?? SCALE_FIELD_KEY,
      // The scale data's admins have no authenticator; a session signed in with a password alone is
      // the same row, read the same way, as one that also passed the second step.
      ADMIN_TOTP: 'optional',
      MONTH_END_JOB_MINUTES: '0',
      PROBLEM_ESCALATION_JOB_MINUTES: '0',
      // One token asks as fast as it can: the per-token throttle would refuse most of it.
      RATE_LIMIT_POINTS_PER_SECOND: '0',
      // As many processes as `pnpm start` runs here (one per core in production), unless BENCH_WEB_CONCURRENCY says.
      ...(process.env.BENCH_WEB_CONCURRENCY ? { WEB_CONCURRENCY: process.env.BENCH_WEB_CONCURRENCY } : {}),
      ...(process.env.BENCH_MAX_COST ? { GRAPHQL_MAX_COST: process.env.BENCH_MAX_COST } : {}),
    },
  });
  // Whatever happens, the servers this run started stop with it.
  const children: ChildProcess[] = [server.process];
  process.on('exit', () => children.forEach((c) => c.exitCode === null && c.kill('SIGKILL')));
  const rss = rssSampler(server);
  const admin = await Client.signIn(server.url, 'admin.liaoning', PASSWORD);
  const token = admin.token!;
  const [[session]] = (await pool.query('SELECT token_hash AS hash FROM sessions WHERE id = (SELECT MAX(id) FROM sessions)')) as unknown as [[{ hash: string }]];
  const [[province]] = (await pool.query("SELECT id FROM areas WHERE level = 'PROVINCE'")) as unknown as [[{ id: number }]];
  // Q3's project and Q2's page come from the middle of the scale data: projects with 36 months of reports.
  const [[middle]] = (await pool.query('SELECT id, code FROM projects ORDER BY code LIMIT 1 OFFSET ?', [Math.floor(projects / 2)])) as unknown as [[{ id: number; code: string }]];
  const [[before]] = (await pool.query('SELECT id, code, name FROM projects WHERE code < ? ORDER BY code DESC LIMIT 1', [middle.code])) as unknown as [[{ id: number; code: string; name: string }]];
  const [[reportsPerProject]] = (await pool.query(
    'SELECT MIN(n) AS least, MAX(n) AS most FROM (SELECT COUNT(r.id) AS n FROM (SELECT id FROM projects WHERE code >= ? ORDER BY code LIMIT 50) p LEFT JOIN project_reports r ON r.project_id = p.id GROUP BY p.id) t',
    [middle.code],
  )) as unknown as [[{ least: number; most: number }]];
  // The page's cursor as the API gives it out: the edge of the project just before the middle one.
  const found = await admin.gql<{ projects: { edges: { cursor: string; node: { code: string } }[] } }>(
    'query($s: String!) { projects(first: 100, orderBy: CODE, filter: { search: $s }) { edges { cursor node { code } } } }',
    { s: before.name },
  );
  const cursor = found.data?.projects.edges.find((e) => e.node.code === before.code)?.cursor;
  if (!cursor) throw new Error(`no cursor for ${before.code}: ${JSON.stringify(found.errors ?? found.data).slice(0, 300)}`);

  const q2 = (after: string | null) =>
    JSON.stringify({
      query: `query($n: Int!, $after: String) { projects(first: $n, after: $after, orderBy: CODE) { nodes { id code name totalInvestment district { name } light(period: "${PERIOD}") { color reason } secretaryAssignments { teamRole secretary { name } } r1: report(period: "2020-12") { period actualInvestment } r2: report(period: "2020-11") { period actualInvestment } r3: report(period: "2020-10") { period actualInvestment } } } }`,
      variables: { n: 50, after },
    });
  const pageArgs = async (after: string): Promise<[keyof typeof FLOOR_SQL, unknown[]][]> => {
    const [rows] = (await pool.query('SELECT id FROM projects WHERE code > ? ORDER BY code LIMIT 50', [after])) as unknown as [{ id: number }[]];
    const ids = rows.map((r) => r.id);
    return [
      ['page', [after, 50]],
      ['pageLights', [PERIOD, ids]],
      ['pageReports', [ids, ['2020-12', '2020-11', '2020-10']]],
      ['pageSecretaries', [ids]],
    ];
  };
  const ytd = { query: 'query($a: ID!, $p: Period!) { investmentStats(areaId: $a, groupBy: DISTRICT, period: $p) { rows { district { id name } ytdActual ytdPlanned ytdCompletion { percent } } } }', variables: { a: String(province.id), p: PERIOD } };
  const allParts: Part[] = [
    { part: 'T', name: '{ __typename } with a token', floor: 'typename', body: JSON.stringify({ query: '{ __typename }' }), params: {}, plans: [] },
    { part: 'ME', name: '{ me { id } }', floor: 'me', body: JSON.stringify({ query: '{ me { id } }' }), params: {}, plans: [] },
    {
      part: 'Q1',
      name: 'Q1 lights by district, province, one month',
      floor: 'q1',
      body: JSON.stringify({ query: 'query($a: ID!, $p: Period!) { lightBoard(areaId: $a, period: $p) { districts { district { id name } green yellow red total } } }', variables: { a: String(province.id), p: PERIOD } }),
      params: { period: PERIOD },
      plans: [['lightBoard', [PERIOD]]],
    },
    { part: 'Q1YTD', name: 'Q1 year to date vs plan by district, province', floor: 'q1ytd', body: JSON.stringify(ytd), params: { period: PERIOD }, plans: [['ytdByDistrict', ['2020-01', PERIOD]]] },
    {
      part: 'Q2',
      name: `Q2 page of 50 projects from the middle (${middle.code}…)`,
      floor: 'q2',
      body: q2(cursor),
      params: { after: before.code, first: 50, period: PERIOD, reports: '2020-12,2020-11,2020-10' },
      plans: await pageArgs(before.code),
      note: `reports per project on the page: ${reportsPerProject.least}–${reportsPerProject.most}`,
    },
    { part: 'Q2DEMO', name: 'Q2 first page of 50 projects (demo)', floor: 'q2', body: q2(null), params: { after: '', first: 50, period: PERIOD, reports: '2020-12,2020-11,2020-10' }, plans: await pageArgs('') },
    {
      part: 'Q3',
      name: `Q3 one project in full (${middle.code})`,
      floor: 'q3',
      body: JSON.stringify({
        query: `query($id: ID!) { project(id: $id) { id code name category stage totalInvestment constructionStart constructionEnd enterprise district { name }
        location { geoJson east west south north } planYears { year plannedInvestment } planMonths(year: 2020) { period plannedInvestment }
        reports { period actualInvestment progress reporterName submittedAt } lights { period color reason reasonCode } milestones { name dueDate metDate progress }
        stageHistory { fromStage toStage changedAt } libraryMembership { member reason } } }`,
        variables: { id: String(middle.id) },
      }),
      params: { id: middle.id },
      plans: (['project', 'planYears', 'reports', 'lights', 'milestones', 'stages'] as const).map((k) => [k, [middle.id]] as [keyof typeof FLOOR_SQL, unknown[]]).concat([['planMonths', [middle.id, '2020-01', '2020-12']]]),
    },
    {
      part: 'Q4',
      name: 'Q4 investment statistics by month, province',
      floor: 'q4',
      body: JSON.stringify({
        query: 'query($a: ID!, $p: Period!) { investmentStats(areaId: $a, groupBy: MONTH, period: $p) { rows { key label monthActual monthPlanned ytdActual monthGrowth { percent } } total { ytdActual ytdPlanned } } }',
        variables: { a: String(province.id), p: PERIOD },
      }),
      params: { period: PERIOD },
      plans: [['statsByMonth', ['2019-01', PERIOD]]],
    },
  ];
  const parts = allParts.filter((p) => runs(p.part));

  // The floor's plans: pinned, and the bench stops when one changes (a floor on a worse plan flatters the API).
  const pinned = fs.existsSync(PLANS_FILE) ? (JSON.parse(fs.readFileSync(PLANS_FILE, 'utf8')) as Record<string, string>) : {};
  const plans: Record<string, string> = { session: await planOf(pool, FLOOR_SQL.session, [session.hash]) };
  for (const p of parts) for (const [key, args] of p.plans) plans[p.part === 'Q2DEMO' ? `${key} (demo)` : key] = await planOf(pool, FLOOR_SQL[key], args);
  if (process.env.BENCH_PIN_PLANS === '1') {
    fs.writeFileSync(PLANS_FILE, `${JSON.stringify({ ...pinned, ...plans }, null, 2)}\n`);
  } else {
    const changed = Object.entries(plans).filter(([k, v]) => pinned[k] !== v);
    if (changed.length) throw new Error(`a floor's plan is not the pinned one (floor-plans.json):\n${changed.map(([k, v]) => `  ${k}: ${v}\n    pinned: ${pinned[k] ?? '(none)'}`).join('\n')}`);
  }

  const queriesFile = path.join(dataDir, 'floor-queries.json');
  fs.writeFileSync(queriesFile, JSON.stringify(Object.fromEntries(parts.map((p) => [p.part, { handler: p.floor, body: p.body, params: p.params } satisfies FloorQuery]))));
  const floor = await startFloor(queriesFile);
  children.push(floor.process);

  const rows: Row[] = [];
  const everyRun: Record<string, { api: Figures; floor: Figures }[]> = {};
  for (const p of parts) {
    rss.part(p.part);
    const [api, fl] = await Promise.all([post(server.url, token, p.body), post(floor.url, token, p.body)]);
    const refused = /^\{"errors"|,"errors":/.test(api.text) ? api.text.slice(0, 400) : null;
    // The answers' data must be the same bytes; the API's may go on with its extensions (the query's cost).
    const data = fl.text.replace(/}\n$/, '');
    if (!refused && !(api.text.startsWith(data) && /^(}\n?$|,"extensions":)/.test(api.text.slice(data.length)))) {
      let at = 0;
      while (at < data.length && api.text[at] === fl.text[at]) at++;
      throw new Error(`${p.part}: the floor's answer differs from the API's at byte ${at}:\n  API:   …${api.text.slice(Math.max(0, at - 80), at + 120)}\n  floor: …${fl.text.slice(Math.max(0, at - 80), at + 120)}`);
    }
    if (refused) {
      console.log(`${p.part}: the API refused the query: ${refused}`);
      rows.push({ part: p.part, name: p.name, api: medianFigures([await load(server.url, token, p.body, server.process.pid, 1)]), floor: null, apiStatements: null, floorStatements: null, ratioP50: null, ratioRps: null, note: `refused: ${refused}` });
      continue;
    }
    const apiStatements = await statements(probe, server.url, token, p.body);
    const floorStatements = await statements(probe, floor.url, token, p.body);
    await load(server.url, token, p.body, undefined, WARMUP);
    await load(floor.url, token, p.body, undefined, WARMUP);
    const measured: { api: Figures; floor: Figures }[] = [];
    for (let i = 0; i < RUNS; i++) {
      measured.push({ api: await load(server.url, token, p.body, server.process.pid), floor: await load(floor.url, token, p.body, floor.process.pid) });
      process.stdout.write(`${p.part} run ${i + 1}: API ${measured[i].api.rps} req/s p50 ${measured[i].api.p50} ms ${measured[i].api.cpuUs} µs; floor ${measured[i].floor.rps} req/s p50 ${measured[i].floor.p50} ms ${measured[i].floor.cpuUs} µs\n`);
    }
    everyRun[p.part] = measured;
    const a = medianFigures(measured.map((m) => m.api));
    const f = medianFigures(measured.map((m) => m.floor));
    rows.push({ part: p.part, name: p.name, api: a, floor: f, apiStatements, floorStatements, ratioP50: round(a.p50 / f.p50, 2), ratioRps: round(a.rps / f.rps, 2), note: p.note });
  }
  floor.kill();

  // Recomputing one month's lights for every project: the month-end job after that month's lights are gone.
  let relight: { seconds: number; runs: number[]; lights: number } | null = null;
  if (runs('RELIGHT')) {
    rss.part('RELIGHT');
    const times: number[] = [];
    let lights = 0;
    for (let i = 0; i < RUNS; i++) {
      // The lights go with SQL past the service, so their counts go too: the job counts what it relights.
      await pool.query('DELETE FROM project_lights WHERE period = ?', [PERIOD]);
      await pool.query('DELETE FROM light_counts WHERE period = ?', [PERIOD]);
      const t0 = performance.now();
      const res = await admin.gql<{ runMonthEndLights: number }>('mutation($p: Period!) { runMonthEndLights(period: $p) }', { p: PERIOD });
      if (!res.data) throw new Error(JSON.stringify(res.errors));
      times.push(round((performance.now() - t0) / 1000, 2));
      lights = res.data.runMonthEndLights;
    }
    relight = { seconds: median(times), runs: times, lights };
  }

  // Q5 500 delegates casting ballots at once, then a second session at CONNECTIONS connections.
  let ballots: Awaited<ReturnType<typeof ballotStorm>> | null = null;
  if (runs('Q5')) {
    rss.part('Q5');
    ballots = await ballotStorm(server, pool, admin);
  }

  const { rssMb, peaks: rssPeaksMb } = rss.stop();
  const result = {
    when: new Date().toISOString(),
    database: DATABASE_URL.replace(/\/\/[^@]*@/, '//'),
    projects,
    seconds: SECONDS,
    warmup: WARMUP,
    apiProcesses: processTree(server.process.pid!).length - (processTree(server.process.pid!).length > 1 ? 1 : 0),
    connections: CONNECTIONS,
    runs: RUNS,
    maxCost: process.env.BENCH_MAX_COST ?? 'default',
    loadAverage: { before: loadBefore.map((n) => round(n, 2)), after: os.loadavg().map((n) => round(n, 2)) },
    rows,
    everyRun,
    relight,
    ballots,
    rssMb,
    rssPeaksMb,
    floorPlans: plans,
  };
  // A partial run (BENCH_ONLY) prints its figures but leaves the recorded results alone.
  if (!ONLY) fs.writeFileSync(path.join(__dirname, 'results.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nMedians of ${RUNS} runs of ${SECONDS} s at ${CONNECTIONS} connections (${projects} projects; load average ${loadBefore.map((n) => n.toFixed(2)).join(' ')}):\n`);
  console.log('| query | req/s | p50 ms | p95 ms | p99 ms | API CPU µs/req | DB CPU µs/req | SQL | floor req/s | floor p50 ms | floor CPU µs/req | floor SQL | p50 ÷ floor | req/s ÷ floor |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    const f = r.floor;
    console.log(`| ${r.name} | ${r.api.rps} | ${r.api.p50} | ${r.api.p95} | ${r.api.p99} | ${r.api.cpuUs} | ${r.api.dbCpuUs} | ${r.apiStatements ?? '—'} | ${f?.rps ?? '—'} | ${f?.p50 ?? '—'} | ${f?.cpuUs ?? '—'} | ${r.floorStatements ?? '—'} | ${r.ratioP50 ?? '—'} | ${r.ratioRps ?? '—'} |`);
  }
  if (relight) console.log(`\nMonth-end relighting of ${relight.lights} projects for ${PERIOD}: ${relight.seconds} s (runs: ${relight.runs.join(', ')} s).`);
  if (ballots) console.log(`500 delegates at once: ${ballots.stormBallots} ballots counted, last receipt after ${ballots.stormMs} ms. Ballots at ${CONNECTIONS} connections: ${ballots.steady.rps} req/s, p50 ${ballots.steady.p50} ms, p99 ${ballots.steady.p99} ms, ${ballots.sql} statements.`);
  console.log(`Peak API RSS: ${rssMb} MB (by part: ${Object.entries(rssPeaksMb).map(([k, v]) => `${k} ${v}`).join(', ')}).`);
  for (const r of rows) if (r.note) console.log(`- ${r.name}: ${r.note}`);
  if (rows.some((r) => r.api.errors > 0 || (r.floor?.errors ?? 0) > 0)) console.log('\nSome requests failed: see errors in results.json.');
  await server.kill('SIGTERM');
  await probe.end();
  await pool.end();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

async function ballotStorm(server: ChildServer, pool: mysql.Pool, admin: Client) {
  const fuxin = await admin.gql<{ districts: unknown; areas: { children: { id: string; name: string }[] }[] }>('{ areas { children { id name } } }');
  const cityId = fuxin.data!.areas[0].children.find((c) => c.name === '阜新市')!.id;
  const cityAdmin = await Client.signIn(server.url, 'admin.fuxin', PASSWORD);
  const usernames = Array.from({ length: 500 }, (_, i) => `bench.delegate.${String(i + 1).padStart(3, '0')}`);
  const [existing] = (await pool.query('SELECT COUNT(*) AS n FROM users WHERE username LIKE ?', ['bench.delegate.%'])) as unknown as [[{ n: number }]];
  if (Number(existing[0].n) < 500) {
    for (let i = 0; i < usernames.length; i += 20) {
      await Promise.all(
        usernames.slice(i, i + 20).map((u) =>
          cityAdmin.gql('mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', { i: { username: u, displayName: `基准测试代表 ${u.slice(-3)}`, role: 'DELEGATE', areaId: cityId, password: PASSWORD } }),
        ),
      );
    }
  }
  // Their passwords were set by an admin, so temporary; the bench's delegates keep them (no one reads the change form here).
  await pool.query('UPDATE users SET must_change_password = 0 WHERE username LIKE ?', ['bench.delegate.%']);
  const tokens: string[] = [];
  for (let i = 0; i < usernames.length; i += 25) tokens.push(...(await Promise.all(usernames.slice(i, i + 25).map((u) => Client.signIn(server.url, u, PASSWORD).then((c) => c.token!)))));

  const openSession = (name: string) => openVoteFor(cityAdmin, cityId, usernames, tokens, name);
  const cast = (token: string, vote: OpenVote, i: number) => castBallot(server.url, token, vote, i);

  // Everyone at once.
  const storm = await openSession(`基准测试会议（同时投票）${Date.now()}`);
  const t0 = performance.now();
  const receipts = await Promise.all(tokens.map((t, i) => cast(t, storm, i)));
  const stormMs = Math.round(performance.now() - t0);
  if (receipts.some((r) => !r.data)) throw new Error(`a ballot failed: ${JSON.stringify(receipts.find((r) => !r.data))}`);
  await cityAdmin.gql('mutation($s: ID!, $k: [String!]!) { closeVote(sessionId: $s, shares: $k) { id } }', { s: storm.sessionId, k: storm.shares.slice(0, 2) });
  const [[counted]] = (await pool.query('SELECT COUNT(*) AS n FROM livelihood_ballots b JOIN livelihood_rounds r ON r.id = b.round_id WHERE r.session_id = ?', [storm.sessionId])) as unknown as [[{ n: number }]];

  // CONNECTIONS at a time.
  const steady = await openSession(`基准测试会议（${CONNECTIONS} 路并发）${Date.now()}`);
  const times: number[] = [];
  let next = 0;
  const questions = async () => Number(((await pool.query("SHOW GLOBAL STATUS LIKE 'Questions'")) as unknown as [[{ Value: string }]])[0][0].Value);
  const before = await questions();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (next < tokens.length) {
        const i = next++;
        const t1 = performance.now();
        const res = await fetch(`${server.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[i]}` },
          body: JSON.stringify({ query: 'mutation($s: ID!, $c: [ID!]!) { castBallot(sessionId: $s, candidateIds: $c) { receiptCode } }', variables: { s: steady.sessionId, c: steady.candidates.slice(0, 10) } }),
        });
        await res.text();
        times.push(performance.now() - t1);
      }
    }),
  );
  // Statements a ballot runs, on average: the database's count over the run (other clients add to it).
  const sql = round(((await questions()) - before - 1) / tokens.length, 1);
  const wall = times.reduce((a, b) => a + b, 0) / CONNECTIONS / 1000;
  times.sort((a, b) => a - b);
  return {
    stormMs,
    stormBallots: Number(counted.n),
    sql,
    steady: { rps: round(times.length / wall, 0), p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), p99: round(percentile(times, 99)), errors: 0 },
  };
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
