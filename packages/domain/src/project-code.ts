/**
 * 项目代码: the 24-character code 全国投资项目在线审批监管平台 gives every investment project, used
 * across departments (and as the OC4IDS identifier when present). Layout `YYYY-AAAAAA-II-TT-NNNNNN`:
 * the year it was assigned, the administrative division (GB/T 2260; 000000 for central projects), the
 * industry (国民经济行业分类 major group 01–97), the approval type (01 审批, 02 核准, 03 备案) and a
 * serial number.
 */
import { DomainError } from './errors';

const SHAPE = /^(\d{4})-(\d{6})-(\d{2})-(\d{2})-(\d{6})$/;
/** The provinces' first two digits in GB/T 2260 (and 71, 81, 82). */
const PROVINCES = new Set([11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82]);
export const PROJECT_CODE_TYPES: Readonly<Record<string, string>> = { '01': '审批', '02': '核准', '03': '备案' };
/** The platform's first codes were given in 2014. */
export const FIRST_PROJECT_CODE_YEAR = 2014;

/** Why a code is not a valid 项目代码, or null; `latestYear` (this year) bounds its year. */
export function projectCodeProblem(code: string, latestYear: number): string | null {
  const text = code.trim();
  if (text.length !== 24) return `项目代码应为 24 位（形如 2020-210111-48-01-000123），实为 ${text.length} 位`;
  const m = SHAPE.exec(text);
  if (!m) return '项目代码应写作 年份-行政区划-行业-类型-流水号，如 2020-210111-48-01-000123';
  const [, year, division, industry, type, serial] = m;
  if (Number(year) < FIRST_PROJECT_CODE_YEAR || Number(year) > latestYear) return `项目代码的年份应在 ${FIRST_PROJECT_CODE_YEAR}–${latestYear} 年之间`;
  if (division !== '000000' && !PROVINCES.has(Number(division!.slice(0, 2)))) return `项目代码的行政区划 ${division} 不是有效的区划代码`;
  if (Number(industry) < 1 || Number(industry) > 97) return `项目代码的行业代码 ${industry} 应在 01–97 之间（国民经济行业分类大类）`;
  if (!PROJECT_CODE_TYPES[type!]) return `项目代码的类型 ${type} 应为 01（审批）、02（核准）或 03（备案）`;
  if (serial === '000000') return '项目代码的流水号不能为 000000';
  return null;
}

/** The code trimmed; throws a DomainError naming the field when it is invalid. */
export function requireProjectCode(code: string, field: string, latestYear: number): string {
  const problem = projectCodeProblem(code, latestYear);
  if (problem) throw new DomainError(field, problem);
  return code.trim();
}
