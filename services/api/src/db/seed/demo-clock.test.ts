/**
 * The demo as `pnpm start` seeds it, on its own day (DEMO_TODAY, 2020-10-15): every date it holds
 * is on or before that day, except what is scheduled by nature (deadlines, plans, next steps, the
 * congress sessions to come); Fuxin's 2021 livelihood session stands as it did that day (proposals
 * screened, the session in preparation); what is overdue on that day is some of what is open, never
 * all of it; and the month-end job run on that day lights no project red for want of a report.
 */
import { DEMO_TODAY, now, setTodayForTesting } from '../../core/clock';
import { modules } from '../../modules';
import { monthEndTick } from '../../modules/projects/lights.service';
import { startTestServer, type TestServer } from '../../testing/harness';

/** Columns that hold what is planned or due, not what happened: they may lie after the demo's day. */
const SCHEDULED: Record<string, string> = {
  'investment_leads.next_step_date': 'the next step agreed with a lead',
  'investment_summary.period': 'plan months to December',
  'investment_district_summary.period': 'plan months to December',
  'project_plan_months.period': 'plan months to December',
  'project_milestones.due_date': 'milestones due',
  'procedure_nodes.due_date': 'promised approval days',
  'projects.construction_start': 'reserve projects’ planned start',
  'projects.construction_end': 'planned completion',
  'livelihood_sessions.meeting_date': 'congress sessions to come (阜新市’s on 2021-01-15, 苏家屯区’s on 2021-01-08)',
  'livelihood_sessions.opens_at': 'the voting hours set for a session to come',
  'livelihood_sessions.closes_at': 'the voting hours set for a session to come',
  'project_contracts.original_end_date': 'the end date a contract agrees',
  'contract_variations.old_end_date': 'a contract’s agreed end date before a variation',
  'contract_variations.new_end_date': 'a contract’s agreed end date after a variation',
};

/** Accounts and sign-in sessions measure a password's age and a session's life on the real clock (security durations). */
const SECURITY_TIME = new Set(['users', 'sessions', 'recovery_codes']);


function isDateColumn(type: string, name: string): boolean {
  return /date|time/.test(type) || /(_date|_at|_on|^period|_period)$/.test(name) || /^construction_(start|end)$/.test(name);
}

/** A stored value as text comparable with `YYYY-MM-DD…` (both drivers; instants in UTC). */
function asText(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  return String(value).replace(' ', 'T');
}

