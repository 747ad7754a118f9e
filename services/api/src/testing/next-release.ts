import { DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import { resolveDataSourceOptions } from '../db/data-source';
import { createLogger } from '../logger';

/**
 * The next release's first migration, as the expand rule (architecture/expand-contract.test.ts) allows it,
 * for the rolling-upgrade fault test (tests/faults/rolling-upgrade.test.ts): a column with a default on
 * the table the month-end job inserts into, a nullable column on projects, and a new table.
 */
export class NextReleaseExpand9999999999999 implements MigrationInterface {
  name = 'NextReleaseExpand9999999999999';

  public async up(runner: QueryRunner): Promise<void> {
    const mysql = runner.connection.options.type !== 'better-sqlite3';
    const sql = (text: string) => runner.query(mysql ? text.replace(/"/g, '`') : text);
    // A column with a default on the table the month-end job inserts into, a nullable one on projects, a new table.
    await sql(`ALTER TABLE "project_lights" ADD "review_note" varchar(200) NOT NULL DEFAULT ''`);
    await sql('ALTER TABLE "projects" ADD "next_code" varchar(32)');
    await sql('CREATE TABLE "light_reviews" ("id" integer NOT NULL PRIMARY KEY, "light_id" integer NOT NULL, "note" varchar(200) NOT NULL)');
  }

  public async down(): Promise<void> {}
}

/** Runs this build's migrations and the next release's on the database, as the next release's first start would. */
export async function migrateAsNextRelease(url: string): Promise<string[]> {
  const options = await resolveDataSourceOptions(url, [], createLogger('silent'));
  const db = new DataSource({ ...options, migrations: [...(options.migrations as (new () => MigrationInterface)[]), NextReleaseExpand9999999999999] } as typeof options);
  await db.initialize();
  try {
    return (await db.runMigrations({ transaction: 'all' })).map((m: { name: string }) => m.name);
  } finally {
    await db.destroy();
  }
}
