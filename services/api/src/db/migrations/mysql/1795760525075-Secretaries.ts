import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Secretaries1795760525075 implements MigrationInterface {
  name = 'Secretaries1795760525075';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `secretaries` (`id` int NOT NULL AUTO_INCREMENT, `user_id` int NULL, `area_id` int NOT NULL, `city_id` int NOT NULL, `name` varchar(64) NOT NULL, `work_unit` varchar(128) NOT NULL, `title` varchar(64) NOT NULL DEFAULT '', `contact` varchar(200) NOT NULL DEFAULT '', `version` int NOT NULL DEFAULT '1', `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX `IDX_88d62df099ee9d56ed78df7d79` (`name`), INDEX `IDX_8e4c4cd65230258ed9e3995004` (`city_id`), INDEX `IDX_d0817e9f286b4b480614366935` (`area_id`, `name`), UNIQUE INDEX `IDX_81e71815c5d4bed8e8dae6ce73` (`user_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    await queryRunner.query("CREATE TABLE `secretary_assignments` (`id` int NOT NULL AUTO_INCREMENT, `secretary_id` int NOT NULL, `project_id` int NOT NULL, `area_id` int NOT NULL, `start_date` varchar(10) NOT NULL, `end_date` varchar(10) NULL, `team_role` varchar(8) NOT NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_4dade005539e1549f534ad2760` (`area_id`), INDEX `IDX_7961b90a925ca59dfa3b609699` (`project_id`, `start_date`), INDEX `IDX_a3765565985cce00d3f3612cc9` (`secretary_id`, `start_date`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    await queryRunner.query("CREATE TABLE `service_log_entries` (`id` int NOT NULL AUTO_INCREMENT, `secretary_id` int NOT NULL, `project_id` int NOT NULL, `area_id` int NOT NULL, `kind` varchar(16) NOT NULL, `date` varchar(10) NOT NULL, `summary` varchar(1000) NOT NULL, `recorded_by` varchar(64) NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_bf48b0db907881e5743e016b45` (`area_id`, `date`), INDEX `IDX_aad2fa7703a3ae874d537a6f03` (`secretary_id`, `date`), INDEX `IDX_31186d19466d91dda46fe6ac26` (`project_id`, `date`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    await queryRunner.query("CREATE TABLE `secretary_evaluations` (`id` int NOT NULL AUTO_INCREMENT, `secretary_id` int NOT NULL, `area_id` int NOT NULL, `period` varchar(7) NOT NULL, `score` int NOT NULL, `comments` varchar(1000) NOT NULL DEFAULT '', `evaluated_by` varchar(64) NOT NULL, `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX `IDX_da3fd6fed6b488706f22bb2174` (`area_id`, `period`), UNIQUE INDEX `IDX_807386b5e8818e8805f2bb4bdf` (`secretary_id`, `period`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_807386b5e8818e8805f2bb4bdf` ON `secretary_evaluations`");
    await queryRunner.query("DROP INDEX `IDX_da3fd6fed6b488706f22bb2174` ON `secretary_evaluations`");
    await queryRunner.query("DROP TABLE `secretary_evaluations`");
    await queryRunner.query("DROP INDEX `IDX_31186d19466d91dda46fe6ac26` ON `service_log_entries`");
    await queryRunner.query("DROP INDEX `IDX_aad2fa7703a3ae874d537a6f03` ON `service_log_entries`");
    await queryRunner.query("DROP INDEX `IDX_bf48b0db907881e5743e016b45` ON `service_log_entries`");
    await queryRunner.query("DROP TABLE `service_log_entries`");
    await queryRunner.query("DROP INDEX `IDX_a3765565985cce00d3f3612cc9` ON `secretary_assignments`");
    await queryRunner.query("DROP INDEX `IDX_7961b90a925ca59dfa3b609699` ON `secretary_assignments`");
    await queryRunner.query("DROP INDEX `IDX_4dade005539e1549f534ad2760` ON `secretary_assignments`");
    await queryRunner.query("DROP TABLE `secretary_assignments`");
    await queryRunner.query("DROP INDEX `IDX_81e71815c5d4bed8e8dae6ce73` ON `secretaries`");
    await queryRunner.query("DROP INDEX `IDX_d0817e9f286b4b480614366935` ON `secretaries`");
    await queryRunner.query("DROP INDEX `IDX_8e4c4cd65230258ed9e3995004` ON `secretaries`");
    await queryRunner.query("DROP INDEX `IDX_88d62df099ee9d56ed78df7d79` ON `secretaries`");
    await queryRunner.query("DROP TABLE `secretaries`");
  }
}
