import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../errors';
import type { Context } from '../context';
import { isSignedIn } from '../auth/viewer';
import { Area, AreaLevel } from './area.entity';
import { CitySettings } from './city-settings.entity';

function scopeOf(ctx: Context) {
  if (!isSignedIn(ctx.viewer)) throw new UnauthenticatedError();
  return ctx.viewer.scope;
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

export interface RankingWeights {
  milestoneRate: number;
  investmentRate: number;
  lights: number;
}

export const DEFAULT_RANKING_WEIGHTS: RankingWeights = { milestoneRate: 0.4, investmentRate: 0.4, lights: 0.2 };

export function rankingWeightsOf(settings: CitySettings): RankingWeights {
  try {
    return { ...DEFAULT_RANKING_WEIGHTS, ...(JSON.parse(settings.rankingWeights) as Partial<RankingWeights>) };
  } catch {
    return DEFAULT_RANKING_WEIGHTS;
  }
}

/** The settings of the city an area belongs to (for a district: its city's). */
export async function citySettingsFor(ctx: Context, areaId: number): Promise<CitySettings | null> {
  const city = ctx.areas.cityOf(areaId);
  if (!city) return null;
  return ctx.db.getRepository(CitySettings).findOneBy({ cityId: city.id });
}
