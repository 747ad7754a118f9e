import fs from 'node:fs';
import path from 'node:path';
import { createConnection } from 'mysql2/promise';
import type { Logger } from 'pino';
import { DataSource, type DataSourceOptions, type MixedList, type EntitySchema } from 'typeorm';
import { ClockStamps } from './clock-stamps';
import { SnakeNamingStrategy } from './naming';
import { SqlCounter } from './sql-counter';
import { gateSqlite } from './sqlite-gate';
import { mysqlMigrations } from './migrations/mysql';
import { sqliteMigrations } from './migrations/sqlite';

export type Driver = 'sqlite' | 'mysql';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type EntityList = MixedList<Function | string | EntitySchema>;

export function driverOf(url: string): Driver {
  if (/^(mysql|mariadb):\/\//.test(url)) return 'mysql';
  if (url.startsWith('sqlite:')) return 'sqlite';
  throw new Error('DATABASE_URL must start with sqlite: or mysql://');
}

export function sqliteFile(url: string): string {
  return url.slice('sqlite:'.length);
}

/**
 * MariaDB reports defaults and index metadata differently from MySQL; TypeORM reads the catalogue
 * correctly only when told which one it talks to, so the server is asked once at start.
 */
export async function mysqlFlavor(url: string): Promise<'mysql' | 'mariadb'> {
  const u = new URL(url.replace(/^mariadb:/, 'mysql:'));
  const conn = await createConnection({
    host: u.hostname,
    port: u.port ? Number(u.port) : 3306,
    socketPath: u.searchParams.get('socketPath') ?? undefined,
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    connectTimeout: 5000,
  });
  try {
    const [rows] = await conn.query('SELECT VERSION() AS v');
    return /mariadb/i.test(String((rows as { v: string }[])[0].v)) ? 'mariadb' : 'mysql';
  } finally {
    await conn.end();
  }
}

/** Connection options for a database URL (asks a MySQL-family server which flavour it is). */
export async function resolveDataSourceOptions(url: string, entities: EntityList, log: Logger): Promise<DataSourceOptions> {
  const flavor = driverOf(url) === 'mysql' ? await mysqlFlavor(url) : undefined;
  return dataSourceOptions(url, entities, log, flavor);
}

export function dataSourceOptions(url: string, entities: EntityList, log: Logger, flavor: 'mysql' | 'mariadb' = 'mysql'): DataSourceOptions {
  const common = {
    entities,
    namingStrategy: new SnakeNamingStrategy(),
    subscribers: [ClockStamps],
    synchronize: false,
    migrationsRun: false,
    migrationsTableName: 'schema_migrations',
    logger: new SqlCounter(log),
    logging: ['query', 'error', 'warn', 'migration'] as ('query' | 'error' | 'warn' | 'migration')[],
    maxQueryExecutionTime: 500,
  };
  if (driverOf(url) === 'mysql') {
    const u = new URL(url.replace(/^mariadb:/, 'mysql:'));
    return {
      ...common,
      type: flavor,
      host: u.hostname,
      port: u.port ? Number(u.port) : 3306,
      username: decodeURIComponent(u.username),
      password: decodeURIComponent(u.password),
      database: u.pathname.replace(/^\//, ''),
      charset: 'utf8mb4_bin',
      timezone: 'Z',
      supportBigNumbers: true,
      bigNumberStrings: true,
      poolSize: Number(u.searchParams.get('poolSize') ?? 10),
      // A server on the same machine is cheaper to reach over its Unix socket than over loopback TCP.
      socketPath: u.searchParams.get('socketPath') ?? undefined,
      migrations: mysqlMigrations,
      // trace: false — the driver would otherwise capture a stack trace for every statement, in case it
      // fails; a failed statement is logged with its SQL (SqlCounter) and its caller's own stack.
      extra: { connectTimeout: 5000, trace: false },
    };
  }
  const file = sqliteFile(url);
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: file,
    migrations: sqliteMigrations,
    prepareDatabase: (db: { pragma: (sql: string) => unknown }) => {
      db.pragma('journal_mode = WAL');
      db.pragma('busy_timeout = 10000');
      db.pragma('foreign_keys = ON');
      db.pragma('synchronous = NORMAL');
      // Deleted and overwritten content is zeroed, so a value replaced by its encryption (or deleted)
      // does not linger in the file's free space.
      db.pragma('secure_delete = ON');
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs pending migrations while holding a lock, so API processes starting together migrate once:
 * MySQL's GET_LOCK, or an exclusive lock file beside the SQLite database.
 */
async function migrateUnderLock(dataSource: DataSource, url: string): Promise<void> {
  if (driverOf(url) === 'mysql') {
    const runner = dataSource.createQueryRunner();
    try {
      const [row] = await runner.query("SELECT GET_LOCK('kpd_migrations', 120) AS got");
      if (Number(row.got) !== 1) throw new Error('could not take the migration lock within 120 s');
      await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await runner.query("SELECT RELEASE_LOCK('kpd_migrations')").catch(() => undefined);
      await runner.release();
    }
    return;
  }
  const file = sqliteFile(url);
  if (file === ':memory:') {
    await dataSource.runMigrations({ transaction: 'all' });
    return;
  }
  const lock = `${path.resolve(file)}.migrate.lock`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      fs.closeSync(fs.openSync(lock, 'wx'));
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      // A lock left by a process that died mid-start is stale after a minute.
      const held = fs.statSync(lock, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > 60_000) fs.rmSync(lock, { force: true });
      if (Date.now() > deadline) throw new Error(`migration lock ${lock} is held`);
      await sleep(100);
    }
  }
  try {
    const ran = await dataSource.runMigrations({ transaction: 'all' });
    // A migration that rewrote values (encrypting them at rest) leaves the old page images in the WAL:
    // copied back and cut off, so the file and its WAL keep no clear text the migration replaced.
    if (ran.length > 0) await dataSource.query('PRAGMA wal_checkpoint(TRUNCATE)');
  } finally {
    fs.rmSync(lock, { force: true });
  }
}

/** Opens the database and brings its schema up to date with the driver's migrations. */
interface PooledConnection {
  promise(): unknown;
}

/**
 * TypeORM asks a pooled MySQL connection for its promise wrapper on every statement, and mysql2 makes
 * a new one each time, through a require() (about 20 µs a statement): each connection keeps its first.
 */
function reusePromiseWrappers(dataSource: DataSource): void {
  const pool = (dataSource.driver as unknown as { pool?: { on(event: 'acquire', listener: (c: PooledConnection) => void): void } }).pool;
  if (!pool) return;
  const kept = new WeakSet<PooledConnection>();
  pool.on('acquire', (connection) => {
    if (kept.has(connection)) return;
    kept.add(connection);
    const wrapper = connection.promise();
    connection.promise = () => wrapper;
  });
}

export async function openDatabase(url: string, entities: EntityList, log: Logger): Promise<DataSource> {
  const dataSource = new DataSource(await resolveDataSourceOptions(url, entities, log));
  await dataSource.initialize();
  if (dataSource.options.type === 'better-sqlite3') gateSqlite(dataSource);
  else reusePromiseWrappers(dataSource);
  await migrateUnderLock(dataSource, url);
  return dataSource;
}
