import { ArrayMaxSize, IsOptional, Length, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';

@InputType({ description: 'An item of a bundle. 一件事事项' })
export class ServiceBundleItemInput {
  @Field(() => ID, { description: 'The item, of the bundle’s district. 事项' })
  itemId!: string;

  @Field(() => Int, { description: 'Stage, 1, 2, … without a gap. 阶段' })
  stage!: number;
}

@InputType({ description: 'A material of an outside part. 材料' })
export class ServiceBundleMaterialInput {
  @Field({ description: 'Name. 材料名称' })
  name!: string;

  @Field({ defaultValue: false, description: 'Shared from another department’s data, so not handed in. 共享免交' })
  shared!: boolean;
}

@InputType({ description: 'A part of a bundle done by a body outside the district’s catalogue (tax office, seal filing, bank…). 一件事进驻事项' })
export class ServiceBundlePartInput {
  @Field({ description: 'Name, e.g. 公章刻制. 事项名称' })
  name!: string;

  @Field({ description: 'The body that does it. 办理单位' })
  department!: string;

  @Field(() => Int, { description: 'Stage, as the items’. 阶段' })
  stage!: number;

  @Field(() => Int, { description: 'Promised limit, working days (0: on the spot). 承诺时限' })
  promisedDays!: number;

  @Field(() => Int, { description: 'On-site visits it needs alone: 0, 1, or 2 (two or more). 到现场次数' })
  visits!: number;

  @Field(() => String, { nullable: true, description: 'Why it needs a visit. 到现场理由' })
  visitsReason?: string | null;

  @Field(() => [ServiceBundleMaterialInput], { defaultValue: [], description: 'Its materials. 材料' })
  materials!: ServiceBundleMaterialInput[];
}

@InputType({ description: 'A whole bundle. 一件事' })
export class ServiceBundleInput {
  @Field({ description: 'Name. 名称' })
  @Length(0, 100)
  name!: string;

  @Field({ defaultValue: '', description: 'What it is for. 说明' })
  @Length(0, 500)
  description!: string;

  @Field(() => Int, { nullable: true, description: 'A cap on the combined limit, working days. 时限上限' })
  @IsOptional()
  @Min(-1000)
  @Max(1000)
  limitDays?: number | null;

  @Field(() => [ServiceBundleItemInput], { description: 'Its items (replacing the ones it had). 事项' })
  items!: ServiceBundleItemInput[];

  @Field(() => [ServiceBundlePartInput], {
    defaultValue: [],
    description: 'Its parts outside the district’s catalogue (replacing the ones it had). 进驻事项',
  })
  @ArrayMaxSize(20)
  parts!: ServiceBundlePartInput[];
}
