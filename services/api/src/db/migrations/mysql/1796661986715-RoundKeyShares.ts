import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RoundKeyShares1796661986715 implements MigrationInterface {
  name = 'RoundKeyShares1796661986715';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `livelihood_round_shares` (`id` int NOT NULL AUTO_INCREMENT, `round_id` int NOT NULL, `roster_entry_id` int NOT NULL, `number` int NOT NULL, `sealed` text NOT NULL, `share_hash` varchar(64) NOT NULL, `submitted` varchar(100) NULL, `submitted_at` datetime NULL, UNIQUE INDEX `IDX_7c474a91ba0421a30a2a7590ba` (`round_id`, `roster_entry_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    await queryRunner.query("ALTER TABLE `livelihood_roster` ADD `share_key` varchar(100) NULL");
    await queryRunner.query("ALTER TABLE `livelihood_rounds` ADD `counting_from` datetime NULL");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `livelihood_rounds` DROP COLUMN `counting_from`");
    await queryRunner.query("ALTER TABLE `livelihood_roster` DROP COLUMN `share_key`");
    await queryRunner.query("DROP INDEX `IDX_7c474a91ba0421a30a2a7590ba` ON `livelihood_round_shares`");
    await queryRunner.query("DROP TABLE `livelihood_round_shares`");
  }
}
