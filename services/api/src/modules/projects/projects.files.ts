import { registerFileAccess } from '../../core/files';
import type { Context } from '../../core/context';
import { MonthlyReport } from './plan.entity';
import { scopedProjects } from './projects.scope';
import { ProjectDocument } from './contracts.entity';
import { PROJECT_DOCUMENT } from './contracts.service';
import { RENDERING, REPORT_PHOTO } from './pictures.service';

async function canReadProject(ctx: Context, projectId: number): Promise<boolean> {
  if (ctx.viewer.userId === null) return false;
  return (await scopedProjects(ctx).andWhere('p.id = :id', { id: projectId }).getCount()) > 0;
}

/** Photos of a report, renderings and documents' files of a project are served to whoever may read the project. */
export function registerProjectFileAccess(): void {
  registerFileAccess(REPORT_PHOTO, async (ctx, file) => {
    const report = await ctx.db.getRepository(MonthlyReport).findOneBy({ id: Number(file.ownerId) });
    return !!report && canReadProject(ctx, report.projectId);
  });
  registerFileAccess(RENDERING, async (ctx, file) => canReadProject(ctx, Number(file.ownerId)));
  registerFileAccess(PROJECT_DOCUMENT, async (ctx, file) => {
    const doc = await ctx.db.getRepository(ProjectDocument).findOneBy({ id: Number(file.ownerId) });
    return !!doc && canReadProject(ctx, doc.projectId);
  });
}
