import { combinedSatisfaction, DomainError, formatPoints, isCalendarDate, satisfaction, canonicalJson, type SatisfactionRating } from '@kpd/domain';
import { In } from 'typeorm';
import { isSignedIn } from '../../core/auth/viewer';
import { ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError, UserInputError, type FieldProblem } from '../../core/errors';
import { mutate } from '../../core/transaction';
import type { Context } from '../../core/context';
import type { AreaLevel } from '../../core/areas/area.entity';
import { findSession, managedSession, managesArea, rosterEntryOf } from './access';
import { EvaluationBallot, EvaluationParticipation } from './ballot.entity';
import { EvaluationRound, LivelihoodMilestone, LivelihoodProgress, LivelihoodProject, ObligationStatus } from './project.entity';
import { parseQuantity, type Milli } from './quantity';
import { addToDigest, ballotHash, chain, digestOf, forUpdate, isDuplicateKey, newReceiptCode, normaliseReceipt, sha256, ZERO_DIGEST } from './secrecy';
import { paginate, type PageArgs } from '../../core/pagination';
import { noticeDelegates } from './livelihood.notices';
import { NoticeKind } from '../../core/notices';
import { RosterEntry, RoundStatus, SessionStatus } from './session.entity';
import { now as clockNow } from '../../core/clock';
import { PublicSurvey } from './rating.entity';
import { ruleFor, type EffectiveRule } from './rating.service';

