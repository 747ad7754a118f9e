import { Field, Int, ObjectType, type ClassType } from 'type-graphql';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { UserInputError } from './errors';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ObjectType({ description: 'Where a page of a list ends. 分页信息' })
export class PageInfo {
  @Field({ description: 'Whether more items follow this page' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Pass as `after` to fetch the next page' })
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

function decodeCursor(cursor: string, length: number): unknown[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === length) {
      if (values.every((v) => typeof v === 'string' || typeof v === 'number')) return values;
    }
  } catch {
    // fall through to the refusal below
  }
  throw new UserInputError('after', 'is not a cursor this list gave out');
}

export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw new UserInputError('first', `must be between 0 and ${MAX_PAGE_SIZE}`);
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
  const limit = pageSize(args.first);
  const countQb = qb.clone();
  if (args.after) {
    const values = decodeCursor(args.after, keys.length);
    // (k1, k2, …) after (v1, v2, …) in the sort order, written portably without row-value syntax.
    const ors: string[] = [];
    const params: Record<string, unknown> = {};
    keys.forEach((key, i) => {
      const ands = keys.slice(0, i).map((k, j) => `${k.expression} = :__c${j}`);
      ands.push(`${key.expression} ${key.direction === 'ASC' ? '>' : '<'} :__c${i}`);
      ors.push(`(${ands.join(' AND ')})`);
      params[`__c${i}`] = values[i];
    });
    qb.andWhere(`(${ors.join(' OR ')})`, params);
  }
  keys.forEach((key, i) => (i === 0 ? qb.orderBy(key.expression, key.direction) : qb.addOrderBy(key.expression, key.direction)));
  const rows = limit === 0 ? [] : await qb.limit(limit + 1).getMany();
  const hasNextPage = rows.length > limit;
  const nodes = rows.slice(0, limit);
  const edges = nodes.map((node) => ({
    node,
    cursor: encodeCursor(keys.map((k) => cursorValue((node as Record<string, unknown>)[k.property]))),
  }));
  let counted: Promise<number> | undefined;
  return {
    nodes,
    edges,
    pageInfo: { hasNextPage, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
    get totalCount() {
      return (counted ??= countQb.getCount());
    },
  };
}

/** Pages a list computed in memory: the cursor is the position. */
export function pageOfList<T>(items: T[], first: number | null | undefined, after: string | null | undefined): Page<T> {
  const limit = pageSize(first);
  let start = 0;
  if (after) {
    const n = Number(Buffer.from(after, 'base64url').toString('utf8'));
    if (!Number.isInteger(n) || n < 0 || n >= items.length) throw new UserInputError('after', 'is not a cursor this list gave out');
    start = n + 1;
  }
  const nodes = items.slice(start, start + limit);
  const edges = nodes.map((node, i) => ({ node, cursor: Buffer.from(String(start + i), 'utf8').toString('base64url') }));
  return { nodes, edges, pageInfo: { hasNextPage: start + limit < items.length, endCursor: edges.at(-1)?.cursor ?? null }, totalCount: Promise.resolve(items.length) };
}

