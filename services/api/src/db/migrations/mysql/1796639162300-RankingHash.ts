import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RankingHash1796639162300 implements MigrationInterface {
  name = 'RankingHash1796639162300';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `ranking_publications` ADD `sha256` varchar(64) NULL");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `ranking_publications` DROP COLUMN `sha256`");
  }
}
