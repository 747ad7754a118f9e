import { scheduleJob } from '../../core/jobs';
import { registerGauge } from '../../core/metrics/metrics';
import type { ApiModule } from '../../core/module';
import { ExportJob } from './export-job.entity';
import { ExportStatus } from './exports.types';
import { ExportsResolver } from './exports.resolver';
import { failLostExports } from './exports.service';
import { figuresCsvRoute } from './figures-csv';

/** Bulk exports: a connection query paged through in the background into a CSV, XLSX or JSONL file. */
export const exportsModule: ApiModule = {
  name: 'exports',
  entities: [ExportJob],
  resolvers: [ExportsResolver],
  // Export files are served by core/files. Its own route: a figures query as CSV at once. Its job
  // marks lost exports as failed; its gauge shows the backlog.
  routes: (router, services) => {
    figuresCsvRoute(router, services);
    scheduleJob(services, { name: 'lost exports', intervalVariable: 'EXPORT_SWEEP_MINUTES', defaultMinutes: 10, firstRunAfterMs: 5_000, run: failLostExports });
    registerGauge({
      name: 'kpd_export_jobs',
      help: 'Bulk export jobs queued or running (the export backlog), by status.',
      read: async (db) => {
        const rows: { status: string; n: number | string }[] = await db
          .getRepository(ExportJob)
          .createQueryBuilder('j')
          .select('j.status', 'status')
          .addSelect('COUNT(*)', 'n')
          .where('j.status IN (:...active)', { active: [ExportStatus.QUEUED, ExportStatus.RUNNING] })
          .groupBy('j.status')
          .getRawMany();
        return [ExportStatus.QUEUED, ExportStatus.RUNNING].map((status) => ({ labels: { status }, value: Number(rows.find((r) => r.status === status)?.n ?? 0) }));
      },
    });
  },
};
