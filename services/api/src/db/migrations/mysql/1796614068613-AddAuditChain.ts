import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddAuditChain1796614068613 implements MigrationInterface {
  name = 'AddAuditChain1796614068613';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `audit_chain_head` (`id` int NOT NULL, `seq` int NOT NULL, `hash` varchar(64) NOT NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    await queryRunner.query("ALTER TABLE `audit_records` ADD `chain_seq` int NULL");
    await queryRunner.query("ALTER TABLE `audit_records` ADD UNIQUE INDEX `IDX_18dac386e7509ee94cf1363cfa` (`chain_seq`)");
    await queryRunner.query("ALTER TABLE `audit_records` ADD `chain_hash` varchar(64) NULL");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `audit_records` DROP COLUMN `chain_hash`");
    await queryRunner.query("ALTER TABLE `audit_records` DROP INDEX `IDX_18dac386e7509ee94cf1363cfa`");
    await queryRunner.query("ALTER TABLE `audit_records` DROP COLUMN `chain_seq`");
    await queryRunner.query("DROP TABLE `audit_chain_head`");
  }
}
