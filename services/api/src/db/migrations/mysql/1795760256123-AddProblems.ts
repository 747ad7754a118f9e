import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddProblems1795760256123 implements MigrationInterface {
  name = 'AddProblems1795760256123';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `problems` (`id` int NOT NULL AUTO_INCREMENT, `project_id` int NOT NULL, `area_id` int NOT NULL, `city_id` int NOT NULL, `category` varchar(16) NOT NULL, `title` varchar(200) NOT NULL, `description` varchar(2000) NOT NULL DEFAULT '', `owner_unit` varchar(128) NOT NULL, `raised_by_user_id` int NULL, `raised_by` varchar(64) NOT NULL, `raised_date` varchar(10) NOT NULL, `working_days` int NOT NULL, `deadline` varchar(10) NOT NULL, `level` varchar(8) NOT NULL, `city_leader` varchar(64) NULL, `status` varchar(16) NOT NULL, `resolved_date` varchar(10) NULL, `days_to_resolve` int NULL, `closed_out_date` varchar(10) NULL, `evidence_json` text NULL, `escalation_requested` tinyint NOT NULL DEFAULT 0, `escalation_request_reason` varchar(500) NULL, `escalated_date` varchar(10) NULL, `escalation_reason` varchar(24) NULL, `reopen_count` int NOT NULL DEFAULT '0', `meeting_id` int NULL, `version` int NOT NULL DEFAULT '1', `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX `IDX_07a01b2b83ba3bd693ad2bd3fb` (`meeting_id`), INDEX `IDX_9e47b5ae62ed9d0f8f180a0d25` (`status`, `deadline`), INDEX `IDX_9ac598d3876f00c1469a990ea9` (`project_id`, `status`), INDEX `IDX_4c790aa94192c64e660eab18d4` (`area_id`, `level`), INDEX `IDX_d9056a47648360fd2e9fbec109` (`area_id`, `category`), INDEX `IDX_c94731420505d3c75532569e3f` (`area_id`, `status`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    await queryRunner.query("CREATE TABLE `problem_notes` (`id` int NOT NULL AUTO_INCREMENT, `problem_id` int NOT NULL, `period` varchar(7) NOT NULL, `note` varchar(2000) NOT NULL, `author` varchar(64) NOT NULL, `created_at` datetime NOT NULL, INDEX `IDX_9a1bd6de7b4c87623b2ac4213a` (`problem_id`, `period`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_9a1bd6de7b4c87623b2ac4213a` ON `problem_notes`");
    await queryRunner.query("DROP TABLE `problem_notes`");
    await queryRunner.query("DROP INDEX `IDX_c94731420505d3c75532569e3f` ON `problems`");
    await queryRunner.query("DROP INDEX `IDX_d9056a47648360fd2e9fbec109` ON `problems`");
    await queryRunner.query("DROP INDEX `IDX_4c790aa94192c64e660eab18d4` ON `problems`");
    await queryRunner.query("DROP INDEX `IDX_9ac598d3876f00c1469a990ea9` ON `problems`");
    await queryRunner.query("DROP INDEX `IDX_9e47b5ae62ed9d0f8f180a0d25` ON `problems`");
    await queryRunner.query("DROP INDEX `IDX_07a01b2b83ba3bd693ad2bd3fb` ON `problems`");
    await queryRunner.query("DROP TABLE `problems`");
  }
}
