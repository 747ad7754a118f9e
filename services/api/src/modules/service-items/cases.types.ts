import {
  APPLICANT_TYPE_LABELS,
  CASE_CHANNEL_LABELS,
  CASE_OUTCOME_LABELS,
  type ApplicantType,
  type CaseChannel,
  type CaseOutcome,
} from '@kpd/domain';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { bilingualValues } from '../../core/enum-values';
import { Connection } from '../../core/pagination';
import { ShareType } from './service-items.types';
import type { ShareValue } from './figures.service';

const enumOf = <T extends string>(labels: Readonly<Record<T, string>>) =>
  Object.fromEntries(Object.keys(labels).map((k) => [k, k])) as Record<T, T>;
const described = <T extends string>(labels: Readonly<Record<T, string>>, english: Record<T, string>) =>
  bilingualValues(english, labels);

export const CaseChannelEnum = enumOf(CASE_CHANNEL_LABELS);
registerEnumType(CaseChannelEnum, {
  name: 'CaseChannel',
  description: 'How an application came in. 申请渠道',
  valuesConfig: described(CASE_CHANNEL_LABELS, {
    ONLINE: 'Online, on the web',
    WINDOW: 'At a window of the hall',
    SELF_SERVICE: 'At a self-service terminal',
    MOBILE: 'On the phone app',
  }),
});
export const ApplicantTypeEnum = enumOf(APPLICANT_TYPE_LABELS);
registerEnumType(ApplicantTypeEnum, {
  name: 'ApplicantType',
  description: 'Who applied. 申请人类型',
  valuesConfig: described(APPLICANT_TYPE_LABELS, {
    PERSON: 'A natural person',
    ORGANIZATION: 'A company or other organisation',
  }),
});
export const CaseOutcomeEnum = enumOf(CASE_OUTCOME_LABELS);
registerEnumType(CaseOutcomeEnum, {
  name: 'CaseOutcome',
  description: 'How a case ended. 办理结果',
  valuesConfig: described(CASE_OUTCOME_LABELS, {
    APPROVED: 'Granted',
    REJECTED: 'Refused',
    WITHDRAWN: 'Withdrawn by the applicant',
  }),
});

export enum CaseGroupingEnum {
  NONE = 'NONE',
  DISTRICT = 'DISTRICT',
  ZONE = 'ZONE',
  ITEM = 'ITEM',
}
registerEnumType(CaseGroupingEnum, {
  name: 'ServiceCaseGrouping',
  description: 'How to group the case figures. 办件指标分组',
  valuesConfig: {
    NONE: { description: 'One row. 合计' },
    DISTRICT: { description: 'By district. 按区县' },
    ZONE: { description: 'By zone of the hall. 按功能区' },
    ITEM: { description: 'By item. 按事项' },
  },
});

@ObjectType({ description: 'A period the clock stood still. 暂停计时' })
export class CasePauseType {
  @Field({ description: 'Which special procedure. 环节' })
  name!: string;

  @Field({ description: 'First day. 开始日期' })
  from!: string;

  @Field({ description: 'Last day. 结束日期' })
  to!: string;
}

@ObjectType({ description: 'A case of a service item, with its times and handling time. 办件' })
export class ServiceCaseType {
  @Field(() => ID, { description: 'Stable id. 编号' })
  id!: number;

  districtId!: number;
  itemId!: number;
  windowId!: number | null;

  @Field({ description: 'The window system’s case number. 办件编号' })
  caseNo!: string;

  @Field(() => ApplicantTypeEnum, { description: 'Who applied. 申请人类型' })
  applicantType!: ApplicantType;

  @Field(() => CaseChannelEnum, { description: 'Channel. 申请渠道' })
  channel!: CaseChannel;

  @Field({ description: 'Received. 收件时间' })
  receivedAt!: Date;

  @Field({ description: 'Accepted. 受理时间' })
  acceptedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'Decided. 办结时间' })
  decidedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'Delivered. 送达时间' })
  deliveredAt!: Date | null;

  @Field(() => CaseOutcomeEnum, { nullable: true, description: 'Outcome; none while pending. 办理结果' })
  outcome!: CaseOutcome | null;

  @Field(() => Int, { description: 'On-site visits made. 实际跑动次数' })
  visits!: number;

  @Field(() => [CasePauseType], { description: 'Pauses. 暂停计时' })
  pauseList!: CasePauseType[];

  @Field(() => Int, {
    nullable: true,
    description: 'The promise it is judged against, in working days. 承诺时限',
  })
  promisedDays!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Working days from acceptance to decision, allowed pauses excluded. 实际办理工作日',
  })
  handlingDays!: number | null;

  @Field(() => Int, { nullable: true, description: 'Working days taken out for allowed pauses. 暂停工作日' })
  pausedDays!: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Decided within the promise. 按时办结' })
  onTime!: boolean | null;
}

export const ServiceCaseConnection = Connection(ServiceCaseType, 'ServiceCase');

export interface CaseFigureRow {
  districtId: number | null;
  zoneId: number | null;
  itemId: number | null;
  cases: number;
  decided: number;
  minSample: number;
  sampleTooSmall: boolean;
  onlineShare: ShareValue | null;
  onTimeShare: ShareValue | null;
  medianDays: number | null;
  p90Days: number | null;
  medianPercentOfPromised: number | null;
  p90PercentOfPromised: number | null;
  visitsPerCase: number | null;
}

@ObjectType({
  description:
    'Measured figures of cases, per item, zone or district; rates only from the minimum sample up (样本过少 below it). 办件指标',
})
export class ServiceCaseFigures {
  districtId!: number | null;
  zoneId!: number | null;
  itemId!: number | null;

  @Field(() => Int, { description: 'Cases received in the period. 办件量' })
  cases!: number;

  @Field(() => Int, { description: 'Of them decided. 办结量' })
  decided!: number;

  @Field(() => Int, { description: 'The minimum sample of decided cases for rates. 最小样本量' })
  minSample!: number;

  @Field({ description: 'Too few decided cases for rates: they are null. 样本过少' })
  sampleTooSmall!: boolean;

  @Field(() => ShareType, {
    nullable: true,
    description: 'Handled online (web or phone) among the cases. 网上办理率',
  })
  onlineShare!: ShareValue | null;

  @Field(() => ShareType, {
    nullable: true,
    description: 'Decided within the promise among decided cases with a promise. 按时办结率',
  })
  onTimeShare!: ShareValue | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Median handling time in working days (nearest rank). 办理时间中位数',
  })
  medianDays!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: '90th percentile of handling time in working days (nearest rank). 办理时间90分位',
  })
  p90Days!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Median of handling time as a percentage of the promise. 中位数占承诺时限',
  })
  medianPercentOfPromised!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: '90th percentile of handling time as a percentage of the promise. 90分位占承诺时限',
  })
  p90PercentOfPromised!: number | null;

  @Field(() => Float, { nullable: true, description: 'On-site visits actually made per case. 平均跑动次数' })
  visitsPerCase!: number | null;
}
