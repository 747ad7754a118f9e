import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { UserInputError } from './errors';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ObjectType({ description: 'Where a page of a list starts and ends (Relay cursor connections). 分页信息' })
export class PageInfo {
  @Field({ description: 'Whether more items follow this page. Paging backwards (`last`/`before`): true when `before` was given. 有下一页' })
  hasNextPage!: boolean;

  @Field({ description: 'Whether items come before this page. Paging forwards (`first`/`after`): true when `after` was given. 有上一页' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'The first item’s cursor: pass as `before` to fetch the page before (null on an empty page). 起始游标' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'The last item’s cursor: pass as `after` to fetch the next page (null on an empty page). 结束游标' })
  endCursor!: string | null;
}

export interface Page<T> {
  nodes: T[];
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  /** Counted only when a client asks for totalCount: a getter, read only by that field. */
  readonly totalCount: Promise<number>;
}

/** Declares `<Name>Connection` and `<Name>Edge` types for a node type. */
export function Connection<T extends object>(node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { description: `One ${name} in a list, with its cursor` })
  class Edge {
    @Field({ description: 'Opaque position of this item in the list' })
    cursor!: string;

    @Field(() => node)
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items (cursor pagination)` })
  class ConnectionType {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => [node], { description: 'The items of this page, without cursors' })
    nodes!: T[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'How many items the whole list holds, across all pages' })
    totalCount!: number;
  }
  return ConnectionType;
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/**
 * The four Relay arguments of every list. A module's own list arguments extend this class, so no list can
 * forget backward paging (`architecture/connections.test.ts` checks the schema).
 */
@ArgsType()
export class PageArgsType implements PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size counted from the start or from \`after\` (at most ${100}, default ${20}). 每页条数` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the item after which the page starts. 游标' })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: `Page size counted back from the end or from \`before\` (at most ${100}); not with \`first\`. 末尾条数` })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the item before which the page ends. 向前游标' })
  before?: string | null;
}

/** Which way a page is read, and how many items: forwards from `after`, or backwards from `before`. */
interface Direction {
  backwards: boolean;
  limit: number;
  cursor: string | null;
  cursorField: 'after' | 'before';
}

function direction(args: PageArgs): Direction {
  const hasLast = args.last !== null && args.last !== undefined;
  if (hasLast && args.first !== null && args.first !== undefined) throw new UserInputError('last', 'cannot be combined with first: page forwards or backwards');
  if (hasLast || args.before) {
    if (args.after) throw new UserInputError('before', 'cannot be combined with after');
    return { backwards: true, limit: pageSize(args.last, 'last'), cursor: args.before ?? null, cursorField: 'before' };
  }
  return { backwards: false, limit: pageSize(args.first), cursor: args.after ?? null, cursorField: 'after' };
}

export interface SortKey {
  /** SQL expression, already qualified with the alias (e.g. `p.name`), never user text. */
  expression: string;
  /** Property on the loaded entity holding that value. */
  property: string;
  direction: 'ASC' | 'DESC';
}

function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string, length: number, field: string): unknown[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === length) {
      if (values.every((v) => typeof v === 'string' || typeof v === 'number')) return values;
    }
  } catch {
    // fall through to the refusal below
  }
  throw new UserInputError(field, 'is not a cursor this list gave out');
}

export function pageSize(first: number | null | undefined, field: 'first' | 'last' = 'first'): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw new UserInputError(field, `must be between 0 and ${MAX_PAGE_SIZE}`);
  }
  return first;
}

function cursorValue(value: unknown): string | number {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  return String(value);
}

/**
 * Keyset pagination over a query builder already filtered to the caller's scope.
 * The keys must end with a unique column (the id, or a unique code alone) and hold no NULLs, so the order is total.
 */
export async function paginate<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  keys: SortKey[],
  args: PageArgs,
): Promise<Page<T>> {
  const { backwards, limit, cursor, cursorField } = direction(args);
  const countQb = qb.clone();
  // Backwards, the list is read in the reverse order from the cursor and the page turned round afterwards.
  const readOrder = keys.map((k) => ({ ...k, direction: backwards === (k.direction === 'ASC') ? ('DESC' as const) : ('ASC' as const) }));
  if (cursor) {
    const values = decodeCursor(cursor, keys.length, cursorField);
    // (k1, k2, …) beyond (v1, v2, …) in the reading order, written portably without row-value syntax.
    const ors: string[] = [];
    const params: Record<string, unknown> = {};
    readOrder.forEach((key, i) => {
      const ands = readOrder.slice(0, i).map((k, j) => `${k.expression} = :__c${j}`);
      ands.push(`${key.expression} ${key.direction === 'ASC' ? '>' : '<'} :__c${i}`);
      ors.push(`(${ands.join(' AND ')})`);
      params[`__c${i}`] = values[i];
    });
    qb.andWhere(`(${ors.join(' OR ')})`, params);
  }
  readOrder.forEach((key, i) => (i === 0 ? qb.orderBy(key.expression, key.direction) : qb.addOrderBy(key.expression, key.direction)));
  const rows = limit === 0 ? [] : await qb.limit(limit + 1).getMany();
  const more = rows.length > limit;
  const nodes = rows.slice(0, limit);
  if (backwards) nodes.reverse();
  const edges = nodes.map((node) => ({
    node,
    cursor: encodeCursor(keys.map((k) => cursorValue((node as Record<string, unknown>)[k.property]))),
  }));
  let counted: Promise<number> | undefined;
  return {
    nodes,
    edges,
    pageInfo: pageInfoOf(edges, backwards ? { hasNextPage: !!cursor, hasPreviousPage: more } : { hasNextPage: more, hasPreviousPage: !!cursor }),
    get totalCount() {
      return (counted ??= countQb.getCount());
    },
  };
}

function pageInfoOf(edges: { cursor: string }[], has: { hasNextPage: boolean; hasPreviousPage: boolean }): PageInfo {
  return { ...has, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null };
}

/** Pages a list computed in memory: the cursor is the position. */
export function pageOfList<T>(items: T[], args: PageArgs): Page<T> {
  const { backwards, limit, cursor, cursorField } = direction(args);
  let position: number | null = null;
  if (cursor) {
    const n = Number(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Number.isInteger(n) || n < 0 || n >= items.length) throw new UserInputError(cursorField, 'is not a cursor this list gave out');
    position = n;
  }
  // The page is items[start, end): after a cursor it begins past it; before one it ends at it.
  const end = backwards ? (position ?? items.length) : Math.min(items.length, (position === null ? 0 : position + 1) + limit);
  const start = backwards ? Math.max(0, end - limit) : position === null ? 0 : position + 1;
  const nodes = items.slice(start, end);
  const edges = nodes.map((node, i) => ({ node, cursor: Buffer.from(String(start + i), 'utf8').toString('base64url') }));
  return {
    nodes,
    edges,
    pageInfo: pageInfoOf(edges, { hasNextPage: end < items.length, hasPreviousPage: start > 0 }),
    totalCount: Promise.resolve(items.length),
  };
}
