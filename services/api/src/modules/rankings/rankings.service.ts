import {
  DEFAULT_RANKING_WEIGHTS,
  bestRankedArea,
  lastDayOf,
  rankAreas,
  type AreaKind as RankedKind,
  type AreaMonthFigures,
  type RankedArea,
  type RankingWeights,
  addMonths,
  firstDayOf,
  periodOfInstant,
  yearToDate,
  canonicalJson,
} from '@kpd/domain';
import type { EntityManager } from 'typeorm';
import { canAdminister, canReadFigures, concernsViewer, requireThat, signedIn } from '../../core/auth/policy';
import { fen, toInt } from '../../core/columns';
import { ConflictError, NotFoundError, UserInputError } from '../../core/errors';
import { parseId } from '../../core/ids';
import { mutate } from '../../core/transaction';
import type { Context } from '../../core/context';
import { isDuplicateKey, LIBRARY_MEMBER_SQL } from '../projects/projects.service';
import type { AreaDirectory } from '../../core/areas/area-directory';
import { Area, AreaKind, AreaLevel } from '../../core/areas/area.entity';
import { rankingWeightsOf } from '../../core/areas/areas.service';
import { CitySettings } from '../../core/areas/city-settings.entity';
import { InvestmentSummary } from '../projects/investment-summary';
import { ProjectMilestone } from '../projects/plan.entity';
import { ProjectLight } from '../projects/light.entity';
import { Project } from '../projects/project.entity';
import { RankingEntry, RankingPublication } from './ranking.entity';
import type { Ranking, RankHistoryEntry, RankingRow } from './rankings.types';
import { now as clockNow } from '../../core/clock';
import { sha256Hex } from '../../core/digest';

export const UNDER_CONSTRUCTION = ['NEW', 'CONTINUING'];


const KIND: Partial<Record<AreaKind, RankedKind>> = {
  [AreaKind.URBAN_DISTRICT]: 'DISTRICT',
  [AreaKind.COUNTY]: 'COUNTY',
  [AreaKind.COUNTY_LEVEL_CITY]: 'COUNTY_LEVEL_CITY',
  [AreaKind.DEVELOPMENT_ZONE]: 'DEVELOPMENT_ZONE',
};

/** The ranking's viewer: admins and analysts of the city, of one of its districts, or above it. */
export function rankingCity(ctx: Context, cityIdArg: number): Area {
  const viewer = signedIn(ctx.viewer);
  const city = ctx.areas.get(cityIdArg);
  if (!city || city.level !== AreaLevel.CITY) throw new NotFoundError('City', cityIdArg);
  requireThat(viewer, canReadFigures(viewer), 'Rankings are read by admins and analysts');
  requireThat(viewer, concernsViewer(viewer, city.id), 'That city is outside your scope');
  return city;
}

