import type { EntityManager } from 'typeorm';
import { Problem } from './problem.entity';
import { LIVE_STATUSES } from './problems.service';

/** Live problems, for their deadline reminders (to the secretary who follows them and to the owner unit). */
export async function liveProblems(em: EntityManager): Promise<Pick<Problem, 'id' | 'title' | 'projectId' | 'areaId' | 'cityId' | 'deadline' | 'secretaryId' | 'ownerUnit'>[]> {
  return em
    .getRepository(Problem)
    .createQueryBuilder('pr')
    .select(['pr.id', 'pr.title', 'pr.projectId', 'pr.areaId', 'pr.cityId', 'pr.deadline', 'pr.secretaryId', 'pr.ownerUnit'])
    .where('pr.status IN (:...live)', { live: LIVE_STATUSES })
    .orderBy('pr.id', 'ASC')
    .getMany();
}
