import { isActiveAssignment, isCalendarDate, periodOfDate, requireEvaluationScore, shanghaiDate, teamConflict, DomainError } from '@kpd/domain';
import { canAdminister, canScoreSecretaries, isActingSecretary, isSignedIn, requireThat } from '../../core/auth/policy';
import { Role, User } from '../../core/auth/user.entity';
import { ConflictError, ForbiddenError, NotFoundError, UserInputError } from '../../core/errors';
import { parseId } from '../../core/ids';
import { containsPattern, LIKE_ESCAPE } from '../../core/like';
import { paginate, type Page, type PageArgs } from '../../core/pagination';
import { mutate } from '../../core/transaction';
import type { Context } from '../../core/context';
import { AreaLevel } from '../../core/areas/area.entity';
import { queryArea, readableArea } from '../../core/areas/areas.service';
import { Project } from '../projects/project.entity';
import { grantProjectAccess, revokeProjectAccess } from '../projects/secretary-access.service';
import { readableProject } from '../projects/projects.scope';
import type { AssignSecretaryInput, CreateSecretaryInput, EvaluationInput, SecretaryFilter, ServiceLogFilter, ServiceLogInput, UpdateSecretaryInput } from './secretaries.inputs';
import { editableSecretary, ownSecretary, readableSecretary, scopedSecretaries, scopedServiceLog } from './secretaries.scope';
import { Secretary, SecretaryAssignment, SecretaryEvaluation, ServiceLogEntry } from './secretary.entity';
import { now as clockNow } from '../../core/clock';

/** Today on the Asia/Shanghai calendar, or the day asked for. */
export function todayOr(ctx: Context, given: string | null | undefined): string {
  return given ?? shanghaiDate(clockNow());
}

function checkDate(value: string | null | undefined, field: string): void {
  if (value != null && !isCalendarDate(value)) throw new UserInputError(field, 'is not a day (YYYY-MM-DD)');
}

// ───────────────────────────── secretaries ─────────────────────────────

export async function listSecretaries(ctx: Context, filter: SecretaryFilter | null, page: PageArgs): Promise<Page<Secretary>> {
  const qb = scopedSecretaries(ctx);
  if (filter?.areaId != null) {
    const area = queryArea(ctx, parseId(filter.areaId, 'filter.areaId'));
    qb.andWhere('s.areaId IN (:...fArea)', { fArea: ctx.areas.subtree(area.id).map((a) => a.id) });
  }
  if (filter?.search) {
    qb.andWhere(`(s.name LIKE :q ${LIKE_ESCAPE} OR s.workUnit LIKE :q ${LIKE_ESCAPE})`, { q: containsPattern(filter.search) });
  }
  return paginate(qb, [
    { expression: 's.name', property: 'name', direction: 'ASC' },
    { expression: 's.id', property: 'id', direction: 'ASC' },
  ], page);
}

export function secretaryById(ctx: Context, id: string): Promise<Secretary> {
  return readableSecretary(ctx, parseId(id, 'id'));
}

async function linkableUser(ctx: Context, rawId: string, exceptSecretary: number | null): Promise<number> {
  const userId = parseId(rawId, 'input.userId');
  const user = await ctx.db.getRepository(User).findOneBy({ id: userId });
  if (!user || !isSignedIn(ctx.viewer) || !ctx.viewer.scope.contains(user.areaId)) throw new UserInputError('input.userId', '没有这个账号 (no such account in your scope)');
  if (user.role !== Role.SECRETARY) throw new UserInputError('input.userId', '账号角色须为服务秘书 (the account is not a SECRETARY account)');
  const taken = await ctx.db.getRepository(Secretary).findOneBy({ userId });
  if (taken && taken.id !== exceptSecretary) throw new UserInputError('input.userId', `该账号已关联服务秘书 ${taken.name} (already linked)`);
  return userId;
}

export async function createSecretary(ctx: Context, input: CreateSecretaryInput): Promise<Secretary> {
  const district = readableArea(ctx, parseId(input.districtId, 'input.districtId'), AreaLevel.DISTRICT);
  requireThat(ctx.viewer, canAdminister(ctx.viewer, district.id), 'Only an admin of the district may enter its secretaries');
  const userId = input.userId ? await linkableUser(ctx, input.userId, null) : null;
  const city = ctx.areas.cityOf(district.id);
  return mutate(ctx, async (tx) => {
    const s = await tx.em.save(
      tx.em.create(Secretary, {
        userId,
        areaId: district.id,
        cityId: city?.id ?? district.id,
        name: input.name.trim(),
        workUnit: input.workUnit.trim(),
        title: input.title.trim(),
        contact: input.contact.trim(),
        version: 1,
      }),
    );
    await tx.audit({ action: 'secretary.create', entityType: 'Secretary', entityId: s.id, areaId: s.areaId, after: s });
    return s;
  });
}

