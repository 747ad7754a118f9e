import crypto from 'node:crypto';
import { execute, type GraphQLSchema } from 'graphql';
import { In, LessThan, MoreThan } from 'typeorm';
import { requireSignedIn } from '../../core/auth/policy';
import type { Context } from '../../core/context';
import { NotFoundError, UserInputError } from '../../core/errors';
import { FilePurpose, StoredFile, storageFor } from '../../core/files';
import { now } from '../../core/clock';
import type { ModuleServices } from '../../core/module';
import { mutate } from '../../core/transaction';
import { ExportJob } from './export-job.entity';
import { ExportFormat, ExportStatus } from './exports.types';
import { AFTER_VARIABLE, connectionOf, FIRST_VARIABLE, PAGE_INFO_ALIAS, PAGE_SIZE, planExport, type ExportPlan } from './plan';
import { writeExport } from './write';

/** A job QUEUED or RUNNING longer than this is taken as lost (its process stopped) and no longer counts. */
export const EXPORT_DEADLINE_MS = 30 * 60_000;
const ACTIVE = [ExportStatus.QUEUED, ExportStatus.RUNNING];

/** Starts one requester's exports one after another in this process, so two at once cannot both pass the limit. */
const starting = new Map<number, Promise<unknown>>();
function oneAtATime<T>(key: number, work: () => Promise<T>): Promise<T> {
  const previous = starting.get(key) ?? Promise.resolve();
  const next = previous.then(work, work);
  const settled = next.catch(() => undefined);
  starting.set(key, settled);
  void settled.then(() => {
    if (starting.get(key) === settled) starting.delete(key);
  });
  return next;
}

/** Jobs started in this process and not yet finished (tests wait for them). */
const running = new Set<Promise<void>>();
export function exportsSettled(): Promise<void> {
  return Promise.all([...running]).then(() => undefined);
}

