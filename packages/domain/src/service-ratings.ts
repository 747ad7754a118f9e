/**
 * 好差评: every case (办件) can be rated by its applicant, 1 to 5, with reasons, through a link
 * carrying a one-time token. A bad rating (差评: 不满意 or 非常不满意, 1 or 2) opens a
 * rectification (整改) with an owner and a deadline on the working-day calendar, closed in four
 * recorded steps: verify (核实) → rectify (整改) → feedback to the applicant (反馈) → return visit
 * (回访). A rating found unfounded on verification skips the rectification and goes to feedback; an
 * applicant still dissatisfied at the return visit sends it back to rectification.
 *
 * A rectification is "rectified" once it leaves verification and rectification (FEEDBACK,
 * RETURN_VISIT or CLOSED); one still verifying or rectifying after its deadline day is overdue, as an
 * open problem past its deadline is.
 */
import { type CalendarDate, requireDate } from './dates';
import { DomainError, type Problem } from './errors';
import { requireNonEmptyText } from './validate';
import { addWorkingDays } from './workdays';

export type RatingScore = 1 | 2 | 3 | 4 | 5;
export const RATING_SCORE_LABELS: Readonly<Record<RatingScore, string>> = {
  5: '非常满意',
  4: '满意',
  3: '基本满意',
  2: '不满意',
  1: '非常不满意',
};
/** 差评: 不满意 and 非常不满意. */
export const BAD_RATING_MAX = 2;
export const isBadRating = (score: number): boolean => score >= 1 && score <= BAD_RATING_MAX;

export type RatingReason =
  | 'FAST'
  | 'FRIENDLY'
  | 'CLEAR_GUIDE'
  | 'ONE_VISIT'
  | 'SLOW'
  | 'MANY_VISITS'
  | 'MANY_MATERIALS'
  | 'POOR_ATTITUDE'
  | 'UNCLEAR_GUIDE'
  | 'SYSTEM_TROUBLE'
  | 'OTHER';
/** The reasons a rating may give: the first four praise, the rest complain (OTHER goes with any). */
export const RATING_REASON_LABELS: Readonly<Record<RatingReason, string>> = {
  FAST: '办理快捷',
  FRIENDLY: '服务热情',
  CLEAR_GUIDE: '指南清晰',
  ONE_VISIT: '最多跑一次',
  SLOW: '办理时间长',
  MANY_VISITS: '跑动次数多',
  MANY_MATERIALS: '材料要求多',
  POOR_ATTITUDE: '服务态度差',
  UNCLEAR_GUIDE: '指南不清楚',
  SYSTEM_TROUBLE: '系统不好用',
  OTHER: '其他',
};
export const RATING_REASONS = Object.keys(RATING_REASON_LABELS) as RatingReason[];
const GOOD_REASONS: readonly RatingReason[] = ['FAST', 'FRIENDLY', 'CLEAR_GUIDE', 'ONE_VISIT', 'OTHER'];
const BAD_REASONS: readonly RatingReason[] = [
  'SLOW',
  'MANY_VISITS',
  'MANY_MATERIALS',
  'POOR_ATTITUDE',
  'UNCLEAR_GUIDE',
  'SYSTEM_TROUBLE',
  'OTHER',
];
/** The reasons that go with a score: praise from 4 up, complaints up to 3 (基本满意 may say what could be better). */
export function reasonsFor(score: number): readonly RatingReason[] {
  return score >= 4 ? GOOD_REASONS : BAD_REASONS;
}

export const RATING_COMMENT_MAX = 500;

export interface RatingInput {
  score: number;
  reasons: readonly string[];
  comment?: string | null;
}

/**
 * Every problem of a rating: a whole score 1–5, known reasons that go with it, each once; a bad rating
 * says why (a reason, and a comment when the reason is OTHER); a comment at most 500 characters.
 */
export function ratingProblems(input: RatingInput, at = 'input'): Problem[] {
  const problems: Problem[] = [];
  const add = (field: string, reason: string) => problems.push({ field: `${at}.${field}`, reason });
  const { score } = input;
  if (!Number.isInteger(score) || score < 1 || score > 5) {
    add('score', '评价须为 1 至 5 的整数');
    return problems;
  }
  const allowed = reasonsFor(score);
  const seen = new Set<string>();
  input.reasons.forEach((r, i) => {
    if (!(r in RATING_REASON_LABELS)) add(`reasons[${i}]`, `未知的评价理由“${r}”`);
    else if (!allowed.includes(r as RatingReason))
      add(`reasons[${i}]`, `“${RATING_REASON_LABELS[r as RatingReason]}”与“${RATING_SCORE_LABELS[score as RatingScore]}”不符`);
    else if (seen.has(r)) add(`reasons[${i}]`, '评价理由重复');
    seen.add(r);
  });
  const comment = (input.comment ?? '').trim();
  if (isBadRating(score) && input.reasons.length === 0) add('reasons', '差评须选择至少一个理由');
  if (isBadRating(score) && seen.has('OTHER') && comment === '') add('comment', '选择“其他”理由时须写明具体意见');
  if ([...comment].length > RATING_COMMENT_MAX) add('comment', `意见不能超过 ${RATING_COMMENT_MAX} 字`);
  return problems;
}

