import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PaperBatches1796639510771 implements MigrationInterface {
  name = 'PaperBatches1796639510771';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"livelihood_paper_batches\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"round_id\" integer NOT NULL, \"issued_by\" integer NOT NULL, \"confirmed_by\" integer, \"sheets\" integer NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_0277c7e634c0c580061cc62c54\" ON \"livelihood_paper_batches\" (\"round_id\", \"issued_by\") ");
    await queryRunner.query("CREATE TABLE \"livelihood_paper_codes\" (\"round_id\" integer NOT NULL, \"code_hash\" varchar(64) NOT NULL, \"used\" boolean NOT NULL DEFAULT (0), PRIMARY KEY (\"round_id\", \"code_hash\")) WITHOUT ROWID");
    await queryRunner.query("CREATE TABLE \"temporary_livelihood_participation\" (\"round_id\" integer NOT NULL, \"user_id\" integer NOT NULL, \"method\" varchar(12) NOT NULL, \"paper_batch\" integer, PRIMARY KEY (\"round_id\", \"user_id\")) WITHOUT ROWID");
    await queryRunner.query("INSERT INTO \"temporary_livelihood_participation\"(\"round_id\", \"user_id\", \"method\") SELECT \"round_id\", \"user_id\", \"method\" FROM \"livelihood_participation\"");
    await queryRunner.query("DROP TABLE \"livelihood_participation\"");
    await queryRunner.query("ALTER TABLE \"temporary_livelihood_participation\" RENAME TO \"livelihood_participation\"");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"livelihood_participation\" RENAME TO \"temporary_livelihood_participation\"");
    await queryRunner.query("CREATE TABLE \"livelihood_participation\" (\"round_id\" integer NOT NULL, \"user_id\" integer NOT NULL, \"method\" varchar(12) NOT NULL, PRIMARY KEY (\"round_id\", \"user_id\")) WITHOUT ROWID");
    await queryRunner.query("INSERT INTO \"livelihood_participation\"(\"round_id\", \"user_id\", \"method\") SELECT \"round_id\", \"user_id\", \"method\" FROM \"temporary_livelihood_participation\"");
    await queryRunner.query("DROP TABLE \"temporary_livelihood_participation\"");
    await queryRunner.query("DROP TABLE \"livelihood_paper_codes\"");
    await queryRunner.query("DROP INDEX \"IDX_0277c7e634c0c580061cc62c54\"");
    await queryRunner.query("DROP TABLE \"livelihood_paper_batches\"");
  }
}
