import { IsIn, IsOptional, Max, Min } from 'class-validator';
import { Arg, Authorized, Ctx, Field, FieldResolver, Float, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { Fen } from '@kpd/domain';
import { ForbiddenError, NotFoundError, UserInputError } from '../errors';
import { parseId, parseOptionalId } from '../ids';
import { MoneyScalar } from '../scalars';
import { mutate } from '../transaction';
import { loader, type Context } from '../context';
import { citySettingsLoader } from './areas.loaders';
import { Role } from '../auth/user.entity';
import { Area, AreaLevel } from './area.entity';
import { CitySettings, LightRule } from './city-settings.entity';
import { childrenInScope, districtsInScope, rankingWeightsOf, readableArea } from './areas.service';

@ObjectType({ description: 'Weights of the monthly district ranking score; they add up to 1. 排名权重' })
class RankingWeightsType {
  @Field(() => Float, { description: 'Milestone completion rate. 节点完成率' })
  milestoneRate!: number;

  @Field(() => Float, { description: 'Year-to-date investment completion rate. 投资完成率' })
  investmentRate!: number;

  @Field(() => Float, { description: 'Light score (green minus red share). 亮灯' })
  lights!: number;
}

@InputType({ description: 'Weights of the ranking score; they must add up to 1. 排名权重' })
class RankingWeightsInput {
  @Field(() => Float, { description: 'Weight of the milestone completion rate (0–1). 节点完成率权重' })
  @Min(0)
  @Max(1)
  milestoneRate!: number;

  @Field(() => Float, { description: 'Weight of the investment completion rate (0–1). 投资完成率权重' })
  @Min(0)
  @Max(1)
  investmentRate!: number;

  @Field(() => Float, { description: 'Weight of the light score (0–1). 亮灯权重' })
  @Min(0)
  @Max(1)
  lights!: number;
}

@InputType({ description: 'Changes to a city’s settings; omitted fields stay as they are. 城市参数修改' })
class CitySettingsInput {
  @Field(() => MoneyScalar, { nullable: true, description: 'Library threshold in 元. 入库门槛' })
  libraryThreshold?: Fen;

  @Field(() => LightRule, { nullable: true, description: 'Light rule. 亮灯规则' })
  @IsOptional()
  @IsIn(Object.values(LightRule))
  lightRule?: LightRule;

  @Field(() => Int, { nullable: true, description: 'Report deadline day of the next month (1–28). 报送截止日' })
  @IsOptional()
  @Min(1)
  @Max(28)
  reportDeadlineDay?: number;

  @Field(() => Int, { nullable: true, description: 'Tolerance in percent (0–50). 容差' })
  @IsOptional()
  @Min(0)
  @Max(50)
  lightTolerancePercent?: number;

  @Field(() => Int, { nullable: true, description: 'Days without contact before a warning (1–365). 无联系预警天数' })
  @IsOptional()
  @Min(1)
  @Max(365)
  noContactDays?: number;

  @Field(() => RankingWeightsInput, { nullable: true, description: 'Ranking weights. 排名权重' })
  rankingWeights?: RankingWeightsInput;
}

@Resolver(() => Area)
export class AreasResolver {
  @Authorized()
  @Query(() => [Area], {
    description: 'The area tree from your scope down: one root (your own area); walk `children`. 区划树',
  })
  areas(@Ctx() ctx: Context): Area[] {
    return [ctx.viewer.scope!.root];
  }

  @Authorized()
  @Query(() => [Area], { description: 'Districts, counties and zones in your scope, optionally of one city. 区县列表' })
  districts(@Arg('cityId', () => ID, { nullable: true, description: 'Only the districts of this city' }) cityId: string | null, @Ctx() ctx: Context): Area[] {
    return districtsInScope(ctx, parseOptionalId(cityId, 'cityId'));
  }

  @Authorized()
  @Query(() => Area, { description: 'One district, county or zone in your scope. 区县' })
  district(@Arg('id', () => ID, { description: 'Id of the district' }) id: string, @Ctx() ctx: Context): Area {
    return readableArea(ctx, parseId(id, 'id'), AreaLevel.DISTRICT);
  }

  @Authorized()
  @Query(() => Area, { description: 'Any area in your scope. 区划' })
  area(@Arg('id', () => ID, { description: 'Id of the area' }) id: string, @Ctx() ctx: Context): Area {
    return readableArea(ctx, parseId(id, 'id'));
  }

  @FieldResolver(() => [Area], { description: 'Areas directly under this one, within your scope. 下级区划' })
  children(@Root() area: Area, @Ctx() ctx: Context): Area[] {
    return childrenInScope(ctx, area);
  }

  @FieldResolver(() => Area, { nullable: true, description: 'The area above this one. 上级区划' })
  parent(@Root() area: Area, @Ctx() ctx: Context): Area | null {
    return area.parentId === null ? null : (ctx.areas.get(area.parentId) ?? null);
  }

  @FieldResolver(() => [Area], { description: 'From the province down to the parent, for breadcrumbs. 上级链' })
  ancestors(@Root() area: Area, @Ctx() ctx: Context): Area[] {
    return ctx.areas.ancestors(area.id);
  }

  @FieldResolver(() => CitySettings, {
    nullable: true,
    description: "The city's settings (for a district: its city's), for admins and analysts in scope. 城市参数",
  })
  async settings(@Root() area: Area, @Ctx() ctx: Context): Promise<CitySettings | null> {
    if (ctx.viewer.role !== Role.ADMIN && ctx.viewer.role !== Role.ANALYST) return null;
    const city = ctx.areas.cityOf(area.id);
    if (!city) return null;
    return loader(ctx, citySettingsLoader).load(city.id);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => CitySettings, { description: 'Changes a city’s dispatch settings (city or province admins). 修改城市参数' })
  async updateCitySettings(
    @Arg('cityId', () => ID, { description: 'Id of the city' }) cityIdArg: string,
    @Arg('input', { description: 'The settings to change' }) input: CitySettingsInput,
    @Ctx() ctx: Context,
  ): Promise<CitySettings> {
    const cityId = parseId(cityIdArg, 'cityId');
    const city = ctx.areas.get(cityId);
    if (!city || city.level !== AreaLevel.CITY) throw new NotFoundError('City', cityIdArg);
    const scope = ctx.viewer.scope!;
    // A district admin reads its city's rules but cannot change them.
    if (!scope.contains(city.id) || scope.root.level === AreaLevel.DISTRICT || scope.root.level === AreaLevel.TOWNSHIP) {
      throw new ForbiddenError('Only admins of the city or the province change its settings');
    }
    if (input.libraryThreshold !== undefined && input.libraryThreshold !== null && input.libraryThreshold < 0n) {
      throw new UserInputError('input.libraryThreshold', 'must not be negative');
    }
    if (input.rankingWeights) {
      const w = input.rankingWeights;
      const sum = w.milestoneRate + w.investmentRate + w.lights;
      if (Math.abs(sum - 1) > 1e-9) throw new UserInputError('input.rankingWeights', `must add up to 1 (now ${sum})`);
    }
    return mutate(ctx, async (tx) => {
      const settings = await tx.em.findOneBy(CitySettings, { cityId });
      if (!settings) throw new NotFoundError('CitySettings', cityIdArg);
      const before = { ...settings };
      if (input.libraryThreshold !== undefined && input.libraryThreshold !== null) settings.libraryThreshold = input.libraryThreshold;
      if (input.lightRule) settings.lightRule = input.lightRule;
      if (input.reportDeadlineDay) settings.reportDeadlineDay = input.reportDeadlineDay;
      if (input.lightTolerancePercent !== undefined && input.lightTolerancePercent !== null) {
        settings.lightTolerancePercent = input.lightTolerancePercent;
      }
      if (input.noContactDays) settings.noContactDays = input.noContactDays;
      if (input.rankingWeights) settings.rankingWeights = JSON.stringify({ ...input.rankingWeights });
      await tx.em.save(settings);
      await tx.audit({ action: 'citySettings.update', entityType: 'CitySettings', entityId: cityId, areaId: cityId, before, after: settings });
      return settings;
    });
  }
}

@Resolver(() => CitySettings)
export class CitySettingsResolver {
  @FieldResolver(() => RankingWeightsType, { description: 'Weights of the monthly ranking score. 排名权重' })
  rankingWeights(@Root() settings: CitySettings): RankingWeightsType {
    return rankingWeightsOf(settings);
  }

  @FieldResolver(() => Area, { description: 'The city. 城市' })
  city(@Root() settings: CitySettings, @Ctx() ctx: Context): Area {
    const city = ctx.areas.get(settings.cityId);
    if (!city) throw new NotFoundError('City', settings.cityId);
    return city;
  }
}
