import type { Fen } from '@kpd/domain';
import { MaxLength } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { MoneyScalar } from '../../core/scalars';

@InputType({ description: 'A project’s funding from one source in a year. 资金来源' })
export class FundingLineInput {
  @Field(() => ID, { description: 'The source, from the city’s code list. 资金来源' })
  sourceId!: string;

  @Field(() => MoneyScalar, { description: 'Planned in 元. 计划金额' })
  planned!: Fen;

  @Field(() => MoneyScalar, { description: 'Received in 元. 到位金额' })
  received!: Fen;

  @Field(() => String, { nullable: true, description: 'Special bonds: the issue batch (e.g. 2020年第三批). 专项债发行批次' })
  @MaxLength(64)
  bondBatch?: string | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Special bonds: issued in 元. 发行金额' })
  bondIssued?: Fen | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Special bonds: spent in 元. 支出金额' })
  bondSpent?: Fen | null;
}

@InputType({ description: 'A funding source of the city’s code list, new or changed. 资金来源' })
export class FundingSourceInput {
  @Field(() => ID, { nullable: true, description: 'The source to change (none: a new one). 编号' })
  id?: string | null;

  @Field(() => Int, { nullable: true, description: 'The version read, when changing. 版本' })
  version?: number | null;

  @Field({ description: 'Code, unique in the city. 代码' })
  @MaxLength(32)
  code!: string;

  @Field({ description: 'Name. 名称' })
  @MaxLength(64)
  name!: string;

  @Field({ description: 'Local government special bonds (lines carry batch, issued, spent). 专项债' })
  specialBond!: boolean;

  @Field(() => Int, { nullable: true, description: 'Order in lists (default: last). 排序' })
  sortOrder?: number | null;
}

