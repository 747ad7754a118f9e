import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInputType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  parse,
  execute,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import type { Request, Response, Router } from 'express';
import type { ModuleServices } from '../../core/module';
import { sendError } from '../../core/errors';
import { writeExport } from './write';
import { ExportFormat } from './exports.types';

/**
 * The figures queries an analyst downloads as CSV in one GET, and where their rows are in the answer
 * (null: the field answers the list itself). Each is small and bounded by an area, so it is answered
 * at once rather than through an export job.
 */
export const FIGURES_CSV: Record<string, { rows: string | null; title: string }> = {
  investmentStats: { rows: 'rows', title: '投资统计' },
  lightBoard: { rows: 'districts', title: '亮灯统计' },
  problemFigures: { rows: null, title: '问题统计' },
  planVsActual: { rows: null, title: '计划对账' },
  serviceCatalogueFigures: { rows: null, title: '政务服务指标' },
  serviceCaseFigures: { rows: null, title: '办件指标' },
  procedureFigures: { rows: 'byDepartment', title: '前期手续统计' },
};

/** Nested objects a figures row names (a district, a rate) give these fields, never their own lists. */
const NESTED_DEPTH = 2;
const AREA_FIELDS = 'id code name';

/** Every scalar leaf of a type without required arguments, nested objects to a small depth, no lists of objects. */
function selectionOf(type: GraphQLObjectType, depth: number): string {
  if (type.name === 'Area') return AREA_FIELDS;
  const parts: string[] = [];
  for (const field of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
    if (field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    if (field.deprecationReason) continue;
    const named = getNamedType(field.type);
    if (isScalarType(named) || isEnumType(named)) {
      if (!listsObjects(field.type)) parts.push(field.name);
    } else if (isObjectType(named) && depth > 0 && !isListType(unwrapNonNull(field.type))) {
      parts.push(`${field.name} { ${selectionOf(named, depth - 1)} }`);
    }
  }
  return parts.join(' ');
}

const unwrapNonNull = (t: GraphQLOutputType): GraphQLOutputType => (isNonNullType(t) ? t.ofType : t);
const listsObjects = (t: GraphQLOutputType): boolean => isListType(unwrapNonNull(t)) && isObjectType(getNamedType(t));

/** The row type of a figures field: the list's element type, or the element type of its `rows` list. */
function rowTypeOf(field: GraphQLField<unknown, unknown>, rows: string | null): GraphQLObjectType {
  const named = getNamedType(field.type) as GraphQLObjectType;
  return rows === null ? named : (getNamedType(named.getFields()[rows].type) as GraphQLObjectType);
}

/** A query parameter as the argument's type wants it: Int and Boolean parsed, the rest as text. */
function argumentValue(raw: string, type: { name: string }): unknown {
  if (type.name === 'Int') return /^-?\d{1,9}$/.test(raw) ? Number(raw) : raw;
  if (type.name === 'Boolean') return raw === 'true' ? true : raw === 'false' ? false : raw;
  return raw;
}

/**
 * GET /api/exports/figures/<query>.csv?<its arguments> — a figures query's rows as CSV (UTF-8 with a
 * BOM, money as exact decimal text), run as the caller (session cookie or API token) through the same
 * resolvers, scope and token scopes as the GraphQL query. Errors answer as GraphQL errors in JSON.
 */
export function figuresCsvRoute(router: Router, services: ModuleServices): void {
  router.get('/figures/:name.csv', (req, res, next) => void answer(req, res, services).catch(next));
}

async function answer(req: Request, res: Response, services: ModuleServices): Promise<void> {
  const name = String(req.params.name);
  const spec = FIGURES_CSV[name];
  const schema: GraphQLSchema = await services.schema();
  const field = schema.getQueryType()!.getFields()[name];
  if (!spec || !field) return sendError(res, 404, 'NOT_FOUND', `没有名为 ${name} 的统计查询，可下载：${Object.keys(FIGURES_CSV).join(', ')}`);
  const variables: Record<string, unknown> = {};
  const declared: string[] = [];
  const passed: string[] = [];
  for (const arg of field.args) {
    const raw = req.query[arg.name];
    if (raw === undefined) continue;
    if (typeof raw !== 'string') return sendError(res, 400, 'BAD_USER_INPUT', `参数 ${arg.name} 只能给一次`, arg.name);
    if (!isInputType(arg.type)) continue;
    const named = getNamedType(arg.type)!;
    if (isInputObjectType(named)) {
      // An input object (a filter) comes as JSON text: ?filter={"areaId":"5"}.
      try {
        variables[arg.name] = JSON.parse(raw);
      } catch {
        return sendError(res, 400, 'BAD_USER_INPUT', `参数 ${arg.name} 应为 JSON 对象`, arg.name);
      }
    } else variables[arg.name] = argumentValue(raw, named);
    declared.push(`$${arg.name}: ${String(arg.type)}`);
    passed.push(`${arg.name}: $${arg.name}`);
  }
  const unknown = Object.keys(req.query).filter((k) => !field.args.some((a) => a.name === k));
  if (unknown.length) return sendError(res, 400, 'BAD_USER_INPUT', `${name} 没有参数 ${unknown.join(', ')}`, unknown[0]);
  const rowSelection = selectionOf(rowTypeOf(field, spec.rows), NESTED_DEPTH);
  const selection = spec.rows === null ? rowSelection : `${spec.rows} { ${rowSelection} }`;
  const text = `query${declared.length ? `(${declared.join(', ')})` : ''} { ${name}${passed.length ? `(${passed.join(', ')})` : ''} { ${selection} } }`;
  const ctx = await services.contextFor(req, res);
  const document = parse(text);
  // The same points from the same bucket as the GraphQL query would take: a token cannot get round
  // its throttle by asking for its figures as CSV.
  const charge = services.chargeQuery(ctx, document, variables);
  if (!charge.ok && charge.code === 'THROTTLED') {
    res.setHeader('retry-after', String(charge.retryAfterSeconds));
    return sendError(res, 429, 'THROTTLED', `请求过于频繁：此查询需 ${charge.requested} 点，余 ${charge.remaining} 点，请 ${charge.retryAfterSeconds} 秒后再试`);
  }
  if (!charge.ok && charge.code === 'BAD_USER_INPUT') return sendError(res, 400, 'BAD_USER_INPUT', charge.reason);
  res.setHeader('x-cost-requested', String(charge.requested));
  if (charge.ok) res.setHeader('x-cost-remaining', String(charge.remaining));
  const result = await execute({ schema, document, contextValue: ctx, variableValues: variables });
  if (result.errors?.length) {
    const first = result.errors[0];
    const code = String(first.extensions?.code ?? 'BAD_USER_INPUT');
    const status = code === 'UNAUTHENTICATED' ? 401 : code === 'FORBIDDEN' ? 403 : code === 'NOT_FOUND' ? 404 : code === 'INTERNAL_SERVER_ERROR' ? 500 : 400;
    if (status === 500) services.log.error({ err: first.originalError ?? first }, 'figures CSV failed');
    res.status(status).json({ errors: result.errors.map((e) => ({ message: status === 500 ? 'Internal server error' : e.message, extensions: { ...e.extensions, code } })) });
    return;
  }
  const data = (result.data as Record<string, unknown>)[name];
  const nodes = (spec.rows === null ? data : (data as Record<string, unknown>)[spec.rows]) as Record<string, unknown>[];
  const file = await writeExport(ExportFormat.CSV, nodes, new Set());
  const filename = `${spec.title}-${Object.values(variables).filter((v) => typeof v !== 'object').join('-') || 'all'}.csv`;
  res.setHeader('content-type', 'text/csv; charset=utf-8');
  res.setHeader('content-disposition', `attachment; filename="${encodeURIComponent(filename)}"; filename*=UTF-8''${encodeURIComponent(filename)}`);
  res.setHeader('cache-control', 'private, no-store');
  res.send(file.body);
}
