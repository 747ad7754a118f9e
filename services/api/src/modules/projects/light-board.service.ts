import { canonicalJson, periodOfInstant } from '@kpd/domain';
import type { EntityManager } from 'typeorm';
import { canReadFigures, requireScope } from '../../core/auth/policy';
import { TokenScope } from '../../core/auth/token-scope';
import { now as clockNow } from '../../core/clock';
import { toInt } from '../../core/columns';
import { sha256Hex } from '../../core/digest';
import { NotFoundError, UserInputError } from '../../core/errors';
import { parseId, parseOptionalId } from '../../core/ids';
import { mutate } from '../../core/transaction';
import type { Context } from '../../core/context';
import type { AreaDirectory } from '../../core/areas/area-directory';
import { Area, AreaLevel } from '../../core/areas/area.entity';
import { queryArea } from '../../core/areas/areas.service';
import { LightCount } from './light-counts';
import { LightBoardPublication, LightColor, ProjectLight } from './light.entity';
import type { DistrictLightCount, LightBoard, PublishedLightBoard } from './lights.types';
import { Project } from './project.entity';

// The light board (亮灯公示): live for admins and analysts; what was published — a stored snapshot
// with its SHA-256, every version kept — for everyone else.

/** A board's rows as published (canonical JSON of this shape is what the hash covers). */
export interface BoardContent {
  area: { id: number; name: string };
  period: string;
  version: number;
  publishedAt: string;
  publishedBy: string;
  correctionId: number | null;
  districts: { districtId: number; name: string; green: number; yellow: number; red: number; total: number }[];
  projects: { projectId: number; code: string; name: string; districtId: number; districtName: string; color: LightColor; reason: string; reasonCode: string }[];
}

/** The live rows of an area's board for a month: counts per district (light_counts) and, when asked, the red and yellow projects. */
async function liveCounts(em: EntityManager, areas: AreaDirectory, area: Area, period: string): Promise<BoardContent['districts']> {
  const areaIds = areas.subtree(area.id).map((a) => a.id);
  // Counts kept per month and district in light_counts (a province's month is a hundred rows, not twenty thousand lights).
  const counts = await em
    .getRepository(LightCount)
    .createQueryBuilder('c')
    .select(['c.area_id AS areaId', 'c.green AS green', 'c.yellow AS yellow', 'c.red AS red'])
    .where('c.period = :period AND c.areaId IN (:...areaIds)', { period, areaIds })
    .getRawMany<{ areaId: unknown; green: unknown; yellow: unknown; red: unknown }>();
  const byDistrict = new Map(counts.map((row) => [toInt(row.areaId), [toInt(row.green), toInt(row.yellow), toInt(row.red)] as const]));
  const districts = area.level === AreaLevel.DISTRICT ? [area] : areas.ofLevel(AreaLevel.DISTRICT, area.id);
  return districts.map((d) => {
    const [green, yellow, red] = byDistrict.get(d.id) ?? [0, 0, 0];
    return { districtId: d.id, name: d.name, green, yellow, red, total: green + yellow + red };
  });
}

async function liveEntries(em: EntityManager, areas: AreaDirectory, area: Area, period: string): Promise<BoardContent['projects']> {
  const areaIds = areas.subtree(area.id).map((a) => a.id);
  const rows = await em
    .getRepository(ProjectLight)
    .createQueryBuilder('l')
    .innerJoin(Project, 'p', 'p.id = l.projectId')
    .select(['l.project_id AS projectId', 'p.code AS code', 'p.name AS name', 'l.area_id AS areaId', 'l.color AS color', 'l.reason AS reason', 'l.reason_code AS reasonCode'])
    .where('l.period = :period AND l.areaId IN (:...areaIds) AND l.color IN (:...colors)', { period, areaIds, colors: [LightColor.RED, LightColor.YELLOW] })
    .orderBy('l.color', 'ASC') // RED before YELLOW
    .addOrderBy('p.code', 'ASC')
    .getRawMany<{ projectId: unknown; code: string; name: string; areaId: unknown; color: LightColor; reason: string; reasonCode: string }>();
  return rows.map((r) => ({
    projectId: toInt(r.projectId),
    code: r.code,
    name: r.name,
    districtId: toInt(r.areaId),
    districtName: areas.get(toInt(r.areaId))?.name ?? '',
    color: r.color,
    reason: r.reason,
    reasonCode: r.reasonCode,
  }));
}

