import { DomainError } from './errors';
import { combinedSatisfaction, DEFAULT_RATING_BANDS, DELEGATES_ONLY, formatPoints, partScore, type SurveyCounts } from './public-satisfaction';

const ZHENHAI = { delegates: 40, public: 60 };

describe('partScore: average points per answer (满意 100, 基本满意 60, 不满意 0)', () => {
  it.each([
    [{ satisfied: 10, basic: 0, unsatisfied: 0 }, 10000],
    [{ satisfied: 0, basic: 10, unsatisfied: 0 }, 6000],
    [{ satisfied: 2, basic: 1, unsatisfied: 0 }, 8667], // 260 / 3 = 86.666… rounds up
    [{ satisfied: 1, basic: 0, unsatisfied: 2 }, 3333],
    [{ satisfied: 0, basic: 0, unsatisfied: 0 }, null],
  ])('%j → %p', (counts, score) => expect(partScore(counts)).toBe(score));
});

describe('combinedSatisfaction', () => {
  const delegates = (satisfied: number, basic: number, unsatisfied: number, rosterSize = 360) => ({ rosterSize, satisfied, basic, unsatisfied });
  const survey = (satisfied: number, basic: number, unsatisfied: number): SurveyCounts => ({ satisfied, basic, unsatisfied });
  it.each([
    // name, weights, delegates, public, delegateScore, publicScore, score, rating
    ['delegates only: the majority rule, as before', DELEGATES_ONLY, delegates(200, 100, 30), null, 7879, null, 7879, 'SATISFIED'],
    ['delegates only: under half satisfied is not 满意 whatever the points', DELEGATES_ONLY, delegates(150, 170, 10), null, 7636, null, 7636, 'BASICALLY_SATISFIED'],
    ['镇海: households 60 of 100', ZHENHAI, delegates(300, 20, 10), survey(800, 150, 50), 9455, 8900, 9122, 'SATISFIED'],
    ['镇海: the public pulls a well-rated project down', ZHENHAI, delegates(300, 20, 10), survey(300, 400, 300), 9455, 5400, 7022, 'BASICALLY_SATISFIED'],
    ['镇海: both low', ZHENHAI, delegates(50, 100, 180), survey(200, 300, 500), 3333, 3800, 3613, 'UNSATISFIED'],
    ['the public alone', { delegates: 0, public: 100 }, delegates(0, 0, 0), survey(85, 0, 15), null, 8500, 8500, 'SATISFIED'],
    ['a part without answers counts 0', ZHENHAI, delegates(0, 0, 0), survey(100, 0, 0), null, 10000, 6000, 'BASICALLY_SATISFIED'],
    ['exactly on the 基本满意 line', { delegates: 50, public: 50 }, delegates(0, 10, 0), survey(0, 10, 0), 6000, 6000, 6000, 'BASICALLY_SATISFIED'],
  ] as const)('%s', (_name, weights, d, p, delegateScore, publicScore, score, rating) => {
    expect(combinedSatisfaction({ weights, bands: DEFAULT_RATING_BANDS, delegates: d, public: p })).toEqual({ delegateScore, publicScore, score, rating });
  });

  it.each([
    ['weights not adding to 100', { delegates: 40, public: 50 }, DEFAULT_RATING_BANDS, survey(1, 0, 0), 'publicWeight'],
    ['a negative weight', { delegates: 110, public: -10 }, DEFAULT_RATING_BANDS, survey(1, 0, 0), 'delegateWeight'],
    ['a fractional weight', { delegates: 39.5, public: 60.5 }, DEFAULT_RATING_BANDS, survey(1, 0, 0), 'delegateWeight'],
    ['bands the wrong way round', ZHENHAI, { satisfiedFrom: 60, basicFrom: 80 }, survey(1, 0, 0), 'basicFrom'],
    ['a public weight without a survey', ZHENHAI, DEFAULT_RATING_BANDS, null, 'publicSurvey'],
    ['negative counts', ZHENHAI, DEFAULT_RATING_BANDS, survey(-1, 0, 0), 'public.satisfied'],
  ] as const)('refuses %s', (_name, weights, bands, p, field) => {
    let error: unknown;
    try {
      combinedSatisfaction({ weights, bands, delegates: delegates(10, 0, 0), public: p });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).field).toBe(field);
  });

  it.each([
    [9122, '91.22'],
    [6000, '60.00'],
    [5, '0.05'],
    [10000, '100.00'],
  ])('formatPoints(%p) = %s', (h, text) => expect(formatPoints(h)).toBe(text));
});
