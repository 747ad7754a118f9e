import { openDatabase, type Driver } from './data-source';
import { scratchDatabase } from './scratch-database';
import { createLogger } from '../logger';
import { entities } from '../modules';
import { DRIVERS } from '../testing/harness';

interface TableShape {
  columns: string[];
  nullable: string[];
  indexes: string[];
}

/** Tables, columns and indexes as the database reports them after every migration ran. */
async function migratedShape(driver: Driver): Promise<{ shape: Record<string, TableShape>; pending: string[] }> {
  const scratch = await scratchDatabase(driver, 'mig');
  const db = await openDatabase(scratch.url, entities, createLogger('silent'));
  try {
    const pending = (await db.driver.createSchemaBuilder().log()).upQueries.map((q) => q.query);
    const runner = db.createQueryRunner();
    const listed: { name: string }[] =
      driver === 'mysql'
        ? await runner.query('SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE()')
        : await runner.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
    const names = listed.map((t) => t.name).filter((n) => n !== 'schema_migrations');
    const tables = await runner.getTables(names);
    await runner.release();
    const shape: Record<string, TableShape> = {};
    for (const table of tables) {
      const indexes = new Set<string>();
      for (const index of table.indices) indexes.add(`${index.isUnique ? 'unique ' : ''}(${[...index.columnNames].join(',')})`);
      for (const unique of table.uniques) indexes.add(`unique (${[...unique.columnNames].join(',')})`);
      for (const column of table.columns) if (column.isUnique) indexes.add(`unique (${column.name})`);
      shape[table.name] = {
        columns: table.columns.map((c) => c.name).sort(),
        nullable: table.columns.filter((c) => c.isNullable).map((c) => c.name).sort(),
        indexes: [...indexes].sort(),
      };
    }
    return { shape, pending };
  } finally {
    await db.destroy();
    await scratch.drop();
  }
}

describe('migrations', () => {
  const shapes: Partial<Record<Driver, Record<string, TableShape>>> = {};

  it.each(DRIVERS)('bring an empty %s database exactly to the entities', async (driver) => {
    const { shape, pending } = await migratedShape(driver);
    expect(pending).toEqual([]);
    expect(Object.keys(shape)).toEqual(expect.arrayContaining(['areas', 'users', 'sessions', 'audit_records', 'city_settings']));
    shapes[driver] = shape;
  });

  (DRIVERS.length > 1 ? it : it.skip)('give SQLite and MySQL the same tables, columns and indexes', () => {
    expect(shapes.mysql).toEqual(shapes.sqlite);
  });
});
