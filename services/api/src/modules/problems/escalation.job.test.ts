import { AuditRecord } from '../../core/audit/audit-record.entity';
import { openDatabase } from '../../db/data-source';
import { createLogger } from '../../logger';
import { DRIVERS, startTestServer, type TestServer } from '../../testing/harness';
import { entities } from '..';
import { Project } from '../projects/project.entity';
import { DEFAULT_ESCALATION_LEADER, escalationTick } from './escalation.job';
import { EscalationReason, Problem, ProblemCategory, ProblemLevel, ProblemStatus } from './problem.entity';
import { today } from './problems.service';

describe.each(DRIVERS)('the escalation job [%s]', (driver) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(driver, { seedModules: ['areas', 'accounts', 'projects', 'problems'] });
  }, 120_000);
  afterAll(() => t.close());

  it('lists every overdue district problem for city supervision once, with its audit, even run by two processes at once', async () => {
    const db = t.server.db;
    const repo = db.getRepository(Problem);
    const now = new Date();
    const day = today(now);
    // Two more live district problems that are not overdue: one due in the future, one the district asked about.
    const project = await db.getRepository(Project).findOneByOrFail({ name: '达利食品沈阳生产基地' });
    const base = { projectId: project.id, areaId: project.areaId, cityId: project.cityId, category: ProblemCategory.POWER, description: '', ownerUnit: '国网沈阳供电公司', raisedByUserId: null, raisedBy: '苏家屯区', raisedDate: day, workingDays: 5, level: ProblemLevel.DISTRICT, cityLeader: null, status: ProblemStatus.OPEN, resolvedDate: null, daysToResolve: null, closedOutDate: null, evidenceJson: null, escalationRequestReason: null, escalatedDate: null, escalationReason: null, reopenCount: 0, meetingId: null, version: 1 } satisfies Partial<Problem>;
    const future = `${Number(day.slice(0, 4)) + 1}${day.slice(4)}`;
    const notDue = await repo.save(repo.create({ ...base, title: '变电站增容', deadline: future, escalationRequested: false }));
    const asked = await repo.save(repo.create({ ...base, title: '线路迁改', deadline: future, escalationRequested: true, escalationRequestReason: '需市供电公司协调' }));

    const all = await repo.find();
    const due = all.filter((p) => p.level === ProblemLevel.DISTRICT && [ProblemStatus.OPEN, ProblemStatus.IN_PROGRESS].includes(p.status) && p.deadline < day);
    // The demo's live district problems of 2020 (Sujiatun's four, Shahekou's one) are long overdue.
    expect(due.length).toBeGreaterThanOrEqual(5);
    const untouched = all.filter((p) => !due.includes(p));

    // A second process: its own connection pool on the same database.
    const other = await openDatabase((await t.context('admin.shenyang')).config.databaseUrl, entities, createLogger('silent'));
    let moved: number[];
    try {
      if (driver === 'mysql') {
        moved = await Promise.all([escalationTick(db.manager, now), escalationTick(other.manager, now), escalationTick(db.manager, now)]);
      } else {
        // SQLite: one process's transactions queue on its gate; a second connection in the same
        // thread would wait on the file lock it holds, so the other "process" runs right after.
        moved = await Promise.all([escalationTick(db.manager, now), escalationTick(db.manager, now)]);
        moved.push(await escalationTick(other.manager, now));
      }
    } finally {
      await other.destroy();
    }
    expect(moved.reduce((a, b) => a + b, 0)).toBe(due.length);
    expect(await escalationTick(db.manager, now)).toBe(0);

    for (const p of due) {
      const after = await repo.findOneByOrFail({ id: p.id });
      expect(after).toMatchObject({ level: ProblemLevel.CITY, cityLeader: DEFAULT_ESCALATION_LEADER, escalatedDate: day, escalationReason: EscalationReason.DEADLINE_PASSED, version: p.version + 1, status: p.status });
    }
    for (const p of untouched) expect(await repo.findOneByOrFail({ id: p.id })).toMatchObject({ level: p.level, version: p.version });
    expect((await repo.findOneByOrFail({ id: notDue.id })).level).toBe(ProblemLevel.DISTRICT);
    expect((await repo.findOneByOrFail({ id: asked.id })).level).toBe(ProblemLevel.DISTRICT);

    const audits = await db.getRepository(AuditRecord).findBy({ action: 'problem.escalate' });
    expect(audits.map((a) => Number(a.entityId)).sort((a, b) => a - b)).toEqual(due.map((p) => p.id).sort((a, b) => a - b));
    for (const a of audits) {
      expect(a).toMatchObject({ actorUserId: null, actorUsername: 'system', entityType: 'Problem' });
      expect(JSON.parse(a.before!)).toMatchObject({ level: 'DISTRICT' });
      expect(JSON.parse(a.after!)).toMatchObject({ level: 'CITY', cityLeader: DEFAULT_ESCALATION_LEADER });
    }
  }, 60_000);
});
