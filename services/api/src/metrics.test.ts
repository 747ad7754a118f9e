import { DRIVERS, startTestServer, type TestServer } from './testing/harness';

/** A scrape, as Prometheus would send it. */
async function scrape(t: TestServer, headers: Record<string, string> = {}) {
  const res = await fetch(`${t.url}/metrics`, { headers });
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: await res.text() };
}

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*",?)*\})? (-?[0-9.e+-]+|\+Inf|NaN)$/;

function value(body: string, series: string): number | undefined {
  const line = body.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe.each(DRIVERS)('GET /metrics [%s]', (driver) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(driver);
  });
  afterAll(() => t.close());

  it('answers this machine in the Prometheus text format, every line well formed', async () => {
    const res = await scrape(t);
    expect(res.status).toBe(200);
    expect(res.type).toContain('text/plain; version=0.0.4');
    const samples = res.body.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
    expect(samples.length).toBeGreaterThan(5);
    for (const line of samples) expect(line).toMatch(SAMPLE);
    for (const name of ['process_resident_memory_bytes', 'kpd_db_pool_connections', 'kpd_audit_unsealed_records', 'kpd_export_jobs']) {
      expect(res.body).toContain(`# TYPE ${name} gauge`);
    }
    if (driver === 'mysql') expect(value(res.body, 'kpd_db_pool_connections{state="max"}')).toBe(10);
  });

  it('counts and times each operation by name, and its errors by code', async () => {
    const token = await t.login('admin.sujiatun');
    const before = await scrape(t);
    const ok = 'kpd_graphql_requests_total{operation="MetricsDistricts",type="query",outcome="ok"}';
    const refused = 'kpd_graphql_requests_total{operation="MetricsUsers",type="query",outcome="UNAUTHENTICATED"}';
    for (let i = 0; i < 3; i++) await t.gql('query MetricsDistricts { districts { id } }', {}, token);
    await t.gql('query MetricsUsers { users { totalCount } }');
    const after = await scrape(t);
    expect((value(after.body, ok) ?? 0) - (value(before.body, ok) ?? 0)).toBe(3);
    expect((value(after.body, refused) ?? 0) - (value(before.body, refused) ?? 0)).toBe(1);
    expect(value(after.body, 'kpd_graphql_request_duration_seconds_count{operation="MetricsDistricts"}')).toBeGreaterThanOrEqual(3);
    // Buckets only grow with their bound, and +Inf holds every observation.
    const buckets = after.body.split('\n').filter((l) => l.startsWith('kpd_graphql_request_duration_seconds_bucket{operation="MetricsDistricts"'));
    const counts = buckets.map((l) => Number(l.split(' ')[1]));
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(counts.at(-1)).toBe(value(after.body, 'kpd_graphql_request_duration_seconds_count{operation="MetricsDistricts"}'));
    expect(value(after.body, 'kpd_graphql_errors_total{code="UNAUTHENTICATED"}')).toBeGreaterThanOrEqual(1);
    expect(value(after.body, 'kpd_http_responses_total{route="graphql",status="2xx"}')).toBeGreaterThanOrEqual(3);
  });

  it('refuses a request forwarded by a proxy, even from this machine', async () => {
    const res = await scrape(t, { 'x-forwarded-for': '203.0.113.9' });
    expect(res.status).toBe(403);
    expect(res.body).not.toContain('kpd_');
  });
});

describe('GET /metrics restricted to a token and a network', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer('sqlite', { seedModules: ['areas'], env: { METRICS_TOKEN: 'scrape-secret-1', METRICS_ALLOW: '10.0.0.0/8' } });
  });
  afterAll(() => t.close());

  it.each([
    ['an address outside METRICS_ALLOW without the token', {}, 403],
    ['a wrong token', { authorization: 'Bearer scrape-secret-2' }, 403],
    ['the token, through a proxy', { authorization: 'Bearer scrape-secret-1', 'x-forwarded-for': '203.0.113.9' }, 200],
  ])('answers %s with %s', async (_name, headers, status) => {
    expect((await scrape(t, headers as Record<string, string>)).status).toBe(status);
  });

  it('is turned off by METRICS=off', async () => {
    const off = await startTestServer('sqlite', { seedModules: ['areas'], env: { METRICS: 'off' } });
    try {
      expect((await scrape(off)).status).not.toBe(200);
    } finally {
      await off.close();
    }
  });
});
