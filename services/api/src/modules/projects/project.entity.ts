import type { Fen, ProjectCategory as DomainCategory, ProjectStage as DomainStage } from '@kpd/domain';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { moneyColumn } from '../../core/columns';
import { MoneyScalar, PeriodScalar } from '../../core/scalars';

export enum ProjectCategory {
  INFRASTRUCTURE = 'INFRASTRUCTURE',
  INDUSTRIAL = 'INDUSTRIAL',
  MODERN_SERVICES = 'MODERN_SERVICES',
  SOCIAL = 'SOCIAL',
}

export enum ProjectStage {
  RESERVE = 'RESERVE',
  NEW = 'NEW',
  CONTINUING = 'CONTINUING',
  COMPLETED = 'COMPLETED',
  REMOVED = 'REMOVED',
}

registerEnumType(ProjectCategory, {
  name: 'ProjectCategory',
  description: 'What kind of project it is. 项目类别',
  valuesConfig: {
    INFRASTRUCTURE: { description: 'Infrastructure. 基础设施' },
    INDUSTRIAL: { description: 'Industry. 工业' },
    MODERN_SERVICES: { description: 'Modern services. 现代服务业' },
    SOCIAL: { description: 'Social programmes. 社会事业' },
  },
});

registerEnumType(ProjectStage, {
  name: 'ProjectStage',
  description: 'Where a project stands. 项目阶段',
  valuesConfig: {
    RESERVE: { description: 'Reserve. 储备' },
    NEW: { description: 'New. 新建' },
    CONTINUING: { description: 'Continuing. 续建' },
    COMPLETED: { description: 'Completed. 竣工' },
    REMOVED: { description: 'Removed from the list. 已剔除' },
  },
});

// The GraphQL enums and the domain's string unions hold the same values.
export const asDomainStage = (s: ProjectStage): DomainStage => s as DomainStage;
export const asDomainCategory = (c: ProjectCategory): DomainCategory => c as DomainCategory;

/** A key project of a district (重点项目): the ledger row the plan table, pictures and lights hang from. */
@ObjectType('Project', { description: 'A project of a district’s key-project ledger. 重点项目' })
@Entity('projects')
@Index(['areaId', 'name'])
@Index(['cityId', 'totalInvestment'])
@Index(['category'])
@Index(['stage'])
@Index(['totalInvestment'])
@Index(['name'])
@Index(['enterprise'])
@Index(['nationalCode'], { unique: true })
/** Covers the library-membership and construction tests of the statistics' key-project counts (a scan of the index alone). */
@Index(['areaId', 'stage', 'removedFromLibrary', 'totalInvestment', 'cityId', 'constructionStart', 'constructionEnd'])
export class Project {
  @Field(() => ID, { description: 'Stable id of the project. 编号' })
  @PrimaryGeneratedColumn()
  id!: number;

  /** The district (区县) the project belongs to. */
  @Column({ type: 'int' })
  areaId!: number;

  /** The district's city, kept for the library threshold (a city setting). */
  @Column({ type: 'int' })
  cityId!: number;

  @Field({ description: 'Project code, unique in the system, e.g. SJT-2020-001. 项目编码' })
  @Column({ type: 'varchar', length: 32, unique: true })
  code!: string;

  @Field({ description: 'Project name. 项目名称' })
  @Column({ type: 'varchar', length: 128 })
  name!: string;

  @Field(() => ProjectCategory, { description: 'Category. 项目类别' })
  @Column({ type: 'varchar', length: 24 })
  category!: ProjectCategory;

  @Field(() => ProjectStage, { description: 'Stage. 项目阶段' })
  @Column({ type: 'varchar', length: 16 })
  stage!: ProjectStage;

  @Field(() => MoneyScalar, { description: 'Total investment in 元. 总投资' })
  @Column(moneyColumn)
  totalInvestment!: Fen;

  @Field(() => PeriodScalar, { description: 'First month of construction. 建设周期开始' })
  @Column({ type: 'varchar', length: 7 })
  constructionStart!: string;

  @Field(() => PeriodScalar, { description: 'Last month of construction. 建设周期结束' })
  @Column({ type: 'varchar', length: 7 })
  constructionEnd!: string;

