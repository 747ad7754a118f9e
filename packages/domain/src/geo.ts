import { DomainError } from './errors';

/**
 * Geometry of project sites (位置图). Coordinates are [longitude, latitude] in WGS84, as GeoJSON
 * requires. Maps published in China (高德, 腾讯, 百度's base layer) use GCJ-02, an obfuscated datum
 * offset by a few hundred metres, so coordinates read off them are converted before storing.
 */
export type Position = [number, number];
export interface PolygonGeometry {
  type: 'Polygon';
  coordinates: Position[][];
}
export interface MultiPolygonGeometry {
  type: 'MultiPolygon';
  coordinates: Position[][][];
}
export type SiteGeometry = PolygonGeometry | MultiPolygonGeometry;

const A = 6378245.0; // Krasovsky 1940 semi-major axis used by GCJ-02
const EE = 0.006693421622965943; // eccentricity squared of the Krasovsky ellipsoid

/** Mainland China's rough box: GCJ-02 applies inside it only. */
export function inChina([lng, lat]: Position): boolean {
  return lng >= 72.004 && lng <= 137.8347 && lat >= 0.8293 && lat <= 55.8271;
}

function transformLat(x: number, y: number): number {
  let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  r += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3;
  return r;
}

function transformLng(x: number, y: number): number {
  let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  r += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  return r;
}

function offset([lng, lat]: Position): Position {
  const dLat = transformLat(lng - 105, lat - 35);
  const dLng = transformLng(lng - 105, lat - 35);
  const radLat = (lat / 180) * Math.PI;
  const magic = 1 - EE * Math.sin(radLat) ** 2;
  const sqrtMagic = Math.sqrt(magic);
  return [
    (dLng * 180) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI),
    (dLat * 180) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI),
  ];
}

export function wgs84ToGcj02(p: Position): Position {
  if (!inChina(p)) return p;
  const [dLng, dLat] = offset(p);
  return [p[0] + dLng, p[1] + dLat];
}

/** Inverse by fixed-point iteration: better than 1e-6° (≈ 0.1 m) after a few rounds. */
export function gcj02ToWgs84(p: Position): Position {
  if (!inChina(p)) return p;
  let guess: Position = [p[0], p[1]];
  for (let i = 0; i < 10; i++) {
    const forward = wgs84ToGcj02(guess);
    const dLng = forward[0] - p[0];
    const dLat = forward[1] - p[1];
    guess = [guess[0] - dLng, guess[1] - dLat];
    if (Math.abs(dLng) < 1e-9 && Math.abs(dLat) < 1e-9) break;
  }
  return guess;
}

function validateRing(ring: unknown, path: string): Position[] {
  if (!Array.isArray(ring)) throw new DomainError(path, 'must be a list of [longitude, latitude] positions');
  if (ring.length < 4) throw new DomainError(path, 'a ring needs at least 4 positions (3 corners and the first again)');
  ring.forEach((pos, i) => {
    const at = `${path}[${i}]`;
    if (!Array.isArray(pos) || pos.length < 2 || pos.length > 3 || !pos.every((n) => typeof n === 'number' && Number.isFinite(n))) {
      throw new DomainError(at, 'must be [longitude, latitude] in degrees');
    }
    const [lng, lat] = pos as number[];
    if (lng < -180 || lng > 180) throw new DomainError(at, `longitude ${lng} is outside −180…180`);
    if (lat < -90 || lat > 90) throw new DomainError(at, `latitude ${lat} is outside −90…90`);
    if (!inChina([lng, lat])) throw new DomainError(at, `[${lng}, ${lat}] is not in China — longitude comes first`);
  });
  const first = ring[0] as number[];
  const last = ring[ring.length - 1] as number[];
  if (first[0] !== last[0] || first[1] !== last[1]) throw new DomainError(path, 'the ring must end where it starts');
  if (Math.abs(ringArea(ring as Position[])) < 1e-12) throw new DomainError(path, 'the ring encloses no area');
  return ring as Position[];
}

function ringArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return sum / 2;
}

/** Checks a site boundary (GeoJSON Polygon or MultiPolygon), naming the first offending path. */
export function validateSiteGeometry(value: unknown, field = 'location'): SiteGeometry {
  if (!value || typeof value !== 'object') throw new DomainError(field, 'must be a GeoJSON Polygon or MultiPolygon');
  const g = value as { type?: unknown; coordinates?: unknown };
  if (g.type === 'Polygon') {
    if (!Array.isArray(g.coordinates) || g.coordinates.length === 0) throw new DomainError(`${field}.coordinates`, 'must hold at least one ring');
    g.coordinates.forEach((ring, i) => validateRing(ring, `${field}.coordinates[${i}]`));
    return g as PolygonGeometry;
  }
  if (g.type === 'MultiPolygon') {
    if (!Array.isArray(g.coordinates) || g.coordinates.length === 0) throw new DomainError(`${field}.coordinates`, 'must hold at least one polygon');
    g.coordinates.forEach((poly, i) => {
      if (!Array.isArray(poly) || poly.length === 0) throw new DomainError(`${field}.coordinates[${i}]`, 'must hold at least one ring');
      poly.forEach((ring, j) => validateRing(ring, `${field}.coordinates[${i}][${j}]`));
    });
    return g as MultiPolygonGeometry;
  }
  throw new DomainError(`${field}.type`, 'must be "Polygon" or "MultiPolygon"');
}

function inRing([x, y]: Position, ring: Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function polygons(g: SiteGeometry): Position[][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

/** Inside the outer ring of some polygon and outside its holes. */
export function pointInSite(point: Position, g: SiteGeometry): boolean {
  return polygons(g).some(([outer, ...holes]) => inRing(point, outer) && !holes.some((h) => inRing(point, h)));
}

const EARTH_RADIUS_M = 6371008.8;

/** Metres between a point and a segment, on a local flat projection (fine at site scale). */
function segmentDistance(p: Position, a: Position, b: Position): number {
  const lat0 = (p[1] * Math.PI) / 180;
  const toXY = (q: Position) => [((q[0] - p[0]) * Math.PI * EARTH_RADIUS_M * Math.cos(lat0)) / 180, ((q[1] - p[1]) * Math.PI * EARTH_RADIUS_M) / 180];
  const [ax, ay] = toXY(a);
  const [bx, by] = toXY(b);
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
  return Math.hypot(ax + t * dx, ay + t * dy);
}

/** 0 inside the site; otherwise metres to the nearest edge. */
export function distanceToSiteMeters(point: Position, g: SiteGeometry): number {
  if (pointInSite(point, g)) return 0;
  let best = Infinity;
  for (const poly of polygons(g)) {
    for (const ring of poly) {
      for (let i = 0; i < ring.length - 1; i++) best = Math.min(best, segmentDistance(point, ring[i], ring[i + 1]));
    }
  }
  return best;
}

/**
 * A photo counts as taken at the site when its GPS position is inside the boundary or within
 * `toleranceMeters` of it (default 50 m: phone GPS is off by 5–30 m, and a site is often
 * photographed from the road in front of it).
 */
export function takenAtSite(point: Position, g: SiteGeometry, toleranceMeters = 50): boolean {
  return distanceToSiteMeters(point, g) <= toleranceMeters;
}

/**
 * The first corner of a site lying outside an area's outline by more than `toleranceMeters`, or null
 * when the whole site is inside. The outlines are simplified (to about 300 m), so a site on the
 * district's edge is allowed that much slack; a site drawn in the neighbouring district is not.
 */
export function siteCornerOutside(site: SiteGeometry, area: SiteGeometry, toleranceMeters = 300): Position | null {
  for (const poly of polygons(site)) {
    for (const p of poly[0]) if (distanceToSiteMeters(p, area) > toleranceMeters) return p;
  }
  return null;
}
