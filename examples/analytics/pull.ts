/**
 * Pulls a year of investment statistics by district and month, and every project, with an API
 * token — the way an analytics tool uses the API: one request per year for the statistics, pages of
 * 100 for the projects, the cost of each answer read from `extensions.cost`, and a THROTTLED answer
 * waited out for its Retry-After.
 *
 *   KPD_URL=http://localhost:4000 KPD_TOKEN=kpd_api_… \
 *     node -r ./services/api/src/testing/ts-register.js examples/analytics/pull.ts 2020 out/
 *
 * Writes out/statistics-<year>.csv (month, district, amounts in 元 as exact decimal text, whether
 * the district reported) and out/projects.csv. The token needs read:figures and read:projects.
 */
import fs from 'node:fs';
import path from 'node:path';

interface Answer<T> {
  data?: T;
  errors?: Array<{ message: string; extensions?: { code?: string; retryAfter?: number } }>;
  extensions?: { cost?: { requested: number; actual: number; remaining: number } };
}

interface StatsRow {
  key: string;
  label: string;
  monthActual: string;
  ytdActual: string;
  ytdPlanned: string;
  reported: boolean;
}

interface ProjectNode {
  code: string;
  name: string;
  stage: string;
  category: string;
  totalInvestment: string;
  district: { name: string };
}

export async function query<T>(url: string, token: string, text: string, variables: Record<string, unknown> = {}, log = process.stderr): Promise<T> {
  for (;;) {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: text, variables }),
    });
    const body = (await res.json()) as Answer<T>;
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

export async function pull(url: string, token: string, year: number, outDir: string, log = process.stderr): Promise<{ statistics: number; projects: number }> {
  fs.mkdirSync(outDir, { recursive: true });
  const me = await query<{ me: { area: { id: string; name: string } } }>(url, token, '{ me { area { id name } } }', {}, log);
  // Twelve months in one request: one alias per month.
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  const fields = 'rows { key label monthActual ytdActual ytdPlanned reported }';
  const text = `query($a: ID!) { ${months.map((m, i) => `m${i + 1}: investmentStats(areaId: $a, period: "${m}", groupBy: DISTRICT) { ${fields} }`).join(' ')} }`;
  const stats = await query<Record<string, { rows: StatsRow[] }>>(url, token, text, { a: me.me.area.id }, log);
  const statRows = months.flatMap((m, i) => stats[`m${i + 1}`].rows.map((r) => [m, r.label, r.monthActual, r.ytdActual, r.ytdPlanned, r.reported]));
  fs.writeFileSync(path.join(outDir, `statistics-${year}.csv`), csv(['period', 'district', 'monthActual', 'ytdActual', 'ytdPlanned', 'reported'], statRows));

  const projects: ProjectNode[] = [];
  let after: string | null = null;
  for (;;) {
    const page: { projects: { nodes: ProjectNode[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } = await query(
      url,
      token,
      'query($after: String) { projects(first: 100, after: $after) { nodes { code name stage category totalInvestment district { name } } pageInfo { hasNextPage endCursor } } }',
      { after },
      log,
    );
    projects.push(...page.projects.nodes);
    if (!page.projects.pageInfo.hasNextPage) break;
    after = page.projects.pageInfo.endCursor;
  }
  fs.writeFileSync(
    path.join(outDir, 'projects.csv'),
    csv(['code', 'name', 'district', 'stage', 'category', 'totalInvestment'], projects.map((p) => [p.code, p.name, p.district.name, p.stage, p.category, p.totalInvestment])),
  );
  return { statistics: statRows.length, projects: projects.length };
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
    (n) => process.stdout.write(`${n.statistics} statistics rows, ${n.projects} projects\n`),
    (e: Error) => {
      process.stderr.write(`${e.message}\n`);
      process.exit(1);
    },
  );
}
