/**
 * Pulls a year of investment statistics and of lights by district and month, and every project, with
 * an API token — the way an analytics tool uses the API: one request per year for the statistics, one
 * for the lights, pages of 100 for the projects, the cost of each answer read from `extensions.cost`,
 * and a THROTTLED answer waited out for its Retry-After.
 *
 * The queries are `graphql()` documents typed from schema/schema.graphql by `pnpm codegen` (into
 * gql/ beside this file, as the admin's apps are): a query the schema no longer answers fails
 * `pnpm typecheck`, and every answer below has its type without a hand-written interface.
 *
 *   pnpm codegen
 *   KPD_URL=http://localhost:4000 KPD_TOKEN=kpd_api_… \
 *     node -r ./services/api/src/testing/ts-register.js examples/analytics/pull.ts 2020 out/
 *
 * Writes out/statistics-<year>.csv (month, district, amounts in 元 as exact decimal text, whether
 * the district reported), out/lights-<year>.csv (month, district, green, yellow, red, projects) and
 * out/projects.csv. The token needs read:figures and read:projects.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { graphql } from './gql';
import type { AnalyticsProjectsPageQuery } from './gql/graphql';

interface Answer<T> {
  data?: T;
  errors?: Array<{ message: string; extensions?: { code?: string; retryAfter?: number } }>;
  extensions?: { cost?: { requested: number; actual: number; remaining: number } };
}

const ME = graphql(`
  query AnalyticsMe {
    me {
      area {
        id
        name
      }
    }
  }
`);

// Twelve months in one request: one alias per month, each month a variable.
const YEAR_STATISTICS = graphql(`
  query AnalyticsYearStatistics(
    $area: ID!
    $m01: Period!
    $m02: Period!
    $m03: Period!
    $m04: Period!
    $m05: Period!
    $m06: Period!
    $m07: Period!
    $m08: Period!
    $m09: Period!
    $m10: Period!
    $m11: Period!
    $m12: Period!
  ) {
    m01: investmentStats(areaId: $area, period: $m01, groupBy: DISTRICT) { ...AnalyticsDistrictMonth }
    m02: investmentStats(areaId: $area, period: $m02, groupBy: DISTRICT) { ...AnalyticsDistrictMonth }
    m03: investmentStats(areaId: $area, period: $m03, groupBy: DISTRICT) { ...AnalyticsDistrictMonth }
    m04: investmentStats(areaId: $area, period: $m04, groupBy: DISTRICT) { ...AnalyticsDistrictMonth }
    m05: investmentStats(areaId: $area, period: $m05, groupBy: DISTRICT) { ...AnalyticsDistrictMonth }
    m06: investmentStats(areaId: $area, period: $m06, groupBy: DISTRICT) { ...AnalyticsDistrictMonth }
    m07: investmentStats(areaId: $area, period: $m07, groupBy: DISTRICT) { ...AnalyticsDistrictMonth }
    m08: investmentStats(areaId: $area, period: $m08, groupBy: DISTRICT) { ...AnalyticsDistrictMonth }
    m09: investmentStats(areaId: $area, period: $m09, groupBy: DISTRICT) { ...AnalyticsDistrictMonth }
    m10: investmentStats(areaId: $area, period: $m10, groupBy: DISTRICT) { ...AnalyticsDistrictMonth }
    m11: investmentStats(areaId: $area, period: $m11, groupBy: DISTRICT) { ...AnalyticsDistrictMonth }
    m12: investmentStats(areaId: $area, period: $m12, groupBy: DISTRICT) { ...AnalyticsDistrictMonth }
  }
  fragment AnalyticsDistrictMonth on InvestmentStats {
    rows {
      key
      label
      monthActual
      ytdActual
      ytdPlanned
      reported
    }
  }
`);

const YEAR_LIGHTS = graphql(`
  query AnalyticsYearLights(
    $area: ID!
    $m01: Period!
    $m02: Period!
    $m03: Period!
    $m04: Period!
    $m05: Period!
    $m06: Period!
    $m07: Period!
    $m08: Period!
    $m09: Period!
    $m10: Period!
    $m11: Period!
    $m12: Period!
  ) {
    m01: lightBoard(areaId: $area, period: $m01) { ...AnalyticsDistrictLights }
    m02: lightBoard(areaId: $area, period: $m02) { ...AnalyticsDistrictLights }
    m03: lightBoard(areaId: $area, period: $m03) { ...AnalyticsDistrictLights }
    m04: lightBoard(areaId: $area, period: $m04) { ...AnalyticsDistrictLights }
    m05: lightBoard(areaId: $area, period: $m05) { ...AnalyticsDistrictLights }
    m06: lightBoard(areaId: $area, period: $m06) { ...AnalyticsDistrictLights }
    m07: lightBoard(areaId: $area, period: $m07) { ...AnalyticsDistrictLights }
    m08: lightBoard(areaId: $area, period: $m08) { ...AnalyticsDistrictLights }
    m09: lightBoard(areaId: $area, period: $m09) { ...AnalyticsDistrictLights }
    m10: lightBoard(areaId: $area, period: $m10) { ...AnalyticsDistrictLights }
    m11: lightBoard(areaId: $area, period: $m11) { ...AnalyticsDistrictLights }
    m12: lightBoard(areaId: $area, period: $m12) { ...AnalyticsDistrictLights }
  }
  fragment AnalyticsDistrictLights on LightBoard {
    districts {
      district {
        name
      }
      green
      yellow
      red
      total
    }
  }
`);

const PROJECTS_PAGE = graphql(`
  query AnalyticsProjectsPage($after: String) {
    projects(first: 100, after: $after) {
      nodes {
        code
        name
        stage
        category
        totalInvestment
        district {
          name
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** Sends one typed query; waits out THROTTLED for its Retry-After; writes each answer's cost to `log`. */
export async function query<R, V>(url: string, token: string, document: TypedDocumentNode<R, V>, variables: V, log = process.stderr): Promise<R> {
  for (;;) {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: print(document), variables }),
    });
    const body = (await res.json()) as Answer<R>;
    const cost = body.extensions?.cost;
    if (cost) log.write(`cost: requested ${cost.requested}, actual ${cost.actual}, remaining ${cost.remaining}\n`);
    const throttled = body.errors?.find((e) => e.extensions?.code === 'THROTTLED');
    if (throttled) {
      const seconds = Number(res.headers.get('retry-after') ?? throttled.extensions?.retryAfter ?? 1);
      log.write(`throttled: waiting ${seconds} s\n`);
      await new Promise((r) => setTimeout(r, seconds * 1000));
      continue;
    }
    if (body.errors?.length) throw new Error(body.errors.map((e) => `${e.extensions?.code}: ${e.message}`).join('; '));
    return body.data!;
  }
}

