import { periodOfInstant } from '@kpd/domain';
import { MaxLength, MinLength } from 'class-validator';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { Role } from '../../core/auth/user.entity';
import { isSignedIn } from '../../core/auth/viewer';
import { toInt } from '../../core/columns';
import { ConflictError, ForbiddenError, NotFoundError, UserInputError } from '../../core/errors';
import { parseId, parseOptionalId } from '../../core/ids';
import { PeriodScalar } from '../../core/scalars';
import { mutate } from '../../core/transaction';
import type { Context } from '../../core/context';
import { Area, AreaLevel } from '../../core/areas/area.entity';
import { queryArea } from '../../core/areas/areas.service';
import { LightCount } from './light-counts';
import { LightBoardPublication, LightColor, ProjectLight, RemovalDecision } from './light.entity';
import { runMonthEndLights } from './lights.service';
import { Project, ProjectStageChange } from './project.entity';
import { editableProject } from './projects.scope';

@ObjectType({ description: 'Light counts of one district in a month. 区县亮灯统计' })
class DistrictLightCount {
  @Field(() => Area, { description: 'The district. 区县' })
  district!: Area;

  @Field(() => Int, { description: 'Green lights. 绿灯数' })
  green!: number;

  @Field(() => Int, { description: 'Yellow lights. 黄灯数' })
  yellow!: number;

  @Field(() => Int, { description: 'Red lights. 红灯数' })
  red!: number;

  @Field(() => Int, { description: 'Projects lit. 亮灯项目数' })
  total!: number;
}

@ObjectType({ description: 'A yellow or red project on the board, with why. 公示项目' })
class BoardEntry {
  @Field(() => ID, { description: 'Id of the project. 项目编号' })
  projectId!: number;

  @Field({ description: 'Project code. 项目编码' })
  code!: string;

  @Field({ description: 'Project name. 项目名称' })
  name!: string;

  @Field({ description: 'District name. 区县' })
  districtName!: string;

  @Field(() => LightColor, { description: 'The light. 灯色' })
  color!: LightColor;

  @Field({ description: 'Why. 原因' })
  reason!: string;

  @Field({ description: 'Reason code. 原因代码' })
  reasonCode!: string;
}

@ObjectType({ description: 'The public light board of an area for a month (上墙公示). 亮灯公示' })
class LightBoard {
  @Field(() => PeriodScalar, { description: 'The month. 月份' })
  period!: string;

  @Field(() => Area, { description: 'The area shown. 区划' })
  area!: Area;

  @Field({ description: 'Published for the public. 已公示' })
  published!: boolean;

  @Field(() => [DistrictLightCount], { description: 'Counts per district. 各区县统计' })
  districts!: DistrictLightCount[];

  @Field(() => [BoardEntry], { description: 'Red then yellow projects with their reasons. 红黄灯项目' })
  projects!: BoardEntry[];
}

@ObjectType({ description: 'A light board published for the public. 已公示的亮灯榜' })
class PublishedLightBoard {
  @Field(() => Area, { description: 'The area shown. 区划' })
  area!: Area;

  @Field(() => PeriodScalar, { description: 'The month. 月份' })
  period!: string;

  @Field(() => Date, { description: 'When it was published. 公示时间' })
  publishedAt!: Date;
}

@ArgsType()
class RemovalArgs {
  @Field(() => ID, { description: 'The project. 项目' })
  projectId!: string;

  @Field(() => PeriodScalar, { description: 'The month of the red light. 红灯月份' })
  period!: string;

  @Field({ description: 'True: remove from the library; false: keep it. 是否剔除' })
  confirm!: boolean;

  @Field({ description: 'The reason for the decision. 理由' })
  @MinLength(2)
  @MaxLength(500)
  reason!: string;
}

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
  const trusted = isSignedIn(ctx.viewer) && (ctx.viewer.role === Role.ADMIN || ctx.viewer.role === Role.ANALYST);
  if (trusted) {
    area = queryArea(ctx, requested);
  } else {
    if (requested === null) throw new UserInputError('areaId', '请指明要看哪个地区的公示');
    const a = ctx.areas.get(requested);
    if (!a || !(await isPublished(ctx, a.id, period))) throw new NotFoundError(`Light board of ${period}`);
    area = a;
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
    published: await isPublished(ctx, area.id, period),
    districts: list,
    get projects() {
      return (projects ??= entries());
    },
  } as unknown as LightBoard;
}

