import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Role } from '../../core/auth/user.entity';
import type { Page } from '../../core/pagination';
import { LocalDateScalar } from '../../core/scalars';
import { ImportResult } from '../../core/xlsx';
import { loader, type Context } from '../../core/context';
import { Area } from '../../core/areas/area.entity';
import { catalogueFiguresOf, type FigureGrouping, type FigureRow } from './figures.service';
import { ServiceItem } from './service-item.entity';
import { importServiceItems } from './service-items.import';
import { ServiceItemInput, ServiceItemsArgs, ServiceWindowInput } from './service-items.inputs';
import { itemCountByZoneLoader, windowsByZoneLoader, zoneOf } from './service-items.loaders';
import { createServiceItem, listServiceItems, serviceItemById, updateServiceItem, violationsOf } from './service-items.service';
import { ComplianceViolationType, FigureGroupingEnum, ServiceCatalogueFigures, ServiceItemConnection } from './service-items.types';
import { ServiceBaseline, ServiceWindow, ServiceZone } from './service-zone.entity';
import { saveServiceZone, serviceBaseline, serviceZones, setServiceBaseline } from './zones.service';
import { parseId } from '../../core/ids';

@Resolver(() => ServiceItem)
export class ServiceItemsResolver {
  @Authorized()
  @Query(() => ServiceItemConnection, { description: 'Service items in your scope, filtered; compliance filter included. 政务服务事项' })
  serviceItems(@Args() args: ServiceItemsArgs, @Ctx() ctx: Context): Promise<Page<ServiceItem>> {
    return listServiceItems(ctx, args);
  }

  @Authorized()
  @Query(() => ServiceItem, { description: 'One service item in your scope. 事项' })
  serviceItem(@Arg('id', () => ID, { description: 'Id of the item' }) id: string, @Ctx() ctx: Context): Promise<ServiceItem> {
    return serviceItemById(ctx, id);
  }

  @Authorized()
  @Query(() => [ServiceCatalogueFigures], { description: 'Reform figures of the catalogues in an area, computed by the database. By district or type every district in reach and every type has a row, zeros where the catalogue has none. 政务服务指标' })
  serviceCatalogueFigures(
    @Arg('areaId', () => ID, { nullable: true, description: 'Area (default: your scope). 区划' }) areaId: string | null,
    @Arg('groupBy', () => FigureGroupingEnum, { defaultValue: FigureGroupingEnum.NONE, description: 'Grouping. 分组' }) groupBy: FigureGroupingEnum,
    @Ctx() ctx: Context,
  ): Promise<Array<FigureRow & { district: Area | null }>> {
    return catalogueFiguresOf(ctx, areaId, groupBy as FigureGrouping);
  }

  @Authorized()
  @Query(() => [ServiceZone], { description: 'Zones of a district’s single-window hall. 综合受理功能区' })
  serviceZones(@Arg('districtId', () => ID, { description: 'The district' }) districtId: string, @Ctx() ctx: Context): Promise<ServiceZone[]> {
    return serviceZones(ctx, districtId);
  }

