import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { LocalDateScalar } from '../../core/scalars';

/**
 * A supervision group of delegates (人大代表监督小组, 宁国) following one adopted livelihood project:
 * its members inspect the project and issue advices (督办建议) to the lead department.
 */
@ObjectType('LivelihoodSupervisionGroup', { description: 'A group of delegates supervising one livelihood project. 监督小组' })
@Entity('livelihood_supervision_groups')
@Index(['projectId', 'name'], { unique: true })
@Index(['areaId'])
export class SupervisionGroup {
  @Field(() => ID, { description: 'Id of the group. 编号' })
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  projectId!: number;

  /** The congress's area (the project's). */
  @Column({ type: 'int' })
  areaId!: number;

  @Field({ description: 'Name, e.g. 第一监督小组. 小组名称' })
  @Column({ type: 'varchar', length: 64 })
  name!: string;

  @Field({ description: 'When the group was formed. 成立时间' })
  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date;
}

/** A delegate of a supervision group, taken from the session's roster. */
@ObjectType('LivelihoodSupervisionMember', { description: 'A delegate in a supervision group. 小组成员' })
@Entity('livelihood_supervision_members')
@Index(['groupId', 'userId'], { unique: true })
@Index(['userId'])
export class SupervisionMember {
  @Field(() => ID, { description: 'Id of the membership. 编号' })
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  groupId!: number;

  @Column({ type: 'int' })
  userId!: number;

  @Field({ description: "Delegate's name, as on the roster. 姓名" })
  @Column({ type: 'varchar', length: 64 })
  name!: string;

  @Field({ description: 'Delegation (代表团), as on the roster. 代表团' })
  @Column({ type: 'varchar', length: 64 })
  delegation!: string;

  @Field({ description: 'Leads the group. 组长' })
  @Column({ type: 'boolean', default: false })
  leader!: boolean;
}

/** An inspection (视察/检查) of a project by a supervision group: the day, the place, what was found, photos. */
@ObjectType('LivelihoodInspection', { description: 'An inspection of a livelihood project by a supervision group. 监督检查' })
@Entity('livelihood_inspections')
@Index(['projectId', 'inspectedOn'])
@Index(['groupId'])
export class Inspection {
  @Field(() => ID, { description: 'Id of the inspection. 编号' })
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  groupId!: number;

  @Column({ type: 'int' })
  projectId!: number;

  @Column({ type: 'int' })
  areaId!: number;

  @Field(() => LocalDateScalar, { description: 'Day of the inspection. 检查日期' })
  @Column({ type: 'varchar', length: 10 })
  inspectedOn!: string;

  @Field({ description: 'Where, e.g. 海州区西山街道平安小区. 检查地点' })
  @Column({ type: 'varchar', length: 200 })
  place!: string;

  @Field({ description: 'What the group found. 发现问题' })
  @Column({ type: 'text' })
  findings!: string;

  @Column({ type: 'int' })
  recordedByUserId!: number;

  @Field({ description: 'When it was recorded. 记录时间' })
  @CreateDateColumn({ type: 'datetime' })
  recordedAt!: Date;
}

/** An advice (督办建议) from an inspection, which the lead department answers by its due day. */
@ObjectType('LivelihoodSupervisionAdvice', { description: 'An advice (督办建议) the lead department must answer by its due day. 督办建议' })
@Entity('livelihood_supervision_advices')
@Index(['areaId', 'dueDate'])
@Index(['projectId'])
@Index(['inspectionId'])
export class SupervisionAdvice {
  @Field(() => ID, { description: 'Id of the advice. 编号' })
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  inspectionId!: number;

  @Column({ type: 'int' })
  projectId!: number;

  @Column({ type: 'int' })
  areaId!: number;

  @Field({ description: 'What the group advises. 督办内容' })
  @Column({ type: 'varchar', length: 500 })
  content!: string;

  @Field({ description: 'The department to answer (the project’s lead department when issued). 答复单位' })
  @Column({ type: 'varchar', length: 100 })
  department!: string;

  @Field(() => LocalDateScalar, { description: 'Day issued (the inspection’s day). 提出日期' })
  @Column({ type: 'varchar', length: 10 })
  issuedOn!: string;

  @Field(() => Int, { description: 'Working days allowed for the answer. 答复时限（工作日）' })
  @Column({ type: 'int' })
  workingDays!: number;

  @Field(() => LocalDateScalar, { description: 'Last day for the answer, by the working-day calendar. 答复期限' })
  @Column({ type: 'varchar', length: 10 })
  dueDate!: string;

  @Field(() => String, { nullable: true, description: 'The department’s answer. 答复内容' })
  @Column({ type: 'text', nullable: true })
  answer!: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Day answered. 答复日期' })
  @Column({ type: 'varchar', length: 10, nullable: true })
  answeredOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Who answered for the department, e.g. 市住房和城乡建设局 王强. 答复人' })
  @Column({ type: 'varchar', length: 100, nullable: true })
  answeredBy!: string | null;

  @Column({ type: 'int', nullable: true })
  answeredByUserId!: number | null;
}
