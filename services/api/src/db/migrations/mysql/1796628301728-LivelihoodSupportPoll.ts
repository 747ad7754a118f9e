import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LivelihoodSupportPoll1796628301728 implements MigrationInterface {
  name = 'LivelihoodSupportPoll1796628301728';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `livelihood_supports` (`id` int NOT NULL AUTO_INCREMENT, `session_id` int NOT NULL, `candidate_id` int NOT NULL, `supporter_hash` varchar(64) NOT NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_9825835f738516d6da9101d8bf` (`session_id`, `candidate_id`), UNIQUE INDEX `IDX_a962ae2b6438214bbd5a2bafac` (`candidate_id`, `supporter_hash`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    await queryRunner.query("ALTER TABLE `livelihood_sessions` ADD `support_opens_at` datetime NULL");
    await queryRunner.query("ALTER TABLE `livelihood_sessions` ADD `support_closes_at` datetime NULL");
    await queryRunner.query("ALTER TABLE `livelihood_sessions` ADD `support_salt` varchar(32) NULL");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `livelihood_sessions` DROP COLUMN `support_salt`");
    await queryRunner.query("ALTER TABLE `livelihood_sessions` DROP COLUMN `support_closes_at`");
    await queryRunner.query("ALTER TABLE `livelihood_sessions` DROP COLUMN `support_opens_at`");
    await queryRunner.query("DROP INDEX `IDX_a962ae2b6438214bbd5a2bafac` ON `livelihood_supports`");
    await queryRunner.query("DROP INDEX `IDX_9825835f738516d6da9101d8bf` ON `livelihood_supports`");
    await queryRunner.query("DROP TABLE `livelihood_supports`");
  }
}
