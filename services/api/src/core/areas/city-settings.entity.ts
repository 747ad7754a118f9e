import type { Fen } from '@kpd/domain';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { moneyColumn } from '../columns';
import { MoneyScalar } from '../scalars';

export enum LightRule {
  INVESTMENT = 'INVESTMENT',
  MILESTONE = 'MILESTONE',
}

registerEnumType(LightRule, {
  name: 'LightRule',
  description: 'Which rule lights the projects of a city. 亮灯规则',
  valuesConfig: {
    INVESTMENT: { description: 'Monthly actual investment against the monthly plan (苏家屯 投资比对)' },
    MILESTONE: { description: 'Milestones met on time (大连 节点考核)' },
  },
});

/** The rules a city sets for its districts: library threshold, light rule, deadlines, weights. */
@ObjectType('CitySettings', { description: "A city's own settings for key-project dispatch. 城市参数" })
@Entity('city_settings')
export class CitySettings {
  @Field(() => ID, { description: 'Id of the city these settings belong to. 城市编号' })
  @PrimaryColumn({ type: 'int' })
  cityId!: number;

  @Field(() => MoneyScalar, {
    description: 'Total investment from which a project enters the key-project library (沈阳 1亿元, 大连 5000万元). 入库门槛',
  })
  @Column(moneyColumn)
  libraryThreshold!: Fen;

  @Field(() => LightRule, { description: 'The rule that lights this city’s projects. 亮灯规则' })
  @Column({ type: 'varchar', length: 16 })
  lightRule!: LightRule;

  @Field(() => Int, { description: 'Day of the following month by which a monthly report is due. 报送截止日' })
  @Column({ type: 'int', default: 5 })
  reportDeadlineDay!: number;

  @Field(() => Int, { description: 'Percent below plan still counted as on plan (0 = exact). 容差' })
  @Column({ type: 'int', default: 0 })
  lightTolerancePercent!: number;

  @Field(() => Int, { description: 'Days without a secretary contact before a project is flagged quiet. 无联系预警天数' })
  @Column({ type: 'int', default: 30 })
  noContactDays!: number;

  /** JSON of the ranking weights, e.g. {"milestoneRate":0.4,"investmentRate":0.4,"lights":0.2}. */
  @Column({ type: 'text' })
  rankingWeights!: string;
}
