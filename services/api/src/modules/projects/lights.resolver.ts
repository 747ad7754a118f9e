import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Public } from '../../core/auth/policy';
import { Role } from '../../core/auth/user.entity';
import { PeriodScalar } from '../../core/scalars';
import type { Context } from '../../core/context';
import { decideLibraryRemoval } from './library.service';
import { lightBoard, lightBoardPublication, publishedLightBoards, publishLightBoard } from './light-board.service';
import { ProjectLight } from './light.entity';
import { runMonthEndLightsInScope } from './lights.service';
import { BoardEntry, LightBoard, LightClearing, PublishedLightBoard } from './lights.types';
import { boardEntryClearing, lightClearing } from './clearing.service';
import { RemovalArgs } from './projects.inputs';

@Resolver(() => ProjectLight)
export class LightsResolver {
  @Public('anyone reads a published board; admins and analysts read their scope live')
  @Query(() => LightBoard, {
    description: 'The light board of an area for a month: counts per district and the yellow and red projects with their reasons. Anonymous callers see only published boards. 亮灯公示',
  })
  lightBoard(
    @Arg('areaId', () => ID, { nullable: true, description: 'The area (default: your own)' }) areaId: string | null,
    @Arg('period', () => PeriodScalar, { description: 'The month. 月份' }) period: string,
    @Ctx() ctx: Context,
  ): Promise<LightBoard> {
    return lightBoard(ctx, areaId, period);
  }

  @Public('the list of published boards is public (上墙公示)')
  @Query(() => [PublishedLightBoard], {
    description: 'The light boards published for the public, latest month first (what the wall display may show); public. 已公示亮灯榜',
  })
  publishedLightBoards(@Ctx() ctx: Context): Promise<PublishedLightBoard[]> {
    return publishedLightBoards(ctx);
  }

  @Public('what was published is public, with its hash (上墙公示)')
  @Query(() => PublishedLightBoard, { description: 'One published light board by id: the rows as published, who, when and the SHA-256 of `content`; public. 公示详情' })
  lightBoardPublication(@Arg('id', () => ID, { description: 'The publication' }) id: string, @Ctx() ctx: Context): Promise<PublishedLightBoard> {
    return lightBoardPublication(ctx, id);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Boolean, { description: 'Publishes an area’s light board of a month for the public (上墙公示): stores the rows as shown with their SHA-256, as a new version when they changed since the last one. 发布公示' })
  publishLightBoard(
    @Arg('areaId', () => ID, { description: 'The area' }) areaIdArg: string,
    @Arg('period', () => PeriodScalar, { description: 'The month' }) period: string,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    return publishLightBoard(ctx, areaIdArg, period);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => ProjectLight, { description: 'Confirms or declines the library removal a red light proposed, with a reason. 剔除决定' })
  decideLibraryRemoval(@Args() args: RemovalArgs, @Ctx() ctx: Context): Promise<ProjectLight> {
    return decideLibraryRemoval(ctx, args);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Int, {
    description: 'Runs the month-end job for a month in your scope: lights every project that has no light yet once its deadline passed. Safe to repeat. 月底亮灯',
  })
  runMonthEndLights(@Arg('period', () => PeriodScalar, { description: 'The month' }) period: string, @Ctx() ctx: Context): Promise<number> {
    return runMonthEndLightsInScope(ctx, period);
  }

  @FieldResolver(() => LightClearing, { nullable: true, description: 'What clears this light (null when green): what next month needs to be green, and the month it turns red if it stays behind. 转绿条件' })
  clearing(@Root() light: ProjectLight, @Ctx() ctx: Context): Promise<LightClearing | null> {
    return lightClearing(ctx, light);
  }
}

@Resolver(() => BoardEntry)
export class BoardEntryResolver {
  @FieldResolver(() => LightClearing, {
    nullable: true,
    description: 'What clears the light, for admins and analysts of the project’s area (null for others, and on boards of other months’ snapshots without a stored light). 转绿条件',
  })
  clearing(@Root() entry: BoardEntry, @Ctx() ctx: Context): Promise<LightClearing | null> {
    return boardEntryClearing(ctx, entry);
  }
}
