import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { LocalDateScalar, PeriodScalar } from '../../core/scalars';

export enum ProblemStatus {
  OPEN = 'OPEN',
  IN_PROGRESS = 'IN_PROGRESS',
  RESOLVED = 'RESOLVED',
  CLOSED_OUT = 'CLOSED_OUT',
}

export enum ProblemCategory {
  LAND = 'LAND',
  PLANNING = 'PLANNING',
  PERMITS = 'PERMITS',
  POWER = 'POWER',
  DEMOLITION = 'DEMOLITION',
  UTILITIES = 'UTILITIES',
  FINANCING = 'FINANCING',
  OTHER = 'OTHER',
}

export enum ProblemLevel {
  DISTRICT = 'DISTRICT',
  CITY = 'CITY',
}

export enum ProblemAction {
  START = 'START',
  RESOLVE = 'RESOLVE',
  CLOSE_OUT = 'CLOSE_OUT',
  REOPEN = 'REOPEN',
  ESCALATE = 'ESCALATE',
  REQUEST_ESCALATION = 'REQUEST_ESCALATION',
}

export enum EscalationReason {
  DEADLINE_PASSED = 'DEADLINE_PASSED',
  DISTRICT_REQUESTED = 'DISTRICT_REQUESTED',
  CITY_DECISION = 'CITY_DECISION',
}

registerEnumType(ProblemStatus, {
  name: 'ProblemStatus',
  description: 'Where a problem stands. 办理状态',
  valuesConfig: {
    OPEN: { description: 'Open. 待办理' },
    IN_PROGRESS: { description: 'In progress. 办理中' },
    RESOLVED: { description: 'Resolved. 已解决' },
    CLOSED_OUT: { description: 'Closed out. 已销号' },
  },
});
registerEnumType(ProblemCategory, {
  name: 'ProblemCategory',
  description: 'What kind of bottleneck it is. 问题类别',
  valuesConfig: {
    LAND: { description: 'Land. 土地' },
    PLANNING: { description: 'Planning. 规划' },
    PERMITS: { description: 'Approvals and permits. 审批手续' },
    POWER: { description: 'Electric power. 电力' },
    DEMOLITION: { description: 'Expropriation and relocation. 征收动迁' },
    UTILITIES: { description: 'Municipal utilities. 市政配套' },
    FINANCING: { description: 'Financing. 融资' },
    OTHER: { description: 'Other. 其他' },
  },
});
registerEnumType(ProblemLevel, {
  name: 'ProblemLevel',
  description: 'Who solves it: the district within its time limit, or the city under listed supervision. 督办层级',
  valuesConfig: {
    DISTRICT: { description: 'Solved by the district within a deadline. 区级限时解决' },
    CITY: { description: 'Supervised by the city. 市级挂牌督办' },
  },
});
registerEnumType(ProblemAction, {
  name: 'ProblemAction',
  description: 'A move of the problem’s state machine. 办理操作',
  valuesConfig: {
    START: { description: '开始办理 (OPEN → IN_PROGRESS)' },
    RESOLVE: { description: '标记已解决 (OPEN or IN_PROGRESS → RESOLVED)' },
    CLOSE_OUT: { description: '销号, with evidence (RESOLVED → CLOSED_OUT)' },
    REOPEN: { description: '重新打开, with a reason (RESOLVED or CLOSED_OUT → OPEN)' },
    ESCALATE: { description: '提级为市级挂牌督办, naming the city leader (city admins)' },
    REQUEST_ESCALATION: { description: '申请市级协调, with a reason' },
  },
});
registerEnumType(EscalationReason, {
  name: 'EscalationReason',
  description: 'Why a problem went (or should go) to the city. 提级原因',
  valuesConfig: {
    DEADLINE_PASSED: { description: 'Its deadline has passed. 超过办结期限' },
    DISTRICT_REQUESTED: { description: 'The district asked for city coordination. 区县申请市级协调' },
    CITY_DECISION: { description: 'The city decided to supervise it. 市级决定挂牌督办' },
  },
});

/** A problem (问题) of a project on the problem list (问题清单), followed until closed out (销号). */
@ObjectType('Problem', { description: 'A problem holding up a project, followed until it is closed out. 问题清单' })
@Entity('problems')
@Index(['areaId', 'status'])
@Index(['areaId', 'category'])
@Index(['areaId', 'level'])
@Index(['projectId', 'status'])
@Index(['status', 'deadline'])
@Index(['meetingId'])
@Index(['secretaryId', 'status'])
export class Problem {
  @Field(() => ID, { description: 'Id of the problem. 编号' })
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  projectId!: number;

  /** The project's district. */
  @Column({ type: 'int' })
  areaId!: number;

  @Column({ type: 'int' })
  cityId!: number;

  @Field(() => ProblemCategory, { description: 'Category. 问题类别' })
  @Column({ type: 'varchar', length: 16 })
  category!: ProblemCategory;

  @Field({ description: 'The problem in a line. 问题' })
  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Field({ description: 'Details. 问题描述' })
  @Column({ type: 'varchar', length: 2000, default: '' })
  description!: string;

