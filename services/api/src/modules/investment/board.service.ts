import { BIG_SIGNING_FEN, conversionPercent, DEFAULT_STALL_DAYS, HUGE_SIGNING_FEN, LEAD_STAGES } from '@kpd/domain';
import { queryArea } from '../../core/areas/areas.service';
import { fen, toInt } from '../../core/columns';
import type { Context } from '../../core/context';
import { UserInputError } from '../../core/errors';
import { parseId } from '../../core/ids';
import { IndustryChain, LeadSource, LeadStage, LeadStepKind } from './investment.entity';
import type { BoardArgs } from './investment.inputs';
import { SIGNED_STAGES } from './investment.loaders';
import { FIGURES, scopedChains, scopedCompanies, scopedLeads, scopedNodes, scopedSteps } from './investment.scope';
import { OPEN_STAGES, stallCutoff, targetsOf, today } from './investment.service';
import type { ChainFigures, InvestmentBoard, SourceFigures, StageFigures } from './investment.types';

/** A node is filled when a local company serves it or a lead on it has been signed (SQL, for the grouped read). */
const FILLED = `(EXISTS (SELECT 1 FROM target_company_nodes fcn WHERE fcn.node_id = n.id AND fcn.local = :fTrue)
  OR EXISTS (SELECT 1 FROM investment_leads fl WHERE fl.node_id = n.id AND fl.stage IN (:...fSigned)))`;

/**
 * Filled and missing nodes of each chain: one grouped read over the leaf nodes (the products and capabilities;
 * a node with children is the heading of its group, as 半导体材料 over 硅片 and 光刻胶).
 */
export async function chainFigures(ctx: Context, chains: IndustryChain[]): Promise<ChainFigures[]> {
  if (!chains.length) return [];
  const rows = await scopedNodes(ctx, 'n', FIGURES)
    .select('n.chainId', 'chainId')
    .addSelect('COUNT(*)', 'nodes')
    .addSelect(`SUM(CASE WHEN ${FILLED} THEN 1 ELSE 0 END)`, 'filled')
    .addSelect(`SUM(CASE WHEN n.priority <= 2 AND NOT ${FILLED} THEN 1 ELSE 0 END)`, 'pressing')
    .andWhere('n.chainId IN (:...chainIds)', { chainIds: chains.map((c) => c.id) })
    .andWhere('NOT EXISTS (SELECT 1 FROM chain_nodes ch WHERE ch.parent_id = n.id)')
    .setParameters({ fTrue: true, fSigned: SIGNED_STAGES })
    .groupBy('n.chainId')
    .getRawMany<{ chainId: unknown; nodes: unknown; filled: unknown; pressing: unknown }>();
  return chains.map((chain) => {
    const r = rows.find((x) => toInt(x.chainId) === chain.id);
    const nodes = r ? toInt(r.nodes) : 0;
    const filled = r ? toInt(r.filled) : 0;
    return { chain, nodes, filled, missing: nodes - filled, missingPressing: r ? toInt(r.pressing) : 0 };
  });
}

/**
 * 一块看板: per area (and chain), filled vs missing nodes, the pipeline by stage with conversion between
 * stages, the sources of leads, the year's signings against its targets. Every figure is a grouped read.
 */
