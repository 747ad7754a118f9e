/**
 * The canonical text of a published record (a light board, a ranking): JSON with the keys of every
 * object in code-point order and no white space, so the same content always gives the same text
 * and the same SHA-256, whoever computes it. Numbers must be safe integers (money travels as
 * strings), and undefined is not allowed: a published record says what it says.
 */
import { DomainError } from './errors';

export function canonicalJson(value: unknown, at = 'value'): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isSafeInteger(value)) throw new DomainError(at, `published numbers are whole numbers; ${value} is not (write amounts as strings)`);
      return String(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((v, i) => canonicalJson(v, `${at}[${i}]`)).join(',')}]`;
      if (value instanceof Date) return JSON.stringify(value.toISOString());
      const keys = Object.keys(value as Record<string, unknown>).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k], `${at}.${k}`)}`).join(',')}}`;
    }
    default:
      throw new DomainError(at, `${typeof value} cannot be published`);
  }
}
