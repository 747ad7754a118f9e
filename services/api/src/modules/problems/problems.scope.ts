import type { SelectQueryBuilder } from 'typeorm';
import { projectReach, signedIn } from '../../core/auth/policy';
import { NotFoundError } from '../../core/errors';
import type { Context } from '../../core/context';
import { Problem } from './problem.entity';

/** Every read of problems starts here: admins and analysts their area, secretaries their projects' problems. */
export function scopedProblems(ctx: Context, alias = 'pr'): SelectQueryBuilder<Problem> {
  const viewer = signedIn(ctx.viewer);
  const qb = ctx.db.getRepository(Problem).createQueryBuilder(alias);
  const reach = projectReach(viewer);
  if (reach === 'area') {
    const ids = viewer.scope.areaIds();
    if (ids) qb.andWhere(`${alias}.area_id IN (:...__problemAreas)`, { __problemAreas: ids });
  } else if (reach === 'assigned') {
    qb.andWhere(`${alias}.project_id IN (SELECT pa.project_id FROM project_assignments pa WHERE pa.user_id = :__problemUser)`, { __problemUser: viewer.userId });
  } else {
    qb.andWhere('1 = 0');
  }
  return qb;
}

export async function readableProblem(ctx: Context, id: number): Promise<Problem> {
  const problem = await scopedProblems(ctx).andWhere('pr.id = :id', { id }).getOne();
  if (!problem) throw new NotFoundError('Problem', id);
  return problem;
}
