import fc from 'fast-check';
import { DomainError } from './errors';
import {
  canonicalJson,
  quorumShortfall,
  reconcilePaperBallots,
  satisfaction,
  type SatisfactionInput,
  sessionFingerprintInput,
  tally,
  TALLY_RULE_VERSION,
  validateBallot,
  type VoteCandidate,
} from './tally';

const candidates = (...ids: string[]): VoteCandidate[] => ids.map((id) => ({ id, name: `项目${id}` }));

/** Valid ballots giving each candidate the votes asked, never more than `seats` marks a ballot. */
function ballotsFor(votes: Record<string, number>, ballotCount: number, seats: number): string[][] {
  const ballots: string[][] = Array.from({ length: ballotCount }, () => []);
  for (const [id, v] of Object.entries(votes)) {
    const open = ballots.filter((b) => b.length < seats).sort((a, b) => a.length - b.length);
    if (open.length < v) throw new Error(`cannot give ${id} ${v} votes`);
    for (const b of open.slice(0, v)) b.push(id);
  }
  return ballots;
}

describe('validateBallot', () => {
  const ids = ['A', 'B', 'C', 'D'];
  it.each<[string[], number, object]>([
    [['A', 'B'], 2, { valid: true, blank: false }],
    [['A'], 2, { valid: true, blank: false }],
    [[], 2, { valid: true, blank: true }],
    [
      ['A', 'B', 'C'],
      2,
      { valid: false, reasonCode: 'TOO_MANY_MARKS', reason: '选票标记的项目数多于应选数' },
    ],
    [['A', 'A'], 2, { valid: false, reasonCode: 'DUPLICATE_MARK' }],
    [['A', 'X'], 2, { valid: false, reasonCode: 'UNKNOWN_CANDIDATE' }],
    [['A', 'B', 'C', 'D'], 4, { valid: true, blank: false }],
  ])('%p with %d seats → %p', (marks, seats, expected) => {
    expect(validateBallot(marks, seats, ids)).toMatchObject(expected);
  });
});

