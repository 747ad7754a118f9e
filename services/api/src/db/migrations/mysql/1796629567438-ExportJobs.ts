import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ExportJobs1796629567438 implements MigrationInterface {
  name = 'ExportJobs1796629567438';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `export_jobs` (`id` int NOT NULL AUTO_INCREMENT, `status` varchar(16) NOT NULL, `format` varchar(8) NOT NULL, `query` text NOT NULL, `variables` text NULL, `connection` varchar(64) NOT NULL, `row_count` int NOT NULL DEFAULT '0', `total_count` int NULL, `error` varchar(500) NULL, `requested_by_user_id` int NOT NULL, `requested_by` varchar(64) NOT NULL, `area_id` int NULL, `file_id` varchar(36) NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `finished_at` datetime NULL, INDEX `IDX_16e580d2a4d4dae69cfc47b385` (`requested_by_user_id`, `status`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_16e580d2a4d4dae69cfc47b385` ON `export_jobs`");
    await queryRunner.query("DROP TABLE `export_jobs`");
  }
}
