import { ArrayMaxSize, IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';

@InputType({ description: 'Satisfaction weights for an area’s congress or one session. 满意度测评权重' })
export class RatingRuleInput {
  @Field(() => ID, { description: 'The city, county or township whose congress it is for. 地区' })
  areaId!: string;

  @Field(() => ID, { nullable: true, description: 'One session of that congress (omit: every session of the area). 会议' })
  @IsOptional()
  sessionId?: string | null;

  @Field(() => Int, { description: 'Points of 100 for the delegates’ sheets. 代表测评权重' })
  delegateWeight!: number;

  @Field(() => Int, { description: 'Points of 100 for the public survey; the two add up to 100. 群众测评权重' })
  publicWeight!: number;

  @Field(() => Int, { defaultValue: 85, description: 'Combined score from which a project is 满意. 满意分数线' })
  satisfiedFrom!: number;

  @Field(() => Int, { defaultValue: 60, description: 'Combined score from which a project is 基本满意. 基本满意分数线' })
  basicFrom!: number;
}

@InputType({ description: 'The survey’s counts for one project. 项目调查结果' })
export class PublicSurveyEntryInput {
  @Field(() => ID, { description: 'Project id. 项目' })
  projectId!: string;

  @Field(() => Int, { description: 'Households answering 满意. 满意' })
  satisfied!: number;

  @Field(() => Int, { description: 'Households answering 基本满意. 基本满意' })
  basicallySatisfied!: number;

  @Field(() => Int, { description: 'Households answering 不满意. 不满意' })
  unsatisfied!: number;
}

@InputType({ description: 'A public survey’s results for an evaluation (群众满意度调查). 群众测评' })
export class PublicSurveyInput {
  @Field({ description: 'Who ran the survey and how, e.g. 市统计局入户调查. 调查来源' })
  @MaxLength(200)
  source!: string;

  @Field(() => [PublicSurveyEntryInput], { description: 'Counts per project (replace earlier counts of those projects). 各项目结果' })
  @ArrayMaxSize(100)
  entries!: PublicSurveyEntryInput[];
}