describe('tally', () => {
  const ABCD = candidates('A', 'B', 'C', 'D');

  it.each<[string, Record<string, number>, number, string[], object | null]>([
    // description, votes, ballots cast (roster 10, 2 seats), adopted, runoff
    ['two clear winners', { A: 8, B: 7, C: 3, D: 2 }, 10, ['A', 'B'], null],
    [
      'exactly half of the roster is not a majority',
      { A: 8, B: 5, C: 3 },
      10,
      ['A'],
      { reason: 'SEATS_UNFILLED', seats: 1, candidateIds: ['B', 'C', 'D'] },
    ],
    ['one more than half is', { A: 8, B: 6, C: 3 }, 10, ['A', 'B'], null],
    [
      'tie at the last seat, both with a majority',
      { A: 8, B: 6, C: 6 },
      10,
      ['A'],
      { reason: 'TIE_AT_LAST_SEAT', seats: 1, candidateIds: ['B', 'C'] },
    ],
    [
      'three tied for two seats',
      { A: 6, B: 6, C: 6 },
      10,
      [],
      { reason: 'TIE_AT_LAST_SEAT', seats: 2, candidateIds: ['A', 'B', 'C'] },
    ],
    [
      'tie at the last seat without a majority',
      { A: 8, B: 4, C: 4 },
      10,
      ['A'],
      { reason: 'SEATS_UNFILLED', seats: 1, candidateIds: ['B', 'C', 'D'] },
    ],
    ['a tie above the cut is no problem', { A: 7, B: 7, C: 2 }, 10, ['A', 'B'], null],
    [
      'nobody reaches the majority',
      { A: 5, B: 5, C: 5 },
      10,
      [],
      { reason: 'SEATS_UNFILLED', seats: 2, candidateIds: ['A', 'B', 'C', 'D'] },
    ],
    [
      'absent delegates count against the majority',
      { A: 5, B: 5 },
      5,
      [],
      { reason: 'SEATS_UNFILLED', seats: 2, candidateIds: ['A', 'B', 'C', 'D'] },
    ],
    ['six of ten present, unanimous', { A: 6, B: 6 }, 6, ['A', 'B'], null],
    [
      'runoff candidates are ordered by votes',
      { A: 9, C: 4, D: 5 },
      10,
      ['A'],
      { reason: 'SEATS_UNFILLED', seats: 1, candidateIds: ['D', 'C', 'B'] },
    ],
  ])('%s', (_d, votes, cast, adopted, runoff) => {
    const result = tally({ rosterSize: 10, seats: 2, candidates: ABCD, ballots: ballotsFor(votes, cast, 2) });
    expect(result.adopted).toEqual(adopted);
    expect(result.runoff).toEqual(runoff);
    expect(result.ruleVersion).toBe(TALLY_RULE_VERSION);
    expect(result.majorityVotes).toBe(6);
  });

  it('counts invalid and blank sheets', () => {
    const result = tally({
      rosterSize: 10,
      seats: 2,
      candidates: ABCD,
      ballots: [...ballotsFor({ A: 6, B: 6 }, 6, 2), ['A', 'B', 'C'], ['X'], ['A', 'A'], []],
    });
    expect(result).toMatchObject({
      ballotsCast: 10,
      validBallots: 7,
      blankBallots: 1,
      invalidBallots: 3,
      invalidByReason: { TOO_MANY_MARKS: 1, UNKNOWN_CANDIDATE: 1, DUPLICATE_MARK: 1 },
      adopted: ['A', 'B'],
    });
    // The spoilt sheets gave nothing: C would otherwise have one vote.
    expect(result.counts.find((c) => c.candidateId === 'C')?.votes).toBe(0);
  });

  it('lists every candidate with votes, majority and position (1, 2, 2, 4)', () => {
    const result = tally({
      rosterSize: 10,
      seats: 2,
      candidates: ABCD,
      ballots: ballotsFor({ A: 8, B: 4, C: 4, D: 1 }, 10, 2),
    });
    expect(result.counts).toEqual([
      { candidateId: 'A', name: '项目A', votes: 8, hasMajority: true, adopted: true, position: 1 },
      { candidateId: 'B', name: '项目B', votes: 4, hasMajority: false, adopted: false, position: 2 },
      { candidateId: 'C', name: '项目C', votes: 4, hasMajority: false, adopted: false, position: 2 },
      { candidateId: 'D', name: '项目D', votes: 1, hasMajority: false, adopted: false, position: 4 },
    ]);
  });

  it('Fuxin 2021: 10 of 15 livelihood projects', () => {
    const fifteen = Array.from({ length: 15 }, (_, i) => ({ id: `m${i + 1}`, name: `民生实事候选${i + 1}` }));
    fifteen[0].name = '实施222万平方米老旧小区改造工程';
    const votes = Object.fromEntries(fifteen.map((c, i) => [c.id, 280 - i * 12])); // 280, 268, …, 112
    const result = tally({
      rosterSize: 300,
      seats: 10,
      candidates: fifteen,
      ballots: ballotsFor(votes, 295, 10),
    });
    expect(result.adopted).toEqual(['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8', 'm9', 'm10']); // m10: 172 > 150
    // m11 has a majority too (160) but is not among the ten seats.
    expect(result.counts[10]).toMatchObject({
      candidateId: 'm11',
      votes: 160,
      hasMajority: true,
      adopted: false,
    });
    expect(result.runoff).toBeNull();
    expect(result.counts[0]).toMatchObject({ name: '实施222万平方米老旧小区改造工程', votes: 280 });
  });

  it.each<[string, Partial<Parameters<typeof tally>[0]>, string]>([
    ['more ballots than delegates', { rosterSize: 3, ballots: [[], [], [], []] }, 'ballots'],
    ['more seats than candidates', { seats: 5 }, 'seats'],
    ['no seats', { seats: 0 }, 'seats'],
    ['an empty roster', { rosterSize: 0 }, 'rosterSize'],
    ['no candidates', { candidates: [] }, 'candidates'],
    ['a duplicated candidate', { candidates: candidates('A', 'B', 'A') }, 'candidates[2].id'],
    [
      'a nameless candidate',
      {
        candidates: [
          { id: 'A', name: ' ' },
          { id: 'B', name: 'b' },
        ],
      },
      'candidates[0].name',
    ],
  ])('refuses %s', (_d, change, field) => {
    const input = { rosterSize: 10, seats: 2, candidates: ABCD, ballots: [], ...change };
    expect(() => tally(input)).toThrow(DomainError);
    expect(() => tally(input)).toThrow(expect.objectContaining({ field }));
  });

  it('never adopts more than the seats, nor anyone without a majority of the roster (property)', () => {
    const session = fc
      .record({
        rosterSize: fc.integer({ min: 1, max: 40 }),
        seats: fc.integer({ min: 1, max: 5 }),
        extra: fc.integer({ min: 0, max: 5 }),
      })
      .chain(({ rosterSize, seats, extra }) => {
        const ids = Array.from({ length: seats + extra }, (_, i) => `c${i}`);
        const mark = fc.constantFrom(...ids, 'unknown');
        return fc.record({
          rosterSize: fc.constant(rosterSize),
          seats: fc.constant(seats),
          ids: fc.constant(ids),
          ballots: fc.array(fc.array(mark, { maxLength: seats + 2 }), { maxLength: rosterSize }),
        });
      });
    fc.assert(
      fc.property(session, ({ rosterSize, seats, ids, ballots }) => {
        const result = tally({ rosterSize, seats, candidates: ids.map((id) => ({ id, name: id })), ballots });
        expect(result.adopted.length).toBeLessThanOrEqual(seats);
        for (const id of result.adopted) {
          expect(result.counts.find((c) => c.candidateId === id)!.votes * 2).toBeGreaterThan(rosterSize);
        }
        expect(result.adopted.length + (result.runoff?.seats ?? 0)).toBe(seats);
        for (const id of result.runoff?.candidateIds ?? []) expect(result.adopted).not.toContain(id);
        if (result.runoff) expect(result.runoff.candidateIds.length).toBeGreaterThan(result.runoff.seats - 1);
        expect(result.validBallots + result.invalidBallots).toBe(ballots.length);
      }),
    );
  });
});

