import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Identity1796625244135 implements MigrationInterface {
  name = 'Identity1796625244135';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"recovery_codes\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"user_id\" integer NOT NULL, \"code_hash\" varchar(64) NOT NULL, \"used_at\" datetime, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_d07c335ded337e58c4f36f234d\" ON \"recovery_codes\" (\"user_id\", \"code_hash\") ");
    await queryRunner.query("DROP INDEX \"IDX_bb8cbcf3ff9a3a987b63a76313\"");
    await queryRunner.query("CREATE TABLE \"temporary_users\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"username\" varchar(64) NOT NULL, \"display_name\" varchar(64) NOT NULL, \"password_hash\" varchar(255) NOT NULL, \"role\" varchar(16) NOT NULL, \"area_id\" integer NOT NULL, \"active\" boolean NOT NULL DEFAULT (1), \"failed_logins\" integer NOT NULL DEFAULT (0), \"locked_until\" datetime, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')), \"totp_secret\" varchar(64), \"totp_pending_secret\" varchar(64), \"totp_enabled_at\" datetime, \"totp_last_step\" integer, \"password_changed_at\" datetime, \"must_change_password\" boolean NOT NULL DEFAULT (0), \"password_history\" text, CONSTRAINT \"UQ_fe0bb3f6520ee0469504521e710\" UNIQUE (\"username\"))");
    await queryRunner.query("INSERT INTO \"temporary_users\"(\"id\", \"username\", \"display_name\", \"password_hash\", \"role\", \"area_id\", \"active\", \"failed_logins\", \"locked_until\", \"created_at\", \"updated_at\") SELECT \"id\", \"username\", \"display_name\", \"password_hash\", \"role\", \"area_id\", \"active\", \"failed_logins\", \"locked_until\", \"created_at\", \"updated_at\" FROM \"users\"");
    await queryRunner.query("DROP TABLE \"users\"");
    await queryRunner.query("ALTER TABLE \"temporary_users\" RENAME TO \"users\"");
    await queryRunner.query("CREATE INDEX \"IDX_bb8cbcf3ff9a3a987b63a76313\" ON \"users\" (\"area_id\") ");
    await queryRunner.query("DROP INDEX \"IDX_24cec95225c0a7353aeaf09073\"");
    await queryRunner.query("DROP INDEX \"IDX_085d540d9f418cfbdc7bd55bb1\"");
    await queryRunner.query("CREATE TABLE \"temporary_sessions\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"user_id\" integer NOT NULL, \"token_hash\" varchar(64) NOT NULL, \"kind\" varchar(8) NOT NULL, \"name\" varchar(100), \"read_only\" boolean NOT NULL DEFAULT (0), \"area_id\" integer, \"created_by_user_id\" integer, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"expires_at\" datetime, \"revoked_at\" datetime, \"last_used_at\" datetime, \"scopes\" varchar(200) NOT NULL DEFAULT (''), \"last_ip\" varchar(45), \"stage\" varchar(16), \"user_agent\" varchar(255), \"created_ip\" varchar(45), CONSTRAINT \"UQ_abaa9e068cdd390bc5210f79884\" UNIQUE (\"token_hash\"))");
    await queryRunner.query("INSERT INTO \"temporary_sessions\"(\"id\", \"user_id\", \"token_hash\", \"kind\", \"name\", \"read_only\", \"area_id\", \"created_by_user_id\", \"created_at\", \"expires_at\", \"revoked_at\", \"last_used_at\", \"scopes\", \"last_ip\") SELECT \"id\", \"user_id\", \"token_hash\", \"kind\", \"name\", \"read_only\", \"area_id\", \"created_by_user_id\", \"created_at\", \"expires_at\", \"revoked_at\", \"last_used_at\", \"scopes\", \"last_ip\" FROM \"sessions\"");
    await queryRunner.query("DROP TABLE \"sessions\"");
    await queryRunner.query("ALTER TABLE \"temporary_sessions\" RENAME TO \"sessions\"");
    await queryRunner.query("CREATE INDEX \"IDX_24cec95225c0a7353aeaf09073\" ON \"sessions\" (\"kind\", \"created_by_user_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_085d540d9f418cfbdc7bd55bb1\" ON \"sessions\" (\"user_id\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_085d540d9f418cfbdc7bd55bb1\"");
    await queryRunner.query("DROP INDEX \"IDX_24cec95225c0a7353aeaf09073\"");
    await queryRunner.query("ALTER TABLE \"sessions\" RENAME TO \"temporary_sessions\"");
    await queryRunner.query("CREATE TABLE \"sessions\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"user_id\" integer NOT NULL, \"token_hash\" varchar(64) NOT NULL, \"kind\" varchar(8) NOT NULL, \"name\" varchar(100), \"read_only\" boolean NOT NULL DEFAULT (0), \"area_id\" integer, \"created_by_user_id\" integer, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"expires_at\" datetime, \"revoked_at\" datetime, \"last_used_at\" datetime, \"scopes\" varchar(200) NOT NULL DEFAULT (''), \"last_ip\" varchar(45), CONSTRAINT \"UQ_abaa9e068cdd390bc5210f79884\" UNIQUE (\"token_hash\"))");
    await queryRunner.query("INSERT INTO \"sessions\"(\"id\", \"user_id\", \"token_hash\", \"kind\", \"name\", \"read_only\", \"area_id\", \"created_by_user_id\", \"created_at\", \"expires_at\", \"revoked_at\", \"last_used_at\", \"scopes\", \"last_ip\") SELECT \"id\", \"user_id\", \"token_hash\", \"kind\", \"name\", \"read_only\", \"area_id\", \"created_by_user_id\", \"created_at\", \"expires_at\", \"revoked_at\", \"last_used_at\", \"scopes\", \"last_ip\" FROM \"temporary_sessions\"");
    await queryRunner.query("DROP TABLE \"temporary_sessions\"");
    await queryRunner.query("CREATE INDEX \"IDX_085d540d9f418cfbdc7bd55bb1\" ON \"sessions\" (\"user_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_24cec95225c0a7353aeaf09073\" ON \"sessions\" (\"kind\", \"created_by_user_id\") ");
    await queryRunner.query("DROP INDEX \"IDX_bb8cbcf3ff9a3a987b63a76313\"");
    await queryRunner.query("ALTER TABLE \"users\" RENAME TO \"temporary_users\"");
    await queryRunner.query("CREATE TABLE \"users\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"username\" varchar(64) NOT NULL, \"display_name\" varchar(64) NOT NULL, \"password_hash\" varchar(255) NOT NULL, \"role\" varchar(16) NOT NULL, \"area_id\" integer NOT NULL, \"active\" boolean NOT NULL DEFAULT (1), \"failed_logins\" integer NOT NULL DEFAULT (0), \"locked_until\" datetime, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"UQ_fe0bb3f6520ee0469504521e710\" UNIQUE (\"username\"))");
    await queryRunner.query("INSERT INTO \"users\"(\"id\", \"username\", \"display_name\", \"password_hash\", \"role\", \"area_id\", \"active\", \"failed_logins\", \"locked_until\", \"created_at\", \"updated_at\") SELECT \"id\", \"username\", \"display_name\", \"password_hash\", \"role\", \"area_id\", \"active\", \"failed_logins\", \"locked_until\", \"created_at\", \"updated_at\" FROM \"temporary_users\"");
    await queryRunner.query("DROP TABLE \"temporary_users\"");
    await queryRunner.query("CREATE INDEX \"IDX_bb8cbcf3ff9a3a987b63a76313\" ON \"users\" (\"area_id\") ");
    await queryRunner.query("DROP INDEX \"IDX_d07c335ded337e58c4f36f234d\"");
    await queryRunner.query("DROP TABLE \"recovery_codes\"");
  }
}
