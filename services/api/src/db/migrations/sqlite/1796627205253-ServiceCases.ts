import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ServiceCases1796627205253 implements MigrationInterface {
  name = 'ServiceCases1796627205253';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"service_cases\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"district_id\" integer NOT NULL, \"item_id\" integer NOT NULL, \"zone_id\" integer, \"case_no\" varchar(40) NOT NULL, \"applicant_type\" varchar(16) NOT NULL, \"channel\" varchar(16) NOT NULL, \"received_at\" datetime NOT NULL, \"accepted_at\" datetime NOT NULL, \"decided_at\" datetime, \"delivered_at\" datetime, \"outcome\" varchar(16), \"visits\" integer NOT NULL DEFAULT (0), \"pauses\" text NOT NULL, \"promised_days\" integer, \"handling_days\" integer, \"paused_days\" integer, \"on_time\" boolean, \"promised_share_bp\" integer, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_d76910e0fbbb928832845e47a1\" ON \"service_cases\" (\"zone_id\", \"received_at\") ");
    await queryRunner.query("CREATE INDEX \"IDX_2104b17c79b41e6c445c8fcaaa\" ON \"service_cases\" (\"item_id\", \"received_at\") ");
    await queryRunner.query("CREATE INDEX \"IDX_aa5cd44144b65b58ceed583a87\" ON \"service_cases\" (\"district_id\", \"received_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_89a8773c06c87f9cc96c380b9c\" ON \"service_cases\" (\"district_id\", \"case_no\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_89a8773c06c87f9cc96c380b9c\"");
    await queryRunner.query("DROP INDEX \"IDX_aa5cd44144b65b58ceed583a87\"");
    await queryRunner.query("DROP INDEX \"IDX_2104b17c79b41e6c445c8fcaaa\"");
    await queryRunner.query("DROP INDEX \"IDX_d76910e0fbbb928832845e47a1\"");
    await queryRunner.query("DROP TABLE \"service_cases\"");
  }
}
