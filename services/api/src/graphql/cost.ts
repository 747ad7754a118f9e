import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isCompositeType,
  isListType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
} from 'graphql';
import { getArgumentValues, getDirectiveValues } from 'graphql/execution/values';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../core/pagination';
import { AreaLevel } from '../core/areas/area.entity';
import type { AreaDirectory } from '../core/areas/area-directory';

/**
 * What a query costs, in points: the one estimator behind the cost limit, the throttle and the
 * `extensions.cost` of every answer.
 *
 * - A scalar or enum field costs 1; an object field 1 plus what is selected inside it.
 * - A connection (a type named `…Connection`) costs 1, plus its page size (`first` or `last`, default
 *   20) times what one node costs, once: its `nodes` and `edges` lists are that page, not lists of
 *   their own. `totalCount` and `pageInfo` cost what they select, once.
 * - Any other list costs 1 plus its expected length times what one item costs: the field's declared
 *   `listSize` extension, or what `listSizes` says for it (the area tree knows its widest level),
 *   else the default page size.
 * - A field declaring a `complexity` extension (type-graphql's `complexity` option) costs that
 *   instead: a number plus its children, or the function's answer.
 *
 * The same walk over an answer's data gives the actual cost: the lists as long as they came back.
 */

export interface CostOptions {
  /** Expected length of a plain list field, by parent type and field name (undefined: not known). */
  listSizes?: (parentType: string, fieldName: string) => number | undefined;
}

/**
 * The list lengths the area tree knows: `areas` answers one root, a `children` list is at most the
 * widest level of the tree, `districts` at most every district.
 */
export function areaListSizes(areas: AreaDirectory): NonNullable<CostOptions['listSizes']> {
  let districts: number | undefined;
  return (parentType, fieldName) => {
    if (parentType === 'Area' && fieldName === 'children') return areas.widest;
    if (parentType === 'Query' && fieldName === 'areas') return 1;
    if (parentType === 'Query' && fieldName === 'districts') return (districts ??= Math.max(1, areas.ofLevel(AreaLevel.DISTRICT).length));
    return undefined;
  };
}

type ComplexityFn = (options: { args: Record<string, unknown>; childComplexity: number }) => number;

/** A `first`/`last` outside 0…100 is the caller's error, said plainly (not as a cost refusal). */
function pageArgument(args: Record<string, unknown>, path: string): number {
  for (const name of ['first', 'last'] as const) {
    const value = args[name];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_PAGE_SIZE) {
      const reason = typeof value === 'number' && value > MAX_PAGE_SIZE ? `must be at most ${MAX_PAGE_SIZE}` : `must be between 0 and ${MAX_PAGE_SIZE}`;
      throw new GraphQLError(`${name} ${reason}`, { extensions: { code: 'BAD_USER_INPUT', field: name, reason, list: path, http: { status: 400 } } });
    }
    return value;
  }
  return DEFAULT_PAGE_SIZE;
}

const isConnection = (type: GraphQLCompositeType) => isObjectType(type) && type.name.endsWith('Connection');

