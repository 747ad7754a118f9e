/**
 * `pnpm bench`: drives the API over HTTP on a province-scale database (made by `pnpm seed:scale`)
 * and prints, per query, requests per second, p50/p95/p99 latency, SQL statements per request and,
 * measured in the same run, a hand-written mysql2 query plus JSON.stringify producing the same data
 * (the floor) with the ratio. Results go to tests/bench/results.json.
 *
 *   BENCH_DATABASE_URL  the scale database (default: kpd_scale on the local server, over its Unix socket when it has one)
 *   BENCH_SECONDS       seconds per query (default 20)
 *   BENCH_CONNECTIONS   concurrent connections (default 10)
 *   BENCH_ONLY          run only these parts, comma-separated: Q1,Q1YTD,Q2,Q3,Q4,RELIGHT,Q5 (default: all)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import mysql from 'mysql2/promise';
import { startChildServer, type ChildServer } from '../../services/api/src/testing/child-server';
import { Client } from '../faults/client';
import { castBallot, openVoteFor, type OpenVote } from '../faults/vote';

/** The local server's Unix socket: the API and the floor reach the database the way a same-machine deployment would. */
const LOCAL_SOCKET = '/run/mysqld/mysqld.sock';
const DATABASE_URL =
  process.env.BENCH_DATABASE_URL ?? (fs.existsSync(LOCAL_SOCKET) ? `mysql://root@localhost/kpd_scale?socketPath=${LOCAL_SOCKET}` : 'mysql://root@127.0.0.1:3306/kpd_scale');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const PERIOD = '2020-12';
const PASSWORD = 'Liaoning@2020';
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',').map((s) => s.trim().toUpperCase())) : null;
const runs = (part: string) => !ONLY || ONLY.has(part);

interface Figures {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

interface Row extends Figures {
  name: string;
  sqlPerRequest: number | null;
  floorP50: number | null;
  ratio: number | null;
  note?: string;
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

/** autocannon at CONNECTIONS connections for SECONDS; every response time kept for exact percentiles. */
async function load(url: string, token: string, body: string): Promise<Figures> {
  const times: number[] = [];
  let errors = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${url}/graphql`,
        connections: CONNECTIONS,
        duration: SECONDS,
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
  times.sort((a, b) => a - b);
  return { rps: round(result.requests.average, 0), p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), p99: round(percentile(times, 99)), errors: errors + result.errors };
}

/** The floor: the same data by hand, at the same concurrency for a few seconds; its median. */
async function floor(pool: mysql.Pool, work: () => Promise<unknown>, seconds = 5): Promise<number> {
  const times: number[] = [];
  const until = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (Date.now() < until) {
        const t0 = performance.now();
        JSON.stringify(await work());
        times.push(performance.now() - t0);
      }
    }),
  );
  times.sort((a, b) => a - b);
  void pool;
  return round(percentile(times, 50), 2);
}

async function sqlStatements(url: string, token: string, body: string): Promise<number> {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
  const json = (await res.json()) as { errors?: { message: string }[] };
  if (json.errors) throw new Error(`query failed: ${JSON.stringify(json.errors).slice(0, 500)}`);
  return Number(res.headers.get('x-sql-statements'));
}

/** The API's peak RSS, over the whole run and per part (which part makes the peak). */
function rssSampler(server: ChildServer) {
  let max = 0;
  let current = 'start';
  const peaks: Record<string, number> = {};
  const timer = setInterval(() => {
    try {
      const status = fs.readFileSync(`/proc/${server.process.pid}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      max = Math.max(max, kb);
      peaks[current] = Math.max(peaks[current] ?? 0, Math.round(kb / 1024));
    } catch {
      /* the process is gone */
    }
  }, 200);
  return {
    part: (name: string) => void (current = name),
    stop: () => (clearInterval(timer), { rssMb: Math.round(max / 1024), peaks }),
  };
}