export async function updateSecretary(ctx: Context, id: number, input: UpdateSecretaryInput): Promise<Secretary> {
  const current = await editableSecretary(ctx, id);
  if (current.version !== input.version) throw new ConflictError('The secretary was changed in between; reload it', { currentVersion: current.version });
  const changes: Partial<Secretary> = {};
  for (const key of ['name', 'workUnit', 'title', 'contact'] as const) {
    const v = input[key];
    if (v != null && v.trim() !== current[key]) changes[key] = v.trim();
  }
  return mutate(ctx, async (tx) => {
    if (Object.keys(changes).length === 0) {
      tx.unchanged();
      return current;
    }
    const res = await tx.em
      .createQueryBuilder()
      .update(Secretary)
      .set({ ...changes, version: () => 'version + 1' })
      .where('id = :id AND version = :v', { id, v: input.version })
      .execute();
    if (!res.affected) throw new ConflictError('The secretary was changed in between; reload it');
    const after = await tx.em.findOneByOrFail(Secretary, { id });
    await tx.audit({ action: 'secretary.update', entityType: 'Secretary', entityId: id, areaId: after.areaId, before: current, after });
    return after;
  });
}

// ───────────────────────────── assignments ─────────────────────────────

export async function assignSecretary(ctx: Context, input: AssignSecretaryInput): Promise<SecretaryAssignment> {
  const project = await readableProject(ctx, parseId(input.projectId, 'input.projectId'));
  requireThat(ctx.viewer, canAdminister(ctx.viewer, project.areaId), 'Only an admin of the project’s area assigns its secretaries');
  const secretary = await readableSecretary(ctx, parseId(input.secretaryId, 'input.secretaryId'));
  checkDate(input.startDate, 'input.startDate');
  checkDate(input.endDate, 'input.endDate');
  const added = { startDate: input.startDate, endDate: input.endDate ?? null, teamRole: input.teamRole };
  if (added.endDate !== null && added.endDate < added.startDate) throw new UserInputError('input.endDate', '结束日期不能早于开始日期 (ends before it starts)');
  const today = todayOr(ctx, null);
  return mutate(ctx, async (tx) => {
    // Assignments of one project are decided one at a time: the project's row is locked first.
    const lock = tx.em.createQueryBuilder(Project, 'p').where('p.id = :id', { id: project.id });
    const type = tx.em.connection.options.type;
    await (type === 'mysql' || type === 'mariadb' ? lock.setLock('pessimistic_write') : lock).getOne();
    const existing = await tx.em.findBy(SecretaryAssignment, { projectId: project.id });
    if (existing.some((e) => e.secretaryId === secretary.id && (e.endDate ?? '9999-12-31') >= added.startDate && e.startDate <= (added.endDate ?? '9999-12-31'))) {
      throw new UserInputError('input.secretaryId', '该秘书在此期间已服务该项目 (already serves the project then)');
    }
    const conflict = teamConflict(existing, added);
    if (conflict) throw new UserInputError('input.teamRole', conflict);
    const a = await tx.em.save(tx.em.create(SecretaryAssignment, { secretaryId: secretary.id, projectId: project.id, areaId: project.areaId, ...added }));
    if (secretary.userId !== null && (added.endDate === null || added.endDate >= today)) await grantProjectAccess(tx.em, secretary.userId, [project.id]);
    await tx.audit({ action: 'secretary.assign', entityType: 'SecretaryAssignment', entityId: a.id, areaId: project.areaId, after: a });
    return a;
  });
}

export async function endAssignment(ctx: Context, id: number, endDate: string): Promise<SecretaryAssignment> {
  checkDate(endDate, 'endDate');
  const current = await ctx.db.getRepository(SecretaryAssignment).findOneBy({ id });
  if (!current) throw new NotFoundError('SecretaryAssignment', id);
  const project = await readableProject(ctx, current.projectId).catch(() => {
    throw new NotFoundError('SecretaryAssignment', id);
  });
  requireThat(ctx.viewer, canAdminister(ctx.viewer, project.areaId), 'Only an admin of the project’s area ends its assignments');
  if (endDate < current.startDate) throw new UserInputError('endDate', `结束日期不能早于开始日期 ${current.startDate} (ends before it starts)`);
  const today = todayOr(ctx, null);
  return mutate(ctx, async (tx) => {
    if (current.endDate === endDate) {
      tx.unchanged();
      return current;
    }
    await tx.em.update(SecretaryAssignment, { id }, { endDate });
    const after = { ...current, endDate };
    const secretary = await tx.em.findOneByOrFail(Secretary, { id: current.secretaryId });
    if (secretary.userId !== null && endDate < today) {
      const others = await tx.em.findBy(SecretaryAssignment, { secretaryId: secretary.id, projectId: project.id });
      if (!others.some((o) => o.id !== id && (o.endDate === null || o.endDate >= today))) await revokeProjectAccess(tx.em, secretary.userId, [project.id]);
    }
    await tx.audit({ action: 'secretary.endAssignment', entityType: 'SecretaryAssignment', entityId: id, areaId: project.areaId, before: current, after });
    return Object.assign(new SecretaryAssignment(), after);
  });
}

// ───────────────────────────── service log ─────────────────────────────

