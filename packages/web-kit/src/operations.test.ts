/**
 * Every write the API offers has a page: each mutation of schema/schema.graphql is sent by some web
 * app's operations, except the few listed below with the reason. The documents are read from the
 * apps' sources as they are sent — every app's `graphql(`…`)` documents — so a mutation whose last
 * page is removed fails here. The client operations documented in schema/operations/ are held to the
 * app's operations of the same name, so the two cannot drift apart.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, Kind, parse, print, type DocumentNode, type OperationDefinitionNode } from 'graphql';

const ROOT = path.resolve(__dirname, '../../..');
const schema = buildSchema(fs.readFileSync(path.join(ROOT, 'schema', 'schema.graphql'), 'utf8'));

/** Mutations no page sends, on purpose. */
const WITHOUT_PAGE: Record<string, string> = {};

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name === 'gql') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) out.push(full);
  }
  return out;
}

/** The GraphQL documents of a source file: its graphql(`…`) calls. */
export function documentsOf(source: string): string[] {
  const found: string[] = [];
  const pattern = /graphql\(\s*`([^`]*)`/g;
  for (let m = pattern.exec(source); m; m = pattern.exec(source)) found.push(m[1]);
  return found;
}

/** An operation sent as an untyped string, which codegen neither checks nor types. */
const UNTYPED = /\/\*\s*GraphQL\s*\*\/\s*`|gql`/;

const webDir = path.join(ROOT, 'web');
const apps = fs.readdirSync(webDir).filter((a) => fs.existsSync(path.join(webDir, a, 'src')));
const documents: Array<{ file: string; doc: DocumentNode }> = [];
const untyped: string[] = [];
for (const app of apps) {
  for (const file of sourceFiles(path.join(webDir, app, 'src'))) {
    const source = fs.readFileSync(file, 'utf8');
    if (UNTYPED.test(source)) untyped.push(path.relative(ROOT, file));
    for (const text of documentsOf(source)) documents.push({ file: path.relative(ROOT, file), doc: parse(text) });
  }
}

const sent = new Set<string>();
for (const { doc } of documents) {
  for (const def of doc.definitions) {
    if (def.kind !== Kind.OPERATION_DEFINITION || def.operation !== 'mutation') continue;
    for (const sel of def.selectionSet.selections) if (sel.kind === Kind.FIELD) sent.add(sel.name.value);
  }
}
const mutations = Object.keys(schema.getMutationType()!.getFields()).sort();

describe('every mutation has a page', () => {
  test('the apps’ documents are found, in every app', () => {
    expect(apps).toEqual(expect.arrayContaining(['shell', 'projects', 'districts', 'secretaries', 'service-items', 'dispatch', 'livelihood']));
    expect(documents.length).toBeGreaterThan(50);
    // Every app that codegen types (packages/web-kit/codegen.ts TYPED_APPS) has its documents read here.
    const typed = /TYPED_APPS = \[([^\]]*)\]/.exec(fs.readFileSync(path.join(ROOT, 'packages', 'web-kit', 'codegen.ts'), 'utf8'))![1].match(/[\w-]+/g)!;
    expect(typed).toContain('livelihood');
    expect(typed.filter((app) => !documents.some((d) => d.file.startsWith(`web/${app}/`)))).toEqual([]);
  });

  test('every app sends graphql() documents, none an untyped string', () => {
    expect(untyped).toEqual([]);
  });

  test.each(mutations)('%s is sent by a web app, or listed with its reason', (name) => {
    if (name in WITHOUT_PAGE) return;
    expect(sent).toContain(name);
  });

  test('every listed exception is still without a page and still in the schema', () => {
    for (const name of Object.keys(WITHOUT_PAGE)) {
      expect(mutations).toContain(name);
      expect(sent.has(name) ? `${name} now has a page: remove it from the list` : 'ok').toBe('ok');
    }
  });
});

/** "$a: ID!" per variable of an operation, by name. */
function variablesOf(def: OperationDefinitionNode): Map<string, string> {
  return new Map((def.variableDefinitions ?? []).map((v) => [v.variable.name.value, print(v.type)]));
}

describe('the documented client operations (schema/operations) and the apps', () => {
  const appOperations = new Map<string, OperationDefinitionNode>();
  for (const { doc } of documents) for (const def of doc.definitions) if (def.kind === Kind.OPERATION_DEFINITION && def.name) appOperations.set(def.name.value, def);
  const dir = path.join(ROOT, 'schema', 'operations');
  const documented = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .flatMap((f) => parse(fs.readFileSync(path.join(dir, f), 'utf8')).definitions.map((def) => ({ file: f, def })))
    .filter((d): d is { file: string; def: OperationDefinitionNode } => d.def.kind === Kind.OPERATION_DEFINITION && !!d.def.name);

  test('some are also sent by an app', () => {
    expect(documented.filter(({ def }) => appOperations.has(def.name!.value)).length).toBeGreaterThan(5);
  });

  // A client calls an operation by its name with its variables: the documented one takes what the app's
  // takes, each of the same type, and the app's adds only optional ones.
  test.each(documented.map(({ file, def }) => [`${file} ${def.name!.value}`, def] as const))('%s takes the variables of the app’s operation of that name', (_, def) => {
    const app = appOperations.get(def.name!.value);
    if (!app) return;
    expect(app.operation).toBe(def.operation);
    const mine = variablesOf(def);
    const theirs = variablesOf(app);
    for (const [name, type] of mine) expect(`$${name}: ${theirs.get(name) ?? 'missing in the app'}`).toBe(`$${name}: ${type}`);
    for (const [name, type] of theirs) if (!mine.has(name)) expect(`$${name}: ${type}`).not.toMatch(/!$/);
  });
});
