import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, getNamedType, isObjectType, type GraphQLField } from 'graphql';
import { REPO } from '../testing/source-files';

/**
 * Every list the API pages is a Relay cursor connection, readable both ways: its field takes `first`/`after`
 * and `last`/`before`, and its page says where it starts and ends. Analysts' clients (Relay, urql's
 * pagination helpers, GraphQL Code Generator's relay preset) rely on the whole of it, not the forward half.
 */
const schema = buildSchema(fs.readFileSync(path.join(REPO, 'schema/schema.graphql'), 'utf8'));

const connectionFields: Array<[string, GraphQLField<unknown, unknown>]> = [];
for (const type of Object.values(schema.getTypeMap())) {
  if (!isObjectType(type) || type.name.startsWith('__')) continue;
  for (const field of Object.values(type.getFields())) {
    if (getNamedType(field.type).name.endsWith('Connection')) connectionFields.push([`${type.name}.${field.name}`, field]);
  }
}

describe('cursor connections', () => {
  it('the schema has paged lists to check', () => expect(connectionFields.length).toBeGreaterThanOrEqual(10));

  it.each(connectionFields)('%s pages both ways', (_name, field) => {
    const args = Object.fromEntries(field.args.map((a) => [a.name, String(a.type)]));
    expect(args).toMatchObject({ first: 'Int', after: 'String', last: 'Int', before: 'String' });
  });

  it('every page says where it starts and ends', () => {
    const pageInfo = schema.getType('PageInfo');
    if (!isObjectType(pageInfo)) throw new Error('PageInfo is not an object type');
    const fields = Object.fromEntries(Object.values(pageInfo.getFields()).map((f) => [f.name, String(f.type)]));
    expect(fields).toEqual({ hasNextPage: 'Boolean!', hasPreviousPage: 'Boolean!', startCursor: 'String', endCursor: 'String' });
  });
});
