import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { LocalDateScalar, PeriodScalar } from '../../core/scalars';

export enum MeetingKind {
  MONTHLY = 'MONTHLY',
  ON_SITE = 'ON_SITE',
}

export enum MustDispatchReason {
  KEY_PUSH = 'KEY_PUSH',
  NEW = 'NEW',
  CONTINUING_WITH_PROBLEMS = 'CONTINUING_WITH_PROBLEMS',
  MAJOR_GOVERNMENT_INVESTMENT = 'MAJOR_GOVERNMENT_INVESTMENT',
  OVERDUE_PROCEDURES = 'OVERDUE_PROCEDURES',
}

registerEnumType(MeetingKind, {
  name: 'MeetingKind',
  description: 'What kind of dispatch meeting. 会议类型',
  valuesConfig: {
    MONTHLY: { description: 'The monthly key-project dispatch meeting. 月度重点项目调度会' },
    ON_SITE: { description: 'The bimonthly on-site meeting hosted by the best-ranked county (Fuxin). 双月项目现场推进会' },
  },
});
registerEnumType(MustDispatchReason, {
  name: 'MustDispatchReason',
  description: 'Why a project must be dispatched (四个必调). 必调原因',
  valuesConfig: {
    KEY_PUSH: { description: 'Project singled out for a push. 重点推进项目' },
    NEW: { description: 'New project. 新建项目' },
    CONTINUING_WITH_PROBLEMS: { description: 'Continuing project with open problems. 存在问题的续建项目' },
    MAJOR_GOVERNMENT_INVESTMENT: { description: 'Major government-funded project. 重大政府投资项目' },
    OVERDUE_PROCEDURES: { description: 'A pre-construction procedure is past its promised time limit, whatever the stage. 前期手续逾期项目' },
  },
});

/** A dispatch meeting (调度会) of a district or a city for a month. */
@ObjectType('DispatchMeeting', { description: 'A dispatch meeting of a district or city for a month. 调度会' })
@Entity('dispatch_meetings')
@Index(['areaId', 'period', 'kind'], { unique: true })
@Index(['cityId', 'period'])
export class DispatchMeeting {
  @Field(() => ID, { description: 'Id of the meeting. 编号' })
  @PrimaryGeneratedColumn()
  id!: number;

  /** The district (district level) or the city (city level) holding it. */
  @Column({ type: 'int' })
  areaId!: number;

  @Column({ type: 'int' })
  cityId!: number;

  @Field(() => MeetingKind, { description: 'Monthly or on-site. 会议类型' })
  @Column({ type: 'varchar', length: 16 })
  kind!: MeetingKind;

  @Field(() => PeriodScalar, { description: 'The month dispatched. 调度月份' })
  @Column({ type: 'varchar', length: 7 })
  period!: string;

  @Field({ description: 'Title. 会议名称' })
  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'When it was held. 召开日期' })
  @Column({ type: 'varchar', length: 10, nullable: true })
  heldOn!: string | null;

  @Field({ description: 'Where. 地点' })
  @Column({ type: 'varchar', length: 200, default: '' })
  location!: string;

  /** The hosting county of an on-site meeting. */
  @Column({ type: 'int', nullable: true })
  hostAreaId!: number | null;

  @Field({ description: 'Minutes. 会议纪要' })
  @Column({ type: 'text' })
  minutes!: string;

  @Field({ description: 'Who created it. 创建人' })
  @Column({ type: 'varchar', length: 64 })
  createdBy!: string;

  @Field({ description: 'When it was created. 创建时间' })
  @Column({ type: 'datetime' })
  createdAt!: Date;

  @Field(() => Int, { description: 'Version; pass it back when recording the meeting. 版本' })
  @Column({ type: 'int', default: 1 })
  version!: number;
}

/** A project on a meeting's report list (汇报项目清单), with why. */
@Entity('dispatch_list_items')
@Index(['meetingId', 'projectId'], { unique: true })
@Index(['projectId'])
export class DispatchListItem {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  meetingId!: number;

  @Column({ type: 'int' })
  projectId!: number;

  /** The must-dispatch reasons, comma-separated, in the rule's order. */
  @Column({ type: 'varchar', length: 120 })
  reasons!: string;

  @Column({ type: 'int' })
  sortOrder!: number;
}

/** Someone at the meeting. */
@ObjectType('DispatchAttendee', { description: 'Someone who attended a dispatch meeting. 参会人员' })
@Entity('dispatch_attendees')
@Index(['meetingId'])
export class DispatchAttendee {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  meetingId!: number;

  @Field({ description: 'Name or post. 姓名/职务' })
  @Column({ type: 'varchar', length: 64 })
  name!: string;

  @Field({ description: 'Work unit. 单位' })
  @Column({ type: 'varchar', length: 128 })
  unit!: string;

  @Field({ description: 'Role at the meeting (主持, 汇报, 列席 …). 会议角色' })
  @Column({ type: 'varchar', length: 32, default: '' })
  role!: string;
}
