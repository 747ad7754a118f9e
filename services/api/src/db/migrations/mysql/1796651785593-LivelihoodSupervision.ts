import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LivelihoodSupervision1796651785593 implements MigrationInterface {
  name = 'LivelihoodSupervision1796651785593';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `livelihood_rating_rules` (`id` int NOT NULL AUTO_INCREMENT, `area_id` int NOT NULL, `session_id` int NOT NULL DEFAULT '0', `delegate_weight` int NOT NULL, `public_weight` int NOT NULL, `satisfied_from` int NOT NULL, `basic_from` int NOT NULL, `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX `IDX_2fd86d2125d8eec0739de1bcbd` (`area_id`, `session_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    await queryRunner.query("CREATE TABLE `livelihood_public_surveys` (`id` int NOT NULL AUTO_INCREMENT, `evaluation_id` int NOT NULL, `project_id` int NOT NULL, `satisfied` int NOT NULL, `basic` int NOT NULL, `unsatisfied` int NOT NULL, `source` varchar(200) NOT NULL, `recorded_by_user_id` int NOT NULL, `recorded_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX `IDX_7fd05c6af4c13b295e821a1a0d` (`evaluation_id`, `project_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    await queryRunner.query("CREATE TABLE `livelihood_supervision_groups` (`id` int NOT NULL AUTO_INCREMENT, `project_id` int NOT NULL, `area_id` int NOT NULL, `name` varchar(64) NOT NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_dcbc765ae84a0fc6bc481addf8` (`area_id`), UNIQUE INDEX `IDX_6c8054479621d3c3f35420f718` (`project_id`, `name`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    await queryRunner.query("CREATE TABLE `livelihood_supervision_members` (`id` int NOT NULL AUTO_INCREMENT, `group_id` int NOT NULL, `user_id` int NOT NULL, `name` varchar(64) NOT NULL, `delegation` varchar(64) NOT NULL, `leader` tinyint NOT NULL DEFAULT 0, INDEX `IDX_2fc8c597281f6131f0d16baecd` (`user_id`), UNIQUE INDEX `IDX_23be3161936f4974892615eec6` (`group_id`, `user_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    await queryRunner.query("CREATE TABLE `livelihood_inspections` (`id` int NOT NULL AUTO_INCREMENT, `group_id` int NOT NULL, `project_id` int NOT NULL, `area_id` int NOT NULL, `inspected_on` varchar(10) NOT NULL, `place` varchar(200) NOT NULL, `findings` text NOT NULL, `recorded_by_user_id` int NOT NULL, `recorded_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_f6b1565995c050288dfac2e476` (`group_id`), INDEX `IDX_5364ea68b1f7fd68b5216e1fca` (`project_id`, `inspected_on`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    await queryRunner.query("CREATE TABLE `livelihood_supervision_advices` (`id` int NOT NULL AUTO_INCREMENT, `inspection_id` int NOT NULL, `project_id` int NOT NULL, `area_id` int NOT NULL, `content` varchar(500) NOT NULL, `department` varchar(100) NOT NULL, `issued_on` varchar(10) NOT NULL, `working_days` int NOT NULL, `due_date` varchar(10) NOT NULL, `answer` text NULL, `answered_on` varchar(10) NULL, `answered_by` varchar(100) NULL, `answered_by_user_id` int NULL, INDEX `IDX_2aa54f35fe62e41999d72510e6` (`inspection_id`), INDEX `IDX_dbc49ee76d135f3224382c8856` (`project_id`), INDEX `IDX_2aa5a71b778d1f15a7a0bcb9a7` (`area_id`, `due_date`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    await queryRunner.query("CREATE TABLE `livelihood_sub_items` (`id` int NOT NULL AUTO_INCREMENT, `project_id` int NOT NULL, `area_id` int NOT NULL, `position` int NOT NULL, `name` varchar(200) NOT NULL, `delegation` varchar(64) NOT NULL, `target_quantity` bigint NOT NULL, `done_quantity` bigint NOT NULL, `unit` varchar(32) NOT NULL, `progress_note` varchar(500) NULL, `progress_on` varchar(10) NULL, `rating` varchar(24) NULL, `rating_note` varchar(500) NULL, `rated_on` varchar(10) NULL, `rated_by_user_id` int NULL, INDEX `IDX_b30de1b3d3b0a2e985994bf0ec` (`project_id`, `position`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_b30de1b3d3b0a2e985994bf0ec` ON `livelihood_sub_items`");
    await queryRunner.query("DROP TABLE `livelihood_sub_items`");
    await queryRunner.query("DROP INDEX `IDX_2aa5a71b778d1f15a7a0bcb9a7` ON `livelihood_supervision_advices`");
    await queryRunner.query("DROP INDEX `IDX_dbc49ee76d135f3224382c8856` ON `livelihood_supervision_advices`");
    await queryRunner.query("DROP INDEX `IDX_2aa54f35fe62e41999d72510e6` ON `livelihood_supervision_advices`");
    await queryRunner.query("DROP TABLE `livelihood_supervision_advices`");
    await queryRunner.query("DROP INDEX `IDX_5364ea68b1f7fd68b5216e1fca` ON `livelihood_inspections`");
    await queryRunner.query("DROP INDEX `IDX_f6b1565995c050288dfac2e476` ON `livelihood_inspections`");
    await queryRunner.query("DROP TABLE `livelihood_inspections`");
    await queryRunner.query("DROP INDEX `IDX_23be3161936f4974892615eec6` ON `livelihood_supervision_members`");
    await queryRunner.query("DROP INDEX `IDX_2fc8c597281f6131f0d16baecd` ON `livelihood_supervision_members`");
    await queryRunner.query("DROP TABLE `livelihood_supervision_members`");
    await queryRunner.query("DROP INDEX `IDX_6c8054479621d3c3f35420f718` ON `livelihood_supervision_groups`");
    await queryRunner.query("DROP INDEX `IDX_dcbc765ae84a0fc6bc481addf8` ON `livelihood_supervision_groups`");
    await queryRunner.query("DROP TABLE `livelihood_supervision_groups`");
    await queryRunner.query("DROP INDEX `IDX_7fd05c6af4c13b295e821a1a0d` ON `livelihood_public_surveys`");
    await queryRunner.query("DROP TABLE `livelihood_public_surveys`");
    await queryRunner.query("DROP INDEX `IDX_2fd86d2125d8eec0739de1bcbd` ON `livelihood_rating_rules`");
    await queryRunner.query("DROP TABLE `livelihood_rating_rules`");
  }
}
