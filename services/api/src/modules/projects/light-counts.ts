import { Column, Entity, PrimaryColumn, type EntityManager } from 'typeorm';
import { toInt } from '../../core/columns';
import { supportsRowLocks } from '../../core/row-locks';
import { LightColor } from './light.entity';

/**
 * How many green, yellow and red lights each district has in a month, kept equal to project_lights:
 * written in the transaction of every change to a light, so the light board of a province reads a
 * hundred rows instead of counting twenty thousand lights. Keyed (period, area_id) in that order: a
 * month's rows sit together, and every writer locks them in that order.
 */
@Entity('light_counts')
export class LightCount {
  @PrimaryColumn({ type: 'varchar', length: 7 })
  period!: string;

  /** The district: the light's own area_id. */
  @PrimaryColumn({ type: 'int' })
  areaId!: number;

  @Column({ type: 'int', default: 0 })
  green!: number;

  @Column({ type: 'int', default: 0 })
  yellow!: number;

  @Column({ type: 'int', default: 0 })
  red!: number;
}

export interface LightCountKey {
  period: string;
  areaId: number;
}

export interface LightCountDelta extends LightCountKey {
  color: LightColor;
  /** +1 a light of this colour came, -1 one went. */
  n: number;
}

const COLOR_COLUMN: Record<LightColor, 'green' | 'yellow' | 'red'> = { [LightColor.GREEN]: 'green', [LightColor.YELLOW]: 'yellow', [LightColor.RED]: 'red' };

/** Sort key of a row: the order of the primary key (period, then area as a number). */
const keyOf = (k: LightCountKey) => `${k.period}|${String(k.areaId).padStart(10, '0')}`;

type Counts = { green: number; yellow: number; red: number };

/**
 * One INSERT … ON DUPLICATE KEY UPDATE (ON CONFLICT … DO UPDATE on SQLite) over the rows in key
 * order: creates the missing rows and, on MySQL, X-locks every one of them until the transaction
 * ends, the existing ones included (a duplicate key takes an exclusive lock even when nothing changes).
 */
async function upsert(em: EntityManager, rows: (LightCountKey & Counts)[]): Promise<void> {
  if (rows.length === 0) return;
  const values = rows.map(() => '(?, ?, ?, ?, ?)').join(', ');
  const params = rows.flatMap((r) => [r.period, r.areaId, r.green, r.yellow, r.red]);
  const head = `INSERT INTO light_counts (period, area_id, green, yellow, red) VALUES ${values}`;
  const add = (c: string, from: string) => `${c} = light_counts.${c} + ${from}`;
  const columns = ['green', 'yellow', 'red'];
  await em.query(
    supportsRowLocks(em)
      ? `${head} ON DUPLICATE KEY UPDATE ${columns.map((c) => add(c, `VALUES(${c})`)).join(', ')}`
      : `${head} ON CONFLICT (period, area_id) DO UPDATE SET ${columns.map((c) => add(c, `excluded.${c}`)).join(', ')}`,
    params,
  );
}

/**
 * Holds the count rows of these (period, district) keys for the rest of the transaction, creating
 * those missing. Every writer of project_lights calls it first, before reading which lights exist,
 * with every key it may change: writers of the same month and district then run one after the other,
 * and all of them take the rows in (period, area_id) order, so no two wait on each other in a cycle.
 */
export async function holdLightCounts(em: EntityManager, keys: LightCountKey[]): Promise<void> {
  const unique = new Map(keys.map((k) => [keyOf(k), k]));
  const rows = [...unique.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, k]) => ({ period: k.period, areaId: k.areaId, green: 0, yellow: 0, red: 0 }));
  for (let start = 0; start < rows.length; start += 2000) await upsert(em, rows.slice(start, start + 2000));
}

/** Adds the deltas to the counts (rows held by holdLightCounts beforehand), in key order. */
export async function addToLightCounts(em: EntityManager, deltas: LightCountDelta[]): Promise<void> {
  const merged = new Map<string, LightCountKey & Counts>();
  for (const d of deltas) {
    const key = keyOf(d);
    const m = merged.get(key) ?? { period: d.period, areaId: d.areaId, green: 0, yellow: 0, red: 0 };
    m[COLOR_COLUMN[d.color]] += d.n;
    merged.set(key, m);
  }
  const rows = [...merged.entries()]
    .filter(([, m]) => m.green !== 0 || m.yellow !== 0 || m.red !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, m]) => m);
  for (let start = 0; start < rows.length; start += 2000) await upsert(em, rows.slice(start, start + 2000));
}

const FROM_BASE_TABLES = `SELECT period, area_id,
    SUM(CASE WHEN color = 'GREEN' THEN 1 ELSE 0 END) AS green,
    SUM(CASE WHEN color = 'YELLOW' THEN 1 ELSE 0 END) AS yellow,
    SUM(CASE WHEN color = 'RED' THEN 1 ELSE 0 END) AS red
  FROM project_lights GROUP BY period, area_id`;

/** The SQL that fills the counts from the lights (the migration runs it for existing data). */
export const REBUILD_LIGHT_COUNTS_SQL = `INSERT INTO light_counts (period, area_id, green, yellow, red) ${FROM_BASE_TABLES}`;

/** Recounts every month and district from project_lights (seeds, bulk loads, lights changed with SQL). */
export async function rebuildLightCounts(em: EntityManager): Promise<void> {
  await em.query('DELETE FROM light_counts');
  await em.query(REBUILD_LIGHT_COUNTS_SQL);
}

/** The counts computed afresh from project_lights, for consistency checks. */
export async function lightCountsFromBaseTables(em: EntityManager): Promise<Map<string, Counts>> {
  return countsMap(await em.query(FROM_BASE_TABLES));
}

/** The counts as stored, rows of all zeros left out. */
export async function storedLightCounts(em: EntityManager): Promise<Map<string, Counts>> {
  return countsMap(await em.query('SELECT period, area_id, green, yellow, red FROM light_counts'));
}

function countsMap(rows: Record<string, unknown>[]): Map<string, Counts> {
  const out = new Map<string, Counts>();
  for (const r of rows) {
    const v = { green: toInt(r.green), yellow: toInt(r.yellow), red: toInt(r.red) };
    if (v.green === 0 && v.yellow === 0 && v.red === 0) continue;
    out.set(`${String(r.period)}|${toInt(r.area_id)}`, v);
  }
  return out;
}