/** Every district's figures for the month, each computed by the database with GROUP BY area. */
export async function monthFigures(em: EntityManager, areas: AreaDirectory, cityId: number, period: string): Promise<AreaMonthFigures[]> {
  const districts = areas.ofLevel(AreaLevel.DISTRICT, cityId);
  if (districts.length === 0) return [];
  const ids = districts.map((d) => d.id);
  const january = yearToDate(period)[0];
  const counts = await em
    .createQueryBuilder(Project, 'p')
    .select('p.area_id', 'areaId')
    .addSelect('COUNT(*)', 'n')
    .where('p.area_id IN (:...ids) AND p.stage IN (:...uc)', { ids, uc: UNDER_CONSTRUCTION })
    .andWhere(LIBRARY_MEMBER_SQL, { __no: false })
    .groupBy('p.area_id')
    .getRawMany<{ areaId: unknown; n: unknown }>();
  const milestones = await em
    .createQueryBuilder(ProjectMilestone, 'm')
    .innerJoin(Project, 'p', 'p.id = m.project_id')
    .select('p.area_id', 'areaId')
    .addSelect('COUNT(*)', 'due')
    .addSelect('SUM(CASE WHEN m.met_date IS NOT NULL AND m.met_date <= m.due_date THEN 1 ELSE 0 END)', 'met')
    .where('p.area_id IN (:...ids) AND p.stage IN (:...uc)', { ids, uc: UNDER_CONSTRUCTION })
    .andWhere('m.due_date >= :from AND m.due_date <= :to', { from: firstDayOf(january), to: lastDayOf(period) })
    .groupBy('p.area_id')
    .getRawMany<{ areaId: unknown; due: unknown; met: unknown }>();
  const sums = await em
    .createQueryBuilder(InvestmentSummary, 's')
    .select('s.area_id', 'areaId')
    .addSelect('SUM(s.planned)', 'planned')
    .addSelect('SUM(s.actual)', 'actual')
    .where('s.area_id IN (:...ids) AND s.stage IN (:...uc)', { ids, uc: UNDER_CONSTRUCTION })
    .andWhere('s.period >= :from AND s.period <= :to', { from: january, to: period })
    .groupBy('s.area_id')
    .getRawMany<{ areaId: unknown; planned: unknown; actual: unknown }>();
  const planned = sums.map((r) => ({ areaId: r.areaId, amount: r.planned }));
  const actual = sums.map((r) => ({ areaId: r.areaId, amount: r.actual }));
  const lights = await em
    .createQueryBuilder(ProjectLight, 'l')
    .select('l.area_id', 'areaId')
    .addSelect('l.color', 'color')
    .addSelect('COUNT(*)', 'n')
    .where('l.area_id IN (:...ids) AND l.period = :period', { ids, period })
    .groupBy('l.area_id')
    .addGroupBy('l.color')
    .getRawMany<{ areaId: unknown; color: string; n: unknown }>();
  const by = <T extends { areaId: unknown }>(rows: T[]) => new Map(rows.map((r) => [toInt(r.areaId), r]));
  const c = by(counts);
  const m = by(milestones);
  const pl = by(planned);
  const ac = by(actual);
  return districts.map((d) => {
    const lit = { green: 0, yellow: 0, red: 0 };
    for (const l of lights) {
      if (toInt(l.areaId) !== d.id) continue;
      const key = l.color.toLowerCase() as keyof typeof lit;
      if (key in lit) lit[key] += toInt(l.n);
    }
    return {
      areaId: String(d.id),
      name: d.name,
      cityId: String(cityId),
      kind: KIND[d.kind] ?? 'DISTRICT',
      projectCount: toInt(c.get(d.id)?.n ?? 0),
      milestonesDue: toInt(m.get(d.id)?.due ?? 0),
      milestonesMetOnTime: toInt(m.get(d.id)?.met ?? 0),
      ytdPlanned: fen(pl.get(d.id)?.amount),
      ytdActual: fen(ac.get(d.id)?.amount),
      lights: lit,
    };
  });
}

export interface RankingLine extends RankedArea {
  milestonesDue: number;
  milestonesMetOnTime: number;
  ytdPlanned: bigint;
  ytdActual: bigint;
}

export interface RankingResult {
  city: Area;
  period: string;
  published: boolean;
  publishedBy: string | null;
  publishedAt: Date | null;
  /** The published snapshot's SHA-256 (null when live, or published before rankings were hashed). */
  sha256?: string | null;
  weights: RankingWeights;
  lines: RankingLine[];
}

async function weightsOf(em: EntityManager, cityId: number): Promise<RankingWeights> {
  const settings = await em.findOneBy(CitySettings, { cityId });
  return settings ? rankingWeightsOf(settings) : { ...DEFAULT_RANKING_WEIGHTS };
}

/** The month's ranking computed now, by the domain rule over the database's figures. */
export async function liveRanking(em: EntityManager, areas: AreaDirectory, city: Area, period: string): Promise<RankingResult> {
  const figures = await monthFigures(em, areas, city.id, period);
  const weights = await weightsOf(em, city.id);
  const byId = new Map(figures.map((f) => [f.areaId, f]));
  const lines = rankAreas(figures, weights).map((r) => {
    const f = byId.get(r.areaId)!;
    return { ...r, milestonesDue: f.milestonesDue, milestonesMetOnTime: f.milestonesMetOnTime, ytdPlanned: f.ytdPlanned, ytdActual: f.ytdActual };
  });
  return { city, period, published: false, publishedBy: null, publishedAt: null, weights, lines };
}

const tenths = (n: number | null) => (n === null ? null : Math.round(n * 10));
const fromTenths = (n: number | null) => (n === null ? null : n / 10);

/** A published ranking as frozen, or null. */
export async function publishedRanking(em: EntityManager, areas: AreaDirectory, city: Area, period: string): Promise<RankingResult | null> {
  const pub = await em.findOneBy(RankingPublication, { cityId: city.id, period });
  if (!pub) return null;
  const entries = await em.find(RankingEntry, { where: { publicationId: pub.id }, order: { id: 'ASC' } });
  return {
    city,
    period,
    published: true,
    publishedBy: pub.publishedBy,
    publishedAt: pub.publishedAt,
    sha256: pub.sha256,
    weights: JSON.parse(pub.weightsJson) as RankingWeights,
    lines: entries.map((e) => entryLine(areas, e)),
  };
}