const csvCell = (v: unknown) => {
  const s = String(v ?? '');
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const csv = (header: string[], rows: unknown[][]) => [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\n') + '\n';

const MONTH_KEYS = ['m01', 'm02', 'm03', 'm04', 'm05', 'm06', 'm07', 'm08', 'm09', 'm10', 'm11', 'm12'] as const;

export async function pull(url: string, token: string, year: number, outDir: string, log = process.stderr): Promise<{ statistics: number; lights: number; projects: number }> {
  fs.mkdirSync(outDir, { recursive: true });
  const { me } = await query(url, token, ME, {}, log);
  if (!me) throw new Error('the token is not accepted: no one is signed in with it');
  const area = me.area.id;
  const months = MONTH_KEYS.map((key, i) => ({ key, period: `${year}-${String(i + 1).padStart(2, '0')}` }));
  const variables = { area, ...Object.fromEntries(months.map((m) => [m.key, m.period])) } as { area: string } & Record<(typeof MONTH_KEYS)[number], string>;

  const stats = await query(url, token, YEAR_STATISTICS, variables, log);
  const statRows = months.flatMap((m) => stats[m.key].rows.map((r) => [m.period, r.label, r.monthActual, r.ytdActual, r.ytdPlanned, r.reported]));
  fs.writeFileSync(path.join(outDir, `statistics-${year}.csv`), csv(['period', 'district', 'monthActual', 'ytdActual', 'ytdPlanned', 'reported'], statRows));

  const lights = await query(url, token, YEAR_LIGHTS, variables, log);
  const lightRows = months.flatMap((m) => lights[m.key].districts.map((d) => [m.period, d.district.name, d.green, d.yellow, d.red, d.total]));
  fs.writeFileSync(path.join(outDir, `lights-${year}.csv`), csv(['period', 'district', 'green', 'yellow', 'red', 'projects'], lightRows));

  const projects = [];
  let after: string | null = null;
  for (;;) {
    const page: AnalyticsProjectsPageQuery = await query(url, token, PROJECTS_PAGE, { after }, log);
    projects.push(...page.projects.nodes);
    if (!page.projects.pageInfo.hasNextPage) break;
    after = page.projects.pageInfo.endCursor;
  }
  fs.writeFileSync(
    path.join(outDir, 'projects.csv'),
    csv(['code', 'name', 'district', 'stage', 'category', 'totalInvestment'], projects.map((p) => [p.code, p.name, p.district.name, p.stage, p.category, p.totalInvestment])),
  );
  return { statistics: statRows.length, lights: lightRows.length, projects: projects.length };
}

if (require.main === module) {
  const url = process.env.KPD_URL ?? 'http://localhost:4000';
  const token = process.env.KPD_TOKEN;
  const [yearArg, outDir = 'out'] = process.argv.slice(2);
  if (!token || !yearArg) {
    process.stderr.write('usage: KPD_URL=… KPD_TOKEN=kpd_api_… pull.ts <year> [outDir]\n');
    process.exit(2);
  }
  pull(url, token, Number(yearArg), outDir).then(
    (n) => process.stdout.write(`${n.statistics} statistics rows, ${n.lights} light rows, ${n.projects} projects\n`),
    (e: Error) => {
      process.stderr.write(`${e.message}\n`);
      process.exit(1);
    },
  );
}
