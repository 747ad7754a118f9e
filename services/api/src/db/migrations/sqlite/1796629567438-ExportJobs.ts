import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ExportJobs1796629567438 implements MigrationInterface {
  name = 'ExportJobs1796629567438';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"export_jobs\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"status\" varchar(16) NOT NULL, \"format\" varchar(8) NOT NULL, \"query\" text NOT NULL, \"variables\" text, \"connection\" varchar(64) NOT NULL, \"row_count\" integer NOT NULL DEFAULT (0), \"total_count\" integer, \"error\" varchar(500), \"requested_by_user_id\" integer NOT NULL, \"requested_by\" varchar(64) NOT NULL, \"area_id\" integer, \"file_id\" varchar(36), \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"finished_at\" datetime)");
    await queryRunner.query("CREATE INDEX \"IDX_16e580d2a4d4dae69cfc47b385\" ON \"export_jobs\" (\"requested_by_user_id\", \"status\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_16e580d2a4d4dae69cfc47b385\"");
    await queryRunner.query("DROP TABLE \"export_jobs\"");
  }
}
