import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../../core/pagination';
import { Area } from '../../core/areas/area.entity';
import { Problem } from './problem.entity';

export enum ProblemGroupByValue {
  NONE = 'NONE',
  DISTRICT = 'DISTRICT',
  CATEGORY = 'CATEGORY',
  LEVEL = 'LEVEL',
}

registerEnumType(ProblemGroupByValue, {
  name: 'ProblemGroupBy',
  description: 'How problem figures are grouped. 分组方式',
  valuesConfig: {
    NONE: { description: 'One line for the whole area. 合计' },
    DISTRICT: { description: 'By district. 按区县' },
    CATEGORY: { description: 'By category. 按类别' },
    LEVEL: { description: 'By level (district / city). 按层级' },
  },
});

export const ProblemConnection = Connection(Problem, 'Problem');

@ObjectType({ description: 'Problem figures of one group: open, overdue, resolved on time, average days to resolve. 问题统计' })
export class ProblemFigures {
  @Field({ description: 'The group: a district id, a category, a level, or ALL. 分组键' })
  key!: string;

  @Field({ description: 'The group in words. 分组名称' })
  label!: string;

  @Field(() => Area, { nullable: true, description: 'The district, when grouped by district. 区县' })
  district!: Area | null;

  @Field(() => Int, { description: 'Problems raised. 问题总数' })
  total!: number;

  @Field(() => Int, { description: 'Open or in progress. 未解决' })
  open!: number;

  @Field(() => Int, { description: 'Open or in progress past the deadline. 逾期未解决' })
  overdue!: number;

  @Field(() => Int, { description: 'Resolved or closed out. 已解决' })
  resolved!: number;

  @Field(() => Int, { description: 'Resolved by the deadline. 按期解决' })
  resolvedOnTime!: number;

  @Field(() => Float, { nullable: true, description: 'Resolved on time ÷ resolved, percent (one decimal); null when none is resolved. 按期解决率' })
  onTimeRate!: number | null;

  @Field(() => Int, { description: 'Closed out. 已销号' })
  closedOut!: number;

  @Field(() => Int, { description: 'Under city supervision. 市级挂牌督办' })
  listedForSupervision!: number;

  @Field(() => Float, { nullable: true, description: 'Average calendar days from raising to resolution (one decimal). 平均解决用时（天）' })
  averageDaysToResolve!: number | null;
}
