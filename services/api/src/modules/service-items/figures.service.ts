import { percentage, SERVICE_ITEM_TYPES, type ServiceItemType } from '@kpd/domain';
import { In } from 'typeorm';
import { toInt } from '../../core/columns';
import { parseOptionalId } from '../../core/ids';
import type { Context } from '../../core/context';
import { AreaLevel, type Area } from '../../core/areas/area.entity';
import { queryArea } from '../../core/areas/areas.service';
import { ServiceItemStatus } from './service-item.entity';
import { readableDistrictIds, scopedItems } from './service-items.scope';
import { TIME_TARGET_PERCENT } from './service-items.service';
import { ServiceBaseline, ServiceWindow, ServiceZone } from './service-zone.entity';

// The catalogue figures: the domain's definitions (CATALOGUE_FIGURE_DEFINITIONS), computed by the database.

export type FigureGrouping = 'NONE' | 'DISTRICT' | 'TYPE';

export interface ShareValue {
  numerator: number;
  denominator: number;
  percent: number | null;
}

export interface FigureRow {
  districtId: number | null;
  type: ServiceItemType | null;
  total: number;
  byApplication: number;
  highFrequency: number;
  highFrequencyAtMostOneTrip: number;
  violating: number;
  fullyOnlineRate: ShareValue;
  atMostOneTripRate: ShareValue;
  promisedToLegalRatio: ShareValue;
  meetsTimeTarget: boolean | null;
  materialsReduction: ShareValue;
  windowsBefore: number | null;
  windowsNow: number | null;
  windowsReduction: ShareValue | null;
}

const share = (numerator: number, denominator: number): ShareValue => ({
  numerator,
  denominator,
  percent: percentage(BigInt(numerator), BigInt(denominator)),
});

export async function catalogueFigures(ctx: Context, area: Area, groupBy: FigureGrouping): Promise<FigureRow[]> {
  const qb = scopedItems(ctx, 'i').andWhere('i.status = :inUse', { inUse: ServiceItemStatus.IN_USE });
  if (area.parentId !== null) {
    const districts = ctx.areas.ofLevel(AreaLevel.DISTRICT, area.id).map((a) => a.id);
    if (area.level === AreaLevel.DISTRICT) districts.push(area.id);
    qb.andWhere('i.districtId IN (:...inArea)', { inArea: districts.length ? districts : [0] });
  }
  const by = "i.by_application = 1";
  const timed = 'i.legal_limit_days > 0 AND i.promised_limit_days IS NOT NULL';
  const materials = 'i.materials_now IS NOT NULL AND i.materials_before IS NOT NULL';
  qb.select('COUNT(*)', 'total')
    .addSelect(`SUM(CASE WHEN ${by} THEN 1 ELSE 0 END)`, 'by_application')
    .addSelect(`SUM(CASE WHEN ${by} AND i.online_depth = 'FULLY_ONLINE' THEN 1 ELSE 0 END)`, 'fully_online')
    .addSelect(`SUM(CASE WHEN ${by} AND i.visits <= 1 THEN 1 ELSE 0 END)`, 'one_trip')
    .addSelect(`SUM(CASE WHEN i.high_frequency = 1 THEN 1 ELSE 0 END)`, 'high_frequency')
    .addSelect(`SUM(CASE WHEN ${by} AND i.high_frequency = 1 AND i.visits <= 1 THEN 1 ELSE 0 END)`, 'hf_one_trip')
    .addSelect(`SUM(CASE WHEN ${timed} THEN i.promised_limit_days ELSE 0 END)`, 'promised_days')
    .addSelect(`SUM(CASE WHEN ${timed} THEN i.legal_limit_days ELSE 0 END)`, 'legal_days')
    .addSelect(`SUM(CASE WHEN ${materials} THEN i.materials_now ELSE 0 END)`, 'materials_now')
    .addSelect(`SUM(CASE WHEN ${materials} THEN i.materials_before ELSE 0 END)`, 'materials_before')
    .addSelect('SUM(CASE WHEN i.violation_mask <> 0 THEN 1 ELSE 0 END)', 'violating');
  if (groupBy === 'DISTRICT') qb.addSelect('i.district_id', 'district_id').groupBy('i.district_id').orderBy('i.district_id');
  if (groupBy === 'TYPE') qb.addSelect('i.type', 'type').groupBy('i.type').orderBy('i.type');
  const raw: Record<string, unknown>[] = await qb.getRawMany();

  // Windows before (the baseline) and now (counted), for the whole area or per district.
  const windows = groupBy === 'TYPE' ? null : await windowFigures(ctx, area);
  const rows: FigureRow[] = raw
    .filter((r) => toInt(r.total) > 0)
    .map((r) => {
      const districtId = groupBy === 'DISTRICT' ? toInt(r.district_id) : null;
      const promised = toInt(r.promised_days);
      const legal = toInt(r.legal_days);
      const before = toInt(r.materials_before);
      const w = windows ? (districtId === null ? windows.total : windows.byDistrict.get(districtId)) : undefined;
      return {
        districtId,
        type: groupBy === 'TYPE' ? (r.type as ServiceItemType) : null,
        total: toInt(r.total),
        byApplication: toInt(r.by_application),
        highFrequency: toInt(r.high_frequency),
        highFrequencyAtMostOneTrip: toInt(r.hf_one_trip),
        violating: toInt(r.violating),
        fullyOnlineRate: share(toInt(r.fully_online), toInt(r.by_application)),
        atMostOneTripRate: share(toInt(r.one_trip), toInt(r.by_application)),
        promisedToLegalRatio: share(promised, legal),
        meetsTimeTarget: legal === 0 ? null : promised * 100 <= legal * TIME_TARGET_PERCENT,
        materialsReduction: share(before - toInt(r.materials_now), before),
        windowsBefore: w?.before ?? null,
        windowsNow: w?.now ?? null,
        windowsReduction: w && w.before !== null ? share(w.before - w.now, w.before) : null,
      };
    });
  if (groupBy === 'DISTRICT') {
    // Every district of the area in the viewer's reach is listed, with zeros where it has no item in use.
    const present = new Set(rows.map((r) => r.districtId));
    const districts = area.level === AreaLevel.DISTRICT ? [area.id] : ctx.areas.ofLevel(AreaLevel.DISTRICT, area.id).map((a) => a.id);
    const readable = readableDistrictIds(ctx);
    for (const id of districts) {
      if (present.has(id) || (readable && !readable.includes(id))) continue;
      const w = windows?.byDistrict.get(id);
      rows.push({ ...emptyRow(null), districtId: id, windowsBefore: w?.before ?? null, windowsNow: w?.now ?? null, windowsReduction: w && w.before !== null ? share(w.before - w.now, w.before) : null });
    }
    rows.sort((a, b) => a.districtId! - b.districtId!);
  }
  if (groupBy === 'TYPE') {
    // Every one of the 10+1 types is listed, with zeros where the catalogue has none.
    const present = new Set(rows.map((r) => r.type));
    for (const type of SERVICE_ITEM_TYPES) if (!present.has(type)) rows.push(emptyRow(type));
    rows.sort((a, b) => SERVICE_ITEM_TYPES.indexOf(a.type!) - SERVICE_ITEM_TYPES.indexOf(b.type!));
  }
  return rows;
}

