/**
 * Membership of the key-project library (重点项目库), DESIGN.md "Project": projects at or above the
 * city's investment threshold — 亿元以上 in Sujiatun/Shenyang (report 000: "列入沈阳市项目库亿元以上
 * 重点项目"), 5000万元以上 in Dalian (report 001) — and not removed. "以上" includes the threshold.
 * A red light proposes removal (report 000: red projects "从亿元以上重点项目库中剔除"); an admin
 * decides, and the decision is recorded as `removedFromLibrary` or the REMOVED stage.
 */
import { DomainError } from './errors';
import type { LightColor } from './lights';
import { type Fen, formatChineseAmount, wan, yi } from './money';
import { type ProjectStage, requireProjectStage } from './project';
import { requireNonNegativeFen } from './validate';

/** The thresholds the seeds name, in fen; a city's setting may differ. */
export const LIBRARY_THRESHOLDS = { SHENYANG: yi(1), DALIAN: wan(5000) } as const;

export interface LibraryCandidate {
  /** Total investment in fen. */
  totalInvestment: Fen;
  stage: ProjectStage;
  /** An admin removed it from the library (e.g. after a red light). */
  removedFromLibrary?: boolean;
}

export type LibraryExclusion = 'BELOW_THRESHOLD' | 'PROJECT_REMOVED' | 'REMOVED_FROM_LIBRARY';

export interface LibraryMembership {
  member: boolean;
  exclusions: LibraryExclusion[];
  reason: string;
}

/** Whether a project belongs to the library and, when not, every reason why. */
export function libraryMembership(project: LibraryCandidate, thresholdFen: Fen): LibraryMembership {
  requireNonNegativeFen(thresholdFen, 'threshold');
  if (thresholdFen === 0n) throw new DomainError('threshold', '入库投资门槛必须大于0');
  requireNonNegativeFen(project.totalInvestment, 'totalInvestment');
  requireProjectStage(project.stage, 'stage');
  const exclusions: LibraryExclusion[] = [];
  const reasons: string[] = [];
  if (project.totalInvestment < thresholdFen) {
    exclusions.push('BELOW_THRESHOLD');
    reasons.push(
      `总投资 ${formatChineseAmount(project.totalInvestment)} 低于入库门槛 ${formatChineseAmount(thresholdFen)}`,
    );
  }
  if (project.stage === 'REMOVED') {
    exclusions.push('PROJECT_REMOVED');
    reasons.push('项目已剔除');
  }
  if (project.removedFromLibrary) {
    exclusions.push('REMOVED_FROM_LIBRARY');
    reasons.push('已决定移出重点项目库');
  }
  return {
    member: exclusions.length === 0,
    exclusions,
    reason:
      exclusions.length === 0
        ? `总投资 ${formatChineseAmount(project.totalInvestment)}，达到入库门槛 ${formatChineseAmount(thresholdFen)}`
        : reasons.join('；'),
  };
}

export function isLibraryMember(project: LibraryCandidate, thresholdFen: Fen): boolean {
  return libraryMembership(project, thresholdFen).member;
}

/** A red light proposes removal from the library; the decision stays with an admin. */
export function proposesLibraryRemoval(color: LightColor | null): boolean {
  return color === 'RED';
}

/** Where a proposed library removal stands: none, proposed by a red light, or decided by an admin. */
export type RemovalState = 'PROPOSED' | 'CONFIRMED' | 'DECLINED' | null;

/**
 * The removal state of a month's light after it is lit or relit: a red light proposes removal
 * unless an admin has decided already; a light that is no longer red withdraws an undecided
 * proposal; a decision stands whatever the light becomes.
 */
export function removalAfterLighting(color: LightColor, previous: RemovalState): RemovalState {
  if (proposesLibraryRemoval(color)) return previous ?? 'PROPOSED';
  return previous === 'PROPOSED' ? null : previous;
}
