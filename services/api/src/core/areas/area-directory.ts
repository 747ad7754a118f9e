import type { DataSource } from 'typeorm';
import { Area, AreaLevel } from './area.entity';

/**
 * The whole area tree in memory: a province holds a few thousand areas at most, and every
 * scope check needs it. Each process reloads it at most once a minute (areas change rarely),
 * and at once in the process that changed it.
 */
export class AreaDirectory {
  readonly byId = new Map<number, Area>();
  private readonly childrenOf = new Map<number | null, Area[]>();
  /** The most children any one area has: how long a `children` list can be (the cost estimate uses it). */
  readonly widest: number;

  constructor(areas: Area[]) {
    for (const area of areas) this.byId.set(area.id, area);
    for (const area of areas) {
      const list = this.childrenOf.get(area.parentId) ?? [];
      list.push(area);
      this.childrenOf.set(area.parentId, list);
    }
    for (const list of this.childrenOf.values()) list.sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);
    this.widest = Math.max(1, ...[...this.childrenOf.entries()].filter(([parent]) => parent !== null).map(([, list]) => list.length));
  }

  get(id: number): Area | undefined {
    return this.byId.get(id);
  }

  roots(): Area[] {
    return this.childrenOf.get(null) ?? [];
  }

  children(id: number): Area[] {
    return this.childrenOf.get(id) ?? [];
  }

  /** The area and everything under it. */
  subtree(id: number): Area[] {
    const out: Area[] = [];
    const walk = (area: Area | undefined) => {
      if (!area) return;
      out.push(area);
      for (const child of this.children(area.id)) walk(child);
    };
    walk(this.get(id));
    return out;
  }

  /** From the root down to the area's parent. */
  ancestors(id: number): Area[] {
    const out: Area[] = [];
    let current = this.get(id);
    while (current && current.parentId !== null) {
      current = this.get(current.parentId);
      if (current) out.unshift(current);
    }
    return out;
  }

  isWithin(areaId: number, rootId: number): boolean {
    const area = this.get(areaId);
    const root = this.get(rootId);
    return !!area && !!root && area.path.startsWith(root.path);
  }

  /** The city an area belongs to (itself when it is one). */
  cityOf(areaId: number): Area | undefined {
    const area = this.get(areaId);
    if (!area) return undefined;
    if (area.level === AreaLevel.CITY) return area;
    return this.ancestors(areaId).find((a) => a.level === AreaLevel.CITY);
  }

  /** The district (or county, zone) an area belongs to (itself when it is one). */
  districtOf(areaId: number): Area | undefined {
    const area = this.get(areaId);
    if (!area) return undefined;
    if (area.level === AreaLevel.DISTRICT) return area;
    return this.ancestors(areaId).find((a) => a.level === AreaLevel.DISTRICT);
  }

  ofLevel(level: AreaLevel, under?: number): Area[] {
    const pool = under === undefined ? [...this.byId.values()] : this.subtree(under);
    return pool.filter((a) => a.level === level).sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);
  }
}

const RELOAD_AFTER_MS = 60_000;
const cache = new WeakMap<DataSource, { loadedAt: number; directory: Promise<AreaDirectory> }>();

export function areaDirectory(db: DataSource): Promise<AreaDirectory> {
  const hit = cache.get(db);
  if (hit && Date.now() - hit.loadedAt < RELOAD_AFTER_MS) return hit.directory; // clock: elapsed time
  const directory = db
    .getRepository(Area)
    .find()
    .then((areas) => new AreaDirectory(areas));
  directory.catch(() => cache.delete(db));
  cache.set(db, { loadedAt: Date.now(), directory }); // clock: elapsed time
  return directory;
}

export function forgetAreaDirectory(db: DataSource): void {
  cache.delete(db);
}
