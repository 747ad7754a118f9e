import DataLoader from 'dataloader';
import { In } from 'typeorm';
import type { Context } from '../../core/context';
import { ProblemNote } from './problem.entity';

export const notesLoader = (ctx: Context) =>
  new DataLoader<number, ProblemNote[]>(async (ids) => {
    const rows = await ctx.db.getRepository(ProblemNote).find({ where: { problemId: In([...ids]) }, order: { period: 'ASC', id: 'ASC' } });
    const grouped = new Map<number, ProblemNote[]>();
    for (const r of rows) grouped.set(r.problemId, [...(grouped.get(r.problemId) ?? []), r]);
    return ids.map((id) => grouped.get(id) ?? []);
  });
