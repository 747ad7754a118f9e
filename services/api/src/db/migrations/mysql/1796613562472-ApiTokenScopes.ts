import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ApiTokenScopes1796613562472 implements MigrationInterface {
  name = 'ApiTokenScopes1796613562472';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `sessions` ADD `scopes` varchar(200) NOT NULL DEFAULT ''");
    await queryRunner.query("ALTER TABLE `sessions` ADD `last_ip` varchar(45) NULL");
    // Tokens made before scopes keep what they read, except contacts (now granted only by name).
    await queryRunner.query("UPDATE `sessions` SET `scopes` = 'read:figures read:livelihood read:projects read:services' WHERE `kind` = 'API'");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `sessions` DROP COLUMN `last_ip`");
    await queryRunner.query("ALTER TABLE `sessions` DROP COLUMN `scopes`");
  }
}