function emptyRow(type: ServiceItemType | null): FigureRow {
  const none = share(0, 0);
  return {
    districtId: null,
    type,
    total: 0,
    byApplication: 0,
    highFrequency: 0,
    highFrequencyAtMostOneTrip: 0,
    violating: 0,
    fullyOnlineRate: none,
    atMostOneTripRate: none,
    promisedToLegalRatio: none,
    meetsTimeTarget: null,
    materialsReduction: none,
    windowsBefore: null,
    windowsNow: null,
    windowsReduction: null,
  };
}

async function windowFigures(ctx: Context, area: Area) {
  const districts = area.level === AreaLevel.DISTRICT ? [area.id] : ctx.areas.ofLevel(AreaLevel.DISTRICT, area.id).map((a) => a.id);
  const readable = readableDistrictIds(ctx);
  const ids = readable ? districts.filter((d) => readable.includes(d)) : districts;
  const byDistrict = new Map<number, { before: number | null; now: number }>();
  if (ids.length === 0) return { byDistrict, total: { before: null, now: 0 } };
  const now: { district_id: unknown; windows: unknown }[] = await ctx.db
    .createQueryBuilder()
    .select('z.district_id', 'district_id')
    .addSelect('COUNT(w.id)', 'windows')
    .from(ServiceZone, 'z')
    .innerJoin(ServiceWindow, 'w', 'w.zone_id = z.id')
    .where('z.district_id IN (:...ids)', { ids })
    .groupBy('z.district_id')
    .getRawMany();
  const baselines = await ctx.db.getRepository(ServiceBaseline).findBy({ districtId: In(ids) });
  for (const b of baselines) byDistrict.set(b.districtId, { before: b.windowsBefore, now: 0 });
  for (const r of now) {
    const id = toInt(r.district_id);
    byDistrict.set(id, { before: byDistrict.get(id)?.before ?? null, now: toInt(r.windows) });
  }
  let before: number | null = null;
  let total = 0;
  for (const v of byDistrict.values()) {
    total += v.now;
    if (v.before !== null) before = (before ?? 0) + v.before;
  }
  return { byDistrict, total: { before, now: total } };
}

/** The figures of an area in the viewer's scope, each row with its district. */
export async function catalogueFiguresOf(ctx: Context, areaIdArg: string | null, groupBy: FigureGrouping): Promise<Array<FigureRow & { district: Area | null }>> {
  const area = queryArea(ctx, parseOptionalId(areaIdArg, 'areaId'));
  const rows = await catalogueFigures(ctx, area, groupBy);
  return rows.map((r) => ({ ...r, district: r.districtId === null ? null : (ctx.areas.get(r.districtId) ?? null) }));
}
