import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ProjectParties1796628511773 implements MigrationInterface {
  name = 'ProjectParties1796628511773';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `project_parties` (`id` int NOT NULL AUTO_INCREMENT, `project_id` int NOT NULL, `area_id` int NOT NULL, `role` varchar(16) NOT NULL, `name` varchar(128) NOT NULL, `credit_code` varchar(18) NOT NULL, `version` int NOT NULL, INDEX `IDX_7be8f389adf83d4d1fee418853` (`credit_code`), UNIQUE INDEX `IDX_d0e464862445c90126f5c750e8` (`project_id`, `role`, `credit_code`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_d0e464862445c90126f5c750e8` ON `project_parties`");
    await queryRunner.query("DROP INDEX `IDX_7be8f389adf83d4d1fee418853` ON `project_parties`");
    await queryRunner.query("DROP TABLE `project_parties`");
  }
}
