import { nodeRelation, rankMatches, type ChainLinkName, type MatchNode } from '@kpd/domain';
import { In } from 'typeorm';
import type { Context } from '../../core/context';
import { parseId } from '../../core/ids';
import { ChainNode, CompanyNode, TargetCompany } from './investment.entity';
import type { MatchArgs } from './investment.inputs';
import { readableCompany, scopedCompanies, scopedNodes } from './investment.scope';
import type { CompanyMatch } from './investment.types';

const asMatchNode = (n: ChainNode): MatchNode => ({ id: n.id, chainId: n.chainId, link: n.link as ChainLinkName, name: n.name });

/**
 * 撮合: the local companies of the target's area whose nodes sit next to the target's on its chains (they buy
 * what it makes, or make what it needs), ranked by the rule in packages/domain. Four reads whatever the area's size:
 * the target's nodes, the nodes of their chains, the local companies on the neighbouring nodes, those companies.
 */
export async function companyMatches(ctx: Context, args: MatchArgs): Promise<CompanyMatch[]> {
  const target = await readableCompany(ctx, parseId(args.companyId, 'companyId'));
  const ownLinks = await ctx.db.getRepository(CompanyNode).findBy({ companyId: target.id });
  if (!ownLinks.length) return [];
  const chainIds = [...new Set(ownLinks.map((l) => l.chainId))];
  const nodes = await scopedNodes(ctx).andWhere('n.chainId IN (:...chainIds)', { chainIds }).getMany();
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const own = ownLinks.map((l) => byId.get(l.nodeId)).filter((n): n is ChainNode => !!n);
  const neighbours = nodes.filter((n) => own.some((o) => nodeRelation(asMatchNode(o), asMatchNode(n)) !== null));
  if (!neighbours.length) return [];
  const links = await ctx.db
    .getRepository(CompanyNode)
    .findBy({ nodeId: In(neighbours.map((n) => n.id)), local: true, areaId: target.areaId });
  const companyIds = [...new Set(links.map((l) => l.companyId))].filter((id) => id !== target.id);
  if (!companyIds.length) return [];
  const companies = await scopedCompanies(ctx).andWhere('tc.id IN (:...companyIds)', { companyIds }).getMany();
  const ranked = rankMatches(
    { companyId: target.id, nodes: own.map(asMatchNode) },
    companies.map((c) => ({ companyId: c.id, name: c.name, nodes: links.filter((l) => l.companyId === c.id).map((l) => asMatchNode(byId.get(l.nodeId)!)) })),
    args.first,
  );
  const company = new Map<number, TargetCompany>(companies.map((c) => [c.id, c]));
  return ranked.map((m) => ({
    company: company.get(m.companyId)!,
    score: m.score,
    customerPairs: m.customerPairs,
    supplierPairs: m.supplierPairs,
    reasons: m.reasons,
    nodes: links.filter((l) => l.companyId === m.companyId).map((l) => byId.get(l.nodeId)!),
  }));
}
