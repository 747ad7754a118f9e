import { isSameImage, libraryMembership, periodStart, takenAtSite, type SiteGeometry } from '@kpd/domain';
import { ArrayMaxSize } from 'class-validator';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Role } from '../../core/auth/user.entity';
import { filesOf, StoredFile } from '../../core/files';
import { parseId } from '../../core/ids';
import { Connection, type Page } from '../../core/pagination';
import { MoneyScalar, PeriodScalar } from '../../core/scalars';
import { loader, type Context } from '../../core/context';
import { Area } from '../../core/areas/area.entity';
import { citySettingsLoader } from '../../core/areas/areas.loaders';
import { ProjectLight } from './light.entity';
import { MonthlyReport, PlanMonth, PlanYear, ProjectMilestone } from './plan.entity';
import { asDomainStage, Project, ProjectStageChange } from './project.entity';
import {
  CreateProjectInput,
  LocationInput,
  MilestoneInput,
  MonthlyReportInput,
  PlanTableInput,
  ProjectFilter,
  ProjectOrder,
  UpdateProjectInput,
} from './projects.inputs';
import { lightsLoader, milestonesLoader, planMonthsLoader, planYearsLoader, projectLoader, reportsLoader, stageChangesLoader } from './projects.loaders';
import {
  createProject,
  listProjects,
  projectById,
  RENDERING,
  REPORT_PHOTO,
  saveMilestones,
  saveMonthlyReport,
  savePlanTable,
  setProjectLocation,
  setProjectRenderings,
  updateProject,
} from './projects.service';

const ProjectConnection = Connection(Project, 'Project');

@ArgsType()
class ProjectsArgs {
  @Field(() => ProjectFilter, { nullable: true, description: 'Which projects. 筛选' })
  filter?: ProjectFilter | null;

  @Field(() => ProjectOrder, { defaultValue: ProjectOrder.NAME, description: 'Sort order. 排序' })
  orderBy!: ProjectOrder;

