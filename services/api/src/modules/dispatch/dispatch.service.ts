import { MUST_DISPATCH_REASON_LABELS, mustDispatchList, shanghaiDate, type ProjectStage as DomainStage, parsePeriod, periodOfDate, yearOf } from '@kpd/domain';
import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { canAdminister, canHoldMeetings, canReadFigures, requireThat } from '../../core/auth/policy';
import { ConflictError, UserInputError } from '../../core/errors';
import { parseId, parseOptionalId } from '../../core/ids';
import { paginate, type Page, type PageArgs } from '../../core/pagination';
import { mutate } from '../../core/transaction';
import type { Context } from '../../core/context';
import { Area, AreaLevel } from '../../core/areas/area.entity';
import { queryArea } from '../../core/areas/areas.service';
import { openProblemCounts } from '../problems/figures.service';
import { insertProblem } from '../problems/problems.service';
import type { Problem } from '../problems/problem.entity';
import { overdueProcedureCounts } from '../projects/procedures.service';
import { Project } from '../projects/project.entity';
import { isDuplicateKey } from '../projects/projects.service';
import { rankingCity, suggestedHost } from '../rankings/rankings.service';
import type { CreateMeetingInput, DecisionInput, RecordMeetingInput } from './dispatch.inputs';
import { readableMeeting, scopedMeetings } from './dispatch.scope';
import type { DispatchListEntry, MeetingHostSuggestion } from './dispatch.types';
import { DispatchAttendee, DispatchListItem, DispatchMeeting, MeetingKind, MustDispatchReason } from './meeting.entity';
import { now as clockNow } from '../../core/clock';

export interface ListEntry {
  project: Project;
  reasons: MustDispatchReason[];
  labels: string[];
}

/** The report list of an area by the must-dispatch rule (四个必调), with each project's reasons. */
export async function generateList(em: EntityManager, areaIds: number[]): Promise<ListEntry[]> {
  const projects = await em.find(Project, { where: { areaId: In(areaIds), stage: In(['RESERVE', 'NEW', 'CONTINUING']) }, order: { code: 'ASC' } });
  const open = await openProblemCounts(em, projects.map((p) => p.id));
  const overdue = await overdueProcedureCounts(em, projects.map((p) => p.id));
  const list = mustDispatchList(
    projects.map((p) => ({
      id: String(p.id),
      keyPush: p.keyPush,
      stage: p.stage as DomainStage,
      majorGovernmentInvestment: p.majorGovernmentInvestment,
      openProblemCount: open.get(p.id) ?? 0,
      overdueProcedureCount: overdue.get(p.id) ?? 0,
    })),
  );
  const byId = new Map(projects.map((p) => [String(p.id), p]));
  return list.map((e) => ({ project: byId.get(e.id)!, reasons: e.reasons as MustDispatchReason[], labels: e.labels }));
}

/** The area a meeting is held for: a district (its projects) or a city (all its districts' projects). */
function meetingArea(ctx: Context, areaIdArg: string | null | undefined, field: string): Area {
  const area = queryArea(ctx, parseOptionalId(areaIdArg ?? null, field));
  if (area.level !== AreaLevel.DISTRICT && area.level !== AreaLevel.CITY) throw new UserInputError(field, '调度会由区县或市召开 (must be a district or a city)');
  return area;
}

function requireAdmin(ctx: Context): void {
  requireThat(ctx.viewer, canHoldMeetings(ctx.viewer), 'Admins hold dispatch meetings');
}

export async function previewList(ctx: Context, areaIdArg: string | null): Promise<ListEntry[]> {
  requireThat(ctx.viewer, canReadFigures(ctx.viewer), 'Dispatch lists are read by admins and analysts');
  const area = meetingArea(ctx, areaIdArg, 'areaId');
  return generateList(ctx.db.manager, ctx.areas.subtree(area.id).map((a) => a.id));
}

/** A meeting the viewer may change: an admin whose scope covers the meeting's area. */
async function editableMeeting(ctx: Context, id: number): Promise<DispatchMeeting> {
  requireAdmin(ctx);
  const m = await readableMeeting(ctx, id);
  requireThat(ctx.viewer, canAdminister(ctx.viewer, m.areaId), 'Only the admins of the meeting’s area change it');
  return m;
}

