import { dayNumber, isCalendarDate, type CalendarDate } from './dates';
import { throwIfProblems, type Problem } from './errors';
import type { Fen } from './money';

/**
 * Documents, contracts and their variations, and the completion record of a project, on the
 * Open Contracting for Infrastructure Data Standard's terms (OC4IDS 0.9): a document's type is a
 * code of its documentType codelist, a variation one of its modificationType codes.
 */

/** The OC4IDS documentType codes a project's approvals and evidence are filed under, with their Chinese names. */
export const DOCUMENT_TYPES = {
  projectPlan: '项目建议书',
  feasibilityStudy: '可行性研究报告',
  budgetApproval: '立项 / 投资批复',
  landAndSettlementImpact: '用地 / 征拆',
  environmentalImpact: '环境影响评价',
  technicalSpecifications: '规划 / 设计文件',
  contractSigned: '合同',
  physicalProgressReport: '进度报告',
  financialAuditReport: '审计报告',
  completionCertificate: '竣工验收',
  illustration: '现场照片（销号佐证）',
} as const;

export type DocumentType = keyof typeof DOCUMENT_TYPES;

export function isDocumentType(value: string): value is DocumentType {
  return Object.prototype.hasOwnProperty.call(DOCUMENT_TYPES, value);
}

/** What a variation changes (OC4IDS modificationType). */
export type VariationType = 'value' | 'duration' | 'scope';

export interface ContractTerms {
  value: Fen;
  endDate: CalendarDate | null;
}

export interface Variation {
  type: VariationType;
  date: CalendarDate;
  reason: string;
  oldValue: Fen | null;
  newValue: Fen | null;
  oldEndDate: CalendarDate | null;
  newEndDate: CalendarDate | null;
}

/**
 * A variation against the contract's terms as they stand: it gives its reason; a change of value
 * starts from the current value and ends at a different, non-negative one; a change of duration starts
 * from the current end date and moves it; a change of scope states nothing about value or dates.
 * Throws every problem at once, each naming its field under `prefix`.
 */
export function checkVariation(current: ContractTerms, v: Variation, signedOn: CalendarDate | null, prefix = 'input'): void {
  const problems: Problem[] = [];
  const at = (f: string) => `${prefix}.${f}`;
  if (!v.reason.trim()) problems.push({ field: at('reason'), reason: '变更须写明原因' });
  if (!isCalendarDate(v.date)) problems.push({ field: at('date'), reason: '变更日期应为 YYYY-MM-DD' });
  else if (signedOn && dayNumber(v.date) < dayNumber(signedOn)) problems.push({ field: at('date'), reason: `变更日期早于合同签订日期（${signedOn}）` });
  if (v.type === 'value') {
    if (v.oldValue === null || v.newValue === null) problems.push({ field: at(v.oldValue === null ? 'oldValue' : 'newValue'), reason: '金额变更须填写变更前和变更后金额' });
    else {
      if (v.oldValue !== current.value) problems.push({ field: at('oldValue'), reason: '变更前金额应为合同现行金额' });
      if (v.newValue < 0n) problems.push({ field: at('newValue'), reason: '变更后金额不能为负' });
      else if (v.newValue === v.oldValue) problems.push({ field: at('newValue'), reason: '变更后金额与变更前相同' });
    }
  } else if (v.oldValue !== null || v.newValue !== null) problems.push({ field: at('newValue'), reason: '只有金额变更填写金额' });
  if (v.type === 'duration') {
    if (!v.newEndDate || !isCalendarDate(v.newEndDate)) problems.push({ field: at('newEndDate'), reason: '工期变更须填写变更后的完工日期' });
    else {
      if ((v.oldEndDate ?? null) !== current.endDate) problems.push({ field: at('oldEndDate'), reason: current.endDate ? `变更前完工日期应为合同现行日期（${current.endDate}）` : '合同没有完工日期，变更前日期应留空' });
      if (v.newEndDate === current.endDate) problems.push({ field: at('newEndDate'), reason: '变更后完工日期与变更前相同' });
      if (signedOn && dayNumber(v.newEndDate) < dayNumber(signedOn)) problems.push({ field: at('newEndDate'), reason: '完工日期早于合同签订日期' });
    }
  } else if (v.oldEndDate !== null || v.newEndDate !== null) problems.push({ field: at('newEndDate'), reason: '只有工期变更填写完工日期' });
  throwIfProblems(problems);
}

/** The contract's terms after its variations, in their order. */
export function termsAfter(original: ContractTerms, variations: readonly Pick<Variation, 'type' | 'newValue' | 'newEndDate'>[]): ContractTerms {
  let terms = { ...original };
  for (const v of variations) {
    if (v.type === 'value' && v.newValue !== null) terms = { ...terms, value: v.newValue };
    if (v.type === 'duration' && v.newEndDate !== null) terms = { ...terms, endDate: v.newEndDate };
  }
  return terms;
}

export interface CompletionRecord {
  endDate: CalendarDate;
  finalCost: Fen;
  finalScope: string;
  /** Why the cost, the date or the scope differ from the plan (偏差说明). */
  deviationReason: string;
}

export interface PlannedCompletion {
  totalInvestment: Fen;
  plannedEnd: CalendarDate | null;
  startDate: CalendarDate | null;
}

/** How a completed project differs from its plan: the cost and the days late (negative: early). */
export function completionDeviation(plan: PlannedCompletion, record: Pick<CompletionRecord, 'endDate' | 'finalCost'>): { cost: Fen; daysLate: number | null } {
  return {
    cost: record.finalCost - plan.totalInvestment,
    daysLate: plan.plannedEnd ? dayNumber(record.endDate) - dayNumber(plan.plannedEnd) : null,
  };
}

/**
 * A completion record (竣工): an actual end date not before the start and not after today, a final cost
 * that is not negative, the final scope, and a reason whenever the cost or the end date differ from the
 * plan. Throws every problem at once, naming fields under `prefix`.
 */
export function checkCompletion(plan: PlannedCompletion, record: CompletionRecord, today: CalendarDate, prefix = 'input'): void {
  const problems: Problem[] = [];
  const at = (f: string) => `${prefix}.${f}`;
  const dateOk = isCalendarDate(record.endDate);
  if (!dateOk) problems.push({ field: at('endDate'), reason: '竣工日期应为 YYYY-MM-DD' });
  else if (dayNumber(record.endDate) > dayNumber(today)) problems.push({ field: at('endDate'), reason: '竣工日期不能晚于今天' });
  else if (plan.startDate && dayNumber(record.endDate) < dayNumber(plan.startDate)) problems.push({ field: at('endDate'), reason: `竣工日期早于开工日期（${plan.startDate}）` });
  if (record.finalCost < 0n) problems.push({ field: at('finalCost'), reason: '决算投资不能为负' });
  if (!record.finalScope.trim()) problems.push({ field: at('finalScope'), reason: '须写明实际建设内容' });
  if (dateOk && record.finalCost >= 0n && !record.deviationReason.trim()) {
    const d = completionDeviation(plan, record);
    const differs: string[] = [];
    if (d.cost !== 0n) differs.push('决算投资与总投资不同');
    if (d.daysLate !== null && d.daysLate > 0) differs.push(`比计划晚 ${d.daysLate} 天竣工`);
    if (differs.length) problems.push({ field: at('deviationReason'), reason: `${differs.join('、')}，须说明偏差原因` });
  }
  throwIfProblems(problems);
}
