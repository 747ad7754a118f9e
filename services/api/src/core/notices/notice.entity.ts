import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { encrypted } from '../crypto/field-encryption';
import { DeliveryStatus, NoticeChannelKind, NoticeKind } from './notice.types';

/**
 * One notice to one user: the outbox row, written in the same transaction as the event that causes
 * it, and the user's inbox entry. The delivery worker fans it out to the outbound channels once
 * (`dispatchedAt`), claiming it with a lease so that several processes never fan out twice.
 *
 * A notice to a responsible unit of the directory (a problem's owner unit, which has no account)
 * has no user: `userId` is null and `unitId` names the unit. It is in nobody's inbox (the inbox
 * asks for `user_id = <the viewer>`, which a null never equals) and goes out through the outbound
 * channels only. Exactly one of the two is set.
 */
@ObjectType({ description: 'A reminder or to-do addressed to one user. 提醒' })
@Entity('notices')
@Index(['userId', 'createdAt'])
@Index(['userId', 'readAt'])
@Index(['dispatchedAt', 'leaseUntil'])
export class Notice {
  @Field(() => ID, { description: 'Notice number. 编号' })
  @PrimaryGeneratedColumn()
  id!: number;

  /** The user whose inbox holds it; null for a notice to a responsible unit. */
  @Column({ type: 'int', nullable: true })
  userId!: number | null;

  /** The responsible unit (`responsible_units`) it is addressed to instead of a user; null for a user's notice. */
  @Column({ type: 'int', nullable: true })
  unitId!: number | null;

  @Field(() => NoticeKind, { description: 'What the notice is about. 类型' })
  @Column({ type: 'varchar', length: 32 })
  kind!: NoticeKind;

  @Field({ description: 'One line naming the record. 标题' })
  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Field({ description: 'What is due or what happened, and why. 内容' })
  @Column({ type: 'varchar', length: 1000 })
  body!: string;

  @Field({ description: 'The kind of record it names: Project, MonthlyReport, Problem, LightCorrection, MonthClose, Session… 对象类型' })
  @Column({ type: 'varchar', length: 32 })
  recordType!: string;

  @Field({ description: 'The id of the record it names. 对象编号' })
  @Column({ type: 'varchar', length: 64 })
  recordId!: string;

  @Field({ description: 'The admin path of the form that deals with it, e.g. /projects?open=12&report=2020-09. 办理链接' })
  @Column({ type: 'varchar', length: 300 })
  link!: string;

  @Column({ type: 'int', nullable: true })
  areaId!: number | null;

  /** user:kind:record:day (unit<id>:kind:record:day for a unit) for scheduled reminders (one a day at most); null for an event's notice. */
  @Column({ type: 'varchar', length: 160, nullable: true, unique: true })
  dedupeKey!: string | null;

  @Field({ description: 'When it was written. 时间' })
  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the user marked it read; null: unread. 已读时间' })
  @Column({ type: 'datetime', nullable: true })
  readAt!: Date | null;

  /** When the worker fanned it out to the outbound channels; null: still in the outbox. */
  @Column({ type: 'datetime', nullable: true })
  dispatchedAt!: Date | null;

  /** Whether the user takes this kind outbound too (their preference when it was written). */
  @Column({ type: 'boolean', default: true })
  outbound!: boolean;

  @Column({ type: 'varchar', length: 64, nullable: true })
  leaseOwner!: string | null;

  @Column({ type: 'datetime', nullable: true })
  leaseUntil!: Date | null;
}

/** A user's choice for one kind of notice; no row means both on. */
@Entity('notice_preferences')
export class NoticePreference {
  @PrimaryColumn({ type: 'int' })
  userId!: number;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  kind!: NoticeKind;

  /** Gets this kind at all (inbox). */
  @Column({ type: 'boolean', default: true })
  inbox!: boolean;

  /** Also through the outbound channels (SMS, 企业微信, 钉钉). */
  @Column({ type: 'boolean', default: true })
  outbound!: boolean;
}

