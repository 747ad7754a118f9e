/**
 * Monthly rankings of districts and counties (DESIGN.md "Rankings and roll-ups"; report 001:
 * "逐月对各部门、各地区节点任务完成情况排名进行通报"; report 003: Fuxin's bimonthly project meeting
 * is held on site in the best-performing county, "哪个县区、部门干得好就跑到哪里开会").
 *
 * Rates are exact fractions until the end; the score is computed exactly from the city's weights
 * (taken to nine decimals) and rounded to two decimals, and ranks are given on that rounded score —
 * the figure that is published is the figure that was ranked.
 */
import { DomainError } from './errors';
import type { Fen } from './money';
import {
  addFractions,
  compareFractions,
  type Fraction,
  formatFraction,
  fraction,
  multiplyFractions,
  roundFraction,
} from './ratios';
import { requireNonNegativeFen, requireNonNegativeInteger } from './validate';

/** The city's weights of the three components; each ≥ 0, adding up to 1 (± 1e-9). */
export interface RankingWeights {
  milestoneRate: number;
  investmentRate: number;
  lights: number;
}

export const DEFAULT_RANKING_WEIGHTS: Readonly<RankingWeights> = {
  milestoneRate: 0.4,
  investmentRate: 0.4,
  lights: 0.2,
};

const WEIGHT_KEYS = ['milestoneRate', 'investmentRate', 'lights'] as const;
const WEIGHT_SCALE = 1_000_000_000n;

/** Kinds of area a city ranks; departments are ranked too (report 001) but do not host meetings. */
export type AreaKind = 'DISTRICT' | 'COUNTY' | 'COUNTY_LEVEL_CITY' | 'DEVELOPMENT_ZONE' | 'DEPARTMENT';

/** Areas that can host Fuxin's on-site meeting: the city's counties and districts (县区). */
export const MEETING_HOST_KINDS: readonly AreaKind[] = ['DISTRICT', 'COUNTY', 'COUNTY_LEVEL_CITY'];

/** One area's figures for the month being ranked. */
export interface AreaMonthFigures {
  areaId: string;
  name: string;
  cityId: string;
  kind: AreaKind;
  /** Key projects of the area under dispatch this month. */
  projectCount: number;
  /** Milestones due by the month's end. */
  milestonesDue: number;
  /** Of those, met by their due date. */
  milestonesMetOnTime: number;
  /** Year-to-date planned and actual investment in fen. */
  ytdPlanned: Fen;
  ytdActual: Fen;
  /** The month's lights of the area's projects. */
  lights: { green: number; yellow: number; red: number };
}

export interface RankedArea {
  areaId: string;
  name: string;
  cityId: string;
  kind: AreaKind;
  projectCount: number;
  /** Milestones met on time ÷ due, percent with one decimal; null when none were due. */
  milestoneRate: number | null;
  /** Year-to-date actual ÷ plan, percent with one decimal (may exceed 100); null when nothing was planned. */
  investmentRate: number | null;
  lights: { green: number; yellow: number; red: number; total: number };
  /** (green + yellow ÷ 2) ÷ lit projects, percent with one decimal; null when no project was lit. */
  lightScore: number | null;
  /** Weighted score 0–100 with two decimals; null when no component could be measured. */
  score: number | null;
  /** Standard competition rank (1, 2, 2, 4) on the score; null when unscored. */
  rank: number | null;
}

/** The weights' sum, and whether it is 1 within the tolerance (± 1e-9) every check of the weights uses. */
export function rankingWeightsSum(weights: RankingWeights): { sum: number; addsUpToOne: boolean } {
  const sum = WEIGHT_KEYS.reduce((total, key) => total + weights[key], 0);
  return { sum, addsUpToOne: Math.abs(sum - 1) <= 1e-9 };
}

/** Throws a DomainError unless every weight is ≥ 0 and they add up to 1 (± 1e-9). */
export function validateRankingWeights(weights: RankingWeights): void {
  for (const key of WEIGHT_KEYS) {
    const w = weights?.[key];
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0)
      throw new DomainError(`weights.${key}`, '权重必须是非负数');
  }
  const { sum, addsUpToOne } = rankingWeightsSum(weights);
  if (!addsUpToOne) throw new DomainError('weights', `各项权重之和应为1，现为${sum}`);
}

function validateFigures(entries: readonly AreaMonthFigures[]): void {
  const ids = new Set<string>();
  entries.forEach((e, i) => {
    const at = `areas[${i}]`;
    if (typeof e.areaId !== 'string' || e.areaId === '')
      throw new DomainError(`${at}.areaId`, '缺少地区标识');
    if (ids.has(e.areaId)) throw new DomainError(`${at}.areaId`, `地区 ${e.areaId} 重复`);
    ids.add(e.areaId);
    if (typeof e.name !== 'string' || e.name.trim() === '')
      throw new DomainError(`${at}.name`, '缺少地区名称');
    requireNonNegativeInteger(e.projectCount, `${at}.projectCount`);
    requireNonNegativeInteger(e.milestonesDue, `${at}.milestonesDue`);
    requireNonNegativeInteger(e.milestonesMetOnTime, `${at}.milestonesMetOnTime`);
    if (e.milestonesMetOnTime > e.milestonesDue) {
      throw new DomainError(`${at}.milestonesMetOnTime`, '按时完成的节点数不能多于到期节点数');
    }
    requireNonNegativeFen(e.ytdPlanned, `${at}.ytdPlanned`);
    requireNonNegativeFen(e.ytdActual, `${at}.ytdActual`);
    for (const c of ['green', 'yellow', 'red'] as const)
      requireNonNegativeInteger(e.lights?.[c], `${at}.lights.${c}`);
  });
}

