import type { CandidateCount } from './tally';

/**
 * Why a candidate the vote did not adopt goes to the reserve library (项目储备库), in the words
 * published with it: short of the majority of the roster, or with a majority but outside the seats
 * (or left over when the vote was ended with seats unfilled).
 */
export function reserveReason(count: Pick<CandidateCount, 'votes' | 'hasMajority' | 'position'>, majorityVotes: number, seats: number): string {
  if (!Number.isInteger(count.votes) || count.votes < 0) throw new RangeError('votes must be a non-negative integer');
  if (!count.hasMajority) return `得票 ${count.votes} 票，未超过全体代表的半数（须 ${majorityVotes} 票），未获通过`;
  if (count.position > seats) return `得票 ${count.votes} 票，过半数但名次第 ${count.position}，未进入应选的 ${seats} 项`;
  return `得票 ${count.votes} 票，过半数，票决结束时仍有名额未定，未获通过`;
}

/** Why an accepted proposal that no candidate took goes to the reserve library. */
export const NOT_PUT_TO_VOTE_REASON = '建议已采纳，但未列入本次票决候选项目';
