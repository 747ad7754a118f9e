import type { Fen } from '@kpd/domain';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { moneyColumn } from '../../core/columns';
import { MoneyScalar, PeriodScalar } from '../../core/scalars';

/** (1) Annual plan across the construction period (建设周期年度计划分解表). */
@ObjectType('PlanYear', { description: 'One year of a project’s plan across its construction period. 年度计划' })
@Entity('project_plan_years')
@Index(['projectId', 'year'], { unique: true })
export class PlanYear {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  projectId!: number;

  @Field(() => Int, { description: 'Year. 年度' })
  @Column({ type: 'int' })
  year!: number;

  @Field(() => MoneyScalar, { description: 'Planned investment of the year in 元. 年度计划投资' })
  @Column(moneyColumn)
  plannedInvestment!: Fen;

  @Field({ description: 'Planned image progress at the year’s end. 形象进度' })
  @Column({ type: 'varchar', length: 500, default: '' })
  plannedProgress!: string;
}

/** (2) The year by month (本年度计划分解表). */
@ObjectType('PlanMonth', { description: 'One month of a project’s plan. 月度计划' })
@Entity('project_plan_months')
@Index(['projectId', 'period'], { unique: true })
@Index(['period'])
export class PlanMonth {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  projectId!: number;

  @Field(() => PeriodScalar, { description: 'The month. 月份' })
  @Column({ type: 'varchar', length: 7 })
  period!: string;

  @Field(() => MoneyScalar, { description: 'Planned investment of the month in 元. 月度计划投资' })
  @Column(moneyColumn)
  plannedInvestment!: Fen;

  @Field({ description: 'Planned milestone of the month. 计划节点' })
  @Column({ type: 'varchar', length: 500, default: '' })
  plannedMilestone!: string;
}

/** (3) A monthly completion report (月度计划完成表). */
@ObjectType('MonthlyReport', { description: 'A month’s completion report of a project. 月度完成情况' })
@Entity('project_reports')
@Index(['projectId', 'period'], { unique: true })
@Index(['areaId', 'period'])
/** Covers the investment statistics' sums over a span of months (province-wide, no area filter). */
@Index(['period', 'areaId', 'actualInvestment'])
export class MonthlyReport {
  @Field(() => ID, { description: 'Id of the report. 编号' })
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  projectId!: number;

  /** The project's district, for scope checks of the report and its photos. */
  @Column({ type: 'int' })
  areaId!: number;

  @Field(() => PeriodScalar, { description: 'The month reported. 填报月份' })
  @Column({ type: 'varchar', length: 7 })
  period!: string;

  @Field(() => MoneyScalar, { description: 'Actual investment of the month in 元. 实际完成投资' })
  @Column(moneyColumn)
  actualInvestment!: Fen;

  @Field({ description: 'Physical progress in words. 形象进度' })
  @Column({ type: 'varchar', length: 1000, default: '' })
  progress!: string;

  @Column({ type: 'int', nullable: true })
  reporterUserId!: number | null;

  @Field({ description: 'Who reported (name shown). 填报人' })
  @Column({ type: 'varchar', length: 64 })
  reporterName!: string;

  @Field({ description: 'When the report was first submitted (decides whether it was on time). 报送时间' })
  @Column({ type: 'datetime' })
  submittedAt!: Date;

  @Field({ description: 'When it was last changed. 修改时间' })
  @Column({ type: 'datetime' })
  updatedAt!: Date;

  @Field(() => Int, { description: 'Version; pass it back when changing the report (a stale one is refused with CONFLICT). 版本' })
  @Column({ type: 'int', default: 1 })
  version!: number;
}

/** A milestone (节点) of a project, for cities that light by milestones (大连). */
@ObjectType('ProjectMilestone', { description: 'A milestone of a project’s plan. 节点任务' })
@Entity('project_milestones')
@Index(['projectId', 'dueDate'])
export class ProjectMilestone {
  @Field(() => ID, { description: 'Id of the milestone. 编号' })
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  projectId!: number;

  @Field({ description: 'What is to be done. 节点名称' })
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Field(() => String, { nullable: true, description: 'When work on it starts (YYYY-MM-DD). 开始日期' })
  @Column({ type: 'varchar', length: 10, nullable: true })
  startDate!: string | null;

  @Field({ description: 'When it is due (YYYY-MM-DD). 计划完成日期' })
  @Column({ type: 'varchar', length: 10 })
  dueDate!: string;

  @Field(() => Int, { description: 'Weight in the weighted progress. 权重' })
  @Column({ type: 'int', default: 1 })
  weight!: number;

  @Field(() => Int, { description: 'Reported progress in percent. 完成进度' })
  @Column({ type: 'int', default: 0 })
  progress!: number;

  @Field(() => String, { nullable: true, description: 'When it was met (YYYY-MM-DD). 实际完成日期' })
  @Column({ type: 'varchar', length: 10, nullable: true })
  metDate!: string | null;
}
