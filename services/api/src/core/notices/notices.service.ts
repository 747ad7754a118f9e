import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { canAdminister, requireThat, signedIn } from '../auth/policy';
import { User } from '../auth/user.entity';
import { loader, type Context } from '../context';
import { NotFoundError, UserInputError } from '../errors';
import { parseId, parseOptionalId } from '../ids';
import { paginate, type Page } from '../pagination';
import { mutate } from '../transaction';
import { Notice, NoticeAttempt, NoticeChannel, NoticeDelivery, NoticePreference } from './notice.entity';
import { ResponsibleUnit } from './responsible-unit.entity';
import { DeliveryStatus, NOTICE_KIND_LABELS, NoticeKind } from './notice.types';
import type { MyNoticesArgs, NoticeChannelInput, NoticeDeliveriesArgs, NoticePreferenceInput } from './notices.inputs';
import type { DeliveredNotice, NoticeChannelCounts, NoticePreferenceView } from './notices.types';

/** The person asking (an API token has no inbox: its id is negative). */
function me(ctx: Context): number | null {
  const viewer = signedIn(ctx.viewer);
  return viewer.userId > 0 && viewer.sessionKind !== 'API' ? viewer.userId : null;
}

/** The signed-in user's notices, newest first. */
export async function myNotices(ctx: Context, args: MyNoticesArgs): Promise<Page<Notice>> {
  const userId = me(ctx) ?? 0;
  // A unit's notice has no user (user_id NULL), so it is in nobody's inbox.
  const qb = ctx.db.getRepository(Notice).createQueryBuilder('n').where('n.userId = :userId', { userId });
  if (args.unreadOnly) qb.andWhere('n.readAt IS NULL');
  return paginate(qb, [{ expression: 'n.id', property: 'id', direction: 'DESC' }], args);
}

/** How many of the signed-in user's notices are unread: the bell's number. */
export async function unreadNoticeCount(ctx: Context): Promise<number> {
  const userId = me(ctx);
  if (userId === null) return 0;
  return ctx.db.getRepository(Notice).createQueryBuilder('n').where('n.userId = :userId AND n.readAt IS NULL', { userId }).getCount();
}

/** Marks the user's own notices read (the ids given, or all of them); answers how many changed. */
export async function markNoticesRead(ctx: Context, ids: string[] | null | undefined): Promise<number> {
  const userId = me(ctx);
  if (userId === null) throw new UserInputError('ids', 'API 令牌没有站内提醒');
  const parsed = ids ? ids.map((id, i) => parseId(id, `ids[${i}]`)) : null;
  if (parsed && parsed.length === 0) return 0;
  return mutate(ctx, async (tx) => {
    const qb = tx.em.createQueryBuilder().update(Notice).set({ readAt: new Date() }).where('user_id = :userId AND read_at IS NULL', { userId });
    if (parsed) qb.andWhere('id IN (:...ids)', { ids: parsed });
    const changed = (await qb.execute()).affected ?? 0;
    if (changed === 0) {
      tx.unchanged();
      return 0;
    }
    await tx.audit({ action: 'notice.read', entityType: 'Notice', entityId: parsed ? parsed.join(',').slice(0, 64) : 'all', after: { read: changed } });
    return changed;
  });
}

const KINDS = Object.values(NoticeKind);

/** Every kind of notice with the user's choice (both on unless turned off). */
export async function myNoticePreferences(ctx: Context): Promise<NoticePreferenceView[]> {
  const userId = me(ctx) ?? 0;
  const rows = new Map((await ctx.db.getRepository(NoticePreference).findBy({ userId })).map((p) => [p.kind, p]));
  return KINDS.map((kind) => ({ kind, label: NOTICE_KIND_LABELS[kind], inbox: rows.get(kind)?.inbox ?? true, outbound: rows.get(kind)?.outbound ?? true }));
}

/** Saves the user's choices for the kinds given. */
export async function setNoticePreferences(ctx: Context, input: NoticePreferenceInput[]): Promise<NoticePreferenceView[]> {
  const userId = me(ctx);
  if (userId === null) throw new UserInputError('input', 'API 令牌没有提醒偏好');
  const seen = new Set<string>();
  input.forEach((p, i) => {
    if (seen.has(p.kind)) throw new UserInputError(`input[${i}].kind`, '同一提醒类型只能出现一次');
    seen.add(p.kind);
  });
  await mutate(ctx, async (tx) => {
    const before = await tx.em.findBy(NoticePreference, { userId });
    if (input.length) await tx.em.upsert(NoticePreference, input.map((p) => ({ userId, kind: p.kind, inbox: p.inbox, outbound: p.outbound })), ['userId', 'kind']);
    await tx.audit({ action: 'notice.preferences', entityType: 'User', entityId: userId, before, after: input });
  });
  return myNoticePreferences(ctx);
}

// ---- outbound channels (admins) ----

