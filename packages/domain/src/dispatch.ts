/**
 * The must-dispatch rule (四个必调), DESIGN.md "Dispatch meetings" and report 000: the monthly
 * dispatch meeting's report list takes "重点推进项目、新建项目、存在问题的续建项目和重大政府投资项目".
 * A project can be on the list for several reasons; removed and completed projects are not listed.
 * A fifth reason follows the pre-construction procedures (前期手续): a project with a procedure node past
 * its promised time limit is dispatched whatever its stage, reserve projects included, so the department
 * holding it up is named at the meeting.
 */
import { DomainError } from './errors';
import { type ProjectStage, requireProjectStage } from './project';
import { requireNonNegativeInteger } from './validate';

export type MustDispatchReason =
  'KEY_PUSH' | 'NEW' | 'CONTINUING_WITH_PROBLEMS' | 'MAJOR_GOVERNMENT_INVESTMENT' | 'OVERDUE_PROCEDURES';

/** In the order report 000 names them. */
export const MUST_DISPATCH_REASONS: readonly MustDispatchReason[] = [
  'KEY_PUSH',
  'NEW',
  'CONTINUING_WITH_PROBLEMS',
  'MAJOR_GOVERNMENT_INVESTMENT',
  'OVERDUE_PROCEDURES',
];

export const MUST_DISPATCH_REASON_LABELS: Readonly<Record<MustDispatchReason, string>> = {
  KEY_PUSH: '重点推进项目',
  NEW: '新建项目',
  CONTINUING_WITH_PROBLEMS: '存在问题的续建项目',
  MAJOR_GOVERNMENT_INVESTMENT: '重大政府投资项目',
  OVERDUE_PROCEDURES: '前期手续逾期项目',
};

export interface DispatchCandidate {
  id: string;
  keyPush: boolean;
  stage: ProjectStage;
  majorGovernmentInvestment: boolean;
  /** Problems of the project not yet resolved (open or in progress). */
  openProblemCount: number;
  /** Procedure nodes past their promised time limit on the working-day calendar (none when not given). */
  overdueProcedureCount?: number;
}

export interface DispatchListEntry {
  id: string;
  reasons: MustDispatchReason[];
  /** The reasons' Chinese labels, in the same order. */
  labels: string[];
}

/** Why a project must be dispatched this month; empty when it need not be (or is removed or completed). */
export function mustDispatchReasons(project: DispatchCandidate, field = 'project'): MustDispatchReason[] {
  requireProjectStage(project.stage, `${field}.stage`);
  requireNonNegativeInteger(project.openProblemCount, `${field}.openProblemCount`);
  const overdue = project.overdueProcedureCount ?? 0;
  requireNonNegativeInteger(overdue, `${field}.overdueProcedureCount`);
  if (project.stage === 'REMOVED' || project.stage === 'COMPLETED') return [];
  const reasons: MustDispatchReason[] = [];
  if (project.keyPush) reasons.push('KEY_PUSH');
  if (project.stage === 'NEW') reasons.push('NEW');
  if (project.stage === 'CONTINUING' && project.openProblemCount > 0)
    reasons.push('CONTINUING_WITH_PROBLEMS');
  if (project.majorGovernmentInvestment) reasons.push('MAJOR_GOVERNMENT_INVESTMENT');
  if (overdue > 0) reasons.push('OVERDUE_PROCEDURES');
  return reasons;
}

/** The meeting's report list (汇报项目清单), in the order the projects were given, each with its reasons. */
export function mustDispatchList(projects: readonly DispatchCandidate[]): DispatchListEntry[] {
  const ids = new Set<string>();
  const list: DispatchListEntry[] = [];
  projects.forEach((p, i) => {
    if (ids.has(p.id)) throw new DomainError(`projects[${i}].id`, `项目 ${p.id} 重复`);
    ids.add(p.id);
    const reasons = mustDispatchReasons(p, `projects[${i}]`);
    if (reasons.length > 0)
      list.push({ id: p.id, reasons, labels: reasons.map((r) => MUST_DISPATCH_REASON_LABELS[r]) });
  });
  return list;
}
