import {
  CASE_KIND_LABELS,
  ONLINE_DEPTH_LABELS,
  SERVICE_ITEM_TYPE_LABELS,
  type CaseKind,
  type ComplianceCode,
  type Fen,
  type OnlineDepth,
  type ServiceItemType,
} from '@kpd/domain';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { moneyColumn } from '../../core/columns';
import { bilingualValues } from '../../core/enum-values';
import { MoneyScalar } from '../../core/scalars';

const SERVICE_ITEM_TYPE_ENGLISH: Record<ServiceItemType, string> = {
  ADMINISTRATIVE_ADJUDICATION: 'Administrative adjudication',
  ADMINISTRATIVE_COERCION: 'Administrative coercion',
  ADMINISTRATIVE_CONFIRMATION: 'Administrative confirmation',
  ADMINISTRATIVE_INSPECTION: 'Administrative inspection',
  ADMINISTRATIVE_LEVY: 'Administrative levy',
  ADMINISTRATIVE_LICENSE: 'Administrative licence',
  ADMINISTRATIVE_PAYMENT: 'Administrative payment',
  ADMINISTRATIVE_PENALTY: 'Administrative penalty',
  ADMINISTRATIVE_REWARD: 'Administrative reward',
  OTHER_ADMINISTRATIVE_POWER: 'Other administrative power',
  PUBLIC_SERVICE: 'Public service',
};
const ONLINE_DEPTH_ENGLISH: Record<OnlineDepth, string> = {
  FULLY_ONLINE: 'Fully online',
  OFFLINE: 'Offline only',
  PARTLY_ONLINE: 'Partly online',
};
const CASE_KIND_ENGLISH: Record<CaseKind, string> = {
  IMMEDIATE: 'Handled on the spot (promised time 0)',
  PROMISED: 'Handled within a promised time',
};
const COMPLIANCE_ENGLISH: Record<ComplianceCode, string> = {
  FULLY_ONLINE_WITH_VISITS: 'Fully online but still needs visits',
  IMMEDIATE_WITH_PROMISED_TIME: 'Handled on the spot but with a promised time above 0',
  PROMISED_ABOVE_TARGET: 'Promised time above 30% of the legal time',
  PROMISED_EXCEEDS_LEGAL: 'Promised time longer than the legal time',
  PROMISED_LIMIT_MISSING: 'Promised-time item without a promised time',
  VISITS_WITHOUT_REASON: 'Visits required without a stated reason',
};

export const ServiceItemTypeEnum = Object.fromEntries(Object.keys(SERVICE_ITEM_TYPE_LABELS).map((k) => [k, k])) as Record<ServiceItemType, ServiceItemType>;
registerEnumType(ServiceItemTypeEnum, {
  name: 'ServiceItemType',
  description: 'The "10+1" types: ten kinds of administrative power plus public service. 事项类型',
  valuesConfig: bilingualValues(SERVICE_ITEM_TYPE_ENGLISH, SERVICE_ITEM_TYPE_LABELS),
});

export const OnlineDepthEnum = Object.fromEntries(Object.keys(ONLINE_DEPTH_LABELS).map((k) => [k, k])) as Record<OnlineDepth, OnlineDepth>;
registerEnumType(OnlineDepthEnum, { name: 'OnlineDepth', description: 'How much of an item can be done online. 网办深度', valuesConfig: bilingualValues(ONLINE_DEPTH_ENGLISH, ONLINE_DEPTH_LABELS) });

export const CaseKindEnum = Object.fromEntries(Object.keys(CASE_KIND_LABELS).map((k) => [k, k])) as Record<CaseKind, CaseKind>;
registerEnumType(CaseKindEnum, { name: 'CaseKind', description: 'Done on the spot, or by a promised date. 办件类型', valuesConfig: bilingualValues(CASE_KIND_ENGLISH, CASE_KIND_LABELS) });

export enum ServiceItemStatus {
  IN_USE = 'IN_USE',
  SUSPENDED = 'SUSPENDED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(ServiceItemStatus, {
  name: 'ServiceItemStatus',
  description: 'Whether an item is offered. 事项状态',
  valuesConfig: { IN_USE: { description: 'In use. 在用' }, SUSPENDED: { description: 'Suspended. 暂停' }, CANCELLED: { description: 'Cancelled. 取消' } },
});
export const STATUS_LABELS: Record<ServiceItemStatus, string> = { IN_USE: '在用', SUSPENDED: '暂停', CANCELLED: '取消' };

/**
 * The compliance rules, in the order of their bit in `violation_mask`. Append only: the bits are
 * stored with every item so the compliance filter runs in SQL.
 */
