import fs from 'node:fs';
import path from 'node:path';
import { buildSchema } from 'graphql';
import { DRIVERS, startTestServer, type TestServer } from '../../services/api/src/testing/harness';
import { ACCOUNTS, expected, isToken, MUTATIONS, outcome, PEOPLE, PRINCIPALS, QUERIES, SENSITIVE_FIELDS, sensitiveOutcome, TOKEN_NEEDS, type Principal } from './access-table';
import { ARGUMENTS, buildFixtures, SENSITIVE_QUERIES, type Fixtures } from './fixtures';
import { operationFor, rootFields, sampleVariables } from './operations';

const schema = buildSchema(fs.readFileSync(path.join(__dirname, '../../schema/schema.graphql'), 'utf8'));
const DENIALS = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND']);

describe('the access table covers the whole schema', () => {
  it.each(['query', 'mutation'] as const)('every %s field has a row, and every row a field', (kind) => {
    const table = kind === 'query' ? QUERIES : MUTATIONS;
    const fields = rootFields(schema, kind).map((f) => f.name).sort();
    expect(Object.keys(table).sort()).toEqual(fields);
  });

  it('every row names a valid outcome for every person', () => {
    for (const row of [...Object.values(QUERIES), ...Object.values(MUTATIONS)]) for (const p of PEOPLE) expect(['A', 'D']).toContain(expected(row, p));
  });

  it('says what a token needs for every query not open to anyone', () => {
    const closed = Object.keys(QUERIES).filter((f) => expected(QUERIES[f], 'anon') === 'D').sort();
    expect(Object.keys(TOKEN_NEEDS).sort()).toEqual(closed);
  });
});

const cases = (['query', 'mutation'] as const).flatMap((kind) =>
  rootFields(schema, kind).flatMap((field) => PRINCIPALS.map((p) => ({ kind, field: field.name, principal: p }))),
);

describe.each(DRIVERS)('the authorization matrix [%s]', (driver) => {
  let t: TestServer;
  let fx: Fixtures;
  beforeAll(async () => {
    t = await startTestServer(driver, { seedModules: ['areas', 'accounts', 'livelihood'] });
    fx = await buildFixtures(t);
  }, 120_000);
  afterAll(() => t?.close());

  async function tokenFor(principal: Principal, fieldName: string): Promise<string | null> {
    if (principal === 'anon') return null;
    // Signing out ends the session: give it a session of its own.
    if (fieldName === 'logout' && !isToken(principal)) return t.login(ACCOUNTS[principal]);
    return fx.tokens[principal];
  }

  it.each(cases)('$kind $field as $principal', async ({ kind, field: name, principal }) => {
    const table = kind === 'query' ? QUERIES : MUTATIONS;
    const field = rootFields(schema, kind).find((f) => f.name === name)!;
    const vars = sampleVariables(field, ARGUMENTS[name]?.(fx, principal) ?? {});
    const res = await t.gql<Record<string, unknown>>(operationFor(kind, field, vars), vars, await tokenFor(principal, name));
    const codes = (res.errors ?? []).map((e) => String(e.extensions?.code));
    const denied = codes.some((c) => DENIALS.has(c));
    expect(table[name]).toBeDefined();
    if (outcome(kind, name, principal) === 'D') {
      // No credential is UNAUTHENTICATED, never FORBIDDEN; a credential that may not is FORBIDDEN, never
      // UNAUTHENTICATED. Either may hear NOT_FOUND for a row out of its reach (an unpublished board).
      const denial = principal === 'anon' ? /^(UNAUTHENTICATED|NOT_FOUND)$/ : /^(FORBIDDEN|NOT_FOUND)$/;
      expect({ codes, data: res.data?.[name] ?? null }).toEqual({ codes: [expect.stringMatching(denial)], data: null });
      // A token's refusal of a query names the scope it lacks, or says no scope grants the field.
      if (isToken(principal) && kind === 'query' && codes[0] === 'FORBIDDEN') expect(res.errors![0].extensions).toHaveProperty('missingScope');
    } else {
      expect({ denied, errors: res.errors ?? [] }).toEqual({ denied: false, errors: expect.not.arrayContaining([expect.objectContaining({ extensions: expect.objectContaining({ code: 'INTERNAL_SERVER_ERROR' }) })]) });
    }
  });

  const fieldCases = Object.keys(SENSITIVE_FIELDS).flatMap((field) => PRINCIPALS.map((principal) => ({ field, principal })));
  it.each(fieldCases)('field $field as $principal', async ({ field, principal }) => {
    const { query, variables, pick } = SENSITIVE_QUERIES[field](fx);
    const res = await t.gql<Record<string, unknown>>(query, variables, await tokenFor(principal, ''));
    const refused = (res.errors ?? []).some((e) => e.extensions?.code === 'FORBIDDEN');
    const value = res.data ? pick(res.data) : undefined;
    if (sensitiveOutcome(field, principal) === 'S') {
      expect({ refused, shown: typeof value === 'string' && value.length > 0 }).toEqual({ refused: false, shown: true });
    } else {
      expect(refused || value === null || value === undefined).toBe(true);
    }
  });
});
