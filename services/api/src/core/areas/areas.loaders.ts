import DataLoader from 'dataloader';
import { In } from 'typeorm';
import type { Context } from '../context';
import { CitySettings } from './city-settings.entity';

export const citySettingsLoader = (ctx: Context) =>
  new DataLoader<number, CitySettings | null>(async (cityIds) => {
    const rows = await ctx.db.getRepository(CitySettings).findBy({ cityId: In([...cityIds]) });
    const byId = new Map(rows.map((r) => [r.cityId, r]));
    return cityIds.map((id) => byId.get(id) ?? null);
  });
