import type { ObjectLiteral, SelectQueryBuilder, EntityTarget } from 'typeorm';
import { canManageInvestment, readsInvestment, requireThat, signedIn } from '../../core/auth/policy';
import { TokenScope } from '../../core/auth/token-scope';
import type { Context } from '../../core/context';
import { NotFoundError } from '../../core/errors';
import { ChainNode, IndustryChain, InvestmentLead, LeadStep, TargetCompany } from './investment.entity';

/**
 * Every read of investment attraction starts here: admins and analysts (tokens with read:projects) read the
 * rows of the areas in their scope; other roles read none. Every table carries its area.
 */
function scoped<T extends ObjectLiteral>(ctx: Context, entity: EntityTarget<T>, alias: string, scope?: TokenScope): SelectQueryBuilder<T> {
  const viewer = signedIn(ctx.viewer);
  const qb = ctx.db.getRepository(entity).createQueryBuilder(alias);
  if (!readsInvestment(viewer, scope)) return qb.andWhere('1 = 0');
  const ids = viewer.scope.areaIds();
  if (ids) qb.andWhere(`${alias}.areaId IN (:...__invScope${alias})`, { [`__invScope${alias}`]: ids });
  return qb;
}

export const scopedChains = (ctx: Context, alias = 'c', scope?: TokenScope) => scoped(ctx, IndustryChain, alias, scope);
export const scopedNodes = (ctx: Context, alias = 'n', scope?: TokenScope) => scoped(ctx, ChainNode, alias, scope);
export const scopedCompanies = (ctx: Context, alias = 'tc', scope?: TokenScope) => scoped(ctx, TargetCompany, alias, scope);
export const scopedLeads = (ctx: Context, alias = 'l', scope?: TokenScope) => scoped(ctx, InvestmentLead, alias, scope);
export const scopedSteps = (ctx: Context, alias = 's', scope?: TokenScope) => scoped(ctx, LeadStep, alias, scope);

/** The board's reads: its figures are read:figures for a token (the rows themselves stay read:projects). */
export const FIGURES = TokenScope.READ_FIGURES;

/** A row the viewer may read, or NOT_FOUND (the same answer whether it exists elsewhere or not). */
async function readable<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string, type: string, id: number): Promise<T> {
  const row = await qb.andWhere(`${alias}.id = :__id`, { __id: id }).getOne();
  if (!row) throw new NotFoundError(type, id);
  return row;
}

export const readableChain = (ctx: Context, id: number) => readable(scopedChains(ctx), 'c', 'IndustryChain', id);
export const readableNode = (ctx: Context, id: number) => readable(scopedNodes(ctx), 'n', 'ChainNode', id);
export const readableCompany = (ctx: Context, id: number) => readable(scopedCompanies(ctx), 'tc', 'TargetCompany', id);
export const readableLead = (ctx: Context, id: number) => readable(scopedLeads(ctx), 'l', 'InvestmentLead', id);

/** FORBIDDEN unless the viewer administers the row's area (read-only credentials never do). */
export function requireManager(ctx: Context, areaId: number): void {
  requireThat(ctx.viewer, canManageInvestment(ctx.viewer, areaId), 'Only an admin of the area changes its investment attraction');
}
