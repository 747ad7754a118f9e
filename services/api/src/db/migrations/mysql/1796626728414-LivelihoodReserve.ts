import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LivelihoodReserve1796626728414 implements MigrationInterface {
  name = 'LivelihoodReserve1796626728414';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `livelihood_reserve` (`id` int NOT NULL AUTO_INCREMENT, `area_id` int NOT NULL, `name` varchar(200) NOT NULL, `description` text NOT NULL, `lead_department` varchar(100) NULL, `target_quantity` bigint NULL, `unit` varchar(32) NULL, `estimated_cost` bigint NULL, `origin` varchar(16) NOT NULL, `from_session_id` int NOT NULL, `from_candidate_id` int NULL, `from_proposal_id` int NULL, `proposal_ids` varchar(255) NOT NULL DEFAULT '', `votes` int NULL, `roster_size` int NULL, `reason` varchar(500) NOT NULL, `previous_item_id` int NULL, `status` varchar(16) NOT NULL, `drawn_into_session_id` int NULL, `withdrawn_reason` varchar(500) NULL, `reserved_at` datetime NOT NULL, UNIQUE INDEX `IDX_60d4ed208bb39240f1f4322ec1` (`from_candidate_id`), UNIQUE INDEX `IDX_2c64dd70c8f7c406ad4b218362` (`from_proposal_id`), INDEX `IDX_c11434dd1efb2a4d8a1a7168af` (`area_id`, `status`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    await queryRunner.query("ALTER TABLE `livelihood_candidates` ADD `reserve_item_id` int NULL");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `livelihood_candidates` DROP COLUMN `reserve_item_id`");
    await queryRunner.query("DROP INDEX `IDX_c11434dd1efb2a4d8a1a7168af` ON `livelihood_reserve`");
    await queryRunner.query("DROP INDEX `IDX_2c64dd70c8f7c406ad4b218362` ON `livelihood_reserve`");
    await queryRunner.query("DROP INDEX `IDX_60d4ed208bb39240f1f4322ec1` ON `livelihood_reserve`");
    await queryRunner.query("DROP TABLE `livelihood_reserve`");
  }
}