describe('session fingerprint input', () => {
  const rules = { rosterSize: 300, seats: 1, candidates: candidates('A', 'B') };

  it('is canonical JSON of the frozen rules and candidates', () => {
    expect(sessionFingerprintInput(rules)).toBe(
      `{"adoption":"TOP_SEATS_AND_MORE_THAN_HALF_OF_ROSTER","candidates":[{"id":"A","name":"项目A"},{"id":"B","name":"项目B"}],"maxMarksPerBallot":1,"rosterSize":300,"ruleVersion":"${TALLY_RULE_VERSION}","seats":1}`,
    );
  });

  it('ignores key order and extra fields, but not candidate order or content', () => {
    const reordered = {
      candidates: [
        { name: '项目A', id: 'A', note: '说明' },
        { name: '项目B', id: 'B' },
      ],
      seats: 1,
      rosterSize: 300,
    };
    expect(sessionFingerprintInput(reordered)).toBe(sessionFingerprintInput(rules));
    expect(sessionFingerprintInput({ ...rules, candidates: candidates('B', 'A') })).not.toBe(
      sessionFingerprintInput(rules),
    );
    expect(sessionFingerprintInput({ ...rules, seats: 2 })).not.toBe(sessionFingerprintInput(rules));
  });

  it('normalises Unicode so the same text hashes the same', () => {
    const composed = {
      ...rules,
      candidates: [
        { id: 'A', name: 'caf\u00e9' },
        { id: 'B', name: 'b' },
      ],
    };
    const decomposed = {
      ...rules,
      candidates: [
        { id: 'A', name: 'cafe\u0301' },
        { id: 'B', name: 'b' },
      ],
    };
    expect(sessionFingerprintInput(decomposed)).toBe(sessionFingerprintInput(composed));
  });

  it.each<[unknown, string]>([
    [{ a: Number.NaN }, 'value.a'],
    [{ a: [1, undefined] }, 'value.a[1]'],
    [{ a: 1n }, 'value.a'],
  ])('canonicalJson refuses %p', (value, field) => {
    expect(() => canonicalJson(value)).toThrow(expect.objectContaining({ field }));
  });

  it('canonicalJson sorts keys at every depth', () => {
    expect(canonicalJson({ b: { d: 1, c: [true, null, 'x'] }, a: -0 })).toBe(
      '{"a":0,"b":{"c":[true,null,"x"],"d":1}}',
    );
  });
});

