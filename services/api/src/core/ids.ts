import { UserInputError } from './errors';

/** Reads a GraphQL ID argument holding a database id; refuses anything else naming the field. */
export function parseId(value: string | number, field: string): number {
  const n = typeof value === 'number' ? value : /^\d{1,15}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n <= 0) throw new UserInputError(field, 'is not a valid id');
  return n;
}

export function parseOptionalId(value: string | null | undefined, field: string): number | null {
  return value === null || value === undefined || value === '' ? null : parseId(value, field);
}
