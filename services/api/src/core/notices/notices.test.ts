import { createHmac } from 'node:crypto';
import { spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { isWorkingDay } from '@kpd/domain';
import { User } from '../auth/user.entity';
import { DRIVERS, errorCode, startTestServer, TEST_FIELD_KEY, type TestServer } from '../../testing/harness';
import { remindersTick } from '../../modules/reminders/reminders.job';
import { Notice, NoticeAttempt, NoticeChannel, NoticeDelivery } from './notice.entity';
import { DeliveryStatus, NoticeChannelKind, NoticeKind } from './notice.types';
import { enqueueNotices } from './outbox';
import { noticeWorkerTick, workerOptions, type WorkerOptions } from './worker';

const SECRET = 'a-long-enough-secret-0123456789';

/** A local gateway: answers each POST with the next status of `script` (then 200), keeping what it got. */
async function receiver(script: (n: number, deliveryId: string) => number = () => 200) {
  const got: { delivery: string; timestamp: string; signature: string; body: string; status: number }[] = [];
  const perDelivery = new Map<string, number>();
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += String(d)));
    req.on('end', () => {
      const delivery = String(req.headers['x-kpd-delivery']);
      const n = (perDelivery.get(delivery) ?? 0) + 1;
      perDelivery.set(delivery, n);
      const status = script(n, delivery);
      got.push({ delivery, timestamp: String(req.headers['x-kpd-timestamp']), signature: String(req.headers['x-kpd-signature']), body, status });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, got, close: () => new Promise<void>((r) => server.close(() => r())) };
}

function validSignature(r: { timestamp: string; signature: string; body: string }): boolean {
  return r.signature === `sha256=${createHmac('sha256', SECRET).update(`${r.timestamp}.${r.body}`).digest('hex')}`;
}

async function drain(t: TestServer, opts: WorkerOptions): Promise<void> {
  for (let idle = 0; idle < 2; ) {
    const r = await noticeWorkerTick(t.server.db, opts);
    idle = r.dispatched + r.sent === 0 ? idle + 1 : 0;
  }
}

/** A second Node process running the worker on the same database, released by `go()`. */
async function startChild(url: string, owner: string): Promise<{ go: () => void; sent: Promise<number> }> {
  const root = path.resolve(__dirname, '..', '..', '..');
  const proc = spawn(process.execPath, ['-r', path.join(root, 'src/testing/ts-register.js'), path.join(root, 'src/testing/notice-worker.child.ts'), url, owner], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, FIELD_ENCRYPTION_KEY: TEST_FIELD_KEY } });
  let out = '';
  let err = '';
  proc.stderr.on('data', (d) => (err += String(d)));
  const ready = new Promise<void>((resolve, reject) => {
    proc.stdout.on('data', (d) => {
      out += String(d);
      if (out.includes('ready\n')) resolve();
    });
    proc.on('exit', (code) => reject(new Error(`child exited ${code}: ${err}`)));
  });
  const sent = new Promise<number>((resolve, reject) => proc.on('exit', (code) => (code === 0 ? resolve(Number(out.replace('ready\n', '').trim())) : reject(new Error(`child exited ${code}: ${err}`)))));
  sent.catch(() => undefined);
  await ready;
  return { go: () => proc.stdin.end('go\n'), sent };
}

