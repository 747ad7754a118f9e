import { periodOfInstant } from '@kpd/domain';
import { canReadFigures } from '../../core/auth/policy';
import { toInt } from '../../core/columns';
import { NotFoundError, UserInputError } from '../../core/errors';
import { parseId, parseOptionalId } from '../../core/ids';
import { mutate } from '../../core/transaction';
import type { Context } from '../../core/context';
import { Area, AreaLevel } from '../../core/areas/area.entity';
import { queryArea } from '../../core/areas/areas.service';
import { LightCount } from './light-counts';
import { LightBoardPublication, LightColor, ProjectLight } from './light.entity';
import type { DistrictLightCount, LightBoard, PublishedLightBoard } from './lights.types';
import { Project } from './project.entity';

// The light board (亮灯公示): live for admins and analysts, published boards for everyone.

/** Areas whose published board an anonymous caller may read for this area: itself and its ancestors. */
async function isPublished(ctx: Context, areaId: number, period: string): Promise<boolean> {
  const ids = [areaId, ...ctx.areas.ancestors(areaId).map((a) => a.id)];
  const n = await ctx.db
    .getRepository(LightBoardPublication)
    .createQueryBuilder('b')
    .where('b.areaId IN (:...ids) AND b.period = :period', { ids, period })
    .getCount();
  return n > 0;
}

export async function lightBoard(ctx: Context, areaIdArg: string | null, period: string): Promise<LightBoard> {
  const requested = parseOptionalId(areaIdArg, 'areaId');
  let area: Area;
  // Whether the board is published is read only when asked (a dashboard asks for the counts alone);
  // an anonymous caller gets here only through a published board.
  let published: Promise<boolean> | undefined;
  if (canReadFigures(ctx.viewer)) {
    area = queryArea(ctx, requested);
  } else {
    if (requested === null) throw new UserInputError('areaId', '请指明要看哪个地区的公示');
    const a = ctx.areas.get(requested);
    if (!a || !(await isPublished(ctx, a.id, period))) throw new NotFoundError(`Light board of ${period}`);
    area = a;
    published = Promise.resolve(true);
  }
  const areaIds = ctx.areas.subtree(area.id).map((a) => a.id);
  // Counts kept per month and district in light_counts (a province's month is a hundred rows, not twenty thousand lights).
  const counts = await ctx.db
    .getRepository(LightCount)
    .createQueryBuilder('c')
    .select(['c.area_id AS areaId', 'c.green AS green', 'c.yellow AS yellow', 'c.red AS red'])
    .where('c.period = :period AND c.areaId IN (:...areaIds)', { period, areaIds })
    .getRawMany<{ areaId: unknown; green: unknown; yellow: unknown; red: unknown }>();
  const byDistrict = new Map<number, DistrictLightCount>();
  for (const row of counts) {
    const id = toInt(row.areaId);
    const [green, yellow, red] = [toInt(row.green), toInt(row.yellow), toInt(row.red)];
    byDistrict.set(id, { district: ctx.areas.get(id)!, green, yellow, red, total: green + yellow + red });
  }
  // The yellow and red projects are read only when asked for: a province's dashboard wants the
  // counts, and at province scale the list runs to thousands of rows.
  const entries = async () => {
    const rows = await ctx.db
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
      districtName: ctx.areas.get(toInt(r.areaId))?.name ?? '',
      color: r.color,
      reason: r.reason,
      reasonCode: r.reasonCode,
    }));
  };
  let projects: ReturnType<typeof entries> | undefined;
  const districts = ctx.areas.ofLevel(AreaLevel.DISTRICT, area.id);
  const list = (area.level === AreaLevel.DISTRICT ? [area] : districts).map(
    (d) => byDistrict.get(d.id) ?? { district: d, green: 0, yellow: 0, red: 0, total: 0 },
  );
  return {
    period,
    area,
    get published() {
      return (published ??= isPublished(ctx, area.id, period));
    },
    districts: list,
    get projects() {
      return (projects ??= entries());
    },
  } as unknown as LightBoard;
}

/** The boards published for the public, latest month first. */
export async function publishedLightBoards(ctx: Context): Promise<PublishedLightBoard[]> {
  const rows = await ctx.db.getRepository(LightBoardPublication).find({ order: { period: 'DESC', id: 'ASC' }, take: 500 });
  return rows.flatMap((r) => {
    const area = ctx.areas.get(r.areaId);
    return area ? [{ area, period: r.period, publishedAt: r.publishedAt }] : [];
  });
}

/** Publishes an area's board of an ended month (上墙公示); publishing it again changes nothing. */
export async function publishLightBoard(ctx: Context, areaIdArg: string, period: string): Promise<boolean> {
  const area = queryArea(ctx, parseId(areaIdArg, 'areaId'));
  if (period >= periodOfInstant(new Date())) throw new UserInputError('period', '只能公示已结束的月份');
  return mutate(ctx, async (tx) => {
    await tx.em
      .createQueryBuilder()
      .insert()
      .into(LightBoardPublication)
      .values({ areaId: area.id, period, publishedBy: ctx.viewer.username ?? '', publishedAt: new Date() })
      .orIgnore()
      .execute();
    await tx.audit({ action: 'lightBoard.publish', entityType: 'LightBoard', entityId: `${area.id}:${period}`, areaId: area.id, after: { period } });
    return true;
  });
}
