import { MaxLength } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { PartyRole } from './party.entity';

@InputType({ description: 'A party of a project, new or changed. 参建单位' })
export class ProjectPartyInput {
  @Field(() => ID, { nullable: true, description: 'The party to change (none: a new one). 编号' })
  id?: string | null;

  @Field(() => Int, { nullable: true, description: 'The version read, when changing. 版本' })
  version?: number | null;

  @Field(() => PartyRole, { description: 'Its role. 角色' })
  role!: PartyRole;

  @Field({ description: 'Name. 单位名称' })
  @MaxLength(128)
  name!: string;

  @Field({ description: 'Unified social credit code: 18 characters with its check character. 统一社会信用代码' })
  @MaxLength(30)
  creditCode!: string;
}
