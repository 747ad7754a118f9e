import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ProcedureChains1796625517508 implements MigrationInterface {
  name = 'ProcedureChains1796625517508';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"procedure_types\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"city_id\" integer NOT NULL, \"code\" varchar(32) NOT NULL, \"name\" varchar(100) NOT NULL, \"department\" varchar(100) NOT NULL, \"legal_days\" integer NOT NULL, \"promised_days\" integer NOT NULL, \"predecessor_codes\" varchar(500) NOT NULL, \"sort_order\" integer NOT NULL, \"version\" integer NOT NULL)");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_36dd4ca1a981f839f843e4c335\" ON \"procedure_types\" (\"city_id\", \"code\") ");
    await queryRunner.query("CREATE TABLE \"procedure_nodes\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"project_id\" integer NOT NULL, \"area_id\" integer NOT NULL, \"city_id\" integer NOT NULL, \"code\" varchar(32) NOT NULL, \"name\" varchar(100) NOT NULL, \"department\" varchar(100) NOT NULL, \"owner_unit\" varchar(128) NOT NULL, \"legal_days\" integer NOT NULL, \"promised_days\" integer NOT NULL, \"predecessor_codes\" varchar(500) NOT NULL, \"sort_order\" integer NOT NULL, \"state\" varchar(16) NOT NULL, \"requested_date\" varchar(10), \"approved_date\" varchar(10), \"due_date\" varchar(10), \"document_number\" varchar(100), \"working_days_taken\" integer, \"note\" varchar(500) NOT NULL, \"problem_id\" integer, \"version\" integer NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_70316de82d3d6900eabd6c196d\" ON \"procedure_nodes\" (\"city_id\", \"state\", \"due_date\") ");
    await queryRunner.query("CREATE INDEX \"IDX_05684174d99342441372cb5be9\" ON \"procedure_nodes\" (\"area_id\", \"state\", \"due_date\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_b12171e79324c6d6e44117902c\" ON \"procedure_nodes\" (\"project_id\", \"code\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_b12171e79324c6d6e44117902c\"");
    await queryRunner.query("DROP INDEX \"IDX_05684174d99342441372cb5be9\"");
    await queryRunner.query("DROP INDEX \"IDX_70316de82d3d6900eabd6c196d\"");
    await queryRunner.query("DROP TABLE \"procedure_nodes\"");
    await queryRunner.query("DROP INDEX \"IDX_36dd4ca1a981f839f843e4c335\"");
    await queryRunner.query("DROP TABLE \"procedure_types\"");
  }
}
