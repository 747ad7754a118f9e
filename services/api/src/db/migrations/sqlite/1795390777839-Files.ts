import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Files1795390777839 implements MigrationInterface {
  name = 'Files1795390777839';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"files\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"purpose\" varchar(16) NOT NULL, \"storage_key\" varchar(96) NOT NULL, \"thumbnail_key\" varchar(112), \"name\" varchar(200) NOT NULL, \"mime\" varchar(80) NOT NULL, \"size\" integer NOT NULL, \"sha256\" varchar(64) NOT NULL, \"width\" integer, \"height\" integer, \"taken_at\" datetime, \"gps_lat\" double, \"gps_lng\" double, \"perceptual_hash\" varchar(16), \"uploaded_by_user_id\" integer NOT NULL, \"owner_type\" varchar(32), \"owner_id\" varchar(64), \"area_id\" integer, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_c9859ae1303a24b6721e43b284\" ON \"files\" (\"uploaded_by_user_id\", \"created_at\") ");
    await queryRunner.query("CREATE INDEX \"IDX_f6cf381abc2bdfb461aa935534\" ON \"files\" (\"owner_type\", \"owner_id\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_f6cf381abc2bdfb461aa935534\"");
    await queryRunner.query("DROP INDEX \"IDX_c9859ae1303a24b6721e43b284\"");
    await queryRunner.query("DROP TABLE \"files\"");
  }
}
