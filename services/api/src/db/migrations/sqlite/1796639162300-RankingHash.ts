import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RankingHash1796639162300 implements MigrationInterface {
  name = 'RankingHash1796639162300';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_762fc4b4ace22f5c07ce11daa9\"");
    await queryRunner.query("CREATE TABLE \"temporary_ranking_publications\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"city_id\" integer NOT NULL, \"period\" varchar(7) NOT NULL, \"weights_json\" varchar(200) NOT NULL, \"published_by\" varchar(64) NOT NULL, \"published_at\" datetime NOT NULL, \"sha256\" varchar(64))");
    await queryRunner.query("INSERT INTO \"temporary_ranking_publications\"(\"id\", \"city_id\", \"period\", \"weights_json\", \"published_by\", \"published_at\") SELECT \"id\", \"city_id\", \"period\", \"weights_json\", \"published_by\", \"published_at\" FROM \"ranking_publications\"");
    await queryRunner.query("DROP TABLE \"ranking_publications\"");
    await queryRunner.query("ALTER TABLE \"temporary_ranking_publications\" RENAME TO \"ranking_publications\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_762fc4b4ace22f5c07ce11daa9\" ON \"ranking_publications\" (\"city_id\", \"period\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_762fc4b4ace22f5c07ce11daa9\"");
    await queryRunner.query("ALTER TABLE \"ranking_publications\" RENAME TO \"temporary_ranking_publications\"");
    await queryRunner.query("CREATE TABLE \"ranking_publications\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"city_id\" integer NOT NULL, \"period\" varchar(7) NOT NULL, \"weights_json\" varchar(200) NOT NULL, \"published_by\" varchar(64) NOT NULL, \"published_at\" datetime NOT NULL)");
    await queryRunner.query("INSERT INTO \"ranking_publications\"(\"id\", \"city_id\", \"period\", \"weights_json\", \"published_by\", \"published_at\") SELECT \"id\", \"city_id\", \"period\", \"weights_json\", \"published_by\", \"published_at\" FROM \"temporary_ranking_publications\"");
    await queryRunner.query("DROP TABLE \"temporary_ranking_publications\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_762fc4b4ace22f5c07ce11daa9\" ON \"ranking_publications\" (\"city_id\", \"period\") ");
  }
}
