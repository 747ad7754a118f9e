import { Arg, Authorized, Ctx, Extensions, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { BundleFigures } from '@kpd/domain';
import { Public } from '../../core/auth/policy';
import { Role } from '../../core/auth/user.entity';
import type { Context } from '../../core/context';
import { Area } from '../../core/areas/area.entity';
import { ServiceBundleInput } from './bundles.inputs';
import { bundleItems, figuresOfBundle, listBundles, partsOf, publicServiceBundle, saveBundle } from './bundles.service';
import { PublicServiceBundle, ServiceBundleFigures, ServiceBundleItemType, ServiceBundlePart, ServiceBundleType } from './bundles.types';

@Resolver(() => ServiceBundleType)
export class ServiceBundlesResolver {
  @Authorized()
  @Query(() => [ServiceBundleType], { description: '"一件事" bundles of the districts in your scope. 一件事' })
  serviceBundles(
    @Arg('areaId', () => ID, { nullable: true, description: 'Of this area (a district or a city)' }) areaId: string | null,
    @Ctx() ctx: Context,
  ): Promise<ServiceBundleType[]> {
    return listBundles(ctx, areaId ?? null);
  }

  @Public('一件事 bundles are published for citizens, like the service guides (一件事办事指南公开)')
  @Query(() => PublicServiceBundle, {
    description: 'One bundle for anyone: its items by stage, the one window, the merged materials and what it saves. 一件事（公开）',
  })
  publicServiceBundle(
    @Arg('id', () => ID, { description: 'The bundle' }) id: string,
    @Ctx() ctx: Context,
  ): Promise<PublicServiceBundle> {
    return publicServiceBundle(ctx, id);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => ServiceBundleType, {
    description:
      'Adds a bundle (no id) or replaces one whole (its id and the version read); the combined limit must keep to the cap. 保存一件事',
  })
  saveServiceBundle(
    @Arg('districtId', () => ID, { description: 'The district' }) districtId: string,
    @Arg('id', () => ID, { nullable: true, description: 'The bundle to replace; none to add one' }) id: string | null,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'The version read; none for a new bundle' })
    expectedVersion: number | null,
    @Arg('input', { description: 'The whole bundle' }) input: ServiceBundleInput,
    @Ctx() ctx: Context,
  ): Promise<ServiceBundleType> {
    return saveBundle(ctx, districtId, id ?? null, expectedVersion ?? null, input);
  }

  @FieldResolver(() => [ServiceBundleItemType], { description: 'Its items, by stage. 事项' })
  items(@Root() b: ServiceBundleType, @Ctx() ctx: Context): Promise<ServiceBundleItemType[]> {
    return bundleItems(ctx, b.id);
  }

  @Extensions({ listSize: 6 })
  @FieldResolver(() => [ServiceBundlePart], {
    description: 'Its parts outside the district’s catalogue (tax office, seal filing, provident fund, bank). 进驻事项',
  })
  parts(@Root() b: ServiceBundleType): ServiceBundlePart[] {
    return partsOf(b).map((p) => ({ ...p, materials: [...p.materials] }));
  }

  @FieldResolver(() => ServiceBundleFigures, { description: 'Materials, visits and days against one by one. 减材料、减跑动、减时限' })
  figures(@Root() b: ServiceBundleType, @Ctx() ctx: Context): Promise<BundleFigures> {
    return figuresOfBundle(ctx, b);
  }

  @FieldResolver(() => Area, { nullable: true, description: 'The district. 区县' })
  district(@Root() b: ServiceBundleType, @Ctx() ctx: Context): Area | null {
    return ctx.areas.get(b.districtId) ?? null;
  }
}
