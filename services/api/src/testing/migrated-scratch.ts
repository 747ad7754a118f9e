import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { createConnection, type Connection } from 'mysql2/promise';
import { openDatabase, sqliteFile, type Driver } from '../db/data-source';
import { mysqlMigrations } from '../db/migrations/mysql';
import { sqliteMigrations } from '../db/migrations/sqlite';
import { scratchDatabase, type ScratchDatabase } from '../db/scratch-database';
import { createLogger } from '../logger';

/**
 * A scratch database whose schema is already at the newest migration, for test servers.
 *
 * Migrating a fresh MariaDB database runs some two hundred DDL statements (about 8 s on an idle
 * machine) and the suite starts a server on MySQL about a hundred times. So the schema is migrated
 * once per migration set into a template, and each scratch database is a copy of it: the template's
 * tables re-created with `CREATE TABLE … LIKE` (the schema has no foreign keys, views or triggers,
 * which LIKE would not copy) and the rows of the tables the migrations filled (the migrations table
 * itself among them). On SQLite the template is a file, copied. The server then starts as on any
 * database: its own migration run finds nothing pending.
 *
 * The template's name is derived from the migrations' names, so a new migration makes a new template;
 * the MySQL one sits beside the scratch databases (`<stem>_tmpl_<hash>`), where CI's clean-up of its
 * database's `<name>_…` schemas removes it too. Tests of migrating itself use `scratchDatabase`.
 */
export async function migratedScratchDatabase(driver: Driver, label: string): Promise<ScratchDatabase> {
  const scratch = await scratchDatabase(driver, label);
  try {
    if (driver === 'sqlite') await copySqliteTemplate(sqliteFile(scratch.url));
    else await copyMysqlTemplate(scratch.url);
  } catch (e) {
    await scratch.drop();
    throw e;
  }
  return scratch;
}

const quietLog = () => createLogger('error', new Writable({ write: (_c, _e, done) => done() }));

function migrationSetHash(names: string[]): string {
  return crypto.createHash('sha256').update(names.join('\n')).digest('hex').slice(0, 12);
}

async function migrateInto(url: string): Promise<void> {
  const dataSource = await openDatabase(url, [], quietLog());
  try {
    if (dataSource.options.type === 'better-sqlite3') await dataSource.query('PRAGMA wal_checkpoint(TRUNCATE)');
  } finally {
    await dataSource.destroy();
  }
}

// ——— SQLite: one migrated file per migration set, in the temporary directory ———

async function copySqliteTemplate(target: string): Promise<void> {
  const template = path.join(os.tmpdir(), `kpd-sqlite-template-${migrationSetHash(sqliteMigrations.map((m) => m.name))}.sqlite`);
  if (!fs.existsSync(template)) {
    // Built under a private name and renamed into place, so a reader never copies a half-built file
    // and two workers building at once both end with a whole one.
    const building = `${template}.${process.pid}.${crypto.randomBytes(3).toString('hex')}`;
    try {
      await migrateInto(`sqlite:${building}`);
      fs.renameSync(building, template);
    } finally {
      for (const leftover of [building, `${building}-wal`, `${building}-shm`, `${building}.migrate.lock`]) fs.rmSync(leftover, { force: true });
    }
  }
  fs.copyFileSync(template, target);
}

// ——— MySQL: one migrated template database per migration set, on the same server ———

const READY_TABLE = 'kpd_template_ready';

function connectionOptions(url: URL) {
  return {
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    multipleStatements: true,
  };
}

const id = (name: string) => `\`${name.replace(/`/g, '``')}\``;

async function copyMysqlTemplate(scratchUrl: string): Promise<void> {
  const url = new URL(scratchUrl);
  const scratchName = url.pathname.replace(/^\//, '');
  const server = new URL(process.env.MYSQL_URL!);
  const stem = (server.pathname.replace(/^\//, '') || 'kpd').replace(/[^\w]/g, '').slice(0, 24);
  const template = `${stem}_tmpl_${migrationSetHash(mysqlMigrations.map((m) => m.name))}`;
  const conn = await createConnection(connectionOptions(url));
  try {
    const filled = await ensureMysqlTemplate(conn, template);
    const [tables] = (await conn.query(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = ? AND table_type = 'BASE TABLE' AND table_name <> ?",
      [template, READY_TABLE],
    )) as unknown as [Array<{ name: string }>];
    const statements = [
      ...tables.map((t) => `CREATE TABLE ${id(scratchName)}.${id(t.name)} LIKE ${id(template)}.${id(t.name)}`),
      ...filled.map((t) => `INSERT INTO ${id(scratchName)}.${id(t)} SELECT * FROM ${id(template)}.${id(t)}`),
    ];
    await conn.query(statements.join(';\n'));
  } finally {
    await conn.end();
  }
}

/** Makes the template if it is missing (once, under a server-wide lock); answers the tables with rows. */
async function ensureMysqlTemplate(conn: Connection, template: string): Promise<string[]> {
  const readReady = async (): Promise<string[] | null> => {
    const [rows] = (await conn.query(
      'SELECT 1 FROM information_schema.tables WHERE table_schema = ? AND table_name = ?',
      [template, READY_TABLE],
    )) as unknown as [unknown[]];
    if (rows.length === 0) return null;
    const [ready] = (await conn.query(`SELECT filled FROM ${id(template)}.${READY_TABLE}`)) as unknown as [Array<{ filled: string }>];
    return JSON.parse(ready[0].filled) as string[];
  };
  const known = await readReady();
  if (known) return known;
  const [[lock]] = (await conn.query('SELECT GET_LOCK(?, 300) AS got', [`kpd_template_${template}`])) as unknown as [[{ got: number }]];
  if (Number(lock.got) !== 1) throw new Error(`could not take the template lock for ${template}`);
  try {
    const built = await readReady();
    if (built) return built;
    // A template left half-built by a killed run has no ready table: made again from nothing.
    await conn.query(`DROP DATABASE IF EXISTS ${id(template)}; CREATE DATABASE ${id(template)} CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
    const templateUrl = new URL(process.env.MYSQL_URL!);
    templateUrl.pathname = `/${template}`;
    await migrateInto(templateUrl.toString());
    const [tables] = (await conn.query(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = ? AND table_type = 'BASE TABLE'",
      [template],
    )) as unknown as [Array<{ name: string }>];
    const filled: string[] = [];
    for (const t of tables) {
      const [[row]] = (await conn.query(`SELECT COUNT(*) AS n FROM ${id(template)}.${id(t.name)}`)) as unknown as [[{ n: number }]];
      if (Number(row.n) > 0) filled.push(t.name);
    }
    await conn.query(`CREATE TABLE ${id(template)}.${READY_TABLE} (filled TEXT NOT NULL); INSERT INTO ${id(template)}.${READY_TABLE} VALUES (?)`, [JSON.stringify(filled)]);
    return filled;
  } finally {
    await conn.query('SELECT RELEASE_LOCK(?)', [`kpd_template_${template}`]);
  }
}
