import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';

/** Plausible values for the custom scalars, so an allowed call reaches its resolver. */
const SCALAR_SAMPLES: Record<string, unknown> = {
  String: 'x',
  ID: '1',
  Int: 1,
  Float: 1,
  Boolean: false,
  Money: '1.00',
  Period: '2020-09',
  LocalDate: '2020-09-30',
  DateTimeISO: '2020-09-30T00:00:00.000Z',
};

/** A value of an input type: required fields filled, optional ones left out. */
export function sampleValue(type: GraphQLInputType, depth = 0): unknown {
  if (isNonNullType(type)) return sampleValue(type.ofType, depth);
  if (isListType(type)) return [sampleValue(type.ofType as GraphQLInputType, depth + 1)];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isScalarType(type)) return SCALAR_SAMPLES[type.name] ?? 'x';
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      if (isNonNullType(field.type) && field.defaultValue === undefined && depth < 4) value[field.name] = sampleValue(field.type, depth + 1);
    }
    return value;
  }
  return null;
}

/** Variables for every required argument; `given` overrides (fixture ids and meaningful inputs). */
export function sampleVariables(field: GraphQLField<unknown, unknown>, given: Record<string, unknown> = {}): Record<string, unknown> {
  const vars: Record<string, unknown> = {};
  for (const arg of field.args) {
    if (arg.name in given) vars[arg.name] = given[arg.name];
    else if (isNonNullType(arg.type) && arg.defaultValue === undefined) vars[arg.name] = sampleValue(arg.type);
  }
  return vars;
}

/** `query($a: T!, …) { field(a: $a, …) { __typename } }` for one root field. */
export function operationFor(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>, vars: Record<string, unknown>): string {
  const used = field.args.filter((a: GraphQLArgument) => a.name in vars);
  const declared = used.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const passed = used.map((a) => `${a.name}: $${a.name}`).join(', ');
  const named = getNamedType(field.type);
  const selection = isObjectType(named) || !isScalarType(named) && !isEnumType(named) ? ' { __typename }' : '';
  return `${kind}${declared ? `(${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''}${selection} }`;
}

export function rootFields(schema: GraphQLSchema, kind: 'query' | 'mutation'): GraphQLField<unknown, unknown>[] {
  const root = kind === 'query' ? schema.getQueryType() : schema.getMutationType();
  return root ? Object.values(root.getFields()) : [];
}
