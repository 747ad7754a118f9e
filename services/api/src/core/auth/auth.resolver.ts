import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Page } from '../pagination';
import { NotFoundError } from '../errors';
import { parseId } from '../ids';
import type { Context } from '../context';
import { Area } from '../areas/area.entity';
import { CreateApiTokenInput, CreateUserInput, UserListArgs } from './auth.inputs';
import * as auth from './auth.service';
import { CreatedApiToken, DemoAccount, LoginPayload, SignInStepValue, UserConnection } from './auth.types';
import { SESSION_COOKIE } from './authenticate';
import { canSeeLockOf, Public, TOKEN_MANAGERS } from './policy';
import { TokenScope } from './token-scope';
import { Session } from './session.entity';
import { Role, User } from './user.entity';

@Resolver(() => User)
export class AuthResolver {
  @Public('signing in')
  @Mutation(() => LoginPayload, { description: 'Signs in with a password. Repeated failures lock the account for a while; `next` says what the sign-in still needs (the second factor\'s code, a new password, enrolment). 登录' })
  async login(
    @Arg('username', { description: 'Sign-in name (case does not matter). 用户名' }) username: string,
    @Arg('password', { description: 'Password. 密码' }) password: string,
    @Ctx() ctx: Context,
  ): Promise<LoginPayload> {
    const result = await auth.login(ctx, username, password);
    ctx.res.cookie(SESSION_COOKIE, result.token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: ctx.req.secure,
      path: '/',
      // The browser may keep it as long as a finished sign-in lasts; the server ends a waiting one sooner.
      expires: new Date(Date.now() + ctx.config.sessionTtlHours * 3600_000),
    });
    return { ...result, next: result.next as SignInStepValue };
  }

  @Public('signing out ends the session the request carries, if any')
  @Mutation(() => Boolean, { description: 'Ends the current session. 退出登录' })
  async logout(@Ctx() ctx: Context): Promise<boolean> {
    ctx.res.clearCookie(SESSION_COOKIE, { path: '/' });
    return auth.logout(ctx);
  }

  @Public('the sign-in page lists the demo accounts before anyone signs in; empty unless the demo data is on')
  @Query(() => [DemoAccount], {
    description: 'The demo accounts with what each shows, for the sign-in page; empty in production and whenever the demo seed did not run. 演示账户',
  })
  demoAccounts(@Ctx() ctx: Context): Promise<DemoAccount[]> {
    return auth.demoAccounts(ctx);
  }

  @Public('null when signed out: the admin asks it to know whether to show the sign-in page')
  @Query(() => User, { nullable: true, description: 'The signed-in user, or null. 当前用户' })
  me(@Ctx() ctx: Context): Promise<User | null> {
    return auth.me(ctx);
  }

  @Public('a sign-in waiting for a new password (a temporary or expired one) changes it before it is signed in; anyone else must be signed in (UNAUTHENTICATED)')
  @Mutation(() => Boolean, {
    description:
      'Changes your own password (signed in, or at the sign-in step CHANGE_PASSWORD); your other sessions end, and a waiting sign-in moves on (ask signInStep). 修改密码',
  })
  async changePassword(
    @Arg('currentPassword', { description: 'Your password now. 原密码' }) currentPassword: string,
    @Arg('newPassword', { description: 'At least 10 characters mixing three character classes. 新密码' }) newPassword: string,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    await auth.changePassword(ctx, currentPassword, newPassword);
    return true;
  }

  @Public('null when not signed in with an API token')
  @Query(() => Session, { nullable: true, description: 'The API token this request signed in with (its scopes, area and expiry), or null for any other credential. 当前API令牌' })
  currentApiToken(@Ctx() ctx: Context): Promise<Session | null> {
    return auth.currentApiToken(ctx);
  }

  @Authorized(TOKEN_MANAGERS)
  @Query(() => [Session], { description: 'API tokens you manage: an admin, every token reading inside your area; an analyst, your own. API令牌' })
  apiTokens(@Ctx() ctx: Context): Promise<Session[]> {
    return auth.listApiTokens(ctx);
  }

  @Authorized(TOKEN_MANAGERS)
  @Mutation(() => CreatedApiToken, {
    description: 'Creates a read-only token for an analytics tool: an analyst principal of its own, reading its area (within yours) with the scopes named; read:contacts only where you read contacts yourself. 新建API令牌',
  })
  createApiToken(@Arg('input', { description: 'What the token is for, what it reads and for how long. 令牌设置' }) input: CreateApiTokenInput, @Ctx() ctx: Context): Promise<CreatedApiToken> {
    return auth.createApiToken(ctx, {
      name: input.name,
      scopes: input.scopes,
      areaId: input.areaId ? parseId(input.areaId, 'input.areaId') : null,
      expiresInDays: input.expiresInDays,
    });
  }

  @Authorized(TOKEN_MANAGERS)
  @Mutation(() => Session, { description: 'Revokes an API token at once: an admin, any reading inside your area; an analyst, your own. 吊销API令牌' })
  revokeApiToken(@Arg('id', () => ID, { description: 'Id of the token. 令牌编号' }) id: string, @Ctx() ctx: Context): Promise<Session> {
    return auth.revokeApiToken(ctx, parseId(id, 'id'));
  }

  @Authorized(Role.ADMIN)
  @Query(() => UserConnection, { description: 'Accounts scoped inside your area. 用户列表' })
  users(@Args() args: UserListArgs, @Ctx() ctx: Context): Promise<Page<User>> {
    return auth.listUsers(ctx, args);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => User, { description: 'Creates an account inside your area. 新建用户' })
  createUser(@Arg('input', { description: 'The new account' }) input: CreateUserInput, @Ctx() ctx: Context): Promise<User> {
    return auth.createUser(ctx, input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => User, { description: 'Enables or disables an account, or lifts a sign-in lock. 启用/停用/解锁' })
  updateUserAccess(
    @Arg('id', () => ID, { description: 'Id of the account' }) id: string,
    @Arg('active', () => Boolean, { nullable: true, description: 'Enable (true) or disable (false)' }) active: boolean | undefined,
    @Arg('unlock', () => Boolean, { nullable: true, description: 'Lift a sign-in lock' }) unlock: boolean | undefined,
    @Ctx() ctx: Context,
  ): Promise<User> {
    return auth.updateUserAccess(ctx, parseId(id, 'id'), active, unlock);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => User, {
    description: "Sets a temporary password on an account of your area (a forgotten one): its next sign-in must change it, and its sessions end. 重置密码",
  })
  resetUserPassword(
    @Arg('id', () => ID, { description: 'Id of the account. 用户编号' }) id: string,
    @Arg('password', { description: 'The temporary password (the password policy holds). 临时密码' }) password: string,
    @Ctx() ctx: Context,
  ): Promise<User> {
    return auth.resetUserPassword(ctx, parseId(id, 'id'), password);
  }

  @FieldResolver(() => Area, { description: 'The area the account is scoped to. 所属区划' })
  area(@Root() user: User, @Ctx() ctx: Context): Area {
    const area = ctx.areas.get(user.areaId);
    if (!area) throw new NotFoundError('Area', user.areaId);
    return area;
  }

  @FieldResolver(() => Date, { nullable: true })
  lockedUntil(@Root() user: User, @Ctx() ctx: Context): Date | null {
    // Only admins see lock state; a user sees their own.
    if (canSeeLockOf(ctx.viewer, user.id)) return user.lockedUntil;
    return null;
  }
}

@Resolver(() => Session)
export class ApiTokenResolver {
  @FieldResolver(() => [TokenScope], { description: 'What the token reads. 权限范围' })
  scopes(@Root() token: Session): TokenScope[] {
    return auth.scopesOf(token);
  }

  @FieldResolver(() => Area, { description: 'The area the token reads (it and everything under it). 读取范围' })
  area(@Root() token: Session, @Ctx() ctx: Context): Area {
    const area = ctx.areas.get(token.areaId ?? -1);
    if (!area) throw new NotFoundError('Area', token.areaId ?? '');
    return area;
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who made the token (the token never acts as them). 创建人' })
  createdBy(@Root() token: Session, @Ctx() ctx: Context): Promise<User | null> {
    return auth.creatorOf(ctx, token);
  }
}
