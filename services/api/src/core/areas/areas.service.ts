import { DEFAULT_RANKING_WEIGHTS, rankingWeightsSum, type RankingWeights } from '@kpd/domain';
import { ForbiddenError, NotFoundError } from '../errors';
import { loader, type Context } from '../context';
import { canChangeCitySettings, canReadFigures, requireThat, signedIn } from '../auth/policy';
import { UserInputError } from '../errors';
import { parseId } from '../ids';
import { mutate } from '../transaction';
import { citySettingsLoader } from './areas.loaders';
import type { CitySettingsInput } from './areas.inputs';
import { Area, AreaLevel } from './area.entity';
import { CitySettings } from './city-settings.entity';
import { outlineText } from './outlines';

function scopeOf(ctx: Context) {
  return signedIn(ctx.viewer).scope;
}

/** An area the viewer may read, or NOT_FOUND — the same answer whether it exists elsewhere or not at all. */
export function readableArea(ctx: Context, id: number, level?: AreaLevel): Area {
  const scope = scopeOf(ctx);
  const area = ctx.areas.get(id);
  if (!area || !scope.contains(area.id) || (level && area.level !== level)) {
    throw new NotFoundError(level === AreaLevel.DISTRICT ? 'District' : 'Area', id);
  }
  return area;
}

/**
 * The area a query is about: the requested one when it is in scope (FORBIDDEN when it is not),
 * else the viewer's own root.
 */
export function queryArea(ctx: Context, requestedId: number | null): Area {
  const scope = scopeOf(ctx);
  if (requestedId === null) return scope.root;
  if (!ctx.areas.get(requestedId)) throw new NotFoundError('Area', requestedId);
  const area = scope.narrow(requestedId);
  if (!area) throw new ForbiddenError('That area is outside your scope');
  return area;
}

/** Districts (and counties, zones) in scope, optionally only those of one city. */
export function districtsInScope(ctx: Context, cityId: number | null): Area[] {
  const scope = scopeOf(ctx);
  if (cityId !== null) {
    const city = ctx.areas.get(cityId);
    if (!city || city.level !== AreaLevel.CITY) throw new NotFoundError('City', cityId);
  }
  return ctx.areas
    .ofLevel(AreaLevel.DISTRICT, cityId ?? undefined)
    .filter((d) => scope.contains(d.id));
}

export function childrenInScope(ctx: Context, area: Area): Area[] {
  const scope = scopeOf(ctx);
  return ctx.areas.children(area.id).filter((c) => scope.contains(c.id));
}

/** A city's stored ranking weights, the defaults where none (or unreadable ones) are stored. */
/** The area's real outline (GeoJSON text) by its division code; public geography, so no scope check beyond reading the area. */
export function outlineOfArea(area: Area): string | null {
  return outlineText(area.code);
}

export function rankingWeightsOf(settings: CitySettings): RankingWeights {
  try {
    return { ...DEFAULT_RANKING_WEIGHTS, ...(JSON.parse(settings.rankingWeights) as Partial<RankingWeights>) };
  } catch {
    return { ...DEFAULT_RANKING_WEIGHTS };
  }
}

/** The settings of the city an area belongs to (for a district: its city's). */
export async function citySettingsFor(ctx: Context, areaId: number): Promise<CitySettings | null> {
  const city = ctx.areas.cityOf(areaId);
  if (!city) return null;
  return ctx.db.getRepository(CitySettings).findOneBy({ cityId: city.id });
}

/** The city's settings of an area (for a district: its city's), for admins and analysts; null for others. */
export function settingsOfArea(ctx: Context, area: Area): Promise<CitySettings | null> | null {
  if (!canReadFigures(ctx.viewer)) return null;
  const city = ctx.areas.cityOf(area.id);
  if (!city) return null;
  return loader(ctx, citySettingsLoader).load(city.id);
}

/** Changes a city's settings (admins of the city or the province); omitted fields stay. */
export async function updateCitySettings(ctx: Context, cityIdArg: string, input: CitySettingsInput): Promise<CitySettings> {
  const cityId = parseId(cityIdArg, 'cityId');
  const city = ctx.areas.get(cityId);
  if (!city || city.level !== AreaLevel.CITY) throw new NotFoundError('City', cityIdArg);
  // A district admin reads its city's rules but cannot change them.
  requireThat(ctx.viewer, canChangeCitySettings(ctx.viewer, city.id), 'Only admins of the city or the province change its settings');
  if (input.libraryThreshold !== undefined && input.libraryThreshold !== null && input.libraryThreshold < 0n) {
    throw new UserInputError('input.libraryThreshold', 'must not be negative');
  }
  if (input.rankingWeights) {
    const { sum, addsUpToOne } = rankingWeightsSum(input.rankingWeights);
    if (!addsUpToOne) throw new UserInputError('input.rankingWeights', `must add up to 1 (now ${sum})`);
  }
  return mutate(ctx, async (tx) => {
    const settings = await tx.em.findOneBy(CitySettings, { cityId });
    if (!settings) throw new NotFoundError('CitySettings', cityIdArg);
    const before = { ...settings };
    if (input.libraryThreshold !== undefined && input.libraryThreshold !== null) settings.libraryThreshold = input.libraryThreshold;
    if (input.lightRule) settings.lightRule = input.lightRule;
    if (input.reportDeadlineDay) settings.reportDeadlineDay = input.reportDeadlineDay;
    if (input.lightTolerancePercent !== undefined && input.lightTolerancePercent !== null) {
      settings.lightTolerancePercent = input.lightTolerancePercent;
    }
    if (input.noContactDays) settings.noContactDays = input.noContactDays;
    if (input.rankingWeights) settings.rankingWeights = JSON.stringify({ ...input.rankingWeights });
    await tx.em.save(settings);
    await tx.audit({ action: 'citySettings.update', entityType: 'CitySettings', entityId: cityId, areaId: cityId, before, after: settings });
    return settings;
  });
}
