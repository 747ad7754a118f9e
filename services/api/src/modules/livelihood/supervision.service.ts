import { adviceDueDate, adviceState, DEFAULT_ADVICE_WORKING_DAYS, DomainError, isCalendarDate, isSameImage, takenAtSite, type AdviceState } from '@kpd/domain';
import { In } from 'typeorm';
import { canAnswerSupervision, canRecordInspection, isSignedIn, requireThat } from '../../core/auth/policy';
import { outlineOf } from '../../core/areas/outlines';
import { attachFiles, FilePurpose, filesOf, registerFileAccess, type StoredFile } from '../../core/files';
import { ConflictError, NotFoundError, UserInputError, type FieldProblem } from '../../core/errors';
import { mutate } from '../../core/transaction';
import { loader, type Context } from '../../core/context';
import { isDuplicateKey } from './secrecy';
import { managedProject, readableProject, shanghaiToday } from './delivery.service';
import { LivelihoodProject } from './project.entity';
import { RosterEntry } from './session.entity';
import { Inspection, SupervisionAdvice, SupervisionGroup, SupervisionMember } from './supervision.entity';
import { inspectionsByProject, membersByGroup } from './supervision.loaders';

// 人大监督 (宁国): supervision groups of delegates per adopted project, their inspections with photos
// and findings, and the advices (督办建议) the lead department answers within working days.

export const INSPECTION_PHOTO = 'livelihood-inspection';

/** Inspection photos are read by signed-in viewers whose scope covers the project's congress. */
export function registerSupervisionFileAccess(): void {
  registerFileAccess(INSPECTION_PHOTO, async (ctx, file) => file.areaId !== null && readsPhotosOf(ctx, file.areaId));
}

function readsPhotosOf(ctx: Context, areaId: number): boolean {
  return isSignedIn(ctx.viewer) && ctx.viewer.scope.contains(areaId);
}

const text = (value: string | null | undefined, min: number, max: number): boolean => !!value && value.trim().length >= min && value.length <= max;

export interface GroupFields {
  name: string;
  /** Roster entries of the project's session. */
  memberIds: number[];
  /** One of memberIds. */
  leaderId: number | null;
}

/** Forms a supervision group of delegates from the roster of the session that adopted the project. */
export async function formGroup(ctx: Context, projectId: number, f: GroupFields): Promise<SupervisionGroup> {
  const project = await managedProject(ctx, projectId);
  const problems: FieldProblem[] = [];
  if (!text(f.name, 2, 64)) problems.push({ field: 'input.name', reason: '小组名称须为 2–64 个字 (2 to 64 characters)' });
  if (f.memberIds.length === 0 || f.memberIds.length > 30) problems.push({ field: 'input.memberIds', reason: '成员须为 1–30 名代表 (1 to 30 delegates)' });
  if (new Set(f.memberIds).size !== f.memberIds.length) problems.push({ field: 'input.memberIds', reason: '同一代表出现多次 (a delegate is listed twice)' });
  const entries = f.memberIds.length ? await ctx.db.getRepository(RosterEntry).findBy({ id: In(f.memberIds), sessionId: project.sessionId }) : [];
  f.memberIds.forEach((id, i) => {
    if (!entries.some((e) => e.id === id)) problems.push({ field: `input.memberIds[${i}]`, reason: '不是本次会议名册上的代表 (not on the session’s roster)' });
  });
  if (f.leaderId !== null && !f.memberIds.includes(f.leaderId)) problems.push({ field: 'input.leaderId', reason: '组长须为小组成员 (the leader must be a member)' });
  if (problems.length) throw UserInputError.of(problems);
  return mutate(ctx, async (tx) => {
    const group = tx.em.create(SupervisionGroup, { projectId, areaId: project.areaId, name: f.name.trim() });
    try {
      await tx.em.insert(SupervisionGroup, group);
    } catch (e) {
      if (isDuplicateKey(e)) throw new UserInputError('input.name', '该项目已有同名监督小组 (a group of that name exists)');
      throw e;
    }
    const members = f.memberIds.map((id) => {
      const entry = entries.find((e) => e.id === id)!;
      return { groupId: group.id, userId: entry.userId, name: entry.name, delegation: entry.delegation, leader: id === f.leaderId };
    });
    await tx.em.insert(SupervisionMember, members);
    await tx.audit({ action: 'livelihood.supervision.group', entityType: 'LivelihoodProject', entityId: projectId, areaId: project.areaId, after: { group: group.name, members: members.map((m) => m.name) } });
    return group;
  });
}

