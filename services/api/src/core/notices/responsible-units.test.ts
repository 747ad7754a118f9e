import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { isWorkingDay, problemReminderOn } from '@kpd/domain';
import { sqliteFile } from '../../db/data-source';
import { DRIVERS, errorCode, startTestServer, TEST_FIELD_KEY, type TestServer } from '../../testing/harness';
import { remindersTick } from '../../modules/reminders/reminders.job';
import { Problem, ProblemCategory, ProblemLevel, ProblemStatus } from '../../modules/problems/problem.entity';
import { Project } from '../../modules/projects/project.entity';
import { Area, AreaLevel } from '../areas/area.entity';
import { encryptedFields, keyringFromEnv } from '../crypto/field-encryption';
import { rewriteColumns, valuesNotUnder } from '../../db/encrypt-columns';
import { Notice, NoticeChannel } from './notice.entity';
import { NoticeChannelKind } from './notice.types';
import { ResponsibleUnit } from './responsible-unit.entity';
import { noticeWorkerTick, workerOptions } from './worker';

const SECRET = 'unit-gateway-secret-0123456789';
const PHONE = '13904181234';
const SAVE = 'mutation($i: ResponsibleUnitInput!) { saveResponsibleUnit(input: $i) { id name contactName phone enabled area { name } } }';
const LIST = 'query($a: ID!) { responsibleUnits(areaId: $a) { id name contactName phone enabled area { name } } }';

