import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ServiceGuides1796625298458 implements MigrationInterface {
  name = 'ServiceGuides1796625298458';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"service_guides\" (\"item_id\" integer PRIMARY KEY NOT NULL, \"district_id\" integer NOT NULL, \"version\" integer NOT NULL DEFAULT (1), \"conditions\" text NOT NULL, \"materials\" text NOT NULL, \"steps\" text NOT NULL, \"place\" varchar(200) NOT NULL, \"hours\" varchar(200) NOT NULL, \"fees\" text NOT NULL, \"pauses\" text NOT NULL, \"contact_phone\" varchar(32) NOT NULL, \"complaint_phone\" varchar(32) NOT NULL, \"complaint_channel\" varchar(200) NOT NULL DEFAULT (''), \"faq\" text NOT NULL, \"materials_to_submit\" integer NOT NULL DEFAULT (0), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_0c03087094ccb81808c4d586f9\" ON \"service_guides\" (\"district_id\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_0c03087094ccb81808c4d586f9\"");
    await queryRunner.query("DROP TABLE \"service_guides\"");
  }
}
