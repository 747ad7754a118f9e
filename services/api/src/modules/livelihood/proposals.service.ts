import crypto from 'node:crypto';
import type { Fen } from '@kpd/domain';
import type { DataSource } from 'typeorm';
import { Role } from '../../core/auth/user.entity';
import { isSignedIn } from '../../core/auth/viewer';
import { canReadProposalsInScope } from '../../core/auth/policy';
import { ForbiddenError, NotFoundError, UnauthenticatedError, UserInputError, type FieldProblem } from '../../core/errors';
import { paginate, type Page, type PageArgs } from '../../core/pagination';
import { mutate } from '../../core/transaction';
import type { Context } from '../../core/context';
import { AreaLevel } from '../../core/areas/area.entity';
import { CONGRESS_LEVELS, managesArea } from './access';
import { LivelihoodProposal, ProposalCategory, ProposalSource, ProposalStatus, ScreeningReason } from './proposal.entity';
import { now as clockNow } from '../../core/clock';

/**
 * Public proposals are throttled per client address: at most PUBLIC_PROPOSALS_PER_WINDOW in
 * PUBLIC_PROPOSAL_WINDOW_MS. The window is kept in the memory of each API process (per database),
 * so behind a load balancer each process counts on its own — a coarse guard against flooding,
 * not an exact quota.
 */
export const PUBLIC_PROPOSALS_PER_WINDOW = 5;
export const PUBLIC_PROPOSAL_WINDOW_MS = 60 * 60 * 1000;

const windows = new WeakMap<DataSource, Map<string, number[]>>();

function throttle(ctx: Context): void {
  let byAddress = windows.get(ctx.db);
  if (!byAddress) windows.set(ctx.db, (byAddress = new Map()));
  const address = ctx.req?.ip ?? 'unknown';
  const now = clockNow().getTime();
  const recent = (byAddress.get(address) ?? []).filter((t) => now - t < PUBLIC_PROPOSAL_WINDOW_MS);
  if (recent.length >= PUBLIC_PROPOSALS_PER_WINDOW) {
    const retryAfterSeconds = Math.ceil((recent[0] + PUBLIC_PROPOSAL_WINDOW_MS - now) / 1000);
    throw new ForbiddenError(`提交过于频繁，请 ${Math.ceil(retryAfterSeconds / 60)} 分钟后再试 (too many proposals from this address; retry in ${retryAfterSeconds} s)`);
  }
  recent.push(now);
  byAddress.set(address, recent);
  if (byAddress.size > 10_000) byAddress.delete(byAddress.keys().next().value!);
}

