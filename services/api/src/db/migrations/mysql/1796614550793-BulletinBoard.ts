import type { MigrationInterface, QueryRunner } from 'typeorm';

export class BulletinBoard1796614550793 implements MigrationInterface {
  name = 'BulletinBoard1796614550793';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `livelihood_board_checkpoints` (`round_id` int NOT NULL, `number` int NOT NULL, `count` int NOT NULL, `head` varchar(64) NOT NULL, PRIMARY KEY (`round_id`, `number`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    await queryRunner.query("ALTER TABLE `livelihood_ballots` ADD `salt` varchar(32) NOT NULL DEFAULT ''");
    await queryRunner.query("ALTER TABLE `livelihood_ballots` ADD `batch` int NULL");
    await queryRunner.query("CREATE INDEX `IDX_ef284376f7df33bd090b57f371` ON `livelihood_ballots` (`round_id`, `batch`)");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_ef284376f7df33bd090b57f371` ON `livelihood_ballots`");
    await queryRunner.query("ALTER TABLE `livelihood_ballots` DROP COLUMN `batch`");
    await queryRunner.query("ALTER TABLE `livelihood_ballots` DROP COLUMN `salt`");
    await queryRunner.query("DROP TABLE `livelihood_board_checkpoints`");
  }
}
