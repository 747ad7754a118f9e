import type { EntityManager } from 'typeorm';
import { Problem } from './problem.entity';
import { LIVE_STATUSES } from './problems.service';

/** Live problems followed by a secretary, for their deadline reminders. */
export async function liveProblemsWithSecretary(em: EntityManager): Promise<Pick<Problem, 'id' | 'title' | 'projectId' | 'areaId' | 'deadline' | 'secretaryId' | 'ownerUnit'>[]> {
  return em
    .getRepository(Problem)
    .createQueryBuilder('pr')
    .select(['pr.id', 'pr.title', 'pr.projectId', 'pr.areaId', 'pr.deadline', 'pr.secretaryId', 'pr.ownerUnit'])
    .where('pr.status IN (:...live) AND pr.secretaryId IS NOT NULL', { live: LIVE_STATUSES })
    .orderBy('pr.id', 'ASC')
    .getMany();
}
