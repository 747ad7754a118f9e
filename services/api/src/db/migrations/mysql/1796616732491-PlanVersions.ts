import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PlanVersions1796616732491 implements MigrationInterface {
  name = 'PlanVersions1796616732491';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `project_plan_versions` (`id` int NOT NULL AUTO_INCREMENT, `project_id` int NOT NULL, `area_id` int NOT NULL, `city_id` int NOT NULL, `year` int NOT NULL, `version` int NOT NULL, `status` varchar(10) NOT NULL, `months` text NOT NULL, `years` text NOT NULL, `reason` varchar(500) NULL, `requested_by` varchar(64) NOT NULL, `requested_by_user_id` int NULL, `requested_at` datetime NOT NULL, `decided_by` varchar(64) NULL, `decided_at` datetime NULL, `decision_reason` varchar(500) NULL, INDEX `IDX_05060477f26699aa09042d6d84` (`city_id`, `status`, `id`), UNIQUE INDEX `IDX_1401a8bc8b39e1d48e40c10a08` (`project_id`, `year`, `version`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_1401a8bc8b39e1d48e40c10a08` ON `project_plan_versions`");
    await queryRunner.query("DROP INDEX `IDX_05060477f26699aa09042d6d84` ON `project_plan_versions`");
    await queryRunner.query("DROP TABLE `project_plan_versions`");
  }
}
