import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CHANNEL_SECRET_COLUMNS, rewriteColumns } from '../../encrypt-columns';

export class ChannelSecretEncryption1796649731923 implements MigrationInterface {
  name = 'ChannelSecretEncryption1796649731923';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_bd42bac41cc1c17abaf5b03797\"");
    await queryRunner.query("CREATE TABLE \"temporary_notice_channels\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"kind\" varchar(16) NOT NULL, \"name\" varchar(64) NOT NULL, \"url\" varchar(500) NOT NULL, \"secret\" varchar(512) NOT NULL, \"enabled\" boolean NOT NULL DEFAULT (1), \"max_attempts\" integer NOT NULL, \"area_id\" integer NOT NULL, \"created_by\" varchar(64) NOT NULL, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("INSERT INTO \"temporary_notice_channels\"(\"id\", \"kind\", \"name\", \"url\", \"secret\", \"enabled\", \"max_attempts\", \"area_id\", \"created_by\", \"created_at\", \"updated_at\") SELECT \"id\", \"kind\", \"name\", \"url\", \"secret\", \"enabled\", \"max_attempts\", \"area_id\", \"created_by\", \"created_at\", \"updated_at\" FROM \"notice_channels\"");
    await queryRunner.query("DROP TABLE \"notice_channels\"");
    await queryRunner.query("ALTER TABLE \"temporary_notice_channels\" RENAME TO \"notice_channels\"");
    await queryRunner.query("CREATE INDEX \"IDX_bd42bac41cc1c17abaf5b03797\" ON \"notice_channels\" (\"area_id\") ");
    // The table was copied with its values; now every existing secret is encrypted.
    await rewriteColumns(queryRunner, CHANNEL_SECRET_COLUMNS, 'encrypt');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await rewriteColumns(queryRunner, CHANNEL_SECRET_COLUMNS, 'decrypt');
    await queryRunner.query("DROP INDEX \"IDX_bd42bac41cc1c17abaf5b03797\"");
    await queryRunner.query("ALTER TABLE \"notice_channels\" RENAME TO \"temporary_notice_channels\"");
    await queryRunner.query("CREATE TABLE \"notice_channels\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"kind\" varchar(16) NOT NULL, \"name\" varchar(64) NOT NULL, \"url\" varchar(500) NOT NULL, \"secret\" varchar(128) NOT NULL, \"enabled\" boolean NOT NULL DEFAULT (1), \"max_attempts\" integer NOT NULL, \"area_id\" integer NOT NULL, \"created_by\" varchar(64) NOT NULL, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("INSERT INTO \"notice_channels\"(\"id\", \"kind\", \"name\", \"url\", \"secret\", \"enabled\", \"max_attempts\", \"area_id\", \"created_by\", \"created_at\", \"updated_at\") SELECT \"id\", \"kind\", \"name\", \"url\", \"secret\", \"enabled\", \"max_attempts\", \"area_id\", \"created_by\", \"created_at\", \"updated_at\" FROM \"temporary_notice_channels\"");
    await queryRunner.query("DROP TABLE \"temporary_notice_channels\"");
    await queryRunner.query("CREATE INDEX \"IDX_bd42bac41cc1c17abaf5b03797\" ON \"notice_channels\" (\"area_id\") ");
  }
}