export interface AdviceFields {
  content: string;
  workingDays: number | null;
}

export interface InspectionFields {
  inspectedOn: string;
  place: string;
  findings: string;
  photoIds: string[];
  advices: AdviceFields[];
}

/**
 * Records an inspection by a group's delegate (or the congress's admins): the day (not in the
 * future, not before the project's year), place, findings, photos (checked as key projects'
 * progress photos are) and the advices, each due a number of working days after the inspection.
 */
export async function recordInspection(ctx: Context, groupId: number, f: InspectionFields): Promise<Inspection> {
  const group = await ctx.db.getRepository(SupervisionGroup).findOneBy({ id: groupId });
  if (!group) throw new NotFoundError('LivelihoodSupervisionGroup', groupId);
  const area = ctx.areas.get(group.areaId)!;
  requireThat(ctx.viewer, canRecordInspection(ctx.viewer, group.areaId, area.level, await isMember(ctx, groupId)), 'Inspections are recorded by the group’s delegates and the admins who run the congress');
  const project = await readableProject(ctx, group.projectId);
  const problems: FieldProblem[] = [];
  const today = shanghaiToday();
  if (!isCalendarDate(f.inspectedOn)) problems.push({ field: 'input.inspectedOn', reason: '不是日期 (not a date)' });
  else if (f.inspectedOn > today) problems.push({ field: 'input.inspectedOn', reason: '不能是将来的日期 (must not be in the future)' });
  else if (f.inspectedOn < `${project.year}-01-01`) problems.push({ field: 'input.inspectedOn', reason: `须在 ${project.year} 年或以后 (in ${project.year} or later)` });
  if (!text(f.place, 2, 200)) problems.push({ field: 'input.place', reason: '检查地点须为 2–200 个字 (2 to 200 characters)' });
  if (!text(f.findings, 2, 2000)) problems.push({ field: 'input.findings', reason: '发现问题须为 2–2000 个字 (2 to 2000 characters)' });
  if (f.photoIds.length > 20) problems.push({ field: 'input.photoIds', reason: '最多 20 张照片 (at most 20)' });
  if (f.advices.length > 10) problems.push({ field: 'input.advices', reason: '最多 10 条督办建议 (at most 10)' });
  const dues: string[] = [];
  f.advices.forEach((a, i) => {
    if (!text(a.content, 2, 500)) problems.push({ field: `input.advices[${i}].content`, reason: '督办建议须为 2–500 个字 (2 to 500 characters)' });
    if (!isCalendarDate(f.inspectedOn)) return;
    try {
      dues[i] = adviceDueDate(f.inspectedOn, a.workingDays ?? DEFAULT_ADVICE_WORKING_DAYS);
    } catch (e) {
      if (e instanceof DomainError) problems.push({ field: `input.advices[${i}].${e.field}`, reason: e.reason });
      else throw e;
    }
  });
  if (problems.length) throw UserInputError.of(problems);
  return mutate(ctx, async (tx) => {
    const inspection = tx.em.create(Inspection, { groupId, projectId: project.id, areaId: project.areaId, inspectedOn: f.inspectedOn, place: f.place.trim(), findings: f.findings.trim(), recordedByUserId: ctx.viewer.userId! });
    await tx.em.insert(Inspection, inspection);
    await attachFiles(ctx, tx, f.photoIds, { ownerType: INSPECTION_PHOTO, ownerId: inspection.id, areaId: project.areaId, purpose: FilePurpose.PHOTO }, 'input.photoIds');
    const advices = f.advices.map((a, i) =>
      tx.em.create(SupervisionAdvice, {
        inspectionId: inspection.id,
        projectId: project.id,
        areaId: project.areaId,
        content: a.content.trim(),
        department: project.leadDepartment,
        issuedOn: f.inspectedOn,
        workingDays: a.workingDays ?? DEFAULT_ADVICE_WORKING_DAYS,
        dueDate: dues[i],
        answer: null,
        answeredOn: null,
        answeredBy: null,
        answeredByUserId: null,
      }),
    );
    if (advices.length) await tx.em.insert(SupervisionAdvice, advices);
    await tx.audit({
      action: 'livelihood.supervision.inspect',
      entityType: 'LivelihoodProject',
      entityId: project.id,
      areaId: project.areaId,
      after: { group: group.name, inspectedOn: inspection.inspectedOn, findings: inspection.findings, photos: f.photoIds.length, advices: advices.map((a) => ({ content: a.content, dueDate: a.dueDate })) },
    });
    return inspection;
  });
}

