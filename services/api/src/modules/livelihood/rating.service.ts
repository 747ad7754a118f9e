import { DEFAULT_RATING_BANDS, DELEGATES_ONLY, DomainError, validateSatisfactionRule } from '@kpd/domain';
import type { EntityManager } from 'typeorm';
import { canManageSessions, requireThat } from '../../core/auth/policy';
import { ConflictError, NotFoundError, UserInputError, type FieldProblem } from '../../core/errors';
import { mutate } from '../../core/transaction';
import type { Context } from '../../core/context';
import type { AreaDirectory } from '../../core/areas/area-directory';
import { findSession, managedSession, managesArea } from './access';
import { EvaluationRound } from './project.entity';
import { PublicSurvey, RatingRule } from './rating.entity';
import { RatingRuleSource } from './rating.types';
import { forUpdate, isDuplicateKey } from './secrecy';
import { RoundStatus, type VoteSession } from './session.entity';

// 满意度测评 with the public (镇海): the weights of the delegates' sheets and of the public survey,
// configured for an area's congress (and those below it) or one session, and the survey's counts.

export interface EffectiveRule {
  delegateWeight: number;
  publicWeight: number;
  satisfiedFrom: number;
  basicFrom: number;
  source: RatingRuleSource;
  areaId: number | null;
}

export const DEFAULT_RULE: EffectiveRule = { delegateWeight: DELEGATES_ONLY.delegates, publicWeight: DELEGATES_ONLY.public, ...DEFAULT_RATING_BANDS, source: RatingRuleSource.DEFAULT, areaId: null };

function effective(r: RatingRule, source: RatingRuleSource): EffectiveRule {
  return { delegateWeight: r.delegateWeight, publicWeight: r.publicWeight, satisfiedFrom: r.satisfiedFrom, basicFrom: r.basicFrom, source, areaId: source === RatingRuleSource.AREA ? r.areaId : null };
}

/** The rule a session's evaluation uses: the session's own, else its area's, else the nearest area's above it, else the delegates alone. */
export async function ruleFor(em: EntityManager, areas: AreaDirectory, areaId: number, sessionId: number | null): Promise<EffectiveRule> {
  const chain = [areaId, ...areas.ancestors(areaId).map((a) => a.id).reverse()];
  const rows = await em.getRepository(RatingRule).createQueryBuilder('r').where('r.area_id IN (:...chain)', { chain }).getMany();
  const own = sessionId !== null ? rows.find((r) => r.areaId === areaId && r.sessionId === sessionId) : undefined;
  if (own) return effective(own, RatingRuleSource.SESSION);
  for (const id of chain) {
    const r = rows.find((x) => x.areaId === id && x.sessionId === 0);
    if (r) return effective(r, RatingRuleSource.AREA);
  }
  return DEFAULT_RULE;
}

export async function ratingRuleOf(ctx: Context, areaId: number, sessionId: number | null): Promise<EffectiveRule> {
  if (!ctx.areas.get(areaId)) throw new NotFoundError('Area', areaId);
  if (sessionId !== null) {
    const session = await findSession(ctx, sessionId);
    if (session.areaId !== areaId) throw new UserInputError('sessionId', '该会议不属于此地区 (the session is not of this area)');
  }
  return ruleFor(ctx.db.manager, ctx.areas, areaId, sessionId);
}

export interface RuleFields {
  areaId: number;
  sessionId: number | null;
  delegateWeight: number;
  publicWeight: number;
  satisfiedFrom: number;
  basicFrom: number;
}

/** Sets the weights for an area's congress or one of its sessions (the admins who run it). */
export async function setRatingRule(ctx: Context, f: RuleFields): Promise<EffectiveRule> {
  const area = ctx.areas.get(f.areaId);
  if (!area) throw new NotFoundError('Area', f.areaId);
  if (f.sessionId !== null) {
    const session = await managedSession(ctx, f.sessionId);
    if (session.areaId !== f.areaId) throw new UserInputError('input.sessionId', '该会议不属于此地区 (the session is not of this area)');
  } else {
    requireThat(ctx.viewer, canManageSessions(ctx.viewer, f.areaId, area.level), 'The weights are set by the admins who run the congress of the area');
  }
  try {
    validateSatisfactionRule({ delegates: f.delegateWeight, public: f.publicWeight }, { satisfiedFrom: f.satisfiedFrom, basicFrom: f.basicFrom });
  } catch (e) {
    if (e instanceof DomainError) throw new UserInputError(`input.${e.field}`, e.reason);
    throw e;
  }
  const sessionId = f.sessionId ?? 0;
  const values = { delegateWeight: f.delegateWeight, publicWeight: f.publicWeight, satisfiedFrom: f.satisfiedFrom, basicFrom: f.basicFrom };
  try {
    return await mutate(ctx, async (tx) => {
      const existing = await tx.em.findOneBy(RatingRule, { areaId: f.areaId, sessionId });
      const before = existing ? { ...existing } : null;
      const row = await tx.em.save(Object.assign(existing ?? tx.em.create(RatingRule, { areaId: f.areaId, sessionId }), values));
      await tx.audit({ action: 'livelihood.rating.rule', entityType: 'Area', entityId: f.areaId, areaId: f.areaId, before, after: row });
      return effective(row, f.sessionId !== null ? RatingRuleSource.SESSION : RatingRuleSource.AREA);
    });
  } catch (e) {
    if (isDuplicateKey(e)) throw new ConflictError('权重刚被他人设置，请刷新后再改 (set by someone else a moment ago)');
    throw e;
  }
}

