import type { Fen } from '@kpd/domain';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { moneyColumn } from '../../core/columns';
import { MoneyScalar, PeriodScalar } from '../../core/scalars';

/**
 * A district's closed month (月度关账): the lights, reports and figures of the month as they stood
 * at the close. One row per district and month (unique); after it the month changes only through an
 * approved correction, and these figures stay what was closed.
 */
@Entity('month_closes')
@Index(['areaId', 'period'], { unique: true })
export class MonthClose {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  areaId!: number;

  @Column({ type: 'int' })
  cityId!: number;

  @Column({ type: 'varchar', length: 7 })
  period!: string;

  @Column({ type: 'int' })
  green!: number;

  @Column({ type: 'int' })
  yellow!: number;

  @Column({ type: 'int' })
  red!: number;

  /** The month's planned investment of the district's projects, in 分. */
  @Column({ ...moneyColumn })
  planned!: Fen;

  /** The month's reported investment, in 分. */
  @Column({ ...moneyColumn })
  actual!: Fen;

  /** Reported investment from January to the month, in 分. */
  @Column({ ...moneyColumn })
  actualYearToDate!: Fen;

  /** How many reports the month had at the close. */
  @Column({ type: 'int' })
  reports!: number;

  /** Who closed it: a user name, or "system" for the month-end job. */
  @Column({ type: 'varchar', length: 64 })
  closedBy!: string;

  @Column({ type: 'datetime' })
  closedAt!: Date;
}

export enum CorrectionKind {
  REPORT = 'REPORT',
  PLAN = 'PLAN',
}

registerEnumType(CorrectionKind, {
  name: 'CorrectionKind',
  description: 'What a correction of a closed month changes. 更正类型',
  valuesConfig: {
    REPORT: { description: 'The month’s completion report (a late or changed report). 月度完成情况' },
    PLAN: { description: 'The plan table, where it changes a closed month’s plan. 计划表' },
  },
});

export enum CorrectionStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}

registerEnumType(CorrectionStatus, {
  name: 'CorrectionStatus',
  description: 'Where a correction stands. 更正状态',
  valuesConfig: {
    PENDING: { description: 'Awaiting a city admin. 待审批' },
    APPROVED: { description: 'Approved and applied. 已批准' },
    REJECTED: { description: 'Rejected; nothing changed. 已驳回' },
  },
});

@ObjectType({ description: 'A month whose light a correction changed. 受影响月份' })
export class RelitMonth {
  @Field(() => PeriodScalar, { description: 'The month. 月份' })
  period!: string;

  @Field(() => String, { nullable: true, description: 'The light before (null: none). 更正前' })
  before!: string | null;

  @Field(() => String, { nullable: true, description: 'The light after (null: none). 更正后' })
  after!: string | null;

  @Field({ description: 'The month was closed (its change is listed for the admin). 已关账' })
  closed!: boolean;
}

/**
 * A change to a closed month (更正): asked for by an admin or a secretary, approved or rejected by
 * a city admin. The change itself waits in `payload` until approved; the light of the month before
 * and after, and every later month it relit, are kept.
 */
@ObjectType('LightCorrection', { description: 'A correction of a closed month: who, why, approved by whom, before and after. 关账后更正' })
@Entity('light_corrections')
@Index(['cityId', 'status', 'id'])
@Index(['projectId', 'period'])
export class LightCorrection {
  @Field(() => ID, { description: 'Id. 编号' })
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  projectId!: number;

  @Column({ type: 'int' })
  areaId!: number;

  @Column({ type: 'int' })
  cityId!: number;

  @Field(() => PeriodScalar, { description: 'The closed month corrected. 更正月份' })
  @Column({ type: 'varchar', length: 7 })
  period!: string;

  @Field(() => CorrectionKind, { description: 'What it changes. 更正类型' })
  @Column({ type: 'varchar', length: 8 })
  kind!: CorrectionKind;

  @Field(() => CorrectionStatus, { description: 'Where it stands. 状态' })
  @Column({ type: 'varchar', length: 10 })
  status!: CorrectionStatus;

  @Field({ description: 'Why the closed month should change. 更正理由' })
  @Column({ type: 'varchar', length: 500 })
  reason!: string;

  /** The change, as JSON (amounts in 分 as strings): applied on approval. */
  @Field({ description: 'The change asked for, as JSON (amounts in 分). 更正内容' })
  @Column({ type: 'text' })
  payload!: string;

  @Field({ description: 'Who asked. 申请人' })
  @Column({ type: 'varchar', length: 64 })
  requestedBy!: string;

  @Column({ type: 'int', nullable: true })
  requestedByUserId!: number | null;

  @Field({ description: 'When. 申请时间' })
  @Column({ type: 'datetime' })
  requestedAt!: Date;

  @Field(() => String, { nullable: true, description: 'The city admin who decided. 审批人' })
  @Column({ type: 'varchar', length: 64, nullable: true })
  decidedBy!: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was decided. 审批时间' })
  @Column({ type: 'datetime', nullable: true })
  decidedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'The decision’s reason. 审批意见' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  decisionReason!: string | null;

  /** The month's light and figures before the correction (JSON), kept on approval. */
  @Field(() => String, { nullable: true, description: 'The month’s light and figures before, as JSON. 更正前' })
  @Column({ type: 'text', nullable: true })
  before!: string | null;

  @Field(() => String, { nullable: true, description: 'The month’s light and figures after, as JSON. 更正后' })
  @Column({ type: 'text', nullable: true })
  after!: string | null;

  /** The months relit by the approval, as JSON [{ period, before, after, closed }]. */
  @Column({ type: 'text', nullable: true })
  relit!: string | null;
}

@ObjectType({ description: 'A district’s closed month: its light counts and investment as closed. 区县月度关账' })
export class DistrictMonthClose {
  @Field(() => ID, { description: 'Id of the district. 区县编号' })
  districtId!: number;

  @Field({ description: 'The district. 区县' })
  districtName!: string;

  @Field(() => PeriodScalar, { description: 'The month. 月份' })
  period!: string;

  @Field({ description: 'Closed (false: still open). 已关账' })
  closed!: boolean;

  @Field(() => Int, { description: 'Green lights. 绿灯' })
  green!: number;

  @Field(() => Int, { description: 'Yellow lights. 黄灯' })
  yellow!: number;

  @Field(() => Int, { description: 'Red lights. 红灯' })
  red!: number;

  @Field(() => MoneyScalar, { nullable: true, description: 'Planned investment of the month in 元 (null: nothing planned). 月计划投资' })
  planned!: Fen | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Reported investment of the month in 元 (null: nothing reported). 月完成投资' })
  actual!: Fen | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Reported investment January to the month in 元. 年初至今完成投资' })
  actualYearToDate!: Fen | null;

  @Field(() => Int, { description: 'Reports of the month. 报告数' })
  reports!: number;

  @Field(() => String, { nullable: true, description: 'Who closed it. 关账人' })
  closedBy!: string | null;

  @Field(() => Date, { nullable: true, description: 'When. 关账时间' })
  closedAt!: Date | null;
}
