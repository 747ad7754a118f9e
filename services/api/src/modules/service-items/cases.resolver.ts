import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { parseId } from '../../core/ids';
import { ImportResult } from '../../core/xlsx';
import { importServiceCases } from './cases.import';
import { Role } from '../../core/auth/user.entity';
import { loader, type Context } from '../../core/context';
import type { Page } from '../../core/pagination';
import { Area } from '../../core/areas/area.entity';
import { ServiceCaseFiguresArgs, ServiceCaseInput, ServiceCasesArgs } from './cases.inputs';
import { listServiceCases, recordServiceCase, serviceCaseFigures } from './cases.service';
import {
  ServiceCaseConnection,
  ServiceCaseFigures,
  ServiceCaseType,
  type CaseFigureRow,
} from './cases.types';
import { ServiceItem } from './service-item.entity';
import { itemLoader, ratingByCaseLoader, windowOf, zoneOf } from './service-items.loaders';
import { ratingView } from './ratings.service';
import { ServiceRatingType } from './ratings.types';
import { ServiceWindow, ServiceZone } from './service-zone.entity';

@Resolver(() => ServiceCaseType)
export class ServiceCasesResolver {
  @Authorized()
  @Query(() => ServiceCaseConnection, {
    description: 'Cases of service items in your scope, newest first. 办件',
  })
  serviceCases(@Args() args: ServiceCasesArgs, @Ctx() ctx: Context): Promise<Page<ServiceCaseType>> {
    return listServiceCases(ctx, args);
  }

  @Authorized()
  @Query(() => [ServiceCaseFigures], {
    description:
      'Measured case figures per item, zone or district, computed by the database; rates only from the minimum sample up. By district every district in reach has a row, 0 cases where none was recorded. 办件指标',
  })
  serviceCaseFigures(@Args() args: ServiceCaseFiguresArgs, @Ctx() ctx: Context): Promise<CaseFigureRow[]> {
    return serviceCaseFigures(ctx, args);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => ServiceCaseType, {
    description: 'Records a case of an item; its handling time is counted in working days. 办件录入',
  })
  recordServiceCase(
    @Arg('input', { description: 'The case' }) input: ServiceCaseInput,
    @Ctx() ctx: Context,
  ): Promise<ServiceCaseType> {
    return recordServiceCase(ctx, input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => ImportResult, {
    description:
      'Imports cases from the window system’s export (.xlsx or CSV): dry run first, then commit (all or nothing); updates by case number. 导入办件',
  })
  importServiceCases(
    @Arg('districtId', () => ID, { description: 'The district' }) districtId: string,
    @Arg('fileId', () => ID, { description: 'The uploaded workbook or CSV file' }) fileId: string,
    @Arg('dryRun', { description: 'Only check, write nothing' }) dryRun: boolean,
    @Ctx() ctx: Context,
  ): Promise<ImportResult> {
    return importServiceCases(ctx, parseId(districtId, 'districtId'), fileId, dryRun);
  }

  @FieldResolver(() => ServiceItem, { nullable: true, description: 'The item. 事项' })
  item(@Root() c: ServiceCaseType, @Ctx() ctx: Context): Promise<ServiceItem | null> {
    return loader(ctx, itemLoader).load(c.itemId);
  }

  @FieldResolver(() => ServiceWindow, { nullable: true, description: 'The window that accepted it. 受理窗口' })
  window(@Root() c: ServiceCaseType, @Ctx() ctx: Context): Promise<ServiceWindow | null> {
    return windowOf(ctx, c.windowId);
  }

  @FieldResolver(() => ServiceRatingType, {
    nullable: true,
    description: 'Its 好差评 rating, once a link was issued (score null until rated). 好差评',
  })
  async rating(@Root() c: ServiceCaseType, @Ctx() ctx: Context): Promise<ServiceRatingType | null> {
    const row = await loader(ctx, ratingByCaseLoader).load(c.id);
    return row ? ratingView(row) : null;
  }
}

@Resolver(() => ServiceCaseFigures)
export class ServiceCaseFiguresResolver {
  @FieldResolver(() => ServiceItem, { nullable: true, description: 'The item, when grouped by item. 事项' })
  item(@Root() row: CaseFigureRow, @Ctx() ctx: Context): Promise<ServiceItem | null> | null {
    return row.itemId === null ? null : loader(ctx, itemLoader).load(row.itemId);
  }

  @FieldResolver(() => ServiceZone, { nullable: true, description: 'The zone, when grouped by zone. 功能区' })
  zone(@Root() row: CaseFigureRow, @Ctx() ctx: Context): Promise<ServiceZone | null> {
    return zoneOf(ctx, row.zoneId);
  }

  @FieldResolver(() => Area, { nullable: true, description: 'The district, when grouped by district. 区县' })
  district(@Root() row: CaseFigureRow, @Ctx() ctx: Context): Area | null {
    return row.districtId === null ? null : (ctx.areas.get(row.districtId) ?? null);
  }
}
