import { jobDuration, jobRuns } from './metrics/metrics';
import type { ModuleServices } from './module';

export interface BackgroundJob {
  /** Its name in the logs. */
  name: string;
  /** The variable holding its interval in minutes; 0 or less turns the job off. */
  intervalVariable: string;
  defaultMinutes: number;
  /** The first run, this long after start. */
  firstRunAfterMs: number;
  /** One run; answers how many things it changed (logged when above 0). */
  run(services: ModuleServices): Promise<number>;
}

/**
 * Runs a job in this API process shortly after start and then every N minutes; a run still going
 * when the next is due is not doubled. Several processes run it side by side, so a job must be safe
 * to run concurrently with itself. Off in tests (they call the job's run directly).
 */
export function scheduleJob(services: ModuleServices, job: BackgroundJob): void {
  if (services.config.env === 'test') return;
  const minutes = Number(process.env[job.intervalVariable] ?? job.defaultMinutes);
  if (!Number.isFinite(minutes) || minutes <= 0) return;
  let running = false;
  const tick = async () => {
    if (running || !services.db.isInitialized) return;
    running = true;
    const started = process.hrtime.bigint();
    let outcome = 'ok';
    try {
      const changed = await job.run(services);
      if (changed > 0) services.log.info({ job: job.name, changed }, `${job.name} job`);
    } catch (e) {
      outcome = 'failed';
      services.log.error({ err: e, job: job.name }, `${job.name} job failed`);
    } finally {
      running = false;
      jobRuns.inc({ job: job.name, outcome });
      jobDuration.observe({ job: job.name }, Number(process.hrtime.bigint() - started) / 1e9);
    }
  };
  setTimeout(() => void tick(), job.firstRunAfterMs).unref();
  setInterval(() => void tick(), minutes * 60_000).unref();
}
