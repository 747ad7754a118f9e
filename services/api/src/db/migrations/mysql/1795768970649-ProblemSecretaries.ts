import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ProblemSecretaries1795768970649 implements MigrationInterface {
  name = 'ProblemSecretaries1795768970649';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `problems` ADD `secretary_id` int NULL");
    await queryRunner.query("ALTER TABLE `problems` ADD `resolved_by_secretary_id` int NULL");
    await queryRunner.query("CREATE INDEX `IDX_14d7bbebdbd0cca4d1acc617d9` ON `problems` (`secretary_id`, `status`)");
    // Problems raised before the link: the raising secretary, else the project's lead or sole secretary that day.
    await queryRunner.query("UPDATE problems SET secretary_id = (SELECT s.id FROM secretaries s WHERE s.user_id = problems.raised_by_user_id) WHERE raised_by_user_id IS NOT NULL");
    await queryRunner.query("UPDATE problems SET secretary_id = (SELECT a.secretary_id FROM secretary_assignments a WHERE a.project_id = problems.project_id AND a.team_role IN ('LEAD', 'SOLE') AND a.start_date <= problems.raised_date AND (a.end_date IS NULL OR a.end_date >= problems.raised_date) ORDER BY a.id LIMIT 1) WHERE secretary_id IS NULL");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_14d7bbebdbd0cca4d1acc617d9` ON `problems`");
    await queryRunner.query("ALTER TABLE `problems` DROP COLUMN `resolved_by_secretary_id`");
    await queryRunner.query("ALTER TABLE `problems` DROP COLUMN `secretary_id`");
  }
}
