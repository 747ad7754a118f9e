import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TargetCompanyContacts1796651554654 implements MigrationInterface {
  name = 'TargetCompanyContacts1796651554654';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `target_companies` ADD `contact_person` varchar(64) NOT NULL DEFAULT ''");
    await queryRunner.query("ALTER TABLE `target_companies` ADD `contact_phone` varchar(32) NOT NULL DEFAULT ''");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `target_companies` DROP COLUMN `contact_phone`");
    await queryRunner.query("ALTER TABLE `target_companies` DROP COLUMN `contact_person`");
  }
}
