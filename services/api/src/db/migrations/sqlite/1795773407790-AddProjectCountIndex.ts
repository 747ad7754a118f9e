import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddProjectCountIndex1795773407790 implements MigrationInterface {
  name = 'AddProjectCountIndex1795773407790';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE INDEX \"IDX_c57d32e788960e5ba3bcaf518f\" ON \"projects\" (\"area_id\", \"stage\", \"removed_from_library\", \"total_investment\", \"city_id\", \"construction_start\", \"construction_end\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_c57d32e788960e5ba3bcaf518f\"");
  }
}
