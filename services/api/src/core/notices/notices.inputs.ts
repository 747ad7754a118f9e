import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { PageArgsType } from '../pagination';
import { DeliveryStatus, NoticeChannelKind, NoticeKind } from './notice.types';

@ArgsType()
export class MyNoticesArgs extends PageArgsType {
  @Field(() => Boolean, { nullable: true, description: 'Only the unread ones. 仅未读' })
  unreadOnly?: boolean | null;
}

@ArgsType()
export class NoticeDeliveriesArgs extends PageArgsType {
  @Field(() => ID, { nullable: true, description: 'Only this channel’s deliveries. 渠道' })
  channelId?: string | null;

  @Field(() => DeliveryStatus, { nullable: true, description: 'Only deliveries in this state (DEAD: the dead letters). 状态' })
  status?: DeliveryStatus | null;
}

@InputType({ description: 'An outbound channel to create or change. 外发渠道' })
export class NoticeChannelInput {
  @Field(() => ID, { nullable: true, description: 'The channel to change; none: a new one. 编号' })
  id?: string | null;

  @Field(() => NoticeChannelKind, { description: 'The gateway it posts to. 类型' })
  kind!: NoticeChannelKind;

  @Field({ description: 'Its name in the admin. 名称' })
  name!: string;

  @Field({ description: 'The gateway URL (http or https). 网关地址' })
  url!: string;

  @Field(() => String, { nullable: true, description: 'The signing secret (at least 16 characters); leave empty to keep the current one. 签名密钥' })
  secret?: string | null;

  @Field({ description: 'Whether new notices go to it. 启用' })
  enabled!: boolean;

  @Field(() => Int, { nullable: true, description: 'Tries before a delivery is dead-lettered (1–20, default 6). 最多尝试次数' })
  maxAttempts?: number | null;
}

@InputType({ description: 'Which of one kind of notice the user gets. 提醒偏好' })
export class NoticePreferenceInput {
  @Field(() => NoticeKind, { description: 'The kind of notice. 提醒类型' })
  kind!: NoticeKind;

  @Field({ description: 'Gets it at all (the inbox and the bell). 站内提醒' })
  inbox!: boolean;

  @Field({ description: 'Also through the outbound channels. 外发' })
  outbound!: boolean;
}
