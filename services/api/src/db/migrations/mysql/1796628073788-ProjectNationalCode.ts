import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ProjectNationalCode1796628073788 implements MigrationInterface {
  name = 'ProjectNationalCode1796628073788';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `projects` ADD `national_code` varchar(24) NULL");
    await queryRunner.query("ALTER TABLE `projects` ADD UNIQUE INDEX `IDX_cd3baa8fc305a8c5fe5973b071` (`national_code`)");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `projects` DROP INDEX `IDX_cd3baa8fc305a8c5fe5973b071`");
    await queryRunner.query("ALTER TABLE `projects` DROP COLUMN `national_code`");
  }
}
