import type { Fen, MaterialForm } from '@kpd/domain';
import { IsOptional, Length } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { PageArgsType } from '../../core/pagination';
import { MoneyScalar } from '../../core/scalars';
import { MaterialFormEnum } from './guides.types';

@InputType({ description: 'A material of a guide. 申请材料' })
export class GuideMaterialInput {
  @Field({ description: 'Name. 材料名称' })
  name!: string;

  @Field(() => MaterialFormEnum, { description: 'Form. 材料形式' })
  form!: MaterialForm;

  @Field(() => Int, { description: 'Copies. 份数' })
  copies!: number;

  @Field({ description: 'Where the applicant gets it. 来源渠道' })
  source!: string;

  @Field({ description: 'Shared from another department’s data, so not handed in. 共享免提交' })
  shared!: boolean;

  @Field(() => String, { nullable: true, description: 'Download address of the blank form. 空白表格' })
  templateUrl?: string | null;
}

@InputType({ description: 'A step. 办理环节' })
export class GuideStepInput {
  @Field({ description: 'Name of the step. 环节' })
  title!: string;

  @Field({ description: 'What happens in it. 说明', defaultValue: '' })
  description!: string;
}

@InputType({ description: 'A fee. 收费项目' })
export class GuideFeeInput {
  @Field({ description: 'Name. 收费项目' })
  name!: string;

  @Field(() => MoneyScalar, { description: 'Amount in 元. 金额' })
  amount!: Fen;

  @Field({ description: 'Legal basis. 收费依据' })
  basis!: string;
}

@InputType({ description: 'A period not counted in the promised time. 不计时环节' })
export class GuidePauseInput {
  @Field({ description: 'Name. 环节' })
  name!: string;

  @Field(() => Int, { description: 'Longest it may last, in working days. 最长工作日' })
  maxDays!: number;
}

@InputType({ description: 'A question and its answer. 常见问题' })
export class GuideFaqInput {
  @Field({ description: 'Question. 问题' })
  question!: string;

  @Field({ description: 'Answer. 解答' })
  answer!: string;
}

@InputType({ description: 'A whole service guide. 办事指南' })
export class ServiceGuideInput {
  @Field({ description: 'Conditions. 申办条件' })
  conditions!: string;

  @Field(() => [GuideMaterialInput], { description: 'Materials. 申请材料' })
  materials!: GuideMaterialInput[];

  @Field(() => [GuideStepInput], { description: 'Steps. 办理流程' })
  steps!: GuideStepInput[];

  @Field({ description: 'Where. 办理地点' })
  place!: string;

  @Field({ description: 'When. 办公时间' })
  hours!: string;

  @Field(() => [GuideFeeInput], { description: 'Fees; empty when free. 收费' })
  fees!: GuideFeeInput[];

  @Field(() => [GuidePauseInput], { description: 'Periods not counted in the promised time. 特别程序' })
  pauses!: GuidePauseInput[];

  @Field({ description: 'Phone for questions. 咨询电话' })
  contactPhone!: string;

  @Field({ description: 'Phone for complaints. 投诉电话' })
  complaintPhone!: string;

  @Field({ description: 'Other complaint channels. 投诉渠道', defaultValue: '' })
  complaintChannel!: string;

  @Field(() => [GuideFaqInput], { description: 'Frequently asked questions. 常见问题' })
  faq!: GuideFaqInput[];
}

@ArgsType()
export class PublicServiceGuidesArgs extends PageArgsType {
  @Field(() => ID, { nullable: true, description: 'Only this district’s items. 区县' })
  districtId?: string | null;

  @Field(() => String, { nullable: true, description: 'Name or department containing this text. 关键词' })
  @IsOptional()
  @Length(1, 50)
  search?: string | null;
}
