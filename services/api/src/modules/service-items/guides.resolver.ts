import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { Public } from '../../core/auth/policy';
import { Role } from '../../core/auth/user.entity';
import { loader, type Context } from '../../core/context';
import type { Page } from '../../core/pagination';
import { PublicServiceGuidesArgs, ServiceGuideInput } from './guides.inputs';
import { guideView, publicServiceGuide, publicServiceGuides, saveServiceGuide } from './guides.service';
import { PublicServiceItem, PublicServiceItemConnection, ServiceGuide } from './guides.types';
import { ServiceItem } from './service-item.entity';
import { bundlesByItemLoader, guideByItemLoader, windowsByZoneLoader, zoneOf } from './service-items.loaders';
import { PublicServiceBundleLink } from './bundles.types';
import { ServiceWindow, ServiceZone } from './service-zone.entity';

async function guideOfItem(ctx: Context, itemId: number): Promise<ServiceGuide | null> {
  const row = await loader(ctx, guideByItemLoader).load(itemId);
  return row ? guideView(row) : null;
}

@Resolver(() => ServiceItem)
export class ServiceGuidesResolver {
  @FieldResolver(() => ServiceGuide, {
    nullable: true,
    description: 'Its service guide, when written. 办事指南',
  })
  guide(@Root() item: ServiceItem, @Ctx() ctx: Context): Promise<ServiceGuide | null> {
    return guideOfItem(ctx, item.id);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => ServiceGuide, {
    description:
      'Writes an item’s whole service guide; the first save passes no version, later ones the version read (CONFLICT when it moved on). 保存办事指南',
  })
  saveServiceGuide(
    @Arg('itemId', () => ID, { description: 'The item' }) itemId: string,
    @Arg('expectedVersion', () => Int, {
      nullable: true,
      description: 'The guide’s version you read; none for a new guide',
    })
    expectedVersion: number | null,
    @Arg('input', { description: 'The whole guide' }) input: ServiceGuideInput,
    @Ctx() ctx: Context,
  ): Promise<ServiceGuide> {
    return saveServiceGuide(ctx, itemId, expectedVersion ?? null, input);
  }

  @Public('service guides are published for citizens (办事指南公开)')
  @Query(() => PublicServiceItemConnection, {
    description: 'Items in use with a service guide, for anyone; by district and text. 办事指南目录',
  })
  publicServiceGuides(
    @Args() args: PublicServiceGuidesArgs,
    @Ctx() ctx: Context,
  ): Promise<Page<PublicServiceItem>> {
    return publicServiceGuides(ctx, args);
  }

  @Public('service guides are published for citizens (办事指南公开)')
  @Query(() => PublicServiceItem, {
    description: 'One item in use with its service guide, for anyone. 办事指南',
  })
  publicServiceGuide(
    @Arg('itemId', () => ID, { description: 'The item' }) itemId: string,
    @Ctx() ctx: Context,
  ): Promise<PublicServiceItem> {
    return publicServiceGuide(ctx, itemId);
  }
}

@Resolver(() => PublicServiceItem)
export class PublicServiceItemResolver {
  @FieldResolver(() => String, { description: 'The district’s name. 区县' })
  districtName(@Root() item: PublicServiceItem, @Ctx() ctx: Context): string {
    return ctx.areas.get(item.districtId)?.name ?? '';
  }

  @FieldResolver(() => ServiceZone, {
    nullable: true,
    description: 'The zone of the hall that accepts it. 受理功能区',
  })
  zone(@Root() item: PublicServiceItem, @Ctx() ctx: Context): Promise<ServiceZone | null> {
    return zoneOf(ctx, item.zoneId);
  }

  @FieldResolver(() => [ServiceWindow], { description: 'The windows of that zone. 受理窗口' })
  async windows(@Root() item: PublicServiceItem, @Ctx() ctx: Context): Promise<ServiceWindow[]> {
    return item.zoneId === null ? [] : loader(ctx, windowsByZoneLoader).load(item.zoneId);
  }

  @FieldResolver(() => [PublicServiceBundleLink], {
    description: 'The "一件事" bundles it belongs to (open them with publicServiceBundle). 所属一件事',
  })
  bundles(@Root() item: PublicServiceItem, @Ctx() ctx: Context): Promise<PublicServiceBundleLink[]> {
    return loader(ctx, bundlesByItemLoader).load(item.id);
  }

  @FieldResolver(() => ServiceGuide, { description: 'The service guide. 办事指南' })
  async guide(@Root() item: PublicServiceItem, @Ctx() ctx: Context): Promise<ServiceGuide> {
    return (await guideOfItem(ctx, item.id))!;
  }
}
