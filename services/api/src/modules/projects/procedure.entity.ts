import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { LocalDateScalar } from '../../core/scalars';

export enum ProcedureState {
  NOT_STARTED = 'NOT_STARTED',
  IN_PROGRESS = 'IN_PROGRESS',
  APPROVED = 'APPROVED',
  NOT_REQUIRED = 'NOT_REQUIRED',
}

registerEnumType(ProcedureState, {
  name: 'ProcedureState',
  description: 'Where a pre-construction procedure of a project stands. 手续办理状态',
  valuesConfig: {
    NOT_STARTED: { description: 'Not applied for yet. 未申报' },
    IN_PROGRESS: { description: 'Applied for, awaiting the department’s approval. 办理中' },
    APPROVED: { description: 'Approved, with its approval document. 已办结' },
    NOT_REQUIRED: { description: 'Not needed for this project. 无需办理' },
  },
});

/**
 * A procedure type of a city's template (前期手续事项): who issues it, its legal and promised time
 * limits in working days, and the types that must be approved before it (serial; types with the
 * same predecessors run in parallel). One row per city and code.
 */
@ObjectType('ProcedureType', { description: 'A procedure of the city’s pre-construction template. 前期手续事项（模板）' })
@Entity('procedure_types')
@Index(['cityId', 'code'], { unique: true })
export class ProcedureType {
  @Field(() => ID, { description: 'Id. 编号' })
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  cityId!: number;

  @Field({ description: 'Code, unique in the city (e.g. SGXK). 代码' })
  @Column({ type: 'varchar', length: 32 })
  code!: string;

  @Field({ description: 'Name (e.g. 建筑工程施工许可). 手续名称' })
  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Field({ description: 'The issuing department. 审批部门' })
  @Column({ type: 'varchar', length: 100 })
  department!: string;

  @Field(() => Int, { description: 'Legal time limit in working days. 法定时限（工作日）' })
  @Column({ type: 'int' })
  legalDays!: number;

  @Field(() => Int, { description: 'Promised time limit in working days. 承诺时限（工作日）' })
  @Column({ type: 'int' })
  promisedDays!: number;

  /** Codes of the predecessors, comma-separated. */
  @Column({ type: 'varchar', length: 500 })
  predecessorCodes!: string;

  @Field(() => Int, { description: 'Order in the chain view. 排序' })
  @Column({ type: 'int' })
  sortOrder!: number;

  @Field(() => Int, { description: 'Version, for optimistic concurrency. 版本' })
  @Column({ type: 'int' })
  version!: number;
}

/**
 * One procedure of one project (前期手续节点), copied from the city's template when the project's
 * chain starts, so a later change of the template does not rewrite a project's history. The due date
 * is the request date plus the promised limit on the working-day calendar, stored so the database
 * counts overdue nodes (`state = IN_PROGRESS AND due_date < today`).
 */
@ObjectType('ProcedureNode', { description: 'A pre-construction procedure of a project. 前期手续节点' })
@Entity('procedure_nodes')
@Index(['projectId', 'code'], { unique: true })
@Index(['areaId', 'state', 'dueDate'])
@Index(['cityId', 'state', 'dueDate'])
export class ProcedureNode {
  @Field(() => ID, { description: 'Id. 编号' })
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  projectId!: number;

  @Column({ type: 'int' })
  areaId!: number;

  @Column({ type: 'int' })
  cityId!: number;

  @Field({ description: 'Code of the procedure type. 代码' })
  @Column({ type: 'varchar', length: 32 })
  code!: string;

  @Field({ description: 'Name. 手续名称' })
  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Field({ description: 'The department that approves it. 审批部门' })
  @Column({ type: 'varchar', length: 100 })
  department!: string;

  @Field({ description: 'The unit that applies for it and follows it (project side). 责任单位' })
  @Column({ type: 'varchar', length: 128 })
  ownerUnit!: string;

  @Field(() => Int, { description: 'Legal time limit in working days. 法定时限（工作日）' })
  @Column({ type: 'int' })
  legalDays!: number;

  @Field(() => Int, { description: 'Promised time limit in working days. 承诺时限（工作日）' })
  @Column({ type: 'int' })
  promisedDays!: number;

  /** Codes of the predecessors, comma-separated. */
  @Column({ type: 'varchar', length: 500 })
  predecessorCodes!: string;

  @Field(() => Int, { description: 'Order in the chain view. 排序' })
  @Column({ type: 'int' })
  sortOrder!: number;

  @Field(() => ProcedureState, { description: 'Where it stands. 状态' })
  @Column({ type: 'varchar', length: 16 })
  state!: ProcedureState;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The day it was applied for. 申报日期' })
  @Column({ type: 'varchar', length: 10, nullable: true })
  requestedDate!: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The day it was approved. 批复日期' })
  @Column({ type: 'varchar', length: 10, nullable: true })
  approvedDate!: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Due by the end of this day: the request plus the promised limit in working days. 承诺办结日期' })
  @Column({ type: 'varchar', length: 10, nullable: true })
  dueDate!: string | null;

  @Field(() => String, { nullable: true, description: 'The approval document’s number. 批复文号' })
  @Column({ type: 'varchar', length: 100, nullable: true })
  documentNumber!: string | null;

  @Field(() => Int, { nullable: true, description: 'Working days from request to approval, once approved. 实际用时（工作日）' })
  @Column({ type: 'int', nullable: true })
  workingDaysTaken!: number | null;

  @Field({ description: 'Notes. 备注' })
  @Column({ type: 'varchar', length: 500 })
  note!: string;

  /** The problem raised for it when overdue (问题清单), if any. */
  @Field(() => ID, { nullable: true, description: 'The problem raised for this node, if any. 已转问题' })
  @Column({ type: 'int', nullable: true })
  problemId!: number | null;

  @Field(() => Int, { description: 'Version, for optimistic concurrency. 版本' })
  @Column({ type: 'int' })
  version!: number;
}
