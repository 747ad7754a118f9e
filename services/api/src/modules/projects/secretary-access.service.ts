import { In, type EntityManager } from 'typeorm';
import { ProjectAssignment } from './project.entity';

/**
 * The projects a secretary account reads and reports for (project_assignments, read by
 * projects.scope.ts). The secretaries domain keeps it in step with its dated assignments: an
 * account gets a project when it is assigned to it and loses it when no running assignment is left.
 */
export async function grantProjectAccess(em: EntityManager, userId: number, projectIds: number[]): Promise<void> {
  if (projectIds.length === 0) return;
  const have = new Set((await em.findBy(ProjectAssignment, { userId, projectId: In(projectIds) })).map((a) => a.projectId));
  const missing = [...new Set(projectIds)].filter((id) => !have.has(id));
  if (missing.length) await em.insert(ProjectAssignment, missing.map((projectId) => ({ userId, projectId })));
}

export async function revokeProjectAccess(em: EntityManager, userId: number, projectIds: number[]): Promise<void> {
  if (projectIds.length === 0) return;
  await em.delete(ProjectAssignment, { userId, projectId: In(projectIds) });
}

/** The ids of the projects an account reaches as a secretary. */
export async function projectIdsOfAccount(em: EntityManager, userId: number): Promise<number[]> {
  return (await em.findBy(ProjectAssignment, { userId })).map((a) => a.projectId);
}
