import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { toInt } from '../../core/columns';
import { loader, type Context } from '../../core/context';
import { ServiceItemStatus } from './service-item.entity';
import { scopedItems } from './service-items.scope';
import { ServiceWindow, ServiceZone } from './service-zone.entity';

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
