import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PaperBatches1796639510771 implements MigrationInterface {
  name = 'PaperBatches1796639510771';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `livelihood_paper_batches` (`id` int NOT NULL AUTO_INCREMENT, `round_id` int NOT NULL, `issued_by` int NOT NULL, `confirmed_by` int NULL, `sheets` int NOT NULL, INDEX `IDX_0277c7e634c0c580061cc62c54` (`round_id`, `issued_by`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    await queryRunner.query("CREATE TABLE `livelihood_paper_codes` (`round_id` int NOT NULL, `code_hash` varchar(64) NOT NULL, `used` tinyint NOT NULL DEFAULT 0, PRIMARY KEY (`round_id`, `code_hash`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    await queryRunner.query("ALTER TABLE `livelihood_participation` ADD `paper_batch` int NULL");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `livelihood_participation` DROP COLUMN `paper_batch`");
    await queryRunner.query("DROP TABLE `livelihood_paper_codes`");
    await queryRunner.query("DROP INDEX `IDX_0277c7e634c0c580061cc62c54` ON `livelihood_paper_batches`");
    await queryRunner.query("DROP TABLE `livelihood_paper_batches`");
  }
}
