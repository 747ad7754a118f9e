import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ApiTokenScopes1796613562472 implements MigrationInterface {
  name = 'ApiTokenScopes1796613562472';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_085d540d9f418cfbdc7bd55bb1\"");
    await queryRunner.query("DROP INDEX \"IDX_24cec95225c0a7353aeaf09073\"");
    await queryRunner.query("CREATE TABLE \"temporary_sessions\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"user_id\" integer NOT NULL, \"token_hash\" varchar(64) NOT NULL, \"kind\" varchar(8) NOT NULL, \"name\" varchar(100), \"read_only\" boolean NOT NULL DEFAULT (0), \"area_id\" integer, \"created_by_user_id\" integer, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"expires_at\" datetime, \"revoked_at\" datetime, \"last_used_at\" datetime, \"scopes\" varchar(200) NOT NULL DEFAULT (''), \"last_ip\" varchar(45), CONSTRAINT \"UQ_abaa9e068cdd390bc5210f79884\" UNIQUE (\"token_hash\"))");
    await queryRunner.query("INSERT INTO \"temporary_sessions\"(\"id\", \"user_id\", \"token_hash\", \"kind\", \"name\", \"read_only\", \"area_id\", \"created_by_user_id\", \"created_at\", \"expires_at\", \"revoked_at\", \"last_used_at\") SELECT \"id\", \"user_id\", \"token_hash\", \"kind\", \"name\", \"read_only\", \"area_id\", \"created_by_user_id\", \"created_at\", \"expires_at\", \"revoked_at\", \"last_used_at\" FROM \"sessions\"");
    await queryRunner.query("DROP TABLE \"sessions\"");
    await queryRunner.query("ALTER TABLE \"temporary_sessions\" RENAME TO \"sessions\"");
    await queryRunner.query("CREATE INDEX \"IDX_085d540d9f418cfbdc7bd55bb1\" ON \"sessions\" (\"user_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_24cec95225c0a7353aeaf09073\" ON \"sessions\" (\"kind\", \"created_by_user_id\") ");
    // Tokens made before scopes keep what they read, except contacts (now granted only by name).
    await queryRunner.query("UPDATE \"sessions\" SET \"scopes\" = 'read:figures read:livelihood read:projects read:services' WHERE \"kind\" = 'API'");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_24cec95225c0a7353aeaf09073\"");
    await queryRunner.query("DROP INDEX \"IDX_085d540d9f418cfbdc7bd55bb1\"");
    await queryRunner.query("ALTER TABLE \"sessions\" RENAME TO \"temporary_sessions\"");
    await queryRunner.query("CREATE TABLE \"sessions\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"user_id\" integer NOT NULL, \"token_hash\" varchar(64) NOT NULL, \"kind\" varchar(8) NOT NULL, \"name\" varchar(100), \"read_only\" boolean NOT NULL DEFAULT (0), \"area_id\" integer, \"created_by_user_id\" integer, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"expires_at\" datetime, \"revoked_at\" datetime, \"last_used_at\" datetime, CONSTRAINT \"UQ_abaa9e068cdd390bc5210f79884\" UNIQUE (\"token_hash\"))");
    await queryRunner.query("INSERT INTO \"sessions\"(\"id\", \"user_id\", \"token_hash\", \"kind\", \"name\", \"read_only\", \"area_id\", \"created_by_user_id\", \"created_at\", \"expires_at\", \"revoked_at\", \"last_used_at\") SELECT \"id\", \"user_id\", \"token_hash\", \"kind\", \"name\", \"read_only\", \"area_id\", \"created_by_user_id\", \"created_at\", \"expires_at\", \"revoked_at\", \"last_used_at\" FROM \"temporary_sessions\"");
    await queryRunner.query("DROP TABLE \"temporary_sessions\"");
    await queryRunner.query("CREATE INDEX \"IDX_24cec95225c0a7353aeaf09073\" ON \"sessions\" (\"kind\", \"created_by_user_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_085d540d9f418cfbdc7bd55bb1\" ON \"sessions\" (\"user_id\") ");
  }
}
