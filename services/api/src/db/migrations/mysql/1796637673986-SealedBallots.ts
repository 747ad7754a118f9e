import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SealedBallots1796637673986 implements MigrationInterface {
  name = 'SealedBallots1796637673986';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `livelihood_sealed_ballots` (`id` varchar(32) NOT NULL, `round_id` int NOT NULL, `source` varchar(12) NOT NULL, `sealed` text NOT NULL, `tracker` varchar(64) NOT NULL, `batch` int NULL, `prev_hash` varchar(64) NULL, `chain_hash` varchar(64) NULL, INDEX `IDX_3dfd1a0e7a8d56e10bbfe02022` (`round_id`, `tracker`), INDEX `IDX_bb45573fd91252faea8b377223` (`round_id`, `batch`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    await queryRunner.query("ALTER TABLE `livelihood_rounds` ADD `public_key` varchar(64) NULL");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `livelihood_rounds` DROP COLUMN `public_key`");
    await queryRunner.query("DROP INDEX `IDX_bb45573fd91252faea8b377223` ON `livelihood_sealed_ballots`");
    await queryRunner.query("DROP INDEX `IDX_3dfd1a0e7a8d56e10bbfe02022` ON `livelihood_sealed_ballots`");
    await queryRunner.query("DROP TABLE `livelihood_sealed_ballots`");
  }
}