function channelAreaIds(ctx: Context): number[] | null {
  return signedIn(ctx.viewer).scope.areaIds();
}

/** The outbound channels configured in the admin's area and below it. */
export async function noticeChannels(ctx: Context): Promise<NoticeChannel[]> {
  const viewer = signedIn(ctx.viewer);
  requireThat(viewer, canAdminister(viewer, viewer.scope.root.id), 'Only admins configure outbound channels');
  const ids = channelAreaIds(ctx);
  const qb = ctx.db.getRepository(NoticeChannel).createQueryBuilder('c').orderBy('c.id', 'ASC');
  if (ids) qb.where('c.areaId IN (:...ids)', { ids });
  return qb.getMany();
}

async function channelInScope(ctx: Context, id: number): Promise<NoticeChannel> {
  const channel = await ctx.db.getRepository(NoticeChannel).findOneBy({ id });
  if (!channel || !ctx.viewer.scope?.contains(channel.areaId)) throw new NotFoundError('NoticeChannel', id);
  return channel;
}

function checkChannel(input: NoticeChannelInput, isNew: boolean) {
  const problems: { field: string; reason: string }[] = [];
  if (!input.name.trim()) problems.push({ field: 'input.name', reason: '请填写渠道名称' });
  if (input.name.trim().length > 64) problems.push({ field: 'input.name', reason: '渠道名称不超过 64 个字' });
  let url: URL | null = null;
  try {
    url = new URL(input.url.trim());
  } catch {
    url = null;
  }
  if (!url || !/^https?:$/.test(url.protocol) || input.url.trim().length > 500) problems.push({ field: 'input.url', reason: '网关地址须是 http:// 或 https:// 开头的完整网址（不超过 500 字符）' });
  const secret = input.secret ?? '';
  if ((isNew || secret) && (secret.length < 16 || secret.length > 128)) problems.push({ field: 'input.secret', reason: '签名密钥须为 16 到 128 个字符' });
  const max = input.maxAttempts ?? 6;
  if (!Number.isInteger(max) || max < 1 || max > 20) problems.push({ field: 'input.maxAttempts', reason: '最多尝试次数须在 1 到 20 之间' });
  if (problems.length) throw UserInputError.of(problems);
}

/** Creates or changes an outbound channel of the admin's area; the secret is never answered back. */
export async function saveNoticeChannel(ctx: Context, input: NoticeChannelInput): Promise<NoticeChannel> {
  const viewer = signedIn(ctx.viewer);
  const areaId = viewer.scope.root.id;
  requireThat(viewer, canAdminister(viewer, areaId), 'Only admins configure outbound channels');
  const id = parseOptionalId(input.id, 'input.id');
  const existing = id === null ? null : await channelInScope(ctx, id);
  checkChannel(input, existing === null);
  return mutate(ctx, async (tx) => {
    const values = {
      kind: input.kind,
      name: input.name.trim(),
      url: input.url.trim(),
      enabled: input.enabled,
      maxAttempts: input.maxAttempts ?? existing?.maxAttempts ?? 6,
      ...(input.secret ? { secret: input.secret } : {}),
    };
    const saved = existing
      ? await tx.em.save(NoticeChannel, { ...existing, ...values })
      : await tx.em.save(NoticeChannel, tx.em.create(NoticeChannel, { ...values, secret: input.secret!, areaId, createdBy: viewer.username ?? '' }));
    await tx.audit({ action: existing ? 'notice-channel.update' : 'notice-channel.create', entityType: 'NoticeChannel', entityId: saved.id, areaId, before: existing ?? undefined, after: saved });
    return saved;
  });
}

/** The deliveries of the channels in the admin's scope, newest first; status DEAD lists the dead letters. */
export async function noticeDeliveries(ctx: Context, args: NoticeDeliveriesArgs): Promise<Page<NoticeDelivery>> {
  const viewer = signedIn(ctx.viewer);
  requireThat(viewer, canAdminister(viewer, viewer.scope.root.id), 'Only admins read outbound deliveries');
  const qb = ctx.db.getRepository(NoticeDelivery).createQueryBuilder('d');
  const channelId = parseOptionalId(args.channelId, 'channelId');
  if (channelId !== null) {
    await channelInScope(ctx, channelId);
    qb.where('d.channelId = :channelId', { channelId });
  } else {
    const ids = (await noticeChannels(ctx)).map((c) => c.id);
    qb.where(ids.length ? 'd.channelId IN (:...ids)' : '1 = 0', { ids });
  }
  if (args.status) qb.andWhere('d.status = :status', { status: args.status });
  return paginate(qb, [{ expression: 'd.id', property: 'id', direction: 'DESC' }], args);
}

