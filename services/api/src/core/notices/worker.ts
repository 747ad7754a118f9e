import { createHmac, randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { retryDelaySeconds } from '@kpd/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { Area } from '../areas/area.entity';
import { User } from '../auth/user.entity';
import type { ModuleServices } from '../module';
import { Notice, NoticeAttempt, NoticeChannel, NoticeDelivery } from './notice.entity';
import { ResponsibleUnit } from './responsible-unit.entity';
import { DeliveryStatus, NOTICE_KIND_LABELS } from './notice.types';

/**
 * The delivery worker. Two steps, each claiming its rows with a lease (a conditional UPDATE of
 * `lease_owner`/`lease_until` that only one process can win while the lease runs), so it survives
 * restarts (an expired lease is taken over) and runs in several processes without sending twice:
 *
 * 1. fan-out: a notice still in the outbox gets one delivery row per outbound channel that carries
 *    its user's area (unless the user turned the kind's outbound off); the inbox needs nothing more.
 *    A notice to a responsible unit goes to the channels that carry the area of the unit's directory,
 *    while the unit is enabled (it has no inbox: without a channel it goes nowhere).
 * 2. delivery: a due delivery is POSTed to its channel's gateway, signed; a 2xx marks it SENT, any
 *    other answer or no answer retries it with exponential backoff, and after the channel's last try
 *    it is dead-lettered (DEAD). Every try is kept (`notice_attempts`).
 *
 * Leases and retry times are elapsed time, so they run on the real clock (not KPD_TODAY).
 */

export interface WorkerOptions {
  /** This worker's name in the lease columns; unique per process. */
  owner: string;
  leaseMs: number;
  batch: number;
  retryBaseSeconds: number;
  retryCapSeconds: number;
  timeoutMs: number;
  /** Prefix of the absolute link sent outbound (e.g. https://kpd.example.gov.cn); empty: the path only. */
  linkBase: string;
  now: () => Date;
  fetch: typeof fetch;
}

export function workerOptions(env: NodeJS.ProcessEnv = process.env, overrides: Partial<WorkerOptions> = {}): WorkerOptions {
  const num = (name: string, fallback: number) => {
    const v = Number(env[name]);
    return env[name] !== undefined && Number.isFinite(v) && v >= 0 ? v : fallback;
  };
  return {
    owner: `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`,
    leaseMs: num('NOTICE_LEASE_SECONDS', 60) * 1000,
    batch: 50,
    retryBaseSeconds: num('NOTICE_RETRY_BASE_SECONDS', 30),
    retryCapSeconds: num('NOTICE_RETRY_CAP_SECONDS', 3600),
    timeoutMs: num('NOTICE_WEBHOOK_TIMEOUT_MS', 10_000),
    linkBase: (env.NOTICE_LINK_BASE ?? '').replace(/\/+$/, ''),
    now: () => new Date(),
    fetch: (...args) => fetch(...args),
    ...overrides,
  };
}

/** The signature of a webhook body: HMAC-SHA256 with the channel's secret over "<timestamp>.<body>", hex. */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** Claims rows one by one with a conditional UPDATE; answers the ids this worker won. */
async function claim(db: DataSource, table: 'notices' | 'notice_deliveries', ids: number[], extra: string, opts: WorkerOptions): Promise<number[]> {
  const now = opts.now();
  const won: number[] = [];
  for (const id of ids) {
    const result = await db
      .createQueryBuilder()
      .update(table === 'notices' ? Notice : NoticeDelivery)
      .set({ leaseOwner: opts.owner, leaseUntil: new Date(now.getTime() + opts.leaseMs) })
      .where(`id = :id AND (lease_until IS NULL OR lease_until < :now) AND ${extra}`, { id, now, pending: DeliveryStatus.PENDING })
      .execute();
    if (result.affected === 1) won.push(id);
  }
  return won;
}

function carries(channelArea: string | undefined, userArea: string | undefined): boolean {
  return !!channelArea && !!userArea && userArea.startsWith(channelArea);
}

/** Step 1: fans notices out of the outbox into deliveries. Answers how many notices it dispatched. */
export async function dispatchNotices(db: DataSource, opts: WorkerOptions): Promise<number> {
  const now = opts.now();
  const due = await db
    .getRepository(Notice)
    .createQueryBuilder('n')
    .select('n.id', 'id')
    .where('n.dispatched_at IS NULL AND (n.lease_until IS NULL OR n.lease_until < :now)', { now })
    .orderBy('n.id', 'ASC')
    .limit(opts.batch)
    .getRawMany<{ id: unknown }>();
  const won = await claim(db, 'notices', due.map((r) => Number(r.id)), 'dispatched_at IS NULL', opts);
  if (won.length === 0) return 0;
  const channels = await db.getRepository(NoticeChannel).find({ where: { enabled: true } });
  const areaPaths = new Map((await db.getRepository(Area).find({ select: { id: true, path: true } })).map((a) => [a.id, a.path]));
  let dispatched = 0;
  for (const id of won) {
    await db.transaction(async (em) => {
      const notice = await em.findOneByOrFail(Notice, { id });
      if (notice.outbound && channels.length) {
        let areaId: number | null = null;
        if (notice.unitId !== null) {
          const unit = await em.findOne(ResponsibleUnit, { where: { id: notice.unitId }, select: { id: true, areaId: true, enabled: true } });
          areaId = unit?.enabled ? unit.areaId : null;
        } else if (notice.userId !== null) {
          areaId = (await em.findOne(User, { where: { id: notice.userId }, select: { id: true, areaId: true } }))?.areaId ?? null;
        }
        const rows = channels
          .filter((c) => areaId !== null && carries(areaPaths.get(c.areaId), areaPaths.get(areaId)))
          .map((c) => ({ noticeId: id, channelId: c.id, status: DeliveryStatus.PENDING, attempts: 0, nextAttemptAt: now, lastError: null, deliveredAt: null, leaseOwner: null, leaseUntil: null }));
        if (rows.length) await em.createQueryBuilder().insert().into(NoticeDelivery).values(rows).orIgnore().execute();
      }
      const done = await em
        .createQueryBuilder()
        .update(Notice)
        .set({ dispatchedAt: now, leaseOwner: null, leaseUntil: null })
        .where('id = :id AND lease_owner = :owner AND dispatched_at IS NULL', { id, owner: opts.owner })
        .execute();
      if (done.affected === 1) dispatched += 1;
    });
  }
  return dispatched;
}

/** Whom a webhook names: a user by account, or a responsible unit by its contact (for an SMS gateway). */
export type WebhookRecipient = { username: string; displayName: string } | { unit: string; contactName: string; phone: string };

/** The JSON a gateway receives. */
export function webhookBody(delivery: NoticeDelivery, notice: Notice, channel: NoticeChannel, recipient: WebhookRecipient | null, linkBase: string): string {
  return JSON.stringify({
    delivery: delivery.id,
    notice: notice.id,
    channel: channel.kind,
    kind: notice.kind,
    kindLabel: NOTICE_KIND_LABELS[notice.kind],
    title: notice.title,
    body: notice.body,
    link: `${linkBase}${notice.link}`,
    record: { type: notice.recordType, id: notice.recordId },
    recipient: !recipient ? null : 'unit' in recipient ? { unit: recipient.unit, contactName: recipient.contactName, phone: recipient.phone } : { username: recipient.username, displayName: recipient.displayName },
    createdAt: notice.createdAt.toISOString(),
  });
}

async function post(channel: NoticeChannel, body: string, deliveryId: number, opts: WorkerOptions): Promise<{ ok: boolean; httpStatus: number | null; error: string | null }> {
  const timestamp = String(Math.floor(opts.now().getTime() / 1000));
  try {
    const res = await opts.fetch(channel.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'x-kpd-delivery': String(deliveryId),
        'x-kpd-timestamp': timestamp,
        'x-kpd-signature': signWebhook(channel.secret, timestamp, body),
      },
      body,
      signal: AbortSignal.timeout(opts.timeoutMs),
    });
    await res.arrayBuffer().catch(() => undefined);
    return res.ok ? { ok: true, httpStatus: res.status, error: null } : { ok: false, httpStatus: res.status, error: `网关返回 ${res.status}` };
  } catch (e) {
    return { ok: false, httpStatus: null, error: `无法送达：${(e as Error).message}`.slice(0, 500) };
  }
}