  @Authorized()
  @Query(() => ServiceBaseline, { nullable: true, description: 'A district’s figures before the reform. 改革前基数' })
  serviceBaseline(@Arg('districtId', () => ID, { description: 'The district' }) districtId: string, @Ctx() ctx: Context): Promise<ServiceBaseline | null> {
    return serviceBaseline(ctx, districtId);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => ServiceItem, { description: 'Adds an item to a district’s catalogue. 新增事项' })
  createServiceItem(
    @Arg('districtId', () => ID, { description: 'The district' }) districtIdArg: string,
    @Arg('input', { description: 'The item' }) input: ServiceItemInput,
    @Ctx() ctx: Context,
  ): Promise<ServiceItem> {
    return createServiceItem(ctx, districtIdArg, input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => ServiceItem, { description: 'Changes an item; refused with CONFLICT when someone changed it since you read it. 修改事项' })
  updateServiceItem(
    @Arg('id', () => ID, { description: 'The item' }) id: string,
    @Arg('expectedVersion', () => Int, { description: 'The version you read' }) expectedVersion: number,
    @Arg('input', { description: 'All of its fields' }) input: ServiceItemInput,
    @Ctx() ctx: Context,
  ): Promise<ServiceItem> {
    return updateServiceItem(ctx, id, expectedVersion, input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => ServiceZone, { description: 'Adds or renames a zone of a district’s hall, with its windows. 保存功能区' })
  saveServiceZone(
    @Arg('districtId', () => ID, { description: 'The district' }) districtIdArg: string,
    @Arg('id', () => ID, { nullable: true, description: 'The zone to change; none to add one' }) idArg: string | null,
    @Arg('name', { description: 'Zone name' }) name: string,
    @Arg('windows', () => [ServiceWindowInput], { description: 'Its windows (replacing the ones it had)' }) windows: ServiceWindowInput[],
    @Ctx() ctx: Context,
  ): Promise<ServiceZone> {
    return saveServiceZone(ctx, districtIdArg, idArg, name, windows);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => ServiceBaseline, { description: 'Records the district’s windows before the reform. 设置改革前基数' })
  setServiceBaseline(
    @Arg('districtId', () => ID, { description: 'The district' }) districtIdArg: string,
    @Arg('takenOn', () => LocalDateScalar, { description: 'Date of the baseline' }) takenOn: string,
    @Arg('windowsBefore', () => Int, { description: 'Windows before the reform' }) windowsBefore: number,
    @Ctx() ctx: Context,
  ): Promise<ServiceBaseline> {
    return setServiceBaseline(ctx, districtIdArg, takenOn, windowsBefore);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => ImportResult, { description: 'Imports a district’s catalogue from an uploaded .xlsx: dry run first, then commit (all or nothing); updates by implementation code. 导入事项' })
  importServiceItems(
    @Arg('districtId', () => ID, { description: 'The district' }) districtId: string,
    @Arg('fileId', () => ID, { description: 'The uploaded workbook' }) fileId: string,
    @Arg('dryRun', { description: 'Only check, write nothing' }) dryRun: boolean,
    @Ctx() ctx: Context,
  ): Promise<ImportResult> {
    return importServiceItems(ctx, parseId(districtId, 'districtId'), fileId, dryRun);
  }

  @FieldResolver(() => Area, { description: 'The district whose catalogue it is. 区县' })
  district(@Root() item: ServiceItem, @Ctx() ctx: Context): Area {
    return ctx.areas.get(item.districtId)!;
  }

  @FieldResolver(() => ServiceZone, { nullable: true, description: 'The zone that accepts it. 受理功能区' })
  zone(@Root() item: ServiceItem, @Ctx() ctx: Context): Promise<ServiceZone | null> {
    return zoneOf(ctx, item.zoneId);
  }

  @FieldResolver(() => [ComplianceViolationType], { description: 'The compliance rules it breaks, with reasons. 违规情况' })
  violations(@Root() item: ServiceItem): ComplianceViolationType[] {
    return violationsOf(item).map((v) => ({ rule: v.code, message: v.message }));
  }
}

@Resolver(() => ServiceZone)
export class ServiceZonesResolver {
  @FieldResolver(() => [ServiceWindow], { description: 'Its windows. 窗口' })
  windows(@Root() zone: ServiceZone, @Ctx() ctx: Context): Promise<ServiceWindow[]> {
    return loader(ctx, windowsByZoneLoader).load(zone.id);
  }

  @FieldResolver(() => Int, { description: 'Items in use accepted here. 受理事项数' })
  itemCount(@Root() zone: ServiceZone, @Ctx() ctx: Context): Promise<number> {
    return loader(ctx, itemCountByZoneLoader).load(zone.id);
  }
}
