import { DRIVERS, errorCode, startTestServer, type TestServer } from '../../testing/harness';
import { AuditRecord } from '../../core/audit/audit-record.entity';
import { Area } from '../../core/areas/area.entity';
import { RankingEntry, RankingPublication } from './ranking.entity';
import { verifyRankingPublication } from './rankings.service';

const SEED = ['areas', 'accounts', 'projects', 'problems', 'rankings'];

describe.each(DRIVERS)('investment statistics, rankings and milestones [%s]', (driver) => {
  let t: TestServer;
  let ids: Record<string, string>;
  const tok: Record<string, string> = {};
  beforeAll(async () => {
    t = await startTestServer(driver, { seedModules: SEED });
    ids = Object.fromEntries((await t.server.db.getRepository(Area).find()).map((a) => [a.name, String(a.id)]));
    for (const u of ['admin.liaoning', 'admin.sujiatun', 'admin.shenyang', 'admin.dadong', 'admin.fuxin', 'admin.dalian', 'analyst', 'secretary.lijun', 'delegate.001']) tok[u] = await t.login(u);
  }, 120_000);
  afterAll(() => t.close());

  const ROW = 'key label monthActual ytdActual lastYearMonthActual lastYearYtdActual monthGrowth { percent reasonCode } ytdGrowth { percent } ytdPlanned ytdCompletion { percent } keyProjects keyProjectsLastYear keyProjectsChange resumed resumptionRate';
  const stats = (who: string, areaId: string, groupBy = 'NONE', period = '2020-09') =>
    t.gql<{ investmentStats: { total: Record<string, unknown>; rows: Record<string, unknown>[] } }>(
      `query($a: ID!, $p: Period!, $g: StatsGroupBy!) { investmentStats(areaId: $a, period: $p, groupBy: $g) { total { ${ROW} } rows { ${ROW} district { name } } } }`,
      { a: areaId, p: period, g: groupBy },
      tok[who],
    );

  it('gives Sujiatun’s September 2020 as the report does: 93亿元, 14.8亿元, +20.6%', async () => {
    const res = await stats('admin.shenyang', ids['苏家屯区']);
    expect(res.errors).toBeUndefined();
    const total = res.data!.investmentStats.total;
    expect(total).toMatchObject({
      monthActual: '1480000000.00',
      ytdActual: '9300000000.00',
      lastYearMonthActual: '1227000000.00',
      lastYearYtdActual: '8000000000.00',
      monthGrowth: { percent: 20.6, reasonCode: null },
      ytdGrowth: { percent: 16.3 },
      keyProjects: 100,
      resumed: 96,
      resumptionRate: 96,
    });
    expect(total.keyProjectsChange).toBe((total.keyProjects as number) - (total.keyProjectsLastYear as number));
    // By month: September's row is the month, the running sum reaches 93亿元.
    const months = (await stats('admin.sujiatun', ids['苏家屯区'], 'MONTH')).data!.investmentStats.rows;
    expect(months.map((m) => m.key)).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09']);
    expect(months[8]).toMatchObject({ label: '9月', monthActual: '1480000000.00', ytdActual: '9300000000.00', monthGrowth: { percent: 20.6 } });
    // By category: the parts add up to the whole.
    const cats = (await stats('analyst', ids['苏家屯区'], 'CATEGORY')).data!.investmentStats.rows;
    expect(cats.reduce((s, c) => s + BigInt(String(c.ytdActual).replace('.', '')), 0n)).toBe(930000000000n);
    // By district over the city: 苏家屯区 and 大东区 lines.
    const city = (await stats('admin.shenyang', ids['沈阳市'], 'DISTRICT')).data!.investmentStats.rows;
    expect(city.find((r) => (r.district as { name: string }).name === '苏家屯区')).toMatchObject({ ytdActual: '9300000000.00' });
  });

  it('sums the whole province without an area filter, and its parts add up', async () => {
    const province = await stats('analyst', ids['辽宁省'], 'DISTRICT');
    expect(province.errors).toBeUndefined();
    const { total, rows } = province.data!.investmentStats;
    const sum = (key: string) => rows.reduce((s, r) => s + BigInt(String(r[key]).replace('.', '')), 0n);
    expect(sum('ytdActual')).toBe(BigInt(String(total.ytdActual).replace('.', '')));
    expect(sum('monthActual')).toBe(BigInt(String(total.monthActual).replace('.', '')));
    expect(rows.find((r) => (r.district as { name: string }).name === '苏家屯区')).toMatchObject({ ytdActual: '9300000000.00', monthGrowth: { percent: 20.6 } });
    expect(rows.some((r) => (r.district as { name: string }).name === '彰武县')).toBe(true);
    // The total of a grouped answer is the ungrouped answer, every figure and rate of it.
    const whole = (await stats('analyst', ids['辽宁省'], 'NONE')).data!.investmentStats.total;
    expect(total).toEqual(whole);
    expect((await stats('analyst', ids['沈阳市'], 'CATEGORY')).data!.investmentStats.total).toEqual((await stats('analyst', ids['沈阳市'], 'NONE')).data!.investmentStats.total);
    // Asked without the key-project counts (which are then not computed): the same rows and sums.
    const SUMS = 'key label monthActual ytdActual lastYearMonthActual lastYearYtdActual monthGrowth { percent reasonCode } ytdGrowth { percent } ytdPlanned ytdCompletion { percent }';
    const pick = (r: Record<string, unknown>) =>
      Object.fromEntries(['key', 'label', 'monthActual', 'ytdActual', 'lastYearMonthActual', 'lastYearYtdActual', 'monthGrowth', 'ytdGrowth', 'ytdPlanned', 'ytdCompletion'].map((f) => [f, r[f]]));
    for (const [areaId, groupBy] of [[ids['辽宁省'], 'DISTRICT'], [ids['沈阳市'], 'CATEGORY'], [ids['苏家屯区'], 'MONTH'], [ids['苏家屯区'], 'NONE']]) {
      const full = (await stats('analyst', areaId, groupBy)).data!.investmentStats;
      const sums = await t.gql<{ investmentStats: { total: Record<string, unknown>; rows: Record<string, unknown>[] } }>(
        `query($a: ID!, $g: StatsGroupBy!) { investmentStats(areaId: $a, period: "2020-09", groupBy: $g) { total { ${SUMS} } rows { ${SUMS} } } }`,
        { a: areaId, g: groupBy },
        tok['analyst'],
      );
      expect(sums.data!.investmentStats.total).toEqual(pick(full.total));
      expect(sums.data!.investmentStats.rows).toEqual(full.rows.map(pick));
    }
  });

  it('answers a zero base with a reason, not a number', async () => {
    const res = await stats('admin.fuxin', ids['阜新市']);
    expect(res.data!.investmentStats.total.monthGrowth).toEqual({ percent: null, reasonCode: 'ZERO_BASE' });
  });

  it('keeps statistics to scope', async () => {
    expect(errorCode(await stats('admin.dadong', ids['苏家屯区']))).toBe('FORBIDDEN');
    expect(errorCode(await stats('secretary.lijun', ids['中山区']))).toBe('FORBIDDEN');
    expect(errorCode(await stats('delegate.001', ids['阜新市']))).toBe('FORBIDDEN');
  });

  it('reconciles plan and actual by month, quarter and year', async () => {
    const q = (view: string) =>
      t.gql<{ planVsActual: { label: string; planned: string; actual: string; cumulativeActual: string; completion: { percent: number | null; reasonCode: string | null } }[] }>(
        'query($a: ID!, $v: PlanView!) { planVsActual(areaId: $a, year: 2020, view: $v) { label planned actual cumulativeActual completion { percent reasonCode } } }',
        { a: ids['苏家屯区'], v: view },
        tok['admin.sujiatun'],
      );
    const quarters = (await q('QUARTER')).data!.planVsActual;
    expect(quarters.map((x) => x.label)).toEqual(['第1季度', '第2季度', '第3季度', '第4季度']);
    expect(quarters[2].cumulativeActual).toBe('9300000000.00');
    expect(quarters[3].actual).toBe('0.00');
    const year = (await q('YEAR')).data!.planVsActual;
    expect(year).toHaveLength(1);
    expect(year[0].actual).toBe('9300000000.00');
    const months = (await q('MONTH')).data!.planVsActual;
    expect(months).toHaveLength(12);
    expect(months[8].actual).toBe('1480000000.00');
    // Missing is not zero: September was reported, October (after the demo's last report) was not.
    const reported = await t.gql<{ planVsActual: { reported: boolean; actual: string }[] }>(
      'query($a: ID!) { planVsActual(areaId: $a, year: 2020, view: MONTH) { reported actual } }',
      { a: ids['苏家屯区'] },
      tok['admin.sujiatun'],
    );
    expect(reported.data!.planVsActual[8]).toEqual({ reported: true, actual: '1480000000.00' });
    expect(reported.data!.planVsActual[9]).toEqual({ reported: false, actual: '0.00' });
  });

  it('ranks a city’s districts, shows the ranking to its district admins, and publishes it once', async () => {
    const RANK = 'query($c: ID!, $p: Period!) { ranking(cityId: $c, period: $p) { published publishedBy rows { district { name } rank score projectCount ytdActual green yellow red investmentRate } } }';
    const live = await t.gql<{ ranking: { published: boolean; rows: { district: { name: string }; rank: number | null; green: number; yellow: number; red: number; ytdActual: string }[] } }>(RANK, { c: ids['沈阳市'], p: '2020-09' }, tok['admin.dadong']);
    expect(live.errors).toBeUndefined();
    expect(live.data!.ranking.published).toBe(false);
    const sj = live.data!.ranking.rows.find((r) => r.district.name === '苏家屯区')!;
    expect(sj).toMatchObject({ yellow: 10, red: 4, green: 86, ytdActual: '9300000000.00' });
    // Every district of the demo's Shenyang has lit projects, so every one is ranked.
    expect(live.data!.ranking.rows.filter((r) => r.rank !== null)).toHaveLength(13);
    expect(live.data!.ranking.rows.map((r) => r.district.name)).toEqual(expect.arrayContaining(['大东区', '苏家屯区', '和平区', '新民市']));
    expect(errorCode(await t.gql(RANK, { c: ids['沈阳市'], p: '2020-09' }, tok['admin.dalian']))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(RANK, { c: ids['沈阳市'], p: '2020-09' }, tok['secretary.lijun']))).toBe('FORBIDDEN');

    const PUBLISH = 'mutation($c: ID!, $p: Period!) { publishRanking(cityId: $c, period: $p) { published publishedBy rows { district { name } rank } } }';
    expect(errorCode(await t.gql(PUBLISH, { c: ids['沈阳市'], p: '2020-09' }, tok['admin.sujiatun']))).toBe('FORBIDDEN');
    const [a, b] = await Promise.all([t.gql(PUBLISH, { c: ids['沈阳市'], p: '2020-09' }, tok['admin.shenyang']), t.gql(PUBLISH, { c: ids['沈阳市'], p: '2020-09' }, tok['admin.shenyang'])]);
    const codes = [a, b].map((r) => (r.errors ? errorCode(r) : 'OK')).sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
    const pubs = await t.server.db.getRepository(RankingPublication).countBy({ cityId: Number(ids['沈阳市']), period: '2020-09' });
    expect(pubs).toBe(1);
    expect(await t.server.db.getRepository(AuditRecord).countBy({ action: 'ranking.publish' })).toBe(1);
    // The snapshot is frozen: a later report does not change the published ranking.
    const entries = await t.server.db.getRepository(RankingEntry).countBy({ cityId: Number(ids['沈阳市']), period: '2020-09' });
    expect(entries).toBe(live.data!.ranking.rows.length);
    const frozen = await t.gql<{ ranking: { published: boolean; publishedBy: string } }>(RANK, { c: ids['沈阳市'], p: '2020-09' }, tok['admin.sujiatun']);
    expect(frozen.data!.ranking).toMatchObject({ published: true, publishedBy: 'admin.shenyang' });
    expect(errorCode(await t.gql(PUBLISH, { c: ids['沈阳市'], p: '2099-09' }, tok['admin.shenyang']))).toBe('BAD_USER_INPUT');

    // Like the light board's publications, the ranking carries the SHA-256 of what was published:
    // it verifies from the stored rows, and fails after a hand edit of one of them.
    const hashed = await t.gql<{ ranking: { sha256: string | null } }>('query($c: ID!) { ranking(cityId: $c, period: "2020-09") { sha256 } }', { c: ids['沈阳市'] }, tok['admin.sujiatun']);
    expect(hashed.data!.ranking.sha256).toMatch(/^[0-9a-f]{64}$/);
    const pub = await t.server.db.getRepository(RankingPublication).findOneByOrFail({ cityId: Number(ids['沈阳市']), period: '2020-09' });
    expect(await verifyRankingPublication(t.server.db.manager, pub.id)).toMatchObject({ ok: true, stored: hashed.data!.ranking.sha256 });
    const first = await t.server.db.getRepository(RankingEntry).findOneOrFail({ where: { publicationId: pub.id }, order: { id: 'ASC' } });
    await t.server.db.getRepository(RankingEntry).update({ id: first.id }, { red: first.red + 1 });
    expect((await verifyRankingPublication(t.server.db.manager, pub.id)).ok).toBe(false);
    await t.server.db.getRepository(RankingEntry).update({ id: first.id }, { red: first.red });
    expect((await verifyRankingPublication(t.server.db.manager, pub.id)).ok).toBe(true);
    expect(live.data!.ranking.published).toBe(false);

    const hist = await t.gql<{ rankHistory: { period: string; rank: number; ranked: number }[] }>('query($d: ID!) { rankHistory(districtId: $d) { period rank ranked } }', { d: ids['苏家屯区'] }, tok['admin.sujiatun']);
    expect(hist.data!.rankHistory).toEqual([{ period: '2020-09', rank: expect.any(Number), ranked: 13 }]);
  });

  it('ranks Fuxin’s counties, 彰武县 first', async () => {
    const res = await t.gql<{ ranking: { published: boolean; rows: { district: { name: string }; rank: number | null; score: number | null }[] } }>(
      'query($c: ID!) { ranking(cityId: $c, period: "2020-09") { published rows { district { name } rank score } } }',
      { c: ids['阜新市'] },
      tok['admin.fuxin'],
    );
    expect(res.data!.ranking.published).toBe(true);
    expect(res.data!.ranking.rows[0]).toMatchObject({ district: { name: '彰武县' }, rank: 1 });
    for (const pub of await t.server.db.getRepository(RankingPublication).findBy({ cityId: Number(ids['阜新市']) })) expect((await verifyRankingPublication(t.server.db.manager, pub.id)).ok).toBe(true);
    expect(res.data!.ranking.rows.filter((r) => r.rank !== null)).toHaveLength(7);
  });

  it('warns of projects whose year will fall short, before or after the light turns', async () => {
    const q = (onlyFlagged: boolean, who = 'admin.fuxin', area = ids['阜新市']) =>
      t.gql<{ earlyWarnings: { project: { name: string }; atRisk: boolean; earlyWarning: boolean; backLoaded: boolean; light: string | null; forecastPercent: number | null; reason: string }[] }>(
        'query($a: ID, $f: Boolean!) { earlyWarnings(areaId: $a, period: "2020-09", onlyFlagged: $f) { project { name } atRisk earlyWarning backLoaded light forecastPercent reason } }',
        { a: area, f: onlyFlagged },
        tok[who],
      );
    const all = await q(false);
    expect(all.errors).toBeUndefined();
    expect(all.data!.earlyWarnings).toHaveLength(16); // every Fuxin project
    const flagged = (await q(true)).data!.earlyWarnings;
    expect(flagged.every((w) => w.atRisk || w.backLoaded)).toBe(true);
    expect(flagged.every((w) => !w.earlyWarning || w.light === 'GREEN' || w.light === null)).toBe(true);
    const taiping = flagged.find((w) => w.project.name === '太平区老旧小区配套改造')!;
    expect(taiping).toMatchObject({ atRisk: true, earlyWarning: false, light: 'RED' });
    expect(taiping.forecastPercent).toBeCloseTo(82.5, 0);
    expect(taiping.reason).toContain('预警线');
    expect(flagged.some((w) => w.project.name.startsWith('彰武县'))).toBe(false);
    expect(errorCode(await q(true, 'admin.dadong'))).toBe('FORBIDDEN');
  });

  it('shows the milestones of an area’s projects due, met and late in a month', async () => {
    const q = (who: string, areaId: string | null, period: string) =>
      t.gql<{ milestoneView: { dueThisMonth: number; metThisMonth: number; metOnTimeThisMonth: number; late: number; items: { projectName: string; state: string; milestone: { name: string } }[] } }>(
        'query($a: ID, $p: Period!) { milestoneView(areaId: $a, period: $p) { dueThisMonth metThisMonth metOnTimeThisMonth late items { projectName state milestone { name } } } }',
        { a: areaId, p: period },
        tok[who],
      );
    const aug = await q('admin.dalian', null, '2020-08');
    expect(aug.errors).toBeUndefined();
    // 15 projects: 14 met 设备安装 on 28 August, 保利天禧 did not.
    expect(aug.data!.milestoneView).toMatchObject({ dueThisMonth: 15, metThisMonth: 14, metOnTimeThisMonth: 14, late: 1 });
    expect(aug.data!.milestoneView.items.find((i) => i.state === 'LATE')).toMatchObject({ projectName: '保利天禧', milestone: { name: '设备安装' } });
    const zs = await q('admin.dalian', ids['中山区'], '2020-09');
    expect(zs.data!.milestoneView.late).toBe(1);
    expect(errorCode(await q('admin.dadong', ids['中山区'], '2020-09'))).toBe('FORBIDDEN');
  });

  it('lists every district, those with nothing reported marked reported: false (missing is not zero)', async () => {
    const rowsOf = async (fields: string) =>
      (
        await t.gql<{ investmentStats: { rows: { district: { name: string }; ytdActual: string; reported: boolean; keyProjects?: number }[] } }>(
          `query($a: ID!) { investmentStats(areaId: $a, period: "2020-09", groupBy: DISTRICT) { rows { district { name } ytdActual reported ${fields} } } }`,
          { a: ids['辽宁省'] },
          tok['analyst'],
        )
      ).data!.investmentStats.rows;
    const rows = await rowsOf('keyProjects');
    const districts = (await t.gql<{ districts: { id: string; name: string }[] }>('{ districts { id name } }', {}, tok['admin.liaoning'])).data!.districts;
    expect(rows.map((r) => r.district.name).sort()).toEqual(districts.map((d) => d.name).sort());
    expect(rows.filter((r) => r.reported).length).toBeGreaterThan(0);
    const silent = rows.filter((r) => !r.reported);
    expect(silent.length).toBeGreaterThan(0);
    const empty = districts.find((d) => d.name === silent.find((r) => !r.keyProjects)!.district.name)!;
    expect(empty).toBeDefined();
    const created = await t.gql(
      'mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }',
      {
        i: {
          districtId: empty.id,
          code: 'STATS-NO-FIGURES-1',
          name: '尚无计划和填报的重点项目',
          category: 'INDUSTRIAL',
          stage: 'NEW',
          totalInvestment: '300000000.00',
          constructionStart: '2020-01',
          constructionEnd: '2021-12',
          enterprise: '辽宁测试实业有限公司',
          responsibleLeader: '分管副区长',
          responsibleUnit: '区发展和改革局',
          keyPush: false,
          majorGovernmentInvestment: false,
        },
      },
      tok['admin.liaoning'],
    );
    expect(created.errors).toBeUndefined();
    // A key project without plans or reports: counted, and still nothing reported.
    expect((await rowsOf('')).find((r) => r.district.name === empty.name)).toEqual({ district: { name: empty.name }, ytdActual: '0.00', reported: false });
    expect((await rowsOf('keyProjects')).find((r) => r.district.name === empty.name)).toEqual({ district: { name: empty.name }, ytdActual: '0.00', reported: false, keyProjects: 1 });
  });
});
