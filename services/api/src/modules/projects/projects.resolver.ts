import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PROJECT_REPORTERS } from '../../core/auth/policy';
import { Role } from '../../core/auth/user.entity';
import { filesOf, StoredFile } from '../../core/files';
import { parseId } from '../../core/ids';
import type { Page } from '../../core/pagination';
import { MoneyScalar, PeriodScalar } from '../../core/scalars';
import { ImportResult } from '../../core/xlsx';
import { loader, type Context } from '../../core/context';
import { Area } from '../../core/areas/area.entity';
import { ProjectLight } from './light.entity';
import { PlanVersion } from './plan-version.entity';
import { planVersionsOf } from './plan-versions.service';
import { progressPhotos, RENDERING, setProjectLocation, setProjectRenderings } from './pictures.service';
import { MonthlyReport, PlanMonth, PlanYear, ProjectMilestone } from './plan.entity';
import { saveMilestones, saveMonthlyReport, savePlanTable } from './plans.service';
import { Project, ProjectStageChange } from './project.entity';
import { CreateProjectInput, LocationInput, MilestoneInput, MonthlyReportInput, PlanTableInput, ProjectsArgs, RenderingArgs, UpdateProjectInput } from './projects.inputs';
import { lightOfMonthLoader, lightsLoader, milestonesLoader, planMonthsLoader, planYearsLoader, reportOfMonthLoader, reportsLoader, stageChangesLoader } from './projects.loaders';
import { createProject, libraryMembershipOf, listProjects, projectById, updateProject } from './projects.service';
import { LibraryMembershipType, ProgressPhoto, ProjectConnection, ProjectLocation } from './projects.types';
import { importPlans } from './projects.xlsx';
import { setProjectOpenData } from './oc4ids.service';
import { investmentPartsOf } from './funding.service';
import { ReportInvestmentPart } from './funding.types';

@Resolver(() => Project)
export class ProjectsResolver {
  @Authorized()
  @Query(() => ProjectConnection, { description: 'Projects in your reach, filtered, ordered and paged. 项目列表' })
  projects(@Args() args: ProjectsArgs, @Ctx() ctx: Context): Promise<Page<Project>> {
    return listProjects(ctx, args.filter ?? null, args.orderBy, args);
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

  @Authorized(PROJECT_REPORTERS)
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

  @Authorized(PROJECT_REPORTERS)
  @Mutation(() => Project, { description: 'Replaces the project’s milestones; its milestone lights are recomputed. 保存节点任务' })
  saveMilestones(
    @Arg('projectId', () => ID, { description: 'The project' }) projectId: string,
    @Arg('milestones', () => [MilestoneInput], { description: 'Every milestone' }) milestones: MilestoneInput[],
    @Ctx() ctx: Context,
  ): Promise<Project> {
    return saveMilestones(ctx, parseId(projectId, 'projectId'), milestones);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Project, { description: 'Marks the project public (公开) in the open OC4IDS file of its area, or withdraws it (an admin of its area). 设置公开' })
  setProjectOpenData(
    @Arg('projectId', () => ID, { description: 'The project' }) projectId: string,
    @Arg('open', { description: 'true: in the open file; false: withdrawn from it' }) open: boolean,
    @Ctx() ctx: Context,
  ): Promise<Project> {
    return setProjectOpenData(ctx, parseId(projectId, 'projectId'), open);
  }

  @FieldResolver(() => Area, { description: 'The district. 所属区县' })
  district(@Root() p: Project, @Ctx() ctx: Context): Area {
    return ctx.areas.get(p.areaId)!;
  }

  @FieldResolver(() => LibraryMembershipType, { description: 'Membership of the key-project library by the city’s threshold. 入库情况' })
  libraryMembership(@Root() p: Project, @Ctx() ctx: Context): Promise<LibraryMembershipType> {
    return libraryMembershipOf(ctx, p);
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

  @FieldResolver(() => [PlanVersion], { description: 'The versions of the monthly plan (the baseline and its approved or pending changes), oldest first; of one year when asked. 计划版本' })
  planVersions(
    @Root() p: Project,
    @Arg('year', () => Int, { nullable: true, description: 'Only this year' }) year: number | null,
    @Ctx() ctx: Context,
  ): Promise<PlanVersion[]> {
    return planVersionsOf(ctx, p.id, year);
  }

  @FieldResolver(() => [MonthlyReport], { description: 'Monthly completion reports, oldest first. 月度完成情况' })
  reports(@Root() p: Project, @Ctx() ctx: Context): Promise<MonthlyReport[]> {
    return loader(ctx, reportsLoader).load(p.id);
  }

  @FieldResolver(() => MonthlyReport, { nullable: true, description: 'The report of one month. 某月完成情况' })
  report(@Root() p: Project, @Arg('period', () => PeriodScalar, { description: 'The month' }) period: string, @Ctx() ctx: Context): Promise<MonthlyReport | null> {
    return loader(ctx, reportOfMonthLoader).load({ projectId: p.id, period });
  }

  @FieldResolver(() => [ProjectLight], { description: 'The light history, oldest first; each light says why. 亮灯记录' })
  lights(@Root() p: Project, @Ctx() ctx: Context): Promise<ProjectLight[]> {
    return loader(ctx, lightsLoader).load(p.id);
  }

  @FieldResolver(() => ProjectLight, { nullable: true, description: 'The light of one month (none when not lit). 某月亮灯' })
  light(@Root() p: Project, @Arg('period', () => PeriodScalar, { description: 'The month' }) period: string, @Ctx() ctx: Context): Promise<ProjectLight | null> {
    return loader(ctx, lightOfMonthLoader).load({ projectId: p.id, period });
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
  photos(@Root() report: MonthlyReport, @Ctx() ctx: Context): Promise<ProgressPhoto[]> {
    return progressPhotos(ctx, report);
  }

  @FieldResolver(() => MoneyScalar, { nullable: true, description: 'The month’s planned investment, beside the actual. 本月计划投资' })
  async plannedInvestment(@Root() report: MonthlyReport, @Ctx() ctx: Context): Promise<bigint | null> {
    return (await loader(ctx, planMonthsLoader).load(report.projectId)).find((m) => m.period === report.period)?.plannedInvestment ?? null;
  }

  @FieldResolver(() => [ReportInvestmentPart], { description: 'The actual investment split by funding source ([]: not split). 按资金来源拆分' })
  investmentBySource(@Root() report: MonthlyReport, @Ctx() ctx: Context): Promise<ReportInvestmentPart[]> {
    return investmentPartsOf(ctx, report);
  }

  @FieldResolver(() => ProjectLight, { nullable: true, description: 'The light of the reported month. 本月亮灯' })
  light(@Root() report: MonthlyReport, @Ctx() ctx: Context): Promise<ProjectLight | null> {
    return loader(ctx, lightOfMonthLoader).load({ projectId: report.projectId, period: report.period });
  }
}

@Resolver()
export class PlanImportResolver {
  @Authorized(Role.ADMIN)
  @Mutation(() => ImportResult, {
    description:
      'Imports the plans of many projects from an uploaded plan sheet: dryRun checks every row and writes nothing; a commit writes all rows or none. 导入项目计划表',
  })
  importPlans(
    @Arg('fileId', () => ID, { description: 'The uploaded .xlsx (purpose=spreadsheet)' }) fileId: string,
    @Arg('dryRun', { description: 'Only check, write nothing' }) dryRun: boolean,
    @Ctx() ctx: Context,
  ): Promise<ImportResult> {
    return importPlans(ctx, fileId, dryRun);
  }
}
