import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataSource, type MigrationInterface } from 'typeorm';
import { mysqlMigrations } from '../db/migrations/mysql';
import { CONTRACT_STEPS, LAST_RELEASE } from '../db/migrations/releases';
import { sqliteMigrations } from '../db/migrations/sqlite';
import { REPO } from '../testing/source-files';

/**
 * Expand-then-contract: every migration since the last release (db/migrations/releases.ts) only adds, so
 * a process of that release keeps working on the migrated database during a rolling upgrade. Two checks:
 * the MySQL migrations' statements as written, and the SQLite schema before and after each migration as
 * SQLite reports it (SQLite changes a column by rebuilding its table, so only the result tells whether
 * anything was taken away). A contracting step passes only when CONTRACT_STEPS lists it with its release.
 */

type MigrationClass = new () => MigrationInterface;
const DIR = path.join(REPO, 'services/api/src/db/migrations');
const nameOf = (m: MigrationClass) => new m().name!;

/** The migrations after the last released one, in order. */
function sinceRelease(list: MigrationClass[]): MigrationClass[] {
  const at = list.findIndex((m) => nameOf(m) === LAST_RELEASE.lastMigration);
  if (at < 0) throw new Error(`releases.ts: LAST_RELEASE.lastMigration "${LAST_RELEASE.lastMigration}" is not a migration`);
  return list.slice(at + 1);
}

/** The source of a migration class, found by the timestamp in its name. */
function sourceOf(driver: 'mysql' | 'sqlite', name: string): string {
  const stamp = /\d{13}$/.exec(name)![0];
  const file = fs.readdirSync(path.join(DIR, driver)).find((f) => f.startsWith(`${stamp}-`));
  if (!file) throw new Error(`no ${driver} migration file for ${name}`);
  return fs.readFileSync(path.join(DIR, driver, file), 'utf8');
}

/** The text of up(), from `async up(` to `async down(`. */
function upBody(source: string): string {
  const start = source.indexOf('async up(');
  const end = source.indexOf('async down(', start);
  return source.slice(start, end < 0 ? undefined : end);
}

