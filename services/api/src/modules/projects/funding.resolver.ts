import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { FIGURE_READERS } from '../../core/auth/policy';
import { Role } from '../../core/auth/user.entity';
import type { Context } from '../../core/context';
import { FundingSource, ProjectFunding } from './funding.entity';
import { FundingLineInput, FundingSourceInput } from './funding.inputs';
import { fundingSources, fundingStats, projectFunding, saveFundingSource, saveProjectFunding, sourceOf } from './funding.service';
import { FundingStats, ProjectFundingYear } from './funding.types';
import { Project } from './project.entity';

@Resolver(() => ProjectFunding)
export class FundingResolver {
  @Authorized()
  @Query(() => [FundingSource], { description: 'The funding sources of the city of an area (default: your own). 资金来源目录' })
  fundingSources(@Arg('areaId', () => ID, { nullable: true, description: 'A city or district in your scope' }) areaId: string | null, @Ctx() ctx: Context): Promise<FundingSource[]> {
    return fundingSources(ctx, areaId);
  }

  @Authorized(...FIGURE_READERS)
  @Query(() => FundingStats, { description: 'Investment of an area’s projects in a year grouped by funding source. 按资金来源统计' })
  fundingStats(
    @Arg('areaId', () => ID, { nullable: true, description: 'An area in your scope (default: your own)' }) areaId: string | null,
    @Arg('year', () => Int, { description: 'The year' }) year: number,
    @Ctx() ctx: Context,
  ): Promise<FundingStats> {
    return fundingStats(ctx, areaId, year);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => FundingSource, { description: 'Adds or changes a source of a city’s funding code list; a city admin. 维护资金来源目录' })
  saveFundingSource(
    @Arg('cityId', () => ID, { description: 'The city' }) cityId: string,
    @Arg('input', () => FundingSourceInput, { description: 'The source' }) input: FundingSourceInput,
    @Ctx() ctx: Context,
  ): Promise<FundingSource> {
    return saveFundingSource(ctx, cityId, input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => ProjectFundingYear, { description: 'Replaces a project’s funding lines of a year; an admin of the project’s area. 填报资金来源' })
  saveProjectFunding(
    @Arg('projectId', () => ID, { description: 'The project' }) projectId: string,
    @Arg('year', () => Int, { description: 'The year' }) year: number,
    @Arg('lines', () => [FundingLineInput], { description: 'One line per source (none: the year has no funding recorded)' }) lines: FundingLineInput[],
    @Ctx() ctx: Context,
  ): Promise<ProjectFundingYear> {
    return saveProjectFunding(ctx, projectId, year, lines);
  }

  @FieldResolver(() => FundingSource, { description: 'The source. 资金来源' })
  source(@Root() line: ProjectFunding, @Ctx() ctx: Context): Promise<FundingSource> {
    return sourceOf(ctx, line);
  }
}

@Resolver(() => Project)
export class ProjectFundingResolver {
  @FieldResolver(() => [ProjectFundingYear], { complexity: 10, description: 'Funding by source per year (one year when asked). 资金来源' })
  funding(@Root() project: Project, @Arg('year', () => Int, { nullable: true, description: 'Only this year' }) year: number | null, @Ctx() ctx: Context): Promise<ProjectFundingYear[]> {
    return projectFunding(ctx, project, year);
  }
}