async function isMember(ctx: Context, groupId: number): Promise<boolean> {
  if (ctx.viewer.userId === null) return false;
  return (await loader(ctx, membersByGroup).load(groupId)).some((m) => m.userId === ctx.viewer.userId);
}

/**
 * The lead department's answer to an advice, entered by an admin or responsible unit whose scope
 * covers the project. An advice is answered once: a second answer, even one racing the first, is refused.
 */
export async function answerAdvice(ctx: Context, id: number, answer: string, answeredBy: string): Promise<SupervisionAdvice> {
  const advice = await ctx.db.getRepository(SupervisionAdvice).findOneBy({ id });
  if (!advice || (isSignedIn(ctx.viewer) && !ctx.viewer.scope.contains(advice.areaId))) throw new NotFoundError('LivelihoodSupervisionAdvice', id);
  requireThat(ctx.viewer, canAnswerSupervision(ctx.viewer, advice.areaId), 'Advices are answered for the lead department by the admins and responsible units of the area');
  const problems: FieldProblem[] = [];
  if (!text(answer, 2, 2000)) problems.push({ field: 'input.answer', reason: '答复内容须为 2–2000 个字 (2 to 2000 characters)' });
  if (!text(answeredBy, 2, 100)) problems.push({ field: 'input.answeredBy', reason: '答复人须为 2–100 个字 (2 to 100 characters)' });
  if (problems.length) throw UserInputError.of(problems);
  if (advice.answeredOn !== null) throw new ConflictError(`该督办建议已于 ${advice.answeredOn} 答复 (already answered)`);
  return mutate(ctx, async (tx) => {
    const values = { answer: answer.trim(), answeredBy: answeredBy.trim(), answeredOn: shanghaiToday(), answeredByUserId: ctx.viewer.userId };
    const result = await tx.em.createQueryBuilder().update(SupervisionAdvice).set(values).where('id = :id AND answered_on IS NULL', { id }).execute();
    if (!result.affected) throw new ConflictError('该督办建议刚被答复 (answered a moment ago)');
    const after = Object.assign(advice, values);
    await tx.audit({ action: 'livelihood.supervision.answer', entityType: 'LivelihoodSupervisionAdvice', entityId: id, areaId: advice.areaId, before: null, after });
    return after;
  });
}

export function stateOf(advice: SupervisionAdvice, today = shanghaiToday()): AdviceState {
  return adviceState(advice, today);
}

export interface AdviceFilter {
  areaId: number;
  year: number | null;
  overdueOnly: boolean;
}

/**
 * The advices of an area's congresses (it and every one below), by due day: the list on which
 * overdue answers are flagged (overdueOnly: the unanswered ones past their due day).
 */
