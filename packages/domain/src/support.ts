/**
 * The public's support poll (公众支持度征集, 余杭): members of the public support candidate items
 * before the congress chooses, one support per person per item; the result is advice to the
 * delegates, never part of the count.
 */
export type SupportPollState = 'NONE' | 'NOT_YET' | 'OPEN' | 'CLOSED';

/** Where a poll stands at `now`: none without an opening time; open from the opening until the closing. */
export function supportPollState(opensAt: Date | null, closesAt: Date | null, now: Date): SupportPollState {
  if (!opensAt) return 'NONE';
  if (now.getTime() < opensAt.getTime()) return 'NOT_YET';
  if (closesAt && now.getTime() >= closesAt.getTime()) return 'CLOSED';
  return 'OPEN';
}

/**
 * A mainland mobile number as the poll keys a person: 11 digits starting 13–19, spaces, dashes and a
 * leading +86 or 86 removed; null when it is not one.
 */
export function normalMobile(text: string): string | null {
  const digits = (text ?? '').replace(/[\s-]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, '');
  return /^1[3-9]\d{9}$/.test(digits) ? digits : null;
}

/** Supports accepted from one client address per hour (a coarse guard against scripted floods). */
export const SUPPORTS_PER_ADDRESS_PER_HOUR = 30;
