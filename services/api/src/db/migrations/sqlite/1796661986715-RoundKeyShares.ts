import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RoundKeyShares1796661986715 implements MigrationInterface {
  name = 'RoundKeyShares1796661986715';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"livelihood_round_shares\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"round_id\" integer NOT NULL, \"roster_entry_id\" integer NOT NULL, \"number\" integer NOT NULL, \"sealed\" text NOT NULL, \"share_hash\" varchar(64) NOT NULL, \"submitted\" varchar(100), \"submitted_at\" datetime)");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_7c474a91ba0421a30a2a7590ba\" ON \"livelihood_round_shares\" (\"round_id\", \"roster_entry_id\") ");
    await queryRunner.query("DROP INDEX \"IDX_ea030b7254f24ab759e934964f\"");
    await queryRunner.query("DROP INDEX \"IDX_a403a07cfec10004bc8b97160e\"");
    await queryRunner.query("CREATE TABLE \"temporary_livelihood_roster\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"session_id\" integer NOT NULL, \"user_id\" integer NOT NULL, \"name\" varchar(64) NOT NULL, \"delegation\" varchar(64) NOT NULL, \"scrutineer\" boolean NOT NULL DEFAULT (0), \"checked_in_at\" datetime, \"share_key\" varchar(100))");
    await queryRunner.query("INSERT INTO \"temporary_livelihood_roster\"(\"id\", \"session_id\", \"user_id\", \"name\", \"delegation\", \"scrutineer\", \"checked_in_at\") SELECT \"id\", \"session_id\", \"user_id\", \"name\", \"delegation\", \"scrutineer\", \"checked_in_at\" FROM \"livelihood_roster\"");
    await queryRunner.query("DROP TABLE \"livelihood_roster\"");
    await queryRunner.query("ALTER TABLE \"temporary_livelihood_roster\" RENAME TO \"livelihood_roster\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_ea030b7254f24ab759e934964f\" ON \"livelihood_roster\" (\"session_id\", \"user_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_a403a07cfec10004bc8b97160e\" ON \"livelihood_roster\" (\"user_id\") ");
    await queryRunner.query("DROP INDEX \"IDX_1655c725d9fc8f32b94339a629\"");
    await queryRunner.query("CREATE TABLE \"temporary_livelihood_rounds\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"session_id\" integer NOT NULL, \"number\" integer NOT NULL, \"seats\" integer NOT NULL, \"candidate_ids\" varchar(1000) NOT NULL, \"roster_size\" integer NOT NULL, \"fingerprint\" varchar(64) NOT NULL, \"canonical\" text NOT NULL, \"status\" varchar(8) NOT NULL, \"opened_at\" datetime NOT NULL, \"closed_at\" datetime, \"digest\" varchar(64) NOT NULL, \"paper_issued\" integer NOT NULL DEFAULT (0), \"chain_head\" varchar(64), \"result\" text, \"public_key\" varchar(64), \"counting_from\" datetime)");
    await queryRunner.query("INSERT INTO \"temporary_livelihood_rounds\"(\"id\", \"session_id\", \"number\", \"seats\", \"candidate_ids\", \"roster_size\", \"fingerprint\", \"canonical\", \"status\", \"opened_at\", \"closed_at\", \"digest\", \"paper_issued\", \"chain_head\", \"result\", \"public_key\") SELECT \"id\", \"session_id\", \"number\", \"seats\", \"candidate_ids\", \"roster_size\", \"fingerprint\", \"canonical\", \"status\", \"opened_at\", \"closed_at\", \"digest\", \"paper_issued\", \"chain_head\", \"result\", \"public_key\" FROM \"livelihood_rounds\"");
    await queryRunner.query("DROP TABLE \"livelihood_rounds\"");
    await queryRunner.query("ALTER TABLE \"temporary_livelihood_rounds\" RENAME TO \"livelihood_rounds\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_1655c725d9fc8f32b94339a629\" ON \"livelihood_rounds\" (\"session_id\", \"number\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_1655c725d9fc8f32b94339a629\"");
    await queryRunner.query("ALTER TABLE \"livelihood_rounds\" RENAME TO \"temporary_livelihood_rounds\"");
    await queryRunner.query("CREATE TABLE \"livelihood_rounds\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"session_id\" integer NOT NULL, \"number\" integer NOT NULL, \"seats\" integer NOT NULL, \"candidate_ids\" varchar(1000) NOT NULL, \"roster_size\" integer NOT NULL, \"fingerprint\" varchar(64) NOT NULL, \"canonical\" text NOT NULL, \"status\" varchar(8) NOT NULL, \"opened_at\" datetime NOT NULL, \"closed_at\" datetime, \"digest\" varchar(64) NOT NULL, \"paper_issued\" integer NOT NULL DEFAULT (0), \"chain_head\" varchar(64), \"result\" text, \"public_key\" varchar(64))");
    await queryRunner.query("INSERT INTO \"livelihood_rounds\"(\"id\", \"session_id\", \"number\", \"seats\", \"candidate_ids\", \"roster_size\", \"fingerprint\", \"canonical\", \"status\", \"opened_at\", \"closed_at\", \"digest\", \"paper_issued\", \"chain_head\", \"result\", \"public_key\") SELECT \"id\", \"session_id\", \"number\", \"seats\", \"candidate_ids\", \"roster_size\", \"fingerprint\", \"canonical\", \"status\", \"opened_at\", \"closed_at\", \"digest\", \"paper_issued\", \"chain_head\", \"result\", \"public_key\" FROM \"temporary_livelihood_rounds\"");
    await queryRunner.query("DROP TABLE \"temporary_livelihood_rounds\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_1655c725d9fc8f32b94339a629\" ON \"livelihood_rounds\" (\"session_id\", \"number\") ");
    await queryRunner.query("DROP INDEX \"IDX_a403a07cfec10004bc8b97160e\"");
    await queryRunner.query("DROP INDEX \"IDX_ea030b7254f24ab759e934964f\"");
    await queryRunner.query("ALTER TABLE \"livelihood_roster\" RENAME TO \"temporary_livelihood_roster\"");
    await queryRunner.query("CREATE TABLE \"livelihood_roster\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"session_id\" integer NOT NULL, \"user_id\" integer NOT NULL, \"name\" varchar(64) NOT NULL, \"delegation\" varchar(64) NOT NULL, \"scrutineer\" boolean NOT NULL DEFAULT (0), \"checked_in_at\" datetime)");
    await queryRunner.query("INSERT INTO \"livelihood_roster\"(\"id\", \"session_id\", \"user_id\", \"name\", \"delegation\", \"scrutineer\", \"checked_in_at\") SELECT \"id\", \"session_id\", \"user_id\", \"name\", \"delegation\", \"scrutineer\", \"checked_in_at\" FROM \"temporary_livelihood_roster\"");
    await queryRunner.query("DROP TABLE \"temporary_livelihood_roster\"");
    await queryRunner.query("CREATE INDEX \"IDX_a403a07cfec10004bc8b97160e\" ON \"livelihood_roster\" (\"user_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_ea030b7254f24ab759e934964f\" ON \"livelihood_roster\" (\"session_id\", \"user_id\") ");
    await queryRunner.query("DROP INDEX \"IDX_7c474a91ba0421a30a2a7590ba\"");
    await queryRunner.query("DROP TABLE \"livelihood_round_shares\"");
  }
}
