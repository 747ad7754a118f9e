import { isActiveAssignment, isQuiet, isWithinLastDays, ratio, secretaryCoverage, daysSinceContact } from '@kpd/domain';
import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { parseId } from '../../core/ids';
import { pageOfList, type Page } from '../../core/pagination';
import { loader, type Context } from '../../core/context';
import { AreaLevel, type Area } from '../../core/areas/area.entity';
import { queryArea } from '../../core/areas/areas.service';
import { CitySettings } from '../../core/areas/city-settings.entity';
import { Project, ProjectStage } from '../projects/project.entity';
import { scopedProjects } from '../projects/projects.scope';
import { LIBRARY_MEMBER_SQL } from '../projects/projects.service';
import { problemFiguresBySecretary, type SecretaryProblemFigures } from '../problems/figures.service';
import { scopedSecretaries } from './secretaries.scope';
import { Secretary, SecretaryAssignment, ServiceLogEntry } from './secretary.entity';
import type { AreaDayArgs } from './secretaries.inputs';
import { todayOr } from './secretaries.service';
import { QuietProject, SecretaryAreaFigures, type SecretaryOverview, type SecretaryWorkload as SecretaryWorkloadType } from './secretaries.types';

// Coverage, workload and quiet projects of secretaries, computed by the database.

export interface KeyProjectState {
  project: { id: number; areaId: number; cityId: number };
  assignments: SecretaryAssignment[];
  covered: boolean;
  lastContactDate: string | null;
  quiet: boolean;
  daysSinceContact: number | null;
  noContactDays: number;
}

export interface AreaFigures {
  area: Area;
  secretaries: number;
  keyProjects: number;
  covered: number;
  coveragePercent: number | null;
  uncoveredProjectIds: number[];
  projectsServed: number;
  projectsPerSecretary: number | null;
  quietProjects: number;
}

/**
 * The key projects (library members under construction) of an area in the viewer's reach, with
 * their assignments, last contact and the no-contact warning of their city's N days.
 */
export async function keyProjectStates(ctx: Context, area: Area, today: string): Promise<KeyProjectState[]> {
  const areaIds = ctx.areas.subtree(area.id).map((a) => a.id);
  const projects = await scopedProjects(ctx)
    .select(['p.id', 'p.areaId', 'p.cityId'])
    .andWhere('p.areaId IN (:...kArea)', { kArea: areaIds })
    .andWhere('p.stage IN (:...kStages)', { kStages: [ProjectStage.NEW, ProjectStage.CONTINUING] })
    .andWhere(LIBRARY_MEMBER_SQL, { __no: false })
    .orderBy('p.id')
    .getMany();
  if (projects.length === 0) return [];
  const assignments = await ctx.db.getRepository(SecretaryAssignment).createQueryBuilder('a').where('a.areaId IN (:...kArea)', { kArea: areaIds }).getMany();
  const lastRows = await ctx.db
    .getRepository(ServiceLogEntry)
    .createQueryBuilder('l')
    .select('l.projectId', 'projectId')
    .addSelect('MAX(l.date)', 'last')
    .where('l.areaId IN (:...kArea)', { kArea: areaIds })
    .andWhere('l.date <= :today', { today })
    .groupBy('l.projectId')
    .getRawMany<{ projectId: number | string; last: string }>();
  const last = new Map(lastRows.map((r) => [Number(r.projectId), r.last]));
  const settings = await ctx.db.getRepository(CitySettings).findBy({ cityId: In([...new Set(projects.map((p) => p.cityId))]) });
  const nOf = new Map(settings.map((s) => [s.cityId, s.noContactDays]));
  const byProject = new Map<number, SecretaryAssignment[]>();
  for (const a of assignments) byProject.set(a.projectId, [...(byProject.get(a.projectId) ?? []), a]);
  const coverage = secretaryCoverage(projects.map((p) => ({ projectId: String(p.id), assignments: byProject.get(p.id) ?? [] })), today);
  const uncovered = new Set(coverage.uncoveredProjectIds.map(Number));
  return projects.map((p) => {
    const own = byProject.get(p.id) ?? [];
    const covered = !uncovered.has(p.id);
    const lastContactDate = last.get(p.id) ?? null;
    const noContactDays = nOf.get(p.cityId) ?? 30;
    const running = own.filter((a) => isActiveAssignment(a, today));
    const assignedDate = running.length ? running.map((a) => a.startDate).sort()[0] : null;
    return {
      project: p,
      assignments: own,
      covered,
      lastContactDate,
      quiet: covered && isQuiet({ lastContactDate, assignedDate, today, quietDays: noContactDays }),
      daysSinceContact: daysSinceContact(lastContactDate, today),
      noContactDays,
    };
  });
}

