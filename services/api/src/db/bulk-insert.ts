import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { supportsRowLocks } from '../core/row-locks';
import { stampNewRows } from './clock-stamps';

/** Bound parameters per statement, under SQLite's limit (32,766) and MySQL's (65,535). */
const MAX_PARAMETERS = 30_000;

/**
 * Inserts many rows with plain multi-row INSERT statements, converting each value as the driver
 * would (column transformers, dates). For generators and bulk loads: TypeORM's insert builder
 * spends most of its time on parameter bookkeeping at this size. Every row must set the same
 * properties as the first; generated columns are left to the database, and creation and update
 * stamps to the service's clock when KPD_TODAY is set. With `ignoreDuplicates`, a
 * row a unique key refuses is skipped (INSERT IGNORE / INSERT OR IGNORE). Returns the rows inserted.
 */
export async function bulkInsert<T extends ObjectLiteral>(
  em: EntityManager,
  entity: EntityTarget<T>,
  rows: Partial<T>[],
  options: { ignoreDuplicates?: boolean } = {},
): Promise<number> {
  if (rows.length === 0) return 0;
  const meta = em.connection.getMetadata(entity);
  stampNewRows(meta, rows);
  const driver = em.connection.driver;
  const columns = meta.columns.filter((c) => !c.isGenerated && (rows[0] as ObjectLiteral)[c.propertyName] !== undefined);
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  const insert = !options.ignoreDuplicates ? 'INSERT' : supportsRowLocks(em) ? 'INSERT IGNORE' : 'INSERT OR IGNORE';
  const head = `${insert} INTO ${driver.escape(meta.tableName)} (${columns.map((c) => driver.escape(c.databaseName)).join(', ')}) VALUES `;
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  // The transaction's runner when there is one; the driver's count of inserted rows comes with its structured result.
  const runner = em.queryRunner ?? em.connection.createQueryRunner();
  let inserted = 0;
  try {
    for (let start = 0; start < rows.length; start += perStatement) {
      const part = rows.slice(start, start + perStatement);
      const params: unknown[] = [];
      for (const row of part) for (const c of columns) params.push(driver.preparePersistentValue((row as ObjectLiteral)[c.propertyName], c));
      inserted += (await runner.query(head + part.map(() => tuple).join(', '), params, true)).affected ?? 0;
    }
  } finally {
    if (!em.queryRunner) await runner.release();
  }
  return inserted;
}