export interface SurveyEntry {
  projectId: number;
  satisfied: number;
  basic: number;
  unsatisfied: number;
}

const MAX_HOUSEHOLDS = 10_000_000;

/**
 * Enters the public survey's counts for projects of an open evaluation (replacing earlier counts of
 * those projects). Serialised with the close by the evaluation's row lock: no survey changes once
 * the result is counted.
 */
export async function recordPublicSurvey(ctx: Context, sessionId: number, year: number, source: string, entries: SurveyEntry[]): Promise<PublicSurvey[]> {
  const session = await managedSession(ctx, sessionId);
  const evaluation = await ctx.db.getRepository(EvaluationRound).findOneBy({ sessionId, year });
  if (!evaluation) throw new NotFoundError('Evaluation', year);
  const ids = evaluation.projectIds ? evaluation.projectIds.split(',').map(Number) : [];
  const problems: FieldProblem[] = [];
  if (!source || source.trim().length < 2 || source.length > 200) problems.push({ field: 'input.source', reason: '调查来源须为 2–200 个字 (2 to 200 characters)' });
  if (entries.length === 0) problems.push({ field: 'input.entries', reason: '至少录入一个项目 (at least one project)' });
  const seen = new Set<number>();
  entries.forEach((e, i) => {
    const at = `input.entries[${i}]`;
    if (!ids.includes(e.projectId)) problems.push({ field: `${at}.projectId`, reason: '不是本次测评的项目 (not a project of this evaluation)' });
    else if (seen.has(e.projectId)) problems.push({ field: `${at}.projectId`, reason: '同一项目出现多次 (listed twice)' });
    seen.add(e.projectId);
    for (const [key, v] of [['satisfied', e.satisfied], ['basicallySatisfied', e.basic], ['unsatisfied', e.unsatisfied]] as const) {
      if (!Number.isSafeInteger(v) || v < 0 || v > MAX_HOUSEHOLDS) problems.push({ field: `${at}.${key}`, reason: '须为非负整数 (a whole number, 0 or more)' });
    }
    if (e.satisfied + e.basic + e.unsatisfied === 0) problems.push({ field: `${at}.satisfied`, reason: '调查户数不能为 0 (no households counted)' });
  });
  if (problems.length) throw UserInputError.of(problems);
  return mutate(ctx, async (tx) => {
    const locked = await forUpdate(tx.em, tx.em.createQueryBuilder(EvaluationRound, 'e').where('e.id = :id', { id: evaluation.id })).getOneOrFail();
    if (locked.status !== RoundStatus.OPEN) throw new ConflictError('测评已结束，群众测评结果不能再修改 (the evaluation is closed)');
    const existing = await tx.em.find(PublicSurvey, { where: { evaluationId: locked.id } });
    const saved: PublicSurvey[] = [];
    for (const e of entries) {
      const row = existing.find((r) => r.projectId === e.projectId) ?? tx.em.create(PublicSurvey, { evaluationId: locked.id, projectId: e.projectId });
      Object.assign(row, { satisfied: e.satisfied, basic: e.basic, unsatisfied: e.unsatisfied, source: source.trim(), recordedByUserId: ctx.viewer.userId! });
      saved.push(await tx.em.save(row));
    }
    await tx.audit({ action: 'livelihood.evaluation.survey', entityType: 'VoteSession', entityId: sessionId, areaId: session.areaId, before: existing.filter((r) => seen.has(r.projectId)), after: saved });
    return saved;
  });
}

/** The surveys entered for an evaluation: published once it is counted; while open, to the admins who run the congress. */
export async function surveysOf(ctx: Context, e: EvaluationRound, session: VoteSession): Promise<PublicSurvey[]> {
  if (e.status !== RoundStatus.CLOSED && !managesArea(ctx, session.areaId)) return [];
  return ctx.db.getRepository(PublicSurvey).find({ where: { evaluationId: e.id }, order: { projectId: 'ASC' } });
}