const ONE: Fraction = { numerator: 1n, denominator: 1n };
const capAtOne = (f: Fraction): Fraction => (compareFractions(f, ONE) > 0 ? ONE : f);
const percentOf = (f: Fraction | null) =>
  f === null ? null : roundFraction({ numerator: f.numerator * 100n, denominator: f.denominator }, 1);

const collator = new Intl.Collator('zh-Hans-CN-u-co-pinyin');

/** Deterministic order for areas with the same rank: by name (pinyin), then code point, then id. */
function byName(a: { name: string; areaId: string }, b: { name: string; areaId: string }): number {
  return (
    collator.compare(a.name, b.name) ||
    (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
    (a.areaId < b.areaId ? -1 : a.areaId > b.areaId ? 1 : 0)
  );
}

/**
 * Scores and ranks areas for one month. Components, each a fraction 0–1:
 * milestone rate (met on time ÷ due), year-to-date investment completion (capped at 1 so that
 * over-fulfilment in one component cannot hide a shortfall in another; the displayed rate is not
 * capped), and the light component (green + yellow/2) ÷ lit projects — which is (green − red) ÷ total
 * moved from −1…1 onto 0…1. A component that cannot be measured (nothing due, nothing planned, no
 * light) is left out and the remaining weights are rescaled to add up to 1; an area with no
 * measurable component is unscored and unranked, listed last.
 */
export function rankAreas(
  entries: readonly AreaMonthFigures[],
  weights: RankingWeights = DEFAULT_RANKING_WEIGHTS,
): RankedArea[] {
  validateRankingWeights(weights);
  validateFigures(entries);
  const scaledWeights = Object.fromEntries(
    WEIGHT_KEYS.map((k) => [k, BigInt(Math.round(weights[k] * Number(WEIGHT_SCALE)))]),
  ) as Record<(typeof WEIGHT_KEYS)[number], bigint>;

  const scored = entries.map((e) => {
    const total = e.lights.green + e.lights.yellow + e.lights.red;
    const milestone =
      e.milestonesDue === 0 ? null : fraction(BigInt(e.milestonesMetOnTime), BigInt(e.milestonesDue));
    const investment = e.ytdPlanned === 0n ? null : fraction(e.ytdActual, e.ytdPlanned);
    const light =
      total === 0 ? null : fraction(BigInt(2 * e.lights.green + e.lights.yellow), BigInt(2 * total));
    const components: [bigint, Fraction | null][] = [
      [scaledWeights.milestoneRate, milestone === null ? null : capAtOne(milestone)],
      [scaledWeights.investmentRate, investment === null ? null : capAtOne(investment)],
      [scaledWeights.lights, light],
    ];
    let weighted: Fraction = { numerator: 0n, denominator: 1n };
    let weightSum = 0n;
    for (const [w, c] of components) {
      if (c === null) continue;
      weighted = addFractions(weighted, multiplyFractions({ numerator: w, denominator: 1n }, c));
      weightSum += w;
    }
    // Score in hundredths of a point, rounded half up: the published and ranked figure.
    const scoreHundredths =
      weightSum === 0n
        ? null
        : BigInt(
            formatFraction(fraction(weighted.numerator * 100n, weighted.denominator * weightSum), 2).replace(
              '.',
              '',
            ),
          );
    return {
      ranked: {
        areaId: e.areaId,
        name: e.name,
        cityId: e.cityId,
        kind: e.kind,
        projectCount: e.projectCount,
        milestoneRate: percentOf(milestone),
        investmentRate: percentOf(investment),
        lights: { ...e.lights, total },
        lightScore: percentOf(light),
        score: scoreHundredths === null ? null : Number(scoreHundredths) / 100,
        rank: null as number | null,
      },
      scoreHundredths,
    };
  });

  scored.sort((a, b) => {
    if (a.scoreHundredths !== b.scoreHundredths) {
      if (a.scoreHundredths === null) return 1;
      if (b.scoreHundredths === null) return -1;
      return a.scoreHundredths > b.scoreHundredths ? -1 : 1;
    }
    return byName(a.ranked, b.ranked);
  });
  scored.forEach((s, i) => {
    if (s.scoreHundredths === null) return;
    const previous = scored[i - 1];
    s.ranked.rank = i > 0 && previous.scoreHundredths === s.scoreHundredths ? previous.ranked.rank : i + 1;
  });
  return scored.map((s) => s.ranked);
}

/**
 * The host of Fuxin's bimonthly on-site project meeting: the best-ranked county or district of
 * the city in the last period's ranking. Departments, development zones, other cities' areas,
 * areas with no projects and unranked areas are left out. On a tie the first in name order is
 * proposed and the others are listed in `tied`, so the city can decide. Null when none qualifies.
 */
export function bestRankedArea(
  ranking: readonly RankedArea[],
  cityId: string,
): { host: RankedArea; tied: RankedArea[] } | null {
  const eligible = ranking
    .filter(
      (r) =>
        r.cityId === cityId && MEETING_HOST_KINDS.includes(r.kind) && r.projectCount > 0 && r.rank !== null,
    )
    .sort((a, b) => a.rank! - b.rank! || byName(a, b));
  if (eligible.length === 0) return null;
  const [host, ...rest] = eligible;
  return { host, tied: rest.filter((r) => r.rank === host.rank) };
}