/** Today on the Asia/Shanghai calendar, "YYYY-MM-DD". */
export function shanghaiToday(now = clockNow()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** A project the viewer may read (anyone in its city's scope; the public reads the board too). */
export async function readableProject(ctx: Context, id: number): Promise<LivelihoodProject> {
  const project = await ctx.db.getRepository(LivelihoodProject).findOneBy({ id });
  if (!project) throw new NotFoundError('LivelihoodProject', id);
  return project;
}

export interface BoardFilter {
  cityId: number | null;
  areaId: number | null;
  level: AreaLevel | null;
  year: number;
}

/**
 * The board of a year: by cityId the projects of that area's own congress (as before levels); by
 * areaId those of it and every congress below it; level narrows either to one level of congress.
 */
export async function boardOf(ctx: Context, f: BoardFilter): Promise<LivelihoodProject[]> {
  const root = f.cityId ?? f.areaId;
  if (root === null) throw new UserInputError('areaId', '请指定市、区县或乡镇 (name an area)');
  if (!ctx.areas.get(root)) throw new NotFoundError('Area', root);
  let ids = f.cityId !== null ? [f.cityId] : ctx.areas.subtree(root).map((a) => a.id);
  if (f.level !== null) ids = ids.filter((id) => ctx.areas.get(id)?.level === f.level);
  if (ids.length === 0) return [];
  return ctx.db.getRepository(LivelihoodProject).find({ where: { areaId: In(ids), year: f.year }, order: { areaId: 'ASC', candidateId: 'ASC' } });
}

export async function managedProject(ctx: Context, id: number): Promise<LivelihoodProject> {
  if (!isSignedIn(ctx.viewer)) throw new UnauthenticatedError();
  const project = await ctx.db.getRepository(LivelihoodProject).findOneBy({ id });
  if (!project || !ctx.viewer.scope.contains(project.areaId)) throw new NotFoundError('LivelihoodProject', id);
  if (!managesArea(ctx, project.areaId)) throw new ForbiddenError('Only admins of the congress’s own area manage its livelihood projects');
  return project;
}

export interface ObligationFields {
  leadDepartment?: string | null;
  targetQuantity?: string | null;
  unit?: string | null;
}

export async function updateObligation(ctx: Context, id: number, f: ObligationFields): Promise<LivelihoodProject> {
  const project = await managedProject(ctx, id);
  const problems: FieldProblem[] = [];
  let target: Milli | null = null;
  if (f.leadDepartment !== undefined && f.leadDepartment !== null && (f.leadDepartment.trim().length < 2 || f.leadDepartment.length > 100)) problems.push({ field: 'input.leadDepartment', reason: '须为 2–100 个字 (2 to 100 characters)' });
  if (f.targetQuantity !== undefined && f.targetQuantity !== null) {
    try {
      target = parseQuantity(f.targetQuantity, 'input.targetQuantity');
      if (target === 0n) problems.push({ field: 'input.targetQuantity', reason: '目标须大于 0 (must be more than 0)' });
    } catch (e) {
      if (e instanceof UserInputError) problems.push(...(e.extensions.problems as FieldProblem[]));
      else throw e;
    }
  }
  if (f.unit !== undefined && f.unit !== null && (f.unit.trim() === '' || f.unit.length > 32)) problems.push({ field: 'input.unit', reason: '须为 1–32 个字 (1 to 32 characters)' });
  if (problems.length) throw UserInputError.of(problems);
  return mutate(ctx, async (tx) => {
    const before = { ...project };
    if (f.leadDepartment) project.leadDepartment = f.leadDepartment.trim();
    if (target !== null) project.targetQuantity = target;
    if (f.unit) project.unit = f.unit.trim();
    await tx.em.save(project);
    await tx.audit({ action: 'livelihood.project.update', entityType: 'LivelihoodProject', entityId: id, areaId: project.areaId, before, after: project });
    return project;
  });
}

export interface MilestoneFields {
  name: string;
  dueDate: string;
  doneDate?: string | null;
}

/** Replaces a project's milestones. Due and done days fall within the project's year (done days not in the future). */
export async function saveMilestones(ctx: Context, id: number, list: MilestoneFields[]): Promise<LivelihoodMilestone[]> {
  const project = await managedProject(ctx, id);
  const problems: FieldProblem[] = [];
  const today = shanghaiToday();
  const year = String(project.year);
  list.forEach((m, i) => {
    const at = `milestones[${i}]`;
    if (!m.name || m.name.trim().length < 2 || m.name.length > 200) problems.push({ field: `${at}.name`, reason: '须为 2–200 个字 (2 to 200 characters)' });
    if (!isCalendarDate(m.dueDate) || m.dueDate.slice(0, 4) !== year) problems.push({ field: `${at}.dueDate`, reason: `须为 ${year} 年内的日期 (a day in ${year})` });
    if (m.doneDate) {
      if (!isCalendarDate(m.doneDate)) problems.push({ field: `${at}.doneDate`, reason: '不是日期 (not a date)' });
      else if (m.doneDate > today) problems.push({ field: `${at}.doneDate`, reason: '不能是将来的日期 (must not be in the future)' });
    }
  });
  if (list.length > 50) problems.push({ field: 'milestones', reason: '最多 50 个节点 (at most 50)' });
  if (problems.length) throw UserInputError.of(problems);
  return mutate(ctx, async (tx) => {
    const before = await tx.em.find(LivelihoodMilestone, { where: { projectId: id }, order: { dueDate: 'ASC', id: 'ASC' } });
    await tx.em.delete(LivelihoodMilestone, { projectId: id });
    const rows = list.map((m) => tx.em.create(LivelihoodMilestone, { projectId: id, name: m.name.trim(), dueDate: m.dueDate, doneDate: m.doneDate ?? null }));
    const saved = rows.length ? await tx.em.save(rows) : [];
    await tx.audit({ action: 'livelihood.milestones.save', entityType: 'LivelihoodProject', entityId: id, areaId: project.areaId, before, after: saved });
    return saved.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id - b.id);
  });
}

/** Reports a month's quantity done (replacing that month's report). No future month, none outside the year. */
export async function reportProgress(ctx: Context, id: number, period: string, quantityDone: string, note: string): Promise<LivelihoodProgress> {
  const project = await managedProject(ctx, id);
  const problems: FieldProblem[] = [];
  const thisMonth = shanghaiToday().slice(0, 7);
  if (period.slice(0, 4) !== String(project.year)) problems.push({ field: 'period', reason: `须为 ${project.year} 年的月份 (a month of ${project.year})` });
  else if (period > thisMonth) problems.push({ field: 'period', reason: '不能报送将来的月份 (must not be a future month)' });
  let qty: Milli = 0n;
  try {
    qty = parseQuantity(quantityDone, 'quantityDone');
  } catch (e) {
    if (e instanceof UserInputError) problems.push(...(e.extensions.problems as FieldProblem[]));
    else throw e;
  }
  if (!note || note.trim().length < 2 || note.length > 500) problems.push({ field: 'note', reason: '进展情况须为 2–500 个字 (2 to 500 characters)' });
  if (project.status === ObligationStatus.COMPLETED) throw new ConflictError('项目已销号 (the project is closed out)');
  if (problems.length) throw UserInputError.of(problems);
  return mutate(ctx, async (tx) => {
    const existing = await tx.em.findOneBy(LivelihoodProgress, { projectId: id, period });
    const row = existing ?? tx.em.create(LivelihoodProgress, { projectId: id, period });
    const before = existing ? { ...existing } : null;
    row.quantityDone = qty;
    row.note = note.trim();
    row.reportedByUserId = ctx.viewer.userId;
    const saved = await tx.em.save(row);
    await tx.audit({ action: 'livelihood.progress.report', entityType: 'LivelihoodProject', entityId: id, areaId: project.areaId, before, after: saved });
    return saved;
  });
}

/** Closes out (销号) a delivered project. */
export async function completeProject(ctx: Context, id: number, completedOn: string): Promise<LivelihoodProject> {
  const project = await managedProject(ctx, id);
  if (!isCalendarDate(completedOn) || completedOn > shanghaiToday()) throw new UserInputError('completedOn', '须为今天或以前的日期 (a day not in the future)');
  if (project.status === ObligationStatus.COMPLETED) throw new ConflictError('项目已销号 (already closed out)');
  return mutate(ctx, async (tx) => {
    const before = { ...project };
    project.status = ObligationStatus.COMPLETED;
    project.completedOn = completedOn;
    await tx.em.save(project);
    await tx.audit({ action: 'livelihood.project.complete', entityType: 'LivelihoodProject', entityId: id, areaId: project.areaId, before, after: project });
    return project;
  });
}

// ------------------------------------------------------------------ year-end evaluation (人大评)

const RATING_CODE: Record<SatisfactionRating, string> = { SATISFIED: 'S', BASICALLY_SATISFIED: 'B', UNSATISFIED: 'U' };
const CODE_RATING: Record<string, SatisfactionRating> = { S: 'SATISFIED', B: 'BASICALLY_SATISFIED', U: 'UNSATISFIED' };

export function evaluationProjectIds(e: EvaluationRound): number[] {
  return e.projectIds ? e.projectIds.split(',').map(Number) : [];
}

export async function evaluationOf(ctx: Context, sessionId: number, year: number | null): Promise<EvaluationRound | null> {
  const repo = ctx.db.getRepository(EvaluationRound);
  if (year !== null) return repo.findOneBy({ sessionId, year });
  return (await repo.find({ where: { sessionId }, order: { year: 'DESC' }, take: 1 }))[0] ?? null;
}

/** Opens the year-end evaluation of a decided session's projects; the project list is frozen by its fingerprint. */
export async function openEvaluation(ctx: Context, sessionId: number, year: number): Promise<EvaluationRound> {
  const session = await managedSession(ctx, sessionId);
  if (session.status !== SessionStatus.DECIDED) throw new ConflictError('票决尚未结束 (the vote is not decided)');
  return mutate(ctx, async (tx) => {
    const projects = await tx.em.find(LivelihoodProject, { where: { sessionId, year }, order: { candidateId: 'ASC' } });
    if (!projects.length) throw new UserInputError('year', `${year} 年没有民生实事项目 (no projects for that year)`);
    const rosterSize = await tx.em.countBy(RosterEntry, { sessionId });
    const canonical = canonicalJson({ kind: 'evaluation', sessionId, year, rosterSize, ratings: ['SATISFIED', 'BASICALLY_SATISFIED', 'UNSATISFIED'], projects: projects.map((p) => ({ id: String(p.id), name: p.name })) });
    const evaluation = tx.em.create(EvaluationRound, {
      sessionId,
      year,
      projectIds: projects.map((p) => p.id).join(','),
      rosterSize,
      fingerprint: sha256(canonical),
      canonical,
      status: RoundStatus.OPEN,
      openedAt: clockNow(),
      closedAt: null,
      digest: ZERO_DIGEST,
      chainHead: null,
      result: null,
    });
    try {
      await tx.em.insert(EvaluationRound, evaluation);
    } catch (e) {
      if (isDuplicateKey(e)) throw new ConflictError(`${year} 年度评价已开始 (already opened)`);
      throw e;
    }
    await tx.audit({ action: 'livelihood.evaluation.open', entityType: 'VoteSession', entityId: sessionId, areaId: session.areaId, after: { year, fingerprint: evaluation.fingerprint } });
    await noticeDelegates(tx.em, session, NoticeKind.EVALUATION_OPEN, `${year} 年度民生实事满意度评价已开始`, `${session.name} 确定的 ${projects.length} 个民生实事项目请逐项评价（满意、基本满意、不满意）。`, `/livelihood/evaluation`, `${sessionId}:${year}`);
    return evaluation;
  });
}

/** A delegate on the roster rates every project once, secretly; returns a receipt code. */
export async function submitEvaluation(ctx: Context, sessionId: number, year: number, ratings: { projectId: string; rating: SatisfactionRating }[]): Promise<{ receiptCode: string; fingerprint: string }> {
  const session = await findSession(ctx, sessionId);
  const entry = await rosterEntryOf(ctx, sessionId);
  const evaluation = await evaluationOf(ctx, sessionId, year);
  if (!evaluation || evaluation.status !== RoundStatus.OPEN) throw new ConflictError('评价未开放 (the evaluation is not open)');
  const ids = evaluationProjectIds(evaluation);
  const byProject = new Map<number, SatisfactionRating>();
  const problems: FieldProblem[] = [];
  ratings.forEach((r, i) => {
    const id = Number(r.projectId);
    if (!ids.includes(id)) problems.push({ field: `ratings[${i}].projectId`, reason: '不是本次评价的项目 (not a project of this evaluation)' });
    else if (byProject.has(id)) problems.push({ field: `ratings[${i}].projectId`, reason: '重复评价 (rated twice)' });
    else byProject.set(id, r.rating);
  });
  ids.forEach((id) => {
    if (!byProject.has(id) && !problems.length) problems.push({ field: 'ratings', reason: `缺少项目 ${id} 的评价 (every project must be rated)` });
  });
  if (problems.length) throw UserInputError.of(problems);
  const content = ids.map((id) => `${id}:${RATING_CODE[byProject.get(id)!]}`).join(';');
  return mutate(ctx, async (tx) => {
    const locked = await forUpdate(tx.em, tx.em.createQueryBuilder(EvaluationRound, 'e').where('e.id = :id', { id: evaluation.id })).getOne();
    if (!locked || locked.status !== RoundStatus.OPEN) throw new ConflictError('评价已结束 (the evaluation is closed)');
    try {
      await tx.em.insert(EvaluationParticipation, { evaluationId: locked.id, userId: entry.userId });
    } catch (e) {
      if (isDuplicateKey(e)) throw new ConflictError('您已提交本年度评价 (you have already rated)');
      throw e;
    }
    const receiptCode = newReceiptCode();
    const hash = ballotHash(locked.fingerprint, receiptCode, content, 'EVALUATION');
    await tx.em.insert(EvaluationBallot, { receiptCode, evaluationId: locked.id, ratings: content, ballotHash: hash, prevHash: null, chainHash: null });
    await tx.em.update(EvaluationRound, { id: locked.id }, { digest: addToDigest(locked.digest, hash) });
    await tx.audit({ action: 'livelihood.evaluation.submit', entityType: 'VoteSession', entityId: sessionId, areaId: session.areaId, after: { year, rated: true } });
    return { receiptCode, fingerprint: locked.fingerprint };
  });
}

export interface ProjectEvaluation {
  projectId: number;
  satisfied: number;
  basic: number;
  unsatisfied: number;
  /** The published rating: the delegates' majority rule, or with a public weight the combined score's band. */
  rating: SatisfactionRating;
  /** The delegates' rating by their majority rule (results counted before the public's part lack it: then `rating`). */
  delegateRating?: SatisfactionRating;
  /** Scores out of 100 as text ("91.22"); absent in results counted before the public's part. */
  delegateScore?: string | null;
  publicScore?: string | null;
  score?: string;
  public?: { satisfied: number; basic: number; unsatisfied: number; source: string } | null;
}

/** The weights an evaluation was counted with, frozen in its result. */
export type FrozenRule = Omit<EffectiveRule, 'areaId'>;

/** Closes the evaluation: checks and chains the sheets, and rates each project by the rule. */
export async function closeEvaluation(ctx: Context, sessionId: number, year: number): Promise<EvaluationRound> {
  const session = await managedSession(ctx, sessionId);
  return mutate(ctx, async (tx) => {
    const found = await tx.em.findOneBy(EvaluationRound, { sessionId, year });
    if (!found) throw new NotFoundError('Evaluation', year);
    const evaluation = await forUpdate(tx.em, tx.em.createQueryBuilder(EvaluationRound, 'e').where('e.id = :id', { id: found.id })).getOneOrFail();
    if (evaluation.status !== RoundStatus.OPEN) throw new ConflictError('评价已结束 (already closed)');
    const sheets = await tx.em.find(EvaluationBallot, { where: { evaluationId: evaluation.id }, order: { receiptCode: 'ASC' } });
    for (const s of sheets) {
      if (ballotHash(evaluation.fingerprint, s.receiptCode, s.ratings, 'EVALUATION') !== s.ballotHash) throw new ConflictError('评价票内容与其哈希不符 (a sheet does not match its hash)');
    }
    if (digestOf(sheets.map((s) => s.ballotHash)) !== evaluation.digest) throw new ConflictError('评价票集合与提交时不符 (the sheets differ from those submitted)');
    const counts = new Map<number, { S: number; B: number; U: number }>(evaluationProjectIds(evaluation).map((id) => [id, { S: 0, B: 0, U: 0 }]));
    for (const s of sheets) {
      for (const pair of s.ratings.split(';')) {
        const [id, code] = pair.split(':');
        const c = counts.get(Number(id));
        if (c && (code === 'S' || code === 'B' || code === 'U')) c[code] += 1;
      }
    }
    // The public's part (镇海): the configured weights and the survey's counts, frozen in the result.
    const rule = await ruleFor(tx.em, ctx.areas, session.areaId, session.id);
    const surveys = await tx.em.find(PublicSurvey, { where: { evaluationId: evaluation.id } });
    const missing = rule.publicWeight > 0 ? [...counts.keys()].filter((id) => !surveys.some((s) => s.projectId === id)) : [];
    if (missing.length) {
      const names = (await tx.em.find(LivelihoodProject, { where: { id: In(missing) } })).map((p) => `“${p.name}”`);
      throw new ConflictError(`群众测评占 ${rule.publicWeight} 分，${names.join('、')} 的群众满意度调查尚未录入 (the public survey of ${missing.length} project(s) is missing)`, { projectIds: missing.map(String) });
    }
    const result: ProjectEvaluation[] = [...counts].map(([projectId, c]) => {
      try {
        return rateProject(rule, evaluation.rosterSize, projectId, c, surveys.find((s) => s.projectId === projectId) ?? null);
      } catch (e) {
        if (e instanceof DomainError) throw new ConflictError(`测评权重无效：${e.reason} (the configured weights are invalid)`);
        throw e;
      }
    });
    const frozen: FrozenRule = { delegateWeight: rule.delegateWeight, publicWeight: rule.publicWeight, satisfiedFrom: rule.satisfiedFrom, basicFrom: rule.basicFrom, source: rule.source };
    const { links, head } = chain(evaluation.fingerprint, sheets.map((s) => s.ballotHash));
    for (let i = 0; i < sheets.length; i++) {
      await tx.em.update(EvaluationBallot, { receiptCode: sheets[i].receiptCode }, { prevHash: links[i].prev, chainHash: links[i].hash });
    }
    evaluation.status = RoundStatus.CLOSED;
    evaluation.closedAt = clockNow();
    evaluation.chainHead = head;
    evaluation.result = JSON.stringify({ sheets: sheets.length, projects: result, rule: frozen });
    await tx.em.save(evaluation);
    await tx.audit({ action: 'livelihood.evaluation.close', entityType: 'VoteSession', entityId: sessionId, areaId: session.areaId, after: { year, sheets: sheets.length, chainHead: head } });
    return evaluation;
  });
}

/** One project's published result: the delegates' counts and rule, and by the weights the public's part and the combined score. */
export function rateProject(rule: FrozenRule, rosterSize: number, projectId: number, c: { S: number; B: number; U: number }, survey: Pick<PublicSurvey, 'satisfied' | 'basic' | 'unsatisfied' | 'source'> | null): ProjectEvaluation {
  const delegates = { rosterSize, satisfied: c.S, basic: c.B, unsatisfied: c.U };
  const combined = combinedSatisfaction({ weights: { delegates: rule.delegateWeight, public: rule.publicWeight }, bands: rule, delegates, public: survey });
  return {
    projectId,
    satisfied: c.S,
    basic: c.B,
    unsatisfied: c.U,
    rating: combined.rating,
    delegateRating: satisfaction(delegates),
    delegateScore: combined.delegateScore === null ? null : formatPoints(combined.delegateScore),
    publicScore: combined.publicScore === null ? null : formatPoints(combined.publicScore),
    score: formatPoints(combined.score),
    public: survey ? { satisfied: survey.satisfied, basic: survey.basic, unsatisfied: survey.unsatisfied, source: survey.source } : null,
  };
}

export function evaluationResult(e: EvaluationRound): { sheets: number; projects: ProjectEvaluation[]; rule?: FrozenRule } | null {
  return e.status === RoundStatus.CLOSED && e.result ? JSON.parse(e.result) : null;
}

export { CODE_RATING };

export async function projectsOfSession(ctx: Context, sessionIds: number[]): Promise<LivelihoodProject[]> {
  return ctx.db.getRepository(LivelihoodProject).find({ where: { sessionId: In(sessionIds) }, order: { candidateId: 'ASC' } });
}

/** The projects an evaluation rates, in sheet order. */
export async function evaluationProjects(ctx: Context, e: EvaluationRound): Promise<LivelihoodProject[]> {
  const ids = evaluationProjectIds(e);
  const rows = await ctx.db.getRepository(LivelihoodProject).findBy({ id: In(ids) });
  return ids.map((id) => rows.find((r) => r.id === id)!).filter(Boolean);
}

/** Whether the delegate has rated in the evaluation. */
export function hasRated(ctx: Context, e: EvaluationRound, userId: number): Promise<boolean> {
  return ctx.db.getRepository(EvaluationParticipation).existsBy({ evaluationId: e.id, userId });
}

/** The sheet of an evaluation with this receipt code (as typed: normalised, at most 40 characters), or null. */
export function evaluationSheet(ctx: Context, e: EvaluationRound, receiptCode: string): Promise<EvaluationBallot | null> {
  return ctx.db.getRepository(EvaluationBallot).findOneBy({ evaluationId: e.id, receiptCode: normaliseReceipt(receiptCode.slice(0, 40)) });
}

/** A page of an evaluation's sheets by receipt code. */
export function evaluationSheets(ctx: Context, e: EvaluationRound, page: PageArgs) {
  const qb = ctx.db.getRepository(EvaluationBallot).createQueryBuilder('b').where('b.evaluation_id = :id', { id: e.id });
  return paginate(qb, [{ expression: 'b.receipt_code', property: 'receiptCode', direction: 'ASC' }], page);
}
