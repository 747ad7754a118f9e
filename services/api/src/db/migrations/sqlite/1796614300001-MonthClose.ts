import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MonthClose1796614300001 implements MigrationInterface {
  name = 'MonthClose1796614300001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"month_closes\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"area_id\" integer NOT NULL, \"city_id\" integer NOT NULL, \"period\" varchar(7) NOT NULL, \"green\" integer NOT NULL, \"yellow\" integer NOT NULL, \"red\" integer NOT NULL, \"planned\" bigint NOT NULL, \"actual\" bigint NOT NULL, \"actual_year_to_date\" bigint NOT NULL, \"reports\" integer NOT NULL, \"closed_by\" varchar(64) NOT NULL, \"closed_at\" datetime NOT NULL)");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_6d8b08226769bed17ba9ead072\" ON \"month_closes\" (\"area_id\", \"period\") ");
    await queryRunner.query("CREATE TABLE \"light_corrections\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"project_id\" integer NOT NULL, \"area_id\" integer NOT NULL, \"city_id\" integer NOT NULL, \"period\" varchar(7) NOT NULL, \"kind\" varchar(8) NOT NULL, \"status\" varchar(10) NOT NULL, \"reason\" varchar(500) NOT NULL, \"payload\" text NOT NULL, \"requested_by\" varchar(64) NOT NULL, \"requested_by_user_id\" integer, \"requested_at\" datetime NOT NULL, \"decided_by\" varchar(64), \"decided_at\" datetime, \"decision_reason\" varchar(500), \"before\" text, \"after\" text, \"relit\" text)");
    await queryRunner.query("CREATE INDEX \"IDX_cf35f5d458caf22a06ea4c141c\" ON \"light_corrections\" (\"project_id\", \"period\") ");
    await queryRunner.query("CREATE INDEX \"IDX_9de02902f42892a6741cfa8c48\" ON \"light_corrections\" (\"city_id\", \"status\", \"id\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_9de02902f42892a6741cfa8c48\"");
    await queryRunner.query("DROP INDEX \"IDX_cf35f5d458caf22a06ea4c141c\"");
    await queryRunner.query("DROP TABLE \"light_corrections\"");
    await queryRunner.query("DROP INDEX \"IDX_6d8b08226769bed17ba9ead072\"");
    await queryRunner.query("DROP TABLE \"month_closes\"");
  }
}
