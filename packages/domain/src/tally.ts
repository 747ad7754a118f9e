/**
 * The delegates' vote on livelihood projects (人大代表票决民生实事), DESIGN.md "Livelihood votes" and
 * report 003 (Fuxin, 2021: delegates chose the year's 10 livelihood projects by ballot).
 *
 * Rules: each delegate on the roster casts one secret ballot marking at most `seats` candidates;
 * a ballot marking more is invalid. A candidate is adopted when it is among the top `seats` by votes
 * AND has more than half of ALL delegates on the roster (not of the ballots cast). Ties at the last
 * seat and unfilled seats go to a further round. At year end each adopted project is rated.
 */
import { DomainError } from './errors';
import { requireNonNegativeInteger, requirePositiveInteger } from './validate';

export const TALLY_RULE_VERSION = 'tally-v1';

export interface VoteCandidate {
  id: string;
  name: string;
}

export type BallotInvalidReason = 'UNKNOWN_CANDIDATE' | 'DUPLICATE_MARK' | 'TOO_MANY_MARKS';

export const BALLOT_INVALID_REASON_LABELS: Readonly<Record<BallotInvalidReason, string>> = {
  UNKNOWN_CANDIDATE: '选票标记了候选项目以外的项目',
  DUPLICATE_MARK: '选票对同一项目重复标记',
  TOO_MANY_MARKS: '选票标记的项目数多于应选数',
};

export type BallotCheck =
  { valid: true; blank: boolean } | { valid: false; reasonCode: BallotInvalidReason; reason: string };

/**
 * Checks one ballot (the candidate ids it marks). Invalid: a mark for a candidate not on the list,
 * the same candidate marked twice, or more marks than seats. A ballot with no mark is valid and
 * blank — a delegate may abstain on every candidate; it is counted as cast and valid, gives no
 * vote, and (the majority being of the whole roster) weighs like an absent delegate.
 */
export function validateBallot(
  marks: readonly string[],
  seats: number,
  candidateIds: readonly string[],
): BallotCheck {
  requirePositiveInteger(seats, 'seats');
  const known = new Set(candidateIds);
  const seen = new Set<string>();
  for (const mark of marks) {
    if (!known.has(mark)) return invalid('UNKNOWN_CANDIDATE');
    if (seen.has(mark)) return invalid('DUPLICATE_MARK');
    seen.add(mark);
  }
  if (marks.length > seats) return invalid('TOO_MANY_MARKS');
  return { valid: true, blank: marks.length === 0 };
}

function invalid(reasonCode: BallotInvalidReason): BallotCheck {
  return { valid: false, reasonCode, reason: BALLOT_INVALID_REASON_LABELS[reasonCode] };
}

export interface TallyInput {
  /** Delegates on the roster of the session (应到代表), whether they voted or not. */
  rosterSize: number;
  /** Projects to choose (应选数), e.g. 10. */
  seats: number;
  /** The frozen candidate list, in ballot order. */
  candidates: readonly VoteCandidate[];
  /** Each ballot's marked candidate ids. */
  ballots: readonly (readonly string[])[];
}

export interface CandidateCount {
  candidateId: string;
  name: string;
  votes: number;
  /** Votes > rosterSize ÷ 2. */
  hasMajority: boolean;
  adopted: boolean;
  /** Competition rank by votes (1, 2, 2, 4). */
  position: number;
}

export type RunoffReason = 'TIE_AT_LAST_SEAT' | 'SEATS_UNFILLED';

export interface Runoff {
  reason: RunoffReason;
  /** Seats left for the further round. */
  seats: number;
  /** Candidates eligible for it, by votes. */
  candidateIds: string[];
}

export interface TallyResult {
  ruleVersion: string;
  rosterSize: number;
  seats: number;
  ballotsCast: number;
  validBallots: number;
  blankBallots: number;
  invalidBallots: number;
  invalidByReason: Record<BallotInvalidReason, number>;
  /** The fewest votes that are more than half of the roster: ⌊rosterSize ÷ 2⌋ + 1. */
  majorityVotes: number;
  /** Every candidate, by votes (ties in ballot order). */
  counts: CandidateCount[];
  /** Adopted candidate ids, by votes. */
  adopted: string[];
  /** A further round, or null when every seat is filled. */
  runoff: Runoff | null;
}

function validateSession(rosterSize: number, seats: number, candidates: readonly VoteCandidate[]): void {
  requirePositiveInteger(rosterSize, 'rosterSize');
  requirePositiveInteger(seats, 'seats');
  if (!Array.isArray(candidates) || candidates.length === 0)
    throw new DomainError('candidates', '候选项目不能为空');
  const ids = new Set<string>();
  candidates.forEach((c, i) => {
    if (typeof c.id !== 'string' || c.id === '')
      throw new DomainError(`candidates[${i}].id`, '缺少候选项目标识');
    if (ids.has(c.id)) throw new DomainError(`candidates[${i}].id`, `候选项目 ${c.id} 重复`);
    ids.add(c.id);
    if (typeof c.name !== 'string' || c.name.trim() === '')
      throw new DomainError(`candidates[${i}].name`, '候选项目名称不能为空');
  });
  if (seats > candidates.length)
    throw new DomainError('seats', `应选数 ${seats} 多于候选项目数 ${candidates.length}`);
}