export async function investmentBoard(ctx: Context, args: BoardArgs): Promise<InvestmentBoard> {
  const area = queryArea(ctx, args.areaId ? parseId(args.areaId, 'areaId') : null);
  const year = args.year ?? Number(today().slice(0, 4));
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new UserInputError('year', '年度应在 2000–2100 之间');
  const areaIds = ctx.areas.subtree(area.id).map((a) => a.id);
  const chainId = args.chainId ? parseId(args.chainId, 'chainId') : null;
  const inArea = <Q extends { andWhere: (w: string, p?: object) => Q }>(qb: Q, alias: string): Q => {
    qb.andWhere(`${alias}.areaId IN (:...bArea)`, { bArea: areaIds });
    return chainId === null ? qb : qb.andWhere(`${alias}.chainId = :bChain`, { bChain: chainId });
  };

  const chainQb = scopedChains(ctx, 'c', FIGURES).andWhere('c.areaId IN (:...bArea)', { bArea: areaIds });
  if (chainId !== null) chainQb.andWhere('c.id = :bChain', { bChain: chainId });
  const chains = await chainQb.orderBy('c.id', 'ASC').getMany();

  const byStage = await inArea(scopedLeads(ctx, 'l', FIGURES), 'l')
    .select('l.stage', 'stage')
    .addSelect('COUNT(*)', 'n')
    .addSelect('SUM(l.amount)', 'amount')
    .groupBy('l.stage')
    .getRawMany<{ stage: LeadStage; n: unknown; amount: unknown }>();
  const stages: StageFigures[] = [];
  let reachedLater = 0;
  const reachedOf = new Map<string, number>();
  for (const stage of [...LEAD_STAGES].reverse()) {
    const r = byStage.find((x) => x.stage === stage);
    reachedLater += r ? toInt(r.n) : 0;
    reachedOf.set(stage, reachedLater);
  }
  LEAD_STAGES.forEach((stage, i) => {
    const r = byStage.find((x) => x.stage === stage);
    const reached = reachedOf.get(stage)!;
    stages.push({
      stage: stage as LeadStage,
      count: r ? toInt(r.n) : 0,
      amount: r ? fen(r.amount) : 0n,
      reached,
      conversionPercent: i === 0 ? null : conversionPercent(reached, reachedOf.get(LEAD_STAGES[i - 1])!),
    });
  });
  const leads = reachedOf.get('LEAD')!;

  const bySource = await inArea(scopedLeads(ctx, 'l', FIGURES), 'l')
    .select('l.source', 'source')
    .addSelect('COUNT(*)', 'n')
    .addSelect('SUM(CASE WHEN l.stage IN (:...sSigned) THEN 1 ELSE 0 END)', 'signed')
    .setParameter('sSigned', SIGNED_STAGES)
    .groupBy('l.source')
    .getRawMany<{ source: string; n: unknown; signed: unknown }>();
  const sources: SourceFigures[] = Object.values(LeadSource).map((source) => {
    const r = bySource.find((x) => x.source === source);
    return { source, leads: r ? toInt(r.n) : 0, signed: r ? toInt(r.signed) : 0 };
  });
  const platformLeads = sources.find((s) => s.source === LeadSource.PLATFORM)!.leads;

  const signed = await inArea(scopedLeads(ctx, 'l', FIGURES), 'l')
    .select('COUNT(*)', 'n')
    .addSelect('SUM(l.amount)', 'amount')
    .addSelect('SUM(CASE WHEN l.amount >= :big THEN 1 ELSE 0 END)', 'big')
    .addSelect('SUM(CASE WHEN l.amount >= :huge THEN 1 ELSE 0 END)', 'huge')
    .addSelect('SUM(CASE WHEN l.source = :platform THEN 1 ELSE 0 END)', 'platform')
    .andWhere('l.signedDate >= :from AND l.signedDate <= :to', { from: `${year}-01-01`, to: `${year}-12-31` })
    .setParameters({ big: Number(BIG_SIGNING_FEN), huge: Number(HUGE_SIGNING_FEN), platform: LeadSource.PLATFORM })
    .getRawOne<{ n: unknown; amount: unknown; big: unknown; huge: unknown; platform: unknown }>();
  const signedThisYear = toInt(signed?.n);
  const signedFromPlatform = toInt(signed?.platform);

  const stalled = await inArea(scopedLeads(ctx, 'l', FIGURES), 'l')
    .andWhere('l.stage IN (:...open) AND l.lastStepDate <= :cut', { open: OPEN_STAGES, cut: stallCutoff(DEFAULT_STALL_DAYS) })
    .getCount();
  const visitQb = scopedSteps(ctx, 's', FIGURES)
    .andWhere('s.areaId IN (:...bArea)', { bArea: areaIds })
    .andWhere('s.kind = :visit AND s.date >= :from AND s.date <= :to', { visit: LeadStepKind.VISIT, from: `${year}-01-01`, to: `${year}-12-31` });
  if (chainId !== null) visitQb.andWhere('s.leadId IN (SELECT vl.id FROM investment_leads vl WHERE vl.chain_id = :bChain)', { bChain: chainId });
  const visitsThisYear = await visitQb.getCount();
  const companyQb = scopedCompanies(ctx, 'tc', FIGURES).andWhere('tc.areaId IN (:...bArea)', { bArea: areaIds }).andWhere('tc.local = :no', { no: false });
  if (chainId !== null) companyQb.andWhere('tc.id IN (SELECT bcn.company_id FROM target_company_nodes bcn WHERE bcn.chain_id = :bChain)', { bChain: chainId });
  const targetCompanies = await companyQb.getCount();
  const targets = await targetsOf(ctx, area.id, year);

  return {
    area,
    year,
    chains: await chainFigures(ctx, chains),
    stages,
    leads,
    platformLeads,
    platformSharePercent: conversionPercent(platformLeads, leads),
    sources,
    signedThisYear,
    signedAmountThisYear: fen(signed?.amount),
    signedOver2Billion: toInt(signed?.big),
    signedOver5Billion: toInt(signed?.huge),
    signedFromPlatform,
    signedPlatformSharePercent: conversionPercent(signedFromPlatform, signedThisYear),
    targets,
    signedTargetPercent: targets ? conversionPercent(signedThisYear, targets.signed) : null,
    stalledLeads: stalled,
    stallDays: DEFAULT_STALL_DAYS,
    visitsThisYear,
    targetCompanies,
  };
}