export async function listMeetings(ctx: Context, areaIdArg: string | null, page: PageArgs): Promise<Page<DispatchMeeting>> {
  const qb = scopedMeetings(ctx);
  if (areaIdArg) {
    const area = queryArea(ctx, parseId(areaIdArg, 'areaId'));
    qb.andWhere('m.area_id IN (:...fAreas)', { fAreas: ctx.areas.subtree(area.id).map((a) => a.id) });
  }
  return paginate(qb, [
    { expression: 'm.period', property: 'period', direction: 'DESC' },
    { expression: 'm.id', property: 'id', direction: 'DESC' },
  ], page);
}

export async function createMeeting(ctx: Context, input: CreateMeetingInput): Promise<DispatchMeeting> {
  requireAdmin(ctx);
  const area = meetingArea(ctx, input.areaId, 'input.areaId');
  const city = area.level === AreaLevel.CITY ? area : ctx.areas.cityOf(area.id)!;
  let hostAreaId: number | null = null;
  if (input.kind === MeetingKind.ON_SITE) {
    if (area.level !== AreaLevel.CITY) throw new UserInputError('input.areaId', '现场推进会由市召开 (an on-site meeting is held by the city)');
    if (input.hostAreaId) {
      const host = ctx.areas.get(parseId(input.hostAreaId, 'input.hostAreaId'));
      if (!host || host.level !== AreaLevel.DISTRICT || ctx.areas.cityOf(host.id)?.id !== city.id) throw new UserInputError('input.hostAreaId', '承办县区须是本市的县区');
      hostAreaId = host.id;
    } else {
      const suggestion = await suggestedHost(ctx.db.manager, ctx.areas, city, input.period);
      if (!suggestion) throw new UserInputError('input.hostAreaId', '没有可依据的排名，请指定承办县区');
      hostAreaId = Number(suggestion.host.areaId);
    }
  }
  if (input.heldOn && periodOfDate(input.heldOn) < input.period) throw new UserInputError('input.heldOn', '召开日期早于调度月份');
  const kindLabel = input.kind === MeetingKind.ON_SITE ? '项目现场推进会' : '重点项目调度会';
  try {
    return await mutate(ctx, async (tx) => {
      const meeting = await tx.em.save(
        tx.em.create(DispatchMeeting, {
          areaId: area.id,
          cityId: city.id,
          kind: input.kind,
          period: input.period,
          title: input.title?.trim() || `${area.name}${yearOf(input.period)}年${parsePeriod(input.period).month}月${kindLabel}`,
          heldOn: input.heldOn ?? null,
          location: input.location?.trim() ?? '',
          hostAreaId,
          minutes: '',
          createdBy: ctx.viewer.username ?? '',
          createdAt: clockNow(),
          version: 1,
        }),
      );
      const list = await generateList(tx.em, ctx.areas.subtree(area.id).map((a) => a.id));
      if (list.length) {
        await tx.em.insert(DispatchListItem, list.map((e, i) => ({ meetingId: meeting.id, projectId: e.project.id, reasons: e.reasons.join(','), sortOrder: i + 1 })));
      }
      await tx.audit({ action: 'meeting.create', entityType: 'DispatchMeeting', entityId: meeting.id, areaId: area.id, after: { ...meeting, list: list.map((e) => ({ project: e.project.code, reasons: e.reasons })) } });
      return meeting;
    });
  } catch (e) {
    if (isDuplicateKey(e)) throw new ConflictError(`${area.name} ${input.period} 已有这类调度会`);
    throw e;
  }
}

