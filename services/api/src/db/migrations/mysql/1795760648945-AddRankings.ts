import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddRankings1795760648945 implements MigrationInterface {
  name = 'AddRankings1795760648945';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `ranking_publications` (`id` int NOT NULL AUTO_INCREMENT, `city_id` int NOT NULL, `period` varchar(7) NOT NULL, `weights_json` varchar(200) NOT NULL, `published_by` varchar(64) NOT NULL, `published_at` datetime NOT NULL, UNIQUE INDEX `IDX_762fc4b4ace22f5c07ce11daa9` (`city_id`, `period`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    await queryRunner.query("CREATE TABLE `ranking_entries` (`id` int NOT NULL AUTO_INCREMENT, `publication_id` int NOT NULL, `city_id` int NOT NULL, `period` varchar(7) NOT NULL, `area_id` int NOT NULL, `project_count` int NOT NULL, `milestones_due` int NOT NULL, `milestones_met_on_time` int NOT NULL, `ytd_planned` bigint NOT NULL, `ytd_actual` bigint NOT NULL, `green` int NOT NULL, `yellow` int NOT NULL, `red` int NOT NULL, `milestone_rate_tenths` int NULL, `investment_rate_tenths` int NULL, `light_score_tenths` int NULL, `score_hundredths` int NULL, `rank` int NULL, INDEX `IDX_d8f9497d9feb0ed269f29b12df` (`area_id`, `period`), INDEX `IDX_bbee934ccc7f45c543c0c7d8e5` (`publication_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_bbee934ccc7f45c543c0c7d8e5` ON `ranking_entries`");
    await queryRunner.query("DROP INDEX `IDX_d8f9497d9feb0ed269f29b12df` ON `ranking_entries`");
    await queryRunner.query("DROP TABLE `ranking_entries`");
    await queryRunner.query("DROP INDEX `IDX_762fc4b4ace22f5c07ce11daa9` ON `ranking_publications`");
    await queryRunner.query("DROP TABLE `ranking_publications`");
  }
}
