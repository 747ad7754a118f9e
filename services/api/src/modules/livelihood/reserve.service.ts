import { NOT_PUT_TO_VOTE_REASON, reserveReason } from '@kpd/domain';
import { In } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { isSignedIn } from '../../core/auth/viewer';
import { ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError, UserInputError } from '../../core/errors';
import { mutate, type Tx } from '../../core/transaction';
import type { Context } from '../../core/context';
import { now as clockNow } from '../../core/clock';
import { managesArea } from './access';
import { LivelihoodProposal, ProposalStatus, ScreeningReason } from './proposal.entity';
import { ReserveItem, ReserveOrigin, ReserveStatus } from './reserve.entity';
import { RoundStatus, VoteCandidateEntity, VoteRound, VoteSession } from './session.entity';

/**
 * The reserve library (项目储备库): when a session's vote is decided, every candidate it did not
 * adopt goes to the reserve with its votes in the last round it stood in and the published reason,
 * and so does every accepted proposal of the congress that no candidate of any session took. Runs
 * in the decision's transaction.
 */
export async function reserveAfterDecision(tx: Tx, session: VoteSession): Promise<ReserveItem[]> {
  const now = clockNow();
  const candidates = await tx.em.find(VoteCandidateEntity, { where: { sessionId: session.id }, order: { position: 'ASC' } });
  const rounds = await tx.em.find(VoteRound, { where: { sessionId: session.id, status: RoundStatus.CLOSED }, order: { number: 'DESC' } });
  const rows: Partial<ReserveItem>[] = [];
  for (const c of candidates.filter((x) => !x.adopted)) {
    const round = rounds.find((r) => r.candidateIds.split(',').map(Number).includes(c.id) && r.result);
    const result = round ? (JSON.parse(round.result!) as { majorityVotes: number; seats: number; rosterSize: number; counts: { candidateId: string; votes: number; hasMajority: boolean; position: number }[] }) : null;
    const count = result?.counts.find((x) => x.candidateId === String(c.id));
    rows.push({
      ...itemFields(c),
      areaId: session.areaId,
      origin: ReserveOrigin.NOT_ADOPTED,
      fromSessionId: session.id,
      fromCandidateId: c.id,
      fromProposalId: null,
      votes: count?.votes ?? null,
      rosterSize: result?.rosterSize ?? null,
      reason: count && result ? reserveReason(count, result.majorityVotes, result.seats) : '未经计票，未获通过',
      previousItemId: c.reserveItemId,
      status: ReserveStatus.RESERVED,
      drawnIntoSessionId: null,
      withdrawnReason: null,
      reservedAt: now,
    });
  }
  // Accepted proposals of this congress that no candidate took and the reserve does not hold yet.
  const taken = new Set<number>();
  const sessionIds = (await tx.em.find(VoteSession, { select: { id: true }, where: { areaId: session.areaId } })).map((s) => s.id);
  if (sessionIds.length) {
    for (const c of await tx.em.find(VoteCandidateEntity, { select: { proposalIds: true }, where: { sessionId: In(sessionIds) } })) {
      for (const id of c.proposalIds ? c.proposalIds.split(',') : []) taken.add(Number(id));
    }
  }
  for (const r of await tx.em.find(ReserveItem, { select: { fromProposalId: true, proposalIds: true }, where: { areaId: session.areaId } })) {
    if (r.fromProposalId !== null) taken.add(r.fromProposalId);
    for (const id of r.proposalIds ? r.proposalIds.split(',') : []) taken.add(Number(id));
  }
  const proposals = await tx.em.find(LivelihoodProposal, { where: { areaId: session.areaId, status: ProposalStatus.ACCEPTED, reasonCode: ScreeningReason.ACCEPTED_AS_CANDIDATE }, order: { id: 'ASC' } });
  for (const p of proposals.filter((x) => !taken.has(x.id))) {
    rows.push({
      areaId: session.areaId,
      name: p.title,
      description: p.description,
      leadDepartment: null,
      targetQuantity: null,
      unit: null,
      estimatedCost: p.estimatedCost,
      origin: ReserveOrigin.NOT_PUT_TO_VOTE,
      fromSessionId: session.id,
      fromCandidateId: null,
      fromProposalId: p.id,
      proposalIds: String(p.id),
      votes: null,
      rosterSize: null,
      reason: NOT_PUT_TO_VOTE_REASON,
      previousItemId: null,
      status: ReserveStatus.RESERVED,
      drawnIntoSessionId: null,
      withdrawnReason: null,
      reservedAt: now,
    });
  }
  if (rows.length === 0) return [];
  const saved = await tx.em.save(rows.map((r) => tx.em.create(ReserveItem, r)));
  await tx.audit({ action: 'livelihood.reserve.add', entityType: 'VoteSession', entityId: session.id, areaId: session.areaId, after: saved.map((r) => ({ id: r.id, name: r.name, origin: r.origin, votes: r.votes })) });
  return saved;
}

function itemFields(c: VoteCandidateEntity): Pick<ReserveItem, 'name' | 'description' | 'leadDepartment' | 'targetQuantity' | 'unit' | 'estimatedCost' | 'proposalIds'> {
  return { name: c.name, description: c.description, leadDepartment: c.leadDepartment, targetQuantity: c.targetQuantity, unit: c.unit, estimatedCost: c.estimatedCost, proposalIds: c.proposalIds };
}

