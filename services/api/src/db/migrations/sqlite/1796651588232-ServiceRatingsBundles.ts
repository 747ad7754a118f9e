import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ServiceRatingsBundles1796651588232 implements MigrationInterface {
  name = 'ServiceRatingsBundles1796651588232';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"service_bundles\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"district_id\" integer NOT NULL, \"name\" varchar(100) NOT NULL, \"description\" varchar(500) NOT NULL DEFAULT (''), \"limit_days\" integer, \"version\" integer NOT NULL DEFAULT (1), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_dd57f94dcbf1e9fa787765f146\" ON \"service_bundles\" (\"district_id\", \"name\") ");
    await queryRunner.query("CREATE TABLE \"service_bundle_items\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"bundle_id\" integer NOT NULL, \"item_id\" integer NOT NULL, \"stage\" integer NOT NULL, \"sort_order\" integer NOT NULL DEFAULT (0))");
    await queryRunner.query("CREATE INDEX \"IDX_9d5d31174b91d7e6d9a1ff3914\" ON \"service_bundle_items\" (\"item_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_8fe33c17bb34b695622b7e73f3\" ON \"service_bundle_items\" (\"bundle_id\", \"item_id\") ");
    await queryRunner.query("CREATE TABLE \"service_ratings\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"case_id\" integer NOT NULL, \"district_id\" integer NOT NULL, \"item_id\" integer NOT NULL, \"department\" varchar(100) NOT NULL, \"window_id\" integer, \"token_hash\" varchar(64) NOT NULL, \"issued_at\" datetime NOT NULL, \"score\" integer, \"reasons\" varchar(200) NOT NULL DEFAULT (''), \"comment\" varchar(500), \"rated_at\" datetime)");
    await queryRunner.query("CREATE INDEX \"IDX_14d1a6533e34b03e81f689d0f2\" ON \"service_ratings\" (\"district_id\", \"window_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_a4c1c859fc2d9a054e308ac69e\" ON \"service_ratings\" (\"district_id\", \"department\") ");
    await queryRunner.query("CREATE INDEX \"IDX_a82dc49fb21562723ed04fb12f\" ON \"service_ratings\" (\"district_id\", \"rated_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_970fece2ddb757282d9bedb302\" ON \"service_ratings\" (\"token_hash\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_e5b1dc4fd6865af620a608fb07\" ON \"service_ratings\" (\"case_id\") ");
    await queryRunner.query("CREATE TABLE \"service_rectifications\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"rating_id\" integer NOT NULL, \"case_id\" integer NOT NULL, \"district_id\" integer NOT NULL, \"item_id\" integer NOT NULL, \"department\" varchar(100) NOT NULL, \"window_id\" integer, \"status\" varchar(16) NOT NULL, \"owner\" varchar(64) NOT NULL, \"opened_on\" date NOT NULL, \"deadline\" date NOT NULL, \"rectified_on\" date, \"rectified_days\" integer, \"closed_on\" date, \"founded\" boolean, \"version\" integer NOT NULL DEFAULT (1))");
    await queryRunner.query("CREATE INDEX \"IDX_37d9b2ae4f5a2bbd27c279c9c8\" ON \"service_rectifications\" (\"district_id\", \"opened_on\") ");
    await queryRunner.query("CREATE INDEX \"IDX_1ccbcafb9d2a972303f076159e\" ON \"service_rectifications\" (\"district_id\", \"status\", \"deadline\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_4aa4b95fa9486d77914c10b5b3\" ON \"service_rectifications\" (\"rating_id\") ");
    await queryRunner.query("CREATE TABLE \"service_rectification_steps\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"rectification_id\" integer NOT NULL, \"step\" varchar(16) NOT NULL, \"on_date\" date NOT NULL, \"note\" text NOT NULL, \"founded\" boolean, \"satisfied\" boolean, \"actor\" varchar(64), \"created_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_5ada7b5fa614af157998c1adee\" ON \"service_rectification_steps\" (\"rectification_id\") ");
    await queryRunner.query("DROP INDEX \"IDX_89a8773c06c87f9cc96c380b9c\"");
    await queryRunner.query("DROP INDEX \"IDX_aa5cd44144b65b58ceed583a87\"");
    await queryRunner.query("DROP INDEX \"IDX_2104b17c79b41e6c445c8fcaaa\"");
    await queryRunner.query("DROP INDEX \"IDX_d76910e0fbbb928832845e47a1\"");
    await queryRunner.query("CREATE TABLE \"temporary_service_cases\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"district_id\" integer NOT NULL, \"item_id\" integer NOT NULL, \"zone_id\" integer, \"case_no\" varchar(40) NOT NULL, \"applicant_type\" varchar(16) NOT NULL, \"channel\" varchar(16) NOT NULL, \"received_at\" datetime NOT NULL, \"accepted_at\" datetime NOT NULL, \"decided_at\" datetime, \"delivered_at\" datetime, \"outcome\" varchar(16), \"visits\" integer NOT NULL DEFAULT (0), \"pauses\" text NOT NULL, \"promised_days\" integer, \"handling_days\" integer, \"paused_days\" integer, \"on_time\" boolean, \"promised_share_bp\" integer, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"window_id\" integer)");
    await queryRunner.query("INSERT INTO \"temporary_service_cases\"(\"id\", \"district_id\", \"item_id\", \"zone_id\", \"case_no\", \"applicant_type\", \"channel\", \"received_at\", \"accepted_at\", \"decided_at\", \"delivered_at\", \"outcome\", \"visits\", \"pauses\", \"promised_days\", \"handling_days\", \"paused_days\", \"on_time\", \"promised_share_bp\", \"created_at\") SELECT \"id\", \"district_id\", \"item_id\", \"zone_id\", \"case_no\", \"applicant_type\", \"channel\", \"received_at\", \"accepted_at\", \"decided_at\", \"delivered_at\", \"outcome\", \"visits\", \"pauses\", \"promised_days\", \"handling_days\", \"paused_days\", \"on_time\", \"promised_share_bp\", \"created_at\" FROM \"service_cases\"");
    await queryRunner.query("DROP TABLE \"service_cases\"");
    await queryRunner.query("ALTER TABLE \"temporary_service_cases\" RENAME TO \"service_cases\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_89a8773c06c87f9cc96c380b9c\" ON \"service_cases\" (\"district_id\", \"case_no\") ");
    await queryRunner.query("CREATE INDEX \"IDX_aa5cd44144b65b58ceed583a87\" ON \"service_cases\" (\"district_id\", \"received_at\") ");
    await queryRunner.query("CREATE INDEX \"IDX_2104b17c79b41e6c445c8fcaaa\" ON \"service_cases\" (\"item_id\", \"received_at\") ");
    await queryRunner.query("CREATE INDEX \"IDX_d76910e0fbbb928832845e47a1\" ON \"service_cases\" (\"zone_id\", \"received_at\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_d76910e0fbbb928832845e47a1\"");
    await queryRunner.query("DROP INDEX \"IDX_2104b17c79b41e6c445c8fcaaa\"");
    await queryRunner.query("DROP INDEX \"IDX_aa5cd44144b65b58ceed583a87\"");
    await queryRunner.query("DROP INDEX \"IDX_89a8773c06c87f9cc96c380b9c\"");
    await queryRunner.query("ALTER TABLE \"service_cases\" RENAME TO \"temporary_service_cases\"");
    await queryRunner.query("CREATE TABLE \"service_cases\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"district_id\" integer NOT NULL, \"item_id\" integer NOT NULL, \"zone_id\" integer, \"case_no\" varchar(40) NOT NULL, \"applicant_type\" varchar(16) NOT NULL, \"channel\" varchar(16) NOT NULL, \"received_at\" datetime NOT NULL, \"accepted_at\" datetime NOT NULL, \"decided_at\" datetime, \"delivered_at\" datetime, \"outcome\" varchar(16), \"visits\" integer NOT NULL DEFAULT (0), \"pauses\" text NOT NULL, \"promised_days\" integer, \"handling_days\" integer, \"paused_days\" integer, \"on_time\" boolean, \"promised_share_bp\" integer, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("INSERT INTO \"service_cases\"(\"id\", \"district_id\", \"item_id\", \"zone_id\", \"case_no\", \"applicant_type\", \"channel\", \"received_at\", \"accepted_at\", \"decided_at\", \"delivered_at\", \"outcome\", \"visits\", \"pauses\", \"promised_days\", \"handling_days\", \"paused_days\", \"on_time\", \"promised_share_bp\", \"created_at\") SELECT \"id\", \"district_id\", \"item_id\", \"zone_id\", \"case_no\", \"applicant_type\", \"channel\", \"received_at\", \"accepted_at\", \"decided_at\", \"delivered_at\", \"outcome\", \"visits\", \"pauses\", \"promised_days\", \"handling_days\", \"paused_days\", \"on_time\", \"promised_share_bp\", \"created_at\" FROM \"temporary_service_cases\"");
    await queryRunner.query("DROP TABLE \"temporary_service_cases\"");
    await queryRunner.query("CREATE INDEX \"IDX_d76910e0fbbb928832845e47a1\" ON \"service_cases\" (\"zone_id\", \"received_at\") ");
    await queryRunner.query("CREATE INDEX \"IDX_2104b17c79b41e6c445c8fcaaa\" ON \"service_cases\" (\"item_id\", \"received_at\") ");
    await queryRunner.query("CREATE INDEX \"IDX_aa5cd44144b65b58ceed583a87\" ON \"service_cases\" (\"district_id\", \"received_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_89a8773c06c87f9cc96c380b9c\" ON \"service_cases\" (\"district_id\", \"case_no\") ");
    await queryRunner.query("DROP INDEX \"IDX_5ada7b5fa614af157998c1adee\"");
    await queryRunner.query("DROP TABLE \"service_rectification_steps\"");
    await queryRunner.query("DROP INDEX \"IDX_4aa4b95fa9486d77914c10b5b3\"");
    await queryRunner.query("DROP INDEX \"IDX_1ccbcafb9d2a972303f076159e\"");
    await queryRunner.query("DROP INDEX \"IDX_37d9b2ae4f5a2bbd27c279c9c8\"");
    await queryRunner.query("DROP TABLE \"service_rectifications\"");
    await queryRunner.query("DROP INDEX \"IDX_e5b1dc4fd6865af620a608fb07\"");
    await queryRunner.query("DROP INDEX \"IDX_970fece2ddb757282d9bedb302\"");
    await queryRunner.query("DROP INDEX \"IDX_a82dc49fb21562723ed04fb12f\"");
    await queryRunner.query("DROP INDEX \"IDX_a4c1c859fc2d9a054e308ac69e\"");
    await queryRunner.query("DROP INDEX \"IDX_14d1a6533e34b03e81f689d0f2\"");
    await queryRunner.query("DROP TABLE \"service_ratings\"");
    await queryRunner.query("DROP INDEX \"IDX_8fe33c17bb34b695622b7e73f3\"");
    await queryRunner.query("DROP INDEX \"IDX_9d5d31174b91d7e6d9a1ff3914\"");
    await queryRunner.query("DROP TABLE \"service_bundle_items\"");
    await queryRunner.query("DROP INDEX \"IDX_dd57f94dcbf1e9fa787765f146\"");
    await queryRunner.query("DROP TABLE \"service_bundles\"");
  }
}
