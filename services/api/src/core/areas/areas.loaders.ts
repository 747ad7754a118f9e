import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { Context } from '../context';
import { CitySettings } from './city-settings.entity';

/**
 * Every city's settings in memory beside the area directory: a province has fifteen cities, and a
 * page of projects or a project asks its city's library threshold. Each process reads them again at
 * most once a minute, and at once in the process that changed them (updateCitySettings, a demo seed).
 * Rules applied when writing (lights, reports) read the settings fresh (citySettingsFor).
 */
const RELOAD_AFTER_MS = 60_000;
const cache = new WeakMap<DataSource, { loadedAt: number; settings: Promise<Map<number, CitySettings>> }>();

function allCitySettings(db: DataSource): Promise<Map<number, CitySettings>> {
  const hit = cache.get(db);
  if (hit && Date.now() - hit.loadedAt < RELOAD_AFTER_MS) return hit.settings; // clock: elapsed time
  const settings = db
    .getRepository(CitySettings)
    .find()
    .then((rows) => new Map(rows.map((r) => [r.cityId, r])));
  settings.catch(() => cache.delete(db));
  cache.set(db, { loadedAt: Date.now(), settings }); // clock: elapsed time
  return settings;
}

/** Forgets this process's city settings (after a change, once it is committed). */
export function forgetCitySettings(db: DataSource): void {
  cache.delete(db);
}

export const citySettingsLoader = (ctx: Context) =>
  new DataLoader<number, CitySettings | null>(async (cityIds) => {
    const all = await allCitySettings(ctx.db);
    return cityIds.map((id) => all.get(id) ?? null);
  });
