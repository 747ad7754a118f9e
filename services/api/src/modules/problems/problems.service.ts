import {
  daysBetween,
  deadlineFromWorkingDays,
  DomainError,
  escalationReasons,
  isCalendarDate,
  openProblem,
  shanghaiDate,
  transition,
  type ProblemState,
  periodOfDate,
} from '@kpd/domain';
import type { EntityManager } from 'typeorm';
import { canAdminister, isActingSecretary, requireWriter } from '../../core/auth/policy';
import { ConflictError, ForbiddenError, UserInputError } from '../../core/errors';
import { attachFiles, FilePurpose } from '../../core/files';
import { PROBLEM_EVIDENCE } from './problems.files';
import { parseId, parseOptionalId } from '../../core/ids';
import { paginate, type Page, type PageArgs } from '../../core/pagination';
import { mutate, type Tx } from '../../core/transaction';
import type { Context } from '../../core/context';
import { AreaLevel } from '../../core/areas/area.entity';
import { queryArea } from '../../core/areas/areas.service';
import { Project } from '../projects/project.entity';
import { reportableProject } from '../projects/projects.scope';
import { answerableSecretary, secretaryIdOfUser } from '../secretaries/secretaries.responsible';
import { noticeProblemsEscalated } from './problems.notices';
import { EscalationReason, Problem, ProblemAction, ProblemLevel, ProblemNote, ProblemStatus } from './problem.entity';
import type { ProblemFilter, ProblemMoveInput, RaiseProblemInput } from './problems.inputs';
import { readableProblem, scopedProblems } from './problems.scope';
import { now as clockNow } from '../../core/clock';

export const LIVE_STATUSES = [ProblemStatus.OPEN, ProblemStatus.IN_PROGRESS];

/**
 * The overdue rule of `isOverdue` in @kpd/domain (open or in progress after its deadline day) as SQL
 * over a problems alias, for counts the database makes; bind `live` to LIVE_STATUSES and `day`.
 */
export function overdueSql(alias: string, live: string, day: string): string {
  return `${alias}.status IN (:...${live}) AND ${alias}.deadline < :${day}`;
}

/** Today on the Asia/Shanghai calendar. */
export function today(now = clockNow()): string {
  return shanghaiDate(now);
}

/** The decisions of a dispatch meeting the viewer may read: its problems, in the order raised. */
export function decisionsOfMeeting(ctx: Context, meetingId: number): Promise<Problem[]> {
  return scopedProblems(ctx).andWhere('pr.meeting_id = :m', { m: meetingId }).orderBy('pr.id', 'ASC').getMany();
}

/** The rule-relevant state of a stored problem. */
export function stateOf(p: Problem): ProblemState {
  return {
    status: p.status,
    level: p.level,
    cityLeader: p.cityLeader,
    raisedDate: p.raisedDate,
    deadline: p.deadline,
    resolvedDate: p.resolvedDate,
    closedOutDate: p.closedOutDate,
    evidence: p.evidenceJson ? (JSON.parse(p.evidenceJson) as string[]) : [],
    escalationRequested: p.escalationRequested,
    reopenCount: p.reopenCount,
  };
}

export function evidenceOf(p: Problem): string[] {
  return p.evidenceJson ? (JSON.parse(p.evidenceJson) as string[]) : [];
}

/** A rule's refusal as BAD_USER_INPUT naming the input field. */
function asInputError(e: unknown, prefix = 'input'): never {
  if (e instanceof DomainError) throw new UserInputError(e.field === 'action' ? 'action' : `${prefix}.${e.field}`, e.reason);
  throw e;
}

function dayOrToday(value: string | null | undefined, field: string): string {
  const now = today();
  if (value === null || value === undefined) return now;
  if (!isCalendarDate(value)) throw new UserInputError(field, '日期应写作 YYYY-MM-DD');
  if (value > now) throw new UserInputError(field, '不能是将来的日期');
  return value;
}

/**
 * Raises a problem inside a transaction (also used by dispatch-meeting decisions). The caller has
 * checked that the viewer may raise it against this project.
 */
