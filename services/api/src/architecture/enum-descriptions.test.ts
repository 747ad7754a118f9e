import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, isEnumType } from 'graphql';
import { REPO } from '../testing/source-files';

/** Every enum value is described in English, for analysts, with the Chinese term officials use. */
const schema = buildSchema(fs.readFileSync(path.join(REPO, 'schema/schema.graphql'), 'utf8'));
const values = Object.values(schema.getTypeMap())
  .filter(isEnumType)
  .filter((e) => !e.name.startsWith('__'))
  .flatMap((e) => e.getValues().map((v) => [`${e.name}.${v.name}`, v.description ?? ''] as const));

describe('enum values', () => {
  it('there are enum values to check', () => expect(values.length).toBeGreaterThan(100));

  it.each(values)('%s is described in English and Chinese', (_name, description) => {
    expect(description).toMatch(/[A-Za-z]{3}/);
    expect(description).toMatch(/[\u4e00-\u9fff]/);
  });
});