@Resolver(() => ProjectLight)
export class LightsResolver {
  @Query(() => LightBoard, {
    description: 'The light board of an area for a month: counts per district and the yellow and red projects with their reasons. Anonymous callers see only published boards. 亮灯公示',
  })
  lightBoard(
    @Arg('areaId', () => ID, { nullable: true, description: 'The area (default: your own)' }) areaId: string | null,
    @Arg('period', () => String, { description: 'The month, YYYY-MM' }) period: string,
    @Ctx() ctx: Context,
  ): Promise<LightBoard> {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) throw new UserInputError('period', '应写作 YYYY-MM');
    return lightBoard(ctx, areaId, period);
  }

  @Query(() => [PublishedLightBoard], {
    description: 'The light boards published for the public, latest month first (what the wall display may show); public. 已公示亮灯榜',
  })
  async publishedLightBoards(@Ctx() ctx: Context): Promise<PublishedLightBoard[]> {
    const rows = await ctx.db.getRepository(LightBoardPublication).find({ order: { period: 'DESC', id: 'ASC' }, take: 500 });
    return rows.flatMap((r) => {
      const area = ctx.areas.get(r.areaId);
      return area ? [{ area, period: r.period, publishedAt: r.publishedAt }] : [];
    });
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Boolean, { description: 'Publishes an area’s light board of a month for the public (上墙公示). 发布公示' })
  async publishLightBoard(
    @Arg('areaId', () => ID, { description: 'The area' }) areaIdArg: string,
    @Arg('period', () => PeriodScalar, { description: 'The month' }) period: string,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
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

  @Authorized(Role.ADMIN)
  @Mutation(() => ProjectLight, { description: 'Confirms or declines the library removal a red light proposed, with a reason. 剔除决定' })
  async decideLibraryRemoval(@Args() args: RemovalArgs, @Ctx() ctx: Context): Promise<ProjectLight> {
    const project = await editableProject(ctx, parseId(args.projectId, 'projectId'));
    return mutate(ctx, async (tx) => {
      const light = await tx.em.findOneBy(ProjectLight, { projectId: project.id, period: args.period });
      if (!light) throw new UserInputError('period', `${args.period} 没有亮灯`);
      if (light.color !== LightColor.RED) throw new UserInputError('period', `${args.period} 不是红灯，没有剔除建议`);
      if (light.removal !== RemovalDecision.PROPOSED) throw new ConflictError(`${args.period} 的剔除建议已有决定（${light.removal}）`);
      const before = { ...light };
      const decision = args.confirm ? RemovalDecision.CONFIRMED : RemovalDecision.DECLINED;
      const now = new Date();
      const result = await tx.em.update(
        ProjectLight,
        { id: light.id, removal: RemovalDecision.PROPOSED },
        { removal: decision, removalReason: args.reason.trim(), removalDecidedBy: ctx.viewer.username, removalDecidedAt: now },
      );
      if (result.affected === 0) throw new ConflictError('剔除建议刚被他人决定');
      if (args.confirm) {
        await tx.em.update(Project, { id: project.id }, { removedFromLibrary: true, version: project.version + 1, updatedAt: now });
        await tx.em.insert(ProjectStageChange, {
          projectId: project.id,
          fromStage: project.stage,
          toStage: project.stage,
          reason: `${args.period} 红灯，移出重点项目库：${args.reason.trim()}`,
          changedBy: ctx.viewer.username,
          changedAt: now,
        });
      }
      const after = await tx.em.findOneByOrFail(ProjectLight, { id: light.id });
      await tx.audit({ action: `library.removal.${decision.toLowerCase()}`, entityType: 'ProjectLight', entityId: light.id, areaId: project.areaId, before, after });
      return after;
    });
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Int, {
    description: 'Runs the month-end job for a month in your scope: lights every project that has no light yet once its deadline passed. Safe to repeat. 月底亮灯',
  })
  async runMonthEndLights(@Arg('period', () => PeriodScalar, { description: 'The month' }) period: string, @Ctx() ctx: Context): Promise<number> {
    if (!isSignedIn(ctx.viewer)) throw new ForbiddenError();
    if (period >= periodOfInstant(new Date())) throw new UserInputError('period', '只能为已结束的月份亮灯');
    const areaIds = ctx.viewer.scope.areaIds();
    return mutate(ctx, async (tx) => {
      const added = await runMonthEndLights(tx.em, period, new Date(), areaIds);
      await tx.audit({ action: 'lights.monthEnd', entityType: 'ProjectLight', entityId: period, areaId: ctx.viewer.scope!.root.id, after: { period, added } });
      return added;
    });
  }
}
