import { PageArgsType } from '../pagination';
import { IsOptional, Length, Max, Min } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { TokenScope } from './token-scope';
import { Role } from './user.entity';

@InputType({ description: 'A read-only token for an analytics tool. 新建API令牌' })
export class CreateApiTokenInput {
  @Field({ description: 'What the token is for. 用途' })
  @Length(1, 100)
  name!: string;

  @Field(() => [TokenScope], {
    defaultValue: [TokenScope.READ_FIGURES],
    description: 'What the token reads, at least one (default: read:figures only); read:contacts only where you read contacts yourself. 权限范围',
  })
  scopes!: TokenScope[];

  @Field(() => ID, { nullable: true, description: 'Area the token reads, within yours; default: your whole scope. 读取范围' })
  areaId?: string;

  @Field(() => Int, { nullable: true, description: 'Days until it expires (1–730, default 365). 有效天数' })
  @IsOptional()
  @Min(1)
  @Max(730)
  expiresInDays?: number;
}

@InputType({ description: 'A new user account. 新建用户' })
export class CreateUserInput {
  @Field({ description: 'Letters, digits, dot, dash or underscore; stored in lower case' })
  @Length(3, 64)
  username!: string;

  @Field({ description: 'Name shown in the admin. 显示名' })
  @Length(1, 64)
  displayName!: string;

  @Field(() => Role, { description: 'Role of the account. 角色' })
  role!: Role;

  @Field(() => ID, { description: 'The area the account is scoped to (within yours)' })
  areaId!: string;

  @Field({ description: 'Initial password (at least 10 characters, three character classes)' })
  password!: string;
}

@ArgsType()
export class UserListArgs extends PageArgsType {
  @Field(() => Role, { nullable: true, description: 'Only accounts with this role' })
  role?: Role;

  @Field(() => ID, { nullable: true, description: 'Only users scoped to this area or below it' })
  areaId?: string;
}
