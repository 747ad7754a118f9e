import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddDispatchMeetings1795761852529 implements MigrationInterface {
  name = 'AddDispatchMeetings1795761852529';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `dispatch_meetings` (`id` int NOT NULL AUTO_INCREMENT, `area_id` int NOT NULL, `city_id` int NOT NULL, `kind` varchar(16) NOT NULL, `period` varchar(7) NOT NULL, `title` varchar(200) NOT NULL, `held_on` varchar(10) NULL, `location` varchar(200) NOT NULL DEFAULT '', `host_area_id` int NULL, `minutes` text NOT NULL, `created_by` varchar(64) NOT NULL, `created_at` datetime NOT NULL, `version` int NOT NULL DEFAULT '1', INDEX `IDX_4a12516e7b3afe1a6219d13480` (`city_id`, `period`), UNIQUE INDEX `IDX_2d3ea0fe909a8909bd9990a045` (`area_id`, `period`, `kind`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    await queryRunner.query("CREATE TABLE `dispatch_list_items` (`id` int NOT NULL AUTO_INCREMENT, `meeting_id` int NOT NULL, `project_id` int NOT NULL, `reasons` varchar(120) NOT NULL, `sort_order` int NOT NULL, INDEX `IDX_b74636f713ffe327386a03ea51` (`project_id`), UNIQUE INDEX `IDX_71ee86e20bf3bbca6c41c81a9d` (`meeting_id`, `project_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    await queryRunner.query("CREATE TABLE `dispatch_attendees` (`id` int NOT NULL AUTO_INCREMENT, `meeting_id` int NOT NULL, `name` varchar(64) NOT NULL, `unit` varchar(128) NOT NULL, `role` varchar(32) NOT NULL DEFAULT '', INDEX `IDX_c490f5efdab070693cec47e478` (`meeting_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_c490f5efdab070693cec47e478` ON `dispatch_attendees`");
    await queryRunner.query("DROP TABLE `dispatch_attendees`");
    await queryRunner.query("DROP INDEX `IDX_71ee86e20bf3bbca6c41c81a9d` ON `dispatch_list_items`");
    await queryRunner.query("DROP INDEX `IDX_b74636f713ffe327386a03ea51` ON `dispatch_list_items`");
    await queryRunner.query("DROP TABLE `dispatch_list_items`");
    await queryRunner.query("DROP INDEX `IDX_2d3ea0fe909a8909bd9990a045` ON `dispatch_meetings`");
    await queryRunner.query("DROP INDEX `IDX_4a12516e7b3afe1a6219d13480` ON `dispatch_meetings`");
    await queryRunner.query("DROP TABLE `dispatch_meetings`");
  }
}
