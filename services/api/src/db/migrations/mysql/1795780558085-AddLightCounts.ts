import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddLightCounts1795780558085 implements MigrationInterface {
  name = 'AddLightCounts1795780558085';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `light_counts` (`period` varchar(7) NOT NULL, `area_id` int NOT NULL, `green` int NOT NULL DEFAULT '0', `yellow` int NOT NULL DEFAULT '0', `red` int NOT NULL DEFAULT '0', PRIMARY KEY (`period`, `area_id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    // The counts of the lights already stored.
    await queryRunner.query(
      "INSERT INTO light_counts (period, area_id, green, yellow, red) " +
        "SELECT period, area_id, SUM(CASE WHEN color = 'GREEN' THEN 1 ELSE 0 END), SUM(CASE WHEN color = 'YELLOW' THEN 1 ELSE 0 END), " +
        "SUM(CASE WHEN color = 'RED' THEN 1 ELSE 0 END) FROM project_lights GROUP BY period, area_id",
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE `light_counts`");
  }
}
