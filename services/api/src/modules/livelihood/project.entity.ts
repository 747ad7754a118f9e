import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { LocalDateScalar, PeriodScalar } from '../../core/scalars';
import { quantityColumn, type Milli } from './quantity';
import { RoundStatus } from './session.entity';

export enum ObligationStatus {
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETED = 'COMPLETED',
}

registerEnumType(ObligationStatus, {
  name: 'LivelihoodProjectStatus',
  description: 'Whether an adopted livelihood project is still being delivered. 实施状态',
  valuesConfig: {
    IN_PROGRESS: { description: 'Being delivered (推进中)' },
    COMPLETED: { description: 'Delivered and closed out (已销号)' },
  },
});

/** An adopted livelihood project the government must deliver (政府办). */
@ObjectType('LivelihoodProject', { description: 'An adopted livelihood project and its delivery obligation. 民生实事项目' })
@Entity('livelihood_projects')
@Index(['areaId', 'year'])
@Index(['sessionId'])
export class LivelihoodProject {
  @Field(() => ID, { description: 'Id of the project. 编号' })
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  sessionId!: number;

  @Column({ type: 'int', unique: true })
  candidateId!: number;

  /** The city. */
  @Column({ type: 'int' })
  areaId!: number;

  @Field(() => Int, { description: 'Year of delivery. 年度' })
  @Column({ type: 'int' })
  year!: number;

  @Field({ description: 'Name, as adopted. 项目名称' })
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Field({ description: 'Lead department (牵头单位). 牵头单位' })
  @Column({ type: 'varchar', length: 100 })
  leadDepartment!: string;

  @Column({ ...quantityColumn })
  targetQuantity!: Milli;

  @Field({ description: 'Unit of the target, e.g. 万平方米. 单位' })
  @Column({ type: 'varchar', length: 32 })
  unit!: string;

  @Field(() => ObligationStatus, { description: 'Delivery status. 状态' })
  @Column({ type: 'varchar', length: 16 })
  status!: ObligationStatus;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Day it was closed out (销号). 销号日期' })
  @Column({ type: 'varchar', length: 10, nullable: true })
  completedOn!: string | null;

  @Field({ description: 'When the obligation was created. 创建时间' })
  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date;
}

@ObjectType('LivelihoodMilestone', { description: 'A milestone of a livelihood project. 节点' })
@Entity('livelihood_milestones')
@Index(['projectId', 'dueDate'])
export class LivelihoodMilestone {
  @Field(() => ID, { description: 'Id of the milestone. 编号' })
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  projectId!: number;

  @Field({ description: 'What is to be done, e.g. 完成招标. 节点内容' })
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Field(() => LocalDateScalar, { description: 'Due day. 计划完成日期' })
  @Column({ type: 'varchar', length: 10 })
  dueDate!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Day it was met. 实际完成日期' })
  @Column({ type: 'varchar', length: 10, nullable: true })
  doneDate!: string | null;
}

@ObjectType('LivelihoodProgress', { description: 'A month’s reported progress of a livelihood project. 月度进展' })
@Entity('livelihood_progress')
@Index(['projectId', 'period'], { unique: true })
export class LivelihoodProgress {
  @Field(() => ID, { description: 'Id of the report. 编号' })
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  projectId!: number;

  @Field(() => PeriodScalar, { description: 'The month reported. 月份' })
  @Column({ type: 'varchar', length: 7 })
  period!: string;

  /** Quantity done in this month (not cumulative). */
  @Column({ ...quantityColumn })
  quantityDone!: Milli;

  @Field({ description: 'What was done. 进展情况' })
  @Column({ type: 'varchar', length: 500 })
  note!: string;

  @Column({ type: 'int', nullable: true })
  reportedByUserId!: number | null;

  @Field({ description: 'When it was reported. 报送时间' })
  @CreateDateColumn({ type: 'datetime' })
  reportedAt!: Date;
}

/** A year-end evaluation round (人大评): each delegate rates each adopted project, secretly. */
@ObjectType('LivelihoodEvaluation', { description: 'A year-end evaluation round of the adopted projects, as secret as the vote. 年度满意度测评' })
@Entity('livelihood_evaluations')
@Index(['sessionId', 'year'], { unique: true })
export class EvaluationRound {
  @Field(() => ID, { description: 'Id of the evaluation. 编号' })
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  sessionId!: number;

  @Field(() => Int, { description: 'Year evaluated. 年度' })
  @Column({ type: 'int' })
  year!: number;

  /** Project ids rated, comma-separated, in sheet order. */
  @Column({ type: 'varchar', length: 1000 })
  projectIds!: string;

  @Field(() => Int, { description: 'Delegates on the roster (the rule counts against all of them). 应参评代表数' })
  @Column({ type: 'int' })
  rosterSize!: number;

  @Field({ description: 'SHA-256 of the frozen project list and rating rule. 指纹' })
  @Column({ type: 'varchar', length: 64 })
  fingerprint!: string;

  @Field({ description: 'The canonical text that was hashed. 原文' })
  @Column({ type: 'text' })
  canonical!: string;

  @Field(() => RoundStatus, { description: 'Open or counted. 状态' })
  @Column({ type: 'varchar', length: 8 })
  status!: RoundStatus;

  @Field({ description: 'When it opened. 开始时间' })
  @Column({ type: 'datetime' })
  openedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it was counted. 计票时间' })
  @Column({ type: 'datetime', nullable: true })
  closedAt!: Date | null;

  @Column({ type: 'varchar', length: 64 })
  digest!: string;

  @Field(() => String, { nullable: true, description: 'Head of the hash chain over the sheets, published at close. 哈希链头' })
  @Column({ type: 'varchar', length: 64, nullable: true })
  chainHead!: string | null;

  /** Per project: counts and the rating (JSON), set at close. */
  @Column({ type: 'text', nullable: true })
  result!: string | null;
}
