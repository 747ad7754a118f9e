import { Extensions, Field, ID, Int, ObjectType } from 'type-graphql';
import { ServiceItem } from './service-item.entity';

@ObjectType('ServiceBundleItem', { description: 'An item of a bundle with the stage it runs in. 一件事事项' })
export class ServiceBundleItemType {
  @Field(() => Int, { description: 'Stage: items of a stage run side by side, stages one after another. 阶段' })
  stage!: number;

  @Field(() => ServiceItem, { description: 'The item. 事项' })
  item!: ServiceItem;

  @Field({ description: 'It has a service guide, so its materials are known by name. 有办事指南' })
  hasGuide!: boolean;
}

@ObjectType({ description: 'What a bundle asks and promises against doing its items one by one. 一件事减材料、减跑动、减时限' })
export class ServiceBundleFigures {
  @Field(() => Int, { description: 'Items. 事项数' })
  items!: number;

  @Field(() => Int, { description: 'Departments. 部门数' })
  departments!: number;

  @Field(() => Int, { description: 'Stages. 阶段数' })
  stages!: number;

  @Field(() => Int, { description: 'Working days one by one: the promised limits summed. 逐项办理时限' })
  oneByOneDays!: number;

  @Field(() => Int, { description: 'The combined limit: per stage the longest, summed. 合计承诺时限' })
  combinedDays!: number;

  @Field(() => Int, { description: 'Working days saved. 减少时限' })
  daysSaved!: number;

  @Field(() => Int, { description: 'Materials handed in one by one. 逐项提交材料' })
  oneByOneMaterials!: number;

  @Field(() => Int, { description: 'Materials handed in for the bundle, each once. 一件事提交材料' })
  bundleMaterials!: number;

  @Field(() => Int, { description: 'Materials saved. 减少材料' })
  materialsSaved!: number;

  @Field(() => Int, { description: 'Visits one by one. 逐项跑动次数' })
  oneByOneVisits!: number;

  @Field(() => Int, { description: 'Visits for the bundle at one window. 一件事跑动次数' })
  bundleVisits!: number;

  @Field(() => Int, { description: 'Visits saved. 减少跑动' })
  visitsSaved!: number;

  @Field(() => [String], { description: 'The materials to hand in, each once (items with a guide). 材料清单' })
  materialList!: string[];

  @Field(() => Int, { nullable: true, description: 'The cap on the combined limit. 时限上限' })
  limitDays!: number | null;

  @Field(() => Boolean, { nullable: true, description: 'The combined limit keeps to the cap; null without one. 符合时限上限' })
  withinLimit!: boolean | null;
}

@ObjectType({ description: 'A material of an outside part. 材料' })
export class ServiceBundleMaterial {
  @Field({ description: 'Name. 材料名称' })
  name!: string;

  @Field({ description: 'Shared from another department’s data, so not handed in. 共享免交' })
  shared!: boolean;
}

@ObjectType({
  description: 'A part of a bundle done by a body outside the district’s catalogue (tax office, seal filing, provident fund, bank). 一件事进驻事项',
})
export class ServiceBundlePart {
  @Field({ description: 'Name, e.g. 公章刻制. 事项名称' })
  name!: string;

  @Field({ description: 'The body that does it. 办理单位' })
  department!: string;

  @Field(() => Int, { description: 'Stage. 阶段' })
  stage!: number;

  @Field(() => Int, { description: 'Promised limit, working days. 承诺时限' })
  promisedDays!: number;

  @Field(() => Int, { description: 'On-site visits it needs alone; 2 means two or more. 到现场次数' })
  visits!: number;

  @Field(() => String, { nullable: true, description: 'Why it needs a visit. 到现场理由' })
  visitsReason!: string | null;

  @Extensions({ listSize: 5 })
  @Field(() => [ServiceBundleMaterial], { description: 'Its materials. 材料' })
  materials!: ServiceBundleMaterial[];
}

@ObjectType({ description: 'A part of a bundle as the public reads it: an item of the catalogue or an outside part. 一件事事项（公开）' })
export class PublicServiceBundleItem {
  @Field(() => Int, { description: 'Stage. 阶段' })
  stage!: number;

  @Field(() => ID, { nullable: true, description: 'The catalogue item, whose guide is public; none for an outside part. 事项编号' })
  itemId!: number | null;

  @Field({ description: 'Its guide is published (open it at /public/guides/<itemId>). 有办事指南' })
  hasGuide!: boolean;

  @Field({ description: 'Name. 事项名称' })
  name!: string;

  @Field({ description: 'The department or body that does it. 办理部门' })
  department!: string;

  @Field(() => Int, { nullable: true, description: 'Promised limit, working days (0: on the spot). 承诺时限' })
  promisedDays!: number | null;

  @Field(() => Int, { description: 'On-site visits it needs done alone; 2 means two or more. 单独办理到现场次数' })
  visits!: number;
}

/** What anyone may read of a bundle: names, parts, the merged materials and the figures; no versions, no internals. */
@ObjectType({ description: 'A "一件事" bundle as the public reads it. 一件事（公开）' })
export class PublicServiceBundle {
  @Field(() => ID, { description: 'Stable id. 编号' })
  id!: number;

  @Field({ description: 'Name. 名称' })
  name!: string;

  @Field({ description: 'What it is for. 说明' })
  description!: string;

  @Field({ description: 'The district. 区县' })
  districtName!: string;

  @Field(() => String, { nullable: true, description: 'The one window that takes the whole bundle in. 受理窗口' })
  place!: string | null;

  @Extensions({ listSize: 10 })
  @Field(() => [PublicServiceBundleItem], { description: 'Its items and outside parts, by stage. 事项' })
  items!: PublicServiceBundleItem[];

  @Field(() => ServiceBundleFigures, { description: 'Materials, visits and days against one by one. 减材料、减跑动、减时限' })
  figures!: ServiceBundleFigures;
}

@ObjectType({ description: 'A bundle an item belongs to. 所属一件事' })
export class PublicServiceBundleLink {
  @Field(() => ID, { description: 'Stable id. 编号' })
  id!: number;

  @Field({ description: 'Name. 名称' })
  name!: string;
}

@ObjectType('ServiceBundle', { description: 'A "一件事" bundle: items of several departments done as one application at one window. 一件事' })
export class ServiceBundleType {
  @Field(() => ID, { description: 'Stable id. 编号' })
  id!: number;

  districtId!: number;

  @Field({ description: 'Name, e.g. 开办企业. 名称' })
  name!: string;

  @Field({ description: 'What it is for. 说明' })
  description!: string;

  @Field(() => Int, { nullable: true, description: 'A cap on the combined promised limit, working days. 时限上限' })
  limitDays!: number | null;

  /** Outside parts as JSON (BundlePart[]); read through the `parts` field. */
  parts!: string | null;

  @Field(() => Int, { description: 'Raised by every save; send it back to save again. 版本' })
  version!: number;
}
