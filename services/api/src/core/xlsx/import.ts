import type { Context } from '../context';
import { mutate, type Tx } from '../transaction';
import type { SheetSpec } from './columns';
import type { ImportResult } from './import-result.type';
import { readSheet, type Locate, type SheetProblem, type SheetRow } from './sheet';

/** A problem found while checking or committing rows; thrown from `commit` it cancels the whole import. */
export class ImportRowError extends Error {
  constructor(readonly problem: SheetProblem) {
    super(`row ${problem.row}: ${problem.reason}`);
  }
}

export interface ImportOptions<R> {
  spec: SheetSpec<R>;
  buffer: Buffer;
  dryRun: boolean;
  /** Checks that need several rows or the database: duplicates in the file, unknown codes, scope. */
  validateRows?: (rows: SheetRow<R>[], locate: Locate<R>) => Promise<SheetProblem[]>;
  /** Writes the rows inside the import's transaction; returns what it created and updated. */
  commit: (tx: Tx, rows: SheetRow<R>[]) => Promise<{ created: number; updated: number }>;
  /** The audit record summarising the import. */
  audit: { action: string; entityType: string; entityId?: string | number | null; areaId?: number | null };
}

const byPosition = (a: SheetProblem, b: SheetProblem) => a.row - b.row || a.column.localeCompare(b.column);

/**
 * The one import flow of the system. A dry run reads and checks every row and writes no data.
 * A commit checks again and then writes every row in one transaction with one audit record —
 * or, if anything is wrong, writes no data at all and returns the problems. Checks and refusals
 * are audited too (`<action>.check`, `<action>.refused`): who tried to import what is kept.
 */
export async function runImport<R>(ctx: Context, options: ImportOptions<R>): Promise<ImportResult> {
  const read = await readSheet(options.buffer, options.spec);
  const problems = [...read.problems];
  // Rows whose cells parsed are checked against each other and the database even when other rows
  // have bad cells, so one dry run lists every problem of the sheet.
  if (options.validateRows && read.rows.length > 0) problems.push(...(await options.validateRows(read.rows, read.locate)));
  const badRows = new Set(problems.map((p) => p.row));
  const result: ImportResult = {
    dryRun: options.dryRun,
    totalRows: read.totalRows,
    validRows: read.rows.filter((r) => !badRows.has(r.rowNumber)).length,
    created: 0,
    updated: 0,
    committed: false,
    problems: problems.sort(byPosition),
  };
  if (options.dryRun || problems.length > 0 || read.totalRows === 0) {
    if (read.totalRows === 0 && problems.length === 0) {
      result.problems = [{ row: 0, column: '', header: '', reason: '表格中没有数据行 (the sheet has no data rows)' }];
    }
    // A check or a refused commit changes no data, but who tried to import what is kept.
    await mutate(ctx, (tx) =>
      tx.audit({
        action: `${options.audit.action}.${options.dryRun ? 'check' : 'refused'}`,
        entityType: options.audit.entityType,
        entityId: options.audit.entityId ?? null,
        areaId: options.audit.areaId ?? null,
        after: { rows: read.totalRows, validRows: result.validRows, problems: result.problems.length },
      }),
    );
    return result;
  }
  try {
    const counts = await mutate(ctx, async (tx) => {
      const done = await options.commit(tx, read.rows);
      await tx.audit({
        action: options.audit.action,
        entityType: options.audit.entityType,
        entityId: options.audit.entityId ?? null,
        areaId: options.audit.areaId ?? null,
        after: { rows: read.rows.length, created: done.created, updated: done.updated },
      });
      return done;
    });
    return { ...result, ...counts, committed: true };
  } catch (e) {
    if (!(e instanceof ImportRowError)) throw e;
    await mutate(ctx, (tx) =>
      tx.audit({
        action: `${options.audit.action}.refused`,
        entityType: options.audit.entityType,
        entityId: options.audit.entityId ?? null,
        areaId: options.audit.areaId ?? null,
        after: { rows: read.totalRows, problem: e.problem },
      }),
    );
    return { ...result, validRows: result.validRows - 1, problems: [e.problem] };
  }
}

/** Splits rows for bulk statements (SQLite allows 32,766 bound parameters; MySQL 65,535). */
export function chunks<T>(items: T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Rows whose key appears more than once: each later occurrence is a problem naming the first. */
export function duplicateKeyProblems<R>(rows: SheetRow<R>[], key: (r: R) => string, at: { column: string; header: string }): SheetProblem[] {
  const first = new Map<string, number>();
  const problems: SheetProblem[] = [];
  for (const row of rows) {
    const k = key(row.values);
    const seen = first.get(k);
    if (seen !== undefined) {
      problems.push({ row: row.rowNumber, column: at.column, header: at.header, reason: `与第 ${seen} 行重复 (duplicates row ${seen})` });
    } else first.set(k, row.rowNumber);
  }
  return problems;
}