/** Counts the ballots and decides what is adopted and what goes to a further round. */
export function tally(input: TallyInput): TallyResult {
  const { rosterSize, seats, candidates, ballots } = input;
  validateSession(rosterSize, seats, candidates);
  if (ballots.length > rosterSize) {
    throw new DomainError('ballots', `收回选票 ${ballots.length} 张，多于应到代表 ${rosterSize} 人`);
  }
  const ids = candidates.map((c) => c.id);
  const votes = new Map<string, number>(ids.map((id) => [id, 0]));
  const invalidByReason: Record<BallotInvalidReason, number> = {
    UNKNOWN_CANDIDATE: 0,
    DUPLICATE_MARK: 0,
    TOO_MANY_MARKS: 0,
  };
  let validBallots = 0;
  let blankBallots = 0;
  for (const marks of ballots) {
    const check = validateBallot(marks, seats, ids);
    if (!check.valid) {
      invalidByReason[check.reasonCode] += 1;
      continue;
    }
    validBallots += 1;
    if (check.blank) blankBallots += 1;
    for (const id of marks) votes.set(id, votes.get(id)! + 1);
  }

  const hasMajority = (v: number) => v * 2 > rosterSize;
  const sorted = candidates
    .map((c, order) => ({ c, order, votes: votes.get(c.id)! }))
    .sort((a, b) => b.votes - a.votes || a.order - b.order);

  // Within the seats: the top `seats`, unless the last seat is tied with the next candidate, in which
  // case only those strictly above the tie are within and the tied group is undecided.
  const lastSeatVotes = sorted[seats - 1].votes;
  const tieAtLastSeat = seats < sorted.length && sorted[seats].votes === lastSeatVotes;
  const within = tieAtLastSeat ? sorted.filter((s) => s.votes > lastSeatVotes) : sorted.slice(0, seats);
  const adopted = within.filter((s) => hasMajority(s.votes));
  const seatsLeft = seats - adopted.length;

  let runoff: Runoff | null = null;
  if (seatsLeft > 0) {
    if (tieAtLastSeat && hasMajority(lastSeatVotes) && adopted.length === within.length) {
      runoff = {
        reason: 'TIE_AT_LAST_SEAT',
        seats: seatsLeft,
        candidateIds: sorted.filter((s) => s.votes === lastSeatVotes).map((s) => s.c.id),
      };
    } else {
      const adoptedIds = new Set(adopted.map((s) => s.c.id));
      runoff = {
        reason: 'SEATS_UNFILLED',
        seats: seatsLeft,
        candidateIds: sorted.filter((s) => !adoptedIds.has(s.c.id)).map((s) => s.c.id),
      };
    }
  }

  const adoptedIds = new Set(adopted.map((s) => s.c.id));
  const counts: CandidateCount[] = sorted.map((s) => ({
    candidateId: s.c.id,
    name: s.c.name,
    votes: s.votes,
    hasMajority: hasMajority(s.votes),
    adopted: adoptedIds.has(s.c.id),
    position: sorted.findIndex((t) => t.votes === s.votes) + 1,
  }));
  const invalidBallots = ballots.length - validBallots;
  return {
    ruleVersion: TALLY_RULE_VERSION,
    rosterSize,
    seats,
    ballotsCast: ballots.length,
    validBallots,
    blankBallots,
    invalidBallots,
    invalidByReason,
    majorityVotes: Math.floor(rosterSize / 2) + 1,
    counts,
    adopted: adopted.map((s) => s.c.id),
    runoff,
  };
}

// ---------------------------------------------------------------------------------------------
// Fingerprint of the frozen rules and candidate list (DESIGN.md: "Rules and the candidate list are
// frozen when the session opens"). The API hashes this string when the session opens and again
// before counting; a different hash means something changed.
// ---------------------------------------------------------------------------------------------

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Canonical JSON: object keys sorted by code point, no whitespace, strings in Unicode NFC, arrays
 * in their order. Refuses what JSON cannot say exactly (undefined, NaN, Infinity, bigint, functions).
 */
export function canonicalJson(value: unknown, path = 'value'): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new DomainError(path, '不能是 NaN 或无穷大');
      return JSON.stringify(Object.is(value, -0) ? 0 : value);
    case 'string':
      return JSON.stringify(value.normalize('NFC'));
    case 'object': {
      if (Array.isArray(value))
        return `[${value.map((v, i) => canonicalJson(v, `${path}[${i}]`)).join(',')}]`;
      const entries = Object.entries(value as Record<string, unknown>)
        .map(([k, v]) => [k.normalize('NFC'), v] as const)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v, `${path}.${k}`)}`).join(',')}}`;
    }
    default:
      throw new DomainError(path, `不能写入指纹的值类型 ${typeof value}`);
  }
}

