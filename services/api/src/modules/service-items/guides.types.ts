import {
  MATERIAL_FORM_LABELS,
  type CaseKind,
  type Fen,
  type MaterialForm,
  type OnlineDepth,
  type ServiceItemType,
} from '@kpd/domain';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { bilingualValues } from '../../core/enum-values';
import { Connection } from '../../core/pagination';
import { MoneyScalar } from '../../core/scalars';
import { CaseKindEnum, OnlineDepthEnum, ServiceItemTypeEnum } from './service-item.entity';

export const MaterialFormEnum = Object.fromEntries(
  Object.keys(MATERIAL_FORM_LABELS).map((k) => [k, k]),
) as Record<MaterialForm, MaterialForm>;
const MATERIAL_FORM_ENGLISH: Record<MaterialForm, string> = {
  ORIGINAL: 'The original',
  COPY: 'A copy',
  ORIGINAL_AND_COPY: 'The original and a copy',
  ELECTRONIC: 'An electronic document',
};
registerEnumType(MaterialFormEnum, {
  name: 'MaterialForm',
  description: 'In what form a material is handed in. 材料形式',
  valuesConfig: bilingualValues(MATERIAL_FORM_ENGLISH, MATERIAL_FORM_LABELS),
});

@ObjectType({
  description: 'A material the applicant hands in, or that is shared from another department. 申请材料',
})
export class GuideMaterial {
  @Field({ description: 'Name. 材料名称' })
  name!: string;

  @Field(() => MaterialFormEnum, { description: 'Original, copy or electronic. 材料形式' })
  form!: MaterialForm;

  @Field(() => Int, { description: 'Copies. 份数' })
  copies!: number;

  @Field({ description: 'Where the applicant gets it. 来源渠道' })
  source!: string;

  @Field({ description: 'Shared from another department’s data, so not handed in. 共享免提交' })
  shared!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Where the blank form or sample is downloaded. 空白表格',
  })
  templateUrl!: string | null;
}

@ObjectType({ description: 'A step of handling. 办理环节' })
export class GuideStep {
  @Field({ description: 'Name of the step. 环节' })
  title!: string;

  @Field({ description: 'What happens in it. 说明' })
  description!: string;
}

@ObjectType({ description: 'A fee with its legal basis. 收费项目' })
export class GuideFee {
  @Field({ description: 'Name. 收费项目' })
  name!: string;

  @Field(() => MoneyScalar, { description: 'Amount in 元. 金额' })
  amount!: Fen;

  @Field({ description: 'Legal basis of the fee. 收费依据' })
  basis!: string;
}

@ObjectType({
  description: 'A period not counted in the promised time (expert review, public notice…). 不计入时限的环节',
})
export class GuidePause {
  @Field({ description: 'Name. 环节' })
  name!: string;

  @Field(() => Int, { description: 'Longest it may last, in working days. 最长工作日' })
  maxDays!: number;
}

@ObjectType({ description: 'A frequently asked question. 常见问题' })
export class GuideFaq {
  @Field({ description: 'Question. 问题' })
  question!: string;

  @Field({ description: 'Answer. 解答' })
  answer!: string;
}

@ObjectType({ description: 'The service guide of an item: how to get it done. 办事指南' })
export class ServiceGuide {
  @Field(() => Int, { description: 'Raised by every save; send it back to change the guide. 版本' })
  version!: number;

  @Field({ description: 'Who may apply and on what conditions. 申办条件' })
  conditions!: string;

  @Field(() => [GuideMaterial], { description: 'Materials. 申请材料' })
  materials!: GuideMaterial[];

  @Field(() => Int, { description: 'Materials the applicant hands in (not shared). 需提交材料数' })
  materialsToSubmit!: number;

  @Field(() => [GuideStep], { description: 'Steps. 办理流程' })
  steps!: GuideStep[];

  @Field({ description: 'Where (hall, zone, windows). 办理地点' })
  place!: string;

  @Field({ description: 'When. 办公时间' })
  hours!: string;

  @Field(() => [GuideFee], { description: 'Fees, with their basis; empty when free. 收费' })
  fees!: GuideFee[];

  @Field(() => MoneyScalar, { description: 'All fees together, in 元. 收费合计' })
  feeTotal!: Fen;

  @Field(() => [GuidePause], { description: 'Periods not counted in the promised time. 特别程序' })
  pauses!: GuidePause[];

  @Field({ description: 'Phone for questions. 咨询电话' })
  contactPhone!: string;

  @Field({ description: 'Phone for complaints. 投诉电话' })
  complaintPhone!: string;

  @Field({ description: 'Other complaint channels. 投诉渠道' })
  complaintChannel!: string;

  @Field(() => [GuideFaq], { description: 'Frequently asked questions. 常见问题' })
  faq!: GuideFaq[];

  @Field({ description: 'Last change. 更新时间' })
  updatedAt!: Date;
}

/** What anyone may read of an item with a guide: no compliance flags, no internal fields. */
@ObjectType({
  description: 'An item in use with a published guide, as the public reads it. 公开的办事指南事项',
})
export class PublicServiceItem {
  @Field(() => ID, { description: 'Stable id. 编号' })
  id!: number;

  districtId!: number;
  zoneId!: number | null;

  @Field({ description: 'Implementation code. 实施编码' })
  implementationCode!: string;

  @Field({ description: 'Name. 事项名称' })
  name!: string;

  @Field(() => ServiceItemTypeEnum, { description: 'Type. 事项类型' })
  type!: ServiceItemType;

  @Field({ description: 'Implementing department. 实施部门' })
  department!: string;

  @Field(() => OnlineDepthEnum, { description: 'How much can be done online. 网办深度' })
  onlineDepth!: OnlineDepth;

  @Field(() => Int, { description: 'On-site visits needed; 2 means two or more. 到现场次数' })
  visits!: number;

  @Field(() => CaseKindEnum, { description: 'Done on the spot or by a promised date. 办件类型' })
  caseKind!: CaseKind;

  @Field(() => Int, { nullable: true, description: 'Legal time limit in working days. 法定时限' })
  legalLimitDays!: number | null;

  @Field(() => Int, { nullable: true, description: 'Promised time limit in working days. 承诺时限' })
  promisedLimitDays!: number | null;

  @Field({ description: 'A high-frequency item. 高频事项' })
  highFrequency!: boolean;

  @Field(() => String, { nullable: true, description: 'Legal basis. 设定依据' })
  legalBasis!: string | null;
}

export const PublicServiceItemConnection = Connection(PublicServiceItem, 'PublicServiceItem');
