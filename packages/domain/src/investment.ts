/**
 * Investment attraction (招商引资), report 004 (沈抚示范区's 产业链图谱招商平台: "想要什么、现在有什么、需要补什么、
 * 再去哪找") and Dadong's signing targets. A lead moves along one pipeline; a lead with no step for N days is
 * stalled, like a quiet project; a chain node is filled when a local company serves it.
 */
import { type CalendarDate, daysBetween, requireDate } from './dates';
import { DomainError } from './errors';
import { requirePositiveInteger } from './validate';

/** The stages of the pipeline, in order: 线索 → 已接洽 → 已考察 → 洽谈中 → 已签约 → 已注册 → 已开工 → 入重点项目库. */
export const LEAD_STAGES = ['LEAD', 'CONTACTED', 'VISITED', 'NEGOTIATING', 'SIGNED', 'REGISTERED', 'STARTED', 'KEY_PROJECT'] as const;
export type LeadStage = (typeof LEAD_STAGES)[number];

export const LEAD_STAGE_LABELS: Readonly<Record<LeadStage, string>> = {
  LEAD: '线索',
  CONTACTED: '已接洽',
  VISITED: '已考察',
  NEGOTIATING: '洽谈中',
  SIGNED: '已签约',
  REGISTERED: '已注册',
  STARTED: '已开工',
  KEY_PROJECT: '入重点项目库',
};

/** Where a stage stands in the pipeline (0 for a lead). */
export function stageIndex(stage: LeadStage): number {
  const i = LEAD_STAGES.indexOf(stage);
  if (i < 0) throw new DomainError('stage', `没有这个招商阶段：${String(stage)}`);
  return i;
}

/** Whether a lead has reached a stage (a signed lead has also been contacted, visited …). */
export function hasReached(stage: LeadStage, target: LeadStage): boolean {
  return stageIndex(stage) >= stageIndex(target);
}

/**
 * Why a lead may not move from one stage to another, or null when it may. A lead moves forward one or more
 * stages (a visit may be skipped), never back, and enters the key-project library only through the
 * conversion (招服一体), which opens its ledger entry.
 */
export function stageMoveProblem(from: LeadStage, to: LeadStage): string | null {
  const a = stageIndex(from);
  const b = stageIndex(to);
  if (to === 'KEY_PROJECT') return '入库须通过“转为重点项目”一步完成（建立台账、指派服务秘书）';
  if (from === 'KEY_PROJECT') return '已入重点项目库的项目在重点项目台账中跟进';
  if (b === a) return `已处于“${LEAD_STAGE_LABELS[to]}”阶段`;
  if (b < a) return `不能从“${LEAD_STAGE_LABELS[from]}”退回“${LEAD_STAGE_LABELS[to]}”`;
  return null;
}

/** Whether a signed lead (signed, registered or started, not yet in the library) may become a key project. */
export function canBecomeKeyProject(stage: LeadStage): boolean {
  return hasReached(stage, 'SIGNED') && stage !== 'KEY_PROJECT';
}

export interface StallCheck {
  stage: LeadStage;
  /** The day of the lead's last step (its creation counts as a step). */
  lastStepDate: CalendarDate;
  today: CalendarDate;
  /** N: a lead with no step for N days is stalled. */
  stallDays: number;
}

/**
 * "No step for N days": a lead still being worked (before signing) is stalled once N or more calendar days
 * have passed since its last step. Signed leads are followed by their secretary, not this warning.
 */
export function isStalled(input: StallCheck): boolean {
  requirePositiveInteger(input.stallDays, 'stallDays');
  requireDate(input.today, 'today');
  requireDate(input.lastStepDate, 'lastStepDate');
  if (hasReached(input.stage, 'SIGNED')) return false;
  if (input.lastStepDate > input.today) return false;
  return daysBetween(input.lastStepDate, input.today) >= input.stallDays;
}

/** The default N of the stall warning (a month without a step). */
export const DEFAULT_STALL_DAYS = 30;

/** Conversion between two counts in percent with one decimal; null when nothing reached the earlier stage. */
export function conversionPercent(reachedLater: number, reachedEarlier: number): number | null {
  if (reachedEarlier <= 0) return null;
  return Math.round((reachedLater * 1000) / reachedEarlier) / 10;
}

/** 20亿元 and 50亿元 in 分: the thresholds of Dadong's signing targets (2 over 20亿元, 1 over 50亿元). */
export const BIG_SIGNING_FEN = 2_000_000_000n * 100n;
export const HUGE_SIGNING_FEN = 5_000_000_000n * 100n;

