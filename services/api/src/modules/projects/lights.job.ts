import type { ModuleServices } from '../module';
import { monthEndTick } from './lights.service';

/**
 * Runs the month-end lights in every API process: shortly after start and then every
 * MONTH_END_JOB_MINUTES (default 60). Safe with several processes: the job only inserts lights
 * that are missing, under the unique (project, month) key. Off in tests (they call the job directly).
 */
export function startMonthEndJob(services: ModuleServices): void {
  if (services.config.env === 'test') return;
  const minutes = Number(process.env.MONTH_END_JOB_MINUTES ?? 60);
  if (!Number.isFinite(minutes) || minutes <= 0) return;
  let running = false;
  const tick = async () => {
    if (running || !services.db.isInitialized) return;
    running = true;
    try {
      const added = await monthEndTick(services.db.manager, new Date());
      if (added > 0) services.log.info({ added }, 'month-end lights');
    } catch (e) {
      services.log.error({ err: e }, 'month-end lights failed');
    } finally {
      running = false;
    }
  };
  setTimeout(() => void tick(), 30_000).unref();
  setInterval(() => void tick(), minutes * 60_000).unref();
}