export async function advicesOf(ctx: Context, f: AdviceFilter): Promise<SupervisionAdvice[]> {
  if (!ctx.areas.get(f.areaId)) throw new NotFoundError('Area', f.areaId);
  const areaIds = ctx.areas.subtree(f.areaId).map((a) => a.id);
  const qb = ctx.db.getRepository(SupervisionAdvice).createQueryBuilder('a').where('a.area_id IN (:...areaIds)', { areaIds });
  if (f.year !== null) {
    const projectIds = (await ctx.db.getRepository(LivelihoodProject).find({ select: { id: true }, where: { areaId: In(areaIds), year: f.year } })).map((p) => p.id);
    if (projectIds.length === 0) return [];
    qb.andWhere('a.project_id IN (:...projectIds)', { projectIds });
  }
  if (f.overdueOnly) qb.andWhere('a.answered_on IS NULL AND a.due_date < :today', { today: shanghaiToday() });
  return qb.orderBy('a.due_date', 'ASC').addOrderBy('a.id', 'ASC').take(500).getMany();
}

export interface CheckedPhoto {
  file: StoredFile;
  takenBeforeInspection: boolean;
  outsideArea: boolean;
  reusedFromInspection: string | null;
  flags: string[];
}

const shanghaiDay = (d: Date): string => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * An inspection's photos with what the key projects' checks notice, as flags (not refusals): taken
 * (EXIF time) before the inspection day, taken (EXIF GPS) outside the congress's area, or the same
 * picture (perceptual hash) as one of an earlier inspection of the project.
 */
export async function inspectionPhotos(ctx: Context, inspection: Inspection): Promise<CheckedPhoto[]> {
  if (!readsPhotosOf(ctx, inspection.areaId)) return [];
  const files = await filesOf(ctx, INSPECTION_PHOTO).load(String(inspection.id));
  if (files.length === 0) return [];
  const outline = outlineOf(ctx.areas.get(inspection.areaId)?.code);
  const earlier = (await loader(ctx, inspectionsByProject).load(inspection.projectId)).filter((i) => i.inspectedOn < inspection.inspectedOn || (i.inspectedOn === inspection.inspectedOn && i.id < inspection.id));
  const earlierFiles = await Promise.all(earlier.map(async (i) => ({ on: i.inspectedOn, files: await filesOf(ctx, INSPECTION_PHOTO).load(String(i.id)) })));
  return files.map((file) => {
    const takenBeforeInspection = !!file.takenAt && shanghaiDay(file.takenAt) < inspection.inspectedOn;
    const outsideArea = !!outline && file.gpsLat !== null && file.gpsLng !== null && !takenAtSite([file.gpsLng, file.gpsLat], outline);
    let reusedFromInspection: string | null = null;
    if (file.perceptualHash) {
      for (const e of earlierFiles) if (e.files.some((x) => x.perceptualHash && isSameImage(x.perceptualHash, file.perceptualHash!))) reusedFromInspection = e.on;
    }
    const flags: string[] = [];
    if (takenBeforeInspection) flags.push(`拍摄时间（${shanghaiDay(file.takenAt!)}）早于检查日期 ${inspection.inspectedOn}`);
    if (outsideArea) flags.push('拍摄位置不在本行政区内');
    if (reusedFromInspection) flags.push(`与 ${reusedFromInspection} 检查的照片相同`);
    return { file, takenBeforeInspection, outsideArea, reusedFromInspection, flags };
  });
}

export interface SupervisionSummary {
  groups: number;
  inspections: number;
  advices: number;
  pending: number;
  overdue: number;
  answered: number;
}

export function summarise(groups: number, inspections: number, advices: SupervisionAdvice[], today = shanghaiToday()): SupervisionSummary {
  const states = advices.map((a) => adviceState(a, today));
  return {
    groups,
    inspections,
    advices: advices.length,
    pending: states.filter((s) => s === 'PENDING').length,
    overdue: states.filter((s) => s === 'OVERDUE').length,
    answered: states.filter((s) => s === 'ANSWERED' || s === 'ANSWERED_LATE').length,
  };
}
