import { IsOptional, Length, Max, Min } from 'class-validator';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Connection, paginate, type Page } from '../pagination';
import { ConflictError, ForbiddenError, NotFoundError, UserInputError } from '../errors';
import { parseId } from '../ids';
import { mutate } from '../transaction';
import type { Context } from '../context';
import { Area } from '../areas/area.entity';
import * as auth from './auth.service';
import { SESSION_COOKIE } from './authenticate';
import { hashPassword, passwordWeakness } from './password';
import { Session } from './session.entity';
import { Role, User } from './user.entity';
import { isSignedIn } from './viewer';

@ObjectType({ description: 'A new session: the token for the Authorization header (the admin also gets a cookie). 登录结果' })
class LoginPayload {
  @Field({ description: 'Bearer token; keep it secret. 会话令牌' })
  token!: string;

  @Field({ description: 'When the session ends. 到期时间' })
  expiresAt!: Date;

  @Field(() => User, { description: 'Who signed in. 用户' })
  user!: User;
}

@ObjectType({ description: 'A newly created API token: the secret is shown this once. 新建的API令牌' })
class CreatedApiToken {
  @Field({ description: 'The secret token; it cannot be shown again. 令牌（仅显示一次）' })
  token!: string;

  @Field(() => Session, { description: 'The token record (without the secret). 令牌记录' })
  apiToken!: Session;
}

@InputType({ description: 'A read-only token for an analytics tool' })
class CreateApiTokenInput {
  @Field({ description: 'What the token is for. 用途' })
  @Length(1, 100)
  name!: string;

  @Field(() => ID, { nullable: true, description: 'Area the token reads; default: your whole scope' })
  areaId?: string;

  @Field(() => Int, { nullable: true, description: 'Days until it expires (1–730, default 365)' })
  @IsOptional()
  @Min(1)
  @Max(730)
  expiresInDays?: number;
}

@InputType({ description: 'A new user account. 新建用户' })
class CreateUserInput {
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
class UserListArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, at most 100 (default 20)' })
  first?: number;

  @Field(() => String, { nullable: true })
  after?: string;

  @Field(() => Role, { nullable: true, description: 'Only accounts with this role' })
  role?: Role;

  @Field(() => ID, { nullable: true, description: 'Only users scoped to this area or below it' })
  areaId?: string;
}

const UserConnection = Connection(User, 'User');