/** Figures of an area and of each district in it: secretaries, coverage, projects per secretary, quiet projects. */
export async function secretaryFigures(ctx: Context, areaId: string | null, today: string): Promise<{ total: AreaFigures; districts: AreaFigures[]; states: KeyProjectState[] }> {
  const area = queryArea(ctx, areaId == null ? null : parseId(areaId, 'areaId'));
  const states = await keyProjectStates(ctx, area, today);
  const areaIds = ctx.areas.subtree(area.id).map((a) => a.id);
  const secretaryRows = await scopedSecretaries(ctx)
    .select('s.areaId', 'areaId')
    .addSelect('COUNT(*)', 'n')
    .andWhere('s.areaId IN (:...fArea)', { fArea: areaIds })
    .groupBy('s.areaId')
    .getRawMany<{ areaId: number | string; n: number | string }>();
  const secretariesIn = new Map(secretaryRows.map((r) => [Number(r.areaId), Number(r.n)]));
  const districts = ctx.areas.subtree(area.id).filter((a) => a.level === AreaLevel.DISTRICT);
  const districtOf = (id: number) => districts.find((d) => d.id === id || ctx.areas.isWithin(id, d.id));
  const figures = (a: Area, own: KeyProjectState[], secretaries: number): AreaFigures => {
    const covered = own.filter((s) => s.covered).length;
    const served = covered;
    return {
      area: a,
      secretaries,
      keyProjects: own.length,
      covered,
      coveragePercent: own.length ? Math.round((covered * 1000) / own.length) / 10 : null,
      uncoveredProjectIds: own.filter((s) => !s.covered).map((s) => s.project.id),
      projectsServed: served,
      projectsPerSecretary: secretaries ? ratio(BigInt(served), BigInt(secretaries), 2) : null,
      quietProjects: own.filter((s) => s.quiet).length,
    };
  };
  const perDistrict = districts
    .filter((d) => ctx.viewer.scope?.contains(d.id))
    .map((d) => {
      const ids = new Set(ctx.areas.subtree(d.id).map((a) => a.id));
      const secretaries = [...secretariesIn.entries()].filter(([id]) => ids.has(id)).reduce((s, [, n]) => s + n, 0);
      return figures(d, states.filter((s) => districtOf(s.project.areaId)?.id === d.id), secretaries);
    });
  const total = figures(area, states, [...secretariesIn.values()].reduce((s, n) => s + n, 0));
  return { total, districts: perDistrict, states };
}

export interface SecretaryWorkload {
  projects: number;
  logEntriesLast30Days: number;
  lastContactDate: string | null;
  quietProjects: number;
  openProblems: number;
  overdueProblems: number;
  averageDaysToResolve: number | null;
}

