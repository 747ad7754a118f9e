import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TargetCompanyContacts1796651554654 implements MigrationInterface {
  name = 'TargetCompanyContacts1796651554654';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_0ec85a5bb31c87e891b34287f1\"");
    await queryRunner.query("DROP INDEX \"IDX_cb634efa6a65568cfcc5372445\"");
    await queryRunner.query("DROP INDEX \"IDX_cf11e144208b08f5911d0ac860\"");
    await queryRunner.query("CREATE TABLE \"temporary_target_companies\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"area_id\" integer NOT NULL, \"credit_code\" varchar(18) NOT NULL, \"name\" varchar(128) NOT NULL, \"industry\" varchar(64) NOT NULL, \"size\" varchar(8) NOT NULL, \"location\" varchar(64) NOT NULL DEFAULT (''), \"local\" boolean NOT NULL DEFAULT (0), \"source\" varchar(20) NOT NULL, \"tag_text\" varchar(300) NOT NULL DEFAULT (''), \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"contact_person\" varchar(64) NOT NULL DEFAULT (''), \"contact_phone\" varchar(32) NOT NULL DEFAULT (''))");
    await queryRunner.query("INSERT INTO \"temporary_target_companies\"(\"id\", \"area_id\", \"credit_code\", \"name\", \"industry\", \"size\", \"location\", \"local\", \"source\", \"tag_text\", \"created_at\") SELECT \"id\", \"area_id\", \"credit_code\", \"name\", \"industry\", \"size\", \"location\", \"local\", \"source\", \"tag_text\", \"created_at\" FROM \"target_companies\"");
    await queryRunner.query("DROP TABLE \"target_companies\"");
    await queryRunner.query("ALTER TABLE \"temporary_target_companies\" RENAME TO \"target_companies\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_0ec85a5bb31c87e891b34287f1\" ON \"target_companies\" (\"area_id\", \"credit_code\") ");
    await queryRunner.query("CREATE INDEX \"IDX_cb634efa6a65568cfcc5372445\" ON \"target_companies\" (\"area_id\", \"name\") ");
    await queryRunner.query("CREATE INDEX \"IDX_cf11e144208b08f5911d0ac860\" ON \"target_companies\" (\"area_id\", \"local\", \"source\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_cf11e144208b08f5911d0ac860\"");
    await queryRunner.query("DROP INDEX \"IDX_cb634efa6a65568cfcc5372445\"");
    await queryRunner.query("DROP INDEX \"IDX_0ec85a5bb31c87e891b34287f1\"");
    await queryRunner.query("ALTER TABLE \"target_companies\" RENAME TO \"temporary_target_companies\"");
    await queryRunner.query("CREATE TABLE \"target_companies\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"area_id\" integer NOT NULL, \"credit_code\" varchar(18) NOT NULL, \"name\" varchar(128) NOT NULL, \"industry\" varchar(64) NOT NULL, \"size\" varchar(8) NOT NULL, \"location\" varchar(64) NOT NULL DEFAULT (''), \"local\" boolean NOT NULL DEFAULT (0), \"source\" varchar(20) NOT NULL, \"tag_text\" varchar(300) NOT NULL DEFAULT (''), \"created_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("INSERT INTO \"target_companies\"(\"id\", \"area_id\", \"credit_code\", \"name\", \"industry\", \"size\", \"location\", \"local\", \"source\", \"tag_text\", \"created_at\") SELECT \"id\", \"area_id\", \"credit_code\", \"name\", \"industry\", \"size\", \"location\", \"local\", \"source\", \"tag_text\", \"created_at\" FROM \"temporary_target_companies\"");
    await queryRunner.query("DROP TABLE \"temporary_target_companies\"");
    await queryRunner.query("CREATE INDEX \"IDX_cf11e144208b08f5911d0ac860\" ON \"target_companies\" (\"area_id\", \"local\", \"source\") ");
    await queryRunner.query("CREATE INDEX \"IDX_cb634efa6a65568cfcc5372445\" ON \"target_companies\" (\"area_id\", \"name\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_0ec85a5bb31c87e891b34287f1\" ON \"target_companies\" (\"area_id\", \"credit_code\") ");
  }
}
