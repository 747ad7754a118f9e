/**
 * The year-end satisfaction of a livelihood project with the public's part (民生实事满意度测评):
 * the delegates' sheets and a survey of households, each scored out of 100 and combined by
 * configured weights (镇海: households 60 of 100, delegates 40).
 */
import { DomainError } from './errors';
import { satisfaction, type SatisfactionInput, type SatisfactionRating } from './tally';
import { requireNonNegativeInteger } from './validate';

/** Points per answer: 满意 100, 基本满意 60, 不满意 0. */
export const SATISFACTION_POINTS: Readonly<Record<SatisfactionRating, number>> = { SATISFIED: 100, BASICALLY_SATISFIED: 60, UNSATISFIED: 0 };

export interface SatisfactionWeights {
  /** Points of 100 given to the delegates' sheets. */
  delegates: number;
  /** Points of 100 given to the public survey. */
  public: number;
}

export interface RatingBands {
  /** A combined score at or above this (of 100) is 满意. */
  satisfiedFrom: number;
  /** At or above this and below satisfiedFrom, 基本满意; below, 不满意. */
  basicFrom: number;
}

/** Without a configured rule: the delegates alone, rated by their majority rule (the rule before the public's part). */
export const DELEGATES_ONLY: SatisfactionWeights = { delegates: 100, public: 0 };
export const DEFAULT_RATING_BANDS: RatingBands = { satisfiedFrom: 85, basicFrom: 60 };

export interface SurveyCounts {
  satisfied: number;
  basic: number;
  unsatisfied: number;
}

/** Refuses weights that are not whole points adding up to 100, and bands outside 0 < basic < satisfied ≤ 100. */
export function validateSatisfactionRule(weights: SatisfactionWeights, bands: RatingBands): void {
  for (const [key, v] of [['delegateWeight', weights.delegates], ['publicWeight', weights.public]] as const) {
    if (!Number.isInteger(v) || v < 0 || v > 100) throw new DomainError(key, '权重须为 0–100 的整数');
  }
  if (weights.delegates + weights.public !== 100) throw new DomainError('publicWeight', `代表与群众的权重合计须为 100（现为 ${weights.delegates + weights.public}）`);
  if (!Number.isInteger(bands.satisfiedFrom) || bands.satisfiedFrom < 1 || bands.satisfiedFrom > 100) throw new DomainError('satisfiedFrom', '“满意”分数线须为 1–100 的整数');
  if (!Number.isInteger(bands.basicFrom) || bands.basicFrom < 0 || bands.basicFrom >= bands.satisfiedFrom) throw new DomainError('basicFrom', '“基本满意”分数线须为整数，且低于“满意”分数线');
}

/** Hundredths of a point: a / b rounded half up (a, b ≥ 0, b > 0), exactly. */
function roundedHundredths(numerator: bigint, denominator: bigint): number {
  return Number((numerator * 200n + denominator) / (denominator * 2n));
}

function countsOf(c: SurveyCounts, field: string): SurveyCounts {
  requireNonNegativeInteger(c.satisfied, `${field}.satisfied`);
  requireNonNegativeInteger(c.basic, `${field}.basic`);
  requireNonNegativeInteger(c.unsatisfied, `${field}.unsatisfied`);
  return c;
}

const pointsOf = (c: SurveyCounts): bigint => BigInt(c.satisfied * SATISFACTION_POINTS.SATISFIED + c.basic * SATISFACTION_POINTS.BASICALLY_SATISFIED);
const answersOf = (c: SurveyCounts): bigint => BigInt(c.satisfied + c.basic + c.unsatisfied);

/** A part's score out of 100, in hundredths of a point (8725 = 87.25): average points per answer; null without answers. */
export function partScore(counts: SurveyCounts, field = 'counts'): number | null {
  countsOf(counts, field);
  const n = answersOf(counts);
  return n === 0n ? null : roundedHundredths(pointsOf(counts), n);
}

export interface CombinedSatisfaction {
  /** The delegates' part out of 100, in hundredths; null without sheets. */
  delegateScore: number | null;
  /** The public's part out of 100, in hundredths; null without a survey or answers. */
  publicScore: number | null;
  /** The combined score out of 100, in hundredths: each part times its weight / 100 (a part without answers counts 0). */
  score: number;
  rating: SatisfactionRating;
}

/**
 * Combines the delegates' sheets and the public survey. With no weight on the public the rating is
 * the delegates' majority rule (`satisfaction`), as before; with a public weight the survey is
 * required and the rating follows the combined score's bands. The score is exact: computed from
 * the counts as one fraction and rounded once, half up, to hundredths.
 */
export function combinedSatisfaction(input: { weights: SatisfactionWeights; bands: RatingBands; delegates: SatisfactionInput; public: SurveyCounts | null }): CombinedSatisfaction {
  const { weights, bands } = input;
  validateSatisfactionRule(weights, bands);
  const majority = satisfaction(input.delegates);
  const d = countsOf(input.delegates, 'delegates');
  const delegateScore = partScore(d, 'delegates');
  if (weights.public === 0) return { delegateScore, publicScore: input.public ? partScore(input.public, 'public') : null, score: delegateScore ?? 0, rating: majority };
  if (input.public === null) throw new DomainError('publicSurvey', '群众满意度调查结果尚未录入');
  const p = countsOf(input.public, 'public');
  const publicScore = partScore(p, 'public');
  // score = wd·Pd/nd + wp·Pp/np (each P/n already out of 100), as one fraction over 100·nd·np.
  const nd = answersOf(d) || 1n;
  const np = answersOf(p) || 1n;
  const numerator = BigInt(weights.delegates) * pointsOf(d) * np + BigInt(weights.public) * pointsOf(p) * nd;
  const score = roundedHundredths(numerator, 100n * nd * np);
  const rating: SatisfactionRating = score >= bands.satisfiedFrom * 100 ? 'SATISFIED' : score >= bands.basicFrom * 100 ? 'BASICALLY_SATISFIED' : 'UNSATISFIED';
  return { delegateScore, publicScore, score, rating };
}

/** Hundredths of a point as text: 8725 → "87.25". */
export function formatPoints(hundredths: number): string {
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}
