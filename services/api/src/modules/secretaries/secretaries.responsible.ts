import { responsibleSecretary } from '@kpd/domain';
import type { EntityManager } from 'typeorm';
import { Secretary, SecretaryAssignment } from './secretary.entity';

// The link from the problem list to the secretaries: which secretary a problem belongs to.

/** The secretary record of an account, or null (not a secretary, or not linked to one). */
export async function secretaryIdOfUser(em: EntityManager, userId: number | null): Promise<number | null> {
  if (userId === null) return null;
  const s = await em.getRepository(Secretary).findOne({ where: { userId }, select: { id: true } });
  return s?.id ?? null;
}

/**
 * The secretary answerable for a problem of a project raised on a day (responsibleSecretary in
 * @kpd/domain): the raising secretary account's own record, else the project's lead or sole
 * secretary that day.
 */
export async function answerableSecretary(
  em: EntityManager,
  raisedBySecretaryUserId: number | null,
  projectId: number,
  raisedDate: string,
): Promise<number | null> {
  const own = await secretaryIdOfUser(em, raisedBySecretaryUserId);
  const assignments = own === null ? await em.getRepository(SecretaryAssignment).findBy({ projectId }) : [];
  return responsibleSecretary(own, assignments, raisedDate);
}
