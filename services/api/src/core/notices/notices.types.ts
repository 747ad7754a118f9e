import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Connection } from '../pagination';
import { Notice, NoticeAttempt, NoticeChannel, NoticeDelivery } from './notice.entity';
import { NoticeKind } from './notice.types';

export const NoticeConnection = Connection(Notice, 'Notice');
export const NoticeDeliveryConnection = Connection(NoticeDelivery, 'NoticeDelivery');

@ObjectType({ description: 'Which of one kind of notice the signed-in user gets. 提醒偏好' })
export class NoticePreferenceView {
  @Field(() => NoticeKind, { description: 'The kind of notice. 提醒类型' })
  kind!: NoticeKind;

  @Field({ description: 'The kind in Chinese. 名称' })
  label!: string;

  @Field({ description: 'Gets it at all (the inbox and the bell). 站内提醒' })
  inbox!: boolean;

  @Field({ description: 'Also through the outbound channels (SMS, 企业微信, 钉钉). 外发' })
  outbound!: boolean;
}

@ObjectType({ description: 'How an outbound channel is doing. 外发渠道统计' })
export class NoticeChannelCounts {
  @Field(() => Int, { description: 'Deliveries waiting for a try. 待发送' })
  pending!: number;

  @Field(() => Int, { description: 'Deliveries the gateway accepted. 已送达' })
  sent!: number;

  @Field(() => Int, { description: 'Deliveries dead-lettered. 死信' })
  dead!: number;
}

@ObjectType({ description: 'The notice a delivery carries, as the admin sees it. 外发内容' })
export class DeliveredNotice {
  @Field(() => ID, { description: 'Notice number. 编号' })
  id!: number;

  @Field(() => NoticeKind, { description: 'What it is about. 类型' })
  kind!: NoticeKind;

  @Field({ description: 'Its title. 标题' })
  title!: string;

  @Field({ description: 'Who it is for (display name). 接收人' })
  recipient!: string;
}

export type { NoticeAttempt, NoticeChannel };
