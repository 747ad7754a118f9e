import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PublicationSnapshots1796614300002 implements MigrationInterface {
  name = 'PublicationSnapshots1796614300002';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_ef47554c970979d4f2fb5e8f24\"");
    await queryRunner.query("CREATE TABLE \"temporary_light_board_publications\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"area_id\" integer NOT NULL, \"period\" varchar(7) NOT NULL, \"published_by\" varchar(64) NOT NULL, \"published_at\" datetime NOT NULL, \"version\" integer NOT NULL DEFAULT (1), \"content\" text, \"sha256\" varchar(64), \"correction_id\" integer)");
    await queryRunner.query("INSERT INTO \"temporary_light_board_publications\"(\"id\", \"area_id\", \"period\", \"published_by\", \"published_at\") SELECT \"id\", \"area_id\", \"period\", \"published_by\", \"published_at\" FROM \"light_board_publications\"");
    await queryRunner.query("DROP TABLE \"light_board_publications\"");
    await queryRunner.query("ALTER TABLE \"temporary_light_board_publications\" RENAME TO \"light_board_publications\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_81722f4a3d33cfb0967e6b269e\" ON \"light_board_publications\" (\"area_id\", \"period\", \"version\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_81722f4a3d33cfb0967e6b269e\"");
    await queryRunner.query("ALTER TABLE \"light_board_publications\" RENAME TO \"temporary_light_board_publications\"");
    await queryRunner.query("CREATE TABLE \"light_board_publications\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"area_id\" integer NOT NULL, \"period\" varchar(7) NOT NULL, \"published_by\" varchar(64) NOT NULL, \"published_at\" datetime NOT NULL)");
    await queryRunner.query("INSERT INTO \"light_board_publications\"(\"id\", \"area_id\", \"period\", \"published_by\", \"published_at\") SELECT \"id\", \"area_id\", \"period\", \"published_by\", \"published_at\" FROM \"temporary_light_board_publications\"");
    await queryRunner.query("DROP TABLE \"temporary_light_board_publications\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_ef47554c970979d4f2fb5e8f24\" ON \"light_board_publications\" (\"area_id\", \"period\") ");
  }
}