export async function recordMeeting(ctx: Context, id: number, input: RecordMeetingInput): Promise<DispatchMeeting> {
  const meeting = await editableMeeting(ctx, id);
  const problems = [];
  if (input.heldOn && input.heldOn > shanghaiDate(clockNow())) problems.push({ field: 'input.heldOn', reason: '不能是将来的日期' });
  if (input.heldOn && periodOfDate(input.heldOn) < meeting.period) problems.push({ field: 'input.heldOn', reason: '召开日期早于调度月份' });
  (input.attendees ?? []).forEach((a, i) => {
    if (!a.name.trim()) problems.push({ field: `input.attendees[${i}].name`, reason: '姓名不能为空' });
  });
  if (problems.length) throw UserInputError.of(problems);
  return mutate(ctx, async (tx) => {
    const before = await tx.em.findOneByOrFail(DispatchMeeting, { id });
    const result = await tx.em
      .createQueryBuilder()
      .update(DispatchMeeting)
      .set({
        heldOn: input.heldOn ?? before.heldOn,
        location: input.location?.trim() ?? before.location,
        minutes: input.minutes ?? before.minutes,
        version: before.version + 1,
      })
      .where('id = :id AND version = :v', { id, v: input.version })
      .execute();
    if (result.affected === 0) throw new ConflictError(`会议记录已被他人修改（当前版本 ${before.version}），请刷新后再改`, { currentVersion: before.version });
    if (input.attendees) {
      await tx.em.delete(DispatchAttendee, { meetingId: id });
      if (input.attendees.length) await tx.em.insert(DispatchAttendee, input.attendees.map((a) => ({ meetingId: id, name: a.name.trim(), unit: a.unit.trim(), role: a.role?.trim() ?? '' })));
    }
    const after = await tx.em.findOneByOrFail(DispatchMeeting, { id });
    await tx.audit({ action: 'meeting.record', entityType: 'DispatchMeeting', entityId: id, areaId: meeting.areaId, before, after: { ...after, attendees: input.attendees } });
    return after;
  });
}

/** A decision of the meeting: a problem with its owner unit and deadline, raised against a listed project. */
export async function addDecision(ctx: Context, meetingId: number, input: DecisionInput): Promise<Problem> {
  const meeting = await editableMeeting(ctx, meetingId);
  const projectId = parseId(input.projectId, 'input.projectId');
  const onList = await ctx.db.getRepository(DispatchListItem).findOneBy({ meetingId, projectId });
  const project = await ctx.db.getRepository(Project).findOneBy({ id: projectId });
  if (!project || !ctx.areas.isWithin(project.areaId, meeting.areaId)) throw new UserInputError('input.projectId', '项目不属于本次调度会的区域');
  if (!onList) throw new UserInputError('input.projectId', '项目不在本次调度会的汇报清单上');
  return mutate(ctx, (tx) => insertProblem(ctx, tx, project, { ...input, raisedDate: input.raisedDate ?? meeting.heldOn }, meeting.id));
}

export async function listOf(ctx: Context, meetingId: number): Promise<{ project: Project; reasons: MustDispatchReason[]; sortOrder: number }[]> {
  const items = await ctx.db.getRepository(DispatchListItem).find({ where: { meetingId }, order: { sortOrder: 'ASC' } });
  const projects = items.length ? await ctx.db.getRepository(Project).findBy({ id: In(items.map((i) => i.projectId)) }) : [];
  const byId = new Map(projects.map((p) => [p.id, p]));
  return items.filter((i) => byId.has(i.projectId)).map((i) => ({ project: byId.get(i.projectId)!, reasons: i.reasons.split(',').filter(Boolean) as MustDispatchReason[], sortOrder: i.sortOrder }));
}

/** Who should host the city's bimonthly on-site meeting: the best-ranked county of the last ranking before the month. */
export async function hostSuggestion(ctx: Context, cityIdArg: string, period: string): Promise<MeetingHostSuggestion | null> {
  const city = rankingCity(ctx, parseId(cityIdArg, 'cityId'));
  const s = await suggestedHost(ctx.db.manager, ctx.areas, city, period);
  if (!s) return null;
  return {
    host: ctx.areas.get(Number(s.host.areaId))!,
    rank: s.host.rank!,
    score: s.host.score,
    tied: s.tied.map((t) => ctx.areas.get(Number(t.areaId))!),
    basedOn: s.basedOn,
    published: s.published,
  };
}

/** The report list of a meeting, in order, with each project's reasons in words. */
export async function meetingList(ctx: Context, meetingId: number): Promise<DispatchListEntry[]> {
  return (await listOf(ctx, meetingId)).map((e) => ({ project: e.project, reasons: e.reasons, labels: e.reasons.map((r) => MUST_DISPATCH_REASON_LABELS[r]) }));
}

/** The report list an area's meeting would take now. */
export async function dispatchListOf(ctx: Context, areaIdArg: string | null): Promise<DispatchListEntry[]> {
  return (await previewList(ctx, areaIdArg)).map((e) => ({ project: e.project, reasons: e.reasons, labels: e.labels }));
}
