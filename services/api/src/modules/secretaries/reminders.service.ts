import { In, type EntityManager } from 'typeorm';
import { Secretary, SecretaryAssignment, ServiceLogEntry } from './secretary.entity';

/** The running assignments of secretaries who have an account: who reports for which project, since when. */
export async function runningAssignments(em: EntityManager, today: string): Promise<{ projectId: number; userId: number; startDate: string }[]> {
  const rows = await em
    .getRepository(SecretaryAssignment)
    .createQueryBuilder('a')
    .innerJoin(Secretary, 's', 's.id = a.secretaryId')
    .select('a.project_id', 'projectId')
    .addSelect('s.user_id', 'userId')
    .addSelect('a.start_date', 'startDate')
    .where('s.user_id IS NOT NULL AND a.start_date <= :today AND (a.end_date IS NULL OR a.end_date >= :today)', { today })
    .orderBy('a.id', 'ASC')
    .getRawMany<{ projectId: unknown; userId: unknown; startDate: string }>();
  return rows.map((r) => ({ projectId: Number(r.projectId), userId: Number(r.userId), startDate: r.startDate }));
}

/** The last service-log contact of each project up to today. */
export async function lastContacts(em: EntityManager, projectIds: number[], today: string): Promise<Map<number, string>> {
  if (projectIds.length === 0) return new Map();
  const rows = await em
    .getRepository(ServiceLogEntry)
    .createQueryBuilder('l')
    .select('l.project_id', 'projectId')
    .addSelect('MAX(l.date)', 'last')
    .where('l.project_id IN (:...ids) AND l.date <= :today', { ids: [...new Set(projectIds)], today })
    .groupBy('l.project_id')
    .getRawMany<{ projectId: unknown; last: string }>();
  return new Map(rows.map((r) => [Number(r.projectId), r.last]));
}

/** The accounts of these secretaries (secretary id → user id), for those who have one. */
export async function secretaryUsers(em: EntityManager, secretaryIds: number[]): Promise<Map<number, number>> {
  if (secretaryIds.length === 0) return new Map();
  const rows = await em.find(Secretary, { where: { id: In([...new Set(secretaryIds)]) }, select: { id: true, userId: true } });
  return new Map(rows.filter((r) => r.userId !== null).map((r) => [r.id, r.userId!]));
}
