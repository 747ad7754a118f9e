import fs from 'node:fs';
import path from 'node:path';
import {
  buildSchema,
  getNamedType,
  isInputObjectType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import { DRIVERS, startTestServer, type TestServer } from '../../services/api/src/testing/harness';
import { operationFor, rootFields, sampleVariables } from '../security/operations';

const schema = buildSchema(fs.readFileSync(path.join(__dirname, '../../schema/schema.graphql'), 'utf8'));

/** What an attacker or a broken client sends in a text or id argument. */
const TEXT_PAYLOADS: [string, string][] = [
  ['SQL injection', "' OR 1=1 --"],
  ['stacked statement', '1; DROP TABLE users; --'],
  ['quote soup', `"'\`\\\\'"`],
  ['LIKE wildcards', '%_%'],
  ['NUL byte', 'a\u0000b'],
  ['lone surrogate', 'a\ud800b'],
  ['right-to-left override', '\u202egnp.exe'],
  ['script', '<script>alert(1)</script>'],
  ['path traversal', '../../../../etc/passwd'],
  ['100 kB', 'x'.repeat(100_000)],
  ['number-like', '1e309'],
  ['negative id', '-1'],
];
const INT_PAYLOADS: [string, unknown][] = [
  ['beyond 32 bits', 2 ** 31],
  ['negative', -1],
  ['fraction', 1.5],
  ['a string', '12'],
];

/** Signing out or changing one's own password would end the session the battery runs with. */
const SKIPPED = new Set(['logout', 'changePassword']);

/** Tables whose growth is the point of a refused call: its audit record and sign-in attempts. */
const BOOKKEEPING = new Set(['audit_records', 'sessions', 'login_attempts', 'migrations', 'typeorm_metadata']);

interface Case {
  kind: 'query' | 'mutation';
  field: string;
  argument: string;
  label: string;
  value: unknown;
}

function isText(type: GraphQLInputType): boolean {
  const named = getNamedType(type);
  return isScalarType(named) && ['String', 'ID'].includes(named.name);
}
function isInt(type: GraphQLInputType): boolean {
  const named = getNamedType(type);
  return isScalarType(named) && named.name === 'Int';
}

/** Top-level text and integer arguments, and those one level inside input objects (as `input.name`). */
function targets(field: GraphQLField<unknown, unknown>): { path: string; type: GraphQLInputType }[] {
  const out: { path: string; type: GraphQLInputType }[] = [];
  for (const arg of field.args as GraphQLArgument[]) {
    const named = getNamedType(arg.type);
    if (isInputObjectType(named)) {
      for (const f of Object.values(named.getFields())) if (isText(f.type) || isInt(f.type)) out.push({ path: `${arg.name}.${f.name}`, type: f.type });
    } else if (isText(arg.type) || isInt(arg.type)) out.push({ path: arg.name, type: arg.type });
  }
  return out;
}

const cases: Case[] = (['query', 'mutation'] as const).flatMap((kind) =>
  rootFields(schema, kind)
    .filter((f) => !SKIPPED.has(f.name))
    .flatMap((field) =>
      targets(field).flatMap(({ path: argument, type }) =>
        (isInt(type) ? INT_PAYLOADS : TEXT_PAYLOADS).map(([label, value]) => ({ kind, field: field.name, argument, label, value })),
      ),
    ),
);

function withValue(vars: Record<string, unknown>, argument: string, value: unknown, field: GraphQLField<unknown, unknown>) {
  const [head, tail] = argument.split('.');
  if (!tail) return { ...vars, [head]: value };
  const arg = field.args.find((a) => a.name === head)!;
  const inner = (vars[head] as Record<string, unknown> | undefined) ?? {};
  return { ...vars, [head]: isNonNullType(arg.type) || vars[head] ? { ...inner, [tail]: value } : { [tail]: value } };
}

describe.each(DRIVERS)('hostile arguments [%s]', (driver) => {
  let t: TestServer;
  let token: string;
  let tables: string[];
  let initial: Record<string, number>;
  beforeAll(async () => {
    t = await startTestServer(driver, { seedModules: ['areas', 'accounts'] });
    token = await t.login('admin.liaoning');
    tables = t.server.db.entityMetadatas.map((m) => m.tableName).filter((name) => !BOOKKEEPING.has(name));
    initial = await rowCounts();
  });
  afterAll(() => t.close());

  /** Every table's row count, in one statement (one round trip, however many tables there are). */
  async function rowCounts(): Promise<Record<string, number>> {
    const escape = (name: string) => t.server.db.driver.escape(name);
    const sql = tables.map((table) => `SELECT '${table}' AS t, COUNT(*) AS n FROM ${escape(table)}`).join(' UNION ALL ');
    const rows = (await t.server.db.query(sql)) as { t: string; n: unknown }[];
    return Object.fromEntries(rows.map((row) => [row.t, Number(row.n)]));
  }

  it('has cases for every text and integer argument of the schema', () => {
    expect(cases.length).toBeGreaterThan(100);
    expect([...new Set(cases.map((c) => c.field))]).toEqual(expect.arrayContaining(['serviceItems', 'createServiceItem', 'users', 'createUser', 'login']));
  });

  it.each(cases)('$kind $field($argument) with $label: a clear answer, never a crash, nothing half-written', async ({ kind, field: name, argument, value }) => {
    const field = rootFields(schema, kind).find((f) => f.name === name)!;
    const vars = withValue(sampleVariables(field), argument, value, field);
    const before = kind === 'mutation' ? await rowCounts() : null;
    const res = await t.gql(operationFor(kind, field, vars), vars, token);
    expect(res.status).toBeLessThan(500);
    const codes = (res.errors ?? []).map((e) => e.extensions?.code);
    expect(codes).not.toContain('INTERNAL_SERVER_ERROR');
    for (const e of res.errors ?? []) expect(e.message.length).toBeGreaterThan(0);
    if (before && res.errors?.length) expect(await rowCounts()).toEqual(before);
  });

  it('still has every table and its rows after the battery', async () => {
    const counts = await rowCounts();
    expect(counts.areas).toBe(initial.areas);
    expect(counts.users).toBeGreaterThanOrEqual(initial.users);
    expect(initial.areas).toBeGreaterThan(40);
  });
});
