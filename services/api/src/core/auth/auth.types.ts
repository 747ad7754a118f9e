import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../pagination';
import { Session } from './session.entity';
import { Role, User } from './user.entity';

export enum SignInStepValue {
  TOTP = 'TOTP',
  CHANGE_PASSWORD = 'CHANGE_PASSWORD',
  ENROL_TOTP = 'ENROL_TOTP',
  DONE = 'DONE',
}

registerEnumType(SignInStepValue, {
  name: 'SignInStep',
  description: 'What a sign-in still needs after the password. 登录步骤',
  valuesConfig: {
    TOTP: { description: "The six digits of the account's authenticator, or a recovery code (verifySignInCode). 输入动态验证码" },
    CHANGE_PASSWORD: { description: 'A new password: the one given was set by an admin or has run out (changePassword). 修改密码' },
    ENROL_TOTP: { description: 'Enrol an authenticator: admins must have one (beginTotpEnrolment, confirmTotpEnrolment). 绑定验证器' },
    DONE: { description: 'Signed in. 已登录' },
  },
});

@ObjectType({ description: 'A new session: the token for the Authorization header (the admin also gets a cookie). 登录结果' })
export class LoginPayload {
  @Field({ description: 'Bearer token; keep it secret. 会话令牌' })
  token!: string;

  @Field({ description: 'When the session ends. 到期时间' })
  expiresAt!: Date;

  @Field(() => User, { description: 'Who signed in. 用户' })
  user!: User;

  @Field(() => SignInStepValue, { description: 'What the sign-in still needs; until DONE the session reads nothing. 下一步' })
  next!: SignInStepValue;
}

@ObjectType({ description: 'An authenticator to enrol: scan the QR code of `otpauthUri`, or type the secret. 绑定验证器' })
export class TotpEnrolment {
  @Field({ description: 'The secret in base32, for typing into the app by hand. 密钥' })
  secret!: string;

  @Field({ description: 'The otpauth:// address the QR code holds. 二维码内容' })
  otpauthUri!: string;

  @Field({ description: 'The account name the app shows. 账户' })
  account!: string;

  @Field({ description: 'The issuer the app shows. 发行方' })
  issuer!: string;
}

@ObjectType({ description: 'An enrolled authenticator: its recovery codes, shown this once. 验证器已绑定' })
export class TotpEnrolled {
  @Field(() => [String], { description: 'Ten one-use recovery codes for a lost phone; they cannot be shown again. 恢复码（仅显示一次）' })
  recoveryCodes!: string[];

  @Field(() => SignInStepValue, { description: 'What the sign-in still needs (DONE when signed in). 下一步' })
  next!: SignInStepValue;
}

@ObjectType({ description: "One of your sign-in sessions: where and when it signed in and was last used. 登录会话" })
export class SignInSession {
  @Field(() => ID, { description: 'Id of the session (not its secret). 编号' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'The browser or client (its User-Agent). 设备' })
  userAgent!: string | null;

  @Field(() => String, { nullable: true, description: 'The address it signed in from. 登录地址' })
  createdIp!: string | null;

  @Field(() => String, { nullable: true, description: 'The address it was last used from. 最近地址' })
  lastIp!: string | null;

  @Field({ description: 'When it signed in. 登录时间' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'Last use, to the minute. 最近使用' })
  lastUsedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it ends at the latest (SESSION_TTL_HOURS). 到期时间' })
  expiresAt!: Date | null;

  @Field({ description: 'The session this request came with. 当前会话' })
  current!: boolean;
}

@ObjectType({ description: "Your account's second factor. 两步验证" })
export class TwoFactorStatus {
  @Field({ description: 'An authenticator is enrolled. 已启用' })
  enabled!: boolean;

  @Field(() => Date, { nullable: true, description: 'When it was enrolled. 启用时间' })
  enabledAt!: Date | null;

  @Field({ description: 'Whether your account must have one (admins, unless ADMIN_TOTP=optional). 是否必须' })
  required!: boolean;

  @Field(() => Int, { description: 'Recovery codes not yet used. 剩余恢复码' })
  recoveryCodesLeft!: number;
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
