/**
 * The HTTP floor of `pnpm bench`: the least a server must do to answer the bench's queries — a plain
 * node:http server with a mysql2 pool, the same session check as the API (one statement by token
 * hash: session unexpired and unrevoked, user active), the best hand-written SQL for each query, and
 * JSON.stringify of an answer byte-identical to the API's (the bench checks the bytes).
 *
 * It runs in its own process, as the API does, so the bench measures both the same way and reads the
 * CPU each spends from /proc. It answers only the request bodies the bench registers (BENCH_QUERIES, a
 * JSON file of { part: { handler, body, params } }); any other body gets 404.
 *
 *   DATABASE_URL   the scale database
 *   PORT           0 for a free port; the chosen one is printed as {"listening":true,"port":…}
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { completionRate, formatYuan, growthRate, libraryMembership } from '@kpd/domain';
import mysql from 'mysql2/promise';

export interface FloorQuery {
  /** The floor-handler that answers it. */
  handler: string;
  body: string;
  /** What the handler needs that the body names (area, period, project, page). */
  params: Record<string, string | number>;
}

type Params = Record<string, string | number>;
type Handler = (params: Params, viewer: { userId: number }) => Promise<unknown>;

/**
 * Every statement a floor handler runs, by name: the bench EXPLAINs each with the params it uses and
 * fails when a plan differs from the one pinned in floor-plans.json.
 */
export const FLOOR_SQL = {
  session:
    'SELECT s.id, s.expires_at AS expiresAt, s.revoked_at AS revokedAt, u.id AS userId, u.active FROM sessions s INNER JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?',
  lightBoard:
    "SELECT a.id, a.name, c.green, c.yellow, c.red FROM areas a LEFT JOIN light_counts c ON c.period = ? AND c.area_id = a.id WHERE a.level = 'DISTRICT' ORDER BY a.sort_order, a.id",
  ytdByDistrict:
    'SELECT a.id, a.name, SUM(s.actual) AS actual, SUM(s.planned) AS planned FROM investment_district_summary s INNER JOIN areas a ON a.id = s.area_id WHERE s.period BETWEEN ? AND ? GROUP BY a.id',
  statsByMonth:
    'SELECT s.period, SUM(s.actual) AS actual, SUM(s.planned) AS planned FROM investment_district_summary s WHERE s.period BETWEEN ? AND ? GROUP BY s.period',
  // STRAIGHT_JOIN: projects first, along the code index, stopping at the page's end. Left to itself the
  // optimizer may read the areas first and sort every project (the two plans are priced within 1%).
  page: 'SELECT p.id, p.code, p.name, p.total_investment AS totalInvestment, a.name AS district FROM projects p STRAIGHT_JOIN areas a ON a.id = p.area_id WHERE p.code > ? ORDER BY p.code LIMIT ?',
  pageLights: 'SELECT project_id AS projectId, color, reason FROM project_lights WHERE period = ? AND project_id IN (?)',
  pageReports: 'SELECT project_id AS projectId, period, actual_investment AS actualInvestment FROM project_reports WHERE project_id IN (?) AND period IN (?)',
  pageSecretaries:
    'SELECT a.project_id AS projectId, a.team_role AS teamRole, s.name FROM secretary_assignments a INNER JOIN secretaries s ON s.id = a.secretary_id WHERE a.project_id IN (?) ORDER BY a.project_id, a.id',
  project:
    'SELECT p.*, a.name AS district, cs.library_threshold AS threshold FROM projects p INNER JOIN areas a ON a.id = p.area_id LEFT JOIN city_settings cs ON cs.city_id = p.city_id WHERE p.id = ?',
  planYears: 'SELECT year, planned_investment AS planned FROM project_plan_years WHERE project_id = ? ORDER BY year',
  planMonths: 'SELECT period, planned_investment AS planned FROM project_plan_months WHERE project_id = ? AND period BETWEEN ? AND ? ORDER BY period',
  reports:
    'SELECT period, actual_investment AS actual, progress, reporter_name AS reporterName, submitted_at AS submittedAt FROM project_reports WHERE project_id = ? ORDER BY period',
  lights: 'SELECT period, color, reason, reason_code AS reasonCode FROM project_lights WHERE project_id = ? ORDER BY period',
  milestones: 'SELECT name, due_date AS dueDate, met_date AS metDate, progress FROM project_milestones WHERE project_id = ? ORDER BY due_date, id',
  stages: 'SELECT from_stage AS fromStage, to_stage AS toStage, changed_at AS changedAt FROM project_stage_changes WHERE project_id = ? ORDER BY changed_at, id',
} as const;

const fen = (v: unknown) => formatYuan(BigInt(v as string));
const iso = (v: unknown) => (v as Date).toISOString();

