import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddInvestmentSummary1795768977346 implements MigrationInterface {
  name = 'AddInvestmentSummary1795768977346';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `investment_summary` (`area_id` int NOT NULL, `category` varchar(24) NOT NULL, `stage` varchar(16) NOT NULL, `period` varchar(7) NOT NULL, `planned` bigint NOT NULL DEFAULT '0', `plan_months` int NOT NULL DEFAULT '0', `actual` bigint NOT NULL DEFAULT '0', `reports` int NOT NULL DEFAULT '0', INDEX `IDX_7dee174c2a51a8df42f1a955fe` (`period`, `area_id`), PRIMARY KEY (`area_id`, `category`, `stage`, `period`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    // The summary of the plans and reports already stored.
    await queryRunner.query(
      "INSERT INTO investment_summary (area_id, category, stage, period, planned, plan_months, actual, reports) " +
        "SELECT area_id, category, stage, period, SUM(planned), SUM(plan_months), SUM(actual), SUM(reports) FROM (" +
        "SELECT p.area_id AS area_id, p.category AS category, p.stage AS stage, pm.period AS period, pm.planned_investment AS planned, 1 AS plan_months, 0 AS actual, 0 AS reports " +
        "FROM project_plan_months pm INNER JOIN projects p ON p.id = pm.project_id " +
        "UNION ALL SELECT r.area_id, p.category, p.stage, r.period, 0, 0, r.actual_investment, 1 FROM project_reports r INNER JOIN projects p ON p.id = r.project_id" +
        ") x GROUP BY area_id, category, stage, period",
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_7dee174c2a51a8df42f1a955fe` ON `investment_summary`");
    await queryRunner.query("DROP TABLE `investment_summary`");
  }
}