export const COMPLIANCE_CODES: readonly ComplianceCode[] = [
  'FULLY_ONLINE_WITH_VISITS',
  'VISITS_WITHOUT_REASON',
  'PROMISED_LIMIT_MISSING',
  'PROMISED_EXCEEDS_LEGAL',
  'PROMISED_ABOVE_TARGET',
  'IMMEDIATE_WITH_PROMISED_TIME',
];
export const ComplianceRuleEnum = Object.fromEntries(COMPLIANCE_CODES.map((c) => [c, c])) as Record<ComplianceCode, ComplianceCode>;
export const COMPLIANCE_LABELS: Record<ComplianceCode, string> = {
  FULLY_ONLINE_WITH_VISITS: '全程网办但需到现场',
  VISITS_WITHOUT_REASON: '需到现场但未说明理由',
  PROMISED_LIMIT_MISSING: '承诺件未填承诺时限',
  PROMISED_EXCEEDS_LEGAL: '承诺时限超过法定时限',
  PROMISED_ABOVE_TARGET: '承诺时限超过法定时限的30%',
  IMMEDIATE_WITH_PROMISED_TIME: '即办件承诺时限不为0',
};
registerEnumType(ComplianceRuleEnum, {
  name: 'ComplianceRule',
  description: 'A rule a service item can break. 合规规则',
  valuesConfig: bilingualValues(COMPLIANCE_ENGLISH, COMPLIANCE_LABELS),
});

export function maskOf(codes: readonly ComplianceCode[]): number {
  return codes.reduce((mask, code) => mask | (1 << COMPLIANCE_CODES.indexOf(code)), 0);
}

export function codesOf(mask: number): ComplianceCode[] {
  return COMPLIANCE_CODES.filter((_, bit) => (mask & (1 << bit)) !== 0);
}

/** One government service item of a district's catalogue (政务服务事项). */
@ObjectType({ description: 'A government service item in a district’s catalogue. 政务服务事项' })
@Entity('service_items')
@Index(['districtId', 'implementationCode'], { unique: true })
@Index(['districtId', 'status', 'type'])
@Index(['districtId', 'zoneId'])
@Index(['districtId', 'violationMask'])
export class ServiceItem {
  @Field(() => ID, { description: 'Stable id. 编号' })
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  districtId!: number;

  @Field({ description: 'Basic code shared by every district’s item of this kind. 基本编码' })
  @Column({ type: 'varchar', length: 32 })
  basicCode!: string;

  @Field({ description: 'Implementation code, unique within the district. 实施编码' })
  @Column({ type: 'varchar', length: 48 })
  implementationCode!: string;

  @Field({ description: 'Name of the item. 事项名称' })
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Field(() => ServiceItemTypeEnum, { description: 'Type (10+1). 事项类型' })
  @Column({ type: 'varchar', length: 32 })
  type!: ServiceItemType;

  @Field({ description: 'Implementing department. 实施部门' })
  @Column({ type: 'varchar', length: 100 })
  department!: string;

  @Field({ description: 'Started by an applicant. 依申请' })
  @Column({ type: 'boolean' })
  byApplication!: boolean;

  @Field(() => OnlineDepthEnum, { description: 'How much can be done online. 网办深度' })
  @Column({ type: 'varchar', length: 16 })
  onlineDepth!: OnlineDepth;

  @Field(() => Int, { description: 'On-site visits needed; 2 means two or more. 到现场次数' })
  @Column({ type: 'int' })
  visits!: number;

  @Field(() => String, { nullable: true, description: 'Why the applicant must come on site. 到现场理由' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  visitsReason!: string | null;

  @Field(() => CaseKindEnum, { description: 'Done on the spot or by a promised date. 办件类型' })
  @Column({ type: 'varchar', length: 16 })
  caseKind!: CaseKind;

  @Field(() => Int, { nullable: true, description: 'Legal time limit in working days. 法定时限（工作日）' })
  @Column({ type: 'int', nullable: true })
  legalLimitDays!: number | null;

  @Field(() => Int, { nullable: true, description: 'Promised time limit in working days. 承诺时限（工作日）' })
  @Column({ type: 'int', nullable: true })
  promisedLimitDays!: number | null;

  @Field(() => Int, { nullable: true, description: 'Application materials now. 现申请材料数' })
  @Column({ type: 'int', nullable: true })
  materialsNow!: number | null;

  @Field(() => Int, { nullable: true, description: 'Application materials before the reform. 改革前申请材料数' })
  @Column({ type: 'int', nullable: true })
  materialsBefore!: number | null;

  @Column({ type: 'int', nullable: true })
  zoneId!: number | null;

  @Field({ description: 'A high-frequency item. 高频事项' })
  @Column({ type: 'boolean', default: false })
  highFrequency!: boolean;

  @Field(() => MoneyScalar, { nullable: true, description: 'Fee in 元; none when free. 收费标准' })
  @Column({ ...moneyColumn, nullable: true })
  fee!: Fen | null;

  @Field(() => String, { nullable: true, description: 'Legal basis. 设定依据' })
  @Column({ type: 'text', nullable: true })
  legalBasis!: string | null;

  @Field(() => ServiceItemStatus, { description: 'Offered or not. 状态' })
  @Column({ type: 'varchar', length: 16 })
  status!: ServiceItemStatus;

  @Field(() => Int, { description: 'Raised by every change; send it back to change the item. 版本' })
  @Column({ type: 'int', default: 1 })
  version!: number;

  /** The compliance rules the item breaks, one bit per rule (COMPLIANCE_CODES), kept on every write. */
  @Column({ type: 'int', default: 0 })
  violationMask!: number;

  @Field({ description: 'Last change. 更新时间' })
  @UpdateDateColumn({ type: 'datetime' })
  updatedAt!: Date;
}
