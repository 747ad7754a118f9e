import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LivelihoodSupportPoll1796628301728 implements MigrationInterface {
  name = 'LivelihoodSupportPoll1796628301728';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"livelihood_supports\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"session_id\" integer NOT NULL, \"candidate_id\" integer NOT NULL, \"supporter_hash\" varchar(64) NOT NULL, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_9825835f738516d6da9101d8bf\" ON \"livelihood_supports\" (\"session_id\", \"candidate_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_a962ae2b6438214bbd5a2bafac\" ON \"livelihood_supports\" (\"candidate_id\", \"supporter_hash\") ");
    await queryRunner.query("DROP INDEX \"IDX_5c74fc6d47285799196caf5114\"");
    await queryRunner.query("CREATE TABLE \"temporary_livelihood_sessions\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"area_id\" integer NOT NULL, \"name\" varchar(128) NOT NULL, \"meeting_date\" varchar(10) NOT NULL, \"seats\" integer NOT NULL, \"opens_at\" datetime, \"closes_at\" datetime, \"status\" varchar(16) NOT NULL, \"current_round\" integer NOT NULL DEFAULT (0), \"fingerprint\" varchar(64), \"version\" integer NOT NULL DEFAULT (1), \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"support_opens_at\" datetime, \"support_closes_at\" datetime, \"support_salt\" varchar(32))");
    await queryRunner.query("INSERT INTO \"temporary_livelihood_sessions\"(\"id\", \"area_id\", \"name\", \"meeting_date\", \"seats\", \"opens_at\", \"closes_at\", \"status\", \"current_round\", \"fingerprint\", \"version\", \"created_at\") SELECT \"id\", \"area_id\", \"name\", \"meeting_date\", \"seats\", \"opens_at\", \"closes_at\", \"status\", \"current_round\", \"fingerprint\", \"version\", \"created_at\" FROM \"livelihood_sessions\"");
    await queryRunner.query("DROP TABLE \"livelihood_sessions\"");
    await queryRunner.query("ALTER TABLE \"temporary_livelihood_sessions\" RENAME TO \"livelihood_sessions\"");
    await queryRunner.query("CREATE INDEX \"IDX_5c74fc6d47285799196caf5114\" ON \"livelihood_sessions\" (\"area_id\", \"meeting_date\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_5c74fc6d47285799196caf5114\"");
    await queryRunner.query("ALTER TABLE \"livelihood_sessions\" RENAME TO \"temporary_livelihood_sessions\"");
    await queryRunner.query("CREATE TABLE \"livelihood_sessions\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"area_id\" integer NOT NULL, \"name\" varchar(128) NOT NULL, \"meeting_date\" varchar(10) NOT NULL, \"seats\" integer NOT NULL, \"opens_at\" datetime, \"closes_at\" datetime, \"status\" varchar(16) NOT NULL, \"current_round\" integer NOT NULL DEFAULT (0), \"fingerprint\" varchar(64), \"version\" integer NOT NULL DEFAULT (1), \"created_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("INSERT INTO \"livelihood_sessions\"(\"id\", \"area_id\", \"name\", \"meeting_date\", \"seats\", \"opens_at\", \"closes_at\", \"status\", \"current_round\", \"fingerprint\", \"version\", \"created_at\") SELECT \"id\", \"area_id\", \"name\", \"meeting_date\", \"seats\", \"opens_at\", \"closes_at\", \"status\", \"current_round\", \"fingerprint\", \"version\", \"created_at\" FROM \"temporary_livelihood_sessions\"");
    await queryRunner.query("DROP TABLE \"temporary_livelihood_sessions\"");
    await queryRunner.query("CREATE INDEX \"IDX_5c74fc6d47285799196caf5114\" ON \"livelihood_sessions\" (\"area_id\", \"meeting_date\") ");
    await queryRunner.query("DROP INDEX \"IDX_a962ae2b6438214bbd5a2bafac\"");
    await queryRunner.query("DROP INDEX \"IDX_9825835f738516d6da9101d8bf\"");
    await queryRunner.query("DROP TABLE \"livelihood_supports\"");
  }
}
