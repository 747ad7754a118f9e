import { IsOptional, Length, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';

@InputType({ description: 'An item of a bundle. 一件事事项' })
export class ServiceBundleItemInput {
  @Field(() => ID, { description: 'The item, of the bundle’s district. 事项' })
  itemId!: string;

  @Field(() => Int, { description: 'Stage, 1, 2, … without a gap. 阶段' })
  stage!: number;
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
}
