import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { toInt } from '../../core/columns';
import { loader, type Context } from '../../core/context';
import { ChainNode, CompanyNode, IndustryChain, InvestmentLead, LeadStage, LeadStep, LeadStepKind, TargetCompany } from './investment.entity';
import { scopedChains, scopedCompanies, scopedLeads, scopedNodes, scopedSteps } from './investment.scope';

/** The stages from signing on: a lead there fills its node. */
export const SIGNED_STAGES = [LeadStage.SIGNED, LeadStage.REGISTERED, LeadStage.STARTED, LeadStage.KEY_PROJECT];

/** What is on a node: local companies, targets, leads and signed projects (counted by the database). */
export interface NodeCounts {
  local: number;
  targets: number;
  leads: number;
  signed: number;
}

/** Counts per node; callers reach nodes through a readable chain. Two grouped reads per batch. */
export const nodeCountsLoader = (ctx: Context) =>
  new DataLoader<number, NodeCounts>(async (ids) => {
    const counts = new Map<number, NodeCounts>(ids.map((id) => [id, { local: 0, targets: 0, leads: 0, signed: 0 }]));
    const companies = await ctx.db
      .getRepository(CompanyNode)
      .createQueryBuilder('cn')
      .select('cn.nodeId', 'nodeId')
      .addSelect('cn.local', 'local')
      .addSelect('COUNT(*)', 'n')
      .where('cn.nodeId IN (:...ids)', { ids: [...ids] })
      .groupBy('cn.nodeId')
      .addGroupBy('cn.local')
      .getRawMany<{ nodeId: unknown; local: unknown; n: unknown }>();
    for (const r of companies) {
      const c = counts.get(toInt(r.nodeId))!;
      if (r.local === true || toInt(r.local) === 1) c.local += toInt(r.n);
      else c.targets += toInt(r.n);
    }
    const leads = await ctx.db
      .getRepository(InvestmentLead)
      .createQueryBuilder('l')
      .select('l.nodeId', 'nodeId')
      .addSelect('COUNT(*)', 'n')
      .addSelect(`SUM(CASE WHEN l.stage IN (:...signed) THEN 1 ELSE 0 END)`, 's')
      .where('l.nodeId IN (:...ids)', { ids: [...ids] })
      .setParameter('signed', SIGNED_STAGES)
      .groupBy('l.nodeId')
      .getRawMany<{ nodeId: unknown; n: unknown; s: unknown }>();
    for (const r of leads) {
      const c = counts.get(toInt(r.nodeId))!;
      c.leads = toInt(r.n);
      c.signed = toInt(r.s);
    }
    return ids.map((id) => counts.get(id)!);
  });

export const nodesOfChainLoader = (ctx: Context) =>
  new DataLoader<number, ChainNode[]>(async (ids) => {
    const rows = await scopedNodes(ctx).andWhere('n.chainId IN (:...ids)', { ids: [...ids] }).orderBy('n.sortOrder', 'ASC').addOrderBy('n.id', 'ASC').getMany();
    return ids.map((id) => rows.filter((r) => r.chainId === id));
  });

export const nodeLoader = (ctx: Context) =>
  new DataLoader<number, ChainNode | null>(async (ids) => {
    const rows = await scopedNodes(ctx).andWhere('n.id IN (:...ids)', { ids: [...ids] }).getMany();
    return ids.map((id) => rows.find((r) => r.id === id) ?? null);
  });

export const chainLoader = (ctx: Context) =>
  new DataLoader<number, IndustryChain | null>(async (ids) => {
    const rows = await scopedChains(ctx).andWhere('c.id IN (:...ids)', { ids: [...ids] }).getMany();
    return ids.map((id) => rows.find((r) => r.id === id) ?? null);
  });

export const companyLoader = (ctx: Context) =>
  new DataLoader<number, TargetCompany | null>(async (ids) => {
    const rows = await scopedCompanies(ctx).andWhere('tc.id IN (:...ids)', { ids: [...ids] }).getMany();
    return ids.map((id) => rows.find((r) => r.id === id) ?? null);
  });

/** The nodes each company serves. */
export const nodesOfCompanyLoader = (ctx: Context) =>
  new DataLoader<number, ChainNode[]>(async (ids) => {
    const links = await ctx.db.getRepository(CompanyNode).findBy({ companyId: In([...ids]) });
    const nodeIds = [...new Set(links.map((l) => l.nodeId))];
    const nodes = nodeIds.length ? await scopedNodes(ctx).andWhere('n.id IN (:...nodeIds)', { nodeIds }).getMany() : [];
    const byId = new Map(nodes.map((n) => [n.id, n]));
    return ids.map((id) => links.filter((l) => l.companyId === id).map((l) => byId.get(l.nodeId)).filter((n): n is ChainNode => !!n));
  });

/** The leads of each company, newest first. */
export const leadsOfCompanyLoader = (ctx: Context) =>
  new DataLoader<number, InvestmentLead[]>(async (ids) => {
    const rows = await scopedLeads(ctx).andWhere('l.companyId IN (:...ids)', { ids: [...ids] }).orderBy('l.id', 'DESC').getMany();
    return ids.map((id) => rows.filter((r) => r.companyId === id));
  });

/** The visits logged on each company's leads (the visit history of its brief), newest first, at most 50. */
export const visitsOfCompanyLoader = (ctx: Context) =>
  new DataLoader<number, LeadStep[]>(async (ids) => {
    const leads = (await loader(ctx, leadsOfCompanyLoader).loadMany([...ids])).flatMap((r) => (r instanceof Error ? [] : r));
    if (!leads.length) return ids.map(() => []);
    const steps = await scopedSteps(ctx)
      .andWhere('s.leadId IN (:...leadIds) AND s.kind = :visit', { leadIds: leads.map((l) => l.id), visit: LeadStepKind.VISIT })
      .orderBy('s.date', 'DESC')
      .addOrderBy('s.id', 'DESC')
      .getMany();
    const companyOf = new Map(leads.map((l) => [l.id, l.companyId]));
    return ids.map((id) => steps.filter((s) => companyOf.get(s.leadId) === id).slice(0, 50));
  });
