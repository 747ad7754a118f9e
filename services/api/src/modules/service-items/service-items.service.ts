import { complianceViolations, serviceItemProblems, type Fen, type ServiceItem as ServiceItemRule, type ServiceItemType } from '@kpd/domain';
import type { EntityManager } from 'typeorm';
import { ConflictError, NotFoundError, refuseIfAny, type FieldProblem } from '../../core/errors';
import { parseId, parseOptionalId } from '../../core/ids';
import { containsPattern, LIKE_ESCAPE } from '../../core/like';
import { paginate, type Page } from '../../core/pagination';
import { mutate } from '../../core/transaction';
import type { Context } from '../../core/context';
import { queryArea } from '../../core/areas/areas.service';
import { maskOf, ServiceItem, ServiceItemStatus } from './service-item.entity';
import type { ServiceItemInput, ServiceItemsArgs } from './service-items.inputs';
import { editableDistrict, scopedItems } from './service-items.scope';
import { ServiceZone } from './service-zone.entity';

/** Promised ÷ legal time the city aims at (report 000: 压缩至法定时限的30%以内). */
export const TIME_TARGET_PERCENT = 30;
const TIME_TARGET_RATIO = TIME_TARGET_PERCENT / 100;

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

export function fieldsOf(input: ServiceItemInput): ItemFields {
  return {
    basicCode: input.basicCode.trim(),
    implementationCode: input.implementationCode.trim(),
    name: input.name.trim(),
    type: input.type,
    department: input.department.trim(),
    byApplication: input.byApplication,
    onlineDepth: input.onlineDepth,
    visits: input.visits,
    visitsReason: input.visitsReason?.trim() || null,
    caseKind: input.caseKind,
    legalLimitDays: input.legalLimitDays ?? null,
    promisedLimitDays: input.promisedLimitDays ?? null,
    materialsNow: input.materialsNow ?? null,
    materialsBefore: input.materialsBefore ?? null,
    zoneId: parseOptionalId(input.zoneId, 'input.zoneId'),
    highFrequency: input.highFrequency,
    fee: input.fee ?? null,
    legalBasis: input.legalBasis?.trim() || null,
    status: input.status ?? ServiceItemStatus.IN_USE,
  };
}

/** Service items in the viewer's scope, filtered (in use unless a status is asked for). */
export function listServiceItems(ctx: Context, args: ServiceItemsArgs): Promise<Page<ServiceItem>> {
  const f = args.filter ?? {};
  const qb = scopedItems(ctx, 'i');
  const areaId = parseOptionalId(f.areaId, 'filter.areaId');
  if (areaId !== null) {
    const area = queryArea(ctx, areaId);
    const ids = ctx.areas.subtree(area.id).map((a) => a.id);
    qb.andWhere('i.districtId IN (:...areaIds)', { areaIds: ids });
  }
  qb.andWhere('i.status = :status', { status: f.status ?? ServiceItemStatus.IN_USE });
  if (f.type) qb.andWhere('i.type = :type', { type: f.type });
  if (f.byApplication !== undefined && f.byApplication !== null) qb.andWhere('i.byApplication = :ba', { ba: f.byApplication });
  if (f.onlineDepth) qb.andWhere('i.onlineDepth = :depth', { depth: f.onlineDepth });
  if (f.zoneId) qb.andWhere('i.zoneId = :zone', { zone: parseId(f.zoneId, 'filter.zoneId') });
  if (f.highFrequency !== undefined && f.highFrequency !== null) qb.andWhere('i.highFrequency = :hf', { hf: f.highFrequency });
  if (f.violates?.length) qb.andWhere('(i.violation_mask & :mask) <> 0', { mask: maskOf(f.violates) });
  if (f.anyViolation === true) qb.andWhere('i.violationMask > 0');
  if (f.anyViolation === false) qb.andWhere('i.violationMask = 0');
  if (f.search) {
    qb.andWhere(`(i.name LIKE :q ${LIKE_ESCAPE} OR i.implementationCode LIKE :q ${LIKE_ESCAPE} OR i.department LIKE :q ${LIKE_ESCAPE})`, { q: containsPattern(f.search) });
  }
  return paginate(qb, [{ expression: 'i.id', property: 'id', direction: 'ASC' }], args);
}

/** One item in the viewer's scope, or NOT_FOUND. */
export async function serviceItemById(ctx: Context, id: string): Promise<ServiceItem> {
  const item = await scopedItems(ctx, 'i').andWhere('i.id = :id', { id: parseId(id, 'id') }).getOne();
  if (!item) throw new NotFoundError('ServiceItem', id);
  return item;
}

export async function createServiceItem(ctx: Context, districtIdArg: string, input: ServiceItemInput): Promise<ServiceItem> {
  const district = editableDistrict(ctx, parseId(districtIdArg, 'districtId'));
  const fields = fieldsOf(input);
  return mutate(ctx, async (tx) => {
    refuseIfAny(await itemProblems(tx.em, district.id, fields));
    await assertCodeFree(tx.em, district.id, fields.implementationCode);
    const item = tx.em.create(ServiceItem, { ...fields, districtId: district.id, version: 1, violationMask: violationMaskOf(fields) });
    await tx.em.save(item);
    await tx.audit({ action: 'serviceItem.create', entityType: 'ServiceItem', entityId: item.id, areaId: district.id, after: item });
    return item;
  });
}

/** Changes every field of an item; CONFLICT when its version moved on since the caller read it. */
export async function updateServiceItem(ctx: Context, id: string, expectedVersion: number, input: ServiceItemInput): Promise<ServiceItem> {
  const itemId = parseId(id, 'id');
  const fields = fieldsOf(input);
  return mutate(ctx, async (tx) => {
    const current = await tx.em.findOneBy(ServiceItem, { id: itemId });
    if (!current || !ctx.viewer.scope!.contains(current.districtId)) throw new NotFoundError('ServiceItem', id);
    editableDistrict(ctx, current.districtId);
    refuseIfAny(await itemProblems(tx.em, current.districtId, fields));
    await assertCodeFree(tx.em, current.districtId, fields.implementationCode, current.id);
    const before = { ...current };
    const changed = await tx.em
      .createQueryBuilder()
      .update(ServiceItem)
      .set({ ...fields, violationMask: violationMaskOf(fields), version: () => 'version + 1' })
      .where('id = :id AND version = :v', { id: itemId, v: expectedVersion })
      .execute();
    if (!changed.affected) {
      throw new ConflictError('该事项已被他人修改，请刷新后重试 (changed by someone else since you read it)', { currentVersion: current.version });
    }
    const after = await tx.em.findOneByOrFail(ServiceItem, { id: itemId });
    await tx.audit({ action: 'serviceItem.update', entityType: 'ServiceItem', entityId: itemId, areaId: current.districtId, before, after });
    return after;
  });
}
