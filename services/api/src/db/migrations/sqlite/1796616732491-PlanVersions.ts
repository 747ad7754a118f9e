import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PlanVersions1796616732491 implements MigrationInterface {
  name = 'PlanVersions1796616732491';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"project_plan_versions\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"project_id\" integer NOT NULL, \"area_id\" integer NOT NULL, \"city_id\" integer NOT NULL, \"year\" integer NOT NULL, \"version\" integer NOT NULL, \"status\" varchar(10) NOT NULL, \"months\" text NOT NULL, \"years\" text NOT NULL, \"reason\" varchar(500), \"requested_by\" varchar(64) NOT NULL, \"requested_by_user_id\" integer, \"requested_at\" datetime NOT NULL, \"decided_by\" varchar(64), \"decided_at\" datetime, \"decision_reason\" varchar(500))");
    await queryRunner.query("CREATE INDEX \"IDX_05060477f26699aa09042d6d84\" ON \"project_plan_versions\" (\"city_id\", \"status\", \"id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_1401a8bc8b39e1d48e40c10a08\" ON \"project_plan_versions\" (\"project_id\", \"year\", \"version\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_1401a8bc8b39e1d48e40c10a08\"");
    await queryRunner.query("DROP INDEX \"IDX_05060477f26699aa09042d6d84\"");
    await queryRunner.query("DROP TABLE \"project_plan_versions\"");
  }
}