const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
function trackingCode(): string {
  const bytes = crypto.randomBytes(10);
  return 'MS' + Array.from(bytes, (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
}

export interface ProposalFields {
  cityId: number;
  districtId: number | null;
  title: string;
  description: string;
  category: ProposalCategory;
  estimatedCost: Fen | null;
  submitterName: string | null;
  contact: string | null;
}

/** Anyone proposes: the public without signing in (throttled), delegates and departments signed in. */
export async function submitProposal(ctx: Context, f: ProposalFields): Promise<LivelihoodProposal> {
  const problems: FieldProblem[] = [];
  // cityId names the congress proposed to: a city, a county (区县) or a township (乡镇街道).
  const city = ctx.areas.get(f.cityId);
  if (!city || !CONGRESS_LEVELS.includes(city.level)) problems.push({ field: 'input.cityId', reason: '不是市、区县或乡镇 (not a city, a county or a township)' });
  if (f.districtId !== null) {
    const d = ctx.areas.get(f.districtId);
    if (!d || (d.level !== AreaLevel.DISTRICT && d.level !== AreaLevel.TOWNSHIP) || d.id === f.cityId || !ctx.areas.isWithin(d.id, f.cityId))
      problems.push({ field: 'input.districtId', reason: '不是该地区所辖的区县或乡镇 (not a district or township within that area)' });
  }
  const title = (f.title ?? '').trim();
  if (title.length < 4 || title.length > 200) problems.push({ field: 'input.title', reason: '标题须为 4–200 个字 (4 to 200 characters)' });
  const description = (f.description ?? '').trim();
  if (description.length < 10 || description.length > 5000) problems.push({ field: 'input.description', reason: '内容须为 10–5000 个字 (10 to 5000 characters)' });
  if (f.estimatedCost !== null && f.estimatedCost < 0n) problems.push({ field: 'input.estimatedCost', reason: '不能为负 (must not be negative)' });
  if (f.submitterName && f.submitterName.length > 64) problems.push({ field: 'input.submitterName', reason: '最多 64 个字 (at most 64 characters)' });
  if (f.contact && f.contact.length > 64) problems.push({ field: 'input.contact', reason: '最多 64 个字 (at most 64 characters)' });
  if (problems.length) throw UserInputError.of(problems);

  let source = ProposalSource.PUBLIC;
  if (isSignedIn(ctx.viewer)) {
    if (ctx.viewer.readOnly) throw new ForbiddenError('This credential is read-only');
    // Departments and delegates of the city (or of a district in it, or above it) propose to it.
    const scope = ctx.viewer.scope;
    if (!scope.contains(f.cityId) && !ctx.areas.isWithin(scope.root.id, f.cityId)) throw new ForbiddenError('Delegates and departments propose for their own city');
    source = ctx.viewer.role === Role.DELEGATE ? ProposalSource.DELEGATE : ProposalSource.DEPARTMENT;
  } else {
    throttle(ctx);
  }
  return mutate(ctx, async (tx) => {
    const proposal = await tx.em.save(
      tx.em.create(LivelihoodProposal, {
        areaId: f.cityId,
        districtId: f.districtId,
        title,
        description,
        category: f.category,
        estimatedCost: f.estimatedCost,
        source,
        submitterUserId: ctx.viewer.userId,
        submitterName: f.submitterName?.trim() || ctx.viewer.displayName || null,
        contact: f.contact?.trim() || null,
        trackingCode: trackingCode(),
        status: ProposalStatus.SUBMITTED,
        reasonCode: null,
        reasonNote: null,
        mergedIntoId: null,
        screenedAt: null,
      }),
    );
    await tx.audit({ action: 'livelihood.proposal.submit', entityType: 'LivelihoodProposal', entityId: proposal.id, areaId: f.cityId, after: { ...proposal, contact: proposal.contact ? '***' : null } });
    return proposal;
  });
}

export async function proposalByTrackingCode(ctx: Context, code: string): Promise<LivelihoodProposal | null> {
  const normal = code.trim().toUpperCase();
  if (!/^MS[0-9A-Z]{10}$/.test(normal)) throw new UserInputError('trackingCode', '查询码形如 MS 加 10 位字母数字 (a tracking code is MS and 10 letters or digits)');
  return ctx.db.getRepository(LivelihoodProposal).findOneBy({ trackingCode: normal });
}

/** Whether the viewer sees a proposal's contact details and tracking code: admins of its city and its proposer. */
export function seesPrivateFields(ctx: Context, p: LivelihoodProposal): boolean {
  return managesArea(ctx, p.areaId) || (p.submitterUserId !== null && p.submitterUserId === ctx.viewer.userId);
}

export interface ProposalFilter {
  cityId: number | null;
  status: ProposalStatus | null;
}

/**
 * Proposals of a city. Signed-in viewers see those in their scope; the public (and a token without
 * read:livelihood) sees screened ones (their outcome is published) of the city it names.
 */
export async function listProposals(ctx: Context, filter: ProposalFilter, page: PageArgs): Promise<Page<LivelihoodProposal>> {
  const qb = ctx.db.getRepository(LivelihoodProposal).createQueryBuilder('p');
  if (canReadProposalsInScope(ctx.viewer)) {
    const ids = ctx.viewer.scope.areaIds();
    // A district's viewer reads its city's proposals concerning its district.
    if (filter.cityId !== null) {
      if (!ctx.areas.get(filter.cityId)) throw new NotFoundError('City', filter.cityId);
      if (!ctx.viewer.scope.contains(filter.cityId) && !ctx.areas.isWithin(ctx.viewer.scope.root.id, filter.cityId)) throw new ForbiddenError('That city is outside your scope');
      qb.andWhere('p.area_id = :cityId', { cityId: filter.cityId });
    }
    if (ids !== null) qb.andWhere('(p.area_id IN (:...ids) OR p.district_id IN (:...ids))', { ids });
  } else {
    if (filter.cityId === null) throw new UserInputError('filter.cityId', '未登录时须指定城市 (name a city when not signed in)');
    qb.andWhere('p.area_id = :cityId AND p.status <> :submitted', { cityId: filter.cityId, submitted: ProposalStatus.SUBMITTED });
  }
  if (filter.status) qb.andWhere('p.status = :status', { status: filter.status });
  return paginate(qb, [{ expression: 'p.id', property: 'id', direction: 'DESC' }], page);
}

export interface ScreeningFields {
  status: ProposalStatus;
  reasonCode: ScreeningReason;
  note: string | null;
  mergedIntoId: number | null;
}

/** Screens a proposal with a published reason code; MERGED names the proposal it went into. */
export async function screenProposal(ctx: Context, id: number, f: ScreeningFields): Promise<LivelihoodProposal> {
  if (!isSignedIn(ctx.viewer)) throw new UnauthenticatedError();
  const repo = ctx.db.getRepository(LivelihoodProposal);
  const proposal = await repo.findOneBy({ id });
  if (!proposal || !ctx.viewer.scope.contains(proposal.areaId)) throw new NotFoundError('LivelihoodProposal', id);
  if (!managesArea(ctx, proposal.areaId)) throw new ForbiddenError('Only admins of the city screen its proposals');
  const problems: FieldProblem[] = [];
  if (f.status === ProposalStatus.SUBMITTED) problems.push({ field: 'input.status', reason: '筛选结果须为采纳或不予采纳 (must be ACCEPTED or REJECTED)' });
  const acceptReasons = [ScreeningReason.ACCEPTED_AS_CANDIDATE, ScreeningReason.MERGED];
  if (f.status === ProposalStatus.ACCEPTED && !acceptReasons.includes(f.reasonCode)) problems.push({ field: 'input.reasonCode', reason: '采纳时理由须为列入候选或合并 (ACCEPTED takes ACCEPTED_AS_CANDIDATE or MERGED)' });
  if (f.status === ProposalStatus.REJECTED && f.reasonCode === ScreeningReason.ACCEPTED_AS_CANDIDATE) problems.push({ field: 'input.reasonCode', reason: '不予采纳须给出不采纳的理由 (REJECTED needs a reason for it)' });
  if (f.reasonCode === ScreeningReason.MERGED) {
    if (f.mergedIntoId === null) problems.push({ field: 'input.mergedIntoId', reason: '合并时须指明合并到的建议 (name the proposal it was merged into)' });
    else if (f.mergedIntoId === id) problems.push({ field: 'input.mergedIntoId', reason: '不能合并到自身 (cannot merge into itself)' });
    else {
      const target = await repo.findOneBy({ id: f.mergedIntoId });
      if (!target || target.areaId !== proposal.areaId) problems.push({ field: 'input.mergedIntoId', reason: '不是本市的建议 (not a proposal of this city)' });
    }
  }
  if (f.note && f.note.length > 500) problems.push({ field: 'input.note', reason: '最多 500 个字 (at most 500 characters)' });
  if (problems.length) throw UserInputError.of(problems);
  return mutate(ctx, async (tx) => {
    const before = { ...proposal };
    proposal.status = f.status;
    proposal.reasonCode = f.reasonCode;
    proposal.reasonNote = f.note?.trim() || null;
    proposal.mergedIntoId = f.reasonCode === ScreeningReason.MERGED ? f.mergedIntoId : null;
    proposal.screenedAt = clockNow();
    await tx.em.save(proposal);
    await tx.audit({ action: 'livelihood.proposal.screen', entityType: 'LivelihoodProposal', entityId: id, areaId: proposal.areaId, before: { status: before.status, reasonCode: before.reasonCode }, after: { status: proposal.status, reasonCode: proposal.reasonCode, note: proposal.reasonNote, mergedIntoId: proposal.mergedIntoId } });
    return proposal;
  });
}
