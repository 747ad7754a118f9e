import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Funding1796627146848 implements MigrationInterface {
  name = 'Funding1796627146848';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"funding_sources\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"city_id\" integer NOT NULL, \"code\" varchar(32) NOT NULL, \"name\" varchar(64) NOT NULL, \"special_bond\" boolean NOT NULL, \"sort_order\" integer NOT NULL, \"version\" integer NOT NULL)");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_3129452199cfefe02cae4dea17\" ON \"funding_sources\" (\"city_id\", \"code\") ");
    await queryRunner.query("CREATE TABLE \"project_funding\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"project_id\" integer NOT NULL, \"area_id\" integer NOT NULL, \"city_id\" integer NOT NULL, \"year\" integer NOT NULL, \"source_id\" integer NOT NULL, \"planned\" bigint NOT NULL, \"received\" bigint NOT NULL, \"bond_batch\" varchar(64), \"bond_issued\" bigint, \"bond_spent\" bigint)");
    await queryRunner.query("CREATE INDEX \"IDX_340689c18f7d4b5e1918ed272b\" ON \"project_funding\" (\"area_id\", \"year\", \"source_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_24778cf77449914d7c76ce61e3\" ON \"project_funding\" (\"city_id\", \"year\", \"source_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_32c9b9dfe8bb665545f87a2cbc\" ON \"project_funding\" (\"project_id\", \"year\", \"source_id\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_32c9b9dfe8bb665545f87a2cbc\"");
    await queryRunner.query("DROP INDEX \"IDX_24778cf77449914d7c76ce61e3\"");
    await queryRunner.query("DROP INDEX \"IDX_340689c18f7d4b5e1918ed272b\"");
    await queryRunner.query("DROP TABLE \"project_funding\"");
    await queryRunner.query("DROP INDEX \"IDX_3129452199cfefe02cae4dea17\"");
    await queryRunner.query("DROP TABLE \"funding_sources\"");
  }
}