export function entryLine(areas: AreaDirectory, e: RankingEntry): RankingLine {
  const area = areas.get(e.areaId);
  return {
    areaId: String(e.areaId),
    name: area?.name ?? '',
    cityId: String(e.cityId),
    kind: (area && KIND[area.kind]) ?? 'DISTRICT',
    projectCount: e.projectCount,
    milestoneRate: fromTenths(e.milestoneRateTenths),
    investmentRate: fromTenths(e.investmentRateTenths),
    lights: { green: e.green, yellow: e.yellow, red: e.red, total: e.green + e.yellow + e.red },
    lightScore: fromTenths(e.lightScoreTenths),
    score: e.scoreHundredths === null ? null : e.scoreHundredths / 100,
    rank: e.rank,
    milestonesDue: e.milestonesDue,
    milestonesMetOnTime: e.milestonesMetOnTime,
    ytdPlanned: e.ytdPlanned,
    ytdActual: e.ytdActual,
  };
}

export async function ranking(ctx: Context, cityId: number, period: string): Promise<RankingResult> {
  const city = rankingCity(ctx, cityId);
  return (await publishedRanking(ctx.db.manager, ctx.areas, city, period)) ?? liveRanking(ctx.db.manager, ctx.areas, city, period);
}

/** Freezes the month's ranking (city admins, for an ended month); a second publication is CONFLICT. */
export async function publishRanking(ctx: Context, cityId: number, period: string, now = clockNow()): Promise<RankingResult> {
  const city = rankingCity(ctx, cityId);
  requireThat(ctx.viewer, canAdminister(ctx.viewer, city.id), 'Only the city’s admins publish its ranking');
  const current = periodOfInstant(now);
  if (period >= current) throw new UserInputError('period', '只能通报已结束的月份');
  try {
    return await mutate(ctx, async (tx) => {
      const live = await liveRanking(tx.em, ctx.areas, city, period);
      // Whole seconds: what both databases store of a datetime, so the hash verifies from the stored row.
      const publishedAt = new Date(Math.floor(now.getTime() / 1000) * 1000);
      const pub = await tx.em.save(
        tx.em.create(RankingPublication, { cityId: city.id, period, weightsJson: JSON.stringify(live.weights), publishedBy: ctx.viewer.username ?? '', publishedAt, sha256: null }),
      );
      if (live.lines.length) {
        await tx.em.insert(
          RankingEntry,
          live.lines.map((l) => ({
            publicationId: pub.id,
            cityId: city.id,
            period,
            areaId: Number(l.areaId),
            projectCount: l.projectCount,
            milestonesDue: l.milestonesDue,
            milestonesMetOnTime: l.milestonesMetOnTime,
            ytdPlanned: l.ytdPlanned,
            ytdActual: l.ytdActual,
            green: l.lights.green,
            yellow: l.lights.yellow,
            red: l.lights.red,
            milestoneRateTenths: tenths(l.milestoneRate),
            investmentRateTenths: tenths(l.investmentRate),
            lightScoreTenths: tenths(l.lightScore),
            scoreHundredths: l.score === null ? null : Math.round(l.score * 100),
            rank: l.rank,
          })),
        );
      }
      pub.sha256 = sha256Hex(await rankingCanonical(tx.em, pub));
      await tx.em.update(RankingPublication, { id: pub.id }, { sha256: pub.sha256 });
      await tx.audit({ action: 'ranking.publish', entityType: 'Ranking', entityId: `${city.id}:${period}`, areaId: city.id, after: { period, sha256: pub.sha256, lines: live.lines.map((l) => ({ area: l.name, score: l.score, rank: l.rank })) } });
      return { ...live, published: true, publishedBy: pub.publishedBy, publishedAt: pub.publishedAt, sha256: pub.sha256 };
    });
  } catch (e) {
    if (isDuplicateKey(e)) {
      const existing = await ctx.db.getRepository(RankingPublication).findOneBy({ cityId: city.id, period });
      throw new ConflictError(`${city.name} ${period} 的排名已由 ${existing?.publishedBy ?? '他人'} 通报，通报后不再改动`);
    }
    throw e;
  }
}

/**
 * The canonical JSON of a published ranking, read back from its stored rows: the city, month,
 * weights, who and when, and every district's line with the figures it was ranked on, in rank order.
 * Its SHA-256 is the publication's hash.
 */
export async function rankingCanonical(em: EntityManager, pub: RankingPublication): Promise<string> {
  const entries = await em.find(RankingEntry, { where: { publicationId: pub.id }, order: { id: 'ASC' } });
  return canonicalJson({
    kind: 'ranking',
    cityId: pub.cityId,
    period: pub.period,
    weights: JSON.parse(pub.weightsJson),
    publishedBy: pub.publishedBy,
    publishedAt: new Date(pub.publishedAt).toISOString(),
    rows: entries.map((e) => ({
      areaId: e.areaId,
      rank: e.rank,
      projectCount: e.projectCount,
      milestonesDue: e.milestonesDue,
      milestonesMetOnTime: e.milestonesMetOnTime,
      ytdPlanned: e.ytdPlanned.toString(),
      ytdActual: e.ytdActual.toString(),
      green: e.green,
      yellow: e.yellow,
      red: e.red,
      milestoneRateTenths: e.milestoneRateTenths,
      investmentRateTenths: e.investmentRateTenths,
      lightScoreTenths: e.lightScoreTenths,
      scoreHundredths: e.scoreHundredths,
    })),
  });
}

