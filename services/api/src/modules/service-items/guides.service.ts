import {
  materialsToSubmit,
  guideFeeTotal,
  serviceGuideProblems,
  type ServiceGuide as GuideRule,
} from '@kpd/domain';
import { ConflictError, NotFoundError, refuseIfAny } from '../../core/errors';
import { parseId, parseOptionalId } from '../../core/ids';
import { containsPattern, LIKE_ESCAPE } from '../../core/like';
import { paginate, type Page } from '../../core/pagination';
import { mutate } from '../../core/transaction';
import { now } from '../../core/clock';
import { bulkInsert } from '../../db/bulk-insert';
import type { Context } from '../../core/context';
import { ServiceItem, ServiceItemStatus } from './service-item.entity';
import { ServiceGuideRow } from './service-guide.entity';
import type { PublicServiceGuidesArgs, ServiceGuideInput } from './guides.inputs';
import type { PublicServiceItem, ServiceGuide } from './guides.types';
import { editableDistrict } from './service-items.scope';

/** The guide as the rules read it, trimmed: what is saved is what was checked. */
export function guideOf(input: ServiceGuideInput): GuideRule {
  const t = (s: string | null | undefined) => (s ?? '').trim();
  return {
    conditions: t(input.conditions),
    materials: input.materials.map((m) => ({
      name: t(m.name),
      form: m.form,
      copies: m.copies,
      source: t(m.source),
      shared: m.shared,
      templateUrl: t(m.templateUrl) || null,
    })),
    steps: input.steps.map((s) => ({ title: t(s.title), description: t(s.description) })),
    place: t(input.place),
    hours: t(input.hours),
    fees: input.fees.map((f) => ({ name: t(f.name), amount: f.amount, basis: t(f.basis) })),
    pauses: input.pauses.map((p) => ({ name: t(p.name), maxDays: p.maxDays })),
    contactPhone: t(input.contactPhone),
    complaintPhone: t(input.complaintPhone),
    complaintChannel: t(input.complaintChannel),
    faq: input.faq.map((q) => ({ question: t(q.question), answer: t(q.answer) })),
  };
}

/** The stored row of a checked guide (lists as JSON; fees' 分 as strings, exact). */
export function rowFields(
  guide: GuideRule,
): Omit<ServiceGuideRow, 'itemId' | 'districtId' | 'version' | 'updatedAt'> {
  return {
    conditions: guide.conditions,
    materials: JSON.stringify(guide.materials),
    steps: JSON.stringify(guide.steps),
    place: guide.place,
    hours: guide.hours,
    fees: JSON.stringify(guide.fees.map((f) => ({ ...f, amount: f.amount.toString() }))),
    pauses: JSON.stringify(guide.pauses),
    contactPhone: guide.contactPhone,
    complaintPhone: guide.complaintPhone,
    complaintChannel: guide.complaintChannel,
    faq: JSON.stringify(guide.faq),
    materialsToSubmit: materialsToSubmit(guide.materials),
  };
}

/** The GraphQL view of a stored guide. */
export function guideView(row: ServiceGuideRow): ServiceGuide {
  const fees = (JSON.parse(row.fees) as Array<{ name: string; amount: string; basis: string }>).map((f) => ({
    ...f,
    amount: BigInt(f.amount),
  }));
  return {
    version: row.version,
    conditions: row.conditions,
    materials: JSON.parse(row.materials),
    materialsToSubmit: row.materialsToSubmit,
    steps: JSON.parse(row.steps),
    place: row.place,
    hours: row.hours,
    fees,
    feeTotal: guideFeeTotal(fees),
    pauses: JSON.parse(row.pauses),
    contactPhone: row.contactPhone,
    complaintPhone: row.complaintPhone,
    complaintChannel: row.complaintChannel,
    faq: JSON.parse(row.faq),
    updatedAt: row.updatedAt,
  };
}

/**
 * Writes an item's whole guide. The first save passes no version; later ones the version read, and
 * a save based on an old version (or a second "first" save) is refused with CONFLICT.
 */
export async function saveServiceGuide(
  ctx: Context,
  itemIdArg: string,
  expectedVersion: number | null,
  input: ServiceGuideInput,
): Promise<ServiceGuide> {
  const itemId = parseId(itemIdArg, 'itemId');
  const guide = guideOf(input);
  return mutate(ctx, async (tx) => {
    const item = await tx.em.findOneBy(ServiceItem, { id: itemId });
    if (!item || !ctx.viewer.scope?.contains(item.districtId))
      throw new NotFoundError('ServiceItem', itemIdArg);
    editableDistrict(ctx, item.districtId);
    refuseIfAny(serviceGuideProblems(guide, 'input'));
    const fields = rowFields(guide);
    const current = await tx.em.findOneBy(ServiceGuideRow, { itemId });
    const stale = () =>
      new ConflictError('该办事指南已被他人修改，请刷新后重试 (changed by someone else since you read it)', {
        currentVersion: current?.version ?? null,
      });
    if (!current) {
      if (expectedVersion !== null) throw stale();
      // A unique primary key on item_id: of two first saves at once, the second fails here and is told to reload.
      const inserted = await bulkInsert(
        tx.em,
        ServiceGuideRow,
        [{ ...fields, itemId, districtId: item.districtId, version: 1, updatedAt: now() }],
        { ignoreDuplicates: true },
      );
      if (inserted !== 1) throw stale();
    } else {
      if (expectedVersion !== current.version) throw stale();
      const changed = await tx.em
        .createQueryBuilder()
        .update(ServiceGuideRow)
        .set({ ...fields, version: () => 'version + 1' })
        .where('item_id = :itemId AND version = :v', { itemId, v: expectedVersion })
        .execute();
      if (!changed.affected) throw stale();
    }
    const after = await tx.em.findOneBy(ServiceGuideRow, { itemId });
    if (!after) throw stale();
    await tx.audit({
      action: current ? 'serviceGuide.update' : 'serviceGuide.create',
      entityType: 'ServiceGuide',
      entityId: itemId,
      areaId: item.districtId,
      before: current ?? null,
      after,
    });
    return guideView(after);
  });
}

function publicItems(ctx: Context) {
  return ctx.db
    .getRepository(ServiceItem)
    .createQueryBuilder('i')
    .innerJoin(ServiceGuideRow, 'g', 'g.item_id = i.id')
    .where('i.status = :inUse', { inUse: ServiceItemStatus.IN_USE });
}

/** Items in use that have a guide, for anyone: by district and text. */
export function publicServiceGuides(
  ctx: Context,
  args: PublicServiceGuidesArgs,
): Promise<Page<PublicServiceItem>> {
  const qb = publicItems(ctx);
  const districtId = parseOptionalId(args.districtId ?? null, 'districtId');
  if (districtId !== null) qb.andWhere('i.districtId = :districtId', { districtId });
  if (args.search)
    qb.andWhere(`(i.name LIKE :q ${LIKE_ESCAPE} OR i.department LIKE :q ${LIKE_ESCAPE})`, {
      q: containsPattern(args.search),
    });
  return paginate(qb, [{ expression: 'i.id', property: 'id', direction: 'ASC' }], args) as Promise<
    Page<PublicServiceItem>
  >;
}

/** One item in use with its guide, for anyone; NOT_FOUND when it has none or is not offered. */
export async function publicServiceGuide(ctx: Context, itemIdArg: string): Promise<PublicServiceItem> {
  const item = await publicItems(ctx)
    .andWhere('i.id = :id', { id: parseId(itemIdArg, 'itemId') })
    .getOne();
  if (!item) throw new NotFoundError('ServiceGuide', itemIdArg);
  return item;
}
