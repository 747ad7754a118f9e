import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Identity1796625244135 implements MigrationInterface {
  name = 'Identity1796625244135';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `recovery_codes` (`id` int NOT NULL AUTO_INCREMENT, `user_id` int NOT NULL, `code_hash` varchar(64) NOT NULL, `used_at` datetime NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX `IDX_d07c335ded337e58c4f36f234d` (`user_id`, `code_hash`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    await queryRunner.query("ALTER TABLE `users` ADD `totp_secret` varchar(64) NULL");
    await queryRunner.query("ALTER TABLE `users` ADD `totp_pending_secret` varchar(64) NULL");
    await queryRunner.query("ALTER TABLE `users` ADD `totp_enabled_at` datetime NULL");
    await queryRunner.query("ALTER TABLE `users` ADD `totp_last_step` int NULL");
    await queryRunner.query("ALTER TABLE `users` ADD `password_changed_at` datetime NULL");
    await queryRunner.query("ALTER TABLE `users` ADD `must_change_password` tinyint NOT NULL DEFAULT 0");
    await queryRunner.query("ALTER TABLE `users` ADD `password_history` text NULL");
    await queryRunner.query("ALTER TABLE `sessions` ADD `stage` varchar(16) NULL");
    await queryRunner.query("ALTER TABLE `sessions` ADD `user_agent` varchar(255) NULL");
    await queryRunner.query("ALTER TABLE `sessions` ADD `created_ip` varchar(45) NULL");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `sessions` DROP COLUMN `created_ip`");
    await queryRunner.query("ALTER TABLE `sessions` DROP COLUMN `user_agent`");
    await queryRunner.query("ALTER TABLE `sessions` DROP COLUMN `stage`");
    await queryRunner.query("ALTER TABLE `users` DROP COLUMN `password_history`");
    await queryRunner.query("ALTER TABLE `users` DROP COLUMN `must_change_password`");
    await queryRunner.query("ALTER TABLE `users` DROP COLUMN `password_changed_at`");
    await queryRunner.query("ALTER TABLE `users` DROP COLUMN `totp_last_step`");
    await queryRunner.query("ALTER TABLE `users` DROP COLUMN `totp_enabled_at`");
    await queryRunner.query("ALTER TABLE `users` DROP COLUMN `totp_pending_secret`");
    await queryRunner.query("ALTER TABLE `users` DROP COLUMN `totp_secret`");
    await queryRunner.query("DROP INDEX `IDX_d07c335ded337e58c4f36f234d` ON `recovery_codes`");
    await queryRunner.query("DROP TABLE `recovery_codes`");
  }
}
