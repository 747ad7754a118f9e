import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Investment1796625240707 implements MigrationInterface {
  name = 'Investment1796625240707';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"industry_chains\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"area_id\" integer NOT NULL, \"name\" varchar(64) NOT NULL, \"description\" varchar(500) NOT NULL DEFAULT (''), \"created_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_615e63196ea7eebea15f28d069\" ON \"industry_chains\" (\"area_id\", \"name\") ");
    await queryRunner.query("CREATE TABLE \"chain_nodes\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"chain_id\" integer NOT NULL, \"area_id\" integer NOT NULL, \"parent_id\" integer, \"link\" varchar(12) NOT NULL, \"name\" varchar(64) NOT NULL, \"priority\" integer NOT NULL DEFAULT (3), \"sort_order\" integer NOT NULL DEFAULT (0))");
    await queryRunner.query("CREATE INDEX \"IDX_d938311c4b52ac0f2b8c363110\" ON \"chain_nodes\" (\"area_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_da4804d8791c097ade968acc55\" ON \"chain_nodes\" (\"chain_id\", \"name\") ");
    await queryRunner.query("CREATE INDEX \"IDX_7db5c7516e1949316073fdde0e\" ON \"chain_nodes\" (\"chain_id\", \"link\", \"sort_order\") ");
    await queryRunner.query("CREATE TABLE \"target_companies\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"area_id\" integer NOT NULL, \"credit_code\" varchar(18) NOT NULL, \"name\" varchar(128) NOT NULL, \"industry\" varchar(64) NOT NULL, \"size\" varchar(8) NOT NULL, \"location\" varchar(64) NOT NULL DEFAULT (''), \"local\" boolean NOT NULL DEFAULT (0), \"source\" varchar(20) NOT NULL, \"tag_text\" varchar(300) NOT NULL DEFAULT (''), \"created_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_cf11e144208b08f5911d0ac860\" ON \"target_companies\" (\"area_id\", \"local\", \"source\") ");
    await queryRunner.query("CREATE INDEX \"IDX_cb634efa6a65568cfcc5372445\" ON \"target_companies\" (\"area_id\", \"name\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_0ec85a5bb31c87e891b34287f1\" ON \"target_companies\" (\"area_id\", \"credit_code\") ");
    await queryRunner.query("CREATE TABLE \"target_company_nodes\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"company_id\" integer NOT NULL, \"node_id\" integer NOT NULL, \"chain_id\" integer NOT NULL, \"area_id\" integer NOT NULL, \"local\" boolean NOT NULL DEFAULT (0))");
    await queryRunner.query("CREATE INDEX \"IDX_d59db1f1d3b11c9126ef9ee7a4\" ON \"target_company_nodes\" (\"area_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_48926fe57e283ba3b54b72e88b\" ON \"target_company_nodes\" (\"node_id\", \"local\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_791d9b9187dc2f1d2cfdad2109\" ON \"target_company_nodes\" (\"company_id\", \"node_id\") ");
    await queryRunner.query("CREATE TABLE \"investment_leads\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"area_id\" integer NOT NULL, \"name\" varchar(128) NOT NULL, \"company_id\" integer, \"chain_id\" integer, \"node_id\" integer, \"stage\" varchar(12) NOT NULL, \"amount\" bigint NOT NULL, \"source\" varchar(20) NOT NULL, \"responsible_person\" varchar(64) NOT NULL, \"responsible_unit\" varchar(128) NOT NULL, \"next_step\" varchar(300) NOT NULL DEFAULT (''), \"next_step_date\" varchar(10), \"last_step_date\" varchar(10) NOT NULL, \"signed_date\" varchar(10), \"project_id\" integer, \"version\" integer NOT NULL DEFAULT (1), \"created_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_2882800a2110d8ce64e86807de\" ON \"investment_leads\" (\"company_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_a92f2f1fe3aa9fccff70377814\" ON \"investment_leads\" (\"node_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_d09ee1acb174bbefb3c9159e33\" ON \"investment_leads\" (\"area_id\", \"last_step_date\") ");
    await queryRunner.query("CREATE INDEX \"IDX_9593ae3eb1171c3332af291d4c\" ON \"investment_leads\" (\"area_id\", \"signed_date\") ");
    await queryRunner.query("CREATE INDEX \"IDX_96e8779929a9705eba1e275a2c\" ON \"investment_leads\" (\"area_id\", \"stage\") ");
    await queryRunner.query("CREATE TABLE \"investment_lead_steps\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"lead_id\" integer NOT NULL, \"area_id\" integer NOT NULL, \"kind\" varchar(12) NOT NULL, \"from_stage\" varchar(12), \"to_stage\" varchar(12) NOT NULL, \"date\" varchar(10) NOT NULL, \"note\" varchar(1000) NOT NULL DEFAULT (''), \"recorded_by\" varchar(64), \"created_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_1339236e987764ba9454eeb189\" ON \"investment_lead_steps\" (\"area_id\", \"kind\", \"date\") ");
    await queryRunner.query("CREATE INDEX \"IDX_33444962fcaade0247c09f748d\" ON \"investment_lead_steps\" (\"lead_id\", \"date\") ");
    await queryRunner.query("CREATE TABLE \"investment_targets\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"area_id\" integer NOT NULL, \"year\" integer NOT NULL, \"signed\" integer NOT NULL, \"over2_billion\" integer NOT NULL, \"over5_billion\" integer NOT NULL)");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_6820b6212c34780d6920f0ad2d\" ON \"investment_targets\" (\"area_id\", \"year\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_6820b6212c34780d6920f0ad2d\"");
    await queryRunner.query("DROP TABLE \"investment_targets\"");
    await queryRunner.query("DROP INDEX \"IDX_33444962fcaade0247c09f748d\"");
    await queryRunner.query("DROP INDEX \"IDX_1339236e987764ba9454eeb189\"");
    await queryRunner.query("DROP TABLE \"investment_lead_steps\"");
    await queryRunner.query("DROP INDEX \"IDX_96e8779929a9705eba1e275a2c\"");
    await queryRunner.query("DROP INDEX \"IDX_9593ae3eb1171c3332af291d4c\"");
    await queryRunner.query("DROP INDEX \"IDX_d09ee1acb174bbefb3c9159e33\"");
    await queryRunner.query("DROP INDEX \"IDX_a92f2f1fe3aa9fccff70377814\"");
    await queryRunner.query("DROP INDEX \"IDX_2882800a2110d8ce64e86807de\"");
    await queryRunner.query("DROP TABLE \"investment_leads\"");
    await queryRunner.query("DROP INDEX \"IDX_791d9b9187dc2f1d2cfdad2109\"");
    await queryRunner.query("DROP INDEX \"IDX_48926fe57e283ba3b54b72e88b\"");
    await queryRunner.query("DROP INDEX \"IDX_d59db1f1d3b11c9126ef9ee7a4\"");
    await queryRunner.query("DROP TABLE \"target_company_nodes\"");
    await queryRunner.query("DROP INDEX \"IDX_0ec85a5bb31c87e891b34287f1\"");
    await queryRunner.query("DROP INDEX \"IDX_cb634efa6a65568cfcc5372445\"");
    await queryRunner.query("DROP INDEX \"IDX_cf11e144208b08f5911d0ac860\"");
    await queryRunner.query("DROP TABLE \"target_companies\"");
    await queryRunner.query("DROP INDEX \"IDX_7db5c7516e1949316073fdde0e\"");
    await queryRunner.query("DROP INDEX \"IDX_da4804d8791c097ade968acc55\"");
    await queryRunner.query("DROP INDEX \"IDX_d938311c4b52ac0f2b8c363110\"");
    await queryRunner.query("DROP TABLE \"chain_nodes\"");
    await queryRunner.query("DROP INDEX \"IDX_615e63196ea7eebea15f28d069\"");
    await queryRunner.query("DROP TABLE \"industry_chains\"");
  }
}
