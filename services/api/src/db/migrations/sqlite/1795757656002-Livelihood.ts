import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Livelihood1795757656002 implements MigrationInterface {
  name = 'Livelihood1795757656002';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"livelihood_participation\" (\"round_id\" integer NOT NULL, \"user_id\" integer NOT NULL, \"method\" varchar(12) NOT NULL, PRIMARY KEY (\"round_id\", \"user_id\")) WITHOUT ROWID");
    await queryRunner.query("CREATE TABLE \"livelihood_ballots\" (\"receipt_code\" varchar(24) PRIMARY KEY NOT NULL, \"round_id\" integer NOT NULL, \"choices\" varchar(1000) NOT NULL, \"source\" varchar(12) NOT NULL, \"ballot_hash\" varchar(64) NOT NULL, \"prev_hash\" varchar(64), \"chain_hash\" varchar(64)) WITHOUT ROWID");
    await queryRunner.query("CREATE INDEX \"IDX_eb0fa846bf3ad8fd5fd01f6579\" ON \"livelihood_ballots\" (\"round_id\", \"receipt_code\") ");
    await queryRunner.query("CREATE TABLE \"livelihood_evaluation_participation\" (\"evaluation_id\" integer NOT NULL, \"user_id\" integer NOT NULL, PRIMARY KEY (\"evaluation_id\", \"user_id\")) WITHOUT ROWID");
    await queryRunner.query("CREATE TABLE \"livelihood_evaluation_ballots\" (\"receipt_code\" varchar(24) PRIMARY KEY NOT NULL, \"evaluation_id\" integer NOT NULL, \"ratings\" varchar(2000) NOT NULL, \"ballot_hash\" varchar(64) NOT NULL, \"prev_hash\" varchar(64), \"chain_hash\" varchar(64)) WITHOUT ROWID");
    await queryRunner.query("CREATE INDEX \"IDX_7768844b4219b63604d53b6e0c\" ON \"livelihood_evaluation_ballots\" (\"evaluation_id\", \"receipt_code\") ");
    await queryRunner.query("CREATE TABLE \"livelihood_sessions\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"area_id\" integer NOT NULL, \"name\" varchar(128) NOT NULL, \"meeting_date\" varchar(10) NOT NULL, \"seats\" integer NOT NULL, \"opens_at\" datetime, \"closes_at\" datetime, \"status\" varchar(16) NOT NULL, \"current_round\" integer NOT NULL DEFAULT (0), \"fingerprint\" varchar(64), \"version\" integer NOT NULL DEFAULT (1), \"created_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_5c74fc6d47285799196caf5114\" ON \"livelihood_sessions\" (\"area_id\", \"meeting_date\") ");
    await queryRunner.query("CREATE TABLE \"livelihood_candidates\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"session_id\" integer NOT NULL, \"position\" integer NOT NULL, \"name\" varchar(200) NOT NULL, \"description\" text NOT NULL, \"lead_department\" varchar(100), \"target_quantity\" bigint, \"unit\" varchar(32), \"estimated_cost\" bigint, \"proposal_ids\" varchar(255) NOT NULL DEFAULT (''), \"adopted\" boolean NOT NULL DEFAULT (0), \"adopted_in_round\" integer)");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_3acbd1158a71e26dd4a504910b\" ON \"livelihood_candidates\" (\"session_id\", \"position\") ");
    await queryRunner.query("CREATE TABLE \"livelihood_roster\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"session_id\" integer NOT NULL, \"user_id\" integer NOT NULL, \"name\" varchar(64) NOT NULL, \"delegation\" varchar(64) NOT NULL, \"scrutineer\" boolean NOT NULL DEFAULT (0), \"checked_in_at\" datetime)");
    await queryRunner.query("CREATE INDEX \"IDX_a403a07cfec10004bc8b97160e\" ON \"livelihood_roster\" (\"user_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_ea030b7254f24ab759e934964f\" ON \"livelihood_roster\" (\"session_id\", \"user_id\") ");
    await queryRunner.query("CREATE TABLE \"livelihood_rounds\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"session_id\" integer NOT NULL, \"number\" integer NOT NULL, \"seats\" integer NOT NULL, \"candidate_ids\" varchar(1000) NOT NULL, \"roster_size\" integer NOT NULL, \"fingerprint\" varchar(64) NOT NULL, \"canonical\" text NOT NULL, \"status\" varchar(8) NOT NULL, \"opened_at\" datetime NOT NULL, \"closed_at\" datetime, \"digest\" varchar(64) NOT NULL, \"paper_issued\" integer NOT NULL DEFAULT (0), \"chain_head\" varchar(64), \"result\" text)");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_1655c725d9fc8f32b94339a629\" ON \"livelihood_rounds\" (\"session_id\", \"number\") ");
    await queryRunner.query("CREATE TABLE \"livelihood_projects\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"session_id\" integer NOT NULL, \"candidate_id\" integer NOT NULL, \"area_id\" integer NOT NULL, \"year\" integer NOT NULL, \"name\" varchar(200) NOT NULL, \"lead_department\" varchar(100) NOT NULL, \"target_quantity\" bigint NOT NULL, \"unit\" varchar(32) NOT NULL, \"status\" varchar(16) NOT NULL, \"completed_on\" varchar(10), \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"UQ_f864e7c46f5f72bc2c39ca01e3c\" UNIQUE (\"candidate_id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_bc2880cca7d542f9c01fd32a15\" ON \"livelihood_projects\" (\"session_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_345a6826931e15aaa9e3ab42d8\" ON \"livelihood_projects\" (\"area_id\", \"year\") ");
    await queryRunner.query("CREATE TABLE \"livelihood_milestones\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"project_id\" integer NOT NULL, \"name\" varchar(200) NOT NULL, \"due_date\" varchar(10) NOT NULL, \"done_date\" varchar(10))");
    await queryRunner.query("CREATE INDEX \"IDX_a7478119feef9a883085ac7177\" ON \"livelihood_milestones\" (\"project_id\", \"due_date\") ");
    await queryRunner.query("CREATE TABLE \"livelihood_progress\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"project_id\" integer NOT NULL, \"period\" varchar(7) NOT NULL, \"quantity_done\" bigint NOT NULL, \"note\" varchar(500) NOT NULL, \"reported_by_user_id\" integer, \"reported_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_fd033a3137984c2ff5a4416dd2\" ON \"livelihood_progress\" (\"project_id\", \"period\") ");
    await queryRunner.query("CREATE TABLE \"livelihood_evaluations\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"session_id\" integer NOT NULL, \"year\" integer NOT NULL, \"project_ids\" varchar(1000) NOT NULL, \"roster_size\" integer NOT NULL, \"fingerprint\" varchar(64) NOT NULL, \"canonical\" text NOT NULL, \"status\" varchar(8) NOT NULL, \"opened_at\" datetime NOT NULL, \"closed_at\" datetime, \"digest\" varchar(64) NOT NULL, \"chain_head\" varchar(64), \"result\" text)");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_e9eec2231aea474730110083ad\" ON \"livelihood_evaluations\" (\"session_id\", \"year\") ");
    await queryRunner.query("CREATE TABLE \"livelihood_proposals\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"area_id\" integer NOT NULL, \"district_id\" integer, \"title\" varchar(200) NOT NULL, \"description\" text NOT NULL, \"category\" varchar(24) NOT NULL, \"estimated_cost\" bigint, \"source\" varchar(16) NOT NULL, \"submitter_user_id\" integer, \"submitter_name\" varchar(64), \"contact\" varchar(64), \"tracking_code\" varchar(16) NOT NULL, \"status\" varchar(16) NOT NULL, \"reason_code\" varchar(32), \"reason_note\" varchar(500), \"merged_into_id\" integer, \"screened_at\" datetime, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"UQ_cad6b136d6a24168a31e3606c8e\" UNIQUE (\"tracking_code\"))");
    await queryRunner.query("CREATE INDEX \"IDX_5bb2a4618c5737feb65bb250c3\" ON \"livelihood_proposals\" (\"submitter_user_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_fbd75b8ec0778a56f8ace27773\" ON \"livelihood_proposals\" (\"area_id\", \"status\", \"id\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_fbd75b8ec0778a56f8ace27773\"");
    await queryRunner.query("DROP INDEX \"IDX_5bb2a4618c5737feb65bb250c3\"");
    await queryRunner.query("DROP TABLE \"livelihood_proposals\"");
    await queryRunner.query("DROP INDEX \"IDX_e9eec2231aea474730110083ad\"");
    await queryRunner.query("DROP TABLE \"livelihood_evaluations\"");
    await queryRunner.query("DROP INDEX \"IDX_fd033a3137984c2ff5a4416dd2\"");
    await queryRunner.query("DROP TABLE \"livelihood_progress\"");
    await queryRunner.query("DROP INDEX \"IDX_a7478119feef9a883085ac7177\"");
    await queryRunner.query("DROP TABLE \"livelihood_milestones\"");
    await queryRunner.query("DROP INDEX \"IDX_345a6826931e15aaa9e3ab42d8\"");
    await queryRunner.query("DROP INDEX \"IDX_bc2880cca7d542f9c01fd32a15\"");
    await queryRunner.query("DROP TABLE \"livelihood_projects\"");
    await queryRunner.query("DROP INDEX \"IDX_1655c725d9fc8f32b94339a629\"");
    await queryRunner.query("DROP TABLE \"livelihood_rounds\"");
    await queryRunner.query("DROP INDEX \"IDX_ea030b7254f24ab759e934964f\"");
    await queryRunner.query("DROP INDEX \"IDX_a403a07cfec10004bc8b97160e\"");
    await queryRunner.query("DROP TABLE \"livelihood_roster\"");
    await queryRunner.query("DROP INDEX \"IDX_3acbd1158a71e26dd4a504910b\"");
    await queryRunner.query("DROP TABLE \"livelihood_candidates\"");
    await queryRunner.query("DROP INDEX \"IDX_5c74fc6d47285799196caf5114\"");
    await queryRunner.query("DROP TABLE \"livelihood_sessions\"");
    await queryRunner.query("DROP INDEX \"IDX_7768844b4219b63604d53b6e0c\"");
    await queryRunner.query("DROP TABLE \"livelihood_evaluation_ballots\"");
    await queryRunner.query("DROP TABLE \"livelihood_evaluation_participation\"");
    await queryRunner.query("DROP INDEX \"IDX_eb0fa846bf3ad8fd5fd01f6579\"");
    await queryRunner.query("DROP TABLE \"livelihood_ballots\"");
    await queryRunner.query("DROP TABLE \"livelihood_participation\"");
  }
}