async function record(em: EntityManager, delivery: NoticeDelivery, channel: NoticeChannel | null, outcome: { ok: boolean; httpStatus: number | null; error: string | null }, started: Date, opts: WorkerOptions): Promise<boolean> {
  const attempt = delivery.attempts + 1;
  const now = opts.now();
  const maxAttempts = channel?.maxAttempts ?? 1;
  const status = outcome.ok ? DeliveryStatus.SENT : attempt >= maxAttempts || !channel ? DeliveryStatus.DEAD : DeliveryStatus.PENDING;
  const next = status === DeliveryStatus.PENDING ? new Date(now.getTime() + retryDelaySeconds(attempt, opts.retryBaseSeconds, opts.retryCapSeconds) * 1000) : now;
  const updated = await em
    .createQueryBuilder()
    .update(NoticeDelivery)
    .set({ status, attempts: attempt, nextAttemptAt: next, lastError: outcome.error, deliveredAt: outcome.ok ? now : null, leaseOwner: null, leaseUntil: null })
    .where('id = :id AND lease_owner = :owner AND status = :pending', { id: delivery.id, owner: opts.owner, pending: DeliveryStatus.PENDING })
    .execute();
  if (updated.affected !== 1) return false;
  await em.insert(NoticeAttempt, { deliveryId: delivery.id, attempt, at: started, httpStatus: outcome.httpStatus, ok: outcome.ok, error: outcome.error, durationMs: Math.max(0, now.getTime() - started.getTime()) });
  return outcome.ok;
}

