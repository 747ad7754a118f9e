import { createHash } from 'node:crypto';

/** SHA-256 of a text (UTF-8), as 64 lowercase hex digits: the hash a publication shows. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
