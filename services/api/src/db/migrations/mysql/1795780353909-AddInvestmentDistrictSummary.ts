import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddInvestmentDistrictSummary1795780353909 implements MigrationInterface {
  name = 'AddInvestmentDistrictSummary1795780353909';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `investment_district_summary` (`period` varchar(7) NOT NULL, `area_id` int NOT NULL, `planned` bigint NOT NULL DEFAULT '0', `plan_months` int NOT NULL DEFAULT '0', `actual` bigint NOT NULL DEFAULT '0', `reports` int NOT NULL DEFAULT '0', PRIMARY KEY (`period`, `area_id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    // The roll-up of the summary already stored.
    await queryRunner.query(
      "INSERT INTO investment_district_summary (period, area_id, planned, plan_months, actual, reports) " +
        "SELECT period, area_id, SUM(planned), SUM(plan_months), SUM(actual), SUM(reports) FROM investment_summary GROUP BY period, area_id",
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE `investment_district_summary`");
  }
}
