import { Area } from '../areas/area.entity';
import type { AreaDirectory } from '../areas/area-directory';

/**
 * A signed-in user's reach: one area and everything under it. Domain queries ask the scope
 * for the area ids to filter by, so the limit holds wherever data is read — by id, by filter
 * or through a nested field — not only at the resolver.
 */
export class AreaScope {
  constructor(
    readonly root: Area,
    private readonly directory: AreaDirectory,
  ) {}

  /** True for a province-wide scope: no filter is needed. */
  get isEverything(): boolean {
    return this.root.parentId === null;
  }

  contains(areaId: number | null | undefined): boolean {
    if (areaId === null || areaId === undefined) return this.isEverything;
    return this.directory.isWithin(areaId, this.root.id);
  }

  /** Ids of every area in scope, or null when the scope is everything (no filter needed). */
  areaIds(): number[] | null {
    if (this.isEverything) return null;
    return this.directory.subtree(this.root.id).map((a) => a.id);
  }

  /**
   * Narrows a requested area to the scope: the requested area when it is inside,
   * the scope's own root when none was requested, null when it is outside.
   */
  narrow(requestedAreaId: number | null | undefined): Area | null {
    if (requestedAreaId === null || requestedAreaId === undefined) return this.root;
    const area = this.directory.get(requestedAreaId);
    return area && this.contains(area.id) ? area : null;
  }
}