async function main() {
  const pool = mysql.createPool({ uri: DATABASE_URL, connectionLimit: CONNECTIONS });
  const [[{ projects }]] = (await pool.query('SELECT COUNT(*) AS projects FROM projects')) as unknown as [[{ projects: number }]];
  if (projects < 1000) throw new Error(`${DATABASE_URL} has ${projects} projects: run pnpm seed:scale first (see README)`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kpd-bench-'));
  // Q2's page of 50 projects with their secretaries is estimated at 48,051 by the query-cost rule:
  // above the default limit of 20,000, so the bench raises it rather than measure a refusal.
  // The compiled service, as `pnpm start` runs it (`pnpm bench` builds it first).
  const server = await startChildServer({
    databaseUrl: DATABASE_URL,
    dataDir,
    built: true,
    env: { NODE_ENV: 'production', SEED_DEMO: 'false', EXPOSE_SQL_COUNT: 'true', LOG_LEVEL: 'info', MONTH_END_JOB_MINUTES: '0', PROBLEM_ESCALATION_JOB_MINUTES: '0', GRAPHQL_MAX_COST: '100000', RATE_LIMIT_POINTS_PER_SECOND: '0' },
  });
  const rss = rssSampler(server);
  const admin = await Client.signIn(server.url, 'admin.liaoning', PASSWORD);
  const token = admin.token!;
  const [[province]] = (await pool.query("SELECT id FROM areas WHERE level = 'PROVINCE'")) as unknown as [[{ id: number }]];
  const [[sample]] = (await pool.query('SELECT id FROM projects ORDER BY id DESC LIMIT 1')) as unknown as [[{ id: number }]];
  const rows: Row[] = [];

  // Q1 city dashboard: lights by district for one month, whole province.
  if (runs('Q1')) {
    rss.part('Q1');
    const body = JSON.stringify({ query: 'query($a: ID!, $p: String!) { lightBoard(areaId: $a, period: $p) { districts { district { id name } green yellow red total } } }', variables: { a: String(province.id), p: PERIOD } });
    const sql = await sqlStatements(server.url, token, body);
    const figures = await load(server.url, token, body);
    // The floor reads the same kept counts the API does (counting the month's lights took 120 ms a request).
    const floorP50 = await floor(pool, async () => {
      const [r] = await pool.query('SELECT a.id, a.name, c.green, c.yellow, c.red FROM light_counts c JOIN areas a ON a.id = c.area_id WHERE c.period = ?', [PERIOD]);
      return r;
    });
    rows.push({ name: 'Q1 lights by district, province, one month', ...figures, sqlPerRequest: sql, floorP50, ratio: round(figures.p50 / floorP50, 2), });
  }

  // Q1 (second half) year-to-date investment against plan by district, whole province.
  if (runs('Q1YTD')) {
    rss.part('Q1YTD');
    const body = JSON.stringify({
      query: 'query($a: ID!, $p: Period!) { investmentStats(areaId: $a, groupBy: DISTRICT, period: $p) { rows { district { id name } ytdActual ytdPlanned ytdCompletion { percent } } } }',
      variables: { a: String(province.id), p: PERIOD },
    });
    const sql = await sqlStatements(server.url, token, body);
    const figures = await load(server.url, token, body);
    // The floor reads the same summary table the API does (summing the base tables took 7.5 s a request).
    const floorP50 = await floor(pool, async () => {
      const [sums] = await pool.query(
        "SELECT area_id, SUM(actual) AS actual, SUM(planned) AS planned FROM investment_district_summary WHERE period BETWEEN '2020-01' AND ? GROUP BY area_id",
        [PERIOD],
      );
      return sums;
    });
    rows.push({ name: 'Q1 year-to-date investment vs plan by district, province', ...figures, sqlPerRequest: sql, floorP50, ratio: round(figures.p50 / floorP50, 2) });
  }

  // Q2 a page of 50 projects with district, current light and the last three reports (and 10, to show statements do not grow).
  if (runs('Q2')) {
    rss.part('Q2');
    const query = (n: number) =>
      JSON.stringify({
        query: `query($n: Int!) { projects(first: $n, orderBy: CODE) { nodes { id code name totalInvestment district { name } light(period: "${PERIOD}") { color reason }
          secretaryAssignments { teamRole secretary { name } }
          r1: report(period: "2020-12") { period actualInvestment } r2: report(period: "2020-11") { period actualInvestment } r3: report(period: "2020-10") { period actualInvestment } } } }`,
        variables: { n },
      });
    const sql10 = await sqlStatements(server.url, token, query(10));
    const sql = await sqlStatements(server.url, token, query(50));
    const figures = await load(server.url, token, query(50));
    const floorP50 = await floor(pool, async () => {
      const [ps] = (await pool.query('SELECT p.id, p.code, p.name, p.total_investment, a.name AS district FROM projects p JOIN areas a ON a.id = p.area_id ORDER BY p.code LIMIT 50')) as unknown as [{ id: number }[]];
      const ids = ps.map((p) => p.id);
      const [lights] = await pool.query('SELECT project_id, color, reason FROM project_lights WHERE period = ? AND project_id IN (?)', [PERIOD, ids]);
      const [reports] = await pool.query("SELECT project_id, period, actual_investment FROM project_reports WHERE period IN ('2020-10','2020-11','2020-12') AND project_id IN (?)", [ids]);
      const [secretaries] = await pool.query('SELECT a.project_id, a.team_role, s.name FROM secretary_assignments a JOIN secretaries s ON s.id = a.secretary_id WHERE a.project_id IN (?)', [ids]);
      return { ps, lights, reports, secretaries };
    });
    rows.push({ name: 'Q2 page of 50 projects (district, secretaries, light, 3 reports)', ...figures, sqlPerRequest: sql, floorP50, ratio: round(figures.p50 / floorP50, 2), note: `statements with a page of 10: ${sql10}` });
  }

  // Q3 one project's full detail.
  if (runs('Q3')) {
    rss.part('Q3');
    const body = JSON.stringify({
      query: `query($id: ID!) { project(id: $id) { id code name category stage totalInvestment constructionStart constructionEnd enterprise district { name }
        location { geoJson east west south north } planYears { year plannedInvestment } planMonths(year: 2020) { period plannedInvestment }
        reports { period actualInvestment progress reporterName submittedAt } lights { period color reason reasonCode } milestones { name dueDate metDate progress }
        stageHistory { fromStage toStage changedAt } libraryMembership { member reason } } }`,
      variables: { id: String(sample.id) },
    });
    const sql = await sqlStatements(server.url, token, body);
    const figures = await load(server.url, token, body);
    const floorP50 = await floor(pool, async () => {
      const id = sample.id;
      const [[p]] = (await pool.query('SELECT p.*, a.name AS district FROM projects p JOIN areas a ON a.id = p.area_id WHERE p.id = ?', [id])) as unknown as [[unknown]];
      const [years] = await pool.query('SELECT year, planned_investment FROM project_plan_years WHERE project_id = ? ORDER BY year', [id]);
      const [months] = await pool.query("SELECT period, planned_investment FROM project_plan_months WHERE project_id = ? AND period LIKE '2020-%' ORDER BY period", [id]);
      const [reports] = await pool.query('SELECT period, actual_investment, progress, reporter_name, submitted_at FROM project_reports WHERE project_id = ? ORDER BY period', [id]);
      const [lights] = await pool.query('SELECT period, color, reason, reason_code FROM project_lights WHERE project_id = ? ORDER BY period', [id]);
      const [milestones] = await pool.query('SELECT name, due_date, met_date, progress FROM project_milestones WHERE project_id = ? ORDER BY due_date', [id]);
      const [stages] = await pool.query('SELECT from_stage, to_stage, changed_at FROM project_stage_changes WHERE project_id = ? ORDER BY changed_at', [id]);
      return { p, years, months, reports, lights, milestones, stages };
    });
    rows.push({ name: 'Q3 one project in full', ...figures, sqlPerRequest: sql, floorP50, ratio: round(figures.p50 / floorP50, 2) });
  }

  // Q4 investment statistics by month for the province.
  if (runs('Q4')) {
    rss.part('Q4');
    const body = JSON.stringify({
      query: 'query($a: ID!, $p: Period!) { investmentStats(areaId: $a, groupBy: MONTH, period: $p) { rows { key label monthActual monthPlanned ytdActual monthGrowth { percent } } total { ytdActual ytdPlanned } } }',
      variables: { a: String(province.id), p: PERIOD },
    });
    const sql = await sqlStatements(server.url, token, body);
    const figures = await load(server.url, token, body);
    const floorP50 = await floor(pool, async () => {
      const [sums] = await pool.query("SELECT period, SUM(actual) AS actual, SUM(planned) AS planned FROM investment_district_summary WHERE period BETWEEN '2019-01' AND ? GROUP BY period", [PERIOD]);
      return sums;
    });
    rows.push({ name: 'Q4 investment statistics by month, province', ...figures, sqlPerRequest: sql, floorP50, ratio: round(figures.p50 / floorP50, 2) });
  }

  // Recomputing one month's lights for every project: the month-end job after that month's lights are gone.
  let relight: { seconds: number; lights: number } | null = null;
  if (runs('RELIGHT')) {
    rss.part('RELIGHT');
    // The lights go with SQL past the service, so their counts go too: the job counts what it relights.
    await pool.query('DELETE FROM project_lights WHERE period = ?', [PERIOD]);
    await pool.query('DELETE FROM light_counts WHERE period = ?', [PERIOD]);
    const t0 = performance.now();
    const res = await admin.gql<{ runMonthEndLights: number }>('mutation($p: Period!) { runMonthEndLights(period: $p) }', { p: PERIOD });
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    relight = { seconds: round((performance.now() - t0) / 1000, 2), lights: res.data.runMonthEndLights };
  }

  // Q5 500 delegates casting ballots at once, then a second session at CONNECTIONS connections.
  if (runs('Q5')) {
    rss.part('Q5');
    const q5 = await ballotStorm(server, pool, admin);
    rows.push({ name: `Q5 ballots at ${CONNECTIONS} connections (500 delegates)`, ...q5.steady, sqlPerRequest: q5.sql, floorP50: null, ratio: null, note: `500 at once: last receipt after ${q5.stormMs} ms, ${q5.stormBallots} ballots counted` });
  }

  const { rssMb, peaks: rssPeaksMb } = rss.stop();
  const result = { when: new Date().toISOString(), database: DATABASE_URL.replace(/\/\/[^@]*@/, '//'), projects, seconds: SECONDS, connections: CONNECTIONS, rows, relight, rssMb, rssPeaksMb };
  // A partial run (BENCH_ONLY) prints its figures but leaves the recorded results alone.
  if (!ONLY) fs.writeFileSync(path.join(__dirname, 'results.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\n| query | req/s | p50 ms | p95 ms | p99 ms | SQL/request | floor p50 ms | p50 ÷ floor |\n|---|---:|---:|---:|---:|---:|---:|---:|`);
  for (const r of rows) console.log(`| ${r.name} | ${r.rps} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.sqlPerRequest ?? '—'} | ${r.floorP50 ?? '—'} | ${r.ratio ?? '—'} |`);
  console.log(`\nMonth-end relighting of ${relight?.lights} projects for ${PERIOD}: ${relight?.seconds} s. Peak API RSS: ${rssMb} MB. ${projects} projects, ${SECONDS} s per query at ${CONNECTIONS} connections.`);
  console.log(`Peak API RSS by part (MB): ${Object.entries(rssPeaksMb).map(([k, v]) => `${k} ${v}`).join(', ')}.`);
  for (const r of rows) if (r.note) console.log(`- ${r.name}: ${r.note}`);
  if (rows.some((r) => r.errors > 0)) console.log('\nSome requests failed: see errors in results.json.');
  await server.kill('SIGTERM');
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
  await cityAdmin.gql('mutation($s: ID!) { closeVote(sessionId: $s) { id } }', { s: storm.sessionId });
  const [[counted]] = (await pool.query('SELECT COUNT(*) AS n FROM livelihood_ballots b JOIN livelihood_rounds r ON r.id = b.round_id WHERE r.session_id = ?', [storm.sessionId])) as unknown as [[{ n: number }]];

  // CONNECTIONS at a time.
  const steady = await openSession(`基准测试会议（${CONNECTIONS} 路并发）${Date.now()}`);
  const times: number[] = [];
  let next = 0;
  let sql = 0;
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
        sql = Math.max(sql, Number(res.headers.get('x-sql-statements')));
      }
    }),
  );
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
