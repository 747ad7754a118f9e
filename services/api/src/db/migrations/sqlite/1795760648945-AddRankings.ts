import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddRankings1795760648945 implements MigrationInterface {
  name = 'AddRankings1795760648945';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"ranking_publications\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"city_id\" integer NOT NULL, \"period\" varchar(7) NOT NULL, \"weights_json\" varchar(200) NOT NULL, \"published_by\" varchar(64) NOT NULL, \"published_at\" datetime NOT NULL)");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_762fc4b4ace22f5c07ce11daa9\" ON \"ranking_publications\" (\"city_id\", \"period\") ");
    await queryRunner.query("CREATE TABLE \"ranking_entries\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"publication_id\" integer NOT NULL, \"city_id\" integer NOT NULL, \"period\" varchar(7) NOT NULL, \"area_id\" integer NOT NULL, \"project_count\" integer NOT NULL, \"milestones_due\" integer NOT NULL, \"milestones_met_on_time\" integer NOT NULL, \"ytd_planned\" bigint NOT NULL, \"ytd_actual\" bigint NOT NULL, \"green\" integer NOT NULL, \"yellow\" integer NOT NULL, \"red\" integer NOT NULL, \"milestone_rate_tenths\" integer, \"investment_rate_tenths\" integer, \"light_score_tenths\" integer, \"score_hundredths\" integer, \"rank\" integer)");
    await queryRunner.query("CREATE INDEX \"IDX_d8f9497d9feb0ed269f29b12df\" ON \"ranking_entries\" (\"area_id\", \"period\") ");
    await queryRunner.query("CREATE INDEX \"IDX_bbee934ccc7f45c543c0c7d8e5\" ON \"ranking_entries\" (\"publication_id\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_bbee934ccc7f45c543c0c7d8e5\"");
    await queryRunner.query("DROP INDEX \"IDX_d8f9497d9feb0ed269f29b12df\"");
    await queryRunner.query("DROP TABLE \"ranking_entries\"");
    await queryRunner.query("DROP INDEX \"IDX_762fc4b4ace22f5c07ce11daa9\"");
    await queryRunner.query("DROP TABLE \"ranking_publications\"");
  }
}
