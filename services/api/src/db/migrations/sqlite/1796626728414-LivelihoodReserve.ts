import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LivelihoodReserve1796626728414 implements MigrationInterface {
  name = 'LivelihoodReserve1796626728414';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"livelihood_reserve\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"area_id\" integer NOT NULL, \"name\" varchar(200) NOT NULL, \"description\" text NOT NULL, \"lead_department\" varchar(100), \"target_quantity\" bigint, \"unit\" varchar(32), \"estimated_cost\" bigint, \"origin\" varchar(16) NOT NULL, \"from_session_id\" integer NOT NULL, \"from_candidate_id\" integer, \"from_proposal_id\" integer, \"proposal_ids\" varchar(255) NOT NULL DEFAULT (''), \"votes\" integer, \"roster_size\" integer, \"reason\" varchar(500) NOT NULL, \"previous_item_id\" integer, \"status\" varchar(16) NOT NULL, \"drawn_into_session_id\" integer, \"withdrawn_reason\" varchar(500), \"reserved_at\" datetime NOT NULL)");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_60d4ed208bb39240f1f4322ec1\" ON \"livelihood_reserve\" (\"from_candidate_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_2c64dd70c8f7c406ad4b218362\" ON \"livelihood_reserve\" (\"from_proposal_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_c11434dd1efb2a4d8a1a7168af\" ON \"livelihood_reserve\" (\"area_id\", \"status\") ");
    await queryRunner.query("DROP INDEX \"IDX_3acbd1158a71e26dd4a504910b\"");
    await queryRunner.query("CREATE TABLE \"temporary_livelihood_candidates\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"session_id\" integer NOT NULL, \"position\" integer NOT NULL, \"name\" varchar(200) NOT NULL, \"description\" text NOT NULL, \"lead_department\" varchar(100), \"target_quantity\" bigint, \"unit\" varchar(32), \"estimated_cost\" bigint, \"proposal_ids\" varchar(255) NOT NULL DEFAULT (''), \"adopted\" boolean NOT NULL DEFAULT (0), \"adopted_in_round\" integer, \"reserve_item_id\" integer)");
    await queryRunner.query("INSERT INTO \"temporary_livelihood_candidates\"(\"id\", \"session_id\", \"position\", \"name\", \"description\", \"lead_department\", \"target_quantity\", \"unit\", \"estimated_cost\", \"proposal_ids\", \"adopted\", \"adopted_in_round\") SELECT \"id\", \"session_id\", \"position\", \"name\", \"description\", \"lead_department\", \"target_quantity\", \"unit\", \"estimated_cost\", \"proposal_ids\", \"adopted\", \"adopted_in_round\" FROM \"livelihood_candidates\"");
    await queryRunner.query("DROP TABLE \"livelihood_candidates\"");
    await queryRunner.query("ALTER TABLE \"temporary_livelihood_candidates\" RENAME TO \"livelihood_candidates\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_3acbd1158a71e26dd4a504910b\" ON \"livelihood_candidates\" (\"session_id\", \"position\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_3acbd1158a71e26dd4a504910b\"");
    await queryRunner.query("ALTER TABLE \"livelihood_candidates\" RENAME TO \"temporary_livelihood_candidates\"");
    await queryRunner.query("CREATE TABLE \"livelihood_candidates\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"session_id\" integer NOT NULL, \"position\" integer NOT NULL, \"name\" varchar(200) NOT NULL, \"description\" text NOT NULL, \"lead_department\" varchar(100), \"target_quantity\" bigint, \"unit\" varchar(32), \"estimated_cost\" bigint, \"proposal_ids\" varchar(255) NOT NULL DEFAULT (''), \"adopted\" boolean NOT NULL DEFAULT (0), \"adopted_in_round\" integer)");
    await queryRunner.query("INSERT INTO \"livelihood_candidates\"(\"id\", \"session_id\", \"position\", \"name\", \"description\", \"lead_department\", \"target_quantity\", \"unit\", \"estimated_cost\", \"proposal_ids\", \"adopted\", \"adopted_in_round\") SELECT \"id\", \"session_id\", \"position\", \"name\", \"description\", \"lead_department\", \"target_quantity\", \"unit\", \"estimated_cost\", \"proposal_ids\", \"adopted\", \"adopted_in_round\" FROM \"temporary_livelihood_candidates\"");
    await queryRunner.query("DROP TABLE \"temporary_livelihood_candidates\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_3acbd1158a71e26dd4a504910b\" ON \"livelihood_candidates\" (\"session_id\", \"position\") ");
    await queryRunner.query("DROP INDEX \"IDX_c11434dd1efb2a4d8a1a7168af\"");
    await queryRunner.query("DROP INDEX \"IDX_2c64dd70c8f7c406ad4b218362\"");
    await queryRunner.query("DROP INDEX \"IDX_60d4ed208bb39240f1f4322ec1\"");
    await queryRunner.query("DROP TABLE \"livelihood_reserve\"");
  }
}
