import type { MigrationInterface, QueryRunner } from 'typeorm';
import { FIRST_ENCRYPTED_COLUMNS, rewriteColumns } from '../../encrypt-columns';

export class FieldEncryption1796637584678 implements MigrationInterface {
  name = 'FieldEncryption1796637584678';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_bb8cbcf3ff9a3a987b63a76313\"");
    await queryRunner.query("CREATE TABLE \"temporary_users\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"username\" varchar(64) NOT NULL, \"display_name\" varchar(64) NOT NULL, \"password_hash\" varchar(255) NOT NULL, \"role\" varchar(16) NOT NULL, \"area_id\" integer NOT NULL, \"active\" boolean NOT NULL DEFAULT (1), \"failed_logins\" integer NOT NULL DEFAULT (0), \"locked_until\" datetime, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')), \"totp_secret\" varchar(255), \"totp_pending_secret\" varchar(255), \"totp_enabled_at\" datetime, \"totp_last_step\" integer, \"password_changed_at\" datetime, \"must_change_password\" boolean NOT NULL DEFAULT (0), \"password_history\" text, CONSTRAINT \"UQ_fe0bb3f6520ee0469504521e710\" UNIQUE (\"username\"))");
    await queryRunner.query("INSERT INTO \"temporary_users\"(\"id\", \"username\", \"display_name\", \"password_hash\", \"role\", \"area_id\", \"active\", \"failed_logins\", \"locked_until\", \"created_at\", \"updated_at\", \"totp_secret\", \"totp_pending_secret\", \"totp_enabled_at\", \"totp_last_step\", \"password_changed_at\", \"must_change_password\", \"password_history\") SELECT \"id\", \"username\", \"display_name\", \"password_hash\", \"role\", \"area_id\", \"active\", \"failed_logins\", \"locked_until\", \"created_at\", \"updated_at\", \"totp_secret\", \"totp_pending_secret\", \"totp_enabled_at\", \"totp_last_step\", \"password_changed_at\", \"must_change_password\", \"password_history\" FROM \"users\"");
    await queryRunner.query("DROP TABLE \"users\"");
    await queryRunner.query("ALTER TABLE \"temporary_users\" RENAME TO \"users\"");
    await queryRunner.query("CREATE INDEX \"IDX_bb8cbcf3ff9a3a987b63a76313\" ON \"users\" (\"area_id\") ");
    await queryRunner.query("DROP INDEX \"IDX_d0817e9f286b4b480614366935\"");
    await queryRunner.query("DROP INDEX \"IDX_8e4c4cd65230258ed9e3995004\"");
    await queryRunner.query("DROP INDEX \"IDX_88d62df099ee9d56ed78df7d79\"");
    await queryRunner.query("CREATE TABLE \"temporary_secretaries\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"user_id\" integer, \"area_id\" integer NOT NULL, \"city_id\" integer NOT NULL, \"name\" varchar(64) NOT NULL, \"work_unit\" varchar(128) NOT NULL, \"title\" varchar(64) NOT NULL DEFAULT (''), \"contact\" varchar(1024) NOT NULL DEFAULT (''), \"version\" integer NOT NULL DEFAULT (1), \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"UQ_81e71815c5d4bed8e8dae6ce734\" UNIQUE (\"user_id\"))");
    await queryRunner.query("INSERT INTO \"temporary_secretaries\"(\"id\", \"user_id\", \"area_id\", \"city_id\", \"name\", \"work_unit\", \"title\", \"contact\", \"version\", \"created_at\", \"updated_at\") SELECT \"id\", \"user_id\", \"area_id\", \"city_id\", \"name\", \"work_unit\", \"title\", \"contact\", \"version\", \"created_at\", \"updated_at\" FROM \"secretaries\"");
    await queryRunner.query("DROP TABLE \"secretaries\"");
    await queryRunner.query("ALTER TABLE \"temporary_secretaries\" RENAME TO \"secretaries\"");
    await queryRunner.query("CREATE INDEX \"IDX_d0817e9f286b4b480614366935\" ON \"secretaries\" (\"area_id\", \"name\") ");
    await queryRunner.query("CREATE INDEX \"IDX_8e4c4cd65230258ed9e3995004\" ON \"secretaries\" (\"city_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_88d62df099ee9d56ed78df7d79\" ON \"secretaries\" (\"name\") ");
    await queryRunner.query("DROP INDEX \"IDX_fbd75b8ec0778a56f8ace27773\"");
    await queryRunner.query("DROP INDEX \"IDX_5bb2a4618c5737feb65bb250c3\"");
    await queryRunner.query("CREATE TABLE \"temporary_livelihood_proposals\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"area_id\" integer NOT NULL, \"district_id\" integer, \"title\" varchar(200) NOT NULL, \"description\" text NOT NULL, \"category\" varchar(24) NOT NULL, \"estimated_cost\" bigint, \"source\" varchar(16) NOT NULL, \"submitter_user_id\" integer, \"submitter_name\" varchar(64), \"contact\" varchar(512), \"tracking_code\" varchar(16) NOT NULL, \"status\" varchar(16) NOT NULL, \"reason_code\" varchar(32), \"reason_note\" varchar(500), \"merged_into_id\" integer, \"screened_at\" datetime, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"UQ_cad6b136d6a24168a31e3606c8e\" UNIQUE (\"tracking_code\"))");
    await queryRunner.query("INSERT INTO \"temporary_livelihood_proposals\"(\"id\", \"area_id\", \"district_id\", \"title\", \"description\", \"category\", \"estimated_cost\", \"source\", \"submitter_user_id\", \"submitter_name\", \"contact\", \"tracking_code\", \"status\", \"reason_code\", \"reason_note\", \"merged_into_id\", \"screened_at\", \"created_at\") SELECT \"id\", \"area_id\", \"district_id\", \"title\", \"description\", \"category\", \"estimated_cost\", \"source\", \"submitter_user_id\", \"submitter_name\", \"contact\", \"tracking_code\", \"status\", \"reason_code\", \"reason_note\", \"merged_into_id\", \"screened_at\", \"created_at\" FROM \"livelihood_proposals\"");
    await queryRunner.query("DROP TABLE \"livelihood_proposals\"");
    await queryRunner.query("ALTER TABLE \"temporary_livelihood_proposals\" RENAME TO \"livelihood_proposals\"");
    await queryRunner.query("CREATE INDEX \"IDX_fbd75b8ec0778a56f8ace27773\" ON \"livelihood_proposals\" (\"area_id\", \"status\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_5bb2a4618c5737feb65bb250c3\" ON \"livelihood_proposals\" (\"submitter_user_id\") ");
    // The tables were copied with their values; now every existing value is encrypted.
    await rewriteColumns(queryRunner, FIRST_ENCRYPTED_COLUMNS, 'encrypt');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await rewriteColumns(queryRunner, FIRST_ENCRYPTED_COLUMNS, 'decrypt');
    await queryRunner.query("DROP INDEX \"IDX_5bb2a4618c5737feb65bb250c3\"");
    await queryRunner.query("DROP INDEX \"IDX_fbd75b8ec0778a56f8ace27773\"");
    await queryRunner.query("ALTER TABLE \"livelihood_proposals\" RENAME TO \"temporary_livelihood_proposals\"");
    await queryRunner.query("CREATE TABLE \"livelihood_proposals\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"area_id\" integer NOT NULL, \"district_id\" integer, \"title\" varchar(200) NOT NULL, \"description\" text NOT NULL, \"category\" varchar(24) NOT NULL, \"estimated_cost\" bigint, \"source\" varchar(16) NOT NULL, \"submitter_user_id\" integer, \"submitter_name\" varchar(64), \"contact\" varchar(64), \"tracking_code\" varchar(16) NOT NULL, \"status\" varchar(16) NOT NULL, \"reason_code\" varchar(32), \"reason_note\" varchar(500), \"merged_into_id\" integer, \"screened_at\" datetime, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"UQ_cad6b136d6a24168a31e3606c8e\" UNIQUE (\"tracking_code\"))");
    await queryRunner.query("INSERT INTO \"livelihood_proposals\"(\"id\", \"area_id\", \"district_id\", \"title\", \"description\", \"category\", \"estimated_cost\", \"source\", \"submitter_user_id\", \"submitter_name\", \"contact\", \"tracking_code\", \"status\", \"reason_code\", \"reason_note\", \"merged_into_id\", \"screened_at\", \"created_at\") SELECT \"id\", \"area_id\", \"district_id\", \"title\", \"description\", \"category\", \"estimated_cost\", \"source\", \"submitter_user_id\", \"submitter_name\", \"contact\", \"tracking_code\", \"status\", \"reason_code\", \"reason_note\", \"merged_into_id\", \"screened_at\", \"created_at\" FROM \"temporary_livelihood_proposals\"");
    await queryRunner.query("DROP TABLE \"temporary_livelihood_proposals\"");
    await queryRunner.query("CREATE INDEX \"IDX_5bb2a4618c5737feb65bb250c3\" ON \"livelihood_proposals\" (\"submitter_user_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_fbd75b8ec0778a56f8ace27773\" ON \"livelihood_proposals\" (\"area_id\", \"status\", \"id\") ");
    await queryRunner.query("DROP INDEX \"IDX_88d62df099ee9d56ed78df7d79\"");
    await queryRunner.query("DROP INDEX \"IDX_8e4c4cd65230258ed9e3995004\"");
    await queryRunner.query("DROP INDEX \"IDX_d0817e9f286b4b480614366935\"");
    await queryRunner.query("ALTER TABLE \"secretaries\" RENAME TO \"temporary_secretaries\"");
    await queryRunner.query("CREATE TABLE \"secretaries\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"user_id\" integer, \"area_id\" integer NOT NULL, \"city_id\" integer NOT NULL, \"name\" varchar(64) NOT NULL, \"work_unit\" varchar(128) NOT NULL, \"title\" varchar(64) NOT NULL DEFAULT (''), \"contact\" varchar(200) NOT NULL DEFAULT (''), \"version\" integer NOT NULL DEFAULT (1), \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"UQ_81e71815c5d4bed8e8dae6ce734\" UNIQUE (\"user_id\"))");
    await queryRunner.query("INSERT INTO \"secretaries\"(\"id\", \"user_id\", \"area_id\", \"city_id\", \"name\", \"work_unit\", \"title\", \"contact\", \"version\", \"created_at\", \"updated_at\") SELECT \"id\", \"user_id\", \"area_id\", \"city_id\", \"name\", \"work_unit\", \"title\", \"contact\", \"version\", \"created_at\", \"updated_at\" FROM \"temporary_secretaries\"");
    await queryRunner.query("DROP TABLE \"temporary_secretaries\"");
    await queryRunner.query("CREATE INDEX \"IDX_88d62df099ee9d56ed78df7d79\" ON \"secretaries\" (\"name\") ");
    await queryRunner.query("CREATE INDEX \"IDX_8e4c4cd65230258ed9e3995004\" ON \"secretaries\" (\"city_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_d0817e9f286b4b480614366935\" ON \"secretaries\" (\"area_id\", \"name\") ");
    await queryRunner.query("DROP INDEX \"IDX_bb8cbcf3ff9a3a987b63a76313\"");
    await queryRunner.query("ALTER TABLE \"users\" RENAME TO \"temporary_users\"");
    await queryRunner.query("CREATE TABLE \"users\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"username\" varchar(64) NOT NULL, \"display_name\" varchar(64) NOT NULL, \"password_hash\" varchar(255) NOT NULL, \"role\" varchar(16) NOT NULL, \"area_id\" integer NOT NULL, \"active\" boolean NOT NULL DEFAULT (1), \"failed_logins\" integer NOT NULL DEFAULT (0), \"locked_until\" datetime, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')), \"totp_secret\" varchar(64), \"totp_pending_secret\" varchar(64), \"totp_enabled_at\" datetime, \"totp_last_step\" integer, \"password_changed_at\" datetime, \"must_change_password\" boolean NOT NULL DEFAULT (0), \"password_history\" text, CONSTRAINT \"UQ_fe0bb3f6520ee0469504521e710\" UNIQUE (\"username\"))");
    await queryRunner.query("INSERT INTO \"users\"(\"id\", \"username\", \"display_name\", \"password_hash\", \"role\", \"area_id\", \"active\", \"failed_logins\", \"locked_until\", \"created_at\", \"updated_at\", \"totp_secret\", \"totp_pending_secret\", \"totp_enabled_at\", \"totp_last_step\", \"password_changed_at\", \"must_change_password\", \"password_history\") SELECT \"id\", \"username\", \"display_name\", \"password_hash\", \"role\", \"area_id\", \"active\", \"failed_logins\", \"locked_until\", \"created_at\", \"updated_at\", \"totp_secret\", \"totp_pending_secret\", \"totp_enabled_at\", \"totp_last_step\", \"password_changed_at\", \"must_change_password\", \"password_history\" FROM \"temporary_users\"");
    await queryRunner.query("DROP TABLE \"temporary_users\"");
    await queryRunner.query("CREATE INDEX \"IDX_bb8cbcf3ff9a3a987b63a76313\" ON \"users\" (\"area_id\") ");
  }
}
