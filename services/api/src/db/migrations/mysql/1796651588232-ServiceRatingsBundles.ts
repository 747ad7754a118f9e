import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ServiceRatingsBundles1796651588232 implements MigrationInterface {
  name = 'ServiceRatingsBundles1796651588232';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `service_bundles` (`id` int NOT NULL AUTO_INCREMENT, `district_id` int NOT NULL, `name` varchar(100) NOT NULL, `description` varchar(500) NOT NULL DEFAULT '', `limit_days` int NULL, `version` int NOT NULL DEFAULT '1', `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX `IDX_dd57f94dcbf1e9fa787765f146` (`district_id`, `name`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    await queryRunner.query("CREATE TABLE `service_bundle_items` (`id` int NOT NULL AUTO_INCREMENT, `bundle_id` int NOT NULL, `item_id` int NOT NULL, `stage` int NOT NULL, `sort_order` int NOT NULL DEFAULT '0', INDEX `IDX_9d5d31174b91d7e6d9a1ff3914` (`item_id`), UNIQUE INDEX `IDX_8fe33c17bb34b695622b7e73f3` (`bundle_id`, `item_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    await queryRunner.query("CREATE TABLE `service_ratings` (`id` int NOT NULL AUTO_INCREMENT, `case_id` int NOT NULL, `district_id` int NOT NULL, `item_id` int NOT NULL, `department` varchar(100) NOT NULL, `window_id` int NULL, `token_hash` varchar(64) NOT NULL, `issued_at` datetime NOT NULL, `score` int NULL, `reasons` varchar(200) NOT NULL DEFAULT '', `comment` varchar(500) NULL, `rated_at` datetime NULL, INDEX `IDX_14d1a6533e34b03e81f689d0f2` (`district_id`, `window_id`), INDEX `IDX_a4c1c859fc2d9a054e308ac69e` (`district_id`, `department`), INDEX `IDX_a82dc49fb21562723ed04fb12f` (`district_id`, `rated_at`), UNIQUE INDEX `IDX_970fece2ddb757282d9bedb302` (`token_hash`), UNIQUE INDEX `IDX_e5b1dc4fd6865af620a608fb07` (`case_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    await queryRunner.query("CREATE TABLE `service_rectifications` (`id` int NOT NULL AUTO_INCREMENT, `rating_id` int NOT NULL, `case_id` int NOT NULL, `district_id` int NOT NULL, `item_id` int NOT NULL, `department` varchar(100) NOT NULL, `window_id` int NULL, `status` varchar(16) NOT NULL, `owner` varchar(64) NOT NULL, `opened_on` date NOT NULL, `deadline` date NOT NULL, `rectified_on` date NULL, `rectified_days` int NULL, `closed_on` date NULL, `founded` tinyint NULL, `version` int NOT NULL DEFAULT '1', INDEX `IDX_37d9b2ae4f5a2bbd27c279c9c8` (`district_id`, `opened_on`), INDEX `IDX_1ccbcafb9d2a972303f076159e` (`district_id`, `status`, `deadline`), UNIQUE INDEX `IDX_4aa4b95fa9486d77914c10b5b3` (`rating_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    await queryRunner.query("CREATE TABLE `service_rectification_steps` (`id` int NOT NULL AUTO_INCREMENT, `rectification_id` int NOT NULL, `step` varchar(16) NOT NULL, `on_date` date NOT NULL, `note` text NOT NULL, `founded` tinyint NULL, `satisfied` tinyint NULL, `actor` varchar(64) NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_5ada7b5fa614af157998c1adee` (`rectification_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    await queryRunner.query("ALTER TABLE `service_cases` ADD `window_id` int NULL");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `service_cases` DROP COLUMN `window_id`");
    await queryRunner.query("DROP INDEX `IDX_5ada7b5fa614af157998c1adee` ON `service_rectification_steps`");
    await queryRunner.query("DROP TABLE `service_rectification_steps`");
    await queryRunner.query("DROP INDEX `IDX_4aa4b95fa9486d77914c10b5b3` ON `service_rectifications`");
    await queryRunner.query("DROP INDEX `IDX_1ccbcafb9d2a972303f076159e` ON `service_rectifications`");
    await queryRunner.query("DROP INDEX `IDX_37d9b2ae4f5a2bbd27c279c9c8` ON `service_rectifications`");
    await queryRunner.query("DROP TABLE `service_rectifications`");
    await queryRunner.query("DROP INDEX `IDX_e5b1dc4fd6865af620a608fb07` ON `service_ratings`");
    await queryRunner.query("DROP INDEX `IDX_970fece2ddb757282d9bedb302` ON `service_ratings`");
    await queryRunner.query("DROP INDEX `IDX_a82dc49fb21562723ed04fb12f` ON `service_ratings`");
    await queryRunner.query("DROP INDEX `IDX_a4c1c859fc2d9a054e308ac69e` ON `service_ratings`");
    await queryRunner.query("DROP INDEX `IDX_14d1a6533e34b03e81f689d0f2` ON `service_ratings`");
    await queryRunner.query("DROP TABLE `service_ratings`");
    await queryRunner.query("DROP INDEX `IDX_8fe33c17bb34b695622b7e73f3` ON `service_bundle_items`");
    await queryRunner.query("DROP INDEX `IDX_9d5d31174b91d7e6d9a1ff3914` ON `service_bundle_items`");
    await queryRunner.query("DROP TABLE `service_bundle_items`");
    await queryRunner.query("DROP INDEX `IDX_dd57f94dcbf1e9fa787765f146` ON `service_bundles`");
    await queryRunner.query("DROP TABLE `service_bundles`");
  }
}