/** Recomputes a published ranking's hash from its stored rows (`pnpm verify-publication ranking:<id>`). */
export async function verifyRankingPublication(em: EntityManager, id: number): Promise<{ id: number; stored: string | null; computed: string; ok: boolean }> {
  const pub = await em.findOneBy(RankingPublication, { id });
  if (!pub) throw new NotFoundError('RankingPublication', id);
  const computed = sha256Hex(await rankingCanonical(em, pub));
  return { id, stored: pub.sha256, computed, ok: pub.sha256 === computed };
}

/** A district's published ranks, oldest first. */
export async function rankHistory(ctx: Context, districtId: number): Promise<(RankingLine & { period: string; districtCount: number })[]> {
  const district = ctx.areas.get(districtId);
  if (!district || district.level !== AreaLevel.DISTRICT) throw new NotFoundError('District', districtId);
  const city = ctx.areas.cityOf(district.id);
  if (!city) throw new NotFoundError('District', districtId);
  rankingCity(ctx, city.id);
  const entries = await ctx.db.getRepository(RankingEntry).find({ where: { areaId: district.id }, order: { period: 'ASC' } });
  const totals = await ctx.db
    .getRepository(RankingEntry)
    .createQueryBuilder('e')
    .select('e.publication_id', 'pub')
    .addSelect('COUNT(*)', 'n')
    .where('e.city_id = :city AND e.rank IS NOT NULL', { city: city.id })
    .groupBy('e.publication_id')
    .getRawMany<{ pub: unknown; n: unknown }>();
  const n = new Map(totals.map((t) => [toInt(t.pub), toInt(t.n)]));
  return entries.map((e) => ({ ...entryLine(ctx.areas, e), period: e.period, districtCount: n.get(e.publicationId) ?? 0 }));
}

/**
 * The suggested host of the city's bimonthly on-site meeting: the best-ranked county or district of
 * the last published ranking before the month (the live ranking of the previous month when none was published).
 */
export async function suggestedHost(em: EntityManager, areas: AreaDirectory, city: Area, period: string): Promise<{ host: RankingLine; tied: RankingLine[]; basedOn: string; published: boolean } | null> {
  const pub = await em
    .getRepository(RankingPublication)
    .createQueryBuilder('p')
    .where('p.city_id = :city AND p.period < :period', { city: city.id, period })
    .orderBy('p.period', 'DESC')
    .getOne();
  let result: RankingResult;
  if (pub) result = (await publishedRanking(em, areas, city, pub.period))!;
  else {
    result = await liveRanking(em, areas, city, addMonths(period, -1));
  }
  const best = bestRankedArea(result.lines, String(city.id));
  if (!best) return null;
  return { host: best.host as RankingLine, tied: best.tied as RankingLine[], basedOn: result.period, published: result.published };
}

/** A ranking line as the API answers it. */
export function rankingRow(ctx: Context, l: RankingLine): RankingRow {
  return {
    district: ctx.areas.get(Number(l.areaId))!,
    rank: l.rank,
    score: l.score,
    projectCount: l.projectCount,
    milestonesDue: l.milestonesDue,
    milestonesMetOnTime: l.milestonesMetOnTime,
    milestoneRate: l.milestoneRate,
    ytdPlanned: l.ytdPlanned,
    ytdActual: l.ytdActual,
    investmentRate: l.investmentRate,
    green: l.lights.green,
    yellow: l.lights.yellow,
    red: l.lights.red,
    lightScore: l.lightScore,
  };
}


function rankingOut(ctx: Context, r: RankingResult): Ranking {
  return { ...r, sha256: r.sha256 ?? null, rows: r.lines.map((l) => rankingRow(ctx, l)) };
}

export async function rankingOf(ctx: Context, cityIdArg: string, period: string): Promise<Ranking> {
  return rankingOut(ctx, await ranking(ctx, parseId(cityIdArg, 'cityId'), period));
}

export async function publishRankingOf(ctx: Context, cityIdArg: string, period: string): Promise<Ranking> {
  return rankingOut(ctx, await publishRanking(ctx, parseId(cityIdArg, 'cityId'), period));
}

export async function rankHistoryOf(ctx: Context, districtIdArg: string): Promise<RankHistoryEntry[]> {
  const entries = await rankHistory(ctx, parseId(districtIdArg, 'districtId'));
  return entries.map((e) => ({ ...rankingRow(ctx, e), period: e.period, ranked: e.districtCount }));
}
