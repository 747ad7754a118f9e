import { NotFoundError, UserInputError } from '../../core/errors';
import { parseId } from '../../core/ids';
import { mutate } from '../../core/transaction';
import type { Context } from '../../core/context';
import type { ServiceWindowInput } from './service-items.inputs';
import { editableDistrict, readableDistrict } from './service-items.scope';
import { ServiceBaseline, ServiceWindow, ServiceZone } from './service-zone.entity';

/** The single-window hall of a district: its zones and windows, and its windows before the reform. */

export async function serviceZones(ctx: Context, districtIdArg: string): Promise<ServiceZone[]> {
  const district = readableDistrict(ctx, parseId(districtIdArg, 'districtId'));
  return ctx.db.getRepository(ServiceZone).find({ where: { districtId: district.id }, order: { sortOrder: 'ASC', id: 'ASC' } });
}

export async function serviceBaseline(ctx: Context, districtIdArg: string): Promise<ServiceBaseline | null> {
  const district = readableDistrict(ctx, parseId(districtIdArg, 'districtId'));
  return ctx.db.getRepository(ServiceBaseline).findOneBy({ districtId: district.id });
}

/** Adds a zone, or renames one and replaces its windows. */
export async function saveServiceZone(ctx: Context, districtIdArg: string, idArg: string | null, name: string, windows: ServiceWindowInput[]): Promise<ServiceZone> {
  const district = editableDistrict(ctx, parseId(districtIdArg, 'districtId'));
  const trimmed = name.trim();
  if (trimmed.length < 1 || trimmed.length > 64) throw new UserInputError('name', '名称应为1至64个字 (1 to 64 characters)');
  const numbers = windows.map((w) => w.number.trim());
  const dup = numbers.findIndex((n, i) => numbers.indexOf(n) !== i);
  if (dup >= 0) throw new UserInputError(`windows[${dup}].number`, `窗口号 ${numbers[dup]} 重复 (duplicate window number)`);
  return mutate(ctx, async (tx) => {
    let zone: ServiceZone;
    let before: unknown = null;
    if (idArg) {
      const found = await tx.em.findOneBy(ServiceZone, { id: parseId(idArg, 'id') });
      if (!found || found.districtId !== district.id) throw new NotFoundError('ServiceZone', idArg);
      before = { ...found, windows: await tx.em.findBy(ServiceWindow, { zoneId: found.id }) };
      found.name = trimmed;
      zone = await tx.em.save(found);
      await tx.em.delete(ServiceWindow, { zoneId: zone.id });
    } else {
      const count = await tx.em.countBy(ServiceZone, { districtId: district.id });
      zone = await tx.em.save(tx.em.create(ServiceZone, { districtId: district.id, name: trimmed, sortOrder: count }));
    }
    if (windows.length) await tx.em.insert(ServiceWindow, windows.map((w, i) => ({ zoneId: zone.id, number: numbers[i], name: w.name?.trim() || null })));
    await tx.audit({ action: 'serviceZone.save', entityType: 'ServiceZone', entityId: zone.id, areaId: district.id, before, after: { ...zone, windows: numbers } });
    return zone;
  });
}

export async function setServiceBaseline(ctx: Context, districtIdArg: string, takenOn: string, windowsBefore: number): Promise<ServiceBaseline> {
  const district = editableDistrict(ctx, parseId(districtIdArg, 'districtId'));
  if (!Number.isInteger(windowsBefore) || windowsBefore < 0 || windowsBefore > 10_000) throw new UserInputError('windowsBefore', '应为0至10000 (0 to 10000)');
  return mutate(ctx, async (tx) => {
    const before = await tx.em.findOneBy(ServiceBaseline, { districtId: district.id });
    const saved = await tx.em.save(ServiceBaseline, { districtId: district.id, takenOn, windowsBefore });
    await tx.audit({ action: 'serviceBaseline.set', entityType: 'ServiceBaseline', entityId: district.id, areaId: district.id, before, after: saved });
    return saved;
  });
}