describe.each(DRIVERS)('notices [%s]', (driver) => {
  let t: TestServer;
  let tokens: Record<string, string>;
  const userId = async (username: string) => (await t.server.db.getRepository(User).findOneByOrFail({ username })).id;
  beforeAll(async () => {
    t = await startTestServer(driver, { seedModules: ['areas', 'accounts', 'projects', 'secretaries', 'problems'] });
    tokens = {};
    for (const u of ['admin.shenyang', 'admin.sujiatun', 'admin.liaoning', 'secretary.lijun']) tokens[u] = await t.login(u);
  }, 180_000);
  afterAll(() => t.close());
  afterEach(async () => {
    await t.server.db.createQueryBuilder().update(NoticeChannel).set({ enabled: false }).where('1 = 1').execute();
  });

  it('writes the outbox row in the event’s transaction: rolled back together', async () => {
    const id = await userId('admin.sujiatun');
    const before = await t.server.db.getRepository(Notice).countBy({ userId: id });
    await expect(
      t.server.db.transaction(async (em) => {
        await enqueueNotices(em, [{ userId: id, kind: NoticeKind.PROBLEM_ESCALATED, title: 't', body: 'b', recordType: 'Problem', recordId: 1, link: '/dispatch' }]);
        throw new Error('the event failed');
      }),
    ).rejects.toThrow('the event failed');
    expect(await t.server.db.getRepository(Notice).countBy({ userId: id })).toBe(before);
  });

  it('closing a month tells the city admin the counts and the district admin what turned yellow or red', async () => {
    const close = await t.gql('mutation { closeMonth(period: "2020-09") { districtName closed green yellow red } }', {}, tokens['admin.sujiatun']);
    expect(close.errors).toBeUndefined();
    const city = await t.gql<{ myNotices: { nodes: { kind: string; title: string; link: string }[] } }>('{ myNotices(first: 10) { nodes { kind title link } } }', {}, tokens['admin.shenyang']);
    expect(city.data!.myNotices.nodes).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'MONTH_CLOSED', title: expect.stringMatching(/2020-09 月度关账完成：绿灯 86、黄灯 10、红灯 4/), link: '/districts/close?period=2020-09' })]));
    const district = await t.gql<{ myNotices: { nodes: { kind: string; title: string; body: string }[] } }>('{ myNotices(first: 10) { nodes { kind title body } } }', {}, tokens['admin.sujiatun']);
    const worsened = district.data!.myNotices.nodes.find((n) => n.kind === 'LIGHTS_WORSENED');
    expect(worsened?.title).toMatch(/2020-09 关账：苏家屯区 \d+ 个项目转黄灯、\d+ 个转红灯/);
    expect(worsened?.body).toMatch(/→(黄灯|红灯)（/);
  });

  it('the inbox: unread count, mark read, and preferences that stop a kind', async () => {
    const me = await userId('secretary.lijun');
    await t.server.db.transaction((em) =>
      enqueueNotices(em, [
        { userId: me, kind: NoticeKind.NO_CONTACT, title: '凯丹广场 已 30 天未联系', body: 'x', recordType: 'Project', recordId: 1, link: '/secretaries' },
        { userId: me, kind: NoticeKind.PROBLEM_OVERDUE, title: '问题已逾期', body: 'y', recordType: 'Problem', recordId: 2, link: '/projects?open=1' },
      ]),
    );
    const count = async () => (await t.gql<{ unreadNoticeCount: number }>('{ unreadNoticeCount }', {}, tokens['secretary.lijun'])).data!.unreadNoticeCount;
    const n = await count();
    expect(n).toBeGreaterThanOrEqual(2);
    const list = await t.gql<{ myNotices: { nodes: { id: string; readAt: string | null }[]; totalCount: number } }>('{ myNotices(unreadOnly: true, first: 1) { nodes { id readAt } totalCount } }', {}, tokens['secretary.lijun']);
    expect(list.data!.myNotices.totalCount).toBe(n);
    const marked = await t.gql<{ markNoticesRead: number }>('mutation($ids: [ID!]) { markNoticesRead(ids: $ids) }', { ids: [list.data!.myNotices.nodes[0].id] }, tokens['secretary.lijun']);
    expect(marked.data!.markNoticesRead).toBe(1);
    expect(await count()).toBe(n - 1);
    // Someone else's notice is not theirs to mark.
    expect((await t.gql<{ markNoticesRead: number }>('mutation($ids: [ID!]) { markNoticesRead(ids: $ids) }', { ids: [list.data!.myNotices.nodes[0].id] }, tokens['admin.sujiatun'])).data!.markNoticesRead).toBe(0);
    expect((await t.gql<{ markNoticesRead: number }>('mutation { markNoticesRead }', {}, tokens['secretary.lijun'])).data!.markNoticesRead).toBe(n - 1);
    expect(await count()).toBe(0);

    const prefs = await t.gql<{ setNoticePreferences: { kind: string; inbox: boolean }[] }>('mutation { setNoticePreferences(input: [{ kind: NO_CONTACT, inbox: false, outbound: false }]) { kind inbox outbound } }', {}, tokens['secretary.lijun']);
    expect(prefs.data!.setNoticePreferences.find((p) => p.kind === 'NO_CONTACT')).toMatchObject({ inbox: false });
    await t.server.db.transaction((em) => enqueueNotices(em, [{ userId: me, kind: NoticeKind.NO_CONTACT, title: 'again', body: 'x', recordType: 'Project', recordId: 1, link: '/secretaries' }]));
    expect(await count()).toBe(0);
    const dup = await t.gql('mutation { setNoticePreferences(input: [{ kind: NO_CONTACT, inbox: true, outbound: true }, { kind: NO_CONTACT, inbox: false, outbound: true }]) { kind } }', {}, tokens['secretary.lijun']);
    expect(dup.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input[1].kind' });
    await t.gql('mutation { setNoticePreferences(input: [{ kind: NO_CONTACT, inbox: true, outbound: true }]) { kind } }', {}, tokens['secretary.lijun']);
  });

  it('reminders fall on working days, once a day, and name the report and its form', async () => {
    const me = await userId('secretary.lijun');
    const repo = t.server.db.getRepository(Notice);
    const kinds = [NoticeKind.REPORT_DUE_SOON, NoticeKind.REPORT_DUE_TODAY, NoticeKind.NO_CONTACT, NoticeKind.PROBLEM_NEAR_DEADLINE, NoticeKind.PROBLEM_OVERDUE];
    const byDay = new Map<string, number>();
    for (let d = 20; d <= 40; d++) {
      const day = new Date(Date.UTC(2020, 9, d)).toISOString().slice(0, 10);
      const before = await repo.count();
      await t.server.db.transaction((em) => remindersTick(em, day));
      byDay.set(day, (await repo.count()) - before);
      // Again the same day (a second process, or the next hour): nothing new.
      const again = await repo.count();
      await t.server.db.transaction((em) => remindersTick(em, day));
      expect(await repo.count()).toBe(again);
    }
    for (const [day, n] of byDay) if (!isWorkingDay(day)) expect(n).toBe(0);
    const mine = (await repo.findBy({ userId: me })).filter((n) => kinds.includes(n.kind));
    // Dalian's reports are due on the 5th: October's on Thursday 2020-11-05, reminded on Monday 11-02 and on the day.
    const soon = mine.find((n) => n.kind === NoticeKind.REPORT_DUE_SOON && n.title.includes('凯丹广场'));
    expect(soon).toMatchObject({ recordType: 'MonthlyReport', link: expect.stringMatching(/^\/projects\?open=\d+&report=2020-10$/) });
    expect(soon!.title).toMatch(/填报月报：凯丹广场（2020-10）2020-11-05 截止/);
    expect(byDay.get('2020-11-02')).toBeGreaterThan(0);
    expect(mine.some((n) => n.kind === NoticeKind.REPORT_DUE_TODAY && n.title.includes('今日截止'))).toBe(true);
  });

  it('channels: an admin configures one; the secret is never answered; bad input names its field', async () => {
    const bad = await t.gql('mutation { saveNoticeChannel(input: { kind: SMS, name: "", url: "ftp://x", secret: "short", enabled: true, maxAttempts: 50 }) { id } }', {}, tokens['admin.shenyang']);
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect((bad.errors![0].extensions!.problems as { field: string }[]).map((p) => p.field)).toEqual(['input.name', 'input.url', 'input.secret', 'input.maxAttempts']);
    const ok = await t.gql<{ saveNoticeChannel: { id: string; hasSecret: boolean } }>(
      'mutation($s: String) { saveNoticeChannel(input: { kind: WECOM, name: "企业微信网关", url: "http://127.0.0.1:9/hook", secret: $s, enabled: false }) { id hasSecret maxAttempts } }',
      { s: SECRET },
      tokens['admin.shenyang'],
    );
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.saveNoticeChannel).toMatchObject({ hasSecret: true, maxAttempts: 6 });
    const seen = await t.gql<{ noticeChannels: { id: string }[] }>('{ noticeChannels { id name kind enabled counts { pending sent dead } } }', {}, tokens['admin.sujiatun']);
    expect(seen.data!.noticeChannels.map((c) => c.id)).not.toContain(ok.data!.saveNoticeChannel.id);
    expect(errorCode(await t.gql('{ noticeChannels { id } }', {}, tokens['secretary.lijun']))).toBe('FORBIDDEN');
    expect(JSON.stringify(await t.gql('{ auditLog(entityType: "NoticeChannel", first: 5) { nodes { after } } }', {}, tokens['admin.shenyang']))).not.toContain(SECRET);
  });

  it('a gateway failing three times then accepting gets the notice once, signed; every try is kept', async () => {
    await drain(t, workerOptions({}, { owner: 'before' })); // earlier notices leave the outbox before the channel exists
    const gw = await receiver((n) => (n <= 3 ? 500 : 200));
    try {
      const channel = await t.server.db.getRepository(NoticeChannel).save({ kind: NoticeChannelKind.DINGTALK, name: '钉钉', url: gw.url, secret: SECRET, enabled: true, maxAttempts: 6, areaId: (await t.server.db.getRepository(User).findOneByOrFail({ username: 'admin.shenyang' })).areaId, createdBy: 'admin.shenyang' });
      const me = await userId('admin.sujiatun');
      await t.server.db.transaction((em) => enqueueNotices(em, [{ userId: me, kind: NoticeKind.PROBLEM_ESCALATED, title: '问题升级市级督办：线路迁改', body: 'b', recordType: 'Problem', recordId: 7, link: '/dispatch?problem=7' }]));
      let clock = Date.now();
      const opts = workerOptions({}, { owner: 'test-a', retryBaseSeconds: 30, now: () => new Date(clock) });
      for (let i = 0; i < 6; i++) {
        await noticeWorkerTick(t.server.db, opts);
        clock += 3600_000; // past any backoff
      }
      const delivery = await t.server.db.getRepository(NoticeDelivery).findOneByOrFail({ channelId: channel.id });
      expect(delivery).toMatchObject({ status: DeliveryStatus.SENT, attempts: 4 });
      expect(gw.got.map((g) => g.status)).toEqual([500, 500, 500, 200]);
      expect(gw.got.every(validSignature)).toBe(true);
      expect(new Set(gw.got.map((g) => g.body)).size).toBe(1);
      expect(JSON.parse(gw.got[0].body)).toMatchObject({ kind: 'PROBLEM_ESCALATED', title: '问题升级市级督办：线路迁改', link: '/dispatch?problem=7', record: { type: 'Problem', id: '7' }, recipient: { username: 'admin.sujiatun' } });
      const attempts = await t.server.db.getRepository(NoticeAttempt).find({ where: { deliveryId: delivery.id }, order: { attempt: 'ASC' } });
      expect(attempts.map((a) => [a.attempt, a.httpStatus, a.ok])).toEqual([[1, 500, false], [2, 500, false], [3, 500, false], [4, 200, true]]);
      // The admin sees it with its tries.
      const seen = await t.gql<{ noticeDeliveries: { nodes: { status: string; attempts: number; channelName: string; attemptLog: { httpStatus: number }[] }[] } }>(
        '{ noticeDeliveries(first: 5) { nodes { status attempts channelName notice { title recipient } attemptLog { attempt httpStatus ok error } } } }',
        {},
        tokens['admin.shenyang'],
      );
      expect(seen.data!.noticeDeliveries.nodes[0]).toMatchObject({ status: 'SENT', attempts: 4, channelName: '钉钉' });
      expect(seen.data!.noticeDeliveries.nodes[0].attemptLog.map((a) => a.httpStatus)).toEqual([500, 500, 500, 200]);
    } finally {
      await gw.close();
    }
  });

  it('dead-letters a delivery after the channel’s last try, and an admin can queue it again', async () => {
    await drain(t, workerOptions({}, { owner: 'before' }));
    const gw = await receiver(() => 503);
    try {
      const areaId = (await t.server.db.getRepository(User).findOneByOrFail({ username: 'admin.shenyang' })).areaId;
      const channel = await t.server.db.getRepository(NoticeChannel).save({ kind: NoticeChannelKind.SMS, name: '短信', url: gw.url, secret: SECRET, enabled: true, maxAttempts: 2, areaId, createdBy: 'admin.shenyang' });
      const me = await userId('admin.sujiatun');
      await t.server.db.transaction((em) => enqueueNotices(em, [{ userId: me, kind: NoticeKind.PROBLEM_ESCALATED, title: 'dead', body: 'b', recordType: 'Problem', recordId: 8, link: '/dispatch' }]));
      await drain(t, workerOptions({}, { owner: 'test-b', retryBaseSeconds: 0 }));
      const delivery = await t.server.db.getRepository(NoticeDelivery).findOneByOrFail({ channelId: channel.id });
      expect(delivery).toMatchObject({ status: DeliveryStatus.DEAD, attempts: 2, lastError: '网关返回 503' });
      const dead = await t.gql<{ noticeDeliveries: { nodes: { id: string }[] } }>('query($c: ID) { noticeDeliveries(channelId: $c, status: DEAD) { nodes { id } } }', { c: String(channel.id) }, tokens['admin.shenyang']);
      expect(dead.data!.noticeDeliveries.nodes.map((n) => n.id)).toEqual([String(delivery.id)]);
      const retry = await t.gql<{ retryNoticeDelivery: { status: string; attempts: number } }>('mutation($id: ID!) { retryNoticeDelivery(id: $id) { status attempts } }', { id: String(delivery.id) }, tokens['admin.shenyang']);
      expect(retry.data!.retryNoticeDelivery).toEqual({ status: 'PENDING', attempts: 0 });
    } finally {
      await gw.close();
    }
  });

  it('two worker processes on the same database deliver each notice exactly once', async () => {
    await drain(t, workerOptions({}, { owner: 'before' }));
    const gw = await receiver(() => 200);
    try {
      const areaId = (await t.server.db.getRepository(User).findOneByOrFail({ username: 'admin.liaoning' })).areaId;
      await t.server.db.getRepository(NoticeChannel).save({ kind: NoticeChannelKind.WECOM, name: '全省企业微信', url: gw.url, secret: SECRET, enabled: true, maxAttempts: 3, areaId, createdBy: 'admin.liaoning' });
      const users = await t.server.db.getRepository(User).find({ where: { active: true }, take: 30, order: { id: 'ASC' } });
      await t.server.db.transaction((em) => enqueueNotices(em, users.flatMap((u, i) => [0, 1].map((k) => ({ userId: u.id, kind: NoticeKind.PROBLEM_ESCALATED, title: `n${i}.${k}`, body: 'b', recordType: 'Problem', recordId: i * 2 + k, link: '/dispatch' })))));
      const expected = users.length * 2;
      const child = await startChild(t.databaseUrl, 'child');
      child.go();
      const mine = workerOptions({}, { owner: 'parent', retryBaseSeconds: 0, batch: 5 });
      let sentHere = 0;
      for (let idle = 0; idle < 3; ) {
        const r = await noticeWorkerTick(t.server.db, mine);
        sentHere += r.sent;
        idle = r.dispatched + r.sent === 0 ? idle + 1 : 0;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const sentThere = await child.sent;
      await drain(t, mine);
      const ids = gw.got.map((g) => g.delivery);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBe(expected);
      expect(sentHere + sentThere).toBe(expected);
      expect(gw.got.every(validSignature)).toBe(true);
    } finally {
      await gw.close();
    }
  }, 120_000);
});
