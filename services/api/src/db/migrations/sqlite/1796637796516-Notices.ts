import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Notices1796637796516 implements MigrationInterface {
  name = 'Notices1796637796516';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"notices\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"user_id\" integer NOT NULL, \"kind\" varchar(32) NOT NULL, \"title\" varchar(200) NOT NULL, \"body\" varchar(1000) NOT NULL, \"record_type\" varchar(32) NOT NULL, \"record_id\" varchar(64) NOT NULL, \"link\" varchar(300) NOT NULL, \"area_id\" integer, \"dedupe_key\" varchar(160), \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"read_at\" datetime, \"dispatched_at\" datetime, \"outbound\" boolean NOT NULL DEFAULT (1), \"lease_owner\" varchar(64), \"lease_until\" datetime, CONSTRAINT \"UQ_70e7a2f3a19f2ef2872c9b4d678\" UNIQUE (\"dedupe_key\"))");
    await queryRunner.query("CREATE INDEX \"IDX_c30aac3a0a28f4dc5f12ca2e8a\" ON \"notices\" (\"dispatched_at\", \"lease_until\") ");
    await queryRunner.query("CREATE INDEX \"IDX_e36ad6faf47e736a38826d58fa\" ON \"notices\" (\"user_id\", \"read_at\") ");
    await queryRunner.query("CREATE INDEX \"IDX_c7fa265c58eca0ea2b5ed76f4d\" ON \"notices\" (\"user_id\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"notice_preferences\" (\"user_id\" integer NOT NULL, \"kind\" varchar(32) NOT NULL, \"inbox\" boolean NOT NULL DEFAULT (1), \"outbound\" boolean NOT NULL DEFAULT (1), PRIMARY KEY (\"user_id\", \"kind\"))");
    await queryRunner.query("CREATE TABLE \"notice_channels\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"kind\" varchar(16) NOT NULL, \"name\" varchar(64) NOT NULL, \"url\" varchar(500) NOT NULL, \"secret\" varchar(128) NOT NULL, \"enabled\" boolean NOT NULL DEFAULT (1), \"max_attempts\" integer NOT NULL, \"area_id\" integer NOT NULL, \"created_by\" varchar(64) NOT NULL, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_bd42bac41cc1c17abaf5b03797\" ON \"notice_channels\" (\"area_id\") ");
    await queryRunner.query("CREATE TABLE \"notice_deliveries\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"notice_id\" integer NOT NULL, \"channel_id\" integer NOT NULL, \"status\" varchar(8) NOT NULL, \"attempts\" integer NOT NULL DEFAULT (0), \"next_attempt_at\" datetime NOT NULL, \"last_error\" varchar(500), \"delivered_at\" datetime, \"lease_owner\" varchar(64), \"lease_until\" datetime, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_b7893c474d388ec9cabb3cade6\" ON \"notice_deliveries\" (\"notice_id\", \"channel_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_815a8269ea6e9bcaf49b1dbecf\" ON \"notice_deliveries\" (\"channel_id\", \"status\") ");
    await queryRunner.query("CREATE INDEX \"IDX_8c1e82705530e0d8e99a6ec24a\" ON \"notice_deliveries\" (\"status\", \"next_attempt_at\") ");
    await queryRunner.query("CREATE TABLE \"notice_attempts\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"delivery_id\" integer NOT NULL, \"attempt\" integer NOT NULL, \"at\" datetime NOT NULL, \"http_status\" integer, \"ok\" boolean NOT NULL, \"error\" varchar(500), \"duration_ms\" integer NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_361bb0be2debfde0dc54a5f3f8\" ON \"notice_attempts\" (\"delivery_id\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_361bb0be2debfde0dc54a5f3f8\"");
    await queryRunner.query("DROP TABLE \"notice_attempts\"");
    await queryRunner.query("DROP INDEX \"IDX_8c1e82705530e0d8e99a6ec24a\"");
    await queryRunner.query("DROP INDEX \"IDX_815a8269ea6e9bcaf49b1dbecf\"");
    await queryRunner.query("DROP INDEX \"IDX_b7893c474d388ec9cabb3cade6\"");
    await queryRunner.query("DROP TABLE \"notice_deliveries\"");
    await queryRunner.query("DROP INDEX \"IDX_bd42bac41cc1c17abaf5b03797\"");
    await queryRunner.query("DROP TABLE \"notice_channels\"");
    await queryRunner.query("DROP TABLE \"notice_preferences\"");
    await queryRunner.query("DROP INDEX \"IDX_c7fa265c58eca0ea2b5ed76f4d\"");
    await queryRunner.query("DROP INDEX \"IDX_e36ad6faf47e736a38826d58fa\"");
    await queryRunner.query("DROP INDEX \"IDX_c30aac3a0a28f4dc5f12ca2e8a\"");
    await queryRunner.query("DROP TABLE \"notices\"");
  }
}