/** Puts a dead letter back in the queue for one more round of tries. */
export async function retryNoticeDelivery(ctx: Context, idArg: string): Promise<NoticeDelivery> {
  const viewer = signedIn(ctx.viewer);
  requireThat(viewer, canAdminister(viewer, viewer.scope.root.id), 'Only admins retry outbound deliveries');
  const id = parseId(idArg, 'id');
  const delivery = await ctx.db.getRepository(NoticeDelivery).findOneBy({ id });
  if (!delivery) throw new NotFoundError('NoticeDelivery', id);
  await channelInScope(ctx, delivery.channelId);
  if (delivery.status !== DeliveryStatus.DEAD) throw new UserInputError('id', '只有死信可以重新发送');
  return mutate(ctx, async (tx) => {
    await tx.em
      .createQueryBuilder()
      .update(NoticeDelivery)
      .set({ status: DeliveryStatus.PENDING, attempts: 0, nextAttemptAt: new Date(), leaseOwner: null, leaseUntil: null })
      .where('id = :id AND status = :dead', { id, dead: DeliveryStatus.DEAD })
      .execute();
    const after = await tx.em.findOneByOrFail(NoticeDelivery, { id });
    await tx.audit({ action: 'notice-delivery.retry', entityType: 'NoticeDelivery', entityId: id, before: delivery, after });
    return after;
  });
}

// ---- loaders of the nested fields ----

const channelCountsLoader = (ctx: Context) =>
  new DataLoader<number, NoticeChannelCounts>(async (ids) => {
    const rows = await ctx.db
      .getRepository(NoticeDelivery)
      .createQueryBuilder('d')
      .select('d.channelId', 'channelId')
      .addSelect('d.status', 'status')
      .addSelect('COUNT(*)', 'n')
      .where('d.channelId IN (:...ids)', { ids })
      .groupBy('d.channelId')
      .addGroupBy('d.status')
      .getRawMany<{ channelId: unknown; status: DeliveryStatus; n: unknown }>();
    return ids.map((id) => {
      const of = (s: DeliveryStatus) => Number(rows.find((r) => Number(r.channelId) === id && r.status === s)?.n ?? 0);
      return { pending: of(DeliveryStatus.PENDING), sent: of(DeliveryStatus.SENT), dead: of(DeliveryStatus.DEAD) };
    });
  });

export function channelCounts(ctx: Context, channel: NoticeChannel): Promise<NoticeChannelCounts> {
  return loader(ctx, channelCountsLoader).load(channel.id);
}

const attemptsLoader = (ctx: Context) =>
  new DataLoader<number, NoticeAttempt[]>(async (ids) => {
    const rows = await ctx.db.getRepository(NoticeAttempt).find({ where: { deliveryId: In([...ids]) }, order: { id: 'ASC' } });
    return ids.map((id) => rows.filter((r) => r.deliveryId === id));
  });

export function deliveryAttempts(ctx: Context, delivery: NoticeDelivery): Promise<NoticeAttempt[]> {
  return loader(ctx, attemptsLoader).load(delivery.id);
}

const deliveredNoticeLoader = (ctx: Context) =>
  new DataLoader<number, DeliveredNotice | null>(async (ids) => {
    const notices = await ctx.db.getRepository(Notice).find({ where: { id: In([...ids]) } });
    const userIds = [...new Set(notices.flatMap((n) => (n.userId === null ? [] : [n.userId])))];
    const unitIds = [...new Set(notices.flatMap((n) => (n.unitId === null ? [] : [n.unitId])))];
    const users = userIds.length ? await ctx.db.getRepository(User).find({ where: { id: In(userIds) }, select: { id: true, displayName: true } }) : [];
    const units = unitIds.length ? await ctx.db.getRepository(ResponsibleUnit).find({ where: { id: In(unitIds) }, select: { id: true, name: true } }) : [];
    const name = new Map(users.map((u) => [u.id, u.displayName]));
    const unitName = new Map(units.map((u) => [u.id, `${u.name}（责任单位）`]));
    return ids.map((id) => {
      const n = notices.find((x) => x.id === id);
      return n ? { id: n.id, kind: n.kind, title: n.title, recipient: (n.unitId !== null ? unitName.get(n.unitId) : name.get(n.userId ?? 0)) ?? '' } : null;
    });
  });

export function deliveredNotice(ctx: Context, delivery: NoticeDelivery): Promise<DeliveredNotice | null> {
  return loader(ctx, deliveredNoticeLoader).load(delivery.noticeId);
}

const channelNameLoader = (ctx: Context) =>
  new DataLoader<number, string>(async (ids) => {
    const rows = await ctx.db.getRepository(NoticeChannel).find({ where: { id: In([...ids]) }, select: { id: true, name: true } });
    return ids.map((id) => rows.find((r) => r.id === id)?.name ?? '');
  });

export function deliveryChannelName(ctx: Context, delivery: NoticeDelivery): Promise<string> {
  return loader(ctx, channelNameLoader).load(delivery.channelId);
}