  @Field({ description: 'Implementing enterprise. 实施企业' })
  @Column({ type: 'varchar', length: 128 })
  enterprise!: string;

  @Field({ description: 'Responsible leader (district level). 包保领导' })
  @Column({ type: 'varchar', length: 64 })
  responsibleLeader!: string;

  @Field({ description: 'Responsible unit. 责任单位' })
  @Column({ type: 'varchar', length: 128 })
  responsibleUnit!: string;

  @Field({ description: 'A key-push project (must be dispatched monthly). 重点推进项目' })
  @Column({ type: 'boolean', default: false })
  keyPush!: boolean;

  @Field({ description: 'A major government-investment project. 重大政府投资项目' })
  @Column({ type: 'boolean', default: false })
  majorGovernmentInvestment!: boolean;

  @Field(() => String, { nullable: true, description: 'The national project code of 全国投资项目在线审批监管平台 (YYYY-AAAAAA-II-TT-NNNNNN), when it has one. 项目代码' })
  @Column({ type: 'varchar', length: 24, nullable: true })
  nationalCode!: string | null;

  @Field({ description: 'Published without sign-in in the open OC4IDS file of its area (GET /api/open/oc4ids.json). 公开' })
  @Column({ type: 'boolean', default: false })
  openData!: boolean;

  /** An admin confirmed the removal from the key-project library (after a red light). */
  @Column({ type: 'boolean', default: false })
  removedFromLibrary!: boolean;

  /** The site boundary as GeoJSON (WGS84), text. */
  @Column({ type: 'text', nullable: true })
  locationGeoJson!: string | null;

  @Field(() => String, { nullable: true, description: 'East boundary in words. 东至' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  boundaryEast!: string | null;

  @Field(() => String, { nullable: true, description: 'West boundary in words. 西至' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  boundaryWest!: string | null;

  @Field(() => String, { nullable: true, description: 'South boundary in words. 南至' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  boundarySouth!: string | null;

  @Field(() => String, { nullable: true, description: 'North boundary in words. 北至' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  boundaryNorth!: string | null;

  @Field(() => Int, { description: 'Version for optimistic concurrency; pass it back when editing. 版本' })
  @Column({ type: 'int', default: 1 })
  version!: number;

  @Field({ description: 'When the project was entered. 录入时间' })
  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date;

  @Field({ description: 'When it was last changed. 修改时间' })
  @UpdateDateColumn({ type: 'datetime' })
  updatedAt!: Date;
}

/** A recorded change of a project's stage (阶段变更), with who and why. */
@ObjectType('ProjectStageChange', { description: 'A change of a project’s stage. 阶段变更记录' })
@Entity('project_stage_changes')
@Index(['projectId', 'changedAt'])
export class ProjectStageChange {
  @Field(() => ID, { description: 'Id of the record. 编号' })
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  projectId!: number;

  @Field(() => ProjectStage, { nullable: true, description: 'Stage before (none when the project was entered). 原阶段' })
  @Column({ type: 'varchar', length: 16, nullable: true })
  fromStage!: ProjectStage | null;

  @Field(() => ProjectStage, { description: 'Stage after. 新阶段' })
  @Column({ type: 'varchar', length: 16 })
  toStage!: ProjectStage;

  @Field({ description: 'Why. 原因' })
  @Column({ type: 'varchar', length: 500 })
  reason!: string;

  @Field(() => String, { nullable: true, description: 'Who changed it. 操作人' })
  @Column({ type: 'varchar', length: 64, nullable: true })
  changedBy!: string | null;

  @Field({ description: 'When. 时间' })
  @Column({ type: 'datetime' })
  changedAt!: Date;
}

/**
 * Which projects a secretary (服务秘书) account reads and reports for. Kept minimal here; the
 * secretaries domain adds dates, leads and team members around it.
 */
@Entity('project_assignments')
@Index(['userId', 'projectId'], { unique: true })
@Index(['projectId'])
export class ProjectAssignment {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  userId!: number;

  @Column({ type: 'int' })
  projectId!: number;

  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date;
}
