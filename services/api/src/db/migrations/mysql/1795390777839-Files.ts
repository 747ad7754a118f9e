import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Files1795390777839 implements MigrationInterface {
  name = 'Files1795390777839';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `files` (`id` varchar(36) NOT NULL, `purpose` varchar(16) NOT NULL, `storage_key` varchar(96) NOT NULL, `thumbnail_key` varchar(112) NULL, `name` varchar(200) NOT NULL, `mime` varchar(80) NOT NULL, `size` int NOT NULL, `sha256` varchar(64) NOT NULL, `width` int NULL, `height` int NULL, `taken_at` datetime NULL, `gps_lat` double NULL, `gps_lng` double NULL, `perceptual_hash` varchar(16) NULL, `uploaded_by_user_id` int NOT NULL, `owner_type` varchar(32) NULL, `owner_id` varchar(64) NULL, `area_id` int NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_c9859ae1303a24b6721e43b284` (`uploaded_by_user_id`, `created_at`), INDEX `IDX_f6cf381abc2bdfb461aa935534` (`owner_type`, `owner_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_f6cf381abc2bdfb461aa935534` ON `files`");
    await queryRunner.query("DROP INDEX `IDX_c9859ae1303a24b6721e43b284` ON `files`");
    await queryRunner.query("DROP TABLE `files`");
  }
}