export async function insertProblem(ctx: Context, tx: Tx, project: Project, input: RaiseProblemInput, meetingId: number | null, at = 'input'): Promise<Problem> {
  const raisedDate = dayOrToday(input.raisedDate, `${at}.raisedDate`);
  const level = input.level ?? ProblemLevel.DISTRICT;
  if (level === ProblemLevel.CITY && !canAdminister(ctx.viewer, project.cityId)) {
    throw new ForbiddenError('Only a city admin lists a problem for city supervision (挂牌督办)');
  }
  let deadline: string;
  try {
    deadline = deadlineFromWorkingDays(raisedDate, input.workingDays);
    openProblem({ category: input.category, level, cityLeader: input.cityLeader ?? null, raisedDate, deadline });
  } catch (e) {
    asInputError(e, at);
  }
  const problems = [];
  if (!input.title.trim()) problems.push({ field: `${at}.title`, reason: '问题不能为空' });
  if (!input.ownerUnit.trim()) problems.push({ field: `${at}.ownerUnit`, reason: '须明确责任单位' });
  if (problems.length) throw UserInputError.of(problems);
  const raisedByUserId = ctx.viewer.userId;
  const secretaryId = await answerableSecretary(tx.em, isActingSecretary(ctx.viewer) ? raisedByUserId : null, project.id, raisedDate);
  const problem = await tx.em.save(
    tx.em.create(Problem, {
      projectId: project.id,
      areaId: project.areaId,
      cityId: project.cityId,
      category: input.category,
      title: input.title.trim(),
      description: input.description?.trim() ?? '',
      ownerUnit: input.ownerUnit.trim(),
      raisedByUserId,
      secretaryId,
      resolvedBySecretaryId: null,
      raisedBy: ctx.viewer.displayName ?? ctx.viewer.username ?? '',
      raisedDate,
      workingDays: input.workingDays,
      deadline: deadline!,
      level,
      cityLeader: level === ProblemLevel.CITY ? input.cityLeader!.trim() : null,
      status: ProblemStatus.OPEN,
      resolvedDate: null,
      daysToResolve: null,
      closedOutDate: null,
      evidenceJson: null,
      escalationRequested: false,
      escalationRequestReason: null,
      escalatedDate: level === ProblemLevel.CITY ? raisedDate : null,
      escalationReason: level === ProblemLevel.CITY ? EscalationReason.CITY_DECISION : null,
      reopenCount: 0,
      meetingId,
      version: 1,
    }),
  );
  await tx.audit({ action: 'problem.raise', entityType: 'Problem', entityId: problem.id, areaId: project.areaId, after: problem });
  return problem;
}

/** Raises a problem against a project: an admin over the project, or a secretary assigned to it. */
export async function raiseProblem(ctx: Context, input: RaiseProblemInput): Promise<Problem> {
  requireWriter(ctx.viewer);
  const project = await reportableProject(ctx, parseId(input.projectId, 'input.projectId'));
  return mutate(ctx, (tx) => insertProblem(ctx, tx, project, input, null));
}

/** Who may take which action: the project's people move it along; admins close out and reopen; the city escalates. */
async function checkMayAct(ctx: Context, problem: Problem, action: ProblemAction): Promise<void> {
  switch (action) {
    case ProblemAction.START:
    case ProblemAction.RESOLVE:
    case ProblemAction.REQUEST_ESCALATION:
      await reportableProject(ctx, problem.projectId);
      return;
    case ProblemAction.CLOSE_OUT:
    case ProblemAction.REOPEN:
      if (!canAdminister(ctx.viewer, problem.areaId)) throw new ForbiddenError('Only an admin of the problem’s area closes it out or reopens it');
      if (problem.level === ProblemLevel.CITY && !canAdminister(ctx.viewer, problem.cityId)) {
        throw new ForbiddenError('A problem under city supervision is closed out or reopened by the city');
      }
      return;
    case ProblemAction.ESCALATE:
      if (!canAdminister(ctx.viewer, problem.cityId)) throw new ForbiddenError('Only a city admin lists a problem for city supervision (挂牌督办)');
      return;
  }
}

/** The columns a move changes, from the rule's new state. */
function changes(before: Problem, next: ProblemState, action: ProblemAction, date: string, input: ProblemMoveInput): Partial<Problem> {
  const values: Partial<Problem> = {
    status: next.status as ProblemStatus,
    level: next.level as ProblemLevel,
    cityLeader: next.cityLeader,
    deadline: next.deadline,
    resolvedDate: next.resolvedDate,
    daysToResolve: next.resolvedDate ? daysBetween(before.raisedDate, next.resolvedDate) : null,
    closedOutDate: next.closedOutDate,
    evidenceJson: next.evidence.length ? JSON.stringify(next.evidence) : null,
    escalationRequested: next.escalationRequested,
    reopenCount: next.reopenCount,
  };
  if (action === ProblemAction.REQUEST_ESCALATION) values.escalationRequestReason = input.reason!.trim();
  if (action === ProblemAction.ESCALATE) {
    values.escalatedDate = date;
    const reasons = escalationReasons(stateOf(before), date);
    values.escalationReason = reasons.includes('DEADLINE_PASSED')
      ? EscalationReason.DEADLINE_PASSED
      : reasons.includes('DISTRICT_REQUESTED')
        ? EscalationReason.DISTRICT_REQUESTED
        : EscalationReason.CITY_DECISION;
  }
  return values;
}

