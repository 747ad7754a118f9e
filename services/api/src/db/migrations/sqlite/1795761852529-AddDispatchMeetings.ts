import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddDispatchMeetings1795761852529 implements MigrationInterface {
  name = 'AddDispatchMeetings1795761852529';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"dispatch_meetings\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"area_id\" integer NOT NULL, \"city_id\" integer NOT NULL, \"kind\" varchar(16) NOT NULL, \"period\" varchar(7) NOT NULL, \"title\" varchar(200) NOT NULL, \"held_on\" varchar(10), \"location\" varchar(200) NOT NULL DEFAULT (''), \"host_area_id\" integer, \"minutes\" text NOT NULL, \"created_by\" varchar(64) NOT NULL, \"created_at\" datetime NOT NULL, \"version\" integer NOT NULL DEFAULT (1))");
    await queryRunner.query("CREATE INDEX \"IDX_4a12516e7b3afe1a6219d13480\" ON \"dispatch_meetings\" (\"city_id\", \"period\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_2d3ea0fe909a8909bd9990a045\" ON \"dispatch_meetings\" (\"area_id\", \"period\", \"kind\") ");
    await queryRunner.query("CREATE TABLE \"dispatch_list_items\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"meeting_id\" integer NOT NULL, \"project_id\" integer NOT NULL, \"reasons\" varchar(120) NOT NULL, \"sort_order\" integer NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_b74636f713ffe327386a03ea51\" ON \"dispatch_list_items\" (\"project_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_71ee86e20bf3bbca6c41c81a9d\" ON \"dispatch_list_items\" (\"meeting_id\", \"project_id\") ");
    await queryRunner.query("CREATE TABLE \"dispatch_attendees\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"meeting_id\" integer NOT NULL, \"name\" varchar(64) NOT NULL, \"unit\" varchar(128) NOT NULL, \"role\" varchar(32) NOT NULL DEFAULT (''))");
    await queryRunner.query("CREATE INDEX \"IDX_c490f5efdab070693cec47e478\" ON \"dispatch_attendees\" (\"meeting_id\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_c490f5efdab070693cec47e478\"");
    await queryRunner.query("DROP TABLE \"dispatch_attendees\"");
    await queryRunner.query("DROP INDEX \"IDX_71ee86e20bf3bbca6c41c81a9d\"");
    await queryRunner.query("DROP INDEX \"IDX_b74636f713ffe327386a03ea51\"");
    await queryRunner.query("DROP TABLE \"dispatch_list_items\"");
    await queryRunner.query("DROP INDEX \"IDX_2d3ea0fe909a8909bd9990a045\"");
    await queryRunner.query("DROP INDEX \"IDX_4a12516e7b3afe1a6219d13480\"");
    await queryRunner.query("DROP TABLE \"dispatch_meetings\"");
  }
}
