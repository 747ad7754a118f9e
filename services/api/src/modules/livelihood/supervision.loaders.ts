import DataLoader from 'dataloader';
import { In } from 'typeorm';
import type { Context } from '../../core/context';
import { grouped } from './loaders';
import { Inspection, SupervisionAdvice, SupervisionGroup, SupervisionMember } from './supervision.entity';
import { SubItem } from './subitem.entity';

export const groupsByProject = (ctx: Context) =>
  new DataLoader<number, SupervisionGroup[]>(async (ids) => grouped(await ctx.db.getRepository(SupervisionGroup).find({ where: { projectId: In([...ids]) }, order: { id: 'ASC' } }), (g) => g.projectId, ids));

export const groupById = (ctx: Context) =>
  new DataLoader<number, SupervisionGroup | null>(async (ids) => {
    const rows = await ctx.db.getRepository(SupervisionGroup).findBy({ id: In([...ids]) });
    return ids.map((id) => rows.find((r) => r.id === id) ?? null);
  });

export const membersByGroup = (ctx: Context) =>
  new DataLoader<number, SupervisionMember[]>(async (ids) => grouped(await ctx.db.getRepository(SupervisionMember).find({ where: { groupId: In([...ids]) }, order: { leader: 'DESC', id: 'ASC' } }), (m) => m.groupId, ids));

export const inspectionsByProject = (ctx: Context) =>
  new DataLoader<number, Inspection[]>(async (ids) =>
    grouped(await ctx.db.getRepository(Inspection).find({ where: { projectId: In([...ids]) }, order: { inspectedOn: 'ASC', id: 'ASC' } }), (i) => i.projectId, ids),
  );

export const advicesByInspection = (ctx: Context) =>
  new DataLoader<number, SupervisionAdvice[]>(async (ids) => grouped(await ctx.db.getRepository(SupervisionAdvice).find({ where: { inspectionId: In([...ids]) }, order: { id: 'ASC' } }), (a) => a.inspectionId, ids));

export const advicesByProject = (ctx: Context) =>
  new DataLoader<number, SupervisionAdvice[]>(async (ids) => grouped(await ctx.db.getRepository(SupervisionAdvice).find({ where: { projectId: In([...ids]) }, order: { dueDate: 'ASC', id: 'ASC' } }), (a) => a.projectId, ids));

export const inspectionById = (ctx: Context) =>
  new DataLoader<number, Inspection | null>(async (ids) => {
    const rows = await ctx.db.getRepository(Inspection).findBy({ id: In([...ids]) });
    return ids.map((id) => rows.find((r) => r.id === id) ?? null);
  });

export const subItemsByProject = (ctx: Context) =>
  new DataLoader<number, SubItem[]>(async (ids) => grouped(await ctx.db.getRepository(SubItem).find({ where: { projectId: In([...ids]) }, order: { position: 'ASC', id: 'ASC' } }), (s) => s.projectId, ids));
