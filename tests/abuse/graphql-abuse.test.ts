import { startTestServer, type TestServer } from '../../services/api/src/testing/harness';

interface Attack {
  name: string;
  body: unknown;
  status: number;
  /** The readable reason the server gives. */
  message: RegExp;
}

const nestedInput = (depth: number) => {
  let value: unknown = 'x';
  for (let i = 0; i < depth; i++) value = { n: value };
  return value;
};

/** Each attack is refused before any resolver runs: no SQL statement is executed for it. */
const ATTACKS: Attack[] = [
  { name: 'deep nesting', body: { query: `{ areas { ${'children { '.repeat(20)}name${' }'.repeat(20)} } }` }, status: 400, message: /nested/ },
  { name: 'alias flood', body: { query: `{ ${Array.from({ length: 500 }, (_, i) => `a${i}: me { username }`).join(' ')} }` }, status: 400, message: /alias/ },
  {
    name: 'expensive lists',
    body: { query: `{ ${Array.from({ length: 25 }, (_, i) => `u${i}: users(first: 100) { nodes { area { children { children { name } } } } }`).join(' ')} }` },
    status: 400,
    message: /cost/,
  },
  { name: 'batched array', body: Array.from({ length: 100 }, () => ({ query: '{ me { username } }' })), status: 400, message: /batch/i },
  { name: 'huge token count', body: { query: `{ ${'me { username } '.repeat(3000)} }` }, status: 400, message: /token/i },
  { name: 'deeply nested input object', body: { query: 'query($v: ID!) { district(id: $v) { name } }', variables: { v: nestedInput(200) } }, status: 400, message: /nested more than 8/ },
  { name: 'many fragments spread in a cycle', body: { query: 'query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }' }, status: 400, message: /fragment/i },
  { name: 'a directive repeated thousands of times', body: { query: `{ me ${'@include(if: true) '.repeat(2000)}{ username } }` }, status: 400, message: /.+/ },
];

describe('GraphQL abuse', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer('sqlite', { config: { exposeSqlCount: true } });
    // The first request loads the area tree; later ones count only their own statements.
    await t.gql('{ me { username } }');
  });
  afterAll(() => t.close());

  const post = (body: unknown) =>
    fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it.each(ATTACKS)('refuses $name with a clear error and runs no SQL', async ({ body, status, message }) => {
    const res = await post(body);
    expect(res.status).toBe(status);
    const json = (await res.json()) as { errors: { message: string; extensions?: { code?: string } }[] };
    expect(json.errors[0].message).toMatch(message);
    expect(json.errors[0].extensions?.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED|GRAPHQL_PARSE_FAILED|BAD_REQUEST/);
    expect(Number(res.headers.get('x-sql-statements') ?? 0)).toBe(0);
  });

  it('refuses huge variables with 413 before reading them', async () => {
    const res = await post({ query: '{ me { username } }', variables: { pad: 'x'.repeat(5_000_000) } });
    expect(res.status).toBe(413);
  });

  it('keeps answering other clients while being flooded with abusive requests', async () => {
    const token = await t.login('admin.shenyang');
    const flood = Array.from({ length: 60 }, (_, i) => post(ATTACKS[i % ATTACKS.length].body).then((r) => r.status));
    const honest = Array.from({ length: 10 }, () => t.gql<{ districts: { name: string }[] }>('{ districts { name } }', {}, token));
    const [floodStatuses, answers] = await Promise.all([Promise.all(flood), Promise.all(honest)]);
    expect(new Set(floodStatuses)).toEqual(new Set([400]));
    for (const a of answers) {
      expect(a.errors).toBeUndefined();
      expect(a.data!.districts.map((d) => d.name)).toContain('苏家屯区');
    }
  });
});

describe('GraphQL abuse in production mode', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer('sqlite', { env: { NODE_ENV: 'production' }, seedModules: ['areas'] });
  });
  afterAll(() => t.close());

  it.each([
    ['the schema', '{ __schema { types { name fields { name } } } }'],
    ['a type', '{ __type(name: "User") { fields { name } } }'],
  ])('refuses introspection of %s to anonymous callers', async (_label, query) => {
    const res = await t.gql(query);
    expect(res.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(res.data ?? null).toBeNull();
  });

  it.each(['{ distric { name } }', '{ areas { nme } }', '{ serviceItem(id: 1) { implementationCod } }'])('gives no field suggestions for %s', async (query) => {
    const res = await t.gql(query);
    expect(res.errors!.length).toBeGreaterThan(0);
    for (const e of res.errors!) expect(e.message).not.toMatch(/Did you mean/);
  });
});
