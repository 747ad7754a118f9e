import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OpenDataReportSplits1796662029918 implements MigrationInterface {
  name = 'OpenDataReportSplits1796662029918';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `monthly_report_sources` (`id` int NOT NULL AUTO_INCREMENT, `report_id` int NOT NULL, `project_id` int NOT NULL, `area_id` int NOT NULL, `period` varchar(7) NOT NULL, `source_id` int NOT NULL, `amount` bigint NOT NULL, INDEX `IDX_eb7245e3ce15b5471b9ea752a1` (`area_id`, `period`, `source_id`), UNIQUE INDEX `IDX_f2ffdb79bd722a62122563999f` (`report_id`, `source_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    await queryRunner.query("ALTER TABLE `projects` ADD `open_data` tinyint NOT NULL DEFAULT 0");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `projects` DROP COLUMN `open_data`");
    await queryRunner.query("DROP INDEX `IDX_f2ffdb79bd722a62122563999f` ON `monthly_report_sources`");
    await queryRunner.query("DROP INDEX `IDX_eb7245e3ce15b5471b9ea752a1` ON `monthly_report_sources`");
    await queryRunner.query("DROP TABLE `monthly_report_sources`");
  }
}
