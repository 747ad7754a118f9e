import DataLoader from 'dataloader';
import { In } from 'typeorm';
import type { Context } from '../../core/context';
import { LivelihoodMilestone, LivelihoodProgress } from './project.entity';
import { toInt } from '../../core/columns';
import { LivelihoodProposal } from './proposal.entity';
import { RosterEntry, VoteCandidateEntity } from './session.entity';
import { SupportEntry } from './support.entity';

/** Rows by the id their key gives, in the order of `ids` (an empty list for an id without rows). */
export function grouped<T>(rows: T[], key: (r: T) => number, ids: readonly number[]): T[][] {
  const map = new Map<number, T[]>();
  for (const r of rows) map.set(key(r), [...(map.get(key(r)) ?? []), r]);
  return ids.map((id) => map.get(id) ?? []);
}

export const candidatesBySession = (ctx: Context) =>
  new DataLoader<number, VoteCandidateEntity[]>(async (ids) =>
    grouped(await ctx.db.getRepository(VoteCandidateEntity).find({ where: { sessionId: In([...ids]) }, order: { position: 'ASC' } }), (c) => c.sessionId, ids),
  );

export const candidateById = (ctx: Context) =>
  new DataLoader<number, VoteCandidateEntity | null>(async (ids) => {
    const rows = await ctx.db.getRepository(VoteCandidateEntity).findBy({ id: In([...ids]) });
    return ids.map((id) => rows.find((r) => r.id === id) ?? null);
  });

export const milestonesByProject = (ctx: Context) =>
  new DataLoader<number, LivelihoodMilestone[]>(async (ids) =>
    grouped(await ctx.db.getRepository(LivelihoodMilestone).find({ where: { projectId: In([...ids]) }, order: { dueDate: 'ASC', id: 'ASC' } }), (m) => m.projectId, ids),
  );

export const progressByProject = (ctx: Context) =>
  new DataLoader<number, LivelihoodProgress[]>(async (ids) =>
    grouped(await ctx.db.getRepository(LivelihoodProgress).find({ where: { projectId: In([...ids]) }, order: { period: 'ASC' } }), (p) => p.projectId, ids),
  );

/** Roster size and check-ins per session, in one GROUP BY. */
export const rosterCountsBySession = (ctx: Context) =>
  new DataLoader<number, { size: number; checkedIn: number }>(async (ids) => {
    const rows: { sessionId: unknown; size: unknown; checkedIn: unknown }[] = await ctx.db
      .getRepository(RosterEntry)
      .createQueryBuilder('r')
      .select('r.session_id', 'sessionId')
      .addSelect('COUNT(*)', 'size')
      .addSelect('SUM(CASE WHEN r.checked_in_at IS NULL THEN 0 ELSE 1 END)', 'checkedIn')
      .where('r.session_id IN (:...ids)', { ids: [...ids] })
      .groupBy('r.session_id')
      .getRawMany();
    return ids.map((id) => {
      const row = rows.find((r) => toInt(r.sessionId) === id);
      return row ? { size: toInt(row.size), checkedIn: toInt(row.checkedIn) } : { size: 0, checkedIn: 0 };
    });
  });

export const proposalById = (ctx: Context) =>
  new DataLoader<number, LivelihoodProposal | null>(async (ids) => {
    const rows = await ctx.db.getRepository(LivelihoodProposal).findBy({ id: In([...ids]) });
    return ids.map((id) => rows.find((r) => r.id === id) ?? null);
  });

/** Supports of the public's poll per candidate, per session, in one GROUP BY. */
export const supportCountsBySession = (ctx: Context) =>
  new DataLoader<number, Map<number, number>>(async (ids) => {
    const rows: { sessionId: unknown; candidateId: unknown; n: unknown }[] = await ctx.db
      .getRepository(SupportEntry)
      .createQueryBuilder('s')
      .select('s.session_id', 'sessionId')
      .addSelect('s.candidate_id', 'candidateId')
      .addSelect('COUNT(*)', 'n')
      .where('s.session_id IN (:...ids)', { ids: [...ids] })
      .groupBy('s.session_id')
      .addGroupBy('s.candidate_id')
      .getRawMany();
    return ids.map((id) => new Map(rows.filter((r) => toInt(r.sessionId) === id).map((r) => [toInt(r.candidateId), toInt(r.n)])));
  });
