import { unitNameKey } from '@kpd/domain';
import { In, type EntityManager } from 'typeorm';
import { areaDirectory } from '../areas/area-directory';
import { ResponsibleUnit } from './responsible-unit.entity';

/**
 * For each problem, the enabled unit of the directory of its district (or else of its city) whose name
 * is its owner unit (spaces and letter case aside); null when none is. Answers in the problems' order.
 */
export async function ownerUnitsOf(em: EntityManager, problems: { areaId: number; cityId: number; ownerUnit: string }[]): Promise<(ResponsibleUnit | null)[]> {
  if (problems.length === 0) return [];
  const units = await em.getRepository(ResponsibleUnit).find({ where: { enabled: true } });
  if (units.length === 0) return problems.map(() => null);
  const areas = await areaDirectory(em.connection);
  const byKey = new Map(units.map((u) => [`${u.areaId}:${unitNameKey(u.name)}`, u]));
  return problems.map((p) => {
    const key = unitNameKey(p.ownerUnit);
    const district = areas.districtOf(p.areaId);
    return (district ? byKey.get(`${district.id}:${key}`) : undefined) ?? byKey.get(`${p.cityId}:${key}`) ?? null;
  });
}

/** The units behind unit notices, by id (disabled ones included: the worker decides). */
export async function unitsByIds(em: EntityManager, ids: number[]): Promise<Map<number, ResponsibleUnit>> {
  if (ids.length === 0) return new Map();
  return new Map((await em.getRepository(ResponsibleUnit).findBy({ id: In([...new Set(ids)]) })).map((u) => [u.id, u]));
}
