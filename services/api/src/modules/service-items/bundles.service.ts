import {
  bundleFigures,
  bundleProblems,
  partAsItem,
  type BundleFigures,
  type BundleItem,
  type BundlePart,
  type GuideMaterial,
} from '@kpd/domain';
import { In } from 'typeorm';
import type { Context } from '../../core/context';
import { loader } from '../../core/context';
import { ConflictError, NotFoundError, refuseIfAny, UserInputError } from '../../core/errors';
import { parseId, parseOptionalId } from '../../core/ids';
import { mutate } from '../../core/transaction';
import type { ServiceBundleInput } from './bundles.inputs';
import type { PublicServiceBundle, PublicServiceBundleItem, ServiceBundleItemType, ServiceBundleType } from './bundles.types';
import { districtsOf } from './cases.service';
import { ServiceBundle, ServiceBundleItem } from './service-bundle.entity';
import { ServiceItem, ServiceItemStatus } from './service-item.entity';
import { ServiceGuideRow } from './service-guide.entity';
import { bundleItemsLoader, guideByItemLoader, itemLoader } from './service-items.loaders';
import { editableDistrict } from './service-items.scope';

/** The bundles of the districts in the viewer's scope (and the area asked for), by district and name. */
export async function listBundles(ctx: Context, areaId: string | null): Promise<ServiceBundleType[]> {
  const qb = ctx.db.getRepository(ServiceBundle).createQueryBuilder('b');
  const districts = districtsOf(ctx, { areaId });
  if (districts) qb.where('b.districtId IN (:...ds)', { ds: districts.length ? districts : [0] });
  return qb.orderBy('b.districtId', 'ASC').addOrderBy('b.id', 'ASC').getMany();
}

/** The items of a bundle with their stages, in stage order (items outside the scope never come back). */
export async function bundleItems(ctx: Context, bundleId: number): Promise<ServiceBundleItemType[]> {
  const rows = await loader(ctx, bundleItemsLoader).load(bundleId);
  const items = await Promise.all(rows.map((r) => loader(ctx, itemLoader).load(r.itemId)));
  const guides = await Promise.all(rows.map((r) => loader(ctx, guideByItemLoader).load(r.itemId)));
  return rows.flatMap((r, k) => (items[k] ? [{ stage: r.stage, item: items[k]!, hasGuide: guides[k] !== null }] : []));
}

/** The bundle's parts outside the district's catalogue, as saved. */
export function partsOf(bundle: { parts: string | null }): BundlePart[] {
  return bundle.parts ? (JSON.parse(bundle.parts) as BundlePart[]) : [];
}

/** A catalogue item of a bundle as the figures take it: its promise, its visits, its guide's materials. */
function asBundleItem(item: ServiceItem, stage: number, guide: ServiceGuideRow | null): BundleItem {
  return {
    itemId: item.id,
    department: item.department,
    stage,
    promisedDays: item.caseKind === 'IMMEDIATE' ? 0 : item.promisedLimitDays,
    visits: item.visits,
    materials: guide ? (JSON.parse(guide.materials) as GuideMaterial[]) : null,
    materialsCount: item.materialsNow,
  };
}

/** The bundle's figures from its items, their guides and its outside parts, by the rule in packages/domain. */
export async function figuresOfBundle(ctx: Context, bundle: ServiceBundleType): Promise<BundleFigures> {
  const rows = await bundleItems(ctx, bundle.id);
  const guides = await Promise.all(rows.map((r) => loader(ctx, guideByItemLoader).load(r.item.id)));
  return bundleFigures(
    [...rows.map((r, k) => asBundleItem(r.item, r.stage, guides[k])), ...partsOf(bundle).map(partAsItem)],
    bundle.limitDays,
  );
}

/**
 * A bundle for anyone (no sign-in): its items in use and its outside parts by stage, the one window
 * that takes it in (the place of the first item's guide), the merged materials and what it saves.
 * NOT_FOUND when there is no such bundle.
 */
