import { Field, Float, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Weights of the monthly district ranking score; they add up to 1. 排名权重' })
export class RankingWeightsType {
  @Field(() => Float, { description: 'Milestone completion rate. 节点完成率' })
  milestoneRate!: number;

  @Field(() => Float, { description: 'Year-to-date investment completion rate. 投资完成率' })
  investmentRate!: number;

  @Field(() => Float, { description: 'Light score (green minus red share). 亮灯' })
  lights!: number;
}
