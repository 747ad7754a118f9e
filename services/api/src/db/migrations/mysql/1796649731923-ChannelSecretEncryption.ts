import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CHANNEL_SECRET_COLUMNS, rewriteColumns } from '../../encrypt-columns';

export class ChannelSecretEncryption1796649731923 implements MigrationInterface {
  name = 'ChannelSecretEncryption1796649731923';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Widened in place (the values are kept), then every existing secret is encrypted.
    await queryRunner.query("ALTER TABLE `notice_channels` MODIFY `secret` varchar(512) NOT NULL");
    await rewriteColumns(queryRunner, CHANNEL_SECRET_COLUMNS, 'encrypt');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await rewriteColumns(queryRunner, CHANNEL_SECRET_COLUMNS, 'decrypt');
    await queryRunner.query("ALTER TABLE `notice_channels` MODIFY `secret` varchar(128) NOT NULL");
  }
}