/** The latest publication of each of these areas for the month (at most one per area). */
async function latestPublications(em: EntityManager, areaIds: number[], period: string): Promise<LightBoardPublication[]> {
  if (areaIds.length === 0) return [];
  const rows = await em
    .getRepository(LightBoardPublication)
    .createQueryBuilder('b')
    .where('b.areaId IN (:...areaIds) AND b.period = :period', { areaIds, period })
    .orderBy('b.version', 'DESC')
    .getMany();
  const latest = new Map<number, LightBoardPublication>();
  for (const r of rows) if (!latest.has(r.areaId)) latest.set(r.areaId, r);
  return [...latest.values()];
}

/** The publication that covers an area's board: its own, else the nearest ancestor's. */
async function coveringPublication(ctx: Context, area: Area, period: string): Promise<LightBoardPublication | null> {
  const chain = [area, ...ctx.areas.ancestors(area.id).slice().reverse()];
  const latest = await latestPublications(ctx.db.manager, chain.map((a) => a.id), period);
  for (const a of chain) {
    const hit = latest.find((p) => p.areaId === a.id);
    if (hit) return hit;
  }
  return null;
}

/** A stored publication as the API answers it, narrowed to `area` when it is a board of an area above. */
function asPublished(ctx: Context, row: LightBoardPublication, area?: Area): PublishedLightBoard | null {
  const shownArea = ctx.areas.get(row.areaId);
  if (!shownArea) return null;
  const content: BoardContent | null = row.content ? (JSON.parse(row.content) as BoardContent) : null;
  const inArea = area && area.id !== row.areaId ? new Set(ctx.areas.subtree(area.id).map((a) => a.id)) : null;
  const districts: DistrictLightCount[] = (content?.districts ?? [])
    .filter((d) => !inArea || inArea.has(d.districtId))
    .flatMap((d) => {
      const district = ctx.areas.get(d.districtId);
      return district ? [{ district, green: d.green, yellow: d.yellow, red: d.red, total: d.total }] : [];
    });
  const projects = (content?.projects ?? []).filter((p) => !inArea || inArea.has(p.districtId));
  return {
    id: row.id,
    area: shownArea,
    period: row.period,
    version: row.version,
    publishedAt: row.publishedAt,
    publishedBy: row.publishedBy,
    sha256: row.sha256,
    correctionId: row.correctionId,
    content: row.content,
    districts,
    projects,
  } as PublishedLightBoard;
}

export async function lightBoard(ctx: Context, areaIdArg: string | null, period: string): Promise<LightBoard> {
  const requested = parseOptionalId(areaIdArg, 'areaId');
  if (!canReadFigures(ctx.viewer)) {
    // Everyone else sees what was published, as it was published. A token without read:figures
    // reads what the public reads; its refusal names the scope.
    const live = 'the live light board';
    if (requested === null) {
      requireScope(ctx.viewer, TokenScope.READ_FIGURES, live);
      throw new UserInputError('areaId', '请指明要看哪个地区的公示');
    }
    const area = ctx.areas.get(requested);
    const publication = area ? await coveringPublication(ctx, area, period) : null;
    const shown = publication && publication.content ? asPublished(ctx, publication, area) : null;
    if (!area || !shown) {
      requireScope(ctx.viewer, TokenScope.READ_FIGURES, live);
      throw new NotFoundError(`Light board of ${period}`);
    }
    return { period, area, published: true, publication: shown, districts: shown.districts, projects: shown.projects } as LightBoard;
  }
  const area = queryArea(ctx, requested);
  const counts = await liveCounts(ctx.db.manager, ctx.areas, area, period);
  // The yellow and red projects are read only when asked for: a province's dashboard wants the
  // counts, and at province scale the list runs to thousands of rows.
  let projects: Promise<BoardContent['projects']> | undefined;
  const publication = await coveringPublication(ctx, area, period);
  return {
    period,
    area,
    published: publication !== null,
    publication: publication ? asPublished(ctx, publication, area) : null,
    districts: counts.map((c) => ({ district: ctx.areas.get(c.districtId)!, green: c.green, yellow: c.yellow, red: c.red, total: c.total })),
    get projects() {
      return (projects ??= liveEntries(ctx.db.manager, ctx.areas, area, period));
    },
  } as unknown as LightBoard;
}

/** The boards published for the public, latest month and version first (every version kept). */
export async function publishedLightBoards(ctx: Context): Promise<PublishedLightBoard[]> {
  const rows = await ctx.db.getRepository(LightBoardPublication).find({ order: { period: 'DESC', areaId: 'ASC', version: 'DESC' }, take: 500 });
  return rows.flatMap((r) => asPublished(ctx, r) ?? []);
}

