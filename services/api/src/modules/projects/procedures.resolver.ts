import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { FIGURE_READERS, PROJECT_REPORTERS } from '../../core/auth/policy';
import { Role } from '../../core/auth/user.entity';
import type { Context } from '../../core/context';
import { LocalDateScalar } from '../../core/scalars';
import { Problem } from '../problems/problem.entity';
import { ProcedureNode } from './procedure.entity';
import { ProcedureNodeInput, ProcedureTypeInput } from './procedures.inputs';
import {
  predecessorsOf,
  procedureFigures,
  procedureTemplate,
  projectChain,
  raiseProcedureProblem,
  saveProcedureType,
  startProcedureChain,
  timingOf,
  updateProcedureNode,
} from './procedures.service';
import { ProcedureChain, ProcedureFigures, ProcedureTemplate, ProcedureTiming } from './procedures.types';
import { ProcedureType } from './procedure.entity';
import { Project } from './project.entity';

@Resolver(() => ProcedureNode)
export class ProceduresResolver {
  @Authorized()
  @Query(() => ProcedureTemplate, { description: 'The pre-construction procedure template of the city of an area (default: your own), with its total against the 50-working-day limit. 前期手续模板' })
  procedureTemplate(
    @Arg('areaId', () => ID, { nullable: true, description: 'A city or district in your scope (default: your own area)' }) areaId: string | null,
    @Ctx() ctx: Context,
  ): Promise<ProcedureTemplate> {
    return procedureTemplate(ctx, areaId);
  }

  @Authorized(...FIGURE_READERS)
  @Query(() => ProcedureFigures, { description: 'Pre-construction procedure figures of an area: overdue nodes and blocked projects by department, average working days per procedure against its limits. 前期手续统计' })
  procedureFigures(
    @Arg('areaId', () => ID, { nullable: true, description: 'An area in your scope (default: your own)' }) areaId: string | null,
    @Arg('today', () => LocalDateScalar, { nullable: true, description: 'The day overdue is judged on (default: the service’s today)' }) today: string | null,
    @Ctx() ctx: Context,
  ): Promise<ProcedureFigures> {
    return procedureFigures(ctx, areaId, today);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => ProcedureTemplate, { description: 'Adds or changes a procedure type of a city’s template; a city admin. 维护前期手续模板' })
  saveProcedureType(
    @Arg('cityId', () => ID, { description: 'The city' }) cityId: string,
    @Arg('input', () => ProcedureTypeInput, { description: 'The type' }) input: ProcedureTypeInput,
    @Ctx() ctx: Context,
  ): Promise<ProcedureTemplate> {
    return saveProcedureType(ctx, cityId, input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => ProcedureChain, { description: 'Starts a project’s procedure chain from its city’s template (adds the template’s types it lacks); an admin of the project’s area. 建立前期手续链' })
  startProcedureChain(@Arg('projectId', () => ID, { description: 'The project' }) projectId: string, @Ctx() ctx: Context): Promise<ProcedureChain> {
    return startProcedureChain(ctx, projectId);
  }

  @Authorized(...PROJECT_REPORTERS)
  @Mutation(() => ProcedureNode, { description: 'Records where a project’s procedure stands: applied for, approved with its document, not required; the project’s admins and secretaries. 填报手续办理情况' })
  updateProcedureNode(
    @Arg('id', () => ID, { description: 'The node' }) id: string,
    @Arg('input', () => ProcedureNodeInput, { description: 'Where it stands' }) input: ProcedureNodeInput,
    @Ctx() ctx: Context,
  ): Promise<ProcedureNode> {
    return updateProcedureNode(ctx, id, input);
  }

  @Authorized(...PROJECT_REPORTERS)
  @Mutation(() => Problem, { description: 'Raises an overdue procedure as a problem of its project, owned by the approving department, in one step. 逾期手续转问题' })
  raiseProcedureProblem(
    @Arg('nodeId', () => ID, { description: 'The overdue node' }) nodeId: string,
    @Arg('workingDays', () => Int, { defaultValue: 5, description: 'The problem’s time limit in working days (default 5)' }) workingDays: number,
    @Arg('raisedDate', () => LocalDateScalar, { nullable: true, description: 'The day it is raised (default today)' }) raisedDate: string | null,
    @Ctx() ctx: Context,
  ): Promise<Problem> {
    return raiseProcedureProblem(ctx, nodeId, workingDays, raisedDate);
  }

  @FieldResolver(() => ProcedureTiming, { description: 'How it stands today: working days taken, overdue. 时效' })
  timing(@Root() node: ProcedureNode): ProcedureTiming {
    return timingOf(node);
  }

  @FieldResolver(() => [String], { description: 'Codes of the procedures approved before it. 前置手续' })
  predecessors(@Root() node: ProcedureNode): string[] {
    return predecessorsOf(node);
  }
}

@Resolver(() => ProcedureType)
export class ProcedureTypeResolver {
  @FieldResolver(() => [String], { description: 'Codes of the procedures approved before it (none: it can start at once). 前置手续' })
  predecessors(@Root() type: ProcedureType): string[] {
    return predecessorsOf(type);
  }
}

@Resolver(() => Project)
export class ProjectProceduresResolver {
  @FieldResolver(() => ProcedureChain, { nullable: true, complexity: 10, description: 'The pre-construction procedures (null: no chain yet). 前期手续' })
  procedures(@Root() project: Project, @Ctx() ctx: Context): Promise<ProcedureChain | null> {
    return projectChain(ctx, project);
  }
}
