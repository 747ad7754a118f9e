import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { NotFoundError } from '../errors';
import { parseId, parseOptionalId } from '../ids';
import type { Context } from '../context';
import { Role } from '../auth/user.entity';
import { Area, AreaLevel } from './area.entity';
import { CitySettingsInput } from './areas.inputs';
import { childrenInScope, districtsInScope, outlineOfArea, rankingWeightsOf, readableArea, settingsOfArea, updateCitySettings } from './areas.service';
import { RankingWeightsType } from './areas.types';
import { CitySettings } from './city-settings.entity';

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

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'The real outline of the city or district as GeoJSON text (Polygon or MultiPolygon, WGS84 [lng, lat], simplified to about 300 m); null for zones and townships without one. 行政区划边界',
  })
  outline(@Root() area: Area): string | null {
    return outlineOfArea(area);
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
  settings(@Root() area: Area, @Ctx() ctx: Context): Promise<CitySettings | null> | null {
    return settingsOfArea(ctx, area);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => CitySettings, { description: 'Changes a city’s dispatch settings (city or province admins). 修改城市参数' })
  updateCitySettings(
    @Arg('cityId', () => ID, { description: 'Id of the city' }) cityIdArg: string,
    @Arg('input', { description: 'The settings to change' }) input: CitySettingsInput,
    @Ctx() ctx: Context,
  ): Promise<CitySettings> {
    return updateCitySettings(ctx, cityIdArg, input);
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