describe('the demo on its own day', () => {
  let t: TestServer;
  let token: string;
  beforeAll(async () => {
    setTodayForTesting(DEMO_TODAY);
    t = await startTestServer('sqlite', { seedModules: modules.map((m) => m.name) });
    token = await t.login('admin.liaoning');
  });
  afterAll(async () => {
    await t.close();
    setTodayForTesting(undefined);
  });

  it('holds no date later than the demo clock, except what is scheduled', async () => {
    const db = t.server.db;
    const limit = now().toISOString();
    const late: string[] = [];
    let checked = 0;
    for (const meta of db.entityMetadatas) {
      for (const col of meta.columns) {
        const key = `${meta.tableName}.${col.databaseName}`;
        if (SECURITY_TIME.has(meta.tableName) || !isDateColumn(String(col.type), col.databaseName) || key in SCHEDULED) continue;
        const [row] = await db.query(`SELECT MAX(${col.databaseName}) AS m FROM ${meta.tableName}`);
        if (row.m === null) continue;
        checked++;
        // A month (YYYY-MM) is late when it starts after today; a day or an instant when it is after now.
        const value = asText(row.m);
        const after = value.length === 7 ? value > DEMO_TODAY.slice(0, 7) : value.slice(0, 10) > DEMO_TODAY || (value.length > 10 && value > limit);
        if (after) late.push(`${key} = ${value}`);
      }
    }
    expect(late).toEqual([]);
    expect(checked).toBeGreaterThan(50);
  });

  it('has secretaries’ half-year scores of 2020’s evaluations, months of service up to the day, and September 2020 the month just closed', async () => {
    const scores = await t.server.db.query('SELECT DISTINCT period FROM secretary_evaluations ORDER BY period');
    expect(scores.map((r: { period: string }) => r.period)).toEqual(['2019-12', '2020-06']);
    const [log] = await t.server.db.query('SELECT MAX(date) AS last, MIN(date) AS first FROM service_log_entries');
    expect(log.last <= DEMO_TODAY && log.first >= '2020-05-01').toBe(true);
    const [reports] = await t.server.db.query('SELECT MAX(period) AS last FROM project_reports');
    expect(reports.last).toBe('2020-09');
  });

  it('counts some open procedure nodes overdue on the day, not all', async () => {
    const sujiatun = await t.gql<{ areas: { children: { children: { id: string; name: string }[] }[] }[] }>('{ areas { children { children { id name } } } }', {}, token);
    const id = sujiatun.data!.areas[0].children.flatMap((c) => c.children).find((d) => d.name === '苏家屯区')!.id;
    const res = await t.gql<{ procedureFigures: { today: string; projects: number; overdueNodes: number; blockedProjects: number; byDepartment: { inProgress: number }[] } }>(
      'query($a: ID) { procedureFigures(areaId: $a) { today projects overdueNodes blockedProjects byDepartment { inProgress } } }',
      { a: id },
      token,
    );
    expect(res.errors).toBeUndefined();
    const f = res.data!.procedureFigures;
    expect(f.today).toBe(DEMO_TODAY);
    const open = f.byDepartment.reduce((n, d) => n + d.inProgress, 0);
    expect(f.overdueNodes).toBeGreaterThan(0);
    expect(f.overdueNodes).toBeLessThan(open);
    expect(f.blockedProjects).toBeLessThan(f.projects / 4);
  });

  it('counts some open problems overdue on the day, not all', async () => {
    const res = await t.gql<{ problemFigures: { open: number; overdue: number; total: number }[] }>('{ problemFigures { total open overdue } }', {}, token);
    expect(res.errors).toBeUndefined();
    const [all] = res.data!.problemFigures;
    expect(all.open).toBeGreaterThan(0);
    expect(all.overdue).toBeGreaterThan(0);
    expect(all.overdue).toBeLessThan(all.open);
  });

  it('lights no demo project red on its day for want of a report: the month-end job finds every ended month reported', async () => {
    const db = t.server.db;
    const [{ last }] = await db.query('SELECT MAX(id) AS last FROM project_lights');
    await monthEndTick(db.manager, now());
    const added: { code: string; period: string; reason_code: string }[] = await db.query(
      'SELECT p.code, l.period, l.reason_code FROM project_lights l JOIN projects p ON p.id = l.project_id WHERE l.id > ? ORDER BY p.code',
      [Number(last ?? 0)],
    );
    expect(added.filter((l) => l.reason_code === 'NOT_REPORTED' || l.reason_code === 'REPORTED_LATE')).toEqual([]);
    // 沈抚新城's converted leads (招服一体) are reported up to September 2020 like the rest of the ledger.
    const converted: { code: string; last: string | null }[] = await db.query(
      "SELECT p.code, (SELECT MAX(r.period) FROM project_reports r WHERE r.project_id = p.id) AS last FROM projects p WHERE p.code LIKE 'SF2020-%' AND p.construction_start <= '2020-09' ORDER BY p.code",
    );
    expect(converted.length).toBeGreaterThan(0);
    for (const c of converted) expect(c).toEqual({ code: c.code, last: '2020-09' });
  });

  it('has Fuxin’s 2021 livelihood session in preparation: proposals screened, 15 candidates for 10 seats, 360 delegates, no vote yet', async () => {
    const fuxin = await t.login('admin.fuxin');
    type S = { id: string; name: string; status: string; meetingDate: string; seats: number; rosterSize: number; checkedIn: number; currentRound: number; candidates: { adopted: boolean }[] };
    const res = await t.gql<{ voteSessions: S[] }>('{ voteSessions { id name status meetingDate seats rosterSize checkedIn currentRound candidates { adopted } } }', {}, fuxin);
    expect(res.errors).toBeUndefined();
    const session = res.data!.voteSessions.find((s) => s.name === '阜新市十六届人大四次会议')!;
    expect(session).toMatchObject({ status: 'DRAFT', meetingDate: '2021-01-15', seats: 10, rosterSize: 360, checkedIn: 0, currentRound: 0 });
    expect(session.candidates).toHaveLength(15);
    expect(session.candidates.some((c) => c.adopted)).toBe(false);
    const proposals = await t.gql<{ livelihoodProposals: { totalCount: number } }>('{ livelihoodProposals(filter: { status: ACCEPTED }, first: 1) { totalCount } }', {}, fuxin);
    expect(proposals.data!.livelihoodProposals.totalCount).toBeGreaterThanOrEqual(15);
    const [counts] = await t.server.db.query('SELECT (SELECT COUNT(*) FROM livelihood_projects) AS projects, (SELECT COUNT(*) FROM livelihood_rounds) AS rounds, (SELECT COUNT(*) FROM livelihood_evaluations) AS evaluations');
    expect(counts).toEqual({ projects: 0, rounds: 0, evaluations: 0 });
  });
});