/** A local SMS gateway: answers 200 and keeps what it got. */
async function receiver() {
  const got: { timestamp: string; signature: string; body: string }[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += String(d)));
    req.on('end', () => {
      got.push({ timestamp: String(req.headers['x-kpd-timestamp']), signature: String(req.headers['x-kpd-signature']), body });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`, got, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const signed = (r: { timestamp: string; signature: string; body: string }) => r.signature === `sha256=${createHmac('sha256', SECRET).update(`${r.timestamp}.${r.body}`).digest('hex')}`;

/** The days from..to (YYYY-MM-DD), both included. */
function days(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d.toISOString().slice(0, 10) <= to; d.setUTCDate(d.getUTCDate() + 1)) out.push(d.toISOString().slice(0, 10));
  return out;
}

describe.each(DRIVERS)('responsible units [%s]', (driver) => {
  let t: TestServer;
  let tokens: Record<string, string>;
  let area: Record<string, string>;
  beforeAll(async () => {
    t = await startTestServer(driver, { seedModules: ['areas', 'accounts', 'projects', 'secretaries', 'problems'] });
    tokens = {};
    for (const u of ['admin.shenyang', 'admin.sujiatun', 'admin.dadong', 'secretary.lijun']) tokens[u] = await t.login(u);
    const areas = await t.server.db.getRepository(Area).find();
    area = Object.fromEntries(['苏家屯区', '沈阳市', '大东区'].map((n) => [n, String(areas.find((a) => a.name === n)!.id)]));
  }, 180_000);
  afterAll(() => t.close());

  let unitId = '';
  it('an admin keeps the directory: the phone by the mobile rule, names unique in the area, audited, disabled', async () => {
    const bad = await t.gql(SAVE, { i: { areaId: area['苏家屯区'], name: ' ', contactName: '', phone: '024-89812345', enabled: true } }, tokens['admin.sujiatun']);
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect((bad.errors![0].extensions!.problems as { field: string }[]).map((p) => p.field)).toEqual(['input.name', 'input.contactName', 'input.phone']);
    const made = await t.gql<{ saveResponsibleUnit: { id: string; phone: string; area: { name: string } } }>(SAVE, { i: { areaId: area['苏家屯区'], name: '苏家屯区交通运输局', contactName: '郑立新', phone: '+86 139-0418-1234', enabled: true } }, tokens['admin.sujiatun']);
    expect(made.errors).toBeUndefined();
    expect(made.data!.saveResponsibleUnit).toMatchObject({ phone: PHONE, area: { name: '苏家屯区' } });
    unitId = made.data!.saveResponsibleUnit.id;
    const twice = await t.gql(SAVE, { i: { areaId: area['苏家屯区'], name: '苏家屯区 交通运输局', contactName: '郑立新', phone: PHONE, enabled: true } }, tokens['admin.sujiatun']);
    expect(twice.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    // A township has no directory.
    const town = await t.server.db.getRepository(Area).findOneByOrFail({ level: AreaLevel.TOWNSHIP, parentId: Number(area['苏家屯区']) });
    expect((await t.gql(SAVE, { i: { areaId: String(town.id), name: '某街道办', contactName: '甲', phone: PHONE, enabled: true } }, tokens['admin.sujiatun'])).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.areaId' });

    // The city's directory (a city admin's), and a disabled unit of the district's.
    expect((await t.gql(SAVE, { i: { areaId: area['沈阳市'], name: '沈阳市生态环境局', contactName: '韩冰', phone: '13904185678', enabled: true } }, tokens['admin.shenyang'])).errors).toBeUndefined();
    expect((await t.gql(SAVE, { i: { areaId: area['沈阳市'], name: '沈阳市城管执法局', contactName: '甲', phone: PHONE, enabled: true } }, tokens['admin.sujiatun'])).errors![0].extensions!.code).toBe('NOT_FOUND');
    const off = await t.gql<{ saveResponsibleUnit: { id: string } }>(SAVE, { i: { areaId: area['苏家屯区'], name: '苏家屯区城市管理局', contactName: '冯涛', phone: '13904189999', enabled: true } }, tokens['admin.sujiatun']);
    const disabled = await t.gql<{ saveResponsibleUnit: { enabled: boolean } }>(SAVE, { i: { id: off.data!.saveResponsibleUnit.id, name: '苏家屯区城市管理局', contactName: '冯涛', phone: '13904189999', enabled: false } }, tokens['admin.sujiatun']);
    expect(disabled.data!.saveResponsibleUnit.enabled).toBe(false);

    // The district admin reads its own directory and its city's, the city's contacts hidden.
    const list = await t.gql<{ responsibleUnits: { name: string; phone: string | null; area: { name: string } }[] }>(LIST, { a: area['苏家屯区'] }, tokens['admin.sujiatun']);
    expect(list.data!.responsibleUnits.map((u) => [u.name, u.area.name, u.phone])).toEqual([
      ['苏家屯区城市管理局', '苏家屯区', '13904189999'],
      ['苏家屯区交通运输局', '苏家屯区', PHONE],
      ['沈阳市生态环境局', '沈阳市', null],
    ]);
    const audit = await t.gql<{ auditLog: { nodes: { action: string; after: string }[] } }>('{ auditLog(entityType: "ResponsibleUnit", first: 10) { nodes { action after } } }', {}, tokens['admin.shenyang']);
    expect(audit.data!.auditLog.nodes.map((n) => n.action).sort()).toEqual(['responsible-unit.create', 'responsible-unit.create', 'responsible-unit.create', 'responsible-unit.disable']);
    expect(JSON.stringify(audit.data)).not.toContain(PHONE);
  });

  it('another district’s admin can neither read nor change the directory; a secretary elsewhere cannot read it', async () => {
    expect(errorCode(await t.gql(LIST, { a: area['苏家屯区'] }, tokens['admin.dadong']))).toBe('NOT_FOUND');
    const edit = await t.gql(SAVE, { i: { id: unitId, name: '改名', contactName: '乙', phone: '13900000000', enabled: false } }, tokens['admin.dadong']);
    expect(errorCode(edit)).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(SAVE, { i: { areaId: area['苏家屯区'], name: '越权单位', contactName: '乙', phone: '13900000000', enabled: true } }, tokens['admin.dadong']))).toBe('NOT_FOUND');
    expect((await t.gql<{ responsibleUnits: { name: string }[] }>(LIST, { a: area['大东区'] }, tokens['admin.dadong'])).data!.responsibleUnits.map((u) => u.name)).toEqual(['沈阳市生态环境局']);
    expect(errorCode(await t.gql(LIST, { a: area['苏家屯区'] }, tokens['secretary.lijun']))).toBe('NOT_FOUND');
    expect(await t.server.db.getRepository(ResponsibleUnit).findOneByOrFail({ id: Number(unitId) })).toMatchObject({ name: '苏家屯区交通运输局', enabled: true });
  });

  it('keeps the phone out of the database in clear, and key rotation covers it', async () => {
    const rows: { phone: string }[] = await t.server.db.query('SELECT phone FROM responsible_units');
    expect(rows.length).toBe(3);
    for (const r of rows) expect(r.phone).toMatch(/^enc:test:/);
    if (driver === 'sqlite') {
      const file = sqliteFile(t.databaseUrl);
      const copy = Buffer.concat([file, `${file}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f)));
      expect(copy.includes('苏家屯区交通运输局')).toBe(true); // readable: the next check can fail
      expect(copy.includes(PHONE)).toBe(false);
    }
    expect(encryptedFields()).toEqual(expect.arrayContaining([expect.objectContaining({ table: 'responsible_units', column: 'phone' })]));
    const runner = t.server.db.createQueryRunner();
    try {
      const columns = encryptedFields().filter((c) => c.table === 'responsible_units');
      const next = keyringFromEnv({ FIELD_ENCRYPTION_KEY: `k2:${'5a'.repeat(32)}`, FIELD_ENCRYPTION_OLD_KEYS: TEST_FIELD_KEY }, true);
      expect(await rewriteColumns(runner, columns, 'encrypt', next)).toBe(3);
      expect(await valuesNotUnder(runner, columns, 'k2')).toBe(0);
      // And back under the test key, for the tests that follow.
      const back = keyringFromEnv({ FIELD_ENCRYPTION_KEY: TEST_FIELD_KEY, FIELD_ENCRYPTION_OLD_KEYS: `k2:${'5a'.repeat(32)}` }, true);
      expect(await rewriteColumns(runner, columns, 'encrypt', back)).toBe(3);
    } finally {
      await runner.release();
    }
    expect((await t.server.db.getRepository(ResponsibleUnit).findOneByOrFail({ id: Number(unitId) })).phone).toBe(PHONE);
  });

  it('sends the owner unit its near-deadline and overdue reminders on working days, once each, through its area’s channels only', async () => {
    const db = t.server.db;
    const project = await db.getRepository(Project).findOneByOrFail({ name: '达利食品沈阳生产基地' });
    expect(String(project.areaId)).toBe(area['苏家屯区']);
    const repo = db.getRepository(Problem);
    const base = { projectId: project.id, areaId: project.areaId, cityId: project.cityId, category: ProblemCategory.OTHER, description: '', raisedByUserId: null, raisedBy: '苏家屯区', raisedDate: '2020-10-19', workingDays: 15, level: ProblemLevel.DISTRICT, cityLeader: null, status: ProblemStatus.OPEN, resolvedDate: null, daysToResolve: null, closedOutDate: null, evidenceJson: null, escalationRequested: false, escalationRequestReason: null, escalatedDate: null, escalationReason: null, reopenCount: 0, meetingId: null, secretaryId: null, version: 1 } satisfies Partial<Problem>;
    // Due on Saturday 2020-11-07: reminded two working days before the last working day before it, and overdue on Monday.
    const mine = await repo.save(repo.create({ ...base, title: '进场道路开口审批', ownerUnit: ' 苏家屯区交通运输局', deadline: '2020-11-07' }));
    const city = await repo.save(repo.create({ ...base, title: '环评批复延期', ownerUnit: '沈阳市生态环境局', deadline: '2020-11-10' }));
    const disabled = await repo.save(repo.create({ ...base, title: '临时占道许可', ownerUnit: '苏家屯区城市管理局', deadline: '2020-11-07' }));
    const unknown = await repo.save(repo.create({ ...base, title: '绿化迁移', ownerUnit: '苏家屯区园林绿化中心', deadline: '2020-11-07' }));

    // The notices so far leave the outbox before the channels exist.
    for (let idle = 0; idle < 2; ) idle = (await noticeWorkerTick(db, workerOptions({}, { owner: 'before' }))).dispatched === 0 ? idle + 1 : 0;
    const gws = { 苏家屯区: await receiver(), 沈阳市: await receiver(), 大东区: await receiver() };
    try {
      for (const [name, gw] of Object.entries(gws)) await db.getRepository(NoticeChannel).save({ kind: NoticeChannelKind.SMS, name: `${name}短信网关`, url: gw.url, secret: SECRET, enabled: true, maxAttempts: 3, areaId: Number(area[name]), createdBy: 'test' });
      const notices = db.getRepository(Notice);
      for (const day of days('2020-10-30', '2020-11-16')) {
        await db.transaction((em) => remindersTick(em, day));
        const count = await notices.count();
        await db.transaction((em) => remindersTick(em, day)); // the next hour, or another process
        expect(await notices.count()).toBe(count);
      }
      const ours = (await notices.find({ order: { id: 'ASC' } })).filter((n) => n.recordType === 'Problem' && [mine.id, city.id, disabled.id, unknown.id].map(String).includes(n.recordId));
      // Only the listed, enabled units; no user (secretaryId is null), no inbox.
      expect(ours.every((n) => n.userId === null && n.unitId !== null && n.outbound)).toBe(true);
      const expectKinds = (problem: Problem) =>
        days('2020-10-30', '2020-11-16')
          .filter((d) => isWorkingDay(d))
          .flatMap((d) => {
            const kind = problemReminderOn(d, problem.deadline);
            return kind ? [`${kind}@${d}`] : [];
          });
      const got = (problem: Problem) => ours.filter((n) => n.recordId === String(problem.id)).map((n) => `${n.kind}@${n.dedupeKey!.split(':').pop()}`);
      expect(got(mine)).toEqual(['PROBLEM_NEAR_DEADLINE@2020-11-04', 'PROBLEM_OVERDUE@2020-11-09']);
      expect(got(mine)).toEqual(expectKinds(mine));
      expect(got(city)).toEqual(expectKinds(city));
      expect(got(city)).toHaveLength(2);
      expect(got(disabled)).toEqual([]);
      expect(got(unknown)).toEqual([]);
      for (const n of ours) expect(isWorkingDay(n.dedupeKey!.split(':').pop()!)).toBe(true);

      // Nobody's inbox shows them.
      for (const u of ['admin.sujiatun', 'admin.shenyang', 'admin.dadong', 'secretary.lijun']) {
        const inbox = await t.gql<{ myNotices: { nodes: { title: string }[] } }>('{ myNotices(first: 100) { nodes { title } } }', {}, tokens[u]);
        expect(inbox.data!.myNotices.nodes.filter((n) => /进场道路开口审批|环评批复延期/.test(n.title))).toEqual([]);
      }

      for (let idle = 0; idle < 2; ) {
        const r = await noticeWorkerTick(db, workerOptions({}, { owner: 'units', retryBaseSeconds: 0 }));
        idle = r.dispatched + r.sent === 0 ? idle + 1 : 0;
      }
      const unitBodies = (gw: { got: { body: string }[] }) =>
        gw.got.map((g) => JSON.parse(g.body) as { kind: string; title: string; recipient: Record<string, string> }).filter((b) => b.recipient && 'unit' in b.recipient);
      const sujiatun = unitBodies(gws['苏家屯区']);
      expect(sujiatun.map((b) => [b.kind, b.recipient])).toEqual([
        ['PROBLEM_NEAR_DEADLINE', { unit: '苏家屯区交通运输局', contactName: '郑立新', phone: PHONE }],
        ['PROBLEM_OVERDUE', { unit: '苏家屯区交通运输局', contactName: '郑立新', phone: PHONE }],
      ]);
      expect(sujiatun[0].title).toBe('问题即将到期：进场道路开口审批');
      // The city's channel carries its own units' notices and its districts'; another district's carries none.
      expect(unitBodies(gws['沈阳市']).map((b) => b.recipient.unit).sort()).toEqual(['沈阳市生态环境局', '沈阳市生态环境局', '苏家屯区交通运输局', '苏家屯区交通运输局']);
      expect(unitBodies(gws['大东区'])).toEqual([]);
      expect([...gws['苏家屯区'].got, ...gws['沈阳市'].got].every(signed)).toBe(true);

      // The admin's delivery list names the unit.
      const seen = await t.gql<{ noticeDeliveries: { nodes: { notice: { recipient: string } | null }[] } }>('{ noticeDeliveries(first: 100) { nodes { notice { recipient } } } }', {}, tokens['admin.sujiatun']);
      expect(seen.data!.noticeDeliveries.nodes.map((n) => n.notice?.recipient)).toContain('苏家屯区交通运输局（责任单位）');
    } finally {
      for (const gw of Object.values(gws)) await gw.close();
      await t.server.db.createQueryBuilder().update(NoticeChannel).set({ enabled: false }).where('1 = 1').execute();
    }
  }, 120_000);
});

