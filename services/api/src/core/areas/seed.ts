import { DEFAULT_RANKING_WEIGHTS, yi, wan } from '@kpd/domain';
import type { EntityManager } from 'typeorm';
import type { SeedContext } from '../module';
import { Area, AreaKind, AreaLevel } from './area.entity';
import { CitySettings, LightRule } from './city-settings.entity';
import { LIAONING, type AreaSeed } from './liaoning';

const LEVEL_OF: Record<AreaKind, AreaLevel> = {
  PROVINCE: AreaLevel.PROVINCE,
  CITY: AreaLevel.CITY,
  DEMONSTRATION_ZONE: AreaLevel.CITY,
  URBAN_DISTRICT: AreaLevel.DISTRICT,
  COUNTY: AreaLevel.DISTRICT,
  COUNTY_LEVEL_CITY: AreaLevel.DISTRICT,
  DEVELOPMENT_ZONE: AreaLevel.DISTRICT,
  TOWN: AreaLevel.TOWNSHIP,
  TOWNSHIP: AreaLevel.TOWNSHIP,
  SUBDISTRICT: AreaLevel.TOWNSHIP,
};

export function levelOfKind(kind: AreaKind): AreaLevel {
  return LEVEL_OF[kind];
}

/** Inserts a tree of areas with their materialised paths. Returns the root. */
export async function insertAreaTree(em: EntityManager, node: AreaSeed, parent: Area | null, sortOrder = 0): Promise<Area> {
  const area = await em.save(
    em.create(Area, {
      parentId: parent?.id ?? null,
      level: LEVEL_OF[node.kind],
      kind: node.kind,
      name: node.name,
      code: node.code ?? null,
      path: 'pending',
      sortOrder,
    }),
  );
  area.path = `${parent?.path ?? '/'}${area.id}/`;
  await em.update(Area, area.id, { path: area.path });
  let i = 0;
  for (const child of node.children ?? []) await insertAreaTree(em, child, area, i++);
  return area;
}

/**
 * Shenyang lights by investment against plan (苏家屯's 红黄绿灯) with a 1亿元 library threshold;
 * Dalian by milestones with 5000万元 (its monthly plans cover projects from 5000万元).
 */
export const CITY_SETTINGS: Record<string, { threshold: bigint; rule: LightRule }> = {
  沈阳市: { threshold: yi(1), rule: LightRule.INVESTMENT },
  大连市: { threshold: wan(5000), rule: LightRule.MILESTONE },
  阜新市: { threshold: wan(5000), rule: LightRule.INVESTMENT },
  沈抚改革创新示范区: { threshold: yi(1), rule: LightRule.INVESTMENT },
};

export async function seedCitySettings(em: EntityManager, cities: Area[]): Promise<void> {
  for (const city of cities) {
    const preset = CITY_SETTINGS[city.name] ?? { threshold: yi(1), rule: LightRule.INVESTMENT };
    await em.insert(CitySettings, {
      cityId: city.id,
      libraryThreshold: preset.threshold,
      lightRule: preset.rule,
      reportDeadlineDay: 5,
      lightTolerancePercent: 0,
      noContactDays: 30,
      rankingWeights: JSON.stringify(DEFAULT_RANKING_WEIGHTS),
    });
  }
}

export async function seedAreas(seed: SeedContext): Promise<void> {
  await insertAreaTree(seed.em, LIAONING, null);
  const cities = await seed.em.find(Area, { where: { level: AreaLevel.CITY } });
  await seedCitySettings(seed.em, cities);
}
