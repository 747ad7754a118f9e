/**
 * Text search with LIKE on both databases. The escape character is `!` rather than a backslash:
 * MySQL reads a backslash inside a string literal as an escape of its own, SQLite does not, so
 * `ESCAPE '\'` means different things to the two.
 */
export const LIKE_ESCAPE = "ESCAPE '!'";

/** A LIKE pattern matching values that contain `text`, with `%`, `_` and `!` taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[!%_]/g, (c) => `!${c}`)}%`;
}
