import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1795386761913 implements MigrationInterface {
  name = 'Foundation1795386761913';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `audit_records` (`id` int NOT NULL AUTO_INCREMENT, `at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `actor_user_id` int NULL, `actor_username` varchar(64) NULL, `action` varchar(64) NOT NULL, `entity_type` varchar(48) NOT NULL, `entity_id` varchar(64) NULL, `area_id` int NULL, `before` text NULL, `after` text NULL, `request_id` varchar(64) NULL, INDEX `IDX_a4e9ae2309582ed13ccd190c54` (`actor_user_id`, `id`), INDEX `IDX_ab2068e75af4bae070fce4bfd2` (`entity_type`, `entity_id`), INDEX `IDX_22888a71aa18c080e6027d084f` (`area_id`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    await queryRunner.query("CREATE TABLE `users` (`id` int NOT NULL AUTO_INCREMENT, `username` varchar(64) NOT NULL, `display_name` varchar(64) NOT NULL, `password_hash` varchar(255) NOT NULL, `role` varchar(16) NOT NULL, `area_id` int NOT NULL, `active` tinyint NOT NULL DEFAULT 1, `failed_logins` int NOT NULL DEFAULT '0', `locked_until` datetime NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX `IDX_bb8cbcf3ff9a3a987b63a76313` (`area_id`), UNIQUE INDEX `IDX_fe0bb3f6520ee0469504521e71` (`username`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    await queryRunner.query("CREATE TABLE `areas` (`id` int NOT NULL AUTO_INCREMENT, `parent_id` int NULL, `level` varchar(16) NOT NULL, `kind` varchar(24) NOT NULL, `name` varchar(64) NOT NULL, `code` varchar(12) NULL, `path` varchar(255) NOT NULL, `sort_order` int NOT NULL DEFAULT '0', INDEX `IDX_6ae3f9e22eaa09b813dcbbdae2` (`level`), INDEX `IDX_599263d2564511617646d01cb3` (`path`), INDEX `IDX_0b7e807af410e5ea234cc1a734` (`parent_id`, `sort_order`), UNIQUE INDEX `IDX_1ce4e4f7cd8d820081bc74aa16` (`code`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    await queryRunner.query("CREATE TABLE `sessions` (`id` int NOT NULL AUTO_INCREMENT, `user_id` int NOT NULL, `token_hash` varchar(64) NOT NULL, `kind` varchar(8) NOT NULL, `name` varchar(100) NULL, `read_only` tinyint NOT NULL DEFAULT 0, `area_id` int NULL, `created_by_user_id` int NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `expires_at` datetime NULL, `revoked_at` datetime NULL, `last_used_at` datetime NULL, INDEX `IDX_24cec95225c0a7353aeaf09073` (`kind`, `created_by_user_id`), INDEX `IDX_085d540d9f418cfbdc7bd55bb1` (`user_id`), UNIQUE INDEX `IDX_abaa9e068cdd390bc5210f7988` (`token_hash`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    await queryRunner.query("CREATE TABLE `city_settings` (`city_id` int NOT NULL, `library_threshold` bigint NOT NULL, `light_rule` varchar(16) NOT NULL, `report_deadline_day` int NOT NULL DEFAULT '5', `light_tolerance_percent` int NOT NULL DEFAULT '0', `no_contact_days` int NOT NULL DEFAULT '30', `ranking_weights` text NOT NULL, PRIMARY KEY (`city_id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE `city_settings`");
    await queryRunner.query("DROP INDEX `IDX_abaa9e068cdd390bc5210f7988` ON `sessions`");
    await queryRunner.query("DROP INDEX `IDX_085d540d9f418cfbdc7bd55bb1` ON `sessions`");
    await queryRunner.query("DROP INDEX `IDX_24cec95225c0a7353aeaf09073` ON `sessions`");
    await queryRunner.query("DROP TABLE `sessions`");
    await queryRunner.query("DROP INDEX `IDX_1ce4e4f7cd8d820081bc74aa16` ON `areas`");
    await queryRunner.query("DROP INDEX `IDX_0b7e807af410e5ea234cc1a734` ON `areas`");
    await queryRunner.query("DROP INDEX `IDX_599263d2564511617646d01cb3` ON `areas`");
    await queryRunner.query("DROP INDEX `IDX_6ae3f9e22eaa09b813dcbbdae2` ON `areas`");
    await queryRunner.query("DROP TABLE `areas`");
    await queryRunner.query("DROP INDEX `IDX_fe0bb3f6520ee0469504521e71` ON `users`");
    await queryRunner.query("DROP INDEX `IDX_bb8cbcf3ff9a3a987b63a76313` ON `users`");
    await queryRunner.query("DROP TABLE `users`");
    await queryRunner.query("DROP INDEX `IDX_22888a71aa18c080e6027d084f` ON `audit_records`");
    await queryRunner.query("DROP INDEX `IDX_ab2068e75af4bae070fce4bfd2` ON `audit_records`");
    await queryRunner.query("DROP INDEX `IDX_a4e9ae2309582ed13ccd190c54` ON `audit_records`");
    await queryRunner.query("DROP TABLE `audit_records`");
  }
}
