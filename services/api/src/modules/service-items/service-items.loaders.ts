import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { toInt } from '../../core/columns';
import { loader, type Context } from '../../core/context';
import { ServiceItem, ServiceItemStatus } from './service-item.entity';
import { scopedCases, scopedItems } from './service-items.scope';
import { ServiceCase } from './service-case.entity';
import { ServiceBundle, ServiceBundleItem } from './service-bundle.entity';
import { ServiceRating, ServiceRectification, ServiceRectificationStepRow } from './service-rating.entity';
import { ServiceWindow, ServiceZone } from './service-zone.entity';
import { ServiceGuideRow } from './service-guide.entity';

export const zoneLoader = (ctx: Context) =>
  new DataLoader<number, ServiceZone | null>(async (ids) => {
    const rows = await ctx.db.getRepository(ServiceZone).findBy({ id: In([...ids]) });
    const byId = new Map(rows.map((z) => [z.id, z]));
    return ids.map((id) => byId.get(id) ?? null);
  });

export const windowsByZoneLoader = (ctx: Context) =>
  new DataLoader<number, ServiceWindow[]>(async (zoneIds) => {
    const rows = await ctx.db.getRepository(ServiceWindow).find({ where: { zoneId: In([...zoneIds]) }, order: { number: 'ASC' } });
    return zoneIds.map((id) => rows.filter((w) => w.zoneId === id));
  });

export const itemCountByZoneLoader = (ctx: Context) =>
  new DataLoader<number, number>(async (zoneIds) => {
    const rows: { zone_id: unknown; n: unknown }[] = await scopedItems(ctx, 'i')
      .select('i.zone_id', 'zone_id')
      .addSelect('COUNT(*)', 'n')
      .andWhere('i.zoneId IN (:...zoneIds)', { zoneIds: [...zoneIds] })
      .andWhere('i.status = :inUse', { inUse: ServiceItemStatus.IN_USE })
      .groupBy('i.zone_id')
      .getRawMany();
    const counts = new Map(rows.map((r) => [toInt(r.zone_id), toInt(r.n)]));
    return zoneIds.map((id) => counts.get(id) ?? 0);
  });

export function zoneOf(ctx: Context, zoneId: number | null): Promise<ServiceZone | null> {
  return zoneId === null ? Promise.resolve(null) : loader(ctx, zoneLoader).load(zoneId);
}

/** Guides by item id, batched per request (items are read in scope, or public, before this). */
export const guideByItemLoader = (ctx: Context) =>
  new DataLoader<number, ServiceGuideRow | null>(async (itemIds) => {
    const rows = await ctx.db.getRepository(ServiceGuideRow).findBy({ itemId: In([...itemIds]) });
    const byId = new Map(rows.map((g) => [g.itemId, g]));
    return itemIds.map((id) => byId.get(id) ?? null);
  });

/** Items by id within the viewer's scope, batched per request. */
export const itemLoader = (ctx: Context) =>
  new DataLoader<number, ServiceItem | null>(async (ids) => {
    const rows = await scopedItems(ctx, 'i').andWhere('i.id IN (:...ids)', { ids: [...ids] }).getMany();
    const byId = new Map(rows.map((i) => [i.id, i]));
    return ids.map((id) => byId.get(id) ?? null);
  });

/** Windows by id, batched per request (their zones are read in scope, or public, before this). */
export const windowLoader = (ctx: Context) =>
  new DataLoader<number, ServiceWindow | null>(async (ids) => {
    const rows = await ctx.db.getRepository(ServiceWindow).findBy({ id: In([...ids]) });
    const byId = new Map(rows.map((w) => [w.id, w]));
    return ids.map((id) => byId.get(id) ?? null);
  });

export function windowOf(ctx: Context, windowId: number | null): Promise<ServiceWindow | null> {
  return windowId === null ? Promise.resolve(null) : loader(ctx, windowLoader).load(windowId);
}

/** The rating of each case, batched per request (the cases are read in scope before this). */
export const ratingByCaseLoader = (ctx: Context) =>
  new DataLoader<number, ServiceRating | null>(async (caseIds) => {
    const rows = await ctx.db.getRepository(ServiceRating).findBy({ caseId: In([...caseIds]) });
    const byCase = new Map(rows.map((r) => [r.caseId, r]));
    return caseIds.map((id) => byCase.get(id) ?? null);
  });

/** The rectification a rating opened, batched per request. */
export const rectificationByRatingLoader = (ctx: Context) =>
  new DataLoader<number, ServiceRectification | null>(async (ratingIds) => {
    const rows = await ctx.db.getRepository(ServiceRectification).findBy({ ratingId: In([...ratingIds]) });
    const byRating = new Map(rows.map((r) => [r.ratingId, r]));
    return ratingIds.map((id) => byRating.get(id) ?? null);
  });

/** The recorded steps of each rectification, oldest first, batched per request. */
export const stepsByRectificationLoader = (ctx: Context) =>
  new DataLoader<number, ServiceRectificationStepRow[]>(async (ids) => {
    const rows = await ctx.db
      .getRepository(ServiceRectificationStepRow)
      .find({ where: { rectificationId: In([...ids]) }, order: { id: 'ASC' } });
    return ids.map((id) => rows.filter((s) => s.rectificationId === id));
  });

/** Cases by id within the viewer's scope, batched per request. */
export const caseLoader = (ctx: Context) =>
  new DataLoader<number, ServiceCase | null>(async (ids) => {
    const rows = await scopedCases(ctx, 'c').andWhere('c.id IN (:...ids)', { ids: [...ids] }).getMany();
    const byId = new Map(rows.map((c) => [c.id, c]));
    return ids.map((id) => byId.get(id) ?? null);
  });

/** The item rows of each bundle, in stage and entry order, batched per request. */
export const bundleItemsLoader = (ctx: Context) =>
  new DataLoader<number, ServiceBundleItem[]>(async (ids) => {
    const rows = await ctx.db
      .getRepository(ServiceBundleItem)
      .find({ where: { bundleId: In([...ids]) }, order: { stage: 'ASC', sortOrder: 'ASC' } });
    return ids.map((id) => rows.filter((r) => r.bundleId === id));
  });

/** The bundles (id and name) each item belongs to, by bundle id, batched per request (bundles are public). */
export const bundlesByItemLoader = (ctx: Context) =>
  new DataLoader<number, Array<{ id: number; name: string }>>(async (itemIds) => {
    const rows = await ctx.db.getRepository(ServiceBundleItem).findBy({ itemId: In([...itemIds]) });
    const bundles = rows.length
      ? await ctx.db.getRepository(ServiceBundle).find({ where: { id: In([...new Set(rows.map((r) => r.bundleId))]) }, order: { id: 'ASC' } })
      : [];
    return itemIds.map((id) => {
      const of = new Set(rows.filter((r) => r.itemId === id).map((r) => r.bundleId));
      return bundles.filter((b) => of.has(b.id)).map((b) => ({ id: b.id, name: b.name }));
    });
  });
