/**
 * Funding by source (资金来源): per project and year, the amount planned and received from each of the
 * city's sources (中央预算内投资, 地方政府专项债券, 地方财政资金, 银行贷款, 社会资本 …); a special bond
 * (专项债) line also carries its bond batch, the amount issued and the amount spent. Amounts are 分.
 */
import { formatYuan, type Fen } from './money';
import { throwIfProblems, type Problem } from './errors';

export interface FundingLine {
  sourceCode: string;
  planned: Fen;
  received: Fen;
  bondBatch: string | null;
  bondIssued: Fen | null;
  bondSpent: Fen | null;
}

/**
 * Checks a year's lines: no negative amount, each source once, bond fields on special-bond lines only,
 * a bond line with its batch, spent no more than issued and issued no more than planned. Every
 * problem at once, under `lines[i].field`.
 */
export function checkFundingLines(lines: readonly FundingLine[], isBond: (sourceCode: string) => boolean, at = 'lines'): void {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  lines.forEach((l, i) => {
    const f = (field: string) => `${at}[${i}].${field}`;
    if (seen.has(l.sourceCode)) problems.push({ field: f('sourceId'), reason: '同一资金来源只能填一行' });
    seen.add(l.sourceCode);
    if (l.planned < 0n) problems.push({ field: f('planned'), reason: '计划金额不能为负' });
    if (l.received < 0n) problems.push({ field: f('received'), reason: '到位金额不能为负' });
    if (isBond(l.sourceCode)) {
      if (!l.bondBatch?.trim()) problems.push({ field: f('bondBatch'), reason: '专项债须填写发行批次' });
      const issued = l.bondIssued ?? 0n;
      const spent = l.bondSpent ?? 0n;
      if (issued < 0n) problems.push({ field: f('bondIssued'), reason: '发行金额不能为负' });
      else if (issued > l.planned) problems.push({ field: f('bondIssued'), reason: '发行金额不能超过计划金额' });
      if (spent < 0n) problems.push({ field: f('bondSpent'), reason: '支出金额不能为负' });
      else if (spent > issued) problems.push({ field: f('bondSpent'), reason: '支出金额不能超过发行金额' });
    } else {
      if (l.bondBatch?.trim()) problems.push({ field: f('bondBatch'), reason: '只有专项债填写发行批次' });
      if (l.bondIssued !== null || l.bondSpent !== null) problems.push({ field: f('bondIssued'), reason: '只有专项债填写发行和支出金额' });
    }
  });
  throwIfProblems(problems);
}

/**
 * Splits `total` 分 by integer weights exactly: each share rounded down, the remainder given one 分
 * at a time to the largest weights first, so the shares always add up to the total.
 */
export function splitByWeights(total: Fen, weights: readonly number[]): Fen[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0 || weights.some((w) => !Number.isSafeInteger(w) || w < 0)) throw new RangeError('weights must be non-negative integers with a positive sum');
  const shares = weights.map((w) => (total * BigInt(w)) / BigInt(sum));
  let left = total - shares.reduce((a, b) => a + b, 0n);
  const order = weights.map((w, i) => [w, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0n; k = (k + 1) % order.length) {
    if (order[k][0] === 0) continue;
    shares[order[k][1]] += 1n;
    left -= 1n;
  }
  return shares;
}

/** A part of a month's actual investment from one funding source (按资金来源拆分), by the source's code. */
export interface InvestmentPart {
  sourceCode: string;
  amount: Fen;
}

/**
 * Checks a monthly report's split of its actual investment by funding source. The split is optional (no
 * parts: the month is not split); when given, each part names a source of the city's code list
 * (`isSource`), each source once, no amount negative, and the parts add up exactly to the month's actual
 * investment — a difference is reported under the last part's amount, with the sum and the gap. Every
 * problem at once, under `at[i].sourceCode` / `at[i].amount`.
 */
export function investmentSplitProblems(actual: Fen, parts: readonly InvestmentPart[], isSource: (code: string) => boolean, at = 'investmentBySource'): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  parts.forEach((p, i) => {
    const code = p.sourceCode.trim();
    if (!code) problems.push({ field: `${at}[${i}].sourceCode`, reason: '请选择资金来源' });
    else if (!isSource(code)) problems.push({ field: `${at}[${i}].sourceCode`, reason: `资金来源「${code}」不在本市资金来源目录中` });
    else if (seen.has(code)) problems.push({ field: `${at}[${i}].sourceCode`, reason: '同一资金来源只能填一行' });
    seen.add(code);
    if (p.amount < 0n) problems.push({ field: `${at}[${i}].amount`, reason: '金额不能为负' });
  });
  if (parts.length && !problems.length) {
    const sum = parts.reduce((a, p) => a + p.amount, 0n);
    if (sum !== actual) {
      const gap = actual - sum;
      problems.push({
        field: `${at}[${parts.length - 1}].amount`,
        reason: `各资金来源合计 ${formatYuan(sum)} 元，应等于本月实际完成投资 ${formatYuan(actual)} 元（${gap > 0n ? '还差' : '多出'} ${formatYuan(gap > 0n ? gap : -gap)} 元）`,
      });
    }
  }
  return problems;
}
