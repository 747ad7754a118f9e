import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ServiceItems1795757213655 implements MigrationInterface {
  name = 'ServiceItems1795757213655';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `service_items` (`id` int NOT NULL AUTO_INCREMENT, `district_id` int NOT NULL, `basic_code` varchar(32) NOT NULL, `implementation_code` varchar(48) NOT NULL, `name` varchar(200) NOT NULL, `type` varchar(32) NOT NULL, `department` varchar(100) NOT NULL, `by_application` tinyint NOT NULL, `online_depth` varchar(16) NOT NULL, `visits` int NOT NULL, `visits_reason` varchar(200) NULL, `case_kind` varchar(16) NOT NULL, `legal_limit_days` int NULL, `promised_limit_days` int NULL, `materials_now` int NULL, `materials_before` int NULL, `zone_id` int NULL, `high_frequency` tinyint NOT NULL DEFAULT 0, `fee` bigint NULL, `legal_basis` text NULL, `status` varchar(16) NOT NULL, `version` int NOT NULL DEFAULT '1', `violation_mask` int NOT NULL DEFAULT '0', `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX `IDX_5a2e088a5b50b19b6a247f82c3` (`district_id`, `violation_mask`), INDEX `IDX_b03b4ac2fe44d42058f9daf412` (`district_id`, `zone_id`), INDEX `IDX_0bca2b37226dbb4241fb6defa6` (`district_id`, `status`, `type`), UNIQUE INDEX `IDX_535024643cf57be46b138ef7f2` (`district_id`, `implementation_code`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    await queryRunner.query("CREATE TABLE `service_zones` (`id` int NOT NULL AUTO_INCREMENT, `district_id` int NOT NULL, `name` varchar(64) NOT NULL, `sort_order` int NOT NULL DEFAULT '0', INDEX `IDX_d327a1fc092b283aecac75995a` (`district_id`, `sort_order`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    await queryRunner.query("CREATE TABLE `service_windows` (`id` int NOT NULL AUTO_INCREMENT, `zone_id` int NOT NULL, `number` varchar(16) NOT NULL, `name` varchar(64) NULL, UNIQUE INDEX `IDX_e35124d581d6715117d52a7c08` (`zone_id`, `number`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    await queryRunner.query("CREATE TABLE `service_baselines` (`district_id` int NOT NULL, `taken_on` date NOT NULL, `windows_before` int NOT NULL, PRIMARY KEY (`district_id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE `service_baselines`");
    await queryRunner.query("DROP INDEX `IDX_e35124d581d6715117d52a7c08` ON `service_windows`");
    await queryRunner.query("DROP TABLE `service_windows`");
    await queryRunner.query("DROP INDEX `IDX_d327a1fc092b283aecac75995a` ON `service_zones`");
    await queryRunner.query("DROP TABLE `service_zones`");
    await queryRunner.query("DROP INDEX `IDX_535024643cf57be46b138ef7f2` ON `service_items`");
    await queryRunner.query("DROP INDEX `IDX_0bca2b37226dbb4241fb6defa6` ON `service_items`");
    await queryRunner.query("DROP INDEX `IDX_b03b4ac2fe44d42058f9daf412` ON `service_items`");
    await queryRunner.query("DROP INDEX `IDX_5a2e088a5b50b19b6a247f82c3` ON `service_items`");
    await queryRunner.query("DROP TABLE `service_items`");
  }
}
