import { parse } from 'graphql';
import { Area } from '../core/areas/area.entity';
import { AreaDirectory } from '../core/areas/area-directory';
import { RateLimiter } from '../core/rate-limit';
import { DRIVERS, startTestServer, type TestServer } from '../testing/harness';
import { actualCost, areaListSizes, estimateCost } from './cost';
import { apiSchema } from './schema';

const TWENTY_SCALARS =
  'id code name category stage totalInvestment constructionStart constructionEnd enterprise responsibleLeader responsibleUnit keyPush majorGovernmentInvestment boundaryEast boundaryWest boundarySouth boundaryNorth createdAt updatedAt version';
const PAGE = `query($first: Int) { projects(first: $first) { totalCount pageInfo { hasNextPage endCursor } nodes { ${TWENTY_SCALARS} district { id name } } } }`;

describe('the cost estimator', () => {
  it('counts a connection’s page once: page size times what one node costs', async () => {
    const schema = await apiSchema();
    const cost = (first: number) => estimateCost(schema, parse(PAGE), null, { first });
    // projects 1 + totalCount 1 + pageInfo (1 + 2) + nodes (1 + first × (20 scalars + district (1 + 2)))
    expect(cost(100)).toBe(1 + 1 + 3 + 1 + 100 * 23);
    expect(cost(10)).toBe(1 + 1 + 3 + 1 + 10 * 23);
    // edges { node } is the same page, not a list of its own.
    const edges = estimateCost(schema, parse('{ projects(first: 50) { edges { cursor node { id name } } } }'), null, {});
    expect(edges).toBe(1 + 1 + 50 * (1 + 1 + 2)); // projects, edges, and per edge: cursor + node (1 + id + name)
  });

  it('sizes plain lists by what is known of them: one root area, the widest level of the tree', async () => {
    const schema = await apiSchema();
    const tree: Array<[number, number | null]> = [[1, null], [2, 1], [3, 1], [4, 2], [5, 2], [6, 2]];
    const areas = new AreaDirectory(tree.map(([id, parentId]) => Object.assign(new Area(), { id, parentId, path: '/', sortOrder: id, name: `a${id}` })));
    const doc = parse('{ areas { name children { name children { name children { name } } } } }');
    // areas: 1 + 1 × (name 1 + children (1 + 3 × (1 + (1 + 3 × (1 + (1 + 3 × 1))))))
    expect(estimateCost(schema, doc, null, {}, { listSizes: areaListSizes(areas) })).toBe(1 + (1 + (1 + 3 * (1 + (1 + 3 * (1 + (1 + 3 * 1)))))));
  });

  it('measures the actual cost on the answer: lists as long as they came back', async () => {
    const schema = await apiSchema();
    const data = { projects: { totalCount: 2, pageInfo: { hasNextPage: false, endCursor: 'x' }, nodes: [{ id: '1', name: 'a', district: { id: '3', name: 'd' } }, { id: '2', name: 'b', district: { id: '3', name: 'd' } }] } };
    const doc = parse('{ projects(first: 100) { totalCount pageInfo { hasNextPage endCursor } nodes { id name district { id name } } } }');
    expect(actualCost(schema, doc, null, {}, data)).toBe(1 + 1 + 3 + 1 + 2 * 5);
    expect(estimateCost(schema, doc, null, {})).toBe(1 + 1 + 3 + 1 + 100 * 5);
  });

  it.each([1000, 101, -1])('refuses first: %i as the caller’s error, naming the argument', async (first) => {
    const schema = await apiSchema();
    expect(() => estimateCost(schema, parse(PAGE), null, { first })).toThrow(first > 100 ? 'first must be at most 100' : 'first must be between 0 and 100');
  });
});

