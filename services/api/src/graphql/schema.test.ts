import fs from 'node:fs';
import path from 'node:path';
import {
  defaultFieldResolver,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
} from 'graphql';
import { repoRoot } from '../config';
import { apiSchema, schemaText } from './schema';

/** Generic list plumbing documents itself through its type's description. */
const SELF_EXPLAINING_FIELDS = new Set(['edges', 'node', 'pageInfo']);

function undocumented(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isScalarType(type) && ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
    if (!type.description && type.name !== 'Query' && type.name !== 'Mutation') missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!field.description && !SELF_EXPLAINING_FIELDS.has(field.name)) missing.push(`${type.name}.${field.name}`);
        if ('args' in field) {
          for (const arg of field.args) {
            if (!arg.description && !['first', 'after'].includes(arg.name)) missing.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
    }
    if (isEnumType(type)) {
      for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
    }
    if (isUnionType(type) && !type.description) missing.push(type.name);
  }
  return missing;
}

describe('the schema contract', () => {
  it('schema/schema.graphql is what the code emits (run `pnpm schema` after changing the API)', async () => {
    const committed = fs.readFileSync(path.join(repoRoot, 'schema', 'schema.graphql'), 'utf8');
    expect(committed).toBe(await schemaText());
  });

  it('describes every type, field, argument and enum value', async () => {
    expect(undocumented(await apiSchema())).toEqual([]);
  });
});

describe('the mutation guard', () => {
  const info = (schema: GraphQLSchema, parent: 'Query' | 'Mutation') => ({ parentType: schema.getType(parent), fieldName: 'x' }) as unknown as GraphQLResolveInfo;

  it('refuses every root mutation to a read-only credential before its resolver runs', async () => {
    const schema = await apiSchema();
    const readOnly = { viewer: { userId: 7, role: 'ADMIN', scope: {}, readOnly: true, sessionKind: 'SESSION', tokenScopes: null }, auditWrites: 0, unchangedMutations: 0, config: { env: 'test' } };
    const mutations = Object.values(schema.getMutationType()!.getFields());
    expect(mutations.length).toBeGreaterThan(50);
    for (const field of mutations) {
      await expect(Promise.resolve(field.resolve!({}, {}, readOnly, info(schema, 'Mutation')))).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    }
  });

  it('stays off the fields of answers: a plain field resolves synchronously', async () => {
    const schema = await apiSchema();
    const area = schema.getType('Area') as GraphQLObjectType;
    const name = area.getFields().name;
    const value = (name.resolve ?? defaultFieldResolver)({ name: '苏家屯区' }, {}, {}, info(schema, 'Query'));
    expect(value).toBe('苏家屯区');
  });
});
