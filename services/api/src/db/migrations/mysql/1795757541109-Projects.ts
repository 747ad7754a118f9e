import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Projects1795757541109 implements MigrationInterface {
  name = 'Projects1795757541109';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `project_lights` (`id` int NOT NULL AUTO_INCREMENT, `project_id` int NOT NULL, `area_id` int NOT NULL, `period` varchar(7) NOT NULL, `color` varchar(8) NOT NULL, `reason_code` varchar(32) NOT NULL, `reason` varchar(1000) NOT NULL, `figures` text NOT NULL, `rule_version` varchar(32) NOT NULL, `computed_at` datetime NOT NULL, `removal` varchar(16) NULL, `removal_reason` varchar(500) NULL, `removal_decided_by` varchar(64) NULL, `removal_decided_at` datetime NULL, INDEX `IDX_99087199b8faaeb580943000b2` (`period`, `color`), INDEX `IDX_5910ff1725b86834e14a0f7624` (`area_id`, `period`, `color`), UNIQUE INDEX `IDX_cd7d11cfe2ae52239842dc5561` (`project_id`, `period`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    await queryRunner.query("CREATE TABLE `light_board_publications` (`id` int NOT NULL AUTO_INCREMENT, `area_id` int NOT NULL, `period` varchar(7) NOT NULL, `published_by` varchar(64) NOT NULL, `published_at` datetime NOT NULL, UNIQUE INDEX `IDX_ef47554c970979d4f2fb5e8f24` (`area_id`, `period`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    await queryRunner.query("CREATE TABLE `project_plan_years` (`id` int NOT NULL AUTO_INCREMENT, `project_id` int NOT NULL, `year` int NOT NULL, `planned_investment` bigint NOT NULL, `planned_progress` varchar(500) NOT NULL DEFAULT '', UNIQUE INDEX `IDX_137a15eca18de36b5a1f1ebaf7` (`project_id`, `year`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    await queryRunner.query("CREATE TABLE `project_plan_months` (`id` int NOT NULL AUTO_INCREMENT, `project_id` int NOT NULL, `period` varchar(7) NOT NULL, `planned_investment` bigint NOT NULL, `planned_milestone` varchar(500) NOT NULL DEFAULT '', UNIQUE INDEX `IDX_ee826ccc8764d178ea0196ccbd` (`project_id`, `period`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    await queryRunner.query("CREATE TABLE `project_reports` (`id` int NOT NULL AUTO_INCREMENT, `project_id` int NOT NULL, `area_id` int NOT NULL, `period` varchar(7) NOT NULL, `actual_investment` bigint NOT NULL, `progress` varchar(1000) NOT NULL DEFAULT '', `reporter_user_id` int NULL, `reporter_name` varchar(64) NOT NULL, `submitted_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` int NOT NULL DEFAULT '1', INDEX `IDX_6d4b3fa5e649748d390b0adbd2` (`area_id`, `period`), UNIQUE INDEX `IDX_c4e429a9decac95c4690c24566` (`project_id`, `period`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    await queryRunner.query("CREATE TABLE `project_milestones` (`id` int NOT NULL AUTO_INCREMENT, `project_id` int NOT NULL, `name` varchar(200) NOT NULL, `start_date` varchar(10) NULL, `due_date` varchar(10) NOT NULL, `weight` int NOT NULL DEFAULT '1', `progress` int NOT NULL DEFAULT '0', `met_date` varchar(10) NULL, INDEX `IDX_a59e7e0769859735b9f5084ad1` (`project_id`, `due_date`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    await queryRunner.query("CREATE TABLE `projects` (`id` int NOT NULL AUTO_INCREMENT, `area_id` int NOT NULL, `city_id` int NOT NULL, `code` varchar(32) NOT NULL, `name` varchar(128) NOT NULL, `category` varchar(24) NOT NULL, `stage` varchar(16) NOT NULL, `total_investment` bigint NOT NULL, `construction_start` varchar(7) NOT NULL, `construction_end` varchar(7) NOT NULL, `enterprise` varchar(128) NOT NULL, `responsible_leader` varchar(64) NOT NULL, `responsible_unit` varchar(128) NOT NULL, `key_push` tinyint NOT NULL DEFAULT 0, `major_government_investment` tinyint NOT NULL DEFAULT 0, `removed_from_library` tinyint NOT NULL DEFAULT 0, `location_geo_json` text NULL, `boundary_east` varchar(200) NULL, `boundary_west` varchar(200) NULL, `boundary_south` varchar(200) NULL, `boundary_north` varchar(200) NULL, `version` int NOT NULL DEFAULT '1', `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX `IDX_f3c511bf827ce2daeb83ee3cc5` (`enterprise`), INDEX `IDX_2187088ab5ef2a918473cb9900` (`name`), INDEX `IDX_ff80428b75d7aca409edadd870` (`total_investment`), INDEX `IDX_8008efe4358d403d5fa750f155` (`stage`), INDEX `IDX_22611978869ac4a34bd7a97fc1` (`category`), INDEX `IDX_d4937a21a6605824bae98430f5` (`city_id`, `total_investment`), INDEX `IDX_8532c05bfea57764fdcacfd94a` (`area_id`, `name`), UNIQUE INDEX `IDX_d95a87318392465ab663a32cc4` (`code`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    await queryRunner.query("CREATE TABLE `project_stage_changes` (`id` int NOT NULL AUTO_INCREMENT, `project_id` int NOT NULL, `from_stage` varchar(16) NULL, `to_stage` varchar(16) NOT NULL, `reason` varchar(500) NOT NULL, `changed_by` varchar(64) NULL, `changed_at` datetime NOT NULL, INDEX `IDX_599f8280c5890fd63203e7c341` (`project_id`, `changed_at`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    await queryRunner.query("CREATE TABLE `project_assignments` (`id` int NOT NULL AUTO_INCREMENT, `user_id` int NOT NULL, `project_id` int NOT NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_55de07519449f4031e4a3a8971` (`project_id`), UNIQUE INDEX `IDX_888c09764dd8b08e8736508303` (`user_id`, `project_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_888c09764dd8b08e8736508303` ON `project_assignments`");
    await queryRunner.query("DROP INDEX `IDX_55de07519449f4031e4a3a8971` ON `project_assignments`");
    await queryRunner.query("DROP TABLE `project_assignments`");
    await queryRunner.query("DROP INDEX `IDX_599f8280c5890fd63203e7c341` ON `project_stage_changes`");
    await queryRunner.query("DROP TABLE `project_stage_changes`");
    await queryRunner.query("DROP INDEX `IDX_d95a87318392465ab663a32cc4` ON `projects`");
    await queryRunner.query("DROP INDEX `IDX_8532c05bfea57764fdcacfd94a` ON `projects`");
    await queryRunner.query("DROP INDEX `IDX_d4937a21a6605824bae98430f5` ON `projects`");
    await queryRunner.query("DROP INDEX `IDX_22611978869ac4a34bd7a97fc1` ON `projects`");
    await queryRunner.query("DROP INDEX `IDX_8008efe4358d403d5fa750f155` ON `projects`");
    await queryRunner.query("DROP INDEX `IDX_ff80428b75d7aca409edadd870` ON `projects`");
    await queryRunner.query("DROP INDEX `IDX_2187088ab5ef2a918473cb9900` ON `projects`");
    await queryRunner.query("DROP INDEX `IDX_f3c511bf827ce2daeb83ee3cc5` ON `projects`");
    await queryRunner.query("DROP TABLE `projects`");
    await queryRunner.query("DROP INDEX `IDX_a59e7e0769859735b9f5084ad1` ON `project_milestones`");
    await queryRunner.query("DROP TABLE `project_milestones`");
    await queryRunner.query("DROP INDEX `IDX_c4e429a9decac95c4690c24566` ON `project_reports`");
    await queryRunner.query("DROP INDEX `IDX_6d4b3fa5e649748d390b0adbd2` ON `project_reports`");
    await queryRunner.query("DROP TABLE `project_reports`");
    await queryRunner.query("DROP INDEX `IDX_ee826ccc8764d178ea0196ccbd` ON `project_plan_months`");
    await queryRunner.query("DROP TABLE `project_plan_months`");
    await queryRunner.query("DROP INDEX `IDX_137a15eca18de36b5a1f1ebaf7` ON `project_plan_years`");
    await queryRunner.query("DROP TABLE `project_plan_years`");
    await queryRunner.query("DROP INDEX `IDX_ef47554c970979d4f2fb5e8f24` ON `light_board_publications`");
    await queryRunner.query("DROP TABLE `light_board_publications`");
    await queryRunner.query("DROP INDEX `IDX_cd7d11cfe2ae52239842dc5561` ON `project_lights`");
    await queryRunner.query("DROP INDEX `IDX_5910ff1725b86834e14a0f7624` ON `project_lights`");
    await queryRunner.query("DROP INDEX `IDX_99087199b8faaeb580943000b2` ON `project_lights`");
    await queryRunner.query("DROP TABLE `project_lights`");
  }
}
