import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddAuditChain1796614068613 implements MigrationInterface {
  name = 'AddAuditChain1796614068613';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"audit_chain_head\" (\"id\" integer PRIMARY KEY NOT NULL, \"seq\" integer NOT NULL, \"hash\" varchar(64) NOT NULL)");
    await queryRunner.query("DROP INDEX \"IDX_22888a71aa18c080e6027d084f\"");
    await queryRunner.query("DROP INDEX \"IDX_ab2068e75af4bae070fce4bfd2\"");
    await queryRunner.query("DROP INDEX \"IDX_a4e9ae2309582ed13ccd190c54\"");
    await queryRunner.query("CREATE TABLE \"temporary_audit_records\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"at\" datetime NOT NULL DEFAULT (datetime('now')), \"actor_user_id\" integer, \"actor_username\" varchar(64), \"action\" varchar(64) NOT NULL, \"entity_type\" varchar(48) NOT NULL, \"entity_id\" varchar(64), \"area_id\" integer, \"before\" text, \"after\" text, \"request_id\" varchar(64), \"chain_seq\" integer, \"chain_hash\" varchar(64))");
    await queryRunner.query("INSERT INTO \"temporary_audit_records\"(\"id\", \"at\", \"actor_user_id\", \"actor_username\", \"action\", \"entity_type\", \"entity_id\", \"area_id\", \"before\", \"after\", \"request_id\") SELECT \"id\", \"at\", \"actor_user_id\", \"actor_username\", \"action\", \"entity_type\", \"entity_id\", \"area_id\", \"before\", \"after\", \"request_id\" FROM \"audit_records\"");
    await queryRunner.query("DROP TABLE \"audit_records\"");
    await queryRunner.query("ALTER TABLE \"temporary_audit_records\" RENAME TO \"audit_records\"");
    await queryRunner.query("CREATE INDEX \"IDX_22888a71aa18c080e6027d084f\" ON \"audit_records\" (\"area_id\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_ab2068e75af4bae070fce4bfd2\" ON \"audit_records\" (\"entity_type\", \"entity_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_a4e9ae2309582ed13ccd190c54\" ON \"audit_records\" (\"actor_user_id\", \"id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_18dac386e7509ee94cf1363cfa\" ON \"audit_records\" (\"chain_seq\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_18dac386e7509ee94cf1363cfa\"");
    await queryRunner.query("DROP INDEX \"IDX_a4e9ae2309582ed13ccd190c54\"");
    await queryRunner.query("DROP INDEX \"IDX_ab2068e75af4bae070fce4bfd2\"");
    await queryRunner.query("DROP INDEX \"IDX_22888a71aa18c080e6027d084f\"");
    await queryRunner.query("ALTER TABLE \"audit_records\" RENAME TO \"temporary_audit_records\"");
    await queryRunner.query("CREATE TABLE \"audit_records\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"at\" datetime NOT NULL DEFAULT (datetime('now')), \"actor_user_id\" integer, \"actor_username\" varchar(64), \"action\" varchar(64) NOT NULL, \"entity_type\" varchar(48) NOT NULL, \"entity_id\" varchar(64), \"area_id\" integer, \"before\" text, \"after\" text, \"request_id\" varchar(64))");
    await queryRunner.query("INSERT INTO \"audit_records\"(\"id\", \"at\", \"actor_user_id\", \"actor_username\", \"action\", \"entity_type\", \"entity_id\", \"area_id\", \"before\", \"after\", \"request_id\") SELECT \"id\", \"at\", \"actor_user_id\", \"actor_username\", \"action\", \"entity_type\", \"entity_id\", \"area_id\", \"before\", \"after\", \"request_id\" FROM \"temporary_audit_records\"");
    await queryRunner.query("DROP TABLE \"temporary_audit_records\"");
    await queryRunner.query("CREATE INDEX \"IDX_a4e9ae2309582ed13ccd190c54\" ON \"audit_records\" (\"actor_user_id\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_ab2068e75af4bae070fce4bfd2\" ON \"audit_records\" (\"entity_type\", \"entity_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_22888a71aa18c080e6027d084f\" ON \"audit_records\" (\"area_id\", \"id\") ");
    await queryRunner.query("DROP TABLE \"audit_chain_head\"");
  }
}
