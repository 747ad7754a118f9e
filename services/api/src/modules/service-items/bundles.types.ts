import { Field, ID, Int, ObjectType } from 'type-graphql';
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

  @Field(() => Int, { description: 'Raised by every save; send it back to save again. 版本' })
  version!: number;
}