/** Moves a problem through its state machine; a move the rule does not allow is BAD_USER_INPUT on `action`. */
export async function moveProblem(ctx: Context, id: number, action: ProblemAction, input: ProblemMoveInput): Promise<Problem> {
  requireWriter(ctx.viewer);
  const found = await readableProblem(ctx, id);
  await checkMayAct(ctx, found, action);
  const date = dayOrToday(input.date, 'input.date');
  return mutate(ctx, async (tx) => {
    const problem = await tx.em.findOneByOrFail(Problem, { id });
    if (problem.version !== input.version) {
      throw new ConflictError(`问题已被他人办理（当前版本 ${problem.version}，你提交的是 ${input.version}），请刷新后再操作`, { currentVersion: problem.version });
    }
    // Pictures of the evidence are attached in the same transaction: a refused move attaches nothing.
    const fileIds = input.evidenceFileIds ?? [];
    if (fileIds.length && action !== ProblemAction.CLOSE_OUT) throw new UserInputError('input.evidenceFileIds', '只有销号时可以附佐证材料');
    const attached = fileIds.length ? await attachFiles(ctx, tx, fileIds, { ownerType: PROBLEM_EVIDENCE, ownerId: id, areaId: problem.areaId, purpose: FilePurpose.PHOTO }, 'input.evidenceFileIds') : [];
    let next: ProblemState;
    try {
      next = transition(stateOf(problem), action, {
        date,
        evidence: [...(input.evidence ?? []), ...attached.map((f) => `附件：${f.name}`)],
        reason: input.reason ?? undefined,
        cityLeader: input.cityLeader ?? undefined,
        deadline: input.deadline ?? undefined,
      });
    } catch (e) {
      asInputError(e);
    }
    const values = changes(problem, next!, action, date, input);
    if (action === ProblemAction.RESOLVE) {
      values.resolvedBySecretaryId = isActingSecretary(ctx.viewer) ? await secretaryIdOfUser(tx.em, ctx.viewer.userId) : null;
    } else if (values.resolvedDate === null) {
      values.resolvedBySecretaryId = null;
    }
    const result = await tx.em
      .createQueryBuilder()
      .update(Problem)
      .set({ ...values, version: problem.version + 1, updatedAt: clockNow() })
      .where('id = :id AND version = :v', { id, v: problem.version })
      .execute();
    if (result.affected === 0) throw new ConflictError('问题刚被他人办理，请刷新后再操作', { currentVersion: problem.version + 1 });
    const after = await tx.em.findOneByOrFail(Problem, { id });
    await tx.audit({ action: `problem.${action.toLowerCase()}`, entityType: 'Problem', entityId: id, areaId: problem.areaId, before: problem, after });
    if (action === ProblemAction.ESCALATE) await noticeProblemsEscalated(tx.em, [after]);
    return after;
  });
}

/**
 * Lists every live district-level problem in the areas whose deadline passed (or whose district
 * asked, unless `onlyOverdue`) for city supervision under the named leader. Safe to repeat and to
 * run concurrently: each problem moves once, by a conditional update on its version; returns the
 * problems this run moved.
 */
export async function escalateDue(
  em: EntityManager,
  areaIds: number[] | null,
  date: string,
  cityLeader: string,
  audit: Tx['audit'],
  onlyOverdue = false,
): Promise<Problem[]> {
  const qb = em
    .getRepository(Problem)
    .createQueryBuilder('pr')
    .where('pr.level = :district AND pr.status IN (:...live)', { district: ProblemLevel.DISTRICT, live: LIVE_STATUSES })
    .andWhere(onlyOverdue ? 'pr.deadline < :date' : '(pr.deadline < :date OR pr.escalation_requested = :yes)', { date, yes: true });
  if (areaIds) qb.andWhere('pr.area_id IN (:...areaIds)', { areaIds });
  const due = await qb.orderBy('pr.id', 'ASC').getMany();
  const moved: Problem[] = [];
  for (const problem of due) {
    const state = stateOf(problem);
    const reasons = escalationReasons(state, date);
    if (onlyOverdue ? !reasons.includes('DEADLINE_PASSED') : reasons.length === 0) continue;
    const next = transition(state, 'ESCALATE', { date, cityLeader });
    const values = changes(problem, next, ProblemAction.ESCALATE, date, { version: problem.version });
    const result = await em
      .createQueryBuilder()
      .update(Problem)
      .set({ ...values, version: problem.version + 1, updatedAt: clockNow() })
      .where('id = :id AND version = :v AND level = :district', { id: problem.id, v: problem.version, district: ProblemLevel.DISTRICT })
      .execute();
    if (result.affected === 0) continue; // moved by a concurrent run
    const after = await em.findOneByOrFail(Problem, { id: problem.id });
    await audit({ action: 'problem.escalate', entityType: 'Problem', entityId: problem.id, areaId: problem.areaId, before: problem, after });
    moved.push(after);
  }
  await noticeProblemsEscalated(em, moved);
  return moved;
}

