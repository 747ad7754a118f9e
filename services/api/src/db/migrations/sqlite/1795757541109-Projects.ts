import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Projects1795757541109 implements MigrationInterface {
  name = 'Projects1795757541109';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"project_lights\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"project_id\" integer NOT NULL, \"area_id\" integer NOT NULL, \"period\" varchar(7) NOT NULL, \"color\" varchar(8) NOT NULL, \"reason_code\" varchar(32) NOT NULL, \"reason\" varchar(1000) NOT NULL, \"figures\" text NOT NULL, \"rule_version\" varchar(32) NOT NULL, \"computed_at\" datetime NOT NULL, \"removal\" varchar(16), \"removal_reason\" varchar(500), \"removal_decided_by\" varchar(64), \"removal_decided_at\" datetime)");
    await queryRunner.query("CREATE INDEX \"IDX_99087199b8faaeb580943000b2\" ON \"project_lights\" (\"period\", \"color\") ");
    await queryRunner.query("CREATE INDEX \"IDX_5910ff1725b86834e14a0f7624\" ON \"project_lights\" (\"area_id\", \"period\", \"color\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_cd7d11cfe2ae52239842dc5561\" ON \"project_lights\" (\"project_id\", \"period\") ");
    await queryRunner.query("CREATE TABLE \"light_board_publications\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"area_id\" integer NOT NULL, \"period\" varchar(7) NOT NULL, \"published_by\" varchar(64) NOT NULL, \"published_at\" datetime NOT NULL)");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_ef47554c970979d4f2fb5e8f24\" ON \"light_board_publications\" (\"area_id\", \"period\") ");
    await queryRunner.query("CREATE TABLE \"project_plan_years\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"project_id\" integer NOT NULL, \"year\" integer NOT NULL, \"planned_investment\" bigint NOT NULL, \"planned_progress\" varchar(500) NOT NULL DEFAULT (''))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_137a15eca18de36b5a1f1ebaf7\" ON \"project_plan_years\" (\"project_id\", \"year\") ");
    await queryRunner.query("CREATE TABLE \"project_plan_months\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"project_id\" integer NOT NULL, \"period\" varchar(7) NOT NULL, \"planned_investment\" bigint NOT NULL, \"planned_milestone\" varchar(500) NOT NULL DEFAULT (''))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_ee826ccc8764d178ea0196ccbd\" ON \"project_plan_months\" (\"project_id\", \"period\") ");
    await queryRunner.query("CREATE TABLE \"project_reports\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"project_id\" integer NOT NULL, \"area_id\" integer NOT NULL, \"period\" varchar(7) NOT NULL, \"actual_investment\" bigint NOT NULL, \"progress\" varchar(1000) NOT NULL DEFAULT (''), \"reporter_user_id\" integer, \"reporter_name\" varchar(64) NOT NULL, \"submitted_at\" datetime NOT NULL, \"updated_at\" datetime NOT NULL, \"version\" integer NOT NULL DEFAULT (1))");
    await queryRunner.query("CREATE INDEX \"IDX_6d4b3fa5e649748d390b0adbd2\" ON \"project_reports\" (\"area_id\", \"period\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_c4e429a9decac95c4690c24566\" ON \"project_reports\" (\"project_id\", \"period\") ");
    await queryRunner.query("CREATE TABLE \"project_milestones\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"project_id\" integer NOT NULL, \"name\" varchar(200) NOT NULL, \"start_date\" varchar(10), \"due_date\" varchar(10) NOT NULL, \"weight\" integer NOT NULL DEFAULT (1), \"progress\" integer NOT NULL DEFAULT (0), \"met_date\" varchar(10))");
    await queryRunner.query("CREATE INDEX \"IDX_a59e7e0769859735b9f5084ad1\" ON \"project_milestones\" (\"project_id\", \"due_date\") ");
    await queryRunner.query("CREATE TABLE \"projects\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"area_id\" integer NOT NULL, \"city_id\" integer NOT NULL, \"code\" varchar(32) NOT NULL, \"name\" varchar(128) NOT NULL, \"category\" varchar(24) NOT NULL, \"stage\" varchar(16) NOT NULL, \"total_investment\" bigint NOT NULL, \"construction_start\" varchar(7) NOT NULL, \"construction_end\" varchar(7) NOT NULL, \"enterprise\" varchar(128) NOT NULL, \"responsible_leader\" varchar(64) NOT NULL, \"responsible_unit\" varchar(128) NOT NULL, \"key_push\" boolean NOT NULL DEFAULT (0), \"major_government_investment\" boolean NOT NULL DEFAULT (0), \"removed_from_library\" boolean NOT NULL DEFAULT (0), \"location_geo_json\" text, \"boundary_east\" varchar(200), \"boundary_west\" varchar(200), \"boundary_south\" varchar(200), \"boundary_north\" varchar(200), \"version\" integer NOT NULL DEFAULT (1), \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"UQ_d95a87318392465ab663a32cc4f\" UNIQUE (\"code\"))");
    await queryRunner.query("CREATE INDEX \"IDX_f3c511bf827ce2daeb83ee3cc5\" ON \"projects\" (\"enterprise\") ");
    await queryRunner.query("CREATE INDEX \"IDX_2187088ab5ef2a918473cb9900\" ON \"projects\" (\"name\") ");
    await queryRunner.query("CREATE INDEX \"IDX_ff80428b75d7aca409edadd870\" ON \"projects\" (\"total_investment\") ");
    await queryRunner.query("CREATE INDEX \"IDX_8008efe4358d403d5fa750f155\" ON \"projects\" (\"stage\") ");
    await queryRunner.query("CREATE INDEX \"IDX_22611978869ac4a34bd7a97fc1\" ON \"projects\" (\"category\") ");
    await queryRunner.query("CREATE INDEX \"IDX_d4937a21a6605824bae98430f5\" ON \"projects\" (\"city_id\", \"total_investment\") ");
    await queryRunner.query("CREATE INDEX \"IDX_8532c05bfea57764fdcacfd94a\" ON \"projects\" (\"area_id\", \"name\") ");
    await queryRunner.query("CREATE TABLE \"project_stage_changes\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"project_id\" integer NOT NULL, \"from_stage\" varchar(16), \"to_stage\" varchar(16) NOT NULL, \"reason\" varchar(500) NOT NULL, \"changed_by\" varchar(64), \"changed_at\" datetime NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_599f8280c5890fd63203e7c341\" ON \"project_stage_changes\" (\"project_id\", \"changed_at\") ");
    await queryRunner.query("CREATE TABLE \"project_assignments\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"user_id\" integer NOT NULL, \"project_id\" integer NOT NULL, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_55de07519449f4031e4a3a8971\" ON \"project_assignments\" (\"project_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_888c09764dd8b08e8736508303\" ON \"project_assignments\" (\"user_id\", \"project_id\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_888c09764dd8b08e8736508303\"");
    await queryRunner.query("DROP INDEX \"IDX_55de07519449f4031e4a3a8971\"");
    await queryRunner.query("DROP TABLE \"project_assignments\"");
    await queryRunner.query("DROP INDEX \"IDX_599f8280c5890fd63203e7c341\"");
    await queryRunner.query("DROP TABLE \"project_stage_changes\"");
    await queryRunner.query("DROP INDEX \"IDX_8532c05bfea57764fdcacfd94a\"");
    await queryRunner.query("DROP INDEX \"IDX_d4937a21a6605824bae98430f5\"");
    await queryRunner.query("DROP INDEX \"IDX_22611978869ac4a34bd7a97fc1\"");
    await queryRunner.query("DROP INDEX \"IDX_8008efe4358d403d5fa750f155\"");
    await queryRunner.query("DROP INDEX \"IDX_ff80428b75d7aca409edadd870\"");
    await queryRunner.query("DROP INDEX \"IDX_2187088ab5ef2a918473cb9900\"");
    await queryRunner.query("DROP INDEX \"IDX_f3c511bf827ce2daeb83ee3cc5\"");
    await queryRunner.query("DROP TABLE \"projects\"");
    await queryRunner.query("DROP INDEX \"IDX_a59e7e0769859735b9f5084ad1\"");
    await queryRunner.query("DROP TABLE \"project_milestones\"");
    await queryRunner.query("DROP INDEX \"IDX_c4e429a9decac95c4690c24566\"");
    await queryRunner.query("DROP INDEX \"IDX_6d4b3fa5e649748d390b0adbd2\"");
    await queryRunner.query("DROP TABLE \"project_reports\"");
    await queryRunner.query("DROP INDEX \"IDX_ee826ccc8764d178ea0196ccbd\"");
    await queryRunner.query("DROP TABLE \"project_plan_months\"");
    await queryRunner.query("DROP INDEX \"IDX_137a15eca18de36b5a1f1ebaf7\"");
    await queryRunner.query("DROP TABLE \"project_plan_years\"");
    await queryRunner.query("DROP INDEX \"IDX_ef47554c970979d4f2fb5e8f24\"");
    await queryRunner.query("DROP TABLE \"light_board_publications\"");
    await queryRunner.query("DROP INDEX \"IDX_cd7d11cfe2ae52239842dc5561\"");
    await queryRunner.query("DROP INDEX \"IDX_5910ff1725b86834e14a0f7624\"");
    await queryRunner.query("DROP INDEX \"IDX_99087199b8faaeb580943000b2\"");
    await queryRunner.query("DROP TABLE \"project_lights\"");
  }
}
