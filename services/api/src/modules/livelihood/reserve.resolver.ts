import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Public } from '../../core/auth/policy';
import { Role } from '../../core/auth/user.entity';
import { NotFoundError } from '../../core/errors';
import { parseId } from '../../core/ids';
import type { Context } from '../../core/context';
import { Area } from '../../core/areas/area.entity';
import { formatQuantity } from './quantity';
import { ReserveItem, ReserveStatus } from './reserve.entity';
import * as reserve from './reserve.service';
import { VoteSession } from './session.entity';

@Resolver(() => ReserveItem)
export class ReserveItemResolver {
  @Public('the reserve library publishes the votes and reasons of what was not chosen')
  @Query(() => [ReserveItem], { description: 'The reserve library (项目储备库) of a city’s, county’s or township’s congress, newest first; public. 项目储备库' })
  livelihoodReserve(
    @Arg('areaId', () => ID, { description: 'The congress’s area' }) areaId: string,
    @Arg('status', () => ReserveStatus, { nullable: true, description: 'Only items in this state. 状态' }) status: ReserveStatus | null,
    @Ctx() ctx: Context,
  ): Promise<ReserveItem[]> {
    return reserve.reserveOf(ctx, parseId(areaId, 'areaId'), status ?? null);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => ReserveItem, { description: 'Takes an item out of the reserve library with a published reason (admins of its congress). 储备项目出库' })
  withdrawLivelihoodReserveItem(
    @Arg('id', () => ID, { description: 'Reserve item id' }) id: string,
    @Arg('reason', { description: 'Why, published. 出库理由' }) reason: string,
    @Ctx() ctx: Context,
  ): Promise<ReserveItem> {
    return reserve.withdrawReserveItem(ctx, parseId(id, 'id'), reason);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Target quantity as a decimal string. 目标数量' })
  targetQuantity(@Root() r: ReserveItem): string | null {
    return r.targetQuantity === null ? null : formatQuantity(r.targetQuantity);
  }

  @FieldResolver(() => [ID], { description: 'Ids of the proposals behind it. 来源建议' })
  proposalIds(@Root() r: ReserveItem): string[] {
    return r.proposalIds ? r.proposalIds.split(',') : [];
  }

  @FieldResolver(() => Area, { description: 'The congress’s area. 行政区' })
  area(@Root() r: ReserveItem, @Ctx() ctx: Context): Area {
    const a = ctx.areas.get(r.areaId);
    if (!a) throw new NotFoundError('Area', r.areaId);
    return a;
  }

  @FieldResolver(() => VoteSession, { nullable: true, description: 'The session whose decision put it in the reserve. 入库会议' })
  fromSession(@Root() r: ReserveItem, @Ctx() ctx: Context): Promise<VoteSession | null> {
    return reserve.sessionOf(ctx, r.fromSessionId);
  }

  @FieldResolver(() => VoteSession, { nullable: true, description: 'The session whose candidate list drew it (DRAWN). 列入会议' })
  drawnIntoSession(@Root() r: ReserveItem, @Ctx() ctx: Context): Promise<VoteSession | null> {
    return reserve.sessionOf(ctx, r.drawnIntoSessionId);
  }

  @FieldResolver(() => [ReserveItem], { description: 'Its earlier times in the reserve, oldest first (a candidate drawn from the reserve that lost again). 历史' })
  history(@Root() r: ReserveItem, @Ctx() ctx: Context): Promise<ReserveItem[]> {
    return reserve.historyOf(ctx, r);
  }
}