/** Working days a district has to rectify a bad rating (差评整改 within five working days). */
export const RECTIFICATION_WORKING_DAYS = 5;

/** The rectification's deadline: five working days after the day the bad rating came in. */
export function rectificationDeadline(openedOn: CalendarDate): CalendarDate {
  requireDate(openedOn, 'openedOn');
  return addWorkingDays(openedOn, RECTIFICATION_WORKING_DAYS);
}

export type RectificationStatus = 'VERIFYING' | 'RECTIFYING' | 'FEEDBACK' | 'RETURN_VISIT' | 'CLOSED';
export const RECTIFICATION_STATUS_LABELS: Readonly<Record<RectificationStatus, string>> = {
  VERIFYING: '待核实',
  RECTIFYING: '整改中',
  FEEDBACK: '待反馈',
  RETURN_VISIT: '待回访',
  CLOSED: '已办结',
};
/** Not yet rectified: an overdue rectification is one of these past its deadline. */
export const UNRECTIFIED_STATUSES: readonly RectificationStatus[] = ['VERIFYING', 'RECTIFYING'];

export type RectificationStep = 'VERIFY' | 'RECTIFY' | 'FEEDBACK' | 'RETURN_VISIT';
export const RECTIFICATION_STEP_LABELS: Readonly<Record<RectificationStep, string>> = {
  VERIFY: '核实',
  RECTIFY: '整改',
  FEEDBACK: '反馈',
  RETURN_VISIT: '回访',
};
/** The step each status waits for. */
export const STEP_OF_STATUS: Readonly<Record<Exclude<RectificationStatus, 'CLOSED'>, RectificationStep>> = {
  VERIFYING: 'VERIFY',
  RECTIFYING: 'RECTIFY',
  FEEDBACK: 'FEEDBACK',
  RETURN_VISIT: 'RETURN_VISIT',
};

export interface RectificationState {
  status: RectificationStatus;
  openedOn: CalendarDate;
  deadline: CalendarDate;
  /** The day it left VERIFYING/RECTIFYING for feedback (rectified, or found unfounded). */
  rectifiedOn: CalendarDate | null;
  closedOn: CalendarDate | null;
  /** Whether verification found the complaint founded (属实); null before verification. */
  founded: boolean | null;
}

export interface StepPayload {
  date: CalendarDate;
  note: string;
  /** VERIFY: whether the complaint is founded. */
  founded?: boolean | null;
  /** RETURN_VISIT: whether the applicant is now satisfied. */
  satisfied?: boolean | null;
}

/** A new rectification, waiting for verification, due five working days after the bad rating. */
export function openRectification(openedOn: CalendarDate): RectificationState {
  return {
    status: 'VERIFYING',
    openedOn,
    deadline: rectificationDeadline(openedOn),
    rectifiedOn: null,
    closedOn: null,
    founded: null,
  };
}

/**
 * Records a step and returns the new state, or throws a DomainError: on `step` when the step is not
 * the one the rectification waits for, on the payload field when something it needs is missing (a
 * note always; the finding at verification; the applicant's verdict at the return visit).
 */
export function recordRectificationStep(
  state: RectificationState,
  step: RectificationStep,
  payload: StepPayload,
): RectificationState {
  if (state.status === 'CLOSED') throw new DomainError('step', '整改已办结');
  const expected = STEP_OF_STATUS[state.status];
  if (step !== expected)
    throw new DomainError(
      'step',
      `「${RECTIFICATION_STATUS_LABELS[state.status]}」的整改下一步应为${RECTIFICATION_STEP_LABELS[expected]}`,
    );
  requireDate(payload?.date, 'date');
  if (payload.date < state.openedOn) throw new DomainError('date', '办理日期不能早于差评日期');
  requireNonEmptyText(payload.note, 'note', `${RECTIFICATION_STEP_LABELS[step]}情况`);
  switch (step) {
    case 'VERIFY':
      if (payload.founded !== true && payload.founded !== false)
        throw new DomainError('founded', '核实须说明差评是否属实');
      return payload.founded
        ? { ...state, status: 'RECTIFYING', founded: true }
        : { ...state, status: 'FEEDBACK', founded: false, rectifiedOn: payload.date };
    case 'RECTIFY':
      return { ...state, status: 'FEEDBACK', rectifiedOn: payload.date };
    case 'FEEDBACK':
      return { ...state, status: 'RETURN_VISIT' };
    case 'RETURN_VISIT':
      if (payload.satisfied !== true && payload.satisfied !== false)
        throw new DomainError('satisfied', '回访须记录申请人是否满意');
      return payload.satisfied
        ? { ...state, status: 'CLOSED', closedOn: payload.date }
        : { ...state, status: 'RECTIFYING', founded: true, rectifiedOn: null };
    default:
      throw new DomainError('step', `未知的步骤 "${String(step)}"`);
  }
}

/** Still verifying or rectifying after its deadline day. */
export function isRectificationOverdue(state: Pick<RectificationState, 'status' | 'deadline'>, today: CalendarDate): boolean {
  requireDate(today, 'today');
  return UNRECTIFIED_STATUSES.includes(state.status) && today > state.deadline;
}
