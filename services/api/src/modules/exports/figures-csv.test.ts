import { DRIVERS, startTestServer, type TestServer } from '../../testing/harness';
import { Area } from '../../core/areas/area.entity';
import { parseCsv } from '../../testing/csv';
import { FIGURES_CSV } from './figures-csv';

type ErrorBody = { errors: { message: string; extensions: { field?: string } }[] };

/**
 * A figures query as CSV in one GET, as an analyst's tool fetches it: the same rows as the GraphQL
 * answer, money as exact decimal text, the caller's scope and token scopes, and errors that say why.
 */
describe.each(DRIVERS)('figures as CSV [%s]', (driver) => {
  let t: TestServer;
  let ids: Record<string, string>;
  let province: string;
  beforeAll(async () => {
    t = await startTestServer(driver, { seedModules: ['areas', 'accounts', 'projects', 'secretaries', 'problems', 'service-items'] });
    province = await t.login('admin.liaoning');
    ids = Object.fromEntries((await t.server.db.getRepository(Area).find()).map((a) => [a.name, String(a.id)]));
  }, 120_000);
  afterAll(() => t?.close());

  const get = (path: string, token: string | null) => fetch(`${t.url}/api/exports/figures/${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('answers investmentStats by district as the GraphQL query does, every district, amounts exact', async () => {
    const token = await t.login('admin.shenyang');
    const res = await get(`investmentStats.csv?areaId=${ids['沈阳市']}&period=2020-09&groupBy=DISTRICT`, token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toContain('attachment');
    const rows = parseCsv(await res.text());
    const header = rows[0];
    const gql = await t.gql<{ investmentStats: { rows: { label: string; monthActual: string; reported: boolean }[] } }>(
      'query($a: ID!) { investmentStats(areaId: $a, period: "2020-09", groupBy: DISTRICT) { rows { label monthActual reported } } }',
      { a: ids['沈阳市'] },
      token,
    );
    const expected = gql.data!.investmentStats.rows;
    expect(rows.slice(1)).toHaveLength(expected.length);
    expect(expected.length).toBe(13);
    const col = (name: string) => header.indexOf(name);
    expect(col('monthActual')).toBeGreaterThanOrEqual(0);
    const sujiatun = rows.find((r) => r[col('label')] === '苏家屯区')!;
    expect(sujiatun[col('monthActual')]).toBe('1480000000.00');
    expect(rows.slice(1).map((r) => [r[col('label')], r[col('monthActual')], r[col('reported')]])).toEqual(expected.map((e) => [e.label, e.monthActual, String(e.reported)]));
    // A nested district comes out as dotted columns.
    expect(header).toEqual(expect.arrayContaining(['district.name', 'district.code']));
  });

  it('serves every listed figures query, to a province admin, with rows', async () => {
    const args: Record<string, string> = {
      investmentStats: `areaId=${ids['辽宁省']}&period=2020-09`,
      lightBoard: `areaId=${ids['沈阳市']}&period=2020-09`,
      problemFigures: `areaId=${ids['大连市']}&groupBy=DISTRICT`,
      planVsActual: `areaId=${ids['苏家屯区']}&year=2020&view=QUARTER`,
      serviceCatalogueFigures: `areaId=${ids['沈阳市']}&groupBy=DISTRICT`,
      serviceCaseFigures: `groupBy=DISTRICT&filter=${encodeURIComponent(JSON.stringify({ areaId: ids['沈阳市'] }))}`,
      procedureFigures: `areaId=${ids['沈阳市']}`,
    };
    expect(Object.keys(args).sort()).toEqual(Object.keys(FIGURES_CSV).sort());
    for (const [name, query] of Object.entries(args)) {
      const res = await get(`${name}.csv?${query}`, province);
      const body = await res.text();
      expect({ name, status: res.status }).toEqual({ name, status: 200 });
      expect(parseCsv(body)[0].length).toBeGreaterThan(1);
    }
    const quarters = parseCsv(await (await get(`planVsActual.csv?areaId=${ids['苏家屯区']}&year=2020&view=QUARTER`, province)).text());
    expect(quarters.map((r) => r[0])).toEqual(['label', '第1季度', '第2季度', '第3季度', '第4季度']);
  });

  it('holds the caller to its scope and a token to its scopes, and says what is wrong', async () => {
    const sujiatun = await t.login('admin.sujiatun');
    expect((await get(`investmentStats.csv?areaId=${ids['大东区']}&period=2020-09`, sujiatun)).status).toBe(403);
    const anonymous = await get(`investmentStats.csv?areaId=${ids['大东区']}&period=2020-09`, null);
    expect(anonymous.status).toBe(401);
    const make = async (scopes: string[]) =>
      (await t.gql<{ createApiToken: { token: string } }>('mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { token } }', { i: { name: 'CSV', scopes } }, province)).data!.createApiToken.token;
    const projectsOnly = await make(['READ_PROJECTS']);
    const refused = await get(`investmentStats.csv?areaId=${ids['沈阳市']}&period=2020-09`, projectsOnly);
    expect(refused.status).toBe(403);
    expect(JSON.stringify(await refused.json())).toContain('read:figures');
    const figures = await make(['READ_FIGURES']);
    expect((await get(`investmentStats.csv?areaId=${ids['沈阳市']}&period=2020-09`, figures)).status).toBe(200);

    const badMonth = await get(`investmentStats.csv?areaId=${ids['沈阳市']}&period=2020-13`, province);
    expect(badMonth.status).toBe(400);
    expect(JSON.stringify(await badMonth.json())).toContain('period');
    const unknownArg = await get(`investmentStats.csv?areaId=${ids['沈阳市']}&period=2020-09&colour=red`, province);
    expect(unknownArg.status).toBe(400);
    expect(((await unknownArg.json()) as ErrorBody).errors[0].extensions.field).toBe('colour');
    const badFilter = await get('serviceCaseFigures.csv?filter={areaId', province);
    expect(badFilter.status).toBe(400);
    expect(((await badFilter.json()) as ErrorBody).errors[0].extensions.field).toBe('filter');
    const unknownQuery = await get('users.csv', province);
    expect(unknownQuery.status).toBe(404);
    expect(((await unknownQuery.json()) as ErrorBody).errors[0].message).toContain('investmentStats');
  });
});

/** The CSV route draws on the caller's cost bucket as the GraphQL query does: hammering it throttles. */
describe('figures as CSV, throttled', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer('sqlite', { seedModules: ['areas', 'accounts', 'projects'], config: { rateLimit: { pointsPerSecond: 1, burst: 400 } } });
  }, 120_000);
  afterAll(() => t?.close());

  it('charges each download the query’s points from the same bucket and answers THROTTLED with Retry-After when it is empty', async () => {
    const token = await t.login('analyst');
    const shenyang = (await t.server.db.getRepository(Area).findOneByOrFail({ name: '沈阳市' })).id;
    const download = () => fetch(`${t.url}/api/exports/figures/lightBoard.csv?areaId=${shenyang}&period=2020-09`, { headers: { authorization: `Bearer ${token}` } });
    const first = await download();
    expect(first.status).toBe(200);
    const requested = Number(first.headers.get('x-cost-requested'));
    expect(requested).toBeGreaterThan(0);
    const remaining = Number(first.headers.get('x-cost-remaining'));
    expect(remaining).toBeLessThanOrEqual(400 - requested + 1);
    // The GraphQL budget of the same token shows what the download took.
    const budget = await t.gql<{ rateLimit: { remaining: number } }>('{ rateLimit { remaining } }', {}, token);
    expect(budget.data!.rateLimit.remaining).toBeLessThan(400 - requested + 2);
    // Downloads at once until the bucket is empty: the rest are refused, saying when to come back.
    const answers = await Promise.all(Array.from({ length: Math.ceil(400 / requested) + 2 }, () => download()));
    const throttled = answers.filter((a) => a.status === 429);
    expect(throttled.length).toBeGreaterThan(0);
    for (const a of throttled) {
      expect(Number(a.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      const body = (await a.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(body.errors[0].extensions.code).toBe('THROTTLED');
      expect(body.errors[0].message).toContain('秒后再试');
    }
    expect(answers.filter((a) => a.status === 200).length).toBeGreaterThan(0);
  });
});
