import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Notices1796637796516 implements MigrationInterface {
  name = 'Notices1796637796516';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `notices` (`id` int NOT NULL AUTO_INCREMENT, `user_id` int NOT NULL, `kind` varchar(32) NOT NULL, `title` varchar(200) NOT NULL, `body` varchar(1000) NOT NULL, `record_type` varchar(32) NOT NULL, `record_id` varchar(64) NOT NULL, `link` varchar(300) NOT NULL, `area_id` int NULL, `dedupe_key` varchar(160) NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `read_at` datetime NULL, `dispatched_at` datetime NULL, `outbound` tinyint NOT NULL DEFAULT 1, `lease_owner` varchar(64) NULL, `lease_until` datetime NULL, INDEX `IDX_c30aac3a0a28f4dc5f12ca2e8a` (`dispatched_at`, `lease_until`), INDEX `IDX_e36ad6faf47e736a38826d58fa` (`user_id`, `read_at`), INDEX `IDX_c7fa265c58eca0ea2b5ed76f4d` (`user_id`, `created_at`), UNIQUE INDEX `IDX_70e7a2f3a19f2ef2872c9b4d67` (`dedupe_key`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    await queryRunner.query("CREATE TABLE `notice_preferences` (`user_id` int NOT NULL, `kind` varchar(32) NOT NULL, `inbox` tinyint NOT NULL DEFAULT 1, `outbound` tinyint NOT NULL DEFAULT 1, PRIMARY KEY (`user_id`, `kind`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    await queryRunner.query("CREATE TABLE `notice_channels` (`id` int NOT NULL AUTO_INCREMENT, `kind` varchar(16) NOT NULL, `name` varchar(64) NOT NULL, `url` varchar(500) NOT NULL, `secret` varchar(128) NOT NULL, `enabled` tinyint NOT NULL DEFAULT 1, `max_attempts` int NOT NULL, `area_id` int NOT NULL, `created_by` varchar(64) NOT NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX `IDX_bd42bac41cc1c17abaf5b03797` (`area_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    await queryRunner.query("CREATE TABLE `notice_deliveries` (`id` int NOT NULL AUTO_INCREMENT, `notice_id` int NOT NULL, `channel_id` int NOT NULL, `status` varchar(8) NOT NULL, `attempts` int NOT NULL DEFAULT '0', `next_attempt_at` datetime NOT NULL, `last_error` varchar(500) NULL, `delivered_at` datetime NULL, `lease_owner` varchar(64) NULL, `lease_until` datetime NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX `IDX_b7893c474d388ec9cabb3cade6` (`notice_id`, `channel_id`), INDEX `IDX_815a8269ea6e9bcaf49b1dbecf` (`channel_id`, `status`), INDEX `IDX_8c1e82705530e0d8e99a6ec24a` (`status`, `next_attempt_at`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    await queryRunner.query("CREATE TABLE `notice_attempts` (`id` int NOT NULL AUTO_INCREMENT, `delivery_id` int NOT NULL, `attempt` int NOT NULL, `at` datetime NOT NULL, `http_status` int NULL, `ok` tinyint NOT NULL, `error` varchar(500) NULL, `duration_ms` int NOT NULL, INDEX `IDX_361bb0be2debfde0dc54a5f3f8` (`delivery_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_361bb0be2debfde0dc54a5f3f8` ON `notice_attempts`");
    await queryRunner.query("DROP TABLE `notice_attempts`");
    await queryRunner.query("DROP INDEX `IDX_8c1e82705530e0d8e99a6ec24a` ON `notice_deliveries`");
    await queryRunner.query("DROP INDEX `IDX_815a8269ea6e9bcaf49b1dbecf` ON `notice_deliveries`");
    await queryRunner.query("DROP INDEX `IDX_b7893c474d388ec9cabb3cade6` ON `notice_deliveries`");
    await queryRunner.query("DROP TABLE `notice_deliveries`");
    await queryRunner.query("DROP INDEX `IDX_bd42bac41cc1c17abaf5b03797` ON `notice_channels`");
    await queryRunner.query("DROP TABLE `notice_channels`");
    await queryRunner.query("DROP TABLE `notice_preferences`");
    await queryRunner.query("DROP INDEX `IDX_70e7a2f3a19f2ef2872c9b4d67` ON `notices`");
    await queryRunner.query("DROP INDEX `IDX_c7fa265c58eca0ea2b5ed76f4d` ON `notices`");
    await queryRunner.query("DROP INDEX `IDX_e36ad6faf47e736a38826d58fa` ON `notices`");
    await queryRunner.query("DROP INDEX `IDX_c30aac3a0a28f4dc5f12ca2e8a` ON `notices`");
    await queryRunner.query("DROP TABLE `notices`");
  }
}