describe('satisfaction (year-end evaluation)', () => {
  it.each<[SatisfactionInput, string]>([
    [{ rosterSize: 100, satisfied: 51, basic: 0, unsatisfied: 0 }, 'SATISFIED'],
    [{ rosterSize: 100, satisfied: 50, basic: 0, unsatisfied: 50 }, 'UNSATISFIED'], // exactly half is not more than half
    [{ rosterSize: 100, satisfied: 50, basic: 1, unsatisfied: 0 }, 'BASICALLY_SATISFIED'],
    [{ rosterSize: 100, satisfied: 30, basic: 20, unsatisfied: 10 }, 'UNSATISFIED'],
    [{ rosterSize: 100, satisfied: 30, basic: 21, unsatisfied: 49 }, 'BASICALLY_SATISFIED'],
    [{ rosterSize: 101, satisfied: 51, basic: 0, unsatisfied: 0 }, 'SATISFIED'],
    [{ rosterSize: 101, satisfied: 50, basic: 0, unsatisfied: 51 }, 'UNSATISFIED'],
    [{ rosterSize: 300, satisfied: 140, basic: 5, unsatisfied: 0 }, 'UNSATISFIED'], // absent delegates count
    [{ rosterSize: 1, satisfied: 1, basic: 0, unsatisfied: 0 }, 'SATISFIED'],
  ])('%p → %s', (input, rating) => {
    expect(satisfaction(input)).toBe(rating);
  });

  it.each<[SatisfactionInput, string]>([
    [{ rosterSize: 10, satisfied: 6, basic: 5, unsatisfied: 0 }, 'rosterSize'],
    [{ rosterSize: 10, satisfied: -1, basic: 0, unsatisfied: 0 }, 'satisfied'],
    [{ rosterSize: 10, satisfied: 1, basic: 0.5, unsatisfied: 0 }, 'basic'],
    [{ rosterSize: 0, satisfied: 0, basic: 0, unsatisfied: 0 }, 'rosterSize'],
  ])('refuses %p', (input, field) => {
    expect(() => satisfaction(input)).toThrow(expect.objectContaining({ field }));
  });
});

describe('quorumShortfall (two thirds of the roster checked in)', () => {
  it.each<[number, number, number]>([
    // checked in, roster, still needed
    [240, 360, 0],
    [239, 360, 1],
    [0, 360, 240],
    [360, 360, 0],
    [2, 3, 0],
    [1, 3, 1],
    [7, 10, 0],
    [6, 10, 1],
    [0, 1, 1],
  ])('%d of %d present → %d more needed', (checkedIn, roster, needed) => {
    expect(quorumShortfall(checkedIn, roster)).toBe(needed);
  });

  it.each<[number, number, string]>([
    [11, 10, 'checkedIn'],
    [-1, 10, 'checkedIn'],
    [1, 0, 'rosterSize'],
    [1.5, 10, 'checkedIn'],
  ])('refuses %d of %d naming %s', (checkedIn, roster, field) => {
    expect(() => quorumShortfall(checkedIn, roster)).toThrow(expect.objectContaining({ field }));
  });
});

describe('reconcilePaperBallots (issued vs returned)', () => {
  it.each<[number, number, boolean, number]>([
    // issued, returned, valid, not returned
    [20, 20, true, 0],
    [20, 18, true, 2],
    [0, 0, true, 0],
    [20, 21, false, 0],
    [0, 1, false, 0],
  ])('%d issued, %d returned → valid %p, %d not returned', (issued, returned, valid, notReturned) => {
    const r = reconcilePaperBallots(issued, returned);
    expect(r).toMatchObject({ issued, returned, valid, notReturned });
    expect(r.reason === null).toBe(valid);
  });

  it('refuses negative counts naming the field', () => {
    expect(() => reconcilePaperBallots(-1, 0)).toThrow(expect.objectContaining({ field: 'issued' }));
    expect(() => reconcilePaperBallots(1, -2)).toThrow(expect.objectContaining({ field: 'returned' }));
  });
});