/** The workloads of several secretaries, each on its day, in a fixed number of statements. */
export async function workloadsOf(ctx: Context, keys: readonly { s: Secretary; today: string }[]): Promise<SecretaryWorkload[]> {
  const ids = [...new Set(keys.map((k) => k.s.id))];
  const latest = keys.reduce((m, k) => (k.today > m ? k.today : m), '0000-00-00');
  const assignments = await ctx.db.getRepository(SecretaryAssignment).findBy({ secretaryId: In(ids) });
  const entries = await ctx.db
    .getRepository(ServiceLogEntry)
    .createQueryBuilder('l')
    .select(['l.secretaryId', 'l.date', 'l.projectId'])
    .where('l.secretaryId IN (:...ids)', { ids })
    .andWhere('l.date <= :latest', { latest })
    .getMany();
  const settings = await ctx.db.getRepository(CitySettings).findBy({ cityId: In([...new Set(keys.map((k) => k.s.cityId))]) });
  const quietDaysOf = new Map(settings.map((c) => [c.cityId, c.noContactDays]));
  const problemsOn = new Map<string, Map<number, SecretaryProblemFigures>>();
  for (const day of new Set(keys.map((k) => k.today))) {
    problemsOn.set(day, await problemFiguresBySecretary(ctx.db.manager, [...new Set(keys.filter((k) => k.today === day).map((k) => k.s.id))], day));
  }
  return keys.map(({ s, today }) => {
    const problems = problemsOn.get(today)?.get(s.id) ?? { open: 0, overdue: 0, resolved: 0, daysToResolveSum: 0 };
    const running = assignments.filter((a) => a.secretaryId === s.id && isActiveAssignment(a, today));
    const projectIds = [...new Set(running.map((a) => a.projectId))];
    const own = entries.filter((e) => e.secretaryId === s.id && e.date <= today);
    const lastOfProject = new Map<number, string>();
    for (const e of own) if ((lastOfProject.get(e.projectId) ?? '') < e.date) lastOfProject.set(e.projectId, e.date);
    const quietDays = quietDaysOf.get(s.cityId) ?? 30;
    return {
      projects: projectIds.length,
      logEntriesLast30Days: own.filter((e) => isWithinLastDays(e.date, today, 30)).length,
      lastContactDate: own.reduce<string | null>((m, e) => (m === null || e.date > m ? e.date : m), null),
      quietProjects: projectIds.filter((pid) => {
        const start = running.filter((a) => a.projectId === pid).map((a) => a.startDate).sort()[0];
        return isQuiet({ lastContactDate: lastOfProject.get(pid) ?? null, assignedDate: start, today, quietDays });
      }).length,
      openProblems: problems.open,
      overdueProblems: problems.overdue,
      averageDaysToResolve: ratio(BigInt(problems.daysToResolveSum), BigInt(problems.resolved), 1),
    };
  });
}

/** Projects loaded by id for nested fields; rows outside the viewer's reach stay out. */
export async function projectsByIds(ctx: Context, ids: number[]): Promise<Project[]> {
  if (ids.length === 0) return [];
  return scopedProjects(ctx).andWhere('p.id IN (:...ids)', { ids }).orderBy('p.name').addOrderBy('p.id').getMany();
}

/** Coverage and workload of an area and of each of its districts on a day. */
export async function secretaryOverview(ctx: Context, args: AreaDayArgs): Promise<SecretaryOverview> {
  const today = todayOr(ctx, args.today);
  const { total, districts } = await secretaryFigures(ctx, args.areaId ?? null, today);
  const wrap = (f: AreaFigures) => Object.assign(new SecretaryAreaFigures(), f);
  return { today, total: wrap(total), districts: districts.map(wrap) };
}

/** The key projects without contact for their city's N days, longest silence first, paged. */
export async function quietProjects(ctx: Context, args: AreaDayArgs): Promise<Page<QuietProject>> {
  const today = todayOr(ctx, args.today);
  const { states } = await secretaryFigures(ctx, args.areaId ?? null, today);
  const quiet = states
    .filter((s) => s.quiet)
    .sort((a, b) => (b.daysSinceContact ?? Infinity) - (a.daysSinceContact ?? Infinity) || a.project.id - b.project.id);
  const page = pageOfList(quiet, args);
  const projects = new Map((await projectsByIds(ctx, page.nodes.map((s) => s.project.id))).map((p) => [p.id, p]));
  const nodes = page.nodes.map((s) =>
    Object.assign(new QuietProject(), {
      project: projects.get(s.project.id)!,
      lastContactDate: s.lastContactDate,
      daysSinceContact: s.daysSinceContact,
      noContactDays: s.noContactDays,
      secretaryIds: s.assignments.filter((a) => a.startDate <= today && (a.endDate === null || a.endDate >= today)).map((a) => a.secretaryId),
    }),
  );
  return { ...page, nodes, edges: page.edges.map((e, i) => ({ cursor: e.cursor, node: nodes[i] })) };
}

/** A secretary's workload on a day (default today). */
export async function workloadOf(ctx: Context, s: Secretary, today: string | null): Promise<SecretaryWorkloadType> {
  const day = todayOr(ctx, today);
  const w = await loader(ctx, workloadLoader).load({ s, today: day });
  return { today: day, ...w };
}

const workloadLoader = (ctx: Context) =>
  new DataLoader<{ s: Secretary; today: string }, Awaited<ReturnType<typeof workloadsOf>>[number], string>((keys) => workloadsOf(ctx, keys), {
    cacheKeyFn: (k) => `${k.s.id}|${k.today}`,
  });