export async function publicServiceBundle(ctx: Context, idArg: string): Promise<PublicServiceBundle> {
  const id = parseId(idArg, 'id');
  const bundle = await ctx.db.getRepository(ServiceBundle).findOneBy({ id });
  if (!bundle) throw new NotFoundError('ServiceBundle', idArg);
  const rows = await ctx.db.getRepository(ServiceBundleItem).find({ where: { bundleId: id }, order: { stage: 'ASC', sortOrder: 'ASC' } });
  const items = new Map(
    (await ctx.db.getRepository(ServiceItem).findBy({ id: In([...rows.map((r) => r.itemId), 0]), status: ServiceItemStatus.IN_USE })).map((i) => [i.id, i]),
  );
  const guides = new Map((await ctx.db.getRepository(ServiceGuideRow).findBy({ itemId: In([...items.keys(), 0]) })).map((g) => [g.itemId, g]));
  const inUse = rows.filter((r) => items.has(r.itemId));
  const parts = partsOf(bundle);
  const figures = bundleFigures(
    [...inUse.map((r) => asBundleItem(items.get(r.itemId)!, r.stage, guides.get(r.itemId) ?? null)), ...parts.map(partAsItem)],
    bundle.limitDays,
  );
  const listed: PublicServiceBundleItem[] = [
    ...inUse.map((r) => {
      const item = items.get(r.itemId)!;
      return {
        stage: r.stage,
        itemId: item.id,
        hasGuide: guides.has(item.id),
        name: item.name,
        department: item.department,
        promisedDays: item.caseKind === 'IMMEDIATE' ? 0 : item.promisedLimitDays,
        visits: item.visits,
      };
    }),
    ...parts.map((p) => ({ stage: p.stage, itemId: null, hasGuide: false, name: p.name, department: p.department, promisedDays: p.promisedDays, visits: p.visits })),
  ].sort((a, b) => a.stage - b.stage);
  const lead = inUse.find((r) => guides.has(r.itemId));
  return {
    id: bundle.id,
    name: bundle.name,
    description: bundle.description,
    districtName: ctx.areas.get(bundle.districtId)?.name ?? '',
    place: lead ? guides.get(lead.itemId)!.place : null,
    items: listed,
    figures,
  };
}

/**
 * Adds a bundle (no id) or replaces one whole (its id and the version read), for an admin of the
 * district: items of the district, each once, in stages without a gap, the combined limit within the
 * cap. CONFLICT on a stale version or a name the district already uses.
 */
export async function saveBundle(
  ctx: Context,
  districtIdArg: string,
  idArg: string | null,
  expectedVersion: number | null,
  input: ServiceBundleInput,
): Promise<ServiceBundleType> {
  const districtId = parseId(districtIdArg, 'districtId');
  const id = parseOptionalId(idArg, 'id');
  editableDistrict(ctx, districtId);
  const itemIds = input.items.map((i, k) => parseId(i.itemId, `input.items[${k}].itemId`));
  const name = input.name.trim();
  const parts: BundlePart[] = (input.parts ?? []).map((p) => ({
    name: p.name.trim(),
    department: p.department.trim(),
    stage: p.stage,
    promisedDays: p.promisedDays,
    visits: p.visits,
    visitsReason: p.visitsReason?.trim() || null,
    materials: (p.materials ?? []).map((m) => ({ name: m.name.trim(), shared: m.shared })),
  }));
  return mutate(ctx, async (tx) => {
    const items = new Map((await tx.em.findBy(ServiceItem, { id: In(itemIds.length ? itemIds : [0]) })).map((i) => [i.id, i]));
    const missing = itemIds.findIndex((itemId) => items.get(itemId)?.districtId !== districtId);
    if (missing >= 0) throw new UserInputError(`input.items[${missing}].itemId`, '不是本区的政务服务事项');
    refuseIfAny(
      bundleProblems({
        name,
        limitDays: input.limitDays ?? null,
        parts,
        items: input.items.map((i, k) => {
          const item = items.get(itemIds[k])!;
          return { itemId: item.id, stage: i.stage, promisedDays: item.caseKind === 'IMMEDIATE' ? 0 : item.promisedLimitDays };
        }),
      }),
    );
    const existing = id === null ? null : await tx.em.findOneBy(ServiceBundle, { id });
    if (id !== null && (!existing || existing.districtId !== districtId)) throw new NotFoundError('ServiceBundle', idArg!);
    if (existing && existing.version !== expectedVersion)
      throw new ConflictError('一件事已被他人修改，请刷新后重试 (stale version)', { field: 'expectedVersion' });
    const clash = await tx.em.findOneBy(ServiceBundle, { districtId, name });
    if (clash && clash.id !== existing?.id) throw new ConflictError(`本区已有一件事“${name}”`, { field: 'input.name' });
    const before = existing ? { ...existing, items: await tx.em.findBy(ServiceBundleItem, { bundleId: existing.id }) } : null;
    const fields = { districtId, name, description: input.description.trim(), limitDays: input.limitDays ?? null, parts: parts.length ? JSON.stringify(parts) : null };
    const saved = existing
      ? await tx.em.save(Object.assign(existing, fields, { version: existing.version + 1 }))
      : await tx.em.save(tx.em.create(ServiceBundle, { ...fields, version: 1 }));
    await tx.em.delete(ServiceBundleItem, { bundleId: saved.id });
    await tx.em.insert(
      ServiceBundleItem,
      input.items.map((i, k) => ({ bundleId: saved.id, itemId: itemIds[k], stage: i.stage, sortOrder: k })),
    );
    await tx.audit({
      action: existing ? 'serviceBundle.update' : 'serviceBundle.create',
      entityType: 'ServiceBundle',
      entityId: saved.id,
      areaId: districtId,
      before,
      after: { ...saved, items: input.items.map((i, k) => ({ itemId: itemIds[k], stage: i.stage })) },
    });
    return saved;
  });
}
