import { responsibleUnitProblems, unitNameKey } from '@kpd/domain';
import { In } from 'typeorm';
import { AreaLevel } from '../areas/area.entity';
import type { AreaDirectory } from '../areas/area-directory';
import { canAdminister, signedIn } from '../auth/policy';
import type { Context } from '../context';
import { ForbiddenError, NotFoundError, UserInputError } from '../errors';
import { parseId, parseOptionalId } from '../ids';
import { mutate } from '../transaction';
import { ResponsibleUnit } from './responsible-unit.entity';
import type { ResponsibleUnitInput } from './responsible-units.inputs';

/**
 * The directories that speak for an area, closest first: its district's, then its city's. A problem
 * of the area notifies the unit its owner unit names in the first of them that lists it.
 */
export function directoryAreas(areas: AreaDirectory, areaId: number): number[] {
  const ids = [areas.districtOf(areaId)?.id, areas.cityOf(areaId)?.id].filter((id): id is number => id !== undefined);
  return [...new Set(ids)];
}

/**
 * The units a viewer in scope of the area reads: the area's own directory and its city's (a district's
 * form offers the city's units too), closest first, by name. A viewer outside the area hears NOT_FOUND.
 */
export async function listResponsibleUnits(ctx: Context, areaIdArg: string): Promise<ResponsibleUnit[]> {
  const viewer = signedIn(ctx.viewer);
  const areaId = parseId(areaIdArg, 'areaId');
  if (!ctx.areas.get(areaId) || !viewer.scope.contains(areaId)) throw new NotFoundError('Area', areaId);
  const order = directoryAreas(ctx.areas, areaId);
  if (order.length === 0) return [];
  const rows = await ctx.db.getRepository(ResponsibleUnit).find({ where: { areaId: In(order) } });
  return rows.sort((a, b) => order.indexOf(a.areaId) - order.indexOf(b.areaId) || a.name.localeCompare(b.name, 'zh-Hans-CN') || a.id - b.id);
}

/**
 * Adds a unit to a district's or city's directory, or changes one (disabling it stops its reminders):
 * admins whose scope holds the area. Audited; the phone never enters the audit images (it is
 * encrypted at rest, and encrypted properties are left out of them).
 */
export async function saveResponsibleUnit(ctx: Context, input: ResponsibleUnitInput): Promise<ResponsibleUnit> {
  const viewer = signedIn(ctx.viewer);
  const id = parseOptionalId(input.id, 'input.id');
  const repo = ctx.db.getRepository(ResponsibleUnit);
  const existing = id === null ? null : await repo.findOneBy({ id });
  if (id !== null && (!existing || !viewer.scope.contains(existing.areaId))) throw new NotFoundError('ResponsibleUnit', id);
  let areaId: number;
  if (existing) areaId = existing.areaId;
  else {
    const requested = parseOptionalId(input.areaId, 'input.areaId');
    if (requested === null) throw new UserInputError('input.areaId', '请选择名录所属的市或区县');
    const area = ctx.areas.get(requested);
    if (!area || !viewer.scope.contains(requested)) throw new NotFoundError('Area', requested);
    if (area.level !== AreaLevel.CITY && area.level !== AreaLevel.DISTRICT) throw new UserInputError('input.areaId', '责任单位名录只设在市和区县');
    areaId = requested;
  }
  if (!canAdminister(viewer, areaId)) throw new ForbiddenError('Only the area’s admins keep its directory of responsible units');
  const { problems, phone } = responsibleUnitProblems(input);
  const name = input.name.trim();
  if (problems.length === 0) {
    const key = unitNameKey(name);
    const same = (await repo.findBy({ areaId })).find((u) => u.id !== existing?.id && unitNameKey(u.name) === key);
    if (same) problems.push({ field: 'name', reason: `本地区名录中已有“${same.name}”` });
  }
  if (problems.length) throw UserInputError.of(problems.map((p) => ({ field: `input.${p.field}`, reason: p.reason })));
  return mutate(ctx, async (tx) => {
    const values = { name, contactName: input.contactName.trim(), phone: phone!, enabled: input.enabled };
    const saved = existing
      ? await tx.em.save(ResponsibleUnit, { ...existing, ...values })
      : await tx.em.save(ResponsibleUnit, tx.em.create(ResponsibleUnit, { ...values, areaId, createdBy: viewer.username ?? '' }));
    const action = !existing ? 'responsible-unit.create' : existing.enabled && !input.enabled ? 'responsible-unit.disable' : 'responsible-unit.update';
    await tx.audit({ action, entityType: 'ResponsibleUnit', entityId: saved.id, areaId, before: existing ?? undefined, after: saved });
    return saved;
  });
}
