import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** Bound parameters per statement, under SQLite's limit (32,766) and MySQL's (65,535). */
const MAX_PARAMETERS = 30_000;

/**
 * Inserts many rows with plain multi-row INSERT statements, converting each value as the driver
 * would (column transformers, dates). For generators and bulk loads: TypeORM's insert builder
 * spends most of its time on parameter bookkeeping at this size. Every row must set the same
 * properties as the first; generated columns are left to the database.
 */
export async function bulkInsert<T extends ObjectLiteral>(em: EntityManager, entity: EntityTarget<T>, rows: Partial<T>[]): Promise<void> {
  if (rows.length === 0) return;
  const meta = em.connection.getMetadata(entity);
  const driver = em.connection.driver;
  const columns = meta.columns.filter((c) => !c.isGenerated && (rows[0] as ObjectLiteral)[c.propertyName] !== undefined);
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  const head = `INSERT INTO ${driver.escape(meta.tableName)} (${columns.map((c) => driver.escape(c.databaseName)).join(', ')}) VALUES `;
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (let start = 0; start < rows.length; start += perStatement) {
    const part = rows.slice(start, start + perStatement);
    const params: unknown[] = [];
    for (const row of part) for (const c of columns) params.push(driver.preparePersistentValue((row as ObjectLiteral)[c.propertyName], c));
    await em.query(head + part.map(() => tuple).join(', '), params);
  }
}