@Resolver(() => User)
export class AuthResolver {
  @Mutation(() => LoginPayload, { description: 'Signs in. Repeated failures lock the account for a while. 登录' })
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
      expires: result.expiresAt,
    });
    return result;
  }

  @Mutation(() => Boolean, { description: 'Ends the current session. 退出登录' })
  async logout(@Ctx() ctx: Context): Promise<boolean> {
    ctx.res.clearCookie(SESSION_COOKIE, { path: '/' });
    return auth.logout(ctx);
  }

  @Query(() => User, { nullable: true, description: 'The signed-in user, or null. 当前用户' })
  async me(@Ctx() ctx: Context): Promise<User | null> {
    if (!isSignedIn(ctx.viewer)) return null;
    return ctx.db.getRepository(User).findOneBy({ id: ctx.viewer.userId });
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Changes your own password; your other sessions end. 修改密码' })
  async changePassword(
    @Arg('currentPassword', { description: 'Your password now. 原密码' }) currentPassword: string,
    @Arg('newPassword', { description: 'At least 10 characters mixing three character classes. 新密码' }) newPassword: string,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    return auth.changePassword(ctx, currentPassword, newPassword);
  }

  @Authorized(Role.ADMIN)
  @Query(() => [Session], { description: 'API tokens reading areas in your scope. API令牌' })
  apiTokens(@Ctx() ctx: Context): Promise<Session[]> {
    return auth.listApiTokens(ctx);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => CreatedApiToken, { description: 'Creates a read-only token for an analytics tool. 新建API令牌' })
  createApiToken(@Arg('input', { description: 'What the token is for and what it reads' }) input: CreateApiTokenInput, @Ctx() ctx: Context): Promise<CreatedApiToken> {
    return auth.createApiToken(ctx, {
      name: input.name,
      areaId: input.areaId ? parseId(input.areaId, 'input.areaId') : null,
      expiresInDays: input.expiresInDays,
    });
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Session, { description: 'Revokes an API token at once. 吊销API令牌' })
  revokeApiToken(@Arg('id', () => ID, { description: 'Id of the token' }) id: string, @Ctx() ctx: Context): Promise<Session> {
    return auth.revokeApiToken(ctx, parseId(id, 'id'));
  }

  @Authorized(Role.ADMIN)
  @Query(() => UserConnection, { description: 'Accounts scoped inside your area. 用户列表' })
  async users(@Args() args: UserListArgs, @Ctx() ctx: Context): Promise<Page<User>> {
    const scope = ctx.viewer.scope!;
    const root = scope.narrow(args.areaId ? parseId(args.areaId, 'areaId') : null);
    if (!root) throw new ForbiddenError('That area is outside your scope');
    const qb = ctx.db.getRepository(User).createQueryBuilder('u');
    if (root.parentId !== null) {
      qb.where('u.areaId IN (:...ids)', { ids: ctx.areas.subtree(root.id).map((a) => a.id) });
    }
    if (args.role) qb.andWhere('u.role = :role', { role: args.role });
    return paginate(qb, [{ expression: 'u.id', property: 'id', direction: 'ASC' }], args);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => User, { description: 'Creates an account inside your area. 新建用户' })
  async createUser(@Arg('input', { description: 'The new account' }) input: CreateUserInput, @Ctx() ctx: Context): Promise<User> {
    const username = auth.normalizeUsername(input.username);
    if (!/^[a-z0-9._-]{3,64}$/.test(username)) {
      throw new UserInputError('input.username', 'may hold only letters, digits, dot, dash and underscore');
    }
    const areaId = parseId(input.areaId, 'input.areaId');
    if (!ctx.viewer.scope!.contains(areaId)) throw new ForbiddenError('That area is outside your scope');
    const weakness = passwordWeakness(input.password);
    if (weakness) throw new UserInputError('input.password', weakness);
    const passwordHash = await hashPassword(input.password, ctx.config.passwordCostN);
    return mutate(ctx, async (tx) => {
      if (await tx.em.findOneBy(User, { username })) throw new ConflictError(`用户名 ${username} 已存在 (username taken)`);
      const user = await tx.em.save(
        tx.em.create(User, { username, displayName: input.displayName, role: input.role, areaId, passwordHash, active: true }),
      );
      await tx.audit({ action: 'user.create', entityType: 'User', entityId: user.id, areaId, after: user });
      return user;
    });
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => User, { description: 'Enables or disables an account, or lifts a sign-in lock. 启用/停用/解锁' })
  async updateUserAccess(
    @Arg('id', () => ID, { description: 'Id of the account' }) id: string,
    @Arg('active', () => Boolean, { nullable: true, description: 'Enable (true) or disable (false)' }) active: boolean | undefined,
    @Arg('unlock', () => Boolean, { nullable: true, description: 'Lift a sign-in lock' }) unlock: boolean | undefined,
    @Ctx() ctx: Context,
  ): Promise<User> {
    const userId = parseId(id, 'id');
    return mutate(ctx, async (tx) => {
      const user = await tx.em.findOneBy(User, { id: userId });
      if (!user || !ctx.viewer.scope!.contains(user.areaId)) throw new NotFoundError('User', id);
      if (user.id === ctx.viewer.userId && active === false) throw new UserInputError('active', 'you cannot disable yourself');
      const before = { ...user };
      if (active !== undefined && active !== null) user.active = active;
      if (unlock) {
        user.lockedUntil = null;
        user.failedLogins = 0;
      }
      await tx.em.save(user);
      await tx.audit({ action: 'user.access', entityType: 'User', entityId: user.id, areaId: user.areaId, before, after: user });
      return user;
    });
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
    if (ctx.viewer.role === Role.ADMIN || ctx.viewer.userId === user.id) return user.lockedUntil;
    return null;
  }
}
