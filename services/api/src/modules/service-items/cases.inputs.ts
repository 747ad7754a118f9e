import type { ApplicantType, CaseChannel, CaseOutcome } from '@kpd/domain';
import { IsOptional, Length, Max, Min } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { PageArgsType } from '../../core/pagination';
import { LocalDateScalar } from '../../core/scalars';
import { ApplicantTypeEnum, CaseChannelEnum, CaseGroupingEnum, CaseOutcomeEnum } from './cases.types';

@InputType({ description: 'A pause of a case. 暂停计时' })
export class CasePauseInput {
  @Field({ description: 'The special procedure, as the guide names it. 环节' })
  name!: string;

  @Field(() => LocalDateScalar, { description: 'First day. 开始日期' })
  from!: string;

  @Field(() => LocalDateScalar, { description: 'Last day. 结束日期' })
  to!: string;
}

@InputType({ description: 'A case of an item. 办件' })
export class ServiceCaseInput {
  @Field(() => ID, { description: 'The item. 事项' })
  itemId!: string;

  @Field({ description: 'The window system’s case number, unique in the district. 办件编号' })
  @Length(1, 40)
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
  decidedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Delivered. 送达时间' })
  deliveredAt?: Date | null;

  @Field(() => CaseOutcomeEnum, { nullable: true, description: 'Outcome. 办理结果' })
  outcome?: CaseOutcome | null;

  @Field(() => Int, { description: 'On-site visits made. 实际跑动次数', defaultValue: 0 })
  @Min(0)
  @Max(20)
  visits!: number;

  @Field(() => [CasePauseInput], { description: 'Pauses. 暂停计时', defaultValue: [] })
  pauses!: CasePauseInput[];

  @Field(() => ID, { nullable: true, description: 'The window that accepted it, if at the hall. 受理窗口' })
  windowId?: string | null;
}

@InputType({ description: 'Which cases. 办件筛选' })
export class ServiceCaseFilter {
  @Field(() => ID, { nullable: true, description: 'Of this area (a district or a city). 区划' })
  areaId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Of this item. 事项' })
  itemId?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Received on or after this day. 起始日期' })
  from?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Received on or before this day. 截止日期' })
  to?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only decided cases past their promise (true) or within it (false). 超期',
  })
  late?: boolean | null;
}

@ArgsType()
export class ServiceCasesArgs extends PageArgsType {
  @Field(() => ServiceCaseFilter, { nullable: true, description: 'Which cases. 筛选' })
  filter?: ServiceCaseFilter | null;
}

@ArgsType()
export class ServiceCaseFiguresArgs {
  @Field(() => ServiceCaseFilter, { nullable: true, description: 'Which cases (late is ignored). 筛选' })
  filter?: ServiceCaseFilter | null;

  @Field(() => CaseGroupingEnum, { defaultValue: CaseGroupingEnum.NONE, description: 'Grouping. 分组' })
  groupBy!: CaseGroupingEnum;

  @Field(() => Int, {
    nullable: true,
    description: 'Fewest decided cases for a rate (default 20, at least 5). 最小样本量',
  })
  @IsOptional()
  @Min(5)
  @Max(10000)
  minSample?: number | null;
}