/**
 * Checks the reserve items a candidate list draws (same congress, in the reserve or already drawn
 * by this session) and returns the problems by field.
 */
export async function drawProblems(ctx: Context, session: VoteSession, drawn: (number | null)[]): Promise<{ field: string; reason: string }[]> {
  const ids = [...new Set(drawn.filter((x): x is number => x !== null))];
  if (ids.length === 0) return [];
  const items = new Map((await ctx.db.getRepository(ReserveItem).findBy({ id: In(ids) })).map((r) => [r.id, r]));
  const problems: { field: string; reason: string }[] = [];
  const seen = new Set<number>();
  drawn.forEach((id, i) => {
    if (id === null) return;
    const item = items.get(id);
    const field = `candidates[${i}].reserveItemId`;
    if (!item || item.areaId !== session.areaId) problems.push({ field, reason: '不是本级储备库的项目 (not in this congress’s reserve)' });
    else if (item.status === ReserveStatus.WITHDRAWN) problems.push({ field, reason: '该项目已出库 (withdrawn from the reserve)' });
    else if (item.status === ReserveStatus.DRAWN && item.drawnIntoSessionId !== session.id) problems.push({ field, reason: '该项目已列入其他会议的候选 (drawn by another session)' });
    else if (seen.has(id)) problems.push({ field, reason: '同一储备项目只能列入一次 (drawn twice)' });
    seen.add(id);
  });
  return problems;
}

/** Under the session's lock: releases what the session drew before and draws the new list's items. */
export async function redraw(em: EntityManager, sessionId: number, drawn: number[]): Promise<void> {
  await em.update(ReserveItem, { drawnIntoSessionId: sessionId, status: ReserveStatus.DRAWN }, { status: ReserveStatus.RESERVED, drawnIntoSessionId: null });
  for (const id of drawn) {
    const res = await em.update(ReserveItem, { id, status: ReserveStatus.RESERVED }, { status: ReserveStatus.DRAWN, drawnIntoSessionId: sessionId });
    if (res.affected !== 1) throw new ConflictError(`储备项目 ${id} 已被其他会议列入候选或已出库 (reserve item ${id} was drawn or withdrawn meanwhile)`);
  }
}

/** Takes an item out of the reserve with a published reason (admins of its congress). */
export async function withdrawReserveItem(ctx: Context, id: number, reason: string): Promise<ReserveItem> {
  if (!isSignedIn(ctx.viewer)) throw new UnauthenticatedError();
  const item = await ctx.db.getRepository(ReserveItem).findOneBy({ id });
  if (!item || !ctx.viewer.scope.contains(item.areaId)) throw new NotFoundError('LivelihoodReserveItem', id);
  if (!managesArea(ctx, item.areaId)) throw new ForbiddenError('Only admins of the congress’s own area manage its reserve');
  const text = (reason ?? '').trim();
  if (text.length < 2 || text.length > 500) throw new UserInputError('reason', '出库理由须为 2–500 个字 (2 to 500 characters)');
  return mutate(ctx, async (tx) => {
    const res = await tx.em.update(ReserveItem, { id, status: ReserveStatus.RESERVED }, { status: ReserveStatus.WITHDRAWN, withdrawnReason: text });
    if (res.affected !== 1) throw new ConflictError('只有在库的项目可以出库 (only an item in the reserve can be withdrawn)');
    const after = await tx.em.findOneByOrFail(ReserveItem, { id });
    await tx.audit({ action: 'livelihood.reserve.withdraw', entityType: 'LivelihoodReserveItem', entityId: id, areaId: item.areaId, before: { status: item.status }, after: { status: after.status, reason: text } });
    return after;
  });
}

/** The reserve of a congress (public: its votes and reasons are published), newest first. */
export async function reserveOf(ctx: Context, areaId: number, status: ReserveStatus | null): Promise<ReserveItem[]> {
  if (!ctx.areas.get(areaId)) throw new NotFoundError('Area', areaId);
  return ctx.db.getRepository(ReserveItem).find({ where: { areaId, ...(status ? { status } : {}) }, order: { id: 'DESC' }, take: 500 });
}

export async function reserveItem(ctx: Context, id: number | null): Promise<ReserveItem | null> {
  if (id === null) return null;
  return ctx.db.getRepository(ReserveItem).findOneBy({ id });
}

/** The items before this one, oldest first: the years a project stood and lost. */
export async function historyOf(ctx: Context, item: ReserveItem): Promise<ReserveItem[]> {
  const out: ReserveItem[] = [];
  let prev = item.previousItemId;
  while (prev !== null && out.length < 20) {
    const p = await ctx.db.getRepository(ReserveItem).findOneBy({ id: prev });
    if (!p) break;
    out.unshift(p);
    prev = p.previousItemId;
  }
  return out;
}

export async function sessionOf(ctx: Context, id: number | null): Promise<VoteSession | null> {
  return id === null ? null : ctx.db.getRepository(VoteSession).findOneBy({ id });
}