/**
 * How pressing a missing node is: the city's priority (1 most pressing … 5 least) counts most, then how many
 * target companies could fill it. Higher is more pressing.
 */
export function gapWeight(priority: number, targets: number): number {
  if (!Number.isInteger(priority) || priority < 1 || priority > 5) throw new DomainError('priority', '优先级应为 1–5 的整数（1 最优先）');
  return (6 - priority) * 100 + Math.min(targets, 99);
}

/** The links of a chain in the order goods flow: 上游 → 中游 → 下游. */
export const CHAIN_LINKS = ['UPSTREAM', 'MIDSTREAM', 'DOWNSTREAM'] as const;
export type ChainLinkName = (typeof CHAIN_LINKS)[number];
export const CHAIN_LINK_LABELS: Readonly<Record<ChainLinkName, string>> = { UPSTREAM: '上游', MIDSTREAM: '中游', DOWNSTREAM: '下游' };

/** A chain node as matchmaking sees it. */
export interface MatchNode {
  id: number;
  chainId: number;
  link: ChainLinkName;
  name: string;
}

/**
 * How a node meets another: SUPPLIES when its output is the other's input (the other sits in the next link of
 * the same chain), BUYS when the other's output is its input (the link before), null otherwise (another chain,
 * the same link, or two links apart).
 */
export function nodeRelation(a: MatchNode, b: MatchNode): 'SUPPLIES' | 'BUYS' | null {
  if (a.chainId !== b.chainId) return null;
  const step = CHAIN_LINKS.indexOf(b.link) - CHAIN_LINKS.indexOf(a.link);
  return step === 1 ? 'SUPPLIES' : step === -1 ? 'BUYS' : null;
}

export interface MatchCandidate {
  companyId: number;
  name: string;
  nodes: MatchNode[];
}

export interface CompanyMatchRanked {
  companyId: number;
  /** Meeting pairs (a node of the target, a node of the local company): the rank. */
  score: number;
  /** Pairs where the target supplies the local company (a customer here). */
  customerPairs: number;
  /** Pairs where the local company supplies the target (a supplier here). */
  supplierPairs: number;
  /** Why, one sentence a pair. */
  reasons: string[];
}

const nodeText = (n: MatchNode) => `“${n.name}”（${CHAIN_LINK_LABELS[n.link]}）`;

/**
 * Matchmaking (撮合招商): the local companies whose inputs or outputs meet a target's on the chain. Every pair of
 * a target node and a local company's node in the next link (the local company buys what the target makes) or
 * the link before (it supplies the target) counts one; companies are ranked by their pairs, most first, those
 * meeting the target both ways before the others at the same count, then by name. Companies that meet nowhere,
 * and the target itself, are left out.
 */
export function rankMatches(target: { companyId: number; nodes: MatchNode[] }, candidates: MatchCandidate[], limit = 10): CompanyMatchRanked[] {
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new DomainError('first', '条数应为 1–100');
  const ranked: Array<CompanyMatchRanked & { name: string }> = [];
  for (const c of candidates) {
    if (c.companyId === target.companyId) continue;
    const reasons: string[] = [];
    let customerPairs = 0;
    let supplierPairs = 0;
    for (const t of target.nodes) {
      for (const l of c.nodes) {
        const relation = nodeRelation(t, l);
        if (relation === 'SUPPLIES') {
          customerPairs++;
          reasons.push(`其${nodeText(l)}以${nodeText(t)}为投入：目标企业可为其供货`);
        } else if (relation === 'BUYS') {
          supplierPairs++;
          reasons.push(`其${nodeText(l)}是${nodeText(t)}的上游：可为目标企业本地配套`);
        }
      }
    }
    const score = customerPairs + supplierPairs;
    if (score > 0) ranked.push({ companyId: c.companyId, name: c.name, score, customerPairs, supplierPairs, reasons });
  }
  const bothWays = (m: CompanyMatchRanked) => (m.customerPairs > 0 && m.supplierPairs > 0 ? 1 : 0);
  ranked.sort((a, b) => b.score - a.score || bothWays(b) - bothWays(a) || (a.name < b.name ? -1 : a.name > b.name ? 1 : a.companyId - b.companyId));
  return ranked.slice(0, limit).map((m) => ({ companyId: m.companyId, score: m.score, customerPairs: m.customerPairs, supplierPairs: m.supplierPairs, reasons: m.reasons }));
}
