import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OpenDataReportSplits1796662029918 implements MigrationInterface {
  name = 'OpenDataReportSplits1796662029918';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"monthly_report_sources\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"report_id\" integer NOT NULL, \"project_id\" integer NOT NULL, \"area_id\" integer NOT NULL, \"period\" varchar(7) NOT NULL, \"source_id\" integer NOT NULL, \"amount\" bigint NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_eb7245e3ce15b5471b9ea752a1\" ON \"monthly_report_sources\" (\"area_id\", \"period\", \"source_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_f2ffdb79bd722a62122563999f\" ON \"monthly_report_sources\" (\"report_id\", \"source_id\") ");
    await queryRunner.query("DROP INDEX \"IDX_cd3baa8fc305a8c5fe5973b071\"");
    await queryRunner.query("DROP INDEX \"IDX_f3c511bf827ce2daeb83ee3cc5\"");
    await queryRunner.query("DROP INDEX \"IDX_2187088ab5ef2a918473cb9900\"");
    await queryRunner.query("DROP INDEX \"IDX_ff80428b75d7aca409edadd870\"");
    await queryRunner.query("DROP INDEX \"IDX_8008efe4358d403d5fa750f155\"");
    await queryRunner.query("DROP INDEX \"IDX_22611978869ac4a34bd7a97fc1\"");
    await queryRunner.query("DROP INDEX \"IDX_d4937a21a6605824bae98430f5\"");
    await queryRunner.query("DROP INDEX \"IDX_8532c05bfea57764fdcacfd94a\"");
    await queryRunner.query("DROP INDEX \"IDX_c57d32e788960e5ba3bcaf518f\"");
    await queryRunner.query("CREATE TABLE \"temporary_projects\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"area_id\" integer NOT NULL, \"city_id\" integer NOT NULL, \"code\" varchar(32) NOT NULL, \"name\" varchar(128) NOT NULL, \"category\" varchar(24) NOT NULL, \"stage\" varchar(16) NOT NULL, \"total_investment\" bigint NOT NULL, \"construction_start\" varchar(7) NOT NULL, \"construction_end\" varchar(7) NOT NULL, \"enterprise\" varchar(128) NOT NULL, \"responsible_leader\" varchar(64) NOT NULL, \"responsible_unit\" varchar(128) NOT NULL, \"key_push\" boolean NOT NULL DEFAULT (0), \"major_government_investment\" boolean NOT NULL DEFAULT (0), \"removed_from_library\" boolean NOT NULL DEFAULT (0), \"location_geo_json\" text, \"boundary_east\" varchar(200), \"boundary_west\" varchar(200), \"boundary_south\" varchar(200), \"boundary_north\" varchar(200), \"version\" integer NOT NULL DEFAULT (1), \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')), \"national_code\" varchar(24), \"open_data\" boolean NOT NULL DEFAULT (0), CONSTRAINT \"UQ_d95a87318392465ab663a32cc4f\" UNIQUE (\"code\"))");
    await queryRunner.query("INSERT INTO \"temporary_projects\"(\"id\", \"area_id\", \"city_id\", \"code\", \"name\", \"category\", \"stage\", \"total_investment\", \"construction_start\", \"construction_end\", \"enterprise\", \"responsible_leader\", \"responsible_unit\", \"key_push\", \"major_government_investment\", \"removed_from_library\", \"location_geo_json\", \"boundary_east\", \"boundary_west\", \"boundary_south\", \"boundary_north\", \"version\", \"created_at\", \"updated_at\", \"national_code\") SELECT \"id\", \"area_id\", \"city_id\", \"code\", \"name\", \"category\", \"stage\", \"total_investment\", \"construction_start\", \"construction_end\", \"enterprise\", \"responsible_leader\", \"responsible_unit\", \"key_push\", \"major_government_investment\", \"removed_from_library\", \"location_geo_json\", \"boundary_east\", \"boundary_west\", \"boundary_south\", \"boundary_north\", \"version\", \"created_at\", \"updated_at\", \"national_code\" FROM \"projects\"");
    await queryRunner.query("DROP TABLE \"projects\"");
    await queryRunner.query("ALTER TABLE \"temporary_projects\" RENAME TO \"projects\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_cd3baa8fc305a8c5fe5973b071\" ON \"projects\" (\"national_code\") ");
    await queryRunner.query("CREATE INDEX \"IDX_f3c511bf827ce2daeb83ee3cc5\" ON \"projects\" (\"enterprise\") ");
    await queryRunner.query("CREATE INDEX \"IDX_2187088ab5ef2a918473cb9900\" ON \"projects\" (\"name\") ");
    await queryRunner.query("CREATE INDEX \"IDX_ff80428b75d7aca409edadd870\" ON \"projects\" (\"total_investment\") ");
    await queryRunner.query("CREATE INDEX \"IDX_8008efe4358d403d5fa750f155\" ON \"projects\" (\"stage\") ");
    await queryRunner.query("CREATE INDEX \"IDX_22611978869ac4a34bd7a97fc1\" ON \"projects\" (\"category\") ");
    await queryRunner.query("CREATE INDEX \"IDX_d4937a21a6605824bae98430f5\" ON \"projects\" (\"city_id\", \"total_investment\") ");
    await queryRunner.query("CREATE INDEX \"IDX_8532c05bfea57764fdcacfd94a\" ON \"projects\" (\"area_id\", \"name\") ");
    await queryRunner.query("CREATE INDEX \"IDX_c57d32e788960e5ba3bcaf518f\" ON \"projects\" (\"area_id\", \"stage\", \"removed_from_library\", \"total_investment\", \"city_id\", \"construction_start\", \"construction_end\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_c57d32e788960e5ba3bcaf518f\"");
    await queryRunner.query("DROP INDEX \"IDX_8532c05bfea57764fdcacfd94a\"");
    await queryRunner.query("DROP INDEX \"IDX_d4937a21a6605824bae98430f5\"");
    await queryRunner.query("DROP INDEX \"IDX_22611978869ac4a34bd7a97fc1\"");
    await queryRunner.query("DROP INDEX \"IDX_8008efe4358d403d5fa750f155\"");
    await queryRunner.query("DROP INDEX \"IDX_ff80428b75d7aca409edadd870\"");
    await queryRunner.query("DROP INDEX \"IDX_2187088ab5ef2a918473cb9900\"");
    await queryRunner.query("DROP INDEX \"IDX_f3c511bf827ce2daeb83ee3cc5\"");
    await queryRunner.query("DROP INDEX \"IDX_cd3baa8fc305a8c5fe5973b071\"");
    await queryRunner.query("ALTER TABLE \"projects\" RENAME TO \"temporary_projects\"");
    await queryRunner.query("CREATE TABLE \"projects\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"area_id\" integer NOT NULL, \"city_id\" integer NOT NULL, \"code\" varchar(32) NOT NULL, \"name\" varchar(128) NOT NULL, \"category\" varchar(24) NOT NULL, \"stage\" varchar(16) NOT NULL, \"total_investment\" bigint NOT NULL, \"construction_start\" varchar(7) NOT NULL, \"construction_end\" varchar(7) NOT NULL, \"enterprise\" varchar(128) NOT NULL, \"responsible_leader\" varchar(64) NOT NULL, \"responsible_unit\" varchar(128) NOT NULL, \"key_push\" boolean NOT NULL DEFAULT (0), \"major_government_investment\" boolean NOT NULL DEFAULT (0), \"removed_from_library\" boolean NOT NULL DEFAULT (0), \"location_geo_json\" text, \"boundary_east\" varchar(200), \"boundary_west\" varchar(200), \"boundary_south\" varchar(200), \"boundary_north\" varchar(200), \"version\" integer NOT NULL DEFAULT (1), \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')), \"national_code\" varchar(24), CONSTRAINT \"UQ_d95a87318392465ab663a32cc4f\" UNIQUE (\"code\"))");
    await queryRunner.query("INSERT INTO \"projects\"(\"id\", \"area_id\", \"city_id\", \"code\", \"name\", \"category\", \"stage\", \"total_investment\", \"construction_start\", \"construction_end\", \"enterprise\", \"responsible_leader\", \"responsible_unit\", \"key_push\", \"major_government_investment\", \"removed_from_library\", \"location_geo_json\", \"boundary_east\", \"boundary_west\", \"boundary_south\", \"boundary_north\", \"version\", \"created_at\", \"updated_at\", \"national_code\") SELECT \"id\", \"area_id\", \"city_id\", \"code\", \"name\", \"category\", \"stage\", \"total_investment\", \"construction_start\", \"construction_end\", \"enterprise\", \"responsible_leader\", \"responsible_unit\", \"key_push\", \"major_government_investment\", \"removed_from_library\", \"location_geo_json\", \"boundary_east\", \"boundary_west\", \"boundary_south\", \"boundary_north\", \"version\", \"created_at\", \"updated_at\", \"national_code\" FROM \"temporary_projects\"");
    await queryRunner.query("DROP TABLE \"temporary_projects\"");
    await queryRunner.query("CREATE INDEX \"IDX_c57d32e788960e5ba3bcaf518f\" ON \"projects\" (\"area_id\", \"stage\", \"removed_from_library\", \"total_investment\", \"city_id\", \"construction_start\", \"construction_end\") ");
    await queryRunner.query("CREATE INDEX \"IDX_8532c05bfea57764fdcacfd94a\" ON \"projects\" (\"area_id\", \"name\") ");
    await queryRunner.query("CREATE INDEX \"IDX_d4937a21a6605824bae98430f5\" ON \"projects\" (\"city_id\", \"total_investment\") ");
    await queryRunner.query("CREATE INDEX \"IDX_22611978869ac4a34bd7a97fc1\" ON \"projects\" (\"category\") ");
    await queryRunner.query("CREATE INDEX \"IDX_8008efe4358d403d5fa750f155\" ON \"projects\" (\"stage\") ");
    await queryRunner.query("CREATE INDEX \"IDX_ff80428b75d7aca409edadd870\" ON \"projects\" (\"total_investment\") ");
    await queryRunner.query("CREATE INDEX \"IDX_2187088ab5ef2a918473cb9900\" ON \"projects\" (\"name\") ");
    await queryRunner.query("CREATE INDEX \"IDX_f3c511bf827ce2daeb83ee3cc5\" ON \"projects\" (\"enterprise\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_cd3baa8fc305a8c5fe5973b071\" ON \"projects\" (\"national_code\") ");
    await queryRunner.query("DROP INDEX \"IDX_f2ffdb79bd722a62122563999f\"");
    await queryRunner.query("DROP INDEX \"IDX_eb7245e3ce15b5471b9ea752a1\"");
    await queryRunner.query("DROP TABLE \"monthly_report_sources\"");
  }
}
