import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ServiceCases1796627205253 implements MigrationInterface {
  name = 'ServiceCases1796627205253';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `service_cases` (`id` int NOT NULL AUTO_INCREMENT, `district_id` int NOT NULL, `item_id` int NOT NULL, `zone_id` int NULL, `case_no` varchar(40) NOT NULL, `applicant_type` varchar(16) NOT NULL, `channel` varchar(16) NOT NULL, `received_at` datetime NOT NULL, `accepted_at` datetime NOT NULL, `decided_at` datetime NULL, `delivered_at` datetime NULL, `outcome` varchar(16) NULL, `visits` int NOT NULL DEFAULT '0', `pauses` text NOT NULL, `promised_days` int NULL, `handling_days` int NULL, `paused_days` int NULL, `on_time` tinyint NULL, `promised_share_bp` int NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_d76910e0fbbb928832845e47a1` (`zone_id`, `received_at`), INDEX `IDX_2104b17c79b41e6c445c8fcaaa` (`item_id`, `received_at`), INDEX `IDX_aa5cd44144b65b58ceed583a87` (`district_id`, `received_at`), UNIQUE INDEX `IDX_89a8773c06c87f9cc96c380b9c` (`district_id`, `case_no`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_89a8773c06c87f9cc96c380b9c` ON `service_cases`");
    await queryRunner.query("DROP INDEX `IDX_aa5cd44144b65b58ceed583a87` ON `service_cases`");
    await queryRunner.query("DROP INDEX `IDX_2104b17c79b41e6c445c8fcaaa` ON `service_cases`");
    await queryRunner.query("DROP INDEX `IDX_d76910e0fbbb928832845e47a1` ON `service_cases`");
    await queryRunner.query("DROP TABLE `service_cases`");
  }
}
