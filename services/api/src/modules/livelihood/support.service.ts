import crypto from 'node:crypto';
import { normalMobile, supportPollState, SUPPORTS_PER_ADDRESS_PER_HOUR } from '@kpd/domain';
import type { DataSource } from 'typeorm';
import { isSignedIn } from '../../core/auth/viewer';
import { ConflictError, ForbiddenError, NotFoundError, UserInputError } from '../../core/errors';
import { mutate } from '../../core/transaction';
import type { Context } from '../../core/context';
import { now as clockNow } from '../../core/clock';
import { isDuplicateKey } from './secrecy';
import { SessionStatus, VoteCandidateEntity, VoteSession } from './session.entity';
import { SupportEntry } from './support.entity';

const HOUR_MS = 60 * 60 * 1000;
const windows = new WeakMap<DataSource, Map<string, number[]>>();

/** At most SUPPORTS_PER_ADDRESS_PER_HOUR supports per client address, per API process (as the proposals' throttle). */
function throttle(ctx: Context): void {
  let byAddress = windows.get(ctx.db);
  if (!byAddress) windows.set(ctx.db, (byAddress = new Map()));
  const address = ctx.req?.ip ?? 'unknown';
  const now = clockNow().getTime();
  const recent = (byAddress.get(address) ?? []).filter((t) => now - t < HOUR_MS);
  if (recent.length >= SUPPORTS_PER_ADDRESS_PER_HOUR) {
    const minutes = Math.ceil((recent[0] + HOUR_MS - now) / 60_000);
    throw new ForbiddenError(`支持过于频繁，请 ${minutes} 分钟后再试 (too many supports from this address)`);
  }
  recent.push(now);
  byAddress.set(address, recent);
  if (byAddress.size > 10_000) byAddress.delete(byAddress.keys().next().value!);
}

export function supporterHash(salt: string, phone: string): string {
  return crypto.createHash('sha256').update(`${salt}|${phone}`, 'utf8').digest('hex');
}

/**
 * A member of the public supports a candidate while its session's poll is open: one support per
 * phone number per candidate (the unique key decides, also under concurrent tries), throttled per
 * address. The number is kept only as a hash salted per session.
 */
export async function supportCandidate(ctx: Context, candidateId: number, phoneText: string): Promise<{ candidateId: string; supports: number }> {
  if (isSignedIn(ctx.viewer) && ctx.viewer.readOnly) throw new ForbiddenError('This credential is read-only');
  const phone = normalMobile(phoneText);
  if (!phone) throw new UserInputError('phone', '请填写 11 位手机号码 (an 11-digit mobile number)');
  const candidate = await ctx.db.getRepository(VoteCandidateEntity).findOneBy({ id: candidateId });
  if (!candidate) throw new NotFoundError('VoteCandidate', candidateId);
  const session = await ctx.db.getRepository(VoteSession).findOneByOrFail({ id: candidate.sessionId });
  const state = supportPollState(session.supportOpensAt, session.supportClosesAt, clockNow());
  if (state !== 'OPEN' || session.status !== SessionStatus.DRAFT || !session.supportSalt) {
    throw new ConflictError('公众支持度征集未开放或已结束 (the support poll is not open)');
  }
  throttle(ctx);
  return mutate(ctx, async (tx) => {
    try {
      await tx.em.insert(SupportEntry, { sessionId: session.id, candidateId, supporterHash: supporterHash(session.supportSalt!, phone) });
    } catch (e) {
      if (isDuplicateKey(e)) throw new ConflictError('该手机号已支持过此项目，每人每项只能支持一次 (this number already supported this item)');
      throw e;
    }
    await tx.audit({ action: 'livelihood.support', entityType: 'VoteSession', entityId: session.id, areaId: session.areaId, after: { candidateId } });
    const supports = await tx.em.countBy(SupportEntry, { candidateId });
    return { candidateId: String(candidateId), supports };
  });
}

export async function hasSupports(ctx: Context, sessionId: number): Promise<boolean> {
  return ctx.db.getRepository(SupportEntry).existsBy({ sessionId });
}

export function newSupportSalt(): string {
  return crypto.randomBytes(16).toString('hex');
}
