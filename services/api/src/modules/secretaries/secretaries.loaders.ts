import DataLoader from 'dataloader';
import { In } from 'typeorm';
import type { Context } from '../../core/context';
import type { Problem } from '../problems/problem.entity';
import { scopedProblems } from '../problems/problems.scope';
import { scopedSecretaries } from './secretaries.scope';
import { Secretary, SecretaryAssignment, SecretaryEvaluation } from './secretary.entity';

export const secretaryLoader = (ctx: Context) =>
  new DataLoader<number, Secretary | null>(async (ids) => {
    const rows = await scopedSecretaries(ctx).andWhere('s.id IN (:...ids)', { ids: [...ids] }).getMany();
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  });

function grouped<T extends { [k: string]: unknown }>(rows: T[], key: keyof T, ids: readonly number[]): T[][] {
  const m = new Map<number, T[]>();
  for (const r of rows) {
    const list = m.get(r[key] as number);
    if (list) list.push(r);
    else m.set(r[key] as number, [r]);
  }
  return ids.map((id) => m.get(id) ?? []);
}

export const assignmentsOfSecretary = (ctx: Context) =>
  new DataLoader<number, SecretaryAssignment[]>(async (ids) =>
    grouped(await ctx.db.getRepository(SecretaryAssignment).find({ where: { secretaryId: In([...ids]) }, order: { startDate: 'ASC', id: 'ASC' } }) as never[], 'secretaryId', ids),
  );
export const assignmentsOfProject = (ctx: Context) =>
  new DataLoader<number, SecretaryAssignment[]>(async (ids) =>
    grouped(await ctx.db.getRepository(SecretaryAssignment).find({ where: { projectId: In([...ids]) }, order: { startDate: 'ASC', id: 'ASC' } }) as never[], 'projectId', ids),
  );
export const problemsOfSecretary = (ctx: Context) =>
  new DataLoader<number, Problem[]>(async (ids) =>
    grouped(
      (await scopedProblems(ctx).andWhere('pr.secretary_id IN (:...sIds)', { sIds: [...ids] }).orderBy('pr.deadline', 'ASC').addOrderBy('pr.id', 'ASC').getMany()) as never[],
      'secretaryId',
      ids,
    ),
  );
export const evaluationsOfSecretary = (ctx: Context) =>
  new DataLoader<number, SecretaryEvaluation[]>(async (ids) =>
    grouped(await ctx.db.getRepository(SecretaryEvaluation).find({ where: { secretaryId: In([...ids]) }, order: { period: 'ASC' } }) as never[], 'secretaryId', ids),
  );
