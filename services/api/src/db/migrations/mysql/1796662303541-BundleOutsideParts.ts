import type { MigrationInterface, QueryRunner } from 'typeorm';

export class BundleOutsideParts1796662303541 implements MigrationInterface {
  name = 'BundleOutsideParts1796662303541';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `service_bundles` ADD `parts` text NULL");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `service_bundles` DROP COLUMN `parts`");
  }
}
