import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ProjectParties1796628511773 implements MigrationInterface {
  name = 'ProjectParties1796628511773';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"project_parties\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"project_id\" integer NOT NULL, \"area_id\" integer NOT NULL, \"role\" varchar(16) NOT NULL, \"name\" varchar(128) NOT NULL, \"credit_code\" varchar(18) NOT NULL, \"version\" integer NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_7be8f389adf83d4d1fee418853\" ON \"project_parties\" (\"credit_code\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_d0e464862445c90126f5c750e8\" ON \"project_parties\" (\"project_id\", \"role\", \"credit_code\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_d0e464862445c90126f5c750e8\"");
    await queryRunner.query("DROP INDEX \"IDX_7be8f389adf83d4d1fee418853\"");
    await queryRunner.query("DROP TABLE \"project_parties\"");
  }
}
