import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { encrypted } from '../../core/crypto/field-encryption';
import { LocalDateScalar, PeriodScalar } from '../../core/scalars';

export enum TeamRole {
  SOLE = 'SOLE',
  LEAD = 'LEAD',
  MEMBER = 'MEMBER',
}

registerEnumType(TeamRole, {
  name: 'SecretaryTeamRole',
  description: 'The secretary’s place in the project’s team. 团队角色',
  valuesConfig: {
    SOLE: { description: 'The project’s one service secretary. 服务秘书' },
    LEAD: { description: 'Lead of a reinforced team (加强型团队组长).' },
    MEMBER: { description: 'Member of a reinforced team (加强型团队成员).' },
  },
});

export enum ServiceKind {
  VISIT = 'VISIT',
  CALL = 'CALL',
  MEETING = 'MEETING',
  APPROVAL_HELP = 'APPROVAL_HELP',
}

registerEnumType(ServiceKind, {
  name: 'ServiceKind',
  description: 'What a service-log entry records. 服务方式',
  valuesConfig: {
    VISIT: { description: 'A visit to the project site or enterprise. 走访' },
    CALL: { description: 'A call with the project’s people. 电话沟通' },
    MEETING: { description: 'A meeting (协调会、座谈会). 会议' },
    APPROVAL_HELP: { description: 'Help with approvals and paperwork. 帮办代办' },
  },
});

export const SERVICE_KIND_LABELS: Record<ServiceKind, string> = { VISIT: '走访', CALL: '电话沟通', MEETING: '会议', APPROVAL_HELP: '帮办代办' };

/** A service secretary (服务秘书): a person of a work unit serving key projects, maybe with an account. */
@ObjectType('Secretary', { description: 'A service secretary who follows key projects end to end. 服务秘书' })
@Entity('secretaries')
@Index(['areaId', 'name'])
@Index(['cityId'])
@Index(['name'])
export class Secretary {
  @Field(() => ID, { description: 'Stable id of the secretary. 编号' })
  @PrimaryGeneratedColumn()
  id!: number;

  /** The account the secretary signs in with, when it has one. */
  @Column({ type: 'int', nullable: true, unique: true })
  userId!: number | null;

  /** The district (区县) the secretary works in. */
  @Column({ type: 'int' })
  areaId!: number;

  @Column({ type: 'int' })
  cityId!: number;

  @Field({ description: 'Name. 姓名' })
  @Column({ type: 'varchar', length: 64 })
  name!: string;

  @Field({ description: 'Work unit, e.g. 中山区东港街道. 工作单位' })
  @Column({ type: 'varchar', length: 128 })
  workUnit!: string;

  @Field({ description: 'Title or post. 职务' })
  @Column({ type: 'varchar', length: 64, default: '' })
  title!: string;

  /** Telephone and other contact details, encrypted at rest: admins in scope only (GraphQL field `contact`). */
  @Column({ type: 'varchar', length: 1024, default: '', transformer: encrypted({ table: 'secretaries', column: 'contact', property: 'contact' }) })
  contact!: string;

  @Field(() => Int, { description: 'Version for optimistic concurrency. 版本' })
  @Column({ type: 'int', default: 1 })
  version!: number;

  @Field({ description: 'When the secretary was entered. 录入时间' })
  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt!: Date;
}

/** A secretary serving a project from a start date to an end date (both included; no end: still serving). */
@ObjectType('SecretaryAssignment', { description: 'A secretary serving a project for a time. 服务秘书任命' })
@Entity('secretary_assignments')
@Index(['secretaryId', 'startDate'])
@Index(['projectId', 'startDate'])
@Index(['areaId'])
export class SecretaryAssignment {
  @Field(() => ID, { description: 'Id of the assignment. 编号' })
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  secretaryId!: number;

  @Column({ type: 'int' })
  projectId!: number;

  /** The project's district (scope of the row). */
  @Column({ type: 'int' })
  areaId!: number;

  @Field(() => LocalDateScalar, { description: 'First day. 开始日期' })
  @Column({ type: 'varchar', length: 10 })
  startDate!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Last day; none while it runs. 结束日期' })
  @Column({ type: 'varchar', length: 10, nullable: true })
  endDate!: string | null;

  @Field(() => TeamRole, { description: 'Sole secretary, or lead or member of a reinforced team. 团队角色' })
  @Column({ type: 'varchar', length: 8 })
  teamRole!: TeamRole;

  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date;
}

/** One contact of a secretary with a project: a visit, a call, a meeting, approval help. */
@ObjectType('ServiceLogEntry', { description: 'A visit, call, meeting or approval help logged by a secretary. 服务日志' })
@Entity('service_log_entries')
@Index(['projectId', 'date'])
@Index(['secretaryId', 'date'])
@Index(['areaId', 'date'])
export class ServiceLogEntry {
  @Field(() => ID, { description: 'Id of the entry. 编号' })
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  secretaryId!: number;

  @Column({ type: 'int' })
  projectId!: number;

  @Column({ type: 'int' })
  areaId!: number;

  @Field(() => ServiceKind, { description: 'What it was. 服务方式' })
  @Column({ type: 'varchar', length: 16 })
  kind!: ServiceKind;

  @Field(() => LocalDateScalar, { description: 'The day. 日期' })
  @Column({ type: 'varchar', length: 10 })
  date!: string;

  @Field({ description: 'What was done or found. 内容摘要' })
  @Column({ type: 'varchar', length: 1000 })
  summary!: string;

  @Field(() => String, { nullable: true, description: 'Who wrote it down. 记录人' })
  @Column({ type: 'varchar', length: 64, nullable: true })
  recordedBy!: string | null;

  @Field({ description: 'When it was logged. 记录时间' })
  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date;
}

/** A third-party evaluation score of a secretary for a period (第三方评估). */
@ObjectType('SecretaryEvaluation', { description: 'A third-party evaluation score of a secretary for a period. 第三方评估' })
@Entity('secretary_evaluations')
@Index(['secretaryId', 'period'], { unique: true })
@Index(['areaId', 'period'])
export class SecretaryEvaluation {
  @Field(() => ID, { description: 'Id of the score. 编号' })
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  secretaryId!: number;

  /** The secretary's district. */
  @Column({ type: 'int' })
  areaId!: number;

  @Field(() => PeriodScalar, { description: 'The month the evaluation closes (e.g. 2020-06 for the first half). 评估期' })
  @Column({ type: 'varchar', length: 7 })
  period!: string;

  @Field(() => Int, { description: 'Score, 0–100. 评分' })
  @Column({ type: 'int' })
  score!: number;

  @Field({ description: 'The evaluator’s comments. 评语' })
  @Column({ type: 'varchar', length: 1000, default: '' })
  comments!: string;

  @Field({ description: 'Who scored: the evaluator account or the imported sheet. 评估人' })
  @Column({ type: 'varchar', length: 64 })
  evaluatedBy!: string;

  @Field({ description: 'When it was entered or last changed. 录入时间' })
  @UpdateDateColumn({ type: 'datetime' })
  updatedAt!: Date;
}
