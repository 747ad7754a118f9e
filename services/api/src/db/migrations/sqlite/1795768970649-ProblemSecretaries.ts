import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ProblemSecretaries1795768970649 implements MigrationInterface {
  name = 'ProblemSecretaries1795768970649';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_c94731420505d3c75532569e3f\"");
    await queryRunner.query("DROP INDEX \"IDX_d9056a47648360fd2e9fbec109\"");
    await queryRunner.query("DROP INDEX \"IDX_4c790aa94192c64e660eab18d4\"");
    await queryRunner.query("DROP INDEX \"IDX_9ac598d3876f00c1469a990ea9\"");
    await queryRunner.query("DROP INDEX \"IDX_9e47b5ae62ed9d0f8f180a0d25\"");
    await queryRunner.query("DROP INDEX \"IDX_07a01b2b83ba3bd693ad2bd3fb\"");
    await queryRunner.query("CREATE TABLE \"temporary_problems\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"project_id\" integer NOT NULL, \"area_id\" integer NOT NULL, \"city_id\" integer NOT NULL, \"category\" varchar(16) NOT NULL, \"title\" varchar(200) NOT NULL, \"description\" varchar(2000) NOT NULL DEFAULT (''), \"owner_unit\" varchar(128) NOT NULL, \"raised_by_user_id\" integer, \"raised_by\" varchar(64) NOT NULL, \"raised_date\" varchar(10) NOT NULL, \"working_days\" integer NOT NULL, \"deadline\" varchar(10) NOT NULL, \"level\" varchar(8) NOT NULL, \"city_leader\" varchar(64), \"status\" varchar(16) NOT NULL, \"resolved_date\" varchar(10), \"days_to_resolve\" integer, \"closed_out_date\" varchar(10), \"evidence_json\" text, \"escalation_requested\" boolean NOT NULL DEFAULT (0), \"escalation_request_reason\" varchar(500), \"escalated_date\" varchar(10), \"escalation_reason\" varchar(24), \"reopen_count\" integer NOT NULL DEFAULT (0), \"meeting_id\" integer, \"version\" integer NOT NULL DEFAULT (1), \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')), \"secretary_id\" integer, \"resolved_by_secretary_id\" integer)");
    await queryRunner.query("INSERT INTO \"temporary_problems\"(\"id\", \"project_id\", \"area_id\", \"city_id\", \"category\", \"title\", \"description\", \"owner_unit\", \"raised_by_user_id\", \"raised_by\", \"raised_date\", \"working_days\", \"deadline\", \"level\", \"city_leader\", \"status\", \"resolved_date\", \"days_to_resolve\", \"closed_out_date\", \"evidence_json\", \"escalation_requested\", \"escalation_request_reason\", \"escalated_date\", \"escalation_reason\", \"reopen_count\", \"meeting_id\", \"version\", \"created_at\", \"updated_at\") SELECT \"id\", \"project_id\", \"area_id\", \"city_id\", \"category\", \"title\", \"description\", \"owner_unit\", \"raised_by_user_id\", \"raised_by\", \"raised_date\", \"working_days\", \"deadline\", \"level\", \"city_leader\", \"status\", \"resolved_date\", \"days_to_resolve\", \"closed_out_date\", \"evidence_json\", \"escalation_requested\", \"escalation_request_reason\", \"escalated_date\", \"escalation_reason\", \"reopen_count\", \"meeting_id\", \"version\", \"created_at\", \"updated_at\" FROM \"problems\"");
    await queryRunner.query("DROP TABLE \"problems\"");
    await queryRunner.query("ALTER TABLE \"temporary_problems\" RENAME TO \"problems\"");
    await queryRunner.query("CREATE INDEX \"IDX_c94731420505d3c75532569e3f\" ON \"problems\" (\"area_id\", \"status\") ");
    await queryRunner.query("CREATE INDEX \"IDX_d9056a47648360fd2e9fbec109\" ON \"problems\" (\"area_id\", \"category\") ");
    await queryRunner.query("CREATE INDEX \"IDX_4c790aa94192c64e660eab18d4\" ON \"problems\" (\"area_id\", \"level\") ");
    await queryRunner.query("CREATE INDEX \"IDX_9ac598d3876f00c1469a990ea9\" ON \"problems\" (\"project_id\", \"status\") ");
    await queryRunner.query("CREATE INDEX \"IDX_9e47b5ae62ed9d0f8f180a0d25\" ON \"problems\" (\"status\", \"deadline\") ");
    await queryRunner.query("CREATE INDEX \"IDX_07a01b2b83ba3bd693ad2bd3fb\" ON \"problems\" (\"meeting_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_14d7bbebdbd0cca4d1acc617d9\" ON \"problems\" (\"secretary_id\", \"status\") ");
    // Problems raised before the link: the raising secretary, else the project's lead or sole secretary that day.
    await queryRunner.query("UPDATE problems SET secretary_id = (SELECT s.id FROM secretaries s WHERE s.user_id = problems.raised_by_user_id) WHERE raised_by_user_id IS NOT NULL");
    await queryRunner.query("UPDATE problems SET secretary_id = (SELECT a.secretary_id FROM secretary_assignments a WHERE a.project_id = problems.project_id AND a.team_role IN ('LEAD', 'SOLE') AND a.start_date <= problems.raised_date AND (a.end_date IS NULL OR a.end_date >= problems.raised_date) ORDER BY a.id LIMIT 1) WHERE secretary_id IS NULL");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_14d7bbebdbd0cca4d1acc617d9\"");
    await queryRunner.query("DROP INDEX \"IDX_07a01b2b83ba3bd693ad2bd3fb\"");
    await queryRunner.query("DROP INDEX \"IDX_9e47b5ae62ed9d0f8f180a0d25\"");
    await queryRunner.query("DROP INDEX \"IDX_9ac598d3876f00c1469a990ea9\"");
    await queryRunner.query("DROP INDEX \"IDX_4c790aa94192c64e660eab18d4\"");
    await queryRunner.query("DROP INDEX \"IDX_d9056a47648360fd2e9fbec109\"");
    await queryRunner.query("DROP INDEX \"IDX_c94731420505d3c75532569e3f\"");
    await queryRunner.query("ALTER TABLE \"problems\" RENAME TO \"temporary_problems\"");
    await queryRunner.query("CREATE TABLE \"problems\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"project_id\" integer NOT NULL, \"area_id\" integer NOT NULL, \"city_id\" integer NOT NULL, \"category\" varchar(16) NOT NULL, \"title\" varchar(200) NOT NULL, \"description\" varchar(2000) NOT NULL DEFAULT (''), \"owner_unit\" varchar(128) NOT NULL, \"raised_by_user_id\" integer, \"raised_by\" varchar(64) NOT NULL, \"raised_date\" varchar(10) NOT NULL, \"working_days\" integer NOT NULL, \"deadline\" varchar(10) NOT NULL, \"level\" varchar(8) NOT NULL, \"city_leader\" varchar(64), \"status\" varchar(16) NOT NULL, \"resolved_date\" varchar(10), \"days_to_resolve\" integer, \"closed_out_date\" varchar(10), \"evidence_json\" text, \"escalation_requested\" boolean NOT NULL DEFAULT (0), \"escalation_request_reason\" varchar(500), \"escalated_date\" varchar(10), \"escalation_reason\" varchar(24), \"reopen_count\" integer NOT NULL DEFAULT (0), \"meeting_id\" integer, \"version\" integer NOT NULL DEFAULT (1), \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("INSERT INTO \"problems\"(\"id\", \"project_id\", \"area_id\", \"city_id\", \"category\", \"title\", \"description\", \"owner_unit\", \"raised_by_user_id\", \"raised_by\", \"raised_date\", \"working_days\", \"deadline\", \"level\", \"city_leader\", \"status\", \"resolved_date\", \"days_to_resolve\", \"closed_out_date\", \"evidence_json\", \"escalation_requested\", \"escalation_request_reason\", \"escalated_date\", \"escalation_reason\", \"reopen_count\", \"meeting_id\", \"version\", \"created_at\", \"updated_at\") SELECT \"id\", \"project_id\", \"area_id\", \"city_id\", \"category\", \"title\", \"description\", \"owner_unit\", \"raised_by_user_id\", \"raised_by\", \"raised_date\", \"working_days\", \"deadline\", \"level\", \"city_leader\", \"status\", \"resolved_date\", \"days_to_resolve\", \"closed_out_date\", \"evidence_json\", \"escalation_requested\", \"escalation_request_reason\", \"escalated_date\", \"escalation_reason\", \"reopen_count\", \"meeting_id\", \"version\", \"created_at\", \"updated_at\" FROM \"temporary_problems\"");
    await queryRunner.query("DROP TABLE \"temporary_problems\"");
    await queryRunner.query("CREATE INDEX \"IDX_07a01b2b83ba3bd693ad2bd3fb\" ON \"problems\" (\"meeting_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_9e47b5ae62ed9d0f8f180a0d25\" ON \"problems\" (\"status\", \"deadline\") ");
    await queryRunner.query("CREATE INDEX \"IDX_9ac598d3876f00c1469a990ea9\" ON \"problems\" (\"project_id\", \"status\") ");
    await queryRunner.query("CREATE INDEX \"IDX_4c790aa94192c64e660eab18d4\" ON \"problems\" (\"area_id\", \"level\") ");
    await queryRunner.query("CREATE INDEX \"IDX_d9056a47648360fd2e9fbec109\" ON \"problems\" (\"area_id\", \"category\") ");
    await queryRunner.query("CREATE INDEX \"IDX_c94731420505d3c75532569e3f\" ON \"problems\" (\"area_id\", \"status\") ");
  }
}