  @Field(() => Int, { nullable: true, description: 'Page size (at most 100, default 20). 每页条数' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the item after which the page starts. 游标' })
  after?: string | null;
}

@ObjectType({ description: 'Whether a project is in the key-project library, and why. 入库情况' })
class LibraryMembershipType {
  @Field({ description: 'In the library. 是否入库' })
  member!: boolean;

  @Field({ description: 'Why (threshold, removal). 说明' })
  reason!: string;
}

@ObjectType({ description: 'Where the project is (位置图): the site boundary and the four boundaries in words. 项目位置' })
class ProjectLocation {
  @Field(() => String, { nullable: true, description: 'The site boundary as GeoJSON text (WGS84, [longitude, latitude]). 范围' })
  geoJson!: string | null;

  @Field(() => String, { nullable: true, description: '东至' })
  east!: string | null;

  @Field(() => String, { nullable: true, description: '西至' })
  west!: string | null;

  @Field(() => String, { nullable: true, description: '南至' })
  south!: string | null;

  @Field(() => String, { nullable: true, description: '北至' })
  north!: string | null;
}

@ObjectType({ description: 'A progress photo of a monthly report, with what the checks noticed (flags, not refusals). 进展照片' })
export class ProgressPhoto {
  @Field(() => StoredFile, { description: 'The picture. 图片' })
  file!: StoredFile;

  @Field({ description: 'Taken (by its EXIF time) before the reported month began. 拍摄时间早于填报月份' })
  takenBeforeMonth!: boolean;

  @Field({ description: 'Taken (by its EXIF GPS) outside the project’s boundary (more than 50 m off). 拍摄位置不在项目范围内' })
  outsideBoundary!: boolean;

  @Field(() => PeriodScalar, { nullable: true, description: 'The earlier month whose report holds the same picture (perceptual hash). 与往月照片重复' })
  reusedFromPeriod!: string | null;

  @Field(() => [String], { description: 'The flags in words, for display. 提示' })
  flags!: string[];
}

@ArgsType()
class RenderingArgs {
  @Field(() => ID, { description: 'The project. 项目' })
  projectId!: string;

  @Field(() => [ID], { description: 'Uploaded pictures (replace the renderings). 效果图' })
  @ArrayMaxSize(10)
  fileIds!: string[];
}

function siteOf(project: Project): SiteGeometry | null {
  if (!project.locationGeoJson) return null;
  try {
    return JSON.parse(project.locationGeoJson) as SiteGeometry;
  } catch {
    return null;
  }
}

@Resolver(() => Project)
export class ProjectsResolver {
  @Authorized()
  @Query(() => ProjectConnection, { description: 'Projects in your reach, filtered, ordered and paged. 项目列表' })
  projects(@Args() args: ProjectsArgs, @Ctx() ctx: Context): Promise<Page<Project>> {
    return listProjects(ctx, args.filter ?? null, args.orderBy, { first: args.first, after: args.after });
  }

  @Authorized()
  @Query(() => Project, { description: 'One project in your reach. 项目' })
  project(@Arg('id', () => ID, { description: 'Id of the project' }) id: string, @Ctx() ctx: Context): Promise<Project> {
    return projectById(ctx, id);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Project, { description: 'Enters a project in a district of your scope. 新增项目' })
  createProject(@Arg('input', () => CreateProjectInput, { description: 'The project' }) input: CreateProjectInput, @Ctx() ctx: Context): Promise<Project> {
    return createProject(ctx, input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Project, { description: 'Changes a project (a stage change is recorded with its reason). 修改项目' })
  updateProject(
    @Arg('id', () => ID, { description: 'Id of the project' }) id: string,
    @Arg('input', () => UpdateProjectInput, { description: 'The changes' }) input: UpdateProjectInput,
    @Ctx() ctx: Context,
  ): Promise<Project> {
    return updateProject(ctx, parseId(id, 'id'), input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Project, { description: 'Saves the plan table: the years of the construction period and one year by month. 保存计划表' })
  savePlanTable(
    @Arg('projectId', () => ID, { description: 'The project' }) projectId: string,
    @Arg('input', () => PlanTableInput, { description: 'The plan' }) input: PlanTableInput,
    @Ctx() ctx: Context,
  ): Promise<Project> {
    return savePlanTable(ctx, parseId(projectId, 'projectId'), input);
  }

  @Authorized(Role.ADMIN, Role.SECRETARY)
  @Mutation(() => MonthlyReport, { description: 'Saves a month’s completion report; its light is recomputed at once. 填报月度完成情况' })
  saveMonthlyReport(@Arg('input', () => MonthlyReportInput, { description: 'The report' }) input: MonthlyReportInput, @Ctx() ctx: Context): Promise<MonthlyReport> {
    return saveMonthlyReport(ctx, input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Project, { description: 'Sets the project’s location: site boundary and the four boundaries. 设置位置图' })
  setProjectLocation(
    @Arg('projectId', () => ID, { description: 'The project' }) projectId: string,
    @Arg('input', () => LocationInput, { description: 'The location' }) input: LocationInput,
    @Ctx() ctx: Context,
  ): Promise<Project> {
    return setProjectLocation(ctx, parseId(projectId, 'projectId'), input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Project, { description: 'Replaces the project’s renderings (aerial pictures). 设置效果图' })
  setProjectRenderings(@Args() args: RenderingArgs, @Ctx() ctx: Context): Promise<Project> {
    return setProjectRenderings(ctx, parseId(args.projectId, 'projectId'), args.fileIds);
  }

  @Authorized(Role.ADMIN, Role.SECRETARY)
  @Mutation(() => Project, { description: 'Replaces the project’s milestones; its milestone lights are recomputed. 保存节点任务' })
  saveMilestones(
    @Arg('projectId', () => ID, { description: 'The project' }) projectId: string,
    @Arg('milestones', () => [MilestoneInput], { description: 'Every milestone' }) milestones: MilestoneInput[],
    @Ctx() ctx: Context,
  ): Promise<Project> {
    return saveMilestones(ctx, parseId(projectId, 'projectId'), milestones);
  }

  @FieldResolver(() => Area, { description: 'The district. 所属区县' })
  district(@Root() p: Project, @Ctx() ctx: Context): Area {
    return ctx.areas.get(p.areaId)!;
  }

  @FieldResolver(() => LibraryMembershipType, { description: 'Membership of the key-project library by the city’s threshold. 入库情况' })
  async libraryMembership(@Root() p: Project, @Ctx() ctx: Context): Promise<LibraryMembershipType> {
    const settings = await loader(ctx, citySettingsLoader).load(p.cityId);
    if (!settings) return { member: false, reason: '所在城市未设置入库门槛' };
    const m = libraryMembership({ totalInvestment: p.totalInvestment, stage: asDomainStage(p.stage), removedFromLibrary: p.removedFromLibrary }, settings.libraryThreshold);
    return { member: m.member, reason: m.reason };
  }

  @FieldResolver(() => [ProjectStageChange], { description: 'Every stage change, oldest first. 阶段变更记录' })
  stageHistory(@Root() p: Project, @Ctx() ctx: Context): Promise<ProjectStageChange[]> {
    return loader(ctx, stageChangesLoader).load(p.id);
  }

  @FieldResolver(() => [PlanYear], { description: 'The annual plan across the construction period. 建设周期年度计划' })
  planYears(@Root() p: Project, @Ctx() ctx: Context): Promise<PlanYear[]> {
    return loader(ctx, planYearsLoader).load(p.id);
  }

  @FieldResolver(() => [PlanMonth], { description: 'The monthly plan, of one year when asked. 月度计划' })
  async planMonths(
    @Root() p: Project,
    @Arg('year', () => Int, { nullable: true, description: 'Only this year' }) year: number | null,
    @Ctx() ctx: Context,
  ): Promise<PlanMonth[]> {
    const rows = await loader(ctx, planMonthsLoader).load(p.id);
    return year ? rows.filter((r) => r.period.startsWith(`${year}-`)) : rows;
  }

  @FieldResolver(() => [MonthlyReport], { description: 'Monthly completion reports, oldest first. 月度完成情况' })
  reports(@Root() p: Project, @Ctx() ctx: Context): Promise<MonthlyReport[]> {
    return loader(ctx, reportsLoader).load(p.id);
  }

  @FieldResolver(() => MonthlyReport, { nullable: true, description: 'The report of one month. 某月完成情况' })
  async report(@Root() p: Project, @Arg('period', () => PeriodScalar, { description: 'The month' }) period: string, @Ctx() ctx: Context): Promise<MonthlyReport | null> {
    return (await loader(ctx, reportsLoader).load(p.id)).find((r) => r.period === period) ?? null;
  }

  @FieldResolver(() => [ProjectLight], { description: 'The light history, oldest first; each light says why. 亮灯记录' })
  lights(@Root() p: Project, @Ctx() ctx: Context): Promise<ProjectLight[]> {
    return loader(ctx, lightsLoader).load(p.id);
  }

  @FieldResolver(() => ProjectLight, { nullable: true, description: 'The light of one month (none when not lit). 某月亮灯' })
  async light(@Root() p: Project, @Arg('period', () => PeriodScalar, { description: 'The month' }) period: string, @Ctx() ctx: Context): Promise<ProjectLight | null> {
    return (await loader(ctx, lightsLoader).load(p.id)).find((l) => l.period === period) ?? null;
  }

  @FieldResolver(() => [ProjectMilestone], { description: 'Milestones (节点), by due date. 节点任务' })
  milestones(@Root() p: Project, @Ctx() ctx: Context): Promise<ProjectMilestone[]> {
    return loader(ctx, milestonesLoader).load(p.id);
  }

  @FieldResolver(() => ProjectLocation, { description: 'Location (位置图). 位置' })
  location(@Root() p: Project): ProjectLocation {
    return { geoJson: p.locationGeoJson, east: p.boundaryEast, west: p.boundaryWest, south: p.boundarySouth, north: p.boundaryNorth };
  }

  @FieldResolver(() => [StoredFile], { description: 'Renderings (效果图): aerial pictures of the finished project. 效果图' })
  renderings(@Root() p: Project, @Ctx() ctx: Context): Promise<StoredFile[]> {
    return filesOf(ctx, RENDERING).load(String(p.id));
  }
}

@Resolver(() => MonthlyReport)
export class MonthlyReportResolver {
  @FieldResolver(() => [ProgressPhoto], { description: 'Progress photos (进展图) with their flags. 进展照片' })
  async photos(@Root() report: MonthlyReport, @Ctx() ctx: Context): Promise<ProgressPhoto[]> {
    const files = await filesOf(ctx, REPORT_PHOTO).load(String(report.id));
    if (files.length === 0) return [];
    const project = await loader(ctx, projectLoader).load(report.projectId);
    const site = project ? siteOf(project) : null;
    const earlier = (await loader(ctx, reportsLoader).load(report.projectId)).filter((r) => r.period < report.period);
    const earlierFiles = await Promise.all(earlier.map(async (r) => ({ period: r.period, files: await filesOf(ctx, REPORT_PHOTO).load(String(r.id)) })));
    const start = periodStart(report.period);
    return files.map((file) => {
      const takenBeforeMonth = !!file.takenAt && file.takenAt.getTime() < start.getTime();
      const outsideBoundary = !!site && file.gpsLat !== null && file.gpsLng !== null && !takenAtSite([file.gpsLng, file.gpsLat], site);
      let reusedFromPeriod: string | null = null;
      if (file.perceptualHash) {
        for (const e of earlierFiles) {
          if (e.files.some((f) => f.perceptualHash && isSameImage(f.perceptualHash, file.perceptualHash!))) reusedFromPeriod = e.period;
        }
      }
      const flags: string[] = [];
      if (takenBeforeMonth) flags.push(`拍摄时间（${file.takenAt!.toISOString().slice(0, 10)}）早于填报月份 ${report.period}`);
      if (outsideBoundary) flags.push('拍摄位置不在项目范围内');
      if (reusedFromPeriod) flags.push(`与 ${reusedFromPeriod} 的进展照片相同`);
      return { file, takenBeforeMonth, outsideBoundary, reusedFromPeriod, flags };
    });
  }

  @FieldResolver(() => MoneyScalar, { nullable: true, description: 'The month’s planned investment, beside the actual. 本月计划投资' })
  async plannedInvestment(@Root() report: MonthlyReport, @Ctx() ctx: Context): Promise<bigint | null> {
    return (await loader(ctx, planMonthsLoader).load(report.projectId)).find((m) => m.period === report.period)?.plannedInvestment ?? null;
  }

  @FieldResolver(() => ProjectLight, { nullable: true, description: 'The light of the reported month. 本月亮灯' })
  async light(@Root() report: MonthlyReport, @Ctx() ctx: Context): Promise<ProjectLight | null> {
    return (await loader(ctx, lightsLoader).load(report.projectId)).find((l) => l.period === report.period) ?? null;
  }
}