export function floorHandlers(pool: mysql.Pool): Record<string, Handler> {
  const q = async <T>(sql: string, args: unknown[]) => (await pool.query(sql, args))[0] as T[];
  return {
    typename: async () => ({ __typename: 'Query' }),
    me: async (_p, viewer) => ({ me: { id: String(viewer.userId) } }),
    q1: async (p) => {
      const rows = await q<{ id: number; name: string; green: number | null; yellow: number | null; red: number | null }>(FLOOR_SQL.lightBoard, [p.period]);
      return {
        lightBoard: {
          districts: rows.map((r) => {
            const [green, yellow, red] = [r.green ?? 0, r.yellow ?? 0, r.red ?? 0];
            return { district: { id: String(r.id), name: r.name }, green, yellow, red, total: green + yellow + red };
          }),
        },
      };
    },
    q1ytd: async (p) => {
      const rows = await q<{ id: number; name: string; actual: string; planned: string }>(FLOOR_SQL.ytdByDistrict, [`${String(p.period).slice(0, 4)}-01`, p.period]);
      return {
        investmentStats: {
          // The API lists districts by id as text, as its grouping keys sort.
          rows: rows.sort((x, y) => (String(x.id) < String(y.id) ? -1 : 1)).map((s) => ({
            district: { id: String(s.id), name: s.name },
            ytdActual: fen(s.actual),
            ytdPlanned: fen(s.planned),
            ytdCompletion: { percent: completionRate(BigInt(s.actual), BigInt(s.planned)).percent },
          })),
        },
      };
    },
    q4: async (p) => {
      const year = Number(String(p.period).slice(0, 4));
      const rows = await q<{ period: string; actual: string; planned: string }>(FLOOR_SQL.statsByMonth, [`${year - 1}-01`, p.period]);
      const byPeriod = new Map(rows.map((r) => [r.period, r]));
      const out = [];
      let ytd = 0n;
      let ytdPlanned = 0n;
      for (let m = 1; m <= Number(String(p.period).slice(5)); m++) {
        const period = `${year}-${String(m).padStart(2, '0')}`;
        const r = byPeriod.get(period);
        const last = byPeriod.get(`${year - 1}-${String(m).padStart(2, '0')}`);
        const [actual, planned] = [BigInt(r?.actual ?? 0), BigInt(r?.planned ?? 0)];
        ytd += actual;
        ytdPlanned += planned;
        out.push({ key: String(m).padStart(2, '0'), label: `${m}月`, monthActual: formatYuan(actual), monthPlanned: formatYuan(planned), ytdActual: formatYuan(ytd), monthGrowth: { percent: growthRate(actual, BigInt(last?.actual ?? 0)).percent } });
      }
      return { investmentStats: { rows: out, total: { ytdActual: formatYuan(ytd), ytdPlanned: formatYuan(ytdPlanned) } } };
    },
    q2: async (p) => {
      const projects = await q<{ id: number; code: string; name: string; totalInvestment: string; district: string }>(FLOOR_SQL.page, [p.after, p.first]);
      const ids = projects.map((r) => r.id);
      const periods = String(p.reports).split(',');
      const [lights, reports, secretaries] = ids.length
        ? await Promise.all([
            q<{ projectId: number; color: string; reason: string }>(FLOOR_SQL.pageLights, [p.period, ids]),
            q<{ projectId: number; period: string; actualInvestment: string }>(FLOOR_SQL.pageReports, [ids, periods]),
            q<{ projectId: number; teamRole: string; name: string }>(FLOOR_SQL.pageSecretaries, [ids]),
          ])
        : [[], [], []];
      const light = new Map(lights.map((l) => [l.projectId, { color: l.color, reason: l.reason }]));
      const report = new Map(reports.map((r) => [`${r.projectId} ${r.period}`, { period: r.period, actualInvestment: fen(r.actualInvestment) }]));
      const teams = new Map<number, { teamRole: string; secretary: { name: string } }[]>();
      for (const s of secretaries) {
        let list = teams.get(s.projectId);
        if (!list) teams.set(s.projectId, (list = []));
        list.push({ teamRole: s.teamRole, secretary: { name: s.name } });
      }
      return {
        projects: {
          nodes: projects.map((r) => ({
            id: String(r.id),
            code: r.code,
            name: r.name,
            totalInvestment: fen(r.totalInvestment),
            district: { name: r.district },
            light: light.get(r.id) ?? null,
            secretaryAssignments: teams.get(r.id) ?? [],
            r1: report.get(`${r.id} ${periods[0]}`) ?? null,
            r2: report.get(`${r.id} ${periods[1]}`) ?? null,
            r3: report.get(`${r.id} ${periods[2]}`) ?? null,
          })),
        },
      };
    },
    q3: async (p) => {
      const id = p.id;
      const [[row], years, months, reports, lights, milestones, stages] = await Promise.all([
        q<Record<string, unknown>>(FLOOR_SQL.project, [id]),
        q<{ year: number; planned: string }>(FLOOR_SQL.planYears, [id]),
        q<{ period: string; planned: string }>(FLOOR_SQL.planMonths, [id, '2020-01', '2020-12']),
        q<{ period: string; actual: string; progress: string; reporterName: string; submittedAt: Date }>(FLOOR_SQL.reports, [id]),
        q<{ period: string; color: string; reason: string; reasonCode: string }>(FLOOR_SQL.lights, [id]),
        q<{ name: string; dueDate: string; metDate: string | null; progress: number }>(FLOOR_SQL.milestones, [id]),
        q<{ fromStage: string | null; toStage: string; changedAt: Date }>(FLOOR_SQL.stages, [id]),
      ]);
      const membership =
        row.threshold === null
          ? { member: false, reason: '所在城市未设置入库门槛' }
          : libraryMembership(
              { totalInvestment: BigInt(row.total_investment as string), stage: row.stage as never, removedFromLibrary: Number(row.removed_from_library) === 1 },
              BigInt(row.threshold as string),
            );
      return {
        project: {
          id: String(row.id),
          code: row.code,
          name: row.name,
          category: row.category,
          stage: row.stage,
          totalInvestment: fen(row.total_investment),
          constructionStart: row.construction_start,
          constructionEnd: row.construction_end,
          enterprise: row.enterprise,
          district: { name: row.district },
          location: { geoJson: row.location_geo_json, east: row.boundary_east, west: row.boundary_west, south: row.boundary_south, north: row.boundary_north },
          planYears: years.map((y) => ({ year: y.year, plannedInvestment: fen(y.planned) })),
          planMonths: months.map((m) => ({ period: m.period, plannedInvestment: fen(m.planned) })),
          reports: reports.map((r) => ({ period: r.period, actualInvestment: fen(r.actual), progress: r.progress, reporterName: r.reporterName, submittedAt: iso(r.submittedAt) })),
          lights: lights.map((l) => ({ period: l.period, color: l.color, reason: l.reason, reasonCode: l.reasonCode })),
          milestones: milestones.map((m) => ({ name: m.name, dueDate: m.dueDate, metDate: m.metDate, progress: m.progress })),
          stageHistory: stages.map((s) => ({ fromStage: s.fromStage, toStage: s.toStage, changedAt: iso(s.changedAt) })),
          libraryMembership: { member: membership.member, reason: membership.reason },
        },
      };
    },
  };
}