export async function logService(ctx: Context, input: ServiceLogInput): Promise<ServiceLogEntry> {
  const project = await readableProject(ctx, parseId(input.projectId, 'input.projectId'));
  let secretary: Secretary;
  if (isActingSecretary(ctx.viewer)) {
    const own = await ownSecretary(ctx);
    if (!own) throw new ForbiddenError('This account is not linked to a service secretary');
    if (input.secretaryId != null && parseId(input.secretaryId, 'input.secretaryId') !== own.id) throw new ForbiddenError('A secretary logs its own contacts only');
    secretary = own;
  } else if (canAdminister(ctx.viewer, project.areaId)) {
    if (input.secretaryId == null) throw new UserInputError('input.secretaryId', '请指定服务秘书 (whose contact it was)');
    secretary = await readableSecretary(ctx, parseId(input.secretaryId, 'input.secretaryId'));
  } else {
    throw new ForbiddenError('Only the project’s secretaries and admins log contacts with it');
  }
  checkDate(input.date, 'input.date');
  const today = todayOr(ctx, null);
  if (input.date > today) throw new UserInputError('input.date', `不能晚于今天 ${today} (in the future)`);
  const assignments = await ctx.db.getRepository(SecretaryAssignment).findBy({ secretaryId: secretary.id, projectId: project.id });
  if (assignments.length === 0) {
    if (isActingSecretary(ctx.viewer)) throw new ForbiddenError('You are not this project’s secretary');
    throw new UserInputError('input.secretaryId', '该秘书未被任命服务此项目 (not assigned to the project)');
  }
  if (!assignments.some((a) => isActiveAssignment(a, input.date))) {
    throw new UserInputError('input.date', '当天不在该秘书对此项目的任命期内 (not assigned to the project on that day)');
  }
  const summary = input.summary.trim();
  if (!summary) throw new UserInputError('input.summary', '不能为空 (is empty)');
  return mutate(ctx, async (tx) => {
    const entry = await tx.em.save(
      tx.em.create(ServiceLogEntry, { secretaryId: secretary.id, projectId: project.id, areaId: project.areaId, kind: input.kind, date: input.date, summary, recordedBy: ctx.viewer.username }),
    );
    await tx.audit({ action: 'serviceLog.create', entityType: 'ServiceLogEntry', entityId: entry.id, areaId: project.areaId, after: entry });
    return entry;
  });
}

export async function listServiceLog(ctx: Context, filter: ServiceLogFilter | null, page: PageArgs): Promise<Page<ServiceLogEntry>> {
  const qb = scopedServiceLog(ctx);
  const f = filter ?? {};
  if (f.areaId != null) {
    const area = queryArea(ctx, parseId(f.areaId, 'filter.areaId'));
    qb.andWhere('l.areaId IN (:...fArea)', { fArea: ctx.areas.subtree(area.id).map((a) => a.id) });
  }
  if (f.projectId != null) qb.andWhere('l.projectId = :fProject', { fProject: parseId(f.projectId, 'filter.projectId') });
  if (f.secretaryId != null) qb.andWhere('l.secretaryId = :fSec', { fSec: parseId(f.secretaryId, 'filter.secretaryId') });
  checkDate(f.from, 'filter.from');
  checkDate(f.to, 'filter.to');
  if (f.from) qb.andWhere('l.date >= :fFrom', { fFrom: f.from });
  if (f.to) qb.andWhere('l.date <= :fTo', { fTo: f.to });
  return paginate(qb, [
    { expression: 'l.date', property: 'date', direction: 'DESC' },
    { expression: 'l.id', property: 'id', direction: 'DESC' },
  ], page);
}

// ───────────────────────────── evaluation ─────────────────────────────

export function evaluatorName(ctx: Context): string {
  return ctx.viewer.username ?? 'unknown';
}

export async function scoreSecretary(ctx: Context, input: EvaluationInput): Promise<SecretaryEvaluation> {
  requireThat(ctx.viewer, canScoreSecretaries(ctx.viewer), 'Scores are entered by evaluator accounts');
  const secretary = await readableSecretary(ctx, parseId(input.secretaryId, 'input.secretaryId'));
  try {
    requireEvaluationScore(input.score, 'input.score');
  } catch (e) {
    if (e instanceof DomainError) throw new UserInputError(e.field, e.message);
    throw e;
  }
  const today = todayOr(ctx, null);
  if (input.period > periodOfDate(today)) throw new UserInputError('input.period', '评估期不能晚于本月 (in the future)');
  return mutate(ctx, async (tx) => {
    const before = await tx.em.findOneBy(SecretaryEvaluation, { secretaryId: secretary.id, period: input.period });
    const values = { score: input.score, comments: input.comments.trim(), evaluatedBy: evaluatorName(ctx) };
    if (before) await tx.em.update(SecretaryEvaluation, { id: before.id }, values);
    else await tx.em.insert(SecretaryEvaluation, { secretaryId: secretary.id, areaId: secretary.areaId, period: input.period, ...values });
    const after = await tx.em.findOneByOrFail(SecretaryEvaluation, { secretaryId: secretary.id, period: input.period });
    await tx.audit({ action: 'secretary.score', entityType: 'SecretaryEvaluation', entityId: after.id, areaId: secretary.areaId, before, after });
    return after;
  });
}

