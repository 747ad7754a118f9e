import type { MigrationInterface, QueryRunner } from 'typeorm';

export class BulletinBoard1796614550793 implements MigrationInterface {
  name = 'BulletinBoard1796614550793';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"livelihood_board_checkpoints\" (\"round_id\" integer NOT NULL, \"number\" integer NOT NULL, \"count\" integer NOT NULL, \"head\" varchar(64) NOT NULL, PRIMARY KEY (\"round_id\", \"number\")) WITHOUT ROWID");
    await queryRunner.query("DROP INDEX \"IDX_eb0fa846bf3ad8fd5fd01f6579\"");
    await queryRunner.query("CREATE TABLE \"temporary_livelihood_ballots\" (\"receipt_code\" varchar(24) PRIMARY KEY NOT NULL, \"round_id\" integer NOT NULL, \"choices\" varchar(1000) NOT NULL, \"source\" varchar(12) NOT NULL, \"ballot_hash\" varchar(64) NOT NULL, \"prev_hash\" varchar(64), \"chain_hash\" varchar(64), \"salt\" varchar(32) NOT NULL DEFAULT (''), \"batch\" integer) WITHOUT ROWID");
    await queryRunner.query("INSERT INTO \"temporary_livelihood_ballots\"(\"receipt_code\", \"round_id\", \"choices\", \"source\", \"ballot_hash\", \"prev_hash\", \"chain_hash\") SELECT \"receipt_code\", \"round_id\", \"choices\", \"source\", \"ballot_hash\", \"prev_hash\", \"chain_hash\" FROM \"livelihood_ballots\"");
    await queryRunner.query("DROP TABLE \"livelihood_ballots\"");
    await queryRunner.query("ALTER TABLE \"temporary_livelihood_ballots\" RENAME TO \"livelihood_ballots\"");
    await queryRunner.query("CREATE INDEX \"IDX_eb0fa846bf3ad8fd5fd01f6579\" ON \"livelihood_ballots\" (\"round_id\", \"receipt_code\") ");
    await queryRunner.query("CREATE INDEX \"IDX_ef284376f7df33bd090b57f371\" ON \"livelihood_ballots\" (\"round_id\", \"batch\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_ef284376f7df33bd090b57f371\"");
    await queryRunner.query("DROP INDEX \"IDX_eb0fa846bf3ad8fd5fd01f6579\"");
    await queryRunner.query("ALTER TABLE \"livelihood_ballots\" RENAME TO \"temporary_livelihood_ballots\"");
    await queryRunner.query("CREATE TABLE \"livelihood_ballots\" (\"receipt_code\" varchar(24) PRIMARY KEY NOT NULL, \"round_id\" integer NOT NULL, \"choices\" varchar(1000) NOT NULL, \"source\" varchar(12) NOT NULL, \"ballot_hash\" varchar(64) NOT NULL, \"prev_hash\" varchar(64), \"chain_hash\" varchar(64)) WITHOUT ROWID");
    await queryRunner.query("INSERT INTO \"livelihood_ballots\"(\"receipt_code\", \"round_id\", \"choices\", \"source\", \"ballot_hash\", \"prev_hash\", \"chain_hash\") SELECT \"receipt_code\", \"round_id\", \"choices\", \"source\", \"ballot_hash\", \"prev_hash\", \"chain_hash\" FROM \"temporary_livelihood_ballots\"");
    await queryRunner.query("DROP TABLE \"temporary_livelihood_ballots\"");
    await queryRunner.query("CREATE INDEX \"IDX_eb0fa846bf3ad8fd5fd01f6579\" ON \"livelihood_ballots\" (\"round_id\", \"receipt_code\") ");
    await queryRunner.query("DROP TABLE \"livelihood_board_checkpoints\"");
  }
}
