import type { RatingReason, RectificationStatus, RectificationStep } from '@kpd/domain';
import { IsOptional, Length, Max, Min } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { PageArgsType } from '../../core/pagination';
import { LocalDateScalar } from '../../core/scalars';
import { RatingGroupingEnum, RatingReasonEnum, RectificationStatusEnum, RectificationStepEnum } from './ratings.types';

@InputType({ description: 'An applicant’s rating of a case. 办件评价' })
export class RateServiceCaseInput {
  @Field(() => Int, { description: '1 非常不满意 … 5 非常满意. 评分' })
  score!: number;

  @Field(() => [RatingReasonEnum], { defaultValue: [], description: 'Why; at least one for a bad rating. 评价理由' })
  reasons!: RatingReason[];

  @Field(() => String, { nullable: true, description: 'In the applicant’s words, at most 500 characters. 评价意见' })
  comment?: string | null;
}

@InputType({ description: 'The next step of a rectification. 整改办理' })
export class RectificationStepInput {
  @Field(() => RectificationStepEnum, { description: 'The step taken: the one the rectification waits for. 环节' })
  step!: RectificationStep;

  @Field(() => LocalDateScalar, { description: 'The day it was done. 办理日期' })
  date!: string;

  @Field({ description: 'What was done or found. 办理情况' })
  @Length(0, 2000)
  note!: string;

  @Field(() => Boolean, { nullable: true, description: 'At verification: the complaint is founded. 是否属实' })
  founded?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'At the return visit: the applicant is satisfied. 是否满意' })
  satisfied?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Hand it to another owner. 责任人' })
  owner?: string | null;
}

@InputType({ description: 'Which rectifications. 整改筛选' })
export class ServiceRectificationFilter {
  @Field(() => ID, { nullable: true, description: 'Of this area (a district or a city). 区划' })
  areaId?: string | null;

  @Field(() => [RectificationStatusEnum], { nullable: true, description: 'In these states. 状态' })
  statuses?: RectificationStatus[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Only overdue (true) or only not overdue (false). 超期' })
  overdue?: boolean | null;
}

@ArgsType()
export class ServiceRectificationsArgs extends PageArgsType {
  @Field(() => ServiceRectificationFilter, { nullable: true, description: 'Which rectifications. 筛选' })
  filter?: ServiceRectificationFilter | null;
}

@InputType({ description: 'Which ratings. 评价筛选' })
export class ServiceRatingFilter {
  @Field(() => ID, { nullable: true, description: 'Of this area (a district or a city). 区划' })
  areaId?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Rated on or after this day. 起始日期' })
  from?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Rated on or before this day. 截止日期' })
  to?: string | null;
}

@ArgsType()
export class ServiceRatingFiguresArgs {
  @Field(() => ServiceRatingFilter, { nullable: true, description: 'Which ratings. 筛选' })
  filter?: ServiceRatingFilter | null;

  @Field(() => RatingGroupingEnum, { defaultValue: RatingGroupingEnum.NONE, description: 'Grouping. 分组' })
  groupBy!: RatingGroupingEnum;

  @Field(() => Int, { nullable: true, description: 'Fewest ratings for a rate (default 20, at least 5). 最小样本量' })
  @IsOptional()
  @Min(5)
  @Max(10000)
  minSample?: number | null;
}