describe('the leaky bucket', () => {
  it('takes, refuses with the seconds to wait, refills at its rate and gives back what was not used', () => {
    const bucket = new RateLimiter({ pointsPerSecond: 100, burst: 1000 });
    expect(bucket.take('k', 800, 0)).toMatchObject({ ok: true, state: { remaining: 200 } });
    expect(bucket.take('k', 500, 0)).toEqual({ ok: false, retryAfterSeconds: 3, state: expect.objectContaining({ remaining: 200 }) });
    expect(bucket.take('k', 500, 3000)).toMatchObject({ ok: true, state: { remaining: 0 } });
    expect(bucket.refund('k', 450, 3000)).toMatchObject({ remaining: 450, resetAt: new Date(3000 + 5500) });
    expect(bucket.peek('other', 3000)).toMatchObject({ limit: 1000, remaining: 1000 });
    expect(bucket.peek('k', 60_000).remaining).toBe(1000);
  });

  it('throttles nobody when the rate is 0', () => {
    const off = new RateLimiter({ pointsPerSecond: 0, burst: 0 });
    expect(off.take('k', 1_000_000).ok).toBe(true);
  });
});

describe.each(DRIVERS)('cost on the wire [%s]', (driver) => {
  let t: TestServer;
  let token: string;
  beforeAll(async () => {
    t = await startTestServer(driver, { config: { rateLimit: { pointsPerSecond: 200, burst: 20_000 } } });
    token = await t.login('analyst');
  }, 120_000);
  afterAll(() => t?.close());

  type Cost = { requested: number; actual: number; limit: number; remaining: number; resetAt: string };
  const costOf = (res: { extensions?: unknown }) => (res as { extensions?: { cost?: Cost } }).extensions?.cost;
  const post = async (query: string, variables: Record<string, unknown>, bearer: string) => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as { data?: Record<string, unknown>; errors?: Array<{ message: string; extensions: Record<string, unknown> }>; extensions?: unknown } };
  };

  it('passes a page of 100 projects with 20 fields and their district, and reports its cost', async () => {
    const res = await post(PAGE, { first: 100 }, token);
    expect(res.body.errors).toBeUndefined();
    const cost = costOf(res.body)!;
    expect(cost).toEqual({ requested: 2306, actual: expect.any(Number), limit: 20_000, remaining: expect.any(Number), resetAt: expect.any(String), maxQueryCost: 20_000, pointsPerSecond: 200 });
    expect(cost.actual).toBeLessThan(cost.requested); // the demo accounts' database has no projects: the page came back empty
    expect(cost.remaining).toBeGreaterThanOrEqual(20_000 - cost.actual - 1);
  });

  it('answers first: 1000 with its own BAD_USER_INPUT, not the cost refusal', async () => {
    const res = await post(PAGE, { first: 1000 }, token);
    expect(res.status).toBe(400);
    expect(res.body.errors![0]).toMatchObject({ message: 'first must be at most 100', extensions: { code: 'BAD_USER_INPUT', field: 'first', list: 'projects' } });
  });

  it('shows the budget through rateLimit, as GitHub does', async () => {
    const res = await post('{ rateLimit { cost limit remaining used resetAt pointsPerSecond maxQueryCost } }', {}, token);
    expect(res.body.data!.rateLimit).toMatchObject({ cost: 8, limit: 20_000, pointsPerSecond: 200, maxQueryCost: 20_000 });
  });

  it('throttles a concurrent burst with THROTTLED and Retry-After', async () => {
    const hammer = await t.login('analyst');
    // Every district five times over, twenty times: an answer that really costs what it asked for.
    const HEAVY = `{ ${Array.from({ length: 20 }, (_, i) => `d${i}: districts { id name code kind level }`).join(' ')} }`;
    const first = await post(HEAVY, {}, hammer);
    const { requested, actual } = costOf(first.body)!;
    expect(actual).toBe(requested);
    expect(requested).toBeGreaterThan(2_500); // so the 20,000-point bucket holds fewer than eight
    const answers = await Promise.all(Array.from({ length: 12 }, () => post(HEAVY, {}, hammer)));
    const throttled = answers.filter((a) => a.status === 429);
    expect(throttled.length).toBeGreaterThan(0);
    for (const a of throttled) {
      expect(a.body.errors![0].extensions).toMatchObject({ code: 'THROTTLED', retryAfter: expect.any(Number) });
      expect(Number(a.retryAfter)).toBeGreaterThanOrEqual(1);
      expect(costOf(a.body)).toMatchObject({ requested, actual: 0 });
    }
    // Another credential has a bucket of its own.
    expect((await post(PAGE, { first: 100 }, token)).status).toBe(200);
  });
});
