/** Writes schema/schema.graphql from the code: `pnpm schema`. */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../config';
import { schemaText } from '../graphql/schema';

export const SCHEMA_FILE = path.join(repoRoot, 'schema', 'schema.graphql');

schemaText().then(
  (text) => {
    fs.writeFileSync(SCHEMA_FILE, text);
    console.log(`wrote ${path.relative(process.cwd(), SCHEMA_FILE)}`);
  },
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
