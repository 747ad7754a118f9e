import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MonthClose1796614300001 implements MigrationInterface {
  name = 'MonthClose1796614300001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `month_closes` (`id` int NOT NULL AUTO_INCREMENT, `area_id` int NOT NULL, `city_id` int NOT NULL, `period` varchar(7) NOT NULL, `green` int NOT NULL, `yellow` int NOT NULL, `red` int NOT NULL, `planned` bigint NOT NULL, `actual` bigint NOT NULL, `actual_year_to_date` bigint NOT NULL, `reports` int NOT NULL, `closed_by` varchar(64) NOT NULL, `closed_at` datetime NOT NULL, UNIQUE INDEX `IDX_6d8b08226769bed17ba9ead072` (`area_id`, `period`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    await queryRunner.query("CREATE TABLE `light_corrections` (`id` int NOT NULL AUTO_INCREMENT, `project_id` int NOT NULL, `area_id` int NOT NULL, `city_id` int NOT NULL, `period` varchar(7) NOT NULL, `kind` varchar(8) NOT NULL, `status` varchar(10) NOT NULL, `reason` varchar(500) NOT NULL, `payload` text NOT NULL, `requested_by` varchar(64) NOT NULL, `requested_by_user_id` int NULL, `requested_at` datetime NOT NULL, `decided_by` varchar(64) NULL, `decided_at` datetime NULL, `decision_reason` varchar(500) NULL, `before` text NULL, `after` text NULL, `relit` text NULL, INDEX `IDX_cf35f5d458caf22a06ea4c141c` (`project_id`, `period`), INDEX `IDX_9de02902f42892a6741cfa8c48` (`city_id`, `status`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_9de02902f42892a6741cfa8c48` ON `light_corrections`");
    await queryRunner.query("DROP INDEX `IDX_cf35f5d458caf22a06ea4c141c` ON `light_corrections`");
    await queryRunner.query("DROP TABLE `light_corrections`");
    await queryRunner.query("DROP INDEX `IDX_6d8b08226769bed17ba9ead072` ON `month_closes`");
    await queryRunner.query("DROP TABLE `month_closes`");
  }
}
