import {
  RATING_REASON_LABELS,
  RECTIFICATION_STATUS_LABELS,
  RECTIFICATION_STEP_LABELS,
  type RatingReason,
  type RectificationStatus,
  type RectificationStep,
} from '@kpd/domain';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { bilingualValues } from '../../core/enum-values';
import { Connection } from '../../core/pagination';
import { LocalDateScalar } from '../../core/scalars';
import type { ShareValue } from './figures.service';
import { ShareType } from './service-items.types';

const enumOf = <T extends string>(labels: Readonly<Record<T, string>>) =>
  Object.fromEntries(Object.keys(labels).map((k) => [k, k])) as Record<T, T>;

export const RatingReasonEnum = enumOf(RATING_REASON_LABELS);
registerEnumType(RatingReasonEnum, {
  name: 'RatingReason',
  description: 'Why an applicant rated a case as they did. 评价理由',
  valuesConfig: bilingualValues<RatingReason>(
    {
      FAST: 'Handled quickly',
      FRIENDLY: 'Friendly service',
      CLEAR_GUIDE: 'The guide was clear',
      ONE_VISIT: 'At most one visit',
      SLOW: 'It took long',
      MANY_VISITS: 'Too many visits',
      MANY_MATERIALS: 'Too many materials asked',
      POOR_ATTITUDE: 'Poor attitude',
      UNCLEAR_GUIDE: 'The guide was unclear',
      SYSTEM_TROUBLE: 'The system was hard to use',
      OTHER: 'Other (said in the comment)',
    },
    RATING_REASON_LABELS,
  ),
});

export const RectificationStatusEnum = enumOf(RECTIFICATION_STATUS_LABELS);
registerEnumType(RectificationStatusEnum, {
  name: 'RectificationStatus',
  description: 'Where the rectification of a bad rating stands. 整改状态',
  valuesConfig: bilingualValues<RectificationStatus>(
    {
      VERIFYING: 'Waiting to be verified',
      RECTIFYING: 'Being rectified',
      FEEDBACK: 'Rectified; the applicant is to be told',
      RETURN_VISIT: 'Told; the applicant is to be visited back',
      CLOSED: 'Closed after a satisfied return visit',
    },
    RECTIFICATION_STATUS_LABELS,
  ),
});

export const RectificationStepEnum = enumOf(RECTIFICATION_STEP_LABELS);
registerEnumType(RectificationStepEnum, {
  name: 'RectificationStep',
  description: 'A step of a rectification. 整改环节',
  valuesConfig: bilingualValues<RectificationStep>(
    {
      VERIFY: 'Verify the complaint (founded or not)',
      RECTIFY: 'Rectify',
      FEEDBACK: 'Give feedback to the applicant',
      RETURN_VISIT: 'Visit the applicant back (satisfied or not)',
    },
    RECTIFICATION_STEP_LABELS,
  ),
});

export enum RatingGroupingEnum {
  NONE = 'NONE',
  DISTRICT = 'DISTRICT',
  DEPARTMENT = 'DEPARTMENT',
  WINDOW = 'WINDOW',
}
registerEnumType(RatingGroupingEnum, {
  name: 'ServiceRatingGrouping',
  description: 'How to group the rating figures. 好差评指标分组',
  valuesConfig: {
    NONE: { description: 'One row. 合计' },
    DISTRICT: { description: 'By district. 按区县' },
    DEPARTMENT: { description: 'By the department that handled the case. 按部门' },
    WINDOW: { description: 'By the window that accepted it (none: online). 按窗口' },
  },
});

@ObjectType('RatingLink', { description: 'A rating link, shown once: the token is not kept. 评价链接' })
export class RatingLinkType {
  @Field({ description: 'The one-time token. 评价码' })
  token!: string;

  @Field({ description: 'The public page to send the applicant, e.g. /public/rate/<token>. 评价页面' })
  path!: string;

  @Field({ description: 'The case it rates. 办件编号' })
  caseNo!: string;
}

@ObjectType('PublicRatingForm', { description: 'What the public rating page shows about the case of a link. 评价页面' })
export class PublicRatingFormType {
  @Field({ description: 'Case number. 办件编号' })
  caseNo!: string;

  @Field({ description: 'The item. 事项名称' })
  itemName!: string;

  @Field({ description: 'The department that handled it. 办理部门' })
  department!: string;

  @Field({ description: 'The district. 区县' })
  districtName!: string;

  @Field(() => Date, { nullable: true, description: 'Decided. 办结时间' })
  decidedAt!: Date | null;

  @Field({ description: 'Already rated: the link is spent. 已评价' })
  rated!: boolean;

  @Field(() => Int, { nullable: true, description: 'The score given, once rated. 评分' })
  score!: number | null;
}

@ObjectType('ServiceRating', { description: 'The 好差评 rating of a case. 好差评' })
export class ServiceRatingType {
  @Field(() => ID, { description: 'Stable id. 编号' })
  id!: number;

  caseId!: number;
  itemId!: number;
  windowId!: number | null;

  @Field(() => Int, { nullable: true, description: '1–5; none while the link is unused. 评分' })
  score!: number | null;

  @Field(() => [RatingReasonEnum], { description: 'Reasons given. 评价理由' })
  reasonList!: RatingReason[];

  @Field(() => String, { nullable: true, description: 'The applicant’s words. 评价意见' })
  comment!: string | null;

