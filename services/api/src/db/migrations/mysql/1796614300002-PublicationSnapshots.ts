import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PublicationSnapshots1796614300002 implements MigrationInterface {
  name = 'PublicationSnapshots1796614300002';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_ef47554c970979d4f2fb5e8f24` ON `light_board_publications`");
    await queryRunner.query("ALTER TABLE `light_board_publications` ADD `version` int NOT NULL DEFAULT '1'");
    await queryRunner.query("ALTER TABLE `light_board_publications` ADD `content` text NULL");
    await queryRunner.query("ALTER TABLE `light_board_publications` ADD `sha256` varchar(64) NULL");
    await queryRunner.query("ALTER TABLE `light_board_publications` ADD `correction_id` int NULL");
    await queryRunner.query("CREATE UNIQUE INDEX `IDX_81722f4a3d33cfb0967e6b269e` ON `light_board_publications` (`area_id`, `period`, `version`)");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_81722f4a3d33cfb0967e6b269e` ON `light_board_publications`");
    await queryRunner.query("ALTER TABLE `light_board_publications` DROP COLUMN `correction_id`");
    await queryRunner.query("ALTER TABLE `light_board_publications` DROP COLUMN `sha256`");
    await queryRunner.query("ALTER TABLE `light_board_publications` DROP COLUMN `content`");
    await queryRunner.query("ALTER TABLE `light_board_publications` DROP COLUMN `version`");
    await queryRunner.query("CREATE UNIQUE INDEX `IDX_ef47554c970979d4f2fb5e8f24` ON `light_board_publications` (`area_id`, `period`)");
  }
}
