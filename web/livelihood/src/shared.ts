import type { MessageKey } from './messages';

export const STATUS_COLORS: Partial<Record<MessageKey, string>> = {
  DRAFT: 'default',
  VOTING: 'processing',
  DECIDED: 'green',
  COUNTED: 'orange',
  ACCEPTED: 'green',
  REJECTED: 'default',
  SUBMITTED: 'blue',
};

/** A `datetime-local` value read as Beijing time ("2026-01-15T09:00") → an ISO instant, or null when empty. */
export function fromShanghaiInput(value: string | undefined | null): string | null {
  if (!value) return null;
  const withSeconds = value.length === 16 ? `${value}:00` : value;
  const d = new Date(`${withSeconds}+08:00`);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** An ISO instant → a `datetime-local` value in Beijing time, for editing. */
export function toShanghaiInput(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const d = new Date(new Date(value).getTime() + 8 * 3600_000);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString().slice(0, 16);
}

/** The session statuses of the schema's VoteSessionStatus. */
export type SessionStatus = 'DRAFT' | 'VOTING' | 'COUNTED' | 'DECIDED';

/** A quantity with its unit: "222 万平方米". */
export function quantity(value: string | null | undefined, unit: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  return `${value}${unit ? ` ${unit}` : ''}`;
}
