import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { MoneyScalar, PeriodScalar } from '../../core/scalars';
import { CorrectionStatus } from './month-close.entity';

@ObjectType({ description: 'One month of a plan version. 计划版本的月份' })
export class PlanVersionMonth {
  @Field(() => PeriodScalar, { description: 'The month. 月份' })
  period!: string;

  @Field(() => MoneyScalar, { description: 'Planned investment in 元. 计划投资' })
  plannedInvestment!: bigint;

  @Field({ description: 'Planned milestone. 计划节点' })
  plannedMilestone!: string;
}

/**
 * A version of a project's monthly plan for one year (计划基线). Version 1 is the plan as approved;
 * a change to an approved plan is a new version with a reason that a city admin approves before it is
 * in force. Lights of months still open are judged against the version in force; closed months keep
 * the light they were closed with.
 */
@ObjectType('PlanVersion', { description: 'A version of a project’s monthly plan for a year (the baseline), with who, why and who approved it. 计划版本' })
@Entity('project_plan_versions')
@Index(['projectId', 'year', 'version'], { unique: true })
@Index(['cityId', 'status', 'id'])
export class PlanVersion {
  @Field(() => ID, { description: 'Id. 编号' })
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  projectId!: number;

  @Column({ type: 'int' })
  areaId!: number;

  @Column({ type: 'int' })
  cityId!: number;

  @Field(() => Int, { description: 'The year planned. 年度' })
  @Column({ type: 'int' })
  year!: number;

  @Field(() => Int, { description: '1 for the first approved plan, then 2, 3 … 版本' })
  @Column({ type: 'int' })
  version!: number;

  @Field(() => CorrectionStatus, { description: 'Pending, approved (in force until a later one is) or rejected. 状态' })
  @Column({ type: 'varchar', length: 10 })
  status!: CorrectionStatus;

  /** The twelve months as JSON [{ month, plannedInvestment (分 as a string), plannedMilestone }]. */
  @Column({ type: 'text' })
  months!: string;

  /** The annual plan sent with it (JSON), applied with the months. */
  @Column({ type: 'text' })
  years!: string;

  @Field(() => String, { nullable: true, description: 'Why the plan changes (null for the first version). 变更理由' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  reason!: string | null;

  @Field({ description: 'Who set or asked for it. 申请人' })
  @Column({ type: 'varchar', length: 64 })
  requestedBy!: string;

  @Column({ type: 'int', nullable: true })
  requestedByUserId!: number | null;

  @Field({ description: 'When. 申请时间' })
  @Column({ type: 'datetime' })
  requestedAt!: Date;

  @Field(() => String, { nullable: true, description: 'Who approved or rejected it. 审批人' })
  @Column({ type: 'varchar', length: 64, nullable: true })
  decidedBy!: string | null;

  @Field(() => Date, { nullable: true, description: 'When. 审批时间' })
  @Column({ type: 'datetime', nullable: true })
  decidedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'The decision’s reason. 审批意见' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  decisionReason!: string | null;
}
