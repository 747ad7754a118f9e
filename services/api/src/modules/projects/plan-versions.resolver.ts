import { PageArgsType } from '../../core/pagination';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Role } from '../../core/auth/user.entity';
import { loader, type Context } from '../../core/context';
import { Connection } from '../../core/pagination';
import { CorrectionStatus } from './month-close.entity';
import { PlanVersion, PlanVersionMonth } from './plan-version.entity';
import { approvePlanBaseline, decidePlanVersion, planVersionRequests, requestPlanVersion, versionMonths } from './plan-versions.service';
import { Project } from './project.entity';
import { PlanTableInput } from './projects.inputs';
import { projectLoader } from './projects.loaders';

export const PlanVersionConnection = Connection(PlanVersion, 'PlanVersion');

@Resolver(() => PlanVersion)
export class PlanVersionsResolver {
  @Authorized(Role.ADMIN)
  @Mutation(() => PlanVersion, { description: 'Approves a year’s monthly plan as it stands as its baseline (version 1); an admin of the project’s area. 批准计划基线' })
  approvePlanBaseline(
    @Arg('projectId', () => ID, { description: 'The project' }) projectId: string,
    @Arg('year', () => Int, { description: 'The year' }) year: number,
    @Ctx() ctx: Context,
  ): Promise<PlanVersion> {
    return approvePlanBaseline(ctx, projectId, year);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => PlanVersion, { description: 'Asks for a new version of an approved year’s plan, with a reason; in force once a city admin approves it. 计划变更申请' })
  requestPlanVersion(
    @Arg('projectId', () => ID, { description: 'The project' }) projectId: string,
    @Arg('input', () => PlanTableInput, { description: 'The plan table with the year’s new months' }) input: PlanTableInput,
    @Arg('reason', { description: 'Why the plan changes. 变更理由' }) reason: string,
    @Ctx() ctx: Context,
  ): Promise<PlanVersion> {
    return requestPlanVersion(ctx, projectId, input, reason);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => PlanVersion, { description: 'A city admin approves (in force: open months relit) or rejects a plan version. 审批计划变更' })
  decidePlanVersion(
    @Arg('id', () => ID, { description: 'The plan version' }) id: string,
    @Arg('approve', { description: 'Approve (true) or reject (false)' }) approve: boolean,
    @Arg('reason', { defaultValue: '', description: 'The decision’s reason (needed to reject). 审批意见' }) reason: string,
    @Ctx() ctx: Context,
  ): Promise<PlanVersion> {
    return decidePlanVersion(ctx, id, approve, reason);
  }

  @Authorized()
  @Query(() => PlanVersionConnection, { description: 'Plan versions of your area, newest first (a secretary: its own requests). 计划版本' })
  planVersionRequests(
    @Arg('status', () => CorrectionStatus, { nullable: true, description: 'Only in this state' }) status: CorrectionStatus | null,
    @Args() page: PageArgsType,
    @Ctx() ctx: Context,
  ) {
    return planVersionRequests(ctx, status, page);
  }

  @FieldResolver(() => [PlanVersionMonth], { complexity: 12, description: 'The months of the version. 分月计划' })
  months(@Root() v: PlanVersion): PlanVersionMonth[] {
    return versionMonths(v);
  }

  @FieldResolver(() => Project, { nullable: true, description: 'The project (null outside your reach). 项目' })
  project(@Root() v: PlanVersion, @Ctx() ctx: Context): Promise<Project | null> {
    return loader(ctx, projectLoader).load(v.projectId);
  }
}