function parseVariables(text: string | null | undefined): Record<string, unknown> {
  if (text === null || text === undefined || text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UserInputError('variables', '变量不是合法的 JSON (variables must be a JSON object)');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new UserInputError('variables', '变量应为 JSON 对象 (variables must be a JSON object)');
  return value as Record<string, unknown>;
}

export interface StartExportArgs {
  query: string;
  variables?: string | null;
  format: ExportFormat;
}

/**
 * Accepts an export: checks the query (one connection, no mutation), the variables and the
 * requester's running jobs, records the job with its audit record, and runs it in the background
 * as the requester — the same viewer, scope and token scopes as this request.
 */
export async function startExport(ctx: Context, schema: GraphQLSchema, args: StartExportArgs): Promise<ExportJob> {
  requireSignedIn(ctx.viewer);
  const viewer = ctx.viewer;
  const plan = planExport(schema, args.query);
  const variables = parseVariables(args.variables);
  const job = await oneAtATime(viewer.userId, () =>
    mutate(ctx, async (tx) => {
      const active = await tx.em.count(ExportJob, {
        where: { requestedByUserId: viewer.userId, status: In(ACTIVE), createdAt: MoreThan(new Date(Date.now() - EXPORT_DEADLINE_MS)) }, // clock: elapsed time
      });
      if (active >= ctx.config.exports.maxConcurrent) {
        throw new UserInputError('query', `已有 ${active} 个导出任务在进行，最多同时 ${ctx.config.exports.maxConcurrent} 个，请稍后再试 (too many exports running)`);
      }
      const row = tx.em.create(ExportJob, {
        status: ExportStatus.QUEUED,
        format: args.format,
        query: args.query,
        variables: args.variables?.trim() ? args.variables : null,
        connection: plan.rootField,
        rowCount: 0,
        totalCount: null,
        error: null,
        requestedByUserId: viewer.userId,
        requestedBy: viewer.username ?? String(viewer.userId),
        areaId: viewer.scope.root.id,
        fileId: null,
        finishedAt: null,
      });
      await tx.em.insert(ExportJob, row);
      await tx.audit({
        action: 'export.start',
        entityType: 'ExportJob',
        entityId: row.id,
        areaId: viewer.scope.root.id,
        after: { format: row.format, connection: row.connection, query: row.query, variables: row.variables },
      });
      return row;
    }),
  );
  const run = runExport(ctx, schema, job, plan, variables).finally(() => running.delete(run));
  running.add(run);
  return job;
}

async function update(ctx: Context, id: number, changes: Partial<ExportJob>): Promise<void> {
  await ctx.db.getRepository(ExportJob).update({ id }, changes);
}

/** Pages through the connection as the requester, then stores the file; a failure is kept on the job. */
async function runExport(ctx: Context, schema: GraphQLSchema, job: ExportJob, plan: ExportPlan, variables: Record<string, unknown>): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  const started = Date.now(); // clock: elapsed time
  try {
    await update(ctx, job.id, { status: ExportStatus.RUNNING });
    const nodes: Record<string, unknown>[] = [];
    let after: string | null = null;
    for (;;) {
      // A fresh context per page (its own loaders), acting as the same viewer.
      const pageCtx: Context = { ...ctx, loaders: new Map(), auditWrites: 0, unchangedMutations: 0, cost: null };
      const result = await execute({ schema, document: plan.document, contextValue: pageCtx, variableValues: { ...variables, [FIRST_VARIABLE]: PAGE_SIZE, [AFTER_VARIABLE]: after } });
      if (result.errors?.length) throw new Error(result.errors[0].message);
      const connection = connectionOf(result.data, plan.path);
      if (!connection) break;
      const items = (connection[plan.rows.key] as Record<string, unknown>[] | null) ?? [];
      for (const item of items) {
        const node = plan.rows.nodeKey ? (item[plan.rows.nodeKey] as Record<string, unknown>) : item;
        if (node) nodes.push(node);
      }
      if (nodes.length > ctx.config.exports.maxRows) {
        throw new Error(`超过导出上限 ${ctx.config.exports.maxRows} 行，请缩小查询范围 (more than EXPORT_MAX_ROWS rows)`);
      }
      const total = typeof connection.totalCount === 'number' ? connection.totalCount : null;
      await update(ctx, job.id, { rowCount: nodes.length, totalCount: total });
      const pageInfo = connection[PAGE_INFO_ALIAS] as { hasNextPage: boolean; endCursor: string | null };
      if (!pageInfo.hasNextPage || !pageInfo.endCursor || items.length === 0) break;
      if (Date.now() - started > EXPORT_DEADLINE_MS) throw new Error('导出超时 (the export took too long)'); // clock: elapsed time
      after = pageInfo.endCursor;
    }
    const file = await writeExport(job.format, nodes, plan.moneyColumns);
    const id = crypto.randomUUID();
    const at = now();
    const key = `export/${at.getUTCFullYear()}/${String(at.getUTCMonth() + 1).padStart(2, '0')}/${id}`;
    await storageFor(ctx.config).put(key, file.body, file.mime);
    await ctx.db.transaction(async (em) => {
      await em.insert(StoredFile, {
        id,
        purpose: FilePurpose.EXPORT,
        storageKey: key,
        thumbnailKey: null,
        name: `导出-${plan.rootField}-${job.id}.${file.extension}`,
        mime: file.mime,
        size: file.body.length,
        sha256: crypto.createHash('sha256').update(file.body).digest('hex'),
        width: null,
        height: null,
        takenAt: null,
        gpsLat: null,
        gpsLng: null,
        perceptualHash: null,
        // Unattached and "uploaded" by the requester: readable by the requester only (core/files).
        uploadedByUserId: job.requestedByUserId,
        ownerType: null,
        ownerId: null,
        areaId: null,
      });
      await em.update(ExportJob, { id: job.id }, { status: ExportStatus.DONE, rowCount: nodes.length, fileId: id, finishedAt: now() });
    });
  } catch (e) {
    ctx.log.warn({ err: e, exportJob: job.id }, 'export failed');
    await update(ctx, job.id, { status: ExportStatus.FAILED, error: String((e as Error).message ?? e).slice(0, 500), finishedAt: now() }).catch(() => undefined);
  }
}

/** One of the viewer's own jobs; anyone else's is NOT_FOUND. */
export async function exportJob(ctx: Context, id: string): Promise<ExportJob> {
  requireSignedIn(ctx.viewer);
  const job = /^\d+$/.test(id) ? await ctx.db.getRepository(ExportJob).findOneBy({ id: Number(id), requestedByUserId: ctx.viewer.userId }) : null;
  if (!job) throw new NotFoundError('ExportJob', id);
  return job;
}

/** The viewer's own jobs, newest first (the last 50). */
export async function exportJobs(ctx: Context): Promise<ExportJob[]> {
  requireSignedIn(ctx.viewer);
  return ctx.db.getRepository(ExportJob).find({ where: { requestedByUserId: ctx.viewer.userId }, order: { id: 'DESC' }, take: 50 });
}

/** Jobs left QUEUED or RUNNING past the deadline (their process stopped) are marked FAILED. */
export async function failLostExports(services: ModuleServices): Promise<number> {
  const result = await services.db
    .getRepository(ExportJob)
    .update({ status: In(ACTIVE), createdAt: LessThan(new Date(Date.now() - EXPORT_DEADLINE_MS)) }, { status: ExportStatus.FAILED, error: '导出中断 (the export was interrupted)', finishedAt: now() }); // clock: elapsed time
  return result.affected ?? 0;
}