/** The SQL statements an up() runs (its string literals passed to query()), unescaped. */
export function statementsOf(body: string): string[] {
  return [...body.matchAll(/query\(\s*(["'`])((?:\\.|(?!\1)[^\\])*)\1/g)].map((m) => m[2].replace(/\\(.)/g, '$1'));
}

const NOT_NULL_WITHOUT_DEFAULT = (definition: string) => /\bNOT NULL\b/i.test(definition) && !/\b(DEFAULT|AUTO_INCREMENT|GENERATED)\b/i.test(definition);

/** What a MySQL statement takes away from a running process of the last release (nothing: []). */
export function contractingMysql(sql: string, createdSince: ReadonlySet<string>): string[] {
  const s = sql.replace(/\s+/g, ' ').trim();
  const found: string[] = [];
  const drop = /^DROP TABLE (?:IF EXISTS )?`?(\w+)`?/i.exec(s);
  if (drop && !createdSince.has(drop[1])) found.push(`drops the table ${drop[1]}`);
  if (/^RENAME TABLE/i.test(s)) found.push(`renames a table: ${s}`);
  const alter = /^ALTER TABLE `?(\w+)`? (.*)$/i.exec(s);
  if (!alter || createdSince.has(alter[1])) return found;
  const table = alter[1];
  for (const clause of alter[2].split(/,\s*(?=(?:ADD|DROP|MODIFY|CHANGE|RENAME|ALTER)\b)/i)) {
    let m: RegExpExecArray | null;
    if ((m = /^DROP (?:COLUMN )?`(\w+)`/i.exec(clause))) found.push(`drops the column ${table}.${m[1]}`);
    else if ((m = /^RENAME (?:TO|AS|COLUMN)\b/i.exec(clause))) found.push(`renames ${table} or a column of it: ${clause}`);
    else if ((m = /^CHANGE (?:COLUMN )?`(\w+)` `(\w+)`(.*)$/i.exec(clause))) {
      if (m[1] !== m[2]) found.push(`renames the column ${table}.${m[1]} to ${m[2]}`);
      if (NOT_NULL_WITHOUT_DEFAULT(m[3])) found.push(`makes ${table}.${m[2]} NOT NULL without a default`);
    } else if ((m = /^MODIFY (?:COLUMN )?`(\w+)`(.*)$/i.exec(clause))) {
      if (NOT_NULL_WITHOUT_DEFAULT(m[2])) found.push(`makes ${table}.${m[1]} NOT NULL without a default`);
    } else if ((m = /^ADD (?:COLUMN )?`(\w+)`(.*)$/i.exec(clause))) {
      if (NOT_NULL_WITHOUT_DEFAULT(m[2])) found.push(`adds ${table}.${m[1]} NOT NULL without a default (an old process's insert fails)`);
    }
  }
  return found;
}

/** What a migration's code (not its SQL) does that an old process cannot follow. */
function contractingCode(body: string): string[] {
  return /\brewriteColumns\([^)]*'encrypt'/.test(body) ? ['rewrites stored values in place (an old process reads the new form)'] : [];
}

interface Column {
  type: string;
  notnull: number;
  dflt_value: string | null;
  pk: number;
}
type Shape = Record<string, Record<string, Column>>;

async function sqliteShape(db: DataSource): Promise<Shape> {
  const shape: Shape = {};
  const tables: { name: string }[] = await db.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations'");
  for (const { name } of tables) {
    const columns: (Column & { name: string })[] = await db.query(`PRAGMA table_info("${name}")`);
    shape[name] = Object.fromEntries(columns.map((c) => [c.name, { type: c.type, notnull: c.notnull, dflt_value: c.dflt_value, pk: c.pk }]));
  }
  return shape;
}

const lengthOf = (type: string) => Number(/\((\d+)\)/.exec(type)?.[1] ?? Infinity);

/** What the schema `after` takes away from a process written for `before` (nothing: []). */
export function contractingShape(before: Shape, after: Shape): string[] {
  const found: string[] = [];
  for (const [table, columns] of Object.entries(before)) {
    if (!after[table]) {
      found.push(`drops the table ${table}`);
      continue;
    }
    for (const [name, was] of Object.entries(columns)) {
      const now = after[table][name];
      if (!now) found.push(`drops the column ${table}.${name}`);
      else if (now.type.replace(/\(.*/, '') !== was.type.replace(/\(.*/, '')) found.push(`changes ${table}.${name} from ${was.type} to ${now.type}`);
      else if (lengthOf(now.type) < lengthOf(was.type)) found.push(`narrows ${table}.${name} from ${was.type} to ${now.type}`);
      else if (!was.notnull && now.notnull && now.dflt_value === null) found.push(`makes ${table}.${name} NOT NULL without a default`);
    }
    for (const [name, now] of Object.entries(after[table])) {
      if (!columns[name] && now.notnull && now.dflt_value === null && !now.pk) found.push(`adds ${table}.${name} NOT NULL without a default (an old process's insert fails)`);
    }
  }
  return found;
}

describe('migrations since the last release expand, or are listed as contract steps', () => {
  const findings = new Map<string, string[]>();
  const note = (migration: string, found: string[]) => {
    if (found.length > 0) findings.set(migration, [...new Set([...(findings.get(migration) ?? []), ...found])]);
  };
  const listed = new Set(CONTRACT_STEPS.map((s) => s.migration));
  const unlisted = () => [...findings].filter(([m]) => !listed.has(m)).map(([m, f]) => `${m}: ${f.join('; ')}`);

  it('the MySQL statements take nothing away from a running process of the last release', () => {
    const since = sinceRelease(mysqlMigrations as MigrationClass[]);
    expect(since.length).toBeGreaterThan(0);
    const createdSince = new Set<string>();
    for (const m of since) {
      const body = upBody(sourceOf('mysql', nameOf(m)));
      const found: string[] = [];
      for (const sql of statementsOf(body)) {
        found.push(...contractingMysql(sql, createdSince));
        const created = /^CREATE TABLE (?:IF NOT EXISTS )?`?(\w+)`?/i.exec(sql.trim());
        if (created) createdSince.add(created[1]);
      }
      note(nameOf(m), [...found, ...contractingCode(body)]);
    }
    expect(createdSince.size).toBeGreaterThan(0); // the statements were read
    expect(unlisted()).toEqual([]);
  });

  it('the SQLite schema after each migration keeps every table and column of the one before, as loose as it was', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kpd-expand-')), 'db.sqlite');
    const all = sqliteMigrations as MigrationClass[];
    const since = sinceRelease(all);
    const open = async (count: number) => {
      const db = new DataSource({ type: 'better-sqlite3', database: file, migrations: all.slice(0, count), migrationsTableName: 'schema_migrations' });
      await db.initialize();
      await db.runMigrations({ transaction: 'all' });
      return db;
    };
    try {
      let db = await open(all.length - since.length);
      let before = await sqliteShape(db);
      await db.destroy();
      for (let i = all.length - since.length; i < all.length; i++) {
        db = await open(i + 1);
        const after = await sqliteShape(db);
        await db.destroy();
        const name = nameOf(all[i]);
        note(name, [...contractingShape(before, after), ...contractingCode(upBody(sourceOf('sqlite', name)))]);
        before = after;
      }
      expect(Object.keys(before).length).toBeGreaterThan(50);
    } finally {
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
    expect(unlisted()).toEqual([]);
  });

  it('lists only real contract steps of migrations since the release', () => {
    const since = new Set(sinceRelease(mysqlMigrations as MigrationClass[]).map(nameOf));
    for (const step of CONTRACT_STEPS) {
      expect([step.migration, since.has(step.migration)]).toEqual([step.migration, true]);
      expect([step.migration, (findings.get(step.migration) ?? []).length > 0]).toEqual([step.migration, true]);
      expect(step.release).toMatch(/^(Unreleased|\d{4}\.\d{2})$/);
      expect(step.why.length).toBeGreaterThan(20);
    }
  });
});

describe('the expand-then-contract checks see a contracting step when there is one', () => {
  it.each([
    ['ALTER TABLE `projects` DROP COLUMN `name`', ['drops the column projects.name']],
    ['ALTER TABLE `projects` DROP `name`', ['drops the column projects.name']],
    ['DROP TABLE `projects`', ['drops the table projects']],
    ['RENAME TABLE `projects` TO `items`', ['renames a table: RENAME TABLE `projects` TO `items`']],
    ['ALTER TABLE `projects` RENAME COLUMN `name` TO `title`', ['renames projects or a column of it: RENAME COLUMN `name` TO `title`']],
    ['ALTER TABLE `projects` CHANGE `name` `title` varchar(64) NULL', ['renames the column projects.name to title']],
    ['ALTER TABLE `projects` ADD `code` varchar(12) NOT NULL', ['adds projects.code NOT NULL without a default (an old process\'s insert fails)']],
    ['ALTER TABLE `projects` MODIFY `note` varchar(12) NOT NULL', ['makes projects.note NOT NULL without a default']],
    ['ALTER TABLE `projects` ADD `code` varchar(12) NULL', []],
    ['ALTER TABLE `projects` ADD `flag` tinyint NOT NULL DEFAULT 0', []],
    ['ALTER TABLE `projects` DROP INDEX `IDX_1`, ADD UNIQUE INDEX `IDX_2` (`code`)', []],
    ['ALTER TABLE `projects` DROP FOREIGN KEY `FK_1`', []],
    ['CREATE TABLE `things` (`id` int NOT NULL AUTO_INCREMENT, PRIMARY KEY (`id`))', []],
    ['ALTER TABLE `fresh` ADD `code` varchar(12) NOT NULL', []], // a table created since the release: no old process uses it
    ['DROP TABLE `fresh`', []],
  ])('%s', (sql, expected) => {
    expect(contractingMysql(sql, new Set(['fresh']))).toEqual(expected);
  });

  it('reads the statements of an up() as written', () => {
    expect(statementsOf('async up(q) { await q.query("ALTER TABLE \\"a\\" ADD \\"b\\" int"); await q.query(`DROP TABLE x`); }')).toEqual(['ALTER TABLE "a" ADD "b" int', 'DROP TABLE x']);
  });

  it('compares SQLite schemas', () => {
    const col = (type: string, notnull = 0, dflt_value: string | null = null) => ({ type, notnull, dflt_value, pk: 0 });
    const before = { projects: { id: { ...col('integer', 1), pk: 1 }, name: col('varchar(64)', 1), note: col('varchar(200)') }, gone: { id: col('integer') } };
    expect(contractingShape(before, { projects: { ...before.projects, extra: col('varchar(8)'), flag: col('boolean', 1, '0') }, gone: before.gone })).toEqual([]);
    expect(
      contractingShape(before, { projects: { id: before.projects.id, name: col('varchar(32)', 1), note: col('varchar(200)', 1), code: col('varchar(8)', 1) } }),
    ).toEqual([
      'narrows projects.name from varchar(64) to varchar(32)',
      'makes projects.note NOT NULL without a default',
      "adds projects.code NOT NULL without a default (an old process's insert fails)",
      'drops the table gone',
    ]);
  });
});