async function recipientOf(db: DataSource, notice: Notice): Promise<WebhookRecipient | null> {
  if (notice.unitId !== null) {
    const unit = await db.getRepository(ResponsibleUnit).findOneBy({ id: notice.unitId });
    return unit ? { unit: unit.name, contactName: unit.contactName, phone: unit.phone } : null;
  }
  if (notice.userId === null) return null;
  return db.getRepository(User).findOne({ where: { id: notice.userId }, select: { id: true, username: true, displayName: true } });
}

/** Step 2: posts the due deliveries. Answers how many the gateways accepted. */
export async function deliverDue(db: DataSource, opts: WorkerOptions): Promise<number> {
  const now = opts.now();
  const due = await db
    .getRepository(NoticeDelivery)
    .createQueryBuilder('d')
    .select('d.id', 'id')
    .where('d.status = :pending AND d.next_attempt_at <= :now AND (d.lease_until IS NULL OR d.lease_until < :now)', { pending: DeliveryStatus.PENDING, now })
    .orderBy('d.next_attempt_at', 'ASC')
    .addOrderBy('d.id', 'ASC')
    .limit(opts.batch)
    .getRawMany<{ id: unknown }>();
  const won = await claim(db, 'notice_deliveries', due.map((r) => Number(r.id)), 'status = :pending', opts);
  let sent = 0;
  for (const id of won) {
    const delivery = await db.getRepository(NoticeDelivery).findOneByOrFail({ id });
    const notice = await db.getRepository(Notice).findOneByOrFail({ id: delivery.noticeId });
    const channel = await db.getRepository(NoticeChannel).findOneBy({ id: delivery.channelId });
    const started = opts.now();
    let outcome;
    if (!channel || !channel.enabled) {
      outcome = { ok: false, httpStatus: null, error: '渠道已停用或已删除' };
    } else {
      outcome = await post(channel, webhookBody(delivery, notice, channel, await recipientOf(db, notice), opts.linkBase), delivery.id, opts);
    }
    if (await db.transaction((em) => record(em, delivery, channel && channel.enabled ? channel : null, outcome, started, opts))) sent += 1;
  }
  return sent;
}

/** One pass of both steps. */
export async function noticeWorkerTick(db: DataSource, opts: WorkerOptions): Promise<{ dispatched: number; sent: number }> {
  const dispatched = await dispatchNotices(db, opts);
  const sent = await deliverDue(db, opts);
  return { dispatched, sent };
}

/**
 * Runs the worker in this API process every NOTICE_WORKER_SECONDS (default 5; 0 turns it off).
 * Every process may run it: the leases keep them from sending a delivery twice. Off in tests.
 */
export function startNoticeWorker(services: ModuleServices): void {
  if (services.config.env === 'test') return;
  const seconds = Number(process.env.NOTICE_WORKER_SECONDS ?? 5);
  if (!Number.isFinite(seconds) || seconds <= 0) return;
  const opts = workerOptions();
  let running = false;
  const tick = async () => {
    if (running || !services.db.isInitialized) return;
    running = true;
    try {
      const { dispatched, sent } = await noticeWorkerTick(services.db, opts);
      if (dispatched + sent > 0) services.log.info({ job: 'notices', dispatched, sent }, 'notice worker');
    } catch (e) {
      services.log.error({ err: e, job: 'notices' }, 'notice worker failed');
    } finally {
      running = false;
    }
  };
  setInterval(() => void tick(), seconds * 1000).unref();
}
