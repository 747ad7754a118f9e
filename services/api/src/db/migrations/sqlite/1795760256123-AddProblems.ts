import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddProblems1795760256123 implements MigrationInterface {
  name = 'AddProblems1795760256123';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"problems\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"project_id\" integer NOT NULL, \"area_id\" integer NOT NULL, \"city_id\" integer NOT NULL, \"category\" varchar(16) NOT NULL, \"title\" varchar(200) NOT NULL, \"description\" varchar(2000) NOT NULL DEFAULT (''), \"owner_unit\" varchar(128) NOT NULL, \"raised_by_user_id\" integer, \"raised_by\" varchar(64) NOT NULL, \"raised_date\" varchar(10) NOT NULL, \"working_days\" integer NOT NULL, \"deadline\" varchar(10) NOT NULL, \"level\" varchar(8) NOT NULL, \"city_leader\" varchar(64), \"status\" varchar(16) NOT NULL, \"resolved_date\" varchar(10), \"days_to_resolve\" integer, \"closed_out_date\" varchar(10), \"evidence_json\" text, \"escalation_requested\" boolean NOT NULL DEFAULT (0), \"escalation_request_reason\" varchar(500), \"escalated_date\" varchar(10), \"escalation_reason\" varchar(24), \"reopen_count\" integer NOT NULL DEFAULT (0), \"meeting_id\" integer, \"version\" integer NOT NULL DEFAULT (1), \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_07a01b2b83ba3bd693ad2bd3fb\" ON \"problems\" (\"meeting_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_9e47b5ae62ed9d0f8f180a0d25\" ON \"problems\" (\"status\", \"deadline\") ");
    await queryRunner.query("CREATE INDEX \"IDX_9ac598d3876f00c1469a990ea9\" ON \"problems\" (\"project_id\", \"status\") ");
    await queryRunner.query("CREATE INDEX \"IDX_4c790aa94192c64e660eab18d4\" ON \"problems\" (\"area_id\", \"level\") ");
    await queryRunner.query("CREATE INDEX \"IDX_d9056a47648360fd2e9fbec109\" ON \"problems\" (\"area_id\", \"category\") ");
    await queryRunner.query("CREATE INDEX \"IDX_c94731420505d3c75532569e3f\" ON \"problems\" (\"area_id\", \"status\") ");
    await queryRunner.query("CREATE TABLE \"problem_notes\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"problem_id\" integer NOT NULL, \"period\" varchar(7) NOT NULL, \"note\" varchar(2000) NOT NULL, \"author\" varchar(64) NOT NULL, \"created_at\" datetime NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_9a1bd6de7b4c87623b2ac4213a\" ON \"problem_notes\" (\"problem_id\", \"period\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_9a1bd6de7b4c87623b2ac4213a\"");
    await queryRunner.query("DROP TABLE \"problem_notes\"");
    await queryRunner.query("DROP INDEX \"IDX_c94731420505d3c75532569e3f\"");
    await queryRunner.query("DROP INDEX \"IDX_d9056a47648360fd2e9fbec109\"");
    await queryRunner.query("DROP INDEX \"IDX_4c790aa94192c64e660eab18d4\"");
    await queryRunner.query("DROP INDEX \"IDX_9ac598d3876f00c1469a990ea9\"");
    await queryRunner.query("DROP INDEX \"IDX_9e47b5ae62ed9d0f8f180a0d25\"");
    await queryRunner.query("DROP INDEX \"IDX_07a01b2b83ba3bd693ad2bd3fb\"");
    await queryRunner.query("DROP TABLE \"problems\"");
  }
}