class Walker {
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: Map<string, FragmentDefinitionNode>,
    private readonly variables: Record<string, unknown>,
    private readonly options: CostOptions,
  ) {}

  private included(node: { directives?: readonly { name: { value: string } }[] }): boolean {
    if (!node.directives?.length) return true;
    const skip = getDirectiveValues(GraphQLSkipDirective, node as FieldNode, this.variables);
    if (skip?.if === true) return false;
    const include = getDirectiveValues(GraphQLIncludeDirective, node as FieldNode, this.variables);
    return include?.if !== false;
  }

  /** The fields selected on a type, fragments followed (each fragment name once per selection). */
  private fields(set: SelectionSetNode, type: GraphQLCompositeType, out: Array<{ node: FieldNode; type: GraphQLCompositeType }> = [], seen = new Set<string>()) {
    for (const sel of set.selections) {
      if (!this.included(sel)) continue;
      if (sel.kind === Kind.FIELD) out.push({ node: sel, type });
      else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const on = sel.typeCondition ? (this.schema.getType(sel.typeCondition.name.value) as GraphQLCompositeType | undefined) : type;
        if (on) this.fields(sel.selectionSet, on, out, seen);
      } else if (!seen.has(sel.name.value)) {
        seen.add(sel.name.value);
        const frag = this.fragments.get(sel.name.value);
        const on = frag && (this.schema.getType(frag.typeCondition.name.value) as GraphQLCompositeType | undefined);
        if (frag && on) this.fields(frag.selectionSet, on, out, seen);
      }
    }
    return out;
  }

  private fieldDef(type: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
    // Objects and interfaces have fields; a union has none of its own (only __typename).
    return 'getFields' in type ? (type.getFields() as Record<string, GraphQLField<unknown, unknown>>)[name] : undefined;
  }

  /**
   * The cost of a selection set on a type. `data` is the answer's object for it when measuring the
   * actual cost (undefined: estimating). `pageSize` is the page of the connection this set belongs to.
   */
  selection(set: SelectionSetNode, type: GraphQLCompositeType, data: unknown, path: string, pageSize?: number): number {
    let total = 0;
    const measuring = data !== undefined;
    for (const { node, type: on } of this.fields(set, type)) {
      if (measuring && (data === null || typeof data !== 'object')) break;
      if (measuring && isObjectType(on) && (data as Record<string, unknown>).__typename !== undefined && (data as Record<string, unknown>).__typename !== on.name) continue;
      const def = this.fieldDef(on, node.name.value);
      if (!def) {
        total += node.name.value.startsWith('__') ? 0 : 1;
        continue;
      }
      const key = node.alias?.value ?? node.name.value;
      const value = measuring ? (data as Record<string, unknown>)[key] : undefined;
      total += this.field(node, def, on, measuring ? (value === undefined ? null : value) : undefined, `${path ? `${path}.` : ''}${key}`, pageSize);
    }
    return total;
  }

  private field(node: FieldNode, def: GraphQLField<unknown, unknown>, parent: GraphQLCompositeType, value: unknown, path: string, pageSize?: number): number {
    const args = getArgumentValues(def, node, this.variables) as Record<string, unknown>;
    const measuring = value !== undefined;
    const named = getNamedType(def.type);
    const list = isListType(getNullableType(def.type));
    const extensions = def.extensions as { complexity?: number | ComplexityFn; listSize?: number };
    if (!isCompositeType(named) || !node.selectionSet) {
      // A scalar or enum (a list of them counts its items when measured, its expected length otherwise).
      if (!list) return 1;
      if (measuring) return Array.isArray(value) ? Math.max(1, value.length) : 1;
      if (typeof extensions.complexity === 'number') return extensions.complexity;
      return 1;
    }
    if (isConnection(named)) {
      const size = pageArgument(args, path);
      const children = this.selection(node.selectionSet, named, value, path, size);
      return 1 + children;
    }
    const listName = node.name.value;
    if (list) {
      const inPage = pageSize !== undefined && isConnection(parent) && (listName === 'nodes' || listName === 'edges');
      if (measuring) {
        if (!Array.isArray(value)) return 1;
        return 1 + value.reduce<number>((sum, item) => sum + this.selection(node.selectionSet!, named, item === null ? null : item, path), 0);
      }
      const each = this.selection(node.selectionSet, named, undefined, path);
      if (!inPage && typeof extensions.complexity === 'function') return extensions.complexity({ args, childComplexity: each });
      const size = inPage ? pageSize! : (extensions.listSize ?? this.options.listSizes?.(parent.name, listName) ?? DEFAULT_PAGE_SIZE);
      return 1 + size * each;
    }
    const children = this.selection(node.selectionSet, named, value, path);
    if (!measuring && typeof extensions.complexity === 'function') return extensions.complexity({ args, childComplexity: children });
    if (!measuring && typeof extensions.complexity === 'number') return extensions.complexity + children;
    return 1 + children;
  }
}

function operationOf(document: DocumentNode, operationName: string | null | undefined): OperationDefinitionNode | undefined {
  const ops = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return operationName ? ops.find((o) => o.name?.value === operationName) : ops[0];
}

function walker(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>, options: CostOptions): Walker {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  return new Walker(schema, fragments, variables, options);
}

function rootType(schema: GraphQLSchema, op: OperationDefinitionNode) {
  return op.operation === 'mutation' ? schema.getMutationType() : op.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
}

/** The requested cost of an operation: what it would cost if every list came back full. */
export function estimateCost(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown>, options: CostOptions = {}): number {
  const op = operationOf(document, operationName);
  const root = op && rootType(schema, op);
  if (!op || !root) return 0;
  return walker(schema, document, variables, options).selection(op.selectionSet, root, undefined, '');
}

/** The actual cost of an answer: the same walk over the data that came back. */
export function actualCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown>,
  data: Record<string, unknown> | null | undefined,
): number {
  const op = operationOf(document, operationName);
  const root = op && rootType(schema, op);
  if (!op || !root || !data) return 0;
  return walker(schema, document, variables, {}).selection(op.selectionSet, root, data, '');
}
