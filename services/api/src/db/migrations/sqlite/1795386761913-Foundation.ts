import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1795386761913 implements MigrationInterface {
  name = 'Foundation1795386761913';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"audit_records\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"at\" datetime NOT NULL DEFAULT (datetime('now')), \"actor_user_id\" integer, \"actor_username\" varchar(64), \"action\" varchar(64) NOT NULL, \"entity_type\" varchar(48) NOT NULL, \"entity_id\" varchar(64), \"area_id\" integer, \"before\" text, \"after\" text, \"request_id\" varchar(64))");
    await queryRunner.query("CREATE INDEX \"IDX_a4e9ae2309582ed13ccd190c54\" ON \"audit_records\" (\"actor_user_id\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_ab2068e75af4bae070fce4bfd2\" ON \"audit_records\" (\"entity_type\", \"entity_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_22888a71aa18c080e6027d084f\" ON \"audit_records\" (\"area_id\", \"id\") ");
    await queryRunner.query("CREATE TABLE \"users\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"username\" varchar(64) NOT NULL, \"display_name\" varchar(64) NOT NULL, \"password_hash\" varchar(255) NOT NULL, \"role\" varchar(16) NOT NULL, \"area_id\" integer NOT NULL, \"active\" boolean NOT NULL DEFAULT (1), \"failed_logins\" integer NOT NULL DEFAULT (0), \"locked_until\" datetime, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"UQ_fe0bb3f6520ee0469504521e710\" UNIQUE (\"username\"))");
    await queryRunner.query("CREATE INDEX \"IDX_bb8cbcf3ff9a3a987b63a76313\" ON \"users\" (\"area_id\") ");
    await queryRunner.query("CREATE TABLE \"areas\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"parent_id\" integer, \"level\" varchar(16) NOT NULL, \"kind\" varchar(24) NOT NULL, \"name\" varchar(64) NOT NULL, \"code\" varchar(12), \"path\" varchar(255) NOT NULL, \"sort_order\" integer NOT NULL DEFAULT (0), CONSTRAINT \"UQ_1ce4e4f7cd8d820081bc74aa16c\" UNIQUE (\"code\"))");
    await queryRunner.query("CREATE INDEX \"IDX_6ae3f9e22eaa09b813dcbbdae2\" ON \"areas\" (\"level\") ");
    await queryRunner.query("CREATE INDEX \"IDX_599263d2564511617646d01cb3\" ON \"areas\" (\"path\") ");
    await queryRunner.query("CREATE INDEX \"IDX_0b7e807af410e5ea234cc1a734\" ON \"areas\" (\"parent_id\", \"sort_order\") ");
    await queryRunner.query("CREATE TABLE \"sessions\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"user_id\" integer NOT NULL, \"token_hash\" varchar(64) NOT NULL, \"kind\" varchar(8) NOT NULL, \"name\" varchar(100), \"read_only\" boolean NOT NULL DEFAULT (0), \"area_id\" integer, \"created_by_user_id\" integer, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"expires_at\" datetime, \"revoked_at\" datetime, \"last_used_at\" datetime, CONSTRAINT \"UQ_abaa9e068cdd390bc5210f79884\" UNIQUE (\"token_hash\"))");
    await queryRunner.query("CREATE INDEX \"IDX_24cec95225c0a7353aeaf09073\" ON \"sessions\" (\"kind\", \"created_by_user_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_085d540d9f418cfbdc7bd55bb1\" ON \"sessions\" (\"user_id\") ");
    await queryRunner.query("CREATE TABLE \"city_settings\" (\"city_id\" integer PRIMARY KEY NOT NULL, \"library_threshold\" bigint NOT NULL, \"light_rule\" varchar(16) NOT NULL, \"report_deadline_day\" integer NOT NULL DEFAULT (5), \"light_tolerance_percent\" integer NOT NULL DEFAULT (0), \"no_contact_days\" integer NOT NULL DEFAULT (30), \"ranking_weights\" text NOT NULL)");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE \"city_settings\"");
    await queryRunner.query("DROP INDEX \"IDX_085d540d9f418cfbdc7bd55bb1\"");
    await queryRunner.query("DROP INDEX \"IDX_24cec95225c0a7353aeaf09073\"");
    await queryRunner.query("DROP TABLE \"sessions\"");
    await queryRunner.query("DROP INDEX \"IDX_0b7e807af410e5ea234cc1a734\"");
    await queryRunner.query("DROP INDEX \"IDX_599263d2564511617646d01cb3\"");
    await queryRunner.query("DROP INDEX \"IDX_6ae3f9e22eaa09b813dcbbdae2\"");
    await queryRunner.query("DROP TABLE \"areas\"");
    await queryRunner.query("DROP INDEX \"IDX_bb8cbcf3ff9a3a987b63a76313\"");
    await queryRunner.query("DROP TABLE \"users\"");
    await queryRunner.query("DROP INDEX \"IDX_22888a71aa18c080e6027d084f\"");
    await queryRunner.query("DROP INDEX \"IDX_ab2068e75af4bae070fce4bfd2\"");
    await queryRunner.query("DROP INDEX \"IDX_a4e9ae2309582ed13ccd190c54\"");
    await queryRunner.query("DROP TABLE \"audit_records\"");
  }
}
