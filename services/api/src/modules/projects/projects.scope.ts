import type { SelectQueryBuilder } from 'typeorm';
import { Role } from '../../core/auth/user.entity';
import { isSignedIn } from '../../core/auth/viewer';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../../core/errors';
import type { Context } from '../../core/context';
import { Project } from './project.entity';

/**
 * Every read of projects starts here, so no path — by id, filter or nested field — reaches a
 * project outside the viewer's reach: admins and analysts read their area and everything under it;
 * secretaries read the projects assigned to them; other roles read none.
 */
export function scopedProjects(ctx: Context, alias = 'p'): SelectQueryBuilder<Project> {
  if (!isSignedIn(ctx.viewer)) throw new UnauthenticatedError();
  const qb = ctx.db.getRepository(Project).createQueryBuilder(alias);
  restrictToScope(ctx, qb, alias);
  return qb;
}

/** Adds the viewer's reach to a query over projects aliased `alias`. */
export function restrictToScope<T extends object>(ctx: Context, qb: SelectQueryBuilder<T>, alias: string): SelectQueryBuilder<T> {
  if (!isSignedIn(ctx.viewer)) throw new UnauthenticatedError();
  const { role, scope, userId } = ctx.viewer;
  if (role === Role.ADMIN || role === Role.ANALYST) {
    const ids = scope.areaIds();
    if (ids) qb.andWhere(`${alias}.area_id IN (:...__scopeAreaIds)`, { __scopeAreaIds: ids });
  } else if (role === Role.SECRETARY) {
    qb.andWhere(`${alias}.id IN (SELECT pa.project_id FROM project_assignments pa WHERE pa.user_id = :__scopeUser)`, { __scopeUser: userId });
  } else {
    qb.andWhere('1 = 0');
  }
  return qb;
}

/** A project the viewer may read, or NOT_FOUND (the same answer whether it exists elsewhere or not). */
export async function readableProject(ctx: Context, id: number): Promise<Project> {
  const project = await scopedProjects(ctx).andWhere('p.id = :id', { id }).getOne();
  if (!project) throw new NotFoundError('Project', id);
  return project;
}

export function isAdminOver(ctx: Context, project: Project): boolean {
  return isSignedIn(ctx.viewer) && ctx.viewer.role === Role.ADMIN && !ctx.viewer.readOnly && ctx.viewer.scope.contains(project.areaId);
}

/** A project the viewer may edit (plans, pictures, ledger fields): an admin whose scope covers it. */
export async function editableProject(ctx: Context, id: number): Promise<Project> {
  const project = await readableProject(ctx, id);
  if (!isAdminOver(ctx, project)) throw new ForbiddenError('Only an admin of the project’s area may change it');
  return project;
}

/** A project the viewer may report for: an admin over it, or a secretary assigned to it. */
export async function reportableProject(ctx: Context, id: number): Promise<Project> {
  const project = await readableProject(ctx, id);
  if (isAdminOver(ctx, project)) return project;
  if (ctx.viewer.role === Role.SECRETARY && !ctx.viewer.readOnly) return project; // readable ⇒ assigned
  throw new ForbiddenError('Only the project’s admins and its secretaries report for it');
}