/** An outbound channel an admin configures: a gateway URL and the secret its posts are signed with. */
@ObjectType({ description: 'An outbound webhook channel (SMS, WeCom or DingTalk gateway). 外发渠道' })
@Entity('notice_channels')
@Index(['areaId'])
export class NoticeChannel {
  @Field(() => ID, { description: 'Channel number. 编号' })
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => NoticeChannelKind, { description: 'The gateway it posts to. 类型' })
  @Column({ type: 'varchar', length: 16 })
  kind!: NoticeChannelKind;

  @Field({ description: 'Its name in the admin. 名称' })
  @Column({ type: 'varchar', length: 64 })
  name!: string;

  @Field({ description: 'The gateway URL notices are POSTed to. 网关地址' })
  @Column({ type: 'varchar', length: 500 })
  url!: string;

  /** The HMAC-SHA256 key of the signature header (up to 128 characters), encrypted at rest; never answered by the API. */
  @Column({ type: 'varchar', length: 512, transformer: encrypted({ table: 'notice_channels', column: 'secret', property: 'secret' }) })
  secret!: string;

  @Field({ description: 'Whether new notices go to it. 启用' })
  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  @Field(() => Int, { description: 'Tries before a delivery is dead-lettered. 最多尝试次数' })
  @Column({ type: 'int' })
  maxAttempts!: number;

  /** The area whose users' notices it carries (the area of the admin who made it). */
  @Column({ type: 'int' })
  areaId!: number;

  @Field({ description: 'Who configured it. 配置人' })
  @Column({ type: 'varchar', length: 64 })
  createdBy!: string;

  @Field({ description: 'When it was configured. 配置时间' })
  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt!: Date;
}

/** One notice to one channel: tried until the gateway accepts it or the tries run out. */
@ObjectType({ description: 'One notice posted to one outbound channel. 外发记录' })
@Entity('notice_deliveries')
@Index(['status', 'nextAttemptAt'])
@Index(['channelId', 'status'])
@Index(['noticeId', 'channelId'], { unique: true })
export class NoticeDelivery {
  @Field(() => ID, { description: 'Delivery number; sent as X-KPD-Delivery so a gateway can drop a repeat. 编号' })
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  noticeId!: number;

  @Column({ type: 'int' })
  channelId!: number;

  @Field(() => DeliveryStatus, { description: 'Where it stands. 状态' })
  @Column({ type: 'varchar', length: 8 })
  status!: DeliveryStatus;

  @Field(() => Int, { description: 'Tries made. 已尝试次数' })
  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Field({ description: 'When the next try is due. 下次尝试时间' })
  @Column({ type: 'datetime' })
  nextAttemptAt!: Date;

  @Field(() => String, { nullable: true, description: 'What went wrong on the last try. 最近错误' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  lastError!: string | null;

  @Field(() => Date, { nullable: true, description: 'When the gateway accepted it. 送达时间' })
  @Column({ type: 'datetime', nullable: true })
  deliveredAt!: Date | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  leaseOwner!: string | null;

  @Column({ type: 'datetime', nullable: true })
  leaseUntil!: Date | null;

  @Field({ description: 'When it was queued. 创建时间' })
  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date;
}

/** One try of a delivery, kept for the admin. */
@ObjectType({ description: 'One try of an outbound delivery. 外发尝试' })
@Entity('notice_attempts')
@Index(['deliveryId'])
export class NoticeAttempt {
  @Field(() => ID, { description: 'Try number. 编号' })
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  deliveryId!: number;

  @Field(() => Int, { description: 'Which try of the delivery (1, 2, …). 第几次' })
  @Column({ type: 'int' })
  attempt!: number;

  @Field({ description: 'When it was made. 时间' })
  @Column({ type: 'datetime' })
  at!: Date;

  @Field(() => Int, { nullable: true, description: 'The HTTP status the gateway answered; null: no answer. 响应码' })
  @Column({ type: 'int', nullable: true })
  httpStatus!: number | null;

  @Field({ description: 'Whether the gateway accepted it. 成功' })
  @Column({ type: 'boolean' })
  ok!: boolean;

  @Field(() => String, { nullable: true, description: 'The error, when it failed. 错误' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  error!: string | null;

  @Field(() => Int, { description: 'How long it took, in milliseconds. 耗时（毫秒）' })
  @Column({ type: 'int' })
  durationMs!: number;
}
