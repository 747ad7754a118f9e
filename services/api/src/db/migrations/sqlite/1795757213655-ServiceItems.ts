import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ServiceItems1795757213655 implements MigrationInterface {
  name = 'ServiceItems1795757213655';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"service_items\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"district_id\" integer NOT NULL, \"basic_code\" varchar(32) NOT NULL, \"implementation_code\" varchar(48) NOT NULL, \"name\" varchar(200) NOT NULL, \"type\" varchar(32) NOT NULL, \"department\" varchar(100) NOT NULL, \"by_application\" boolean NOT NULL, \"online_depth\" varchar(16) NOT NULL, \"visits\" integer NOT NULL, \"visits_reason\" varchar(200), \"case_kind\" varchar(16) NOT NULL, \"legal_limit_days\" integer, \"promised_limit_days\" integer, \"materials_now\" integer, \"materials_before\" integer, \"zone_id\" integer, \"high_frequency\" boolean NOT NULL DEFAULT (0), \"fee\" bigint, \"legal_basis\" text, \"status\" varchar(16) NOT NULL, \"version\" integer NOT NULL DEFAULT (1), \"violation_mask\" integer NOT NULL DEFAULT (0), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_5a2e088a5b50b19b6a247f82c3\" ON \"service_items\" (\"district_id\", \"violation_mask\") ");
    await queryRunner.query("CREATE INDEX \"IDX_b03b4ac2fe44d42058f9daf412\" ON \"service_items\" (\"district_id\", \"zone_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_0bca2b37226dbb4241fb6defa6\" ON \"service_items\" (\"district_id\", \"status\", \"type\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_535024643cf57be46b138ef7f2\" ON \"service_items\" (\"district_id\", \"implementation_code\") ");
    await queryRunner.query("CREATE TABLE \"service_zones\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"district_id\" integer NOT NULL, \"name\" varchar(64) NOT NULL, \"sort_order\" integer NOT NULL DEFAULT (0))");
    await queryRunner.query("CREATE INDEX \"IDX_d327a1fc092b283aecac75995a\" ON \"service_zones\" (\"district_id\", \"sort_order\") ");
    await queryRunner.query("CREATE TABLE \"service_windows\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"zone_id\" integer NOT NULL, \"number\" varchar(16) NOT NULL, \"name\" varchar(64))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_e35124d581d6715117d52a7c08\" ON \"service_windows\" (\"zone_id\", \"number\") ");
    await queryRunner.query("CREATE TABLE \"service_baselines\" (\"district_id\" integer PRIMARY KEY NOT NULL, \"taken_on\" date NOT NULL, \"windows_before\" integer NOT NULL)");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE \"service_baselines\"");
    await queryRunner.query("DROP INDEX \"IDX_e35124d581d6715117d52a7c08\"");
    await queryRunner.query("DROP TABLE \"service_windows\"");
    await queryRunner.query("DROP INDEX \"IDX_d327a1fc092b283aecac75995a\"");
    await queryRunner.query("DROP TABLE \"service_zones\"");
    await queryRunner.query("DROP INDEX \"IDX_535024643cf57be46b138ef7f2\"");
    await queryRunner.query("DROP INDEX \"IDX_0bca2b37226dbb4241fb6defa6\"");
    await queryRunner.query("DROP INDEX \"IDX_b03b4ac2fe44d42058f9daf412\"");
    await queryRunner.query("DROP INDEX \"IDX_5a2e088a5b50b19b6a247f82c3\"");
    await queryRunner.query("DROP TABLE \"service_items\"");
  }
}
