import type { SelectQueryBuilder } from 'typeorm';
import { canEditCatalogue, isAdmin, requireThat, signedIn } from '../../core/auth/policy';
import { NotFoundError, UserInputError } from '../../core/errors';
import type { Context } from '../../core/context';
import { AreaLevel, type Area } from '../../core/areas/area.entity';
import { ServiceItem } from './service-item.entity';
import { ServiceCase } from './service-case.entity';

/** Districts the viewer may read (all levels read within their scope). */
export function readableDistrictIds(ctx: Context): number[] | null {
  return signedIn(ctx.viewer).scope.isEverything ? null : ctx.areas.ofLevel(AreaLevel.DISTRICT, ctx.viewer.scope!.root.id).map((a) => a.id);
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
  const viewer = signedIn(ctx.viewer);
  const district = ctx.areas.get(districtId);
  if (!district || district.level !== AreaLevel.DISTRICT) throw new UserInputError(field, '不是区县 (not a district)');
  requireThat(viewer, isAdmin(viewer), 'Only admins edit service catalogues');
  requireThat(viewer, canEditCatalogue(viewer, districtId), 'That district is outside your scope');
  return district;
}

/** A district the viewer may read: NOT_FOUND outside the scope. */
export function readableDistrict(ctx: Context, districtId: number): Area {
  const viewer = signedIn(ctx.viewer);
  const district = ctx.areas.get(districtId);
  if (!district || district.level !== AreaLevel.DISTRICT || !viewer.scope.contains(districtId)) throw new NotFoundError('District', districtId);
  return district;
}

/** Every read of cases starts here: cases of districts outside the viewer's scope never come back. */
export function scopedCases(ctx: Context, alias = 'c'): SelectQueryBuilder<ServiceCase> {
  const qb = ctx.db.getRepository(ServiceCase).createQueryBuilder(alias);
  const ids = readableDistrictIds(ctx);
  if (ids) qb.where(`${alias}.districtId IN (:...scopeIds)`, { scopeIds: ids.length ? ids : [0] });
  return qb;
}
