import type { EntityManager } from 'typeorm';
import { scheduleJob } from '../../core/jobs';
import { writeSystemAudit } from '../../core/transaction';
import type { ModuleServices } from '../../core/module';
import { escalateDue, today } from './problems.service';
import { now as clockNow } from '../../core/clock';

/** Who a problem listed by the job is put under until the city names someone else: the deputy mayor in charge. */
export const DEFAULT_ESCALATION_LEADER = '分管副市长';

/**
 * One run of the escalation job: every live district problem whose deadline has passed (on the
 * Asia/Shanghai calendar) is listed for city supervision (市级挂牌督办) under `cityLeader`, by the same
 * rule and conditional update as `escalateOverdueProblems`, audited as 'system'. Run twice, or by two
 * processes at once, each problem moves once. Returns how many this run moved.
 */
export async function escalationTick(em: EntityManager, now: Date, cityLeader = DEFAULT_ESCALATION_LEADER): Promise<number> {
  const moved = await em.transaction((tx) => escalateDue(tx, null, today(now), cityLeader, (entry) => writeSystemAudit(tx, 'escalation-job', entry), true));
  return moved.length;
}

/**
 * Runs the escalation job in every API process a minute after start and then every
 * PROBLEM_ESCALATION_JOB_MINUTES (default 60; 0 turns it off), naming PROBLEM_ESCALATION_LEADER
 * (default 分管副市长) as the city leader. Off in tests (they call the tick directly).
 */
export function startEscalationJob(services: ModuleServices): void {
  const leader = process.env.PROBLEM_ESCALATION_LEADER?.trim() || DEFAULT_ESCALATION_LEADER;
  scheduleJob(services, {
    name: 'problem escalation',
    intervalVariable: 'PROBLEM_ESCALATION_JOB_MINUTES',
    defaultMinutes: 60,
    firstRunAfterMs: 60_000,
    run: (s) => escalationTick(s.db.manager, clockNow(), leader),
  });
}
