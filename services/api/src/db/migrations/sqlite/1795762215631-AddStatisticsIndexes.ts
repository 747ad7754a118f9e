import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddStatisticsIndexes1795762215631 implements MigrationInterface {
  name = 'AddStatisticsIndexes1795762215631';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE INDEX \"IDX_5c351bd10aaf65359a347bfc38\" ON \"project_plan_months\" (\"period\") ");
    await queryRunner.query("CREATE INDEX \"IDX_cac5d05a14380d105d105bd43c\" ON \"project_reports\" (\"period\", \"area_id\", \"actual_investment\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_cac5d05a14380d105d105bd43c\"");
    await queryRunner.query("DROP INDEX \"IDX_5c351bd10aaf65359a347bfc38\"");
  }
}
