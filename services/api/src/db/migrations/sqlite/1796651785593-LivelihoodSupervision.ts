import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LivelihoodSupervision1796651785593 implements MigrationInterface {
  name = 'LivelihoodSupervision1796651785593';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"livelihood_rating_rules\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"area_id\" integer NOT NULL, \"session_id\" integer NOT NULL DEFAULT (0), \"delegate_weight\" integer NOT NULL, \"public_weight\" integer NOT NULL, \"satisfied_from\" integer NOT NULL, \"basic_from\" integer NOT NULL, \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_2fd86d2125d8eec0739de1bcbd\" ON \"livelihood_rating_rules\" (\"area_id\", \"session_id\") ");
    await queryRunner.query("CREATE TABLE \"livelihood_public_surveys\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"evaluation_id\" integer NOT NULL, \"project_id\" integer NOT NULL, \"satisfied\" integer NOT NULL, \"basic\" integer NOT NULL, \"unsatisfied\" integer NOT NULL, \"source\" varchar(200) NOT NULL, \"recorded_by_user_id\" integer NOT NULL, \"recorded_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_7fd05c6af4c13b295e821a1a0d\" ON \"livelihood_public_surveys\" (\"evaluation_id\", \"project_id\") ");
    await queryRunner.query("CREATE TABLE \"livelihood_supervision_groups\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"project_id\" integer NOT NULL, \"area_id\" integer NOT NULL, \"name\" varchar(64) NOT NULL, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_dcbc765ae84a0fc6bc481addf8\" ON \"livelihood_supervision_groups\" (\"area_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_6c8054479621d3c3f35420f718\" ON \"livelihood_supervision_groups\" (\"project_id\", \"name\") ");
    await queryRunner.query("CREATE TABLE \"livelihood_supervision_members\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"group_id\" integer NOT NULL, \"user_id\" integer NOT NULL, \"name\" varchar(64) NOT NULL, \"delegation\" varchar(64) NOT NULL, \"leader\" boolean NOT NULL DEFAULT (0))");
    await queryRunner.query("CREATE INDEX \"IDX_2fc8c597281f6131f0d16baecd\" ON \"livelihood_supervision_members\" (\"user_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_23be3161936f4974892615eec6\" ON \"livelihood_supervision_members\" (\"group_id\", \"user_id\") ");
    await queryRunner.query("CREATE TABLE \"livelihood_inspections\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"group_id\" integer NOT NULL, \"project_id\" integer NOT NULL, \"area_id\" integer NOT NULL, \"inspected_on\" varchar(10) NOT NULL, \"place\" varchar(200) NOT NULL, \"findings\" text NOT NULL, \"recorded_by_user_id\" integer NOT NULL, \"recorded_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_f6b1565995c050288dfac2e476\" ON \"livelihood_inspections\" (\"group_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_5364ea68b1f7fd68b5216e1fca\" ON \"livelihood_inspections\" (\"project_id\", \"inspected_on\") ");
    await queryRunner.query("CREATE TABLE \"livelihood_supervision_advices\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"inspection_id\" integer NOT NULL, \"project_id\" integer NOT NULL, \"area_id\" integer NOT NULL, \"content\" varchar(500) NOT NULL, \"department\" varchar(100) NOT NULL, \"issued_on\" varchar(10) NOT NULL, \"working_days\" integer NOT NULL, \"due_date\" varchar(10) NOT NULL, \"answer\" text, \"answered_on\" varchar(10), \"answered_by\" varchar(100), \"answered_by_user_id\" integer)");
    await queryRunner.query("CREATE INDEX \"IDX_2aa54f35fe62e41999d72510e6\" ON \"livelihood_supervision_advices\" (\"inspection_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_dbc49ee76d135f3224382c8856\" ON \"livelihood_supervision_advices\" (\"project_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_2aa5a71b778d1f15a7a0bcb9a7\" ON \"livelihood_supervision_advices\" (\"area_id\", \"due_date\") ");
    await queryRunner.query("CREATE TABLE \"livelihood_sub_items\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"project_id\" integer NOT NULL, \"area_id\" integer NOT NULL, \"position\" integer NOT NULL, \"name\" varchar(200) NOT NULL, \"delegation\" varchar(64) NOT NULL, \"target_quantity\" bigint NOT NULL, \"done_quantity\" bigint NOT NULL, \"unit\" varchar(32) NOT NULL, \"progress_note\" varchar(500), \"progress_on\" varchar(10), \"rating\" varchar(24), \"rating_note\" varchar(500), \"rated_on\" varchar(10), \"rated_by_user_id\" integer)");
    await queryRunner.query("CREATE INDEX \"IDX_b30de1b3d3b0a2e985994bf0ec\" ON \"livelihood_sub_items\" (\"project_id\", \"position\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_b30de1b3d3b0a2e985994bf0ec\"");
    await queryRunner.query("DROP TABLE \"livelihood_sub_items\"");
    await queryRunner.query("DROP INDEX \"IDX_2aa5a71b778d1f15a7a0bcb9a7\"");
    await queryRunner.query("DROP INDEX \"IDX_dbc49ee76d135f3224382c8856\"");
    await queryRunner.query("DROP INDEX \"IDX_2aa54f35fe62e41999d72510e6\"");
    await queryRunner.query("DROP TABLE \"livelihood_supervision_advices\"");
    await queryRunner.query("DROP INDEX \"IDX_5364ea68b1f7fd68b5216e1fca\"");
    await queryRunner.query("DROP INDEX \"IDX_f6b1565995c050288dfac2e476\"");
    await queryRunner.query("DROP TABLE \"livelihood_inspections\"");
    await queryRunner.query("DROP INDEX \"IDX_23be3161936f4974892615eec6\"");
    await queryRunner.query("DROP INDEX \"IDX_2fc8c597281f6131f0d16baecd\"");
    await queryRunner.query("DROP TABLE \"livelihood_supervision_members\"");
    await queryRunner.query("DROP INDEX \"IDX_6c8054479621d3c3f35420f718\"");
    await queryRunner.query("DROP INDEX \"IDX_dcbc765ae84a0fc6bc481addf8\"");
    await queryRunner.query("DROP TABLE \"livelihood_supervision_groups\"");
    await queryRunner.query("DROP INDEX \"IDX_7fd05c6af4c13b295e821a1a0d\"");
    await queryRunner.query("DROP TABLE \"livelihood_public_surveys\"");
    await queryRunner.query("DROP INDEX \"IDX_2fd86d2125d8eec0739de1bcbd\"");
    await queryRunner.query("DROP TABLE \"livelihood_rating_rules\"");
  }
}
