import { scheduleJob } from '../../core/jobs';
import type { ModuleServices } from '../../core/module';
import { monthEndTick } from './lights.service';
import { autoCloseTick } from './month-close.service';
import { now as clockNow } from '../../core/clock';

/**
 * Runs the month-end lights in every API process: shortly after start and then every
 * MONTH_END_JOB_MINUTES (default 60). Safe with several processes: the job only inserts lights
 * that are missing, under the unique (project, month) key. Off in tests (they call the job directly).
 */
export function startMonthEndJob(services: ModuleServices): void {
  scheduleJob(services, {
    name: 'month-end lights',
    intervalVariable: 'MONTH_END_JOB_MINUTES',
    defaultMinutes: 60,
    firstRunAfterMs: 30_000,
    run: async (s) => {
      const now = clockNow();
      return (await monthEndTick(s.db.manager, now)) + (await autoCloseTick(s.db.manager, now));
    },
  });
}