  @Field({ description: 'The unit that owns the solution. 责任单位' })
  @Column({ type: 'varchar', length: 128 })
  ownerUnit!: string;

  @Column({ type: 'int', nullable: true })
  raisedByUserId!: number | null;

  /**
   * The service secretary answerable for it (责任秘书): the secretary who raised it, or, when someone
   * else raised it, the project's lead (or sole) secretary on the day it was raised. Its workload
   * counts the problem. Null when the project had no secretary then.
   */
  @Column({ type: 'int', nullable: true })
  secretaryId!: number | null;

  /** The secretary who resolved it, when a secretary account did (the latest resolution). */
  @Column({ type: 'int', nullable: true })
  resolvedBySecretaryId!: number | null;

  @Field({ description: 'Who raised it. 提出人' })
  @Column({ type: 'varchar', length: 64 })
  raisedBy!: string;

  @Field(() => LocalDateScalar, { description: 'The day it was raised. 提出日期' })
  @Column({ type: 'varchar', length: 10 })
  raisedDate!: string;

  @Field(() => Int, { description: 'The time limit in working days from the day it was raised. 办结时限（工作日）' })
  @Column({ type: 'int' })
  workingDays!: number;

  @Field(() => LocalDateScalar, { description: 'Due by the end of this day (working-day calendar). 办结期限' })
  @Column({ type: 'varchar', length: 10 })
  deadline!: string;

  @Field(() => ProblemLevel, { description: 'District or city (listed supervision). 督办层级' })
  @Column({ type: 'varchar', length: 8 })
  level!: ProblemLevel;

  @Field(() => String, { nullable: true, description: 'The city leader of a listed problem. 牵头市领导' })
  @Column({ type: 'varchar', length: 64, nullable: true })
  cityLeader!: string | null;

  @Field(() => ProblemStatus, { description: 'Status. 办理状态' })
  @Column({ type: 'varchar', length: 16 })
  status!: ProblemStatus;

  @Field(() => LocalDateScalar, { nullable: true, description: 'When it was resolved (the latest resolution). 解决日期' })
  @Column({ type: 'varchar', length: 10, nullable: true })
  resolvedDate!: string | null;

  /** Calendar days from raising to resolution, for the average (kept with the resolution). */
  @Field(() => Int, { nullable: true, description: 'Calendar days from raising to resolution. 解决用时（天）' })
  @Column({ type: 'int', nullable: true })
  daysToResolve!: number | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'When it was closed out. 销号日期' })
  @Column({ type: 'varchar', length: 10, nullable: true })
  closedOutDate!: string | null;

  /** JSON array of the close-out evidence. */
  @Column({ type: 'text', nullable: true })
  evidenceJson!: string | null;

  @Field({ description: 'The district asked for the city’s help. 已申请市级协调' })
  @Column({ type: 'boolean', default: false })
  escalationRequested!: boolean;

  @Field(() => String, { nullable: true, description: 'Why the district asked for the city’s help. 申请理由' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  escalationRequestReason!: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'When it went to city level. 提级日期' })
  @Column({ type: 'varchar', length: 10, nullable: true })
  escalatedDate!: string | null;

  @Field(() => EscalationReason, { nullable: true, description: 'Why it went to city level. 提级原因' })
  @Column({ type: 'varchar', length: 24, nullable: true })
  escalationReason!: EscalationReason | null;

  @Field(() => Int, { description: 'How often it was reopened. 重新打开次数' })
  @Column({ type: 'int', default: 0 })
  reopenCount!: number;

  /** The dispatch meeting whose decision made it, if any. */
  @Column({ type: 'int', nullable: true })
  meetingId!: number | null;

  @Field(() => Int, { description: 'Version; pass it back with a move (a stale one is refused with CONFLICT). 版本' })
  @Column({ type: 'int', default: 1 })
  version!: number;

  @Field({ description: 'When it was entered. 录入时间' })
  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date;

  @Field({ description: 'When it last changed. 修改时间' })
  @UpdateDateColumn({ type: 'datetime' })
  updatedAt!: Date;
}

/** A follow-up note (跟踪记录) of a problem, written each month until it is closed out. */
@ObjectType('ProblemNote', { description: 'A monthly follow-up note of a problem. 月度跟踪记录' })
@Entity('problem_notes')
@Index(['problemId', 'period'])
export class ProblemNote {
  @Field(() => ID, { description: 'Id of the note. 编号' })
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  problemId!: number;

  @Field(() => PeriodScalar, { description: 'The month followed. 跟踪月份' })
  @Column({ type: 'varchar', length: 7 })
  period!: string;

  @Field({ description: 'What happened this month. 进展情况' })
  @Column({ type: 'varchar', length: 2000 })
  note!: string;

  @Field({ description: 'Who wrote it. 记录人' })
  @Column({ type: 'varchar', length: 64 })
  author!: string;

  @Field({ description: 'When it was written. 记录时间' })
  @Column({ type: 'datetime' })
  createdAt!: Date;
}
