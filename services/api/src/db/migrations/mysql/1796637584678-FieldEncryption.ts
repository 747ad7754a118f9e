import type { MigrationInterface, QueryRunner } from 'typeorm';
import { FIRST_ENCRYPTED_COLUMNS, rewriteColumns } from '../../encrypt-columns';

export class FieldEncryption1796637584678 implements MigrationInterface {
  name = 'FieldEncryption1796637584678';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Widened in place (the values are kept), then every existing value is encrypted.
    await queryRunner.query("ALTER TABLE `users` MODIFY `totp_secret` varchar(255) NULL");
    await queryRunner.query("ALTER TABLE `users` MODIFY `totp_pending_secret` varchar(255) NULL");
    await queryRunner.query("ALTER TABLE `secretaries` MODIFY `contact` varchar(1024) NOT NULL DEFAULT ''");
    await queryRunner.query("ALTER TABLE `livelihood_proposals` MODIFY `contact` varchar(512) NULL");
    await rewriteColumns(queryRunner, FIRST_ENCRYPTED_COLUMNS, 'encrypt');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await rewriteColumns(queryRunner, FIRST_ENCRYPTED_COLUMNS, 'decrypt');
    await queryRunner.query("ALTER TABLE `livelihood_proposals` MODIFY `contact` varchar(64) NULL");
    await queryRunner.query("ALTER TABLE `secretaries` MODIFY `contact` varchar(200) NOT NULL DEFAULT ''");
    await queryRunner.query("ALTER TABLE `users` MODIFY `totp_pending_secret` varchar(64) NULL");
    await queryRunner.query("ALTER TABLE `users` MODIFY `totp_secret` varchar(64) NULL");
  }
}
