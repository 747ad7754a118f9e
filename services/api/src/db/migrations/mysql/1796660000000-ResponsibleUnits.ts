import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The directory of responsible units (责任单位名录), and notices addressed to a unit instead of a user:
 * `notices.user_id` becomes nullable and `notices.unit_id` names the unit. Going down drops the
 * units' notices (a user-less row has no place in the old table).
 */
export class ResponsibleUnits1796660000000 implements MigrationInterface {
  name = 'ResponsibleUnits1796660000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `responsible_units` (`id` int NOT NULL AUTO_INCREMENT, `area_id` int NOT NULL, `name` varchar(64) NOT NULL, `contact_name` varchar(32) NOT NULL, `phone` varchar(512) NOT NULL, `enabled` tinyint NOT NULL DEFAULT 1, `created_by` varchar(64) NOT NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX `IDX_d6ad31ef9853518a0782964471` (`area_id`, `name`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    await queryRunner.query("ALTER TABLE `notices` MODIFY `user_id` int NULL");
    await queryRunner.query("ALTER TABLE `notices` ADD `unit_id` int NULL");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `notices` DROP COLUMN `unit_id`");
    await queryRunner.query("DELETE FROM `notices` WHERE `user_id` IS NULL");
    await queryRunner.query("ALTER TABLE `notices` MODIFY `user_id` int NOT NULL");
    await queryRunner.query("DROP INDEX `IDX_d6ad31ef9853518a0782964471` ON `responsible_units`");
    await queryRunner.query("DROP TABLE `responsible_units`");
  }
}