export interface SessionRules {
  rosterSize: number;
  seats: number;
  candidates: readonly VoteCandidate[];
}

/**
 * The canonical string of a session's frozen rules and candidate list, for the API to hash
 * (e.g. SHA-256). Candidate order is kept: it is the order on the ballot. Only the fields that
 * decide the outcome are included, plus the tally rule version.
 */
export function sessionFingerprintInput(rules: SessionRules): string {
  validateSession(rules.rosterSize, rules.seats, rules.candidates);
  const canonical: Json = {
    ruleVersion: TALLY_RULE_VERSION,
    rosterSize: rules.rosterSize,
    seats: rules.seats,
    maxMarksPerBallot: rules.seats,
    adoption: 'TOP_SEATS_AND_MORE_THAN_HALF_OF_ROSTER',
    candidates: rules.candidates.map((c) => ({ id: c.id, name: c.name })),
  };
  return canonicalJson(canonical);
}

// ---------------------------------------------------------------------------------------------
// Year-end evaluation (人大评)
// ---------------------------------------------------------------------------------------------

export type SatisfactionRating = 'SATISFIED' | 'BASICALLY_SATISFIED' | 'UNSATISFIED';

export const SATISFACTION_RATING_LABELS: Readonly<Record<SatisfactionRating, string>> = {
  SATISFIED: '满意',
  BASICALLY_SATISFIED: '基本满意',
  UNSATISFIED: '不满意',
};

export interface SatisfactionInput {
  /** Delegates on the roster, whether they rated or not. */
  rosterSize: number;
  satisfied: number;
  basic: number;
  unsatisfied: number;
}

/**
 * "satisfied" when satisfied votes exceed half of all delegates on the roster, "basically
 * satisfied" when satisfied plus basically satisfied do, else "unsatisfied" (DESIGN.md).
 */
export function satisfaction(input: SatisfactionInput): SatisfactionRating {
  requirePositiveInteger(input.rosterSize, 'rosterSize');
  requireNonNegativeInteger(input.satisfied, 'satisfied');
  requireNonNegativeInteger(input.basic, 'basic');
  requireNonNegativeInteger(input.unsatisfied, 'unsatisfied');
  const cast = input.satisfied + input.basic + input.unsatisfied;
  if (cast > input.rosterSize)
    throw new DomainError('rosterSize', `评价票 ${cast} 张，多于代表 ${input.rosterSize} 人`);
  if (input.satisfied * 2 > input.rosterSize) return 'SATISFIED';
  if ((input.satisfied + input.basic) * 2 > input.rosterSize) return 'BASICALLY_SATISFIED';
  return 'UNSATISFIED';
}

// ---------------------------------------------------------------------------------------------
// Quorum and paper-ballot reconciliation (清点人数、核对选票)
// ---------------------------------------------------------------------------------------------

/**
 * The vote opens only when at least two thirds of the delegates on the roster are present
 * (checked in): a people's congress meets only with more than two thirds of its delegates
 * (人民代表大会会议须有三分之二以上的代表出席始得举行). Returns the delegates still needed.
 */
export function quorumShortfall(checkedIn: number, rosterSize: number): number {
  requireNonNegativeInteger(checkedIn, 'checkedIn');
  requirePositiveInteger(rosterSize, 'rosterSize');
  if (checkedIn > rosterSize)
    throw new DomainError('checkedIn', `报到 ${checkedIn} 人，多于应到代表 ${rosterSize} 人`);
  const needed = Math.ceil((rosterSize * 2) / 3);
  return Math.max(0, needed - checkedIn);
}

export interface BallotReconciliation {
  /** Paper sheets handed out (发出选票). */
  issued: number;
  /** Paper sheets entered back (收回选票). */
  returned: number;
  /** True when the paper count is acceptable: no more sheets came back than were handed out. */
  valid: boolean;
  /** Sheets handed out and not returned. */
  notReturned: number;
  reason: string | null;
}

/**
 * Reconciles the paper ballots: returned sheets may be fewer than issued (a delegate may keep
 * theirs), never more — more sheets back than out means the paper vote cannot be trusted
 * (收回的选票多于发出的选票，本次表决无效).
 */
export function reconcilePaperBallots(issued: number, returned: number): BallotReconciliation {
  requireNonNegativeInteger(issued, 'issued');
  requireNonNegativeInteger(returned, 'returned');
  if (returned > issued) {
    return {
      issued,
      returned,
      valid: false,
      notReturned: 0,
      reason: `收回纸质选票 ${returned} 张，多于发出 ${issued} 张`,
    };
  }
  return { issued, returned, valid: true, notReturned: issued - returned, reason: null };
}