/** One publication by id, as published (public: what was published is public). */
export async function lightBoardPublication(ctx: Context, idArg: string): Promise<PublishedLightBoard> {
  const id = parseId(idArg, 'id');
  const row = await ctx.db.getRepository(LightBoardPublication).findOneBy({ id });
  const shown = row ? asPublished(ctx, row) : null;
  if (!shown) throw new NotFoundError('Publication', id);
  return shown;
}

/**
 * Stores an area's board of a month as published: the live rows now, canonical JSON and its SHA-256,
 * as a new version when they differ from the latest one (the same rows published again change
 * nothing). Answers the publication and whether it is new.
 */
export async function storePublication(
  em: EntityManager,
  areas: AreaDirectory,
  area: Area,
  period: string,
  by: string,
  now: Date,
  correctionId: number | null = null,
): Promise<{ publication: LightBoardPublication; created: boolean }> {
  const [latest] = await latestPublications(em, [area.id], period);
  const districts = await liveCounts(em, areas, area, period);
  const projects = await liveEntries(em, areas, area, period);
  if (latest?.content) {
    const was = JSON.parse(latest.content) as BoardContent;
    if (canonicalJson({ d: was.districts, p: was.projects }) === canonicalJson({ d: districts, p: projects })) return { publication: latest, created: false };
  }
  const version = (latest?.version ?? 0) + 1;
  const content: BoardContent = { area: { id: area.id, name: area.name }, period, version, publishedAt: now.toISOString(), publishedBy: by, correctionId, districts, projects };
  const text = canonicalJson(content);
  // The unique (area, month, version) key: a second publisher at the same moment gets a duplicate key, not a second version 2.
  const saved = await em.save(em.create(LightBoardPublication, { areaId: area.id, period, version, publishedBy: by, publishedAt: now, content: text, sha256: sha256Hex(text), correctionId }));
  return { publication: saved, created: true };
}

/**
 * After an approved correction of a month: every published board covering the district (its own
 * and its ancestors') is published again as a new version marked with the correction, when its
 * rows changed; the earlier versions stay.
 */
export async function republishAfterCorrection(em: EntityManager, areas: AreaDirectory, districtId: number, period: string, correctionId: number, by: string, now: Date): Promise<LightBoardPublication[]> {
  const chain = [districtId, ...areas.ancestors(districtId).map((a) => a.id)];
  const published = await latestPublications(em, chain, period);
  const out: LightBoardPublication[] = [];
  for (const p of published) {
    const area = areas.get(p.areaId);
    if (!area) continue;
    const { publication, created } = await storePublication(em, areas, area, period, by, now, correctionId);
    if (created) out.push(publication);
  }
  return out;
}

/** Publishes an area's board of an ended month (上墙公示) as a snapshot; publishing unchanged rows again changes nothing. */
export async function publishLightBoard(ctx: Context, areaIdArg: string, period: string): Promise<boolean> {
  const area = queryArea(ctx, parseId(areaIdArg, 'areaId'));
  if (period >= periodOfInstant(clockNow())) throw new UserInputError('period', '只能公示已结束的月份');
  return mutate(ctx, async (tx) => {
    const { publication, created } = await storePublication(tx.em, ctx.areas, area, period, ctx.viewer.username ?? '', clockNow());
    if (!created) {
      tx.unchanged();
      return true;
    }
    await tx.audit({
      action: 'lightBoard.publish',
      entityType: 'LightBoard',
      entityId: `${area.id}:${period}`,
      areaId: area.id,
      after: { period, id: publication.id, version: publication.version, sha256: publication.sha256 },
    });
    return true;
  });
}

/** Recomputes a publication's hash from its stored rows: whether it still matches the hash published. */
export async function verifyPublication(em: EntityManager, id: number): Promise<{ id: number; stored: string | null; computed: string | null; canonical: boolean; ok: boolean }> {
  const row = await em.findOneBy(LightBoardPublication, { id });
  if (!row) throw new NotFoundError('Publication', id);
  if (!row.content || !row.sha256) return { id, stored: row.sha256, computed: null, canonical: false, ok: false };
  const computed = sha256Hex(row.content);
  let canonical = false;
  try {
    canonical = canonicalJson(JSON.parse(row.content)) === row.content;
  } catch {
    canonical = false;
  }
  return { id, stored: row.sha256, computed, canonical, ok: canonical && computed === row.sha256 };
}
