import {
  getNamedType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  parse,
  TypeInfo,
  validate,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  type GraphQLType,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { UserInputError } from '../../core/errors';

/** Variables the export adds to page through the connection. */
export const FIRST_VARIABLE = 'kpdExportFirst';
export const AFTER_VARIABLE = 'kpdExportAfter';
export const PAGE_INFO_ALIAS = 'kpdExportPageInfo';
export const PAGE_SIZE = 100;

/** What a bulk export runs: the rewritten document and where in its answer the rows are. */
export interface ExportPlan {
  document: DocumentNode;
  /** Response keys from the root down to the connection, e.g. ['projects'] or ['district', 'projects']. */
  path: string[];
  /** The connection's root field name (for the job's label and the token scope). */
  rootField: string;
  /** Where the nodes are inside the connection: `nodes`, or `edges` with `node` inside. */
  rows: { key: string; nodeKey: string | null };
  /** Columns (dotted response keys inside a node) holding Money. */
  moneyColumns: Set<string>;
}

const refuse = (reason: string) => new UserInputError('query', reason);

function isConnection(type: GraphQLType | null | undefined): boolean {
  if (!type) return false;
  let inner: GraphQLType = type;
  while (isNonNullType(inner)) inner = inner.ofType;
  if (isListType(inner)) return false;
  const named = getNamedType(inner);
  return isObjectType(named) && named.name.endsWith('Connection') && 'pageInfo' in named.getFields();
}

const responseKey = (field: FieldNode) => field.alias?.value ?? field.name.value;

/**
 * Reads an export's query: one query operation (never a mutation) selecting exactly one connection,
 * valid against the schema. Answers it rewritten to page by `first: 100, after: $cursor` with the
 * connection's pageInfo added. Every refusal is BAD_USER_INPUT naming `query`.
 */
export function planExport(schema: GraphQLSchema, query: string): ExportPlan {
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: 4000 });
  } catch (e) {
    throw refuse(`查询无法解析 (the query does not parse): ${(e as Error).message}`);
  }
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (operations.length !== 1) throw refuse('应只含一个查询操作 (exactly one operation)');
  if (operations[0].operation !== 'query') throw refuse('只能导出查询，不能执行修改 (only a query can be exported, never a mutation)');
  if (document.definitions.some((d) => d.kind === Kind.FRAGMENT_DEFINITION)) throw refuse('请把片段写成内联形式 (write fragments inline)');
  const invalid = validate(schema, document);
  if (invalid.length) throw refuse(`查询不符合接口定义 (the query is not valid): ${invalid[0].message}`);

  const typeInfo = new TypeInfo(schema);
  const connections: { node: FieldNode; path: string[] }[] = [];
  const moneyPaths: string[][] = [];
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field: {
        enter(node, _key, _parent, _path, ancestors) {
          const fieldPath = [...ancestors.filter((a): a is FieldNode => !Array.isArray(a) && (a as FieldNode).kind === Kind.FIELD).map(responseKey), responseKey(node)];
          if (isConnection(typeInfo.getType())) connections.push({ node, path: fieldPath });
          if (getNamedType(typeInfo.getType())?.name === 'Money') moneyPaths.push(fieldPath);
        },
      },
    }),
  );
  if (connections.length === 0) throw refuse('查询未选择任何列表 (the query selects no connection)');
  if (connections.length > 1) throw refuse(`查询只能选择一个列表，现有 ${connections.length} 个 (the query selects more than one connection)`);
  const [target] = connections;
  const selections = target.node.selectionSet?.selections.filter((s): s is FieldNode => s.kind === Kind.FIELD) ?? [];
  const nodes = selections.find((s) => s.name.value === 'nodes');
  const edges = selections.find((s) => s.name.value === 'edges');
  const edgeNode = edges?.selectionSet?.selections.find((s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === 'node');
  if (!nodes && !edgeNode) throw refuse('请选择列表的 nodes 或 edges { node } (select the connection’s nodes)');
  const rows = nodes ? { key: responseKey(nodes), nodeKey: null } : { key: responseKey(edges!), nodeKey: responseKey(edgeNode!) };
  const prefix = [...target.path, rows.key, ...(rows.nodeKey ? [rows.nodeKey] : [])];
  const moneyColumns = new Set(
    moneyPaths.filter((p) => prefix.every((k, i) => p[i] === k) && p.length > prefix.length).map((p) => p.slice(prefix.length).join('.')),
  );

  const pageInfo: FieldNode = {
    kind: Kind.FIELD,
    alias: { kind: Kind.NAME, value: PAGE_INFO_ALIAS },
    name: { kind: Kind.NAME, value: 'pageInfo' },
    selectionSet: {
      kind: Kind.SELECTION_SET,
      selections: ['hasNextPage', 'endCursor'].map((name) => ({ kind: Kind.FIELD, name: { kind: Kind.NAME, value: name } }) as FieldNode),
    },
  };
  const variable = (name: string) => ({ kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: name } }) as const;
  const rewritten = visit(document, {
    Field(node) {
      if (node !== target.node) return undefined;
      const args = (node.arguments ?? []).filter((a) => !['first', 'after', 'last', 'before'].includes(a.name.value));
      return {
        ...node,
        arguments: [
          ...args,
          { kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: 'first' }, value: variable(FIRST_VARIABLE) },
          { kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: 'after' }, value: variable(AFTER_VARIABLE) },
        ],
        selectionSet: { ...(node.selectionSet as SelectionSetNode), selections: [...node.selectionSet!.selections, pageInfo] },
      };
    },
  });
  // Variables only the paging arguments used (e.g. $after) go; the paging ones come in.
  const used = new Set<string>();
  visit(rewritten, {
    VariableDefinition: () => false,
    Variable(node) {
      used.add(node.name.value);
    },
  });
  const finalDocument = visit(rewritten, {
    OperationDefinition(node) {
      const kept = (node.variableDefinitions ?? []).filter((d) => used.has(d.variable.name.value));
      const named = (name: string, type: string, nonNull: boolean) => ({
        kind: Kind.VARIABLE_DEFINITION,
        variable: variable(name),
        type: nonNull
          ? { kind: Kind.NON_NULL_TYPE, type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: type } } }
          : { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: type } },
      });
      return { ...node, variableDefinitions: [...kept, named(FIRST_VARIABLE, 'Int', true), named(AFTER_VARIABLE, 'String', false)] };
    },
  }) as DocumentNode;
  const again = validate(schema, finalDocument);
  if (again.length) throw refuse(`无法分页导出这个查询 (the query cannot be paged): ${again[0].message}`);
  return { document: finalDocument, path: target.path, rootField: target.node.name.value === target.path[0] ? target.node.name.value : target.path.join('.'), rows, moneyColumns };
}

/** The connection inside one page's answer (null when a parent on the way is null). */
export function connectionOf(data: unknown, path: string[]): Record<string, unknown> | null {
  let at: unknown = data;
  for (const key of path) {
    if (at === null || at === undefined) return null;
    if (Array.isArray(at)) throw new Error('列表位于另一个列表之中 (the connection is inside a list)');
    at = (at as Record<string, unknown>)[key];
  }
  return (at as Record<string, unknown> | null) ?? null;
}
