import { Field, ObjectType } from 'type-graphql';
import { Connection } from '../pagination';
import { Session } from './session.entity';
import { Role, User } from './user.entity';

@ObjectType({ description: 'A new session: the token for the Authorization header (the admin also gets a cookie). 登录结果' })
export class LoginPayload {
  @Field({ description: 'Bearer token; keep it secret. 会话令牌' })
  token!: string;

  @Field({ description: 'When the session ends. 到期时间' })
  expiresAt!: Date;

  @Field(() => User, { description: 'Who signed in. 用户' })
  user!: User;
}

@ObjectType({ description: 'A newly created API token: the secret is shown this once. 新建的API令牌' })
export class CreatedApiToken {
  @Field({ description: 'The secret token; it cannot be shown again. 令牌（仅显示一次）' })
  token!: string;

  @Field(() => Session, { description: 'The token record (without the secret). 令牌记录' })
  apiToken!: Session;
}

export const UserConnection = Connection(User, 'User');

@ObjectType({ description: 'A demo account the sign-in page offers, with what it shows. 演示账户' })
export class DemoAccount {
  @Field({ description: 'Sign-in name. 用户名' })
  username!: string;

  @Field({ description: 'Display name. 名称' })
  displayName!: string;

  @Field(() => Role, { description: 'Role. 角色' })
  role!: Role;

  @Field({ description: 'The area the account sees. 范围' })
  area!: string;

  @Field({ description: 'What a first visitor can see and do with it. 可以做什么' })
  can!: string;

  @Field({ description: 'The shared demo password. 密码' })
  password!: string;
}
