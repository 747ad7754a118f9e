import fc from 'fast-check';
import {
  addWorkingDays,
  DomainError,
  investmentLight,
  isWorkingDay,
  percentage,
  satisfaction,
  tally,
  validateBallot,
  workingDaysBetween,
} from '@kpd/domain';

/** Random inputs to the rules: every answer is well-formed, and bad input is a named DomainError, never a crash. */
const RUNS = { numRuns: 300 };

const candidates = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `c${i}`, name: `候选项目${i}` }));

describe('tallies', () => {
  const session = fc
    .record({ candidates: fc.integer({ min: 1, max: 15 }), seats: fc.integer({ min: 1, max: 10 }), roster: fc.integer({ min: 1, max: 60 }) })
    .filter((s) => s.seats <= s.candidates)
    .chain((s) =>
      fc.record({
        ...Object.fromEntries(Object.entries(s).map(([k, v]) => [k, fc.constant(v)])),
        ballots: fc.array(fc.subarray(candidates(s.candidates).map((c) => c.id), { maxLength: s.candidates }), { maxLength: s.roster }),
      }) as fc.Arbitrary<typeof s & { ballots: string[][] }>,
    );

  it('adopts at most the seats, each with more than half of the whole roster, and counts every valid mark once', () => {
    fc.assert(
      fc.property(session, (s) => {
        const result = tally({ rosterSize: s.roster, seats: s.seats, candidates: candidates(s.candidates), ballots: s.ballots });
        expect(result.adopted.length).toBeLessThanOrEqual(s.seats);
        for (const id of result.adopted) expect(result.counts.find((c) => c.candidateId === id)!.votes * 2).toBeGreaterThan(s.roster);
        const validMarks = s.ballots.filter((b) => b.length <= s.seats).reduce((n, b) => n + b.length, 0);
        expect(result.counts.reduce((n, c) => n + c.votes, 0)).toBe(validMarks);
        expect(result.validBallots + result.invalidBallots).toBe(s.ballots.length);
        if (result.adopted.length < s.seats) expect(result.runoff).not.toBeNull();
      }),
      RUNS,
    );
  });

  it('refuses a ballot marking more candidates than seats, and accepts any shorter list of distinct candidates', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 0, max: 15 }), (seats, marks) => {
        const ids = candidates(15).map((c) => c.id);
        const check = validateBallot(ids.slice(0, marks), seats, ids);
        expect(check.valid).toBe(marks <= seats);
      }),
      RUNS,
    );
  });

  it('rates satisfaction monotonically: moving a vote up never lowers the rating', () => {
    const order = { UNSATISFIED: 0, BASICALLY_SATISFIED: 1, SATISFIED: 2 };
    fc.assert(
      fc.property(fc.nat(100), fc.nat(100), fc.nat(100), fc.nat(50), (s, b, u, extra) => {
        const roster = s + b + u + extra || 1;
        const before = satisfaction({ rosterSize: roster, satisfied: s, basic: b, unsatisfied: u });
        if (u > 0) {
          const after = satisfaction({ rosterSize: roster, satisfied: s, basic: b + 1, unsatisfied: u - 1 });
          expect(order[after]).toBeGreaterThanOrEqual(order[before]);
        }
      }),
      RUNS,
    );
  });

  it('refuses impossible input with a DomainError naming the field', () => {
    fc.assert(
      fc.property(fc.integer({ min: -5, max: 0 }), (roster) => {
        expect(() => tally({ rosterSize: roster, seats: 1, candidates: candidates(2), ballots: [] })).toThrow(DomainError);
      }),
    );
  });
});

describe('working days', () => {
  const day = fc.date({ min: new Date('2018-01-01T00:00:00Z'), max: new Date('2026-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

  it('addWorkingDays lands on a working day the right number of working days later', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 60 }), (start, n) => {
        const due = addWorkingDays(start, n);
        expect(isWorkingDay(due)).toBe(true);
        expect(workingDaysBetween(start, due)).toBe(n);
        expect(due > start).toBe(true);
      }),
      RUNS,
    );
  });

  it('counts between two days antisymmetrically', () => {
    fc.assert(
      fc.property(day, day, (a, b) => {
        expect(workingDaysBetween(a, b) + workingDaysBetween(b, a)).toBe(0);
      }),
      RUNS,
    );
  });

  it('refuses malformed dates and negative counts with a DomainError', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }).filter((s) => !/^\d{4}-\d{2}-\d{2}$/.test(s)), (bad) => {
        expect(() => addWorkingDays(bad, 1)).toThrow(DomainError);
      }),
    );
    expect(() => addWorkingDays('2020-09-30', -1)).toThrow(DomainError);
  });
});

describe('ratios', () => {
  it('gives a percentage within [0, 100] for a part of a whole, null for an empty whole', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.bigInt({ min: 0n, max: 10n ** 15n }), (a, b) => {
        const [part, whole] = a <= b ? [a, b] : [b, a];
        const p = percentage(part, whole);
        if (whole === 0n) expect(p).toBeNull();
        else {
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(100);
        }
      }),
      RUNS,
    );
  });
});

describe('lights', () => {
  const fen = fc.option(fc.bigInt({ min: 0n, max: 10n ** 12n }), { nil: null });

  it('lights any run of months with one of the colours and a reason, and never crashes', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ plannedFen: fen, actualFen: fen, reportedOnTime: fc.boolean() }), { minLength: 1, maxLength: 14 }), fc.boolean(), (months, deadlinePassed) => {
        const periods = months.map((_, i) => `2020-${String((i % 12) + 1).padStart(2, '0')}`).map((p, i) => (i >= 12 ? `2021-${p.slice(5)}` : p));
        const light = investmentLight({ period: periods[periods.length - 1], deadlinePassed, months: months.map((m, i) => ({ ...m, period: periods[i] })) });
        expect(['GREEN', 'YELLOW', 'RED', null]).toContain(light.color);
        expect(light.reason.length).toBeGreaterThan(0);
        // Once the deadline has passed, every month has a colour.
        if (deadlinePassed) expect(light.color).not.toBeNull();
      }),
      RUNS,
    );
  });

  it('refuses a negative amount with a DomainError naming the month', () => {
    expect(() =>
      investmentLight({ period: '2020-09', deadlinePassed: true, months: [{ period: '2020-09', plannedFen: -1n, actualFen: 0n, reportedOnTime: true }] }),
    ).toThrow(/months\[0\]\.plannedFen/);
  });
});
