import {
  complianceViolations,
  percentage,
  serviceItemProblems,
  SERVICE_ITEM_TYPES,
  type Fen,
  type ServiceItem as ServiceItemRule,
  type ServiceItemType,
} from '@kpd/domain';
import DataLoader from 'dataloader';
import { In, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { Role } from '../../core/auth/user.entity';
import { isSignedIn } from '../../core/auth/viewer';
import { toInt } from '../../core/columns';
import { ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError, UserInputError, type FieldProblem } from '../../core/errors';
import { loader, type Context } from '../../core/context';
import { AreaLevel, type Area } from '../../core/areas/area.entity';
import { COMPLIANCE_CODES, maskOf, ServiceItem, ServiceItemStatus } from './service-item.entity';
import { ServiceBaseline, ServiceWindow, ServiceZone } from './service-zone.entity';

/** Promised ÷ legal time the city aims at (report 000: 压缩至法定时限的30%以内). */
export const TIME_TARGET_PERCENT = 30;
const TIME_TARGET_RATIO = TIME_TARGET_PERCENT / 100;

function signedIn(ctx: Context) {
  if (!isSignedIn(ctx.viewer)) throw new UnauthenticatedError();
  return ctx.viewer;
}

/** Districts the viewer may read (all levels read within their scope). */
export function readableDistrictIds(ctx: Context): number[] | null {
  return signedIn(ctx).scope.isEverything ? null : ctx.areas.ofLevel(AreaLevel.DISTRICT, ctx.viewer.scope!.root.id).map((a) => a.id);
}

/** Every read of service items starts here: rows outside the viewer's scope never come back. */
export function scopedItems(ctx: Context, alias = 'i'): SelectQueryBuilder<ServiceItem> {
  const qb = ctx.db.getRepository(ServiceItem).createQueryBuilder(alias);
  const ids = readableDistrictIds(ctx);
  if (ids) qb.where(`${alias}.districtId IN (:...scopeIds)`, { scopeIds: ids.length ? ids : [0] });
  return qb;
}

/** A district the viewer may edit the catalogue of: admins whose scope covers it. */
export function editableDistrict(ctx: Context, districtId: number, field = 'districtId'): Area {
  const viewer = signedIn(ctx);
  const district = ctx.areas.get(districtId);
  if (!district || district.level !== AreaLevel.DISTRICT) throw new UserInputError(field, '不是区县 (not a district)');
  if (viewer.role !== Role.ADMIN) throw new ForbiddenError('Only admins edit service catalogues');
  if (!viewer.scope.contains(districtId)) throw new ForbiddenError('That district is outside your scope');
  return district;
}

/** A district the viewer may read: NOT_FOUND outside the scope. */
export function readableDistrict(ctx: Context, districtId: number): Area {
  const viewer = signedIn(ctx);
  const district = ctx.areas.get(districtId);
  if (!district || district.level !== AreaLevel.DISTRICT || !viewer.scope.contains(districtId)) throw new NotFoundError('District', districtId);
  return district;
}

export function ruleView(item: Pick<ServiceItem, 'implementationCode' | 'name' | 'type' | 'byApplication' | 'onlineDepth' | 'visits' | 'visitsReason' | 'caseKind' | 'legalLimitDays' | 'promisedLimitDays' | 'materialsNow' | 'materialsBefore' | 'highFrequency'>): ServiceItemRule {
  return {
    code: item.implementationCode,
    name: item.name,
    type: item.type,
    byApplication: item.byApplication,
    onlineDepth: item.onlineDepth,
    visits: item.visits,
    visitsReason: item.visitsReason,
    caseKind: item.caseKind,
    legalLimitDays: item.legalLimitDays,
    promisedLimitDays: item.promisedLimitDays,
    materialsNow: item.materialsNow,
    materialsBefore: item.materialsBefore,
    highFrequency: item.highFrequency,
  };
}

/** The violation bits the domain rules give this item (computed on every write, so SQL can filter). */
export function violationMaskOf(item: Parameters<typeof ruleView>[0]): number {
  return maskOf(complianceViolations(ruleView(item), { targetRatio: TIME_TARGET_RATIO }).map((v) => v.code));
}

export function violationsOf(item: ServiceItem) {
  return complianceViolations(ruleView(item), { targetRatio: TIME_TARGET_RATIO });
}

export interface ItemFields {
  basicCode: string;
  implementationCode: string;
  name: string;
  type: ServiceItemType;
  department: string;
  byApplication: boolean;
  onlineDepth: ServiceItem['onlineDepth'];
  visits: number;
  visitsReason: string | null;
  caseKind: ServiceItem['caseKind'];
  legalLimitDays: number | null;
  promisedLimitDays: number | null;
  materialsNow: number | null;
  materialsBefore: number | null;
  zoneId: number | null;
  highFrequency: boolean;
  fee: Fen | null;
  legalBasis: string | null;
  status: ServiceItemStatus;
}

/** Problems of an item's fields that the domain and the district's zones find; every one, named. */
export async function itemProblems(em: EntityManager, districtId: number, fields: ItemFields, at = 'input'): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = serviceItemProblems(ruleView(fields), at).map((p) => ({ field: p.field.replace(`${at}.code`, `${at}.implementationCode`), reason: p.reason }));
  if (fields.fee !== null && fields.fee < 0n) problems.push({ field: `${at}.fee`, reason: '收费不能为负 (must not be negative)' });
  if (fields.zoneId !== null) {
    const zone = await em.findOneBy(ServiceZone, { id: fields.zoneId });
    if (!zone || zone.districtId !== districtId) problems.push({ field: `${at}.zoneId`, reason: '不是本区县的功能区 (not a zone of this district)' });
  }
  return problems;
}

export async function assertCodeFree(em: EntityManager, districtId: number, code: string, exceptId?: number): Promise<void> {
  const clash = await em.findOneBy(ServiceItem, { districtId, implementationCode: code });
  if (clash && clash.id !== exceptId) throw new ConflictError(`实施编码 ${code} 已存在 (implementation code already used)`, { field: 'input.implementationCode' });
}

// ---------------------------------------------------------------------------------------------
// Figures: the domain's definitions (CATALOGUE_FIGURE_DEFINITIONS), computed by the database.
// ---------------------------------------------------------------------------------------------

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
  if (groupBy === 'TYPE') {
    // Every one of the 10+1 types is listed, with zeros where the catalogue has none.
    const present = new Set(rows.map((r) => r.type));
    for (const type of SERVICE_ITEM_TYPES) if (!present.has(type)) rows.push(emptyRow(type));
    rows.sort((a, b) => SERVICE_ITEM_TYPES.indexOf(a.type!) - SERVICE_ITEM_TYPES.indexOf(b.type!));
  }
  return rows;
}

function emptyRow(type: ServiceItemType): FigureRow {
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

// ---------------------------------------------------------------------------------------------
// Loaders
// ---------------------------------------------------------------------------------------------

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

export { COMPLIANCE_CODES };
