import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SealedBallots1796637673986 implements MigrationInterface {
  name = 'SealedBallots1796637673986';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"livelihood_sealed_ballots\" (\"id\" varchar(32) PRIMARY KEY NOT NULL, \"round_id\" integer NOT NULL, \"source\" varchar(12) NOT NULL, \"sealed\" text NOT NULL, \"tracker\" varchar(64) NOT NULL, \"batch\" integer, \"prev_hash\" varchar(64), \"chain_hash\" varchar(64)) WITHOUT ROWID");
    await queryRunner.query("CREATE INDEX \"IDX_3dfd1a0e7a8d56e10bbfe02022\" ON \"livelihood_sealed_ballots\" (\"round_id\", \"tracker\") ");
    await queryRunner.query("CREATE INDEX \"IDX_bb45573fd91252faea8b377223\" ON \"livelihood_sealed_ballots\" (\"round_id\", \"batch\") ");
    await queryRunner.query("DROP INDEX \"IDX_1655c725d9fc8f32b94339a629\"");
    await queryRunner.query("CREATE TABLE \"temporary_livelihood_rounds\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"session_id\" integer NOT NULL, \"number\" integer NOT NULL, \"seats\" integer NOT NULL, \"candidate_ids\" varchar(1000) NOT NULL, \"roster_size\" integer NOT NULL, \"fingerprint\" varchar(64) NOT NULL, \"canonical\" text NOT NULL, \"status\" varchar(8) NOT NULL, \"opened_at\" datetime NOT NULL, \"closed_at\" datetime, \"digest\" varchar(64) NOT NULL, \"paper_issued\" integer NOT NULL DEFAULT (0), \"chain_head\" varchar(64), \"result\" text, \"public_key\" varchar(64))");
    await queryRunner.query("INSERT INTO \"temporary_livelihood_rounds\"(\"id\", \"session_id\", \"number\", \"seats\", \"candidate_ids\", \"roster_size\", \"fingerprint\", \"canonical\", \"status\", \"opened_at\", \"closed_at\", \"digest\", \"paper_issued\", \"chain_head\", \"result\") SELECT \"id\", \"session_id\", \"number\", \"seats\", \"candidate_ids\", \"roster_size\", \"fingerprint\", \"canonical\", \"status\", \"opened_at\", \"closed_at\", \"digest\", \"paper_issued\", \"chain_head\", \"result\" FROM \"livelihood_rounds\"");
    await queryRunner.query("DROP TABLE \"livelihood_rounds\"");
    await queryRunner.query("ALTER TABLE \"temporary_livelihood_rounds\" RENAME TO \"livelihood_rounds\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_1655c725d9fc8f32b94339a629\" ON \"livelihood_rounds\" (\"session_id\", \"number\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_1655c725d9fc8f32b94339a629\"");
    await queryRunner.query("ALTER TABLE \"livelihood_rounds\" RENAME TO \"temporary_livelihood_rounds\"");
    await queryRunner.query("CREATE TABLE \"livelihood_rounds\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"session_id\" integer NOT NULL, \"number\" integer NOT NULL, \"seats\" integer NOT NULL, \"candidate_ids\" varchar(1000) NOT NULL, \"roster_size\" integer NOT NULL, \"fingerprint\" varchar(64) NOT NULL, \"canonical\" text NOT NULL, \"status\" varchar(8) NOT NULL, \"opened_at\" datetime NOT NULL, \"closed_at\" datetime, \"digest\" varchar(64) NOT NULL, \"paper_issued\" integer NOT NULL DEFAULT (0), \"chain_head\" varchar(64), \"result\" text)");
    await queryRunner.query("INSERT INTO \"livelihood_rounds\"(\"id\", \"session_id\", \"number\", \"seats\", \"candidate_ids\", \"roster_size\", \"fingerprint\", \"canonical\", \"status\", \"opened_at\", \"closed_at\", \"digest\", \"paper_issued\", \"chain_head\", \"result\") SELECT \"id\", \"session_id\", \"number\", \"seats\", \"candidate_ids\", \"roster_size\", \"fingerprint\", \"canonical\", \"status\", \"opened_at\", \"closed_at\", \"digest\", \"paper_issued\", \"chain_head\", \"result\" FROM \"temporary_livelihood_rounds\"");
    await queryRunner.query("DROP TABLE \"temporary_livelihood_rounds\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_1655c725d9fc8f32b94339a629\" ON \"livelihood_rounds\" (\"session_id\", \"number\") ");
    await queryRunner.query("DROP INDEX \"IDX_bb45573fd91252faea8b377223\"");
    await queryRunner.query("DROP INDEX \"IDX_3dfd1a0e7a8d56e10bbfe02022\"");
    await queryRunner.query("DROP TABLE \"livelihood_sealed_ballots\"");
  }
}