export function openFloorPool(url: string, connections: number): mysql.Pool {
  // Datetimes are UTC in the database, as the API reads them; big sums arrive as exact strings.
  return mysql.createPool({ uri: url, connectionLimit: connections, timezone: 'Z', supportBigNumbers: true, bigNumberStrings: true, dateStrings: false });
}

async function main() {
  const queries = JSON.parse(fs.readFileSync(process.env.BENCH_QUERIES!, 'utf8')) as Record<string, FloorQuery>;
  const pool = openFloorPool(process.env.DATABASE_URL!, Number(process.env.FLOOR_CONNECTIONS ?? 10));
  const handlers = floorHandlers(pool);
  const byBody = new Map(Object.values(queries).map((query) => [query.body, { handler: handlers[query.handler], params: query.params }]));
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const route = req.method === 'POST' && req.url === '/graphql' ? byBody.get(Buffer.concat(chunks).toString('utf8')) : undefined;
      const m = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '');
      if (!route?.handler || !m) {
        res.writeHead(404).end();
        return;
      }
      const hash = crypto.createHash('sha256').update(m[1], 'utf8').digest('hex');
      pool
        .query(FLOOR_SQL.session, [hash])
        .then(async ([rows]) => {
          const s = (rows as { expiresAt: Date | null; revokedAt: Date | null; userId: number; active: number }[])[0];
          if (!s || !s.active || s.revokedAt || (s.expiresAt && s.expiresAt.getTime() <= Date.now())) {
            res.writeHead(401).end();
            return;
          }
          // A line feed closes the answer, as Apollo's does.
          const body = `${JSON.stringify({ data: await route.handler(route.params, { userId: s.userId }) })}\n`;
          res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) }).end(body);
        })
        .catch((err: Error) => {
          res.writeHead(500).end(err.message);
        });
    });
  });
  server.keepAliveTimeout = 5_000;
  server.listen({ port: Number(process.env.PORT ?? 0), backlog: 4096 }, () => {
    process.stdout.write(`${JSON.stringify({ listening: true, port: (server.address() as AddressInfo).port })}\n`);
  });
  process.on('SIGTERM', () => server.close(() => void pool.end().then(() => process.exit(0))));
}

if (require.main === module) void main();
