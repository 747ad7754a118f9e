import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Funding1796627146848 implements MigrationInterface {
  name = 'Funding1796627146848';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `funding_sources` (`id` int NOT NULL AUTO_INCREMENT, `city_id` int NOT NULL, `code` varchar(32) NOT NULL, `name` varchar(64) NOT NULL, `special_bond` tinyint NOT NULL, `sort_order` int NOT NULL, `version` int NOT NULL, UNIQUE INDEX `IDX_3129452199cfefe02cae4dea17` (`city_id`, `code`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    await queryRunner.query("CREATE TABLE `project_funding` (`id` int NOT NULL AUTO_INCREMENT, `project_id` int NOT NULL, `area_id` int NOT NULL, `city_id` int NOT NULL, `year` int NOT NULL, `source_id` int NOT NULL, `planned` bigint NOT NULL, `received` bigint NOT NULL, `bond_batch` varchar(64) NULL, `bond_issued` bigint NULL, `bond_spent` bigint NULL, INDEX `IDX_340689c18f7d4b5e1918ed272b` (`area_id`, `year`, `source_id`), INDEX `IDX_24778cf77449914d7c76ce61e3` (`city_id`, `year`, `source_id`), UNIQUE INDEX `IDX_32c9b9dfe8bb665545f87a2cbc` (`project_id`, `year`, `source_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_32c9b9dfe8bb665545f87a2cbc` ON `project_funding`");
    await queryRunner.query("DROP INDEX `IDX_24778cf77449914d7c76ce61e3` ON `project_funding`");
    await queryRunner.query("DROP INDEX `IDX_340689c18f7d4b5e1918ed272b` ON `project_funding`");
    await queryRunner.query("DROP TABLE `project_funding`");
    await queryRunner.query("DROP INDEX `IDX_3129452199cfefe02cae4dea17` ON `funding_sources`");
    await queryRunner.query("DROP TABLE `funding_sources`");
  }
}
