import { requireNonNegativeInteger } from './validate';

/**
 * Attendance binds the vote (出席与投票核对): only delegates of the roster who checked in may vote,
 * once, in the app or on a paper sheet. The published count states each of these numbers, and a
 * round whose numbers do not add up is not counted.
 */
export interface Attendance {
  /** Delegates on the roster (应到). */
  rosterSize: number;
  /** Delegates checked in (实到). */
  checkedIn: number;
  /** Delegates who voted in the app (电子投票人数). */
  votedElectronically: number;
  /** Delegates handed a paper sheet (领取纸质选票人数). */
  votedOnPaper: number;
  /** Paper sheets issued (发出纸质选票). */
  sheetsIssued: number;
  /** Paper sheets returned and entered (收回纸质选票). */
  sheetsReturned: number;
  /** Returned sheets counted invalid (废票). */
  spoiled: number;
}

export interface BallotsByChannel {
  /** Ballots stored from the app. */
  electronic: number;
  /** Ballots stored from paper sheets. */
  paper: number;
}

export interface AttendanceProblem {
  /** Which number is wrong. */
  field: keyof Attendance | 'ballots';
  /** Why, in Chinese. */
  reason: string;
}

/**
 * Checks the attendance arithmetic of a round against its ballots. Every problem is listed; an
 * empty list means the numbers add up:
 * checked in ≤ roster; voted (app + paper) ≤ checked in; app ballots = delegates who voted in the app;
 * sheets issued = delegates handed one; sheets returned ≤ issued and = paper ballots;
 * spoiled ≤ returned; ballots ≤ checked in.
 */
export function attendanceProblems(a: Attendance, ballots: BallotsByChannel): AttendanceProblem[] {
  for (const k of ['rosterSize', 'checkedIn', 'votedElectronically', 'votedOnPaper', 'sheetsIssued', 'sheetsReturned', 'spoiled'] as const) {
    requireNonNegativeInteger(a[k], k);
  }
  requireNonNegativeInteger(ballots.electronic, 'electronic');
  requireNonNegativeInteger(ballots.paper, 'paper');
  const out: AttendanceProblem[] = [];
  if (a.checkedIn > a.rosterSize) out.push({ field: 'checkedIn', reason: `报到 ${a.checkedIn} 人，多于名册 ${a.rosterSize} 人` });
  if (a.votedElectronically + a.votedOnPaper > a.checkedIn) {
    out.push({ field: 'votedElectronically', reason: `投票 ${a.votedElectronically + a.votedOnPaper} 人（电子 ${a.votedElectronically}、纸质 ${a.votedOnPaper}），多于报到 ${a.checkedIn} 人` });
  }
  if (ballots.electronic !== a.votedElectronically) {
    out.push({ field: 'votedElectronically', reason: `电子选票 ${ballots.electronic} 张，与电子投票 ${a.votedElectronically} 人不符` });
  }
  if (a.sheetsIssued !== a.votedOnPaper) out.push({ field: 'sheetsIssued', reason: `发出纸质选票 ${a.sheetsIssued} 张，与领票 ${a.votedOnPaper} 人不符` });
  if (a.sheetsReturned > a.sheetsIssued) out.push({ field: 'sheetsReturned', reason: `收回纸质选票 ${a.sheetsReturned} 张，多于发出 ${a.sheetsIssued} 张` });
  if (ballots.paper !== a.sheetsReturned) out.push({ field: 'sheetsReturned', reason: `纸质选票 ${ballots.paper} 张，与收回 ${a.sheetsReturned} 张不符` });
  if (a.spoiled > a.sheetsReturned) out.push({ field: 'spoiled', reason: `废票 ${a.spoiled} 张，多于收回 ${a.sheetsReturned} 张` });
  if (ballots.electronic + ballots.paper > a.checkedIn) {
    out.push({ field: 'ballots', reason: `选票 ${ballots.electronic + ballots.paper} 张，多于报到代表 ${a.checkedIn} 人` });
  }
  return out;
}
