import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Livelihood1795757656002 implements MigrationInterface {
  name = 'Livelihood1795757656002';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `livelihood_participation` (`round_id` int NOT NULL, `user_id` int NOT NULL, `method` varchar(12) NOT NULL, PRIMARY KEY (`round_id`, `user_id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    await queryRunner.query("CREATE TABLE `livelihood_ballots` (`receipt_code` varchar(24) NOT NULL, `round_id` int NOT NULL, `choices` varchar(1000) NOT NULL, `source` varchar(12) NOT NULL, `ballot_hash` varchar(64) NOT NULL, `prev_hash` varchar(64) NULL, `chain_hash` varchar(64) NULL, INDEX `IDX_eb0fa846bf3ad8fd5fd01f6579` (`round_id`, `receipt_code`), PRIMARY KEY (`receipt_code`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    await queryRunner.query("CREATE TABLE `livelihood_evaluation_participation` (`evaluation_id` int NOT NULL, `user_id` int NOT NULL, PRIMARY KEY (`evaluation_id`, `user_id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    await queryRunner.query("CREATE TABLE `livelihood_evaluation_ballots` (`receipt_code` varchar(24) NOT NULL, `evaluation_id` int NOT NULL, `ratings` varchar(2000) NOT NULL, `ballot_hash` varchar(64) NOT NULL, `prev_hash` varchar(64) NULL, `chain_hash` varchar(64) NULL, INDEX `IDX_7768844b4219b63604d53b6e0c` (`evaluation_id`, `receipt_code`), PRIMARY KEY (`receipt_code`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    await queryRunner.query("CREATE TABLE `livelihood_sessions` (`id` int NOT NULL AUTO_INCREMENT, `area_id` int NOT NULL, `name` varchar(128) NOT NULL, `meeting_date` varchar(10) NOT NULL, `seats` int NOT NULL, `opens_at` datetime NULL, `closes_at` datetime NULL, `status` varchar(16) NOT NULL, `current_round` int NOT NULL DEFAULT '0', `fingerprint` varchar(64) NULL, `version` int NOT NULL DEFAULT '1', `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_5c74fc6d47285799196caf5114` (`area_id`, `meeting_date`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    await queryRunner.query("CREATE TABLE `livelihood_candidates` (`id` int NOT NULL AUTO_INCREMENT, `session_id` int NOT NULL, `position` int NOT NULL, `name` varchar(200) NOT NULL, `description` text NOT NULL, `lead_department` varchar(100) NULL, `target_quantity` bigint NULL, `unit` varchar(32) NULL, `estimated_cost` bigint NULL, `proposal_ids` varchar(255) NOT NULL DEFAULT '', `adopted` tinyint NOT NULL DEFAULT 0, `adopted_in_round` int NULL, UNIQUE INDEX `IDX_3acbd1158a71e26dd4a504910b` (`session_id`, `position`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    await queryRunner.query("CREATE TABLE `livelihood_roster` (`id` int NOT NULL AUTO_INCREMENT, `session_id` int NOT NULL, `user_id` int NOT NULL, `name` varchar(64) NOT NULL, `delegation` varchar(64) NOT NULL, `scrutineer` tinyint NOT NULL DEFAULT 0, `checked_in_at` datetime NULL, INDEX `IDX_a403a07cfec10004bc8b97160e` (`user_id`), UNIQUE INDEX `IDX_ea030b7254f24ab759e934964f` (`session_id`, `user_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    await queryRunner.query("CREATE TABLE `livelihood_rounds` (`id` int NOT NULL AUTO_INCREMENT, `session_id` int NOT NULL, `number` int NOT NULL, `seats` int NOT NULL, `candidate_ids` varchar(1000) NOT NULL, `roster_size` int NOT NULL, `fingerprint` varchar(64) NOT NULL, `canonical` text NOT NULL, `status` varchar(8) NOT NULL, `opened_at` datetime NOT NULL, `closed_at` datetime NULL, `digest` varchar(64) NOT NULL, `paper_issued` int NOT NULL DEFAULT '0', `chain_head` varchar(64) NULL, `result` text NULL, UNIQUE INDEX `IDX_1655c725d9fc8f32b94339a629` (`session_id`, `number`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    await queryRunner.query("CREATE TABLE `livelihood_projects` (`id` int NOT NULL AUTO_INCREMENT, `session_id` int NOT NULL, `candidate_id` int NOT NULL, `area_id` int NOT NULL, `year` int NOT NULL, `name` varchar(200) NOT NULL, `lead_department` varchar(100) NOT NULL, `target_quantity` bigint NOT NULL, `unit` varchar(32) NOT NULL, `status` varchar(16) NOT NULL, `completed_on` varchar(10) NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_bc2880cca7d542f9c01fd32a15` (`session_id`), INDEX `IDX_345a6826931e15aaa9e3ab42d8` (`area_id`, `year`), UNIQUE INDEX `IDX_f864e7c46f5f72bc2c39ca01e3` (`candidate_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    await queryRunner.query("CREATE TABLE `livelihood_milestones` (`id` int NOT NULL AUTO_INCREMENT, `project_id` int NOT NULL, `name` varchar(200) NOT NULL, `due_date` varchar(10) NOT NULL, `done_date` varchar(10) NULL, INDEX `IDX_a7478119feef9a883085ac7177` (`project_id`, `due_date`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    await queryRunner.query("CREATE TABLE `livelihood_progress` (`id` int NOT NULL AUTO_INCREMENT, `project_id` int NOT NULL, `period` varchar(7) NOT NULL, `quantity_done` bigint NOT NULL, `note` varchar(500) NOT NULL, `reported_by_user_id` int NULL, `reported_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX `IDX_fd033a3137984c2ff5a4416dd2` (`project_id`, `period`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    await queryRunner.query("CREATE TABLE `livelihood_evaluations` (`id` int NOT NULL AUTO_INCREMENT, `session_id` int NOT NULL, `year` int NOT NULL, `project_ids` varchar(1000) NOT NULL, `roster_size` int NOT NULL, `fingerprint` varchar(64) NOT NULL, `canonical` text NOT NULL, `status` varchar(8) NOT NULL, `opened_at` datetime NOT NULL, `closed_at` datetime NULL, `digest` varchar(64) NOT NULL, `chain_head` varchar(64) NULL, `result` text NULL, UNIQUE INDEX `IDX_e9eec2231aea474730110083ad` (`session_id`, `year`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    await queryRunner.query("CREATE TABLE `livelihood_proposals` (`id` int NOT NULL AUTO_INCREMENT, `area_id` int NOT NULL, `district_id` int NULL, `title` varchar(200) NOT NULL, `description` text NOT NULL, `category` varchar(24) NOT NULL, `estimated_cost` bigint NULL, `source` varchar(16) NOT NULL, `submitter_user_id` int NULL, `submitter_name` varchar(64) NULL, `contact` varchar(64) NULL, `tracking_code` varchar(16) NOT NULL, `status` varchar(16) NOT NULL, `reason_code` varchar(32) NULL, `reason_note` varchar(500) NULL, `merged_into_id` int NULL, `screened_at` datetime NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_5bb2a4618c5737feb65bb250c3` (`submitter_user_id`), INDEX `IDX_fbd75b8ec0778a56f8ace27773` (`area_id`, `status`, `id`), UNIQUE INDEX `IDX_cad6b136d6a24168a31e3606c8` (`tracking_code`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_cad6b136d6a24168a31e3606c8` ON `livelihood_proposals`");
    await queryRunner.query("DROP INDEX `IDX_fbd75b8ec0778a56f8ace27773` ON `livelihood_proposals`");
    await queryRunner.query("DROP INDEX `IDX_5bb2a4618c5737feb65bb250c3` ON `livelihood_proposals`");
    await queryRunner.query("DROP TABLE `livelihood_proposals`");
    await queryRunner.query("DROP INDEX `IDX_e9eec2231aea474730110083ad` ON `livelihood_evaluations`");
    await queryRunner.query("DROP TABLE `livelihood_evaluations`");
    await queryRunner.query("DROP INDEX `IDX_fd033a3137984c2ff5a4416dd2` ON `livelihood_progress`");
    await queryRunner.query("DROP TABLE `livelihood_progress`");
    await queryRunner.query("DROP INDEX `IDX_a7478119feef9a883085ac7177` ON `livelihood_milestones`");
    await queryRunner.query("DROP TABLE `livelihood_milestones`");
    await queryRunner.query("DROP INDEX `IDX_f864e7c46f5f72bc2c39ca01e3` ON `livelihood_projects`");
    await queryRunner.query("DROP INDEX `IDX_345a6826931e15aaa9e3ab42d8` ON `livelihood_projects`");
    await queryRunner.query("DROP INDEX `IDX_bc2880cca7d542f9c01fd32a15` ON `livelihood_projects`");
    await queryRunner.query("DROP TABLE `livelihood_projects`");
    await queryRunner.query("DROP INDEX `IDX_1655c725d9fc8f32b94339a629` ON `livelihood_rounds`");
    await queryRunner.query("DROP TABLE `livelihood_rounds`");
    await queryRunner.query("DROP INDEX `IDX_ea030b7254f24ab759e934964f` ON `livelihood_roster`");
    await queryRunner.query("DROP INDEX `IDX_a403a07cfec10004bc8b97160e` ON `livelihood_roster`");
    await queryRunner.query("DROP TABLE `livelihood_roster`");
    await queryRunner.query("DROP INDEX `IDX_3acbd1158a71e26dd4a504910b` ON `livelihood_candidates`");
    await queryRunner.query("DROP TABLE `livelihood_candidates`");
    await queryRunner.query("DROP INDEX `IDX_5c74fc6d47285799196caf5114` ON `livelihood_sessions`");
    await queryRunner.query("DROP TABLE `livelihood_sessions`");
    await queryRunner.query("DROP INDEX `IDX_7768844b4219b63604d53b6e0c` ON `livelihood_evaluation_ballots`");
    await queryRunner.query("DROP TABLE `livelihood_evaluation_ballots`");
    await queryRunner.query("DROP TABLE `livelihood_evaluation_participation`");
    await queryRunner.query("DROP INDEX `IDX_eb0fa846bf3ad8fd5fd01f6579` ON `livelihood_ballots`");
    await queryRunner.query("DROP TABLE `livelihood_ballots`");
    await queryRunner.query("DROP TABLE `livelihood_participation`");
  }
}
