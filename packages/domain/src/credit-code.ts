/**
 * 统一社会信用代码 (GB 32100-2015): the 18-character code every company and organisation in China carries.
 * Parties of a project and target companies of investment attraction are identified by it, so a typo must be
 * caught where it is typed, not discovered when two records of one company fail to match.
 *
 * Layout: registration authority (1), organisation type (1), administrative division (6 digits), organisation
 * code (9), check character (1). The alphabet leaves out I, O, S, V and Z, which read like digits.
 */
import { DomainError } from './errors';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** The check character for the first 17 characters of a code (they must be in the code's alphabet). */
export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i]!) * WEIGHTS[i]!;
  return ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** Why a code is not a valid 统一社会信用代码, or null when it is. Lower case is read as upper case. */
export function creditCodeProblem(code: string): string | null {
  const text = code.trim().toUpperCase();
  if (text.length !== 18) return `统一社会信用代码应为 18 位，实为 ${text.length} 位`;
  if (!SHAPE.test(text)) return '统一社会信用代码含有不允许的字符（第 3–8 位为行政区划数字，不使用 I、O、S、V、Z）';
  if (creditCodeCheckCharacter(text.slice(0, 17)) !== text[17]) return '统一社会信用代码校验位不符，请核对是否录错';
  return null;
}

/** The code in its stored form (trimmed, upper case); throws a DomainError naming the field when it is invalid. */
export function requireCreditCode(code: string, field: string): string {
  const problem = creditCodeProblem(code);
  if (problem) throw new DomainError(field, problem);
  return code.trim().toUpperCase();
}
