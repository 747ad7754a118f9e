import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The directory of responsible units (责任单位名录), and notices addressed to a unit instead of a user:
 * `notices.user_id` becomes nullable and `notices.unit_id` names the unit. SQLite cannot change a column: the
 * table is copied into a new one with the same rows and indexes (TypeORM's table-recreate style). Going down drops the
 * units' notices (a user-less row has no place in the old table).
 */
export class ResponsibleUnits1796660000000 implements MigrationInterface {
  name = 'ResponsibleUnits1796660000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"responsible_units\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"area_id\" integer NOT NULL, \"name\" varchar(64) NOT NULL, \"contact_name\" varchar(32) NOT NULL, \"phone\" varchar(512) NOT NULL, \"enabled\" boolean NOT NULL DEFAULT (1), \"created_by\" varchar(64) NOT NULL, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_d6ad31ef9853518a0782964471\" ON \"responsible_units\" (\"area_id\", \"name\") ");
    await queryRunner.query("DROP INDEX \"IDX_c30aac3a0a28f4dc5f12ca2e8a\"");
    await queryRunner.query("DROP INDEX \"IDX_e36ad6faf47e736a38826d58fa\"");
    await queryRunner.query("DROP INDEX \"IDX_c7fa265c58eca0ea2b5ed76f4d\"");
    await queryRunner.query("CREATE TABLE \"temporary_notices\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"user_id\" integer, \"kind\" varchar(32) NOT NULL, \"title\" varchar(200) NOT NULL, \"body\" varchar(1000) NOT NULL, \"record_type\" varchar(32) NOT NULL, \"record_id\" varchar(64) NOT NULL, \"link\" varchar(300) NOT NULL, \"area_id\" integer, \"dedupe_key\" varchar(160), \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"read_at\" datetime, \"dispatched_at\" datetime, \"outbound\" boolean NOT NULL DEFAULT (1), \"lease_owner\" varchar(64), \"lease_until\" datetime, \"unit_id\" integer, CONSTRAINT \"UQ_70e7a2f3a19f2ef2872c9b4d678\" UNIQUE (\"dedupe_key\"))");
    await queryRunner.query("INSERT INTO \"temporary_notices\"(\"id\", \"user_id\", \"kind\", \"title\", \"body\", \"record_type\", \"record_id\", \"link\", \"area_id\", \"dedupe_key\", \"created_at\", \"read_at\", \"dispatched_at\", \"outbound\", \"lease_owner\", \"lease_until\") SELECT \"id\", \"user_id\", \"kind\", \"title\", \"body\", \"record_type\", \"record_id\", \"link\", \"area_id\", \"dedupe_key\", \"created_at\", \"read_at\", \"dispatched_at\", \"outbound\", \"lease_owner\", \"lease_until\" FROM \"notices\"");
    await queryRunner.query("DROP TABLE \"notices\"");
    await queryRunner.query("ALTER TABLE \"temporary_notices\" RENAME TO \"notices\"");
    await queryRunner.query("CREATE INDEX \"IDX_c30aac3a0a28f4dc5f12ca2e8a\" ON \"notices\" (\"dispatched_at\", \"lease_until\") ");
    await queryRunner.query("CREATE INDEX \"IDX_e36ad6faf47e736a38826d58fa\" ON \"notices\" (\"user_id\", \"read_at\") ");
    await queryRunner.query("CREATE INDEX \"IDX_c7fa265c58eca0ea2b5ed76f4d\" ON \"notices\" (\"user_id\", \"created_at\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_c30aac3a0a28f4dc5f12ca2e8a\"");
    await queryRunner.query("DROP INDEX \"IDX_e36ad6faf47e736a38826d58fa\"");
    await queryRunner.query("DROP INDEX \"IDX_c7fa265c58eca0ea2b5ed76f4d\"");
    await queryRunner.query("ALTER TABLE \"notices\" RENAME TO \"temporary_notices\"");
    await queryRunner.query("CREATE TABLE \"notices\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"user_id\" integer NOT NULL, \"kind\" varchar(32) NOT NULL, \"title\" varchar(200) NOT NULL, \"body\" varchar(1000) NOT NULL, \"record_type\" varchar(32) NOT NULL, \"record_id\" varchar(64) NOT NULL, \"link\" varchar(300) NOT NULL, \"area_id\" integer, \"dedupe_key\" varchar(160), \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"read_at\" datetime, \"dispatched_at\" datetime, \"outbound\" boolean NOT NULL DEFAULT (1), \"lease_owner\" varchar(64), \"lease_until\" datetime, CONSTRAINT \"UQ_70e7a2f3a19f2ef2872c9b4d678\" UNIQUE (\"dedupe_key\"))");
    await queryRunner.query("INSERT INTO \"notices\"(\"id\", \"user_id\", \"kind\", \"title\", \"body\", \"record_type\", \"record_id\", \"link\", \"area_id\", \"dedupe_key\", \"created_at\", \"read_at\", \"dispatched_at\", \"outbound\", \"lease_owner\", \"lease_until\") SELECT \"id\", \"user_id\", \"kind\", \"title\", \"body\", \"record_type\", \"record_id\", \"link\", \"area_id\", \"dedupe_key\", \"created_at\", \"read_at\", \"dispatched_at\", \"outbound\", \"lease_owner\", \"lease_until\" FROM \"temporary_notices\" WHERE \"user_id\" IS NOT NULL");
    await queryRunner.query("DROP TABLE \"temporary_notices\"");
    await queryRunner.query("CREATE INDEX \"IDX_c30aac3a0a28f4dc5f12ca2e8a\" ON \"notices\" (\"dispatched_at\", \"lease_until\") ");
    await queryRunner.query("CREATE INDEX \"IDX_e36ad6faf47e736a38826d58fa\" ON \"notices\" (\"user_id\", \"read_at\") ");
    await queryRunner.query("CREATE INDEX \"IDX_c7fa265c58eca0ea2b5ed76f4d\" ON \"notices\" (\"user_id\", \"created_at\") ");
    await queryRunner.query("DROP INDEX \"IDX_d6ad31ef9853518a0782964471\"");
    await queryRunner.query("DROP TABLE \"responsible_units\"");
  }
}
