import type { Fen } from '@kpd/domain';
import { IsIn, IsOptional, Max, Min } from 'class-validator';
import { Field, Float, InputType, Int } from 'type-graphql';
import { MoneyScalar } from '../scalars';
import { LightRule } from './city-settings.entity';

@InputType({ description: 'Weights of the ranking score; they must add up to 1. 排名权重' })
export class RankingWeightsInput {
  @Field(() => Float, { description: 'Weight of the milestone completion rate (0–1). 节点完成率权重' })
  @Min(0)
  @Max(1)
  milestoneRate!: number;

  @Field(() => Float, { description: 'Weight of the investment completion rate (0–1). 投资完成率权重' })
  @Min(0)
  @Max(1)
  investmentRate!: number;

  @Field(() => Float, { description: 'Weight of the light score (0–1). 亮灯权重' })
  @Min(0)
  @Max(1)
  lights!: number;
}

@InputType({ description: 'Changes to a city’s settings; omitted fields stay as they are. 城市参数修改' })
export class CitySettingsInput {
  @Field(() => MoneyScalar, { nullable: true, description: 'Library threshold in 元. 入库门槛' })
  libraryThreshold?: Fen;

  @Field(() => LightRule, { nullable: true, description: 'Light rule. 亮灯规则' })
  @IsOptional()
  @IsIn(Object.values(LightRule))
  lightRule?: LightRule;

  @Field(() => Int, { nullable: true, description: 'Report deadline day of the next month (1–28). 报送截止日' })
  @IsOptional()
  @Min(1)
  @Max(28)
  reportDeadlineDay?: number;

  @Field(() => Int, { nullable: true, description: 'Tolerance in percent (0–50). 容差' })
  @IsOptional()
  @Min(0)
  @Max(50)
  lightTolerancePercent?: number;

  @Field(() => Int, { nullable: true, description: 'Days without contact before a warning (1–365). 无联系预警天数' })
  @IsOptional()
  @Min(1)
  @Max(365)
  noContactDays?: number;

  @Field(() => RankingWeightsInput, { nullable: true, description: 'Ranking weights. 排名权重' })
  rankingWeights?: RankingWeightsInput;
}