describe('the demo directory', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer('sqlite', { seedModules: ['areas', 'accounts', 'notices'] });
  }, 120_000);
  afterAll(() => t.close());

  it('lists 苏家屯区’s departments and power company, and 沈阳市’s, one of them disabled', async () => {
    const sujiatun = String((await t.server.db.getRepository(Area).findOneByOrFail({ name: '苏家屯区' })).id);
    const list = await t.gql<{ responsibleUnits: { name: string; enabled: boolean; phone: string | null; area: { name: string } }[] }>(LIST, { a: sujiatun }, await t.login('admin.shenyang'));
    expect(list.errors).toBeUndefined();
    const units = list.data!.responsibleUnits;
    expect(units.filter((u) => u.area.name === '苏家屯区').map((u) => u.name)).toEqual(expect.arrayContaining(['苏家屯区自然资源分局', '国网沈阳供电公司苏家屯分公司', '苏家屯区财政局']));
    expect(units.filter((u) => u.area.name === '沈阳市').map((u) => u.name).sort()).toEqual(['国网沈阳供电公司', '沈阳市自然资源局'].sort());
    expect(units.find((u) => u.name === '苏家屯区征收办')?.enabled).toBe(false);
    expect(units.every((u) => /^1[3-9]\d{9}$/.test(u.phone ?? ''))).toBe(true);
  });
});
