import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { FIGURE_READERS, PROJECT_REPORTERS } from '../../core/auth/policy';
import { Role } from '../../core/auth/user.entity';
import { loader, type Context } from '../../core/context';
import { PeriodScalar } from '../../core/scalars';
import { DistrictMonthClose, LightCorrection, RelitMonth } from './month-close.entity';
import { closeMonth, decideCorrection, listCorrections, monthCloseStatus, relitMonths, requestPlanCorrection, requestReportCorrection } from './month-close.service';
import { LightCorrectionConnection } from './month-close.types';
import { Project } from './project.entity';
import { projectLoader } from './projects.loaders';
import { CorrectionsArgs, PlanTableInput, ReportCorrectionInput } from './projects.inputs';

@Resolver(() => LightCorrection)
export class MonthCloseResolver {
  @Authorized(...FIGURE_READERS)
  @Query(() => [DistrictMonthClose], { description: 'Whether each district of an area closed a month, with the figures it closed with (open: the live counts). 月度关账情况' })
  monthClose(
    @Arg('areaId', () => ID, { nullable: true, description: 'The area (default: your own)' }) areaId: string | null,
    @Arg('period', () => PeriodScalar, { description: 'The month' }) period: string,
    @Ctx() ctx: Context,
  ): Promise<DistrictMonthClose[]> {
    return monthCloseStatus(ctx, areaId, period);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => [DistrictMonthClose], {
    description: 'Closes a month for the districts of an area after the report deadline (月度关账): lights what is missing and fixes the lights, reports and figures; afterwards they change only through an approved correction. Safe to repeat. 关账',
  })
  closeMonth(
    @Arg('areaId', () => ID, { nullable: true, description: 'The area (default: your own)' }) areaId: string | null,
    @Arg('period', () => PeriodScalar, { description: 'The month' }) period: string,
    @Ctx() ctx: Context,
  ): Promise<DistrictMonthClose[]> {
    return closeMonth(ctx, areaId, period);
  }

  @Authorized(...PROJECT_REPORTERS)
  @Mutation(() => LightCorrection, { description: 'Asks to change a closed month’s report (a late or changed report), with a reason; a city admin decides. 补报/更正申请' })
  requestReportCorrection(@Arg('input', () => ReportCorrectionInput, { description: 'The corrected report and why' }) input: ReportCorrectionInput, @Ctx() ctx: Context): Promise<LightCorrection> {
    return requestReportCorrection(ctx, input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => LightCorrection, { description: 'Asks to change a plan table where it changes a closed month’s plan, with a reason; a city admin decides. 计划更正申请' })
  requestPlanCorrection(
    @Arg('projectId', () => ID, { description: 'The project' }) projectId: string,
    @Arg('input', () => PlanTableInput, { description: 'The whole plan table, as savePlanTable takes it' }) input: PlanTableInput,
    @Arg('reason', { description: 'Why the closed month should change. 更正理由' }) reason: string,
    @Ctx() ctx: Context,
  ): Promise<LightCorrection> {
    return requestPlanCorrection(ctx, projectId, input, reason);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => LightCorrection, { description: 'A city admin approves (applied, the month and the later months depending on it relit) or rejects a correction. 审批更正' })
  decideCorrection(
    @Arg('id', () => ID, { description: 'The correction' }) id: string,
    @Arg('approve', { description: 'Approve (true) or reject (false)' }) approve: boolean,
    @Arg('reason', { defaultValue: '', description: 'The decision’s reason (needed to reject). 审批意见' }) reason: string,
    @Ctx() ctx: Context,
  ): Promise<LightCorrection> {
    return decideCorrection(ctx, id, approve, reason);
  }

  @Authorized()
  @Query(() => LightCorrectionConnection, { description: 'Corrections of closed months, newest first: admins and analysts see their area, a secretary its own requests. 关账后更正' })
  lightCorrections(@Args() args: CorrectionsArgs, @Ctx() ctx: Context) {
    return listCorrections(ctx, args.filter ?? null, args);
  }

  @FieldResolver(() => Project, { nullable: true, description: 'The project (null outside your reach). 项目' })
  project(@Root() c: LightCorrection, @Ctx() ctx: Context): Promise<Project | null> {
    return loader(ctx, projectLoader).load(c.projectId);
  }

  @FieldResolver(() => [RelitMonth], { description: 'The months whose light the approval changed, the corrected month first; closed ones are marked. 受影响月份' })
  relitMonths(@Root() c: LightCorrection): RelitMonth[] {
    return relitMonths(c);
  }
}
