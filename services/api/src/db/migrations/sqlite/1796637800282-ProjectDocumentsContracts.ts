import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ProjectDocumentsContracts1796637800282 implements MigrationInterface {
  name = 'ProjectDocumentsContracts1796637800282';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"project_documents\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"project_id\" integer NOT NULL, \"area_id\" integer NOT NULL, \"document_type\" varchar(40) NOT NULL, \"title\" varchar(200) NOT NULL, \"number\" varchar(64), \"issuer\" varchar(128), \"issued_on\" varchar(10), \"version\" integer NOT NULL, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_f5517793189ee842e3acd553a0\" ON \"project_documents\" (\"project_id\", \"document_type\") ");
    await queryRunner.query("CREATE TABLE \"project_contracts\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"project_id\" integer NOT NULL, \"area_id\" integer NOT NULL, \"title\" varchar(200) NOT NULL, \"number\" varchar(64), \"nature\" varchar(16) NOT NULL, \"status\" varchar(16) NOT NULL, \"supplier_party_id\" integer, \"original_value\" bigint NOT NULL, \"signed_on\" varchar(10), \"start_date\" varchar(10), \"original_end_date\" varchar(10), \"version\" integer NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_1d40bf2e49e189fcd5275d9cc1\" ON \"project_contracts\" (\"project_id\") ");
    await queryRunner.query("CREATE TABLE \"contract_variations\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"contract_id\" integer NOT NULL, \"project_id\" integer NOT NULL, \"seq\" integer NOT NULL, \"kind\" varchar(16) NOT NULL, \"date\" varchar(10) NOT NULL, \"reason\" varchar(500) NOT NULL, \"old_value\" bigint, \"new_value\" bigint, \"old_end_date\" varchar(10), \"new_end_date\" varchar(10), \"recorded_by\" varchar(64))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_a0932c777cb24a883f93d0a5cb\" ON \"contract_variations\" (\"contract_id\", \"seq\") ");
    await queryRunner.query("CREATE TABLE \"project_completions\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"project_id\" integer NOT NULL, \"area_id\" integer NOT NULL, \"end_date\" varchar(10) NOT NULL, \"final_cost\" bigint NOT NULL, \"final_scope\" varchar(1000) NOT NULL, \"deviation_reason\" varchar(1000) NOT NULL, \"acceptance_document_id\" integer, \"recorded_by\" varchar(64), \"recorded_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_abf877e4d71fdf99bdd49e6754\" ON \"project_completions\" (\"project_id\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_abf877e4d71fdf99bdd49e6754\"");
    await queryRunner.query("DROP TABLE \"project_completions\"");
    await queryRunner.query("DROP INDEX \"IDX_a0932c777cb24a883f93d0a5cb\"");
    await queryRunner.query("DROP TABLE \"contract_variations\"");
    await queryRunner.query("DROP INDEX \"IDX_1d40bf2e49e189fcd5275d9cc1\"");
    await queryRunner.query("DROP TABLE \"project_contracts\"");
    await queryRunner.query("DROP INDEX \"IDX_f5517793189ee842e3acd553a0\"");
    await queryRunner.query("DROP TABLE \"project_documents\"");
  }
}
