import type { MigrationInterface, QueryRunner } from 'typeorm';

export class BundleOutsideParts1796662303541 implements MigrationInterface {
  name = 'BundleOutsideParts1796662303541';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_dd57f94dcbf1e9fa787765f146\"");
    await queryRunner.query("CREATE TABLE \"temporary_service_bundles\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"district_id\" integer NOT NULL, \"name\" varchar(100) NOT NULL, \"description\" varchar(500) NOT NULL DEFAULT (''), \"limit_days\" integer, \"version\" integer NOT NULL DEFAULT (1), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')), \"parts\" text)");
    await queryRunner.query("INSERT INTO \"temporary_service_bundles\"(\"id\", \"district_id\", \"name\", \"description\", \"limit_days\", \"version\", \"updated_at\") SELECT \"id\", \"district_id\", \"name\", \"description\", \"limit_days\", \"version\", \"updated_at\" FROM \"service_bundles\"");
    await queryRunner.query("DROP TABLE \"service_bundles\"");
    await queryRunner.query("ALTER TABLE \"temporary_service_bundles\" RENAME TO \"service_bundles\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_dd57f94dcbf1e9fa787765f146\" ON \"service_bundles\" (\"district_id\", \"name\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_dd57f94dcbf1e9fa787765f146\"");
    await queryRunner.query("ALTER TABLE \"service_bundles\" RENAME TO \"temporary_service_bundles\"");
    await queryRunner.query("CREATE TABLE \"service_bundles\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"district_id\" integer NOT NULL, \"name\" varchar(100) NOT NULL, \"description\" varchar(500) NOT NULL DEFAULT (''), \"limit_days\" integer, \"version\" integer NOT NULL DEFAULT (1), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("INSERT INTO \"service_bundles\"(\"id\", \"district_id\", \"name\", \"description\", \"limit_days\", \"version\", \"updated_at\") SELECT \"id\", \"district_id\", \"name\", \"description\", \"limit_days\", \"version\", \"updated_at\" FROM \"temporary_service_bundles\"");
    await queryRunner.query("DROP TABLE \"temporary_service_bundles\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_dd57f94dcbf1e9fa787765f146\" ON \"service_bundles\" (\"district_id\", \"name\") ");
  }
}
