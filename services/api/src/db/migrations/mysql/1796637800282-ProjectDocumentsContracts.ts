import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ProjectDocumentsContracts1796637800282 implements MigrationInterface {
  name = 'ProjectDocumentsContracts1796637800282';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `project_documents` (`id` int NOT NULL AUTO_INCREMENT, `project_id` int NOT NULL, `area_id` int NOT NULL, `document_type` varchar(40) NOT NULL, `title` varchar(200) NOT NULL, `number` varchar(64) NULL, `issuer` varchar(128) NULL, `issued_on` varchar(10) NULL, `version` int NOT NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_f5517793189ee842e3acd553a0` (`project_id`, `document_type`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    await queryRunner.query("CREATE TABLE `project_contracts` (`id` int NOT NULL AUTO_INCREMENT, `project_id` int NOT NULL, `area_id` int NOT NULL, `title` varchar(200) NOT NULL, `number` varchar(64) NULL, `nature` varchar(16) NOT NULL, `status` varchar(16) NOT NULL, `supplier_party_id` int NULL, `original_value` bigint NOT NULL, `signed_on` varchar(10) NULL, `start_date` varchar(10) NULL, `original_end_date` varchar(10) NULL, `version` int NOT NULL, INDEX `IDX_1d40bf2e49e189fcd5275d9cc1` (`project_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    await queryRunner.query("CREATE TABLE `contract_variations` (`id` int NOT NULL AUTO_INCREMENT, `contract_id` int NOT NULL, `project_id` int NOT NULL, `seq` int NOT NULL, `kind` varchar(16) NOT NULL, `date` varchar(10) NOT NULL, `reason` varchar(500) NOT NULL, `old_value` bigint NULL, `new_value` bigint NULL, `old_end_date` varchar(10) NULL, `new_end_date` varchar(10) NULL, `recorded_by` varchar(64) NULL, UNIQUE INDEX `IDX_a0932c777cb24a883f93d0a5cb` (`contract_id`, `seq`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    await queryRunner.query("CREATE TABLE `project_completions` (`id` int NOT NULL AUTO_INCREMENT, `project_id` int NOT NULL, `area_id` int NOT NULL, `end_date` varchar(10) NOT NULL, `final_cost` bigint NOT NULL, `final_scope` varchar(1000) NOT NULL, `deviation_reason` varchar(1000) NOT NULL, `acceptance_document_id` int NULL, `recorded_by` varchar(64) NULL, `recorded_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX `IDX_abf877e4d71fdf99bdd49e6754` (`project_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_abf877e4d71fdf99bdd49e6754` ON `project_completions`");
    await queryRunner.query("DROP TABLE `project_completions`");
    await queryRunner.query("DROP INDEX `IDX_a0932c777cb24a883f93d0a5cb` ON `contract_variations`");
    await queryRunner.query("DROP TABLE `contract_variations`");
    await queryRunner.query("DROP INDEX `IDX_1d40bf2e49e189fcd5275d9cc1` ON `project_contracts`");
    await queryRunner.query("DROP TABLE `project_contracts`");
    await queryRunner.query("DROP INDEX `IDX_f5517793189ee842e3acd553a0` ON `project_documents`");
    await queryRunner.query("DROP TABLE `project_documents`");
  }
}
