import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Investment1796625240707 implements MigrationInterface {
  name = 'Investment1796625240707';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `industry_chains` (`id` int NOT NULL AUTO_INCREMENT, `area_id` int NOT NULL, `name` varchar(64) NOT NULL, `description` varchar(500) NOT NULL DEFAULT '', `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX `IDX_615e63196ea7eebea15f28d069` (`area_id`, `name`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    await queryRunner.query("CREATE TABLE `chain_nodes` (`id` int NOT NULL AUTO_INCREMENT, `chain_id` int NOT NULL, `area_id` int NOT NULL, `parent_id` int NULL, `link` varchar(12) NOT NULL, `name` varchar(64) NOT NULL, `priority` int NOT NULL DEFAULT '3', `sort_order` int NOT NULL DEFAULT '0', INDEX `IDX_d938311c4b52ac0f2b8c363110` (`area_id`), UNIQUE INDEX `IDX_da4804d8791c097ade968acc55` (`chain_id`, `name`), INDEX `IDX_7db5c7516e1949316073fdde0e` (`chain_id`, `link`, `sort_order`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    await queryRunner.query("CREATE TABLE `target_companies` (`id` int NOT NULL AUTO_INCREMENT, `area_id` int NOT NULL, `credit_code` varchar(18) NOT NULL, `name` varchar(128) NOT NULL, `industry` varchar(64) NOT NULL, `size` varchar(8) NOT NULL, `location` varchar(64) NOT NULL DEFAULT '', `local` tinyint NOT NULL DEFAULT 0, `source` varchar(20) NOT NULL, `tag_text` varchar(300) NOT NULL DEFAULT '', `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_cf11e144208b08f5911d0ac860` (`area_id`, `local`, `source`), INDEX `IDX_cb634efa6a65568cfcc5372445` (`area_id`, `name`), UNIQUE INDEX `IDX_0ec85a5bb31c87e891b34287f1` (`area_id`, `credit_code`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    await queryRunner.query("CREATE TABLE `target_company_nodes` (`id` int NOT NULL AUTO_INCREMENT, `company_id` int NOT NULL, `node_id` int NOT NULL, `chain_id` int NOT NULL, `area_id` int NOT NULL, `local` tinyint NOT NULL DEFAULT 0, INDEX `IDX_d59db1f1d3b11c9126ef9ee7a4` (`area_id`), INDEX `IDX_48926fe57e283ba3b54b72e88b` (`node_id`, `local`), UNIQUE INDEX `IDX_791d9b9187dc2f1d2cfdad2109` (`company_id`, `node_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    await queryRunner.query("CREATE TABLE `investment_leads` (`id` int NOT NULL AUTO_INCREMENT, `area_id` int NOT NULL, `name` varchar(128) NOT NULL, `company_id` int NULL, `chain_id` int NULL, `node_id` int NULL, `stage` varchar(12) NOT NULL, `amount` bigint NOT NULL, `source` varchar(20) NOT NULL, `responsible_person` varchar(64) NOT NULL, `responsible_unit` varchar(128) NOT NULL, `next_step` varchar(300) NOT NULL DEFAULT '', `next_step_date` varchar(10) NULL, `last_step_date` varchar(10) NOT NULL, `signed_date` varchar(10) NULL, `project_id` int NULL, `version` int NOT NULL DEFAULT '1', `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_2882800a2110d8ce64e86807de` (`company_id`), INDEX `IDX_a92f2f1fe3aa9fccff70377814` (`node_id`), INDEX `IDX_d09ee1acb174bbefb3c9159e33` (`area_id`, `last_step_date`), INDEX `IDX_9593ae3eb1171c3332af291d4c` (`area_id`, `signed_date`), INDEX `IDX_96e8779929a9705eba1e275a2c` (`area_id`, `stage`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    await queryRunner.query("CREATE TABLE `investment_lead_steps` (`id` int NOT NULL AUTO_INCREMENT, `lead_id` int NOT NULL, `area_id` int NOT NULL, `kind` varchar(12) NOT NULL, `from_stage` varchar(12) NULL, `to_stage` varchar(12) NOT NULL, `date` varchar(10) NOT NULL, `note` varchar(1000) NOT NULL DEFAULT '', `recorded_by` varchar(64) NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_1339236e987764ba9454eeb189` (`area_id`, `kind`, `date`), INDEX `IDX_33444962fcaade0247c09f748d` (`lead_id`, `date`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    await queryRunner.query("CREATE TABLE `investment_targets` (`id` int NOT NULL AUTO_INCREMENT, `area_id` int NOT NULL, `year` int NOT NULL, `signed` int NOT NULL, `over2_billion` int NOT NULL, `over5_billion` int NOT NULL, UNIQUE INDEX `IDX_6820b6212c34780d6920f0ad2d` (`area_id`, `year`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_6820b6212c34780d6920f0ad2d` ON `investment_targets`");
    await queryRunner.query("DROP TABLE `investment_targets`");
    await queryRunner.query("DROP INDEX `IDX_33444962fcaade0247c09f748d` ON `investment_lead_steps`");
    await queryRunner.query("DROP INDEX `IDX_1339236e987764ba9454eeb189` ON `investment_lead_steps`");
    await queryRunner.query("DROP TABLE `investment_lead_steps`");
    await queryRunner.query("DROP INDEX `IDX_96e8779929a9705eba1e275a2c` ON `investment_leads`");
    await queryRunner.query("DROP INDEX `IDX_9593ae3eb1171c3332af291d4c` ON `investment_leads`");
    await queryRunner.query("DROP INDEX `IDX_d09ee1acb174bbefb3c9159e33` ON `investment_leads`");
    await queryRunner.query("DROP INDEX `IDX_a92f2f1fe3aa9fccff70377814` ON `investment_leads`");
    await queryRunner.query("DROP INDEX `IDX_2882800a2110d8ce64e86807de` ON `investment_leads`");
    await queryRunner.query("DROP TABLE `investment_leads`");
    await queryRunner.query("DROP INDEX `IDX_791d9b9187dc2f1d2cfdad2109` ON `target_company_nodes`");
    await queryRunner.query("DROP INDEX `IDX_48926fe57e283ba3b54b72e88b` ON `target_company_nodes`");
    await queryRunner.query("DROP INDEX `IDX_d59db1f1d3b11c9126ef9ee7a4` ON `target_company_nodes`");
    await queryRunner.query("DROP TABLE `target_company_nodes`");
    await queryRunner.query("DROP INDEX `IDX_0ec85a5bb31c87e891b34287f1` ON `target_companies`");
    await queryRunner.query("DROP INDEX `IDX_cb634efa6a65568cfcc5372445` ON `target_companies`");
    await queryRunner.query("DROP INDEX `IDX_cf11e144208b08f5911d0ac860` ON `target_companies`");
    await queryRunner.query("DROP TABLE `target_companies`");
    await queryRunner.query("DROP INDEX `IDX_7db5c7516e1949316073fdde0e` ON `chain_nodes`");
    await queryRunner.query("DROP INDEX `IDX_da4804d8791c097ade968acc55` ON `chain_nodes`");
    await queryRunner.query("DROP INDEX `IDX_d938311c4b52ac0f2b8c363110` ON `chain_nodes`");
    await queryRunner.query("DROP TABLE `chain_nodes`");
    await queryRunner.query("DROP INDEX `IDX_615e63196ea7eebea15f28d069` ON `industry_chains`");
    await queryRunner.query("DROP TABLE `industry_chains`");
  }
}
