import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Secretaries1795760525075 implements MigrationInterface {
  name = 'Secretaries1795760525075';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"secretaries\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"user_id\" integer, \"area_id\" integer NOT NULL, \"city_id\" integer NOT NULL, \"name\" varchar(64) NOT NULL, \"work_unit\" varchar(128) NOT NULL, \"title\" varchar(64) NOT NULL DEFAULT (''), \"contact\" varchar(200) NOT NULL DEFAULT (''), \"version\" integer NOT NULL DEFAULT (1), \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"UQ_81e71815c5d4bed8e8dae6ce734\" UNIQUE (\"user_id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_88d62df099ee9d56ed78df7d79\" ON \"secretaries\" (\"name\") ");
    await queryRunner.query("CREATE INDEX \"IDX_8e4c4cd65230258ed9e3995004\" ON \"secretaries\" (\"city_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_d0817e9f286b4b480614366935\" ON \"secretaries\" (\"area_id\", \"name\") ");
    await queryRunner.query("CREATE TABLE \"secretary_assignments\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"secretary_id\" integer NOT NULL, \"project_id\" integer NOT NULL, \"area_id\" integer NOT NULL, \"start_date\" varchar(10) NOT NULL, \"end_date\" varchar(10), \"team_role\" varchar(8) NOT NULL, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_4dade005539e1549f534ad2760\" ON \"secretary_assignments\" (\"area_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_7961b90a925ca59dfa3b609699\" ON \"secretary_assignments\" (\"project_id\", \"start_date\") ");
    await queryRunner.query("CREATE INDEX \"IDX_a3765565985cce00d3f3612cc9\" ON \"secretary_assignments\" (\"secretary_id\", \"start_date\") ");
    await queryRunner.query("CREATE TABLE \"service_log_entries\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"secretary_id\" integer NOT NULL, \"project_id\" integer NOT NULL, \"area_id\" integer NOT NULL, \"kind\" varchar(16) NOT NULL, \"date\" varchar(10) NOT NULL, \"summary\" varchar(1000) NOT NULL, \"recorded_by\" varchar(64), \"created_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_bf48b0db907881e5743e016b45\" ON \"service_log_entries\" (\"area_id\", \"date\") ");
    await queryRunner.query("CREATE INDEX \"IDX_aad2fa7703a3ae874d537a6f03\" ON \"service_log_entries\" (\"secretary_id\", \"date\") ");
    await queryRunner.query("CREATE INDEX \"IDX_31186d19466d91dda46fe6ac26\" ON \"service_log_entries\" (\"project_id\", \"date\") ");
    await queryRunner.query("CREATE TABLE \"secretary_evaluations\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"secretary_id\" integer NOT NULL, \"area_id\" integer NOT NULL, \"period\" varchar(7) NOT NULL, \"score\" integer NOT NULL, \"comments\" varchar(1000) NOT NULL DEFAULT (''), \"evaluated_by\" varchar(64) NOT NULL, \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_da3fd6fed6b488706f22bb2174\" ON \"secretary_evaluations\" (\"area_id\", \"period\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_807386b5e8818e8805f2bb4bdf\" ON \"secretary_evaluations\" (\"secretary_id\", \"period\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_807386b5e8818e8805f2bb4bdf\"");
    await queryRunner.query("DROP INDEX \"IDX_da3fd6fed6b488706f22bb2174\"");
    await queryRunner.query("DROP TABLE \"secretary_evaluations\"");
    await queryRunner.query("DROP INDEX \"IDX_31186d19466d91dda46fe6ac26\"");
    await queryRunner.query("DROP INDEX \"IDX_aad2fa7703a3ae874d537a6f03\"");
    await queryRunner.query("DROP INDEX \"IDX_bf48b0db907881e5743e016b45\"");
    await queryRunner.query("DROP TABLE \"service_log_entries\"");
    await queryRunner.query("DROP INDEX \"IDX_a3765565985cce00d3f3612cc9\"");
    await queryRunner.query("DROP INDEX \"IDX_7961b90a925ca59dfa3b609699\"");
    await queryRunner.query("DROP INDEX \"IDX_4dade005539e1549f534ad2760\"");
    await queryRunner.query("DROP TABLE \"secretary_assignments\"");
    await queryRunner.query("DROP INDEX \"IDX_d0817e9f286b4b480614366935\"");
    await queryRunner.query("DROP INDEX \"IDX_8e4c4cd65230258ed9e3995004\"");
    await queryRunner.query("DROP INDEX \"IDX_88d62df099ee9d56ed78df7d79\"");
    await queryRunner.query("DROP TABLE \"secretaries\"");
  }
}