  @Field({ description: 'The department that handled the case. 办理部门' })
  department!: string;

  @Field({ description: 'When the link was issued. 发送时间' })
  issuedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When rated. 评价时间' })
  ratedAt!: Date | null;
}

@ObjectType('RectificationStepRecord', { description: 'A recorded step of a rectification. 整改记录' })
export class RectificationStepType {
  @Field(() => ID, { description: 'Stable id. 编号' })
  id!: number;

  @Field(() => RectificationStepEnum, { description: 'Which step. 环节' })
  step!: RectificationStep;

  @Field(() => LocalDateScalar, { description: 'The day it was done. 办理日期' })
  onDate!: string;

  @Field({ description: 'What was done or found. 办理情况' })
  note!: string;

  @Field(() => Boolean, { nullable: true, description: 'Verification: the complaint is founded. 是否属实' })
  founded!: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Return visit: the applicant is satisfied. 是否满意' })
  satisfied!: boolean | null;

  @Field(() => String, { nullable: true, description: 'Who recorded it. 记录人' })
  actor!: string | null;
}

@ObjectType('ServiceRectification', { description: 'The rectification of a bad rating (差评整改), overdue when unrectified after its deadline. 差评整改' })
export class ServiceRectificationType {
  @Field(() => ID, { description: 'Stable id. 编号' })
  id!: number;

  ratingId!: number;
  caseId!: number;
  itemId!: number;
  windowId!: number | null;
  districtId!: number;

  @Field(() => RectificationStatusEnum, { description: 'Where it stands. 状态' })
  status!: RectificationStatus;

  @Field(() => RectificationStepEnum, { nullable: true, description: 'The step it waits for; none when closed. 下一步' })
  nextStep!: RectificationStep | null;

  @Field({ description: 'Who answers for it. 责任人' })
  owner!: string;

  @Field({ description: 'The department that handled the case. 办理部门' })
  department!: string;

  @Field(() => LocalDateScalar, { description: 'The day of the bad rating. 差评日期' })
  openedOn!: string;

  @Field(() => LocalDateScalar, { description: 'Rectify by (five working days). 整改期限' })
  deadline!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Rectified (or found unfounded) on. 整改完成日期' })
  rectifiedOn!: string | null;

  @Field(() => Int, { nullable: true, description: 'Working days it took to rectify. 整改用时（工作日）' })
  rectifiedDays!: number | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Closed on. 办结日期' })
  closedOn!: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Verification found it founded. 是否属实' })
  founded!: boolean | null;

  @Field({ description: 'Still verifying or rectifying after its deadline. 超期未整改' })
  overdue!: boolean;

  @Field(() => Int, { description: 'Raised by every step; send it back with the next one. 版本' })
  version!: number;
}

export const ServiceRectificationConnection = Connection(ServiceRectificationType, 'ServiceRectification');

export interface RatingFigureRow {
  districtId: number | null;
  department: string | null;
  windowId: number | null;
  rated: number;
  distribution: number[];
  bad: number;
  minSample: number;
  sampleTooSmall: boolean;
  averageScore: number | null;
  satisfiedShare: ShareValue | null;
  badShare: ShareValue | null;
  rectifications: number;
  rectificationRate: ShareValue;
  rectifiedOnTime: ShareValue;
  overdue: number;
  medianRectificationDays: number | null;
}

@ObjectType({
  description:
    'Rating figures per district, department or window: distribution, satisfaction and bad-rating rectification; rates only from the minimum sample up. 好差评指标',
})
export class ServiceRatingFigures {
  districtId!: number | null;
  windowId!: number | null;

  @Field(() => String, { nullable: true, description: 'The department, when grouped by department. 部门' })
  department!: string | null;

  @Field(() => Int, { description: 'Ratings given in the period. 评价数' })
  rated!: number;

  @Field(() => [Int], { description: 'Ratings of 1, 2, 3, 4 and 5, in that order. 评分分布' })
  distribution!: number[];

  @Field(() => Int, { description: 'Bad ratings (1 or 2). 差评数' })
  bad!: number;

  @Field(() => Int, { description: 'The minimum sample of ratings for rates. 最小样本量' })
  minSample!: number;

  @Field({ description: 'Too few ratings for rates: they are null. 样本不足' })
  sampleTooSmall!: boolean;

  @Field(() => Float, { nullable: true, description: 'Average score, two decimals. 平均分' })
  averageScore!: number | null;

  @Field(() => ShareType, { nullable: true, description: 'Rated 4 or 5 among the ratings. 满意率' })
  satisfiedShare!: ShareValue | null;

  @Field(() => ShareType, { nullable: true, description: 'Rated 1 or 2 among the ratings. 差评率' })
  badShare!: ShareValue | null;

  @Field(() => Int, { description: 'Rectifications opened by the bad ratings. 整改件数' })
  rectifications!: number;

  @Field(() => ShareType, { description: 'Rectified (or found unfounded) among them. 整改率' })
  rectificationRate!: ShareValue;

  @Field(() => ShareType, { description: 'Rectified by the deadline among the rectified. 按期整改率' })
  rectifiedOnTime!: ShareValue;

  @Field(() => Int, { description: 'Still unrectified after the deadline. 超期未整改' })
  overdue!: number;

  @Field(() => Int, { nullable: true, description: 'Median working days to rectify (nearest rank). 整改用时中位数' })
  medianRectificationDays!: number | null;
}
