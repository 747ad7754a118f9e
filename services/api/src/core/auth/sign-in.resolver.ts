import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Role, User } from './user.entity';
import type { Context } from '../context';
import { parseId } from '../ids';
import { Public } from './policy';
import * as signIn from './sign-in.service';
import { SignInSession, SignInStepValue, TotpEnrolled, TotpEnrolment, TwoFactorStatus } from './auth.types';
import type { Session } from './session.entity';

function sessionView(session: Session, currentId: number | null): SignInSession {
  return Object.assign(new SignInSession(), {
    id: String(session.id),
    userAgent: session.userAgent,
    createdIp: session.createdIp,
    lastIp: session.lastIp,
    createdAt: session.createdAt,
    lastUsedAt: session.lastUsedAt,
    expiresAt: session.expiresAt,
    current: session.id === currentId,
  });
}

/** The steps of a sign-in after the password, the second factor, and a person's own sessions. */
@Resolver()
export class SignInResolver {
  @Public('a sign-in waiting at a step asks which one; null for everyone else')
  @Query(() => SignInStepValue, { nullable: true, description: 'The step the sign-in of this request is waiting at, or null (signed in, or no sign-in). 登录步骤' })
  async signInStep(@Ctx() ctx: Context): Promise<SignInStepValue | null> {
    return (await signIn.signInStep(ctx)) as SignInStepValue | null;
  }

  @Public('the second step of a sign-in, taken before it is signed in; without a sign-in waiting for a code it is UNAUTHENTICATED')
  @Mutation(() => SignInStepValue, {
    description:
      "The second step of a sign-in: the six digits of the account's authenticator (each code once) or one of its recovery codes. Wrong codes lock the account like wrong passwords. Answers the step still needed. 输入动态验证码",
  })
  async verifySignInCode(@Arg('code', { description: 'Six digits, or a recovery code (xxxxx-xxxxx). 验证码' }) code: string, @Ctx() ctx: Context): Promise<SignInStepValue> {
    return (await signIn.verifySignInCode(ctx, code)) as SignInStepValue;
  }

  @Public('enrolment is a step of an admin\'s first sign-in, before it is signed in; a signed-in person enrols too; anyone else is UNAUTHENTICATED')
  @Mutation(() => TotpEnrolment, { description: 'Starts enrolling an authenticator: a new secret and its QR address, used once a code from it confirms it. 绑定验证器（生成密钥）' })
  beginTotpEnrolment(@Ctx() ctx: Context): Promise<TotpEnrolment> {
    return signIn.beginTotpEnrolment(ctx);
  }

  @Public('enrolment is a step of an admin\'s first sign-in, before it is signed in; a signed-in person enrols too; anyone else is UNAUTHENTICATED')
  @Mutation(() => TotpEnrolled, { description: 'Confirms the authenticator with a code from it; answers ten recovery codes, this once. 绑定验证器（确认）' })
  async confirmTotpEnrolment(@Arg('code', { description: 'Six digits from the authenticator. 验证码' }) code: string, @Ctx() ctx: Context): Promise<TotpEnrolled> {
    const done = await signIn.confirmTotpEnrolment(ctx, code);
    return { recoveryCodes: done.recoveryCodes, next: done.next as SignInStepValue };
  }

  @Authorized()
  @Query(() => TwoFactorStatus, { description: "Your account's second factor: enrolled or not, required or not, recovery codes left. 两步验证状态" })
  myTwoFactor(@Ctx() ctx: Context): Promise<TwoFactorStatus> {
    return signIn.myTwoFactor(ctx);
  }

  @Authorized()
  @Query(() => [SignInSession], { description: 'Your live sign-in sessions (browsers and devices), the newest first. 我的登录会话' })
  async mySessions(@Ctx() ctx: Context): Promise<SignInSession[]> {
    const rows = await signIn.mySessions(ctx);
    return rows.map((s) => sessionView(s, ctx.viewer.sessionId));
  }

  @Authorized()
  @Mutation(() => SignInSession, { description: 'Ends one of your sessions at once, on every server process (your current one too: that signs you out). 注销会话' })
  async revokeSession(@Arg('id', () => ID, { description: 'Id of the session. 会话编号' }) id: string, @Ctx() ctx: Context): Promise<SignInSession> {
    const session = await signIn.revokeSession(ctx, parseId(id, 'id'));
    return sessionView(session, ctx.viewer.sessionId);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => User, {
    description:
      "Removes the second factor of an account of your area (its phone and recovery codes are lost): its sessions end, and an admin's next sign-in enrols a new authenticator. 重置两步验证",
  })
  resetUserTwoFactor(@Arg('id', () => ID, { description: 'Id of the account. 用户编号' }) id: string, @Ctx() ctx: Context): Promise<User> {
    return signIn.resetUserTwoFactor(ctx, parseId(id, 'id'));
  }
}
