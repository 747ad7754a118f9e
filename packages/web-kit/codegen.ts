/**
 * The admin's one typed client: each app's GraphQL operations, written as `graphql(`…`)` documents
 * beside the page that sends them, are checked against the committed schema (schema/schema.graphql)
 * and typed from it. GraphQL Code Generator's client preset writes web/<app>/src/gql/ (ignored by
 * git); `pnpm codegen` writes every app's, and each app's Vite build and dev server write its own, so
 * a fresh clone needs nothing but the schema file. An operation that no longer matches the schema
 * stops the generation, and with it `pnpm typecheck` and the build.
 *
 * Run: `pnpm codegen` (all apps), or `KPD_CODEGEN_APPS=projects,shell pnpm codegen` (some).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CodegenConfig } from '@graphql-codegen/cli';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SCHEMA_FILE = path.join(REPO_ROOT, 'schema', 'schema.graphql');

/** The apps whose operations are generated: every web app. */
export const TYPED_APPS = ['shell', 'districts', 'projects', 'secretaries', 'service-items', 'dispatch', 'investment', 'livelihood'];

/**
 * The examples typed the same way: examples/<name>/*.ts documents, the client in examples/<name>/gql/.
 * An analytics tool written against the API checks its queries against the schema as the admin does.
 */
export const TYPED_EXAMPLES = ['analytics'];

/** Where an app's generated client lives. */
export function generatedDir(app: string): string {
  return path.join(REPO_ROOT, 'web', app, 'src', 'gql');
}

export function codegenConfig(apps: string[] = TYPED_APPS, examples: string[] = TYPED_EXAMPLES): CodegenConfig {
  const targets = [
    ...apps.map((app) => ({ dir: generatedDir(app), sources: path.join(REPO_ROOT, 'web', app, 'src', '**', '*.{ts,tsx}') })),
    ...examples.map((name) => ({ dir: path.join(REPO_ROOT, 'examples', name, 'gql'), sources: path.join(REPO_ROOT, 'examples', name, '*.ts') })),
  ];
  return {
    schema: SCHEMA_FILE,
    // An app without operations yet still gets its (empty) client, so its imports resolve.
    ignoreNoDocuments: true,
    generates: Object.fromEntries(
      targets.map(({ dir, sources }) => [
        dir + '/',
        {
          documents: [sources, '!' + path.join(dir, '**')],
          preset: 'client' as const,
          presetConfig: { fragmentMasking: false, gqlTagName: 'graphql' },
          config: {
            // The schema's scalars all travel as strings: Money is a decimal string in 元, never a float.
            scalars: { ID: 'string', Money: 'string', Period: 'string', LocalDate: 'string', DateTimeISO: 'string' },
            strictScalars: true,
            enumsAsTypes: true,
            skipTypename: true,
            // A nullable field is there, as null; only inputs may leave fields out.
            avoidOptionals: { field: true, object: true, inputValue: false, defaultValue: false },
            useTypeImports: true,
            onlyOperationTypes: true,
          },
        },
      ]),
    ),
  };
}

export default process.env.KPD_CODEGEN_APPS ? codegenConfig(process.env.KPD_CODEGEN_APPS.split(','), []) : codegenConfig();
