import { bundleFigures, bundleProblems, type BundleFigures, type GuideMaterial } from '@kpd/domain';
import { In } from 'typeorm';
import type { Context } from '../../core/context';
import { loader } from '../../core/context';
import { ConflictError, NotFoundError, refuseIfAny, UserInputError } from '../../core/errors';
import { parseId, parseOptionalId } from '../../core/ids';
import { mutate } from '../../core/transaction';
import type { ServiceBundleInput } from './bundles.inputs';
import type { ServiceBundleItemType, ServiceBundleType } from './bundles.types';
import { districtsOf } from './cases.service';
import { ServiceBundle, ServiceBundleItem } from './service-bundle.entity';
import { ServiceItem } from './service-item.entity';
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

/** The bundle's figures from its items and their guides, by the rule in packages/domain. */
export async function figuresOfBundle(ctx: Context, bundle: ServiceBundleType): Promise<BundleFigures> {
  const rows = await bundleItems(ctx, bundle.id);
  const guides = await Promise.all(rows.map((r) => loader(ctx, guideByItemLoader).load(r.item.id)));
  return bundleFigures(
    rows.map((r, k) => ({
      itemId: r.item.id,
      department: r.item.department,
      stage: r.stage,
      promisedDays: r.item.caseKind === 'IMMEDIATE' ? 0 : r.item.promisedLimitDays,
      visits: r.item.visits,
      materials: guides[k] ? (JSON.parse(guides[k]!.materials) as GuideMaterial[]) : null,
      materialsCount: r.item.materialsNow,
    })),
    bundle.limitDays,
  );
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
  return mutate(ctx, async (tx) => {
    const items = new Map((await tx.em.findBy(ServiceItem, { id: In(itemIds.length ? itemIds : [0]) })).map((i) => [i.id, i]));
    const missing = itemIds.findIndex((itemId) => items.get(itemId)?.districtId !== districtId);
    if (missing >= 0) throw new UserInputError(`input.items[${missing}].itemId`, '不是本区的政务服务事项');
    refuseIfAny(
      bundleProblems({
        name,
        limitDays: input.limitDays ?? null,
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
    const fields = { districtId, name, description: input.description.trim(), limitDays: input.limitDays ?? null };
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
