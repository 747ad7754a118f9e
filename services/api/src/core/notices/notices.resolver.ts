import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import type { Page } from '../pagination';
import { Role } from '../auth/user.entity';
import { Notice, NoticeAttempt, NoticeChannel, NoticeDelivery } from './notice.entity';
import { MyNoticesArgs, NoticeChannelInput, NoticeDeliveriesArgs, NoticePreferenceInput } from './notices.inputs';
import {
  channelCounts,
  deliveredNotice,
  deliveryAttempts,
  deliveryChannelName,
  markNoticesRead,
  myNoticePreferences,
  myNotices,
  noticeChannels,
  noticeDeliveries,
  retryNoticeDelivery,
  saveNoticeChannel,
  setNoticePreferences,
  unreadNoticeCount,
} from './notices.service';
import { DeliveredNotice, NoticeChannelCounts, NoticeConnection, NoticeDeliveryConnection, NoticePreferenceView } from './notices.types';

@Resolver(() => Notice)
export class NoticesResolver {
  @Authorized()
  @Query(() => NoticeConnection, { description: 'The signed-in user’s reminders and to-dos, newest first. 我的提醒' })
  myNotices(@Args() args: MyNoticesArgs, @Ctx() ctx: Context): Promise<Page<Notice>> {
    return myNotices(ctx, args);
  }

  @Authorized()
  @Query(() => Int, { description: 'How many of the signed-in user’s notices are unread (the bell). 未读提醒数' })
  unreadNoticeCount(@Ctx() ctx: Context): Promise<number> {
    return unreadNoticeCount(ctx);
  }

  @Authorized()
  @Mutation(() => Int, { description: 'Marks the signed-in user’s notices read: the ids given, or all when none are given; answers how many changed. 标为已读' })
  markNoticesRead(@Arg('ids', () => [ID], { nullable: true, description: 'The notices to mark; none: all of them. 提醒编号' }) ids: string[] | null, @Ctx() ctx: Context): Promise<number> {
    return markNoticesRead(ctx, ids);
  }

  @Authorized()
  @Query(() => [NoticePreferenceView], { description: 'Which kinds of notice the signed-in user gets. 提醒偏好' })
  myNoticePreferences(@Ctx() ctx: Context): Promise<NoticePreferenceView[]> {
    return myNoticePreferences(ctx);
  }

  @Authorized()
  @Mutation(() => [NoticePreferenceView], { description: 'Chooses which kinds of notice the signed-in user gets. 设置提醒偏好' })
  setNoticePreferences(@Arg('input', () => [NoticePreferenceInput], { description: 'One choice per kind. 偏好' }) input: NoticePreferenceInput[], @Ctx() ctx: Context): Promise<NoticePreferenceView[]> {
    return setNoticePreferences(ctx, input);
  }
}

@Resolver(() => NoticeChannel)
export class NoticeChannelsResolver {
  @Authorized(Role.ADMIN)
  @Query(() => [NoticeChannel], { description: 'The outbound webhook channels of the admin’s area and below. 外发渠道' })
  noticeChannels(@Ctx() ctx: Context): Promise<NoticeChannel[]> {
    return noticeChannels(ctx);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => NoticeChannel, { description: 'Creates or changes an outbound webhook channel (SMS, 企业微信, 钉钉 gateway). 保存外发渠道' })
  saveNoticeChannel(@Arg('input', () => NoticeChannelInput, { description: 'The channel. 渠道' }) input: NoticeChannelInput, @Ctx() ctx: Context): Promise<NoticeChannel> {
    return saveNoticeChannel(ctx, input);
  }

  @FieldResolver(() => Boolean, { description: 'Whether a signing secret is set (the secret itself is never answered). 已设置密钥' })
  hasSecret(@Root() channel: NoticeChannel): boolean {
    return !!channel.secret;
  }

  @FieldResolver(() => NoticeChannelCounts, { description: 'Its deliveries by state. 外发统计' })
  counts(@Root() channel: NoticeChannel, @Ctx() ctx: Context): Promise<NoticeChannelCounts> {
    return channelCounts(ctx, channel);
  }
}

@Resolver(() => NoticeDelivery)
export class NoticeDeliveriesResolver {
  @Authorized(Role.ADMIN)
  @Query(() => NoticeDeliveryConnection, { description: 'Outbound deliveries of the admin’s channels with every try, newest first; status DEAD lists the dead letters. 外发记录' })
  noticeDeliveries(@Args() args: NoticeDeliveriesArgs, @Ctx() ctx: Context): Promise<Page<NoticeDelivery>> {
    return noticeDeliveries(ctx, args);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => NoticeDelivery, { description: 'Queues a dead letter for another round of tries. 重新发送' })
  retryNoticeDelivery(@Arg('id', () => ID, { description: 'The dead delivery. 外发编号' }) id: string, @Ctx() ctx: Context): Promise<NoticeDelivery> {
    return retryNoticeDelivery(ctx, id);
  }

  @FieldResolver(() => [NoticeAttempt], { description: 'Every try, first to last. 尝试记录' })
  attemptLog(@Root() delivery: NoticeDelivery, @Ctx() ctx: Context): Promise<NoticeAttempt[]> {
    return deliveryAttempts(ctx, delivery);
  }

  @FieldResolver(() => DeliveredNotice, { nullable: true, description: 'The notice it carries. 提醒' })
  notice(@Root() delivery: NoticeDelivery, @Ctx() ctx: Context): Promise<DeliveredNotice | null> {
    return deliveredNotice(ctx, delivery);
  }

  @FieldResolver(() => String, { description: 'The channel’s name. 渠道' })
  channelName(@Root() delivery: NoticeDelivery, @Ctx() ctx: Context): Promise<string> {
    return deliveryChannelName(ctx, delivery);
  }
}