/** A city admin lists every overdue (or requested) district problem of an area for city supervision. */
export async function escalateOverdueProblems(ctx: Context, areaIdArg: string | null, cityLeader: string, dateArg: string | null): Promise<Problem[]> {
  requireWriter(ctx.viewer);
  const area = queryArea(ctx, parseOptionalId(areaIdArg, 'areaId'));
  const city = area.level === AreaLevel.CITY ? area : ctx.areas.cityOf(area.id);
  if (!city || !canAdminister(ctx.viewer, city.id)) throw new ForbiddenError('Only a city admin lists problems for city supervision (挂牌督办)');
  if (!cityLeader.trim()) throw new UserInputError('cityLeader', '市级挂牌督办须明确牵头市领导');
  const date = dayOrToday(dateArg, 'date');
  const areaIds = ctx.areas.subtree(area.id).map((a) => a.id);
  return mutate(ctx, async (tx) => {
    const moved = await escalateDue(tx.em, areaIds, date, cityLeader.trim(), tx.audit);
    if (moved.length === 0) tx.unchanged();
    return moved;
  });
}

export async function addProblemNote(ctx: Context, problemId: number, period: string, note: string): Promise<ProblemNote> {
  requireWriter(ctx.viewer);
  const problem = await readableProblem(ctx, problemId);
  await reportableProject(ctx, problem.projectId);
  if (period > periodOfDate(today())) throw new UserInputError('period', '不能为将来的月份写跟踪记录');
  if (period < periodOfDate(problem.raisedDate)) throw new UserInputError('period', '早于问题提出的月份');
  if (!note.trim()) throw new UserInputError('note', '跟踪记录不能为空');
  return mutate(ctx, async (tx) => {
    const row = await tx.em.save(
      tx.em.create(ProblemNote, { problemId, period, note: note.trim(), author: ctx.viewer.displayName ?? ctx.viewer.username ?? '', createdAt: clockNow() }),
    );
    await tx.audit({ action: 'problem.note', entityType: 'Problem', entityId: problemId, areaId: problem.areaId, after: row });
    return row;
  });
}

export async function listProblems(ctx: Context, filter: ProblemFilter | null, page: PageArgs): Promise<Page<Problem>> {
  const qb = scopedProblems(ctx);
  const f = filter ?? {};
  if (f.areaId !== null && f.areaId !== undefined) {
    const area = queryArea(ctx, parseId(f.areaId, 'filter.areaId'));
    qb.andWhere('pr.area_id IN (:...fAreas)', { fAreas: ctx.areas.subtree(area.id).map((a) => a.id) });
  }
  if (f.projectId !== null && f.projectId !== undefined) qb.andWhere('pr.project_id = :fProject', { fProject: parseId(f.projectId, 'filter.projectId') });
  if (f.meetingId !== null && f.meetingId !== undefined) qb.andWhere('pr.meeting_id = :fMeeting', { fMeeting: parseId(f.meetingId, 'filter.meetingId') });
  if (f.statuses?.length) qb.andWhere('pr.status IN (:...fStatuses)', { fStatuses: f.statuses });
  if (f.categories?.length) qb.andWhere('pr.category IN (:...fCategories)', { fCategories: f.categories });
  if (f.levels?.length) qb.andWhere('pr.level IN (:...fLevels)', { fLevels: f.levels });
  const now = f.asOf ?? today();
  if (f.overdue !== null && f.overdue !== undefined) {
    const cond = overdueSql('pr', 'fLive', 'fToday');
    qb.andWhere(f.overdue ? `(${cond})` : `NOT (${cond})`, { fLive: LIVE_STATUSES, fToday: now });
  }
  if (f.escalationDue) {
    qb.andWhere('pr.level = :fDistrict AND pr.status IN (:...fLive) AND (pr.deadline < :fToday OR pr.escalation_requested = :fYes)', {
      fDistrict: ProblemLevel.DISTRICT,
      fLive: LIVE_STATUSES,
      fToday: now,
      fYes: true,
    });
  }
  return paginate(qb, [
    { expression: 'pr.deadline', property: 'deadline', direction: 'ASC' },
    { expression: 'pr.id', property: 'id', direction: 'ASC' },
  ], page);
}

