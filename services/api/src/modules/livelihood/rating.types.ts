import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Area } from '../../core/areas/area.entity';

export enum RatingRuleSource {
  DEFAULT = 'DEFAULT',
  AREA = 'AREA',
  SESSION = 'SESSION',
}

registerEnumType(RatingRuleSource, {
  name: 'RatingRuleSource',
  description: 'Where a session’s satisfaction weights come from. 权重来源',
  valuesConfig: {
    DEFAULT: { description: 'None configured: the delegates alone, by their majority rule (默认：仅代表测评)' },
    AREA: { description: 'Configured for the area (a city’s holds for the congresses below it without their own) (按地区设置)' },
    SESSION: { description: 'Configured for the session (按会议设置)' },
  },
});

@ObjectType('LivelihoodRatingRule', { description: 'How delegates’ sheets and the public survey combine into the year-end satisfaction. 满意度测评权重' })
export class RatingRuleType {
  @Field(() => Int, { description: 'Points of 100 for the delegates’ sheets. 代表测评权重' })
  delegateWeight!: number;

  @Field(() => Int, { description: 'Points of 100 for the public survey (镇海: 60). 群众测评权重' })
  publicWeight!: number;

  @Field(() => Int, { description: 'Combined score from which a project is 满意 (with a public weight). 满意分数线' })
  satisfiedFrom!: number;

  @Field(() => Int, { description: 'Combined score from which a project is 基本满意 (with a public weight). 基本满意分数线' })
  basicFrom!: number;

  @Field(() => RatingRuleSource, { description: 'Where it comes from. 来源' })
  source!: RatingRuleSource;

  @Field(() => Area, { nullable: true, description: 'The area it was configured for (null for a session’s own or the default). 设置地区' })
  area!: Area | null;
}

@ObjectType('LivelihoodPublicSurveyPart', { description: 'The public survey’s part of a project’s published result. 群众测评' })
export class PublicSurveyPart {
  @Field(() => Int, { description: 'Households answering 满意. 满意' })
  satisfied!: number;

  @Field(() => Int, { description: 'Households answering 基本满意. 基本满意' })
  basicallySatisfied!: number;

  @Field(() => Int, { description: 'Households answering 不满意. 不满意' })
  unsatisfied!: number;

  @Field({ description: 'Who ran the survey. 调查来源' })
  source!: string;
}
