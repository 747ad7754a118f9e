/**
 * Every write the API offers has a page: each mutation of schema/schema.graphql is sent by some web
 * app's operations, except the few listed below with the reason. The documents are read from the
 * apps' sources as they are sent — `graphql(`…`)` documents and the `/* GraphQL *\/` strings of the
 * apps not yet typed — so a mutation whose last page is removed fails here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, Kind, parse, type DocumentNode } from 'graphql';

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

/** The GraphQL documents of a source file: graphql(`…`) calls and /* GraphQL *\/ template strings. */
export function documentsOf(source: string): string[] {
  const found: string[] = [];
  const pattern = /(?:graphql\(\s*|\/\*\s*GraphQL\s*\*\/\s*)`([^`]*)`/g;
  for (let m = pattern.exec(source); m; m = pattern.exec(source)) {
    // An untyped string may splice a field list in (${FIELDS}); any selection stands in for it.
    found.push(m[1].replace(/\$\{[^}]*\}/g, '__typename'));
  }
  return found;
}

const webDir = path.join(ROOT, 'web');
const apps = fs.readdirSync(webDir).filter((a) => fs.existsSync(path.join(webDir, a, 'src')));
const documents: Array<{ file: string; doc: DocumentNode }> = [];
for (const app of apps) {
  for (const file of sourceFiles(path.join(webDir, app, 'src'))) {
    for (const text of documentsOf(fs.readFileSync(file, 'utf8'))) documents.push({ file: path.relative(ROOT, file), doc: parse(text) });
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
  test('the apps’ documents are found', () => {
    expect(apps).toEqual(expect.arrayContaining(['shell', 'projects', 'districts', 'secretaries', 'service-items', 'dispatch', 'livelihood']));
    expect(documents.length).toBeGreaterThan(50);
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
