import { MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';

@InputType({ description: 'A sub-item to add to a livelihood project. 分项目' })
export class SubItemInput {
  @Field({ description: 'Name. 分项目名称' })
  @MaxLength(200)
  name!: string;

  @Field({ description: 'The delegation that evaluates it, as on the session’s roster. 评议代表团' })
  @MaxLength(64)
  delegation!: string;

  @Field({ description: 'Target quantity, a decimal string. 目标数量' })
  @MaxLength(20)
  targetQuantity!: string;

  @Field({ description: 'Unit. 单位' })
  @MaxLength(32)
  unit!: string;
}
