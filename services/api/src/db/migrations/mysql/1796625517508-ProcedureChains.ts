import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ProcedureChains1796625517508 implements MigrationInterface {
  name = 'ProcedureChains1796625517508';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `procedure_types` (`id` int NOT NULL AUTO_INCREMENT, `city_id` int NOT NULL, `code` varchar(32) NOT NULL, `name` varchar(100) NOT NULL, `department` varchar(100) NOT NULL, `legal_days` int NOT NULL, `promised_days` int NOT NULL, `predecessor_codes` varchar(500) NOT NULL, `sort_order` int NOT NULL, `version` int NOT NULL, UNIQUE INDEX `IDX_36dd4ca1a981f839f843e4c335` (`city_id`, `code`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    await queryRunner.query("CREATE TABLE `procedure_nodes` (`id` int NOT NULL AUTO_INCREMENT, `project_id` int NOT NULL, `area_id` int NOT NULL, `city_id` int NOT NULL, `code` varchar(32) NOT NULL, `name` varchar(100) NOT NULL, `department` varchar(100) NOT NULL, `owner_unit` varchar(128) NOT NULL, `legal_days` int NOT NULL, `promised_days` int NOT NULL, `predecessor_codes` varchar(500) NOT NULL, `sort_order` int NOT NULL, `state` varchar(16) NOT NULL, `requested_date` varchar(10) NULL, `approved_date` varchar(10) NULL, `due_date` varchar(10) NULL, `document_number` varchar(100) NULL, `working_days_taken` int NULL, `note` varchar(500) NOT NULL, `problem_id` int NULL, `version` int NOT NULL, INDEX `IDX_70316de82d3d6900eabd6c196d` (`city_id`, `state`, `due_date`), INDEX `IDX_05684174d99342441372cb5be9` (`area_id`, `state`, `due_date`), UNIQUE INDEX `IDX_b12171e79324c6d6e44117902c` (`project_id`, `code`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_b12171e79324c6d6e44117902c` ON `procedure_nodes`");
    await queryRunner.query("DROP INDEX `IDX_05684174d99342441372cb5be9` ON `procedure_nodes`");
    await queryRunner.query("DROP INDEX `IDX_70316de82d3d6900eabd6c196d` ON `procedure_nodes`");
    await queryRunner.query("DROP TABLE `procedure_nodes`");
    await queryRunner.query("DROP INDEX `IDX_36dd4ca1a981f839f843e4c335` ON `procedure_types`");
    await queryRunner.query("DROP TABLE `procedure_types`");
  }
}
