/**
 * The dispatch app (调度督办) in a real browser (tests/e2e/browser.ts): Shenyang's city admin reads
 * Sujiatun's investment statistics, generates its must-dispatch list, lists an overdue problem for
 * city supervision and publishes the month's ranking.
 */
import type { Page } from 'playwright-core';
import { adminInBrowser, browserDescribe, OPEN_SELECT_OPTION, typeInPicker } from './browser';

browserDescribe('the dispatch app in Chromium', () => {
  const admin = adminInBrowser();
  const { newPage, signIn, shot, navTo } = admin;
  let token: string;
  let sujiatun: string;
  let shenyang: string;

  beforeAll(async () => {
    token = await admin.server.login('admin.shenyang');
    const areas = await admin.server.gql<{ districts: Array<{ id: string; name: string; parent: { id: string } }> }>('{ districts { id name parent { id } } }', {}, token);
    const sj = areas.data!.districts.find((d) => d.name === '苏家屯区')!;
    sujiatun = sj.id;
    shenyang = sj.parent.id;
  });

  /** Picks `label` in an antd Select by typing it; tries again if the dropdown closed before the click landed. */
  async function choose(page: Page, testId: string, label: string) {
    const select = `[data-testid=${testId}]`;
    for (let attempt = 0; attempt < 3; attempt++) {
      await page.click(select);
      await page.keyboard.type(label);
      await page.click(`${OPEN_SELECT_OPTION}[title="${label}"]`);
      const picked = await page
        .waitForFunction(([sel, text]) => document.querySelector(sel)?.textContent?.includes(text), [select, label] as const, { timeout: 3_000 })
        .then(() => true, () => false);
      if (picked) return;
      await page.keyboard.press('Escape');
    }
  }

  /** "93.00" in a column headed 亿元 (or "93.00亿元" in a sentence) → 9300000000 (元), as the page shows it. */
  function yuanOf(text: string, unit: '亿元' | '万元' = '亿元'): number {
    const m = /^([\d,]+(?:\.\d+)?)(亿元|万元)?$/.exec(text.trim());
    if (!m) throw new Error(`not an amount: ${text}`);
    return Number(m[1].replace(/,/g, '')) * ((m[2] ?? unit) === '亿元' ? 1e8 : 1e4);
  }

  test('admin.shenyang: Sujiatun’s statistics for September 2020, its dispatch list with reasons, an overdue problem escalated, the ranking published', async () => {
    const { page } = await newPage();
    await signIn(page, 'admin.shenyang');
    await page.waitForSelector('[data-testid=nav-dispatch]');
    await navTo(page, 'dispatch');
    await page.waitForSelector('[data-testid=problem-table]');
    await shot(page, 'dispatch-01-problems');

    // Rankings and statistics: the month opens on the latest month with reported investment.
    await page.click('[data-testid=tab-rankings]');
    expect(page.url()).toMatch(/\/dispatch\/rankings$/);
    await page.waitForSelector('[data-testid=stats-table] [data-testid="stats-row-苏家屯区"]');
    expect(await page.inputValue('[data-testid=ranking-period] input, input[data-testid=ranking-period]')).toBe('2020年09月');
    const row = '[data-testid=stats-table] [data-testid="stats-row-苏家屯区"]';
    const ytd = (await page.textContent(`${row} [data-testid=stat-ytd]`))!;
    const month = (await page.textContent(`${row} [data-testid=stat-month]`))!;
    const growth = (await page.textContent(`${row} [data-testid=stat-month-growth]`))!;
    // One unit per column, stated in its header, at most two decimals.
    expect(ytd).toBe('93.00');
    expect(await page.textContent('[data-testid=stats-table] thead')).toContain('（亿元）');
    expect(yuanOf(ytd)).toBe(9_300_000_000);
    expect(yuanOf(month)).toBe(1_480_000_000);
    expect(growth).toBe('+20.6%');
    // The same figures as the API computes them.
    const stats = await admin.server.gql<{ investmentStats: { total: { ytdActual: string; monthActual: string; monthGrowth: { percent: number } } } }>(
      'query($a: ID!) { investmentStats(areaId: $a, period: "2020-09") { total { ytdActual monthActual monthGrowth { percent } } } }',
      { a: sujiatun },
      token,
    );
    expect(Number(stats.data!.investmentStats.total.ytdActual)).toBe(yuanOf(ytd));
    expect(Number(stats.data!.investmentStats.total.monthActual)).toBe(yuanOf(month));
    expect(growth).toBe(`+${stats.data!.investmentStats.total.monthGrowth.percent.toFixed(1)}%`);
    await page.waitForSelector('[data-testid=ranking-table] tr.ant-table-row');
    await page.waitForSelector('[data-testid=ranking-unpublished]');
    // The year's plan against actual, month by month, and the projects warned of.
    await page.waitForSelector('[data-testid=plan-table] tr.ant-table-row');
    expect(await page.$$eval('[data-testid=plan-table] tr.ant-table-row', (trs) => trs.length)).toBe(12);
    const warnings = await admin.server.gql<{ earlyWarnings: unknown[] }>('query($a: ID!) { earlyWarnings(areaId: $a, period: "2020-09") { atRisk } }', { a: shenyang }, token);
    expect(warnings.errors).toBeUndefined();
    if (warnings.data!.earlyWarnings.length) await page.waitForSelector('[data-testid=warnings-table] tr.ant-table-row');
    expect(await page.$('[data-testid=error-message]')).toBeNull();
    await shot(page, 'dispatch-02-statistics-2020-09');

    // Dispatch meetings: Sujiatun's must-dispatch list, every row with its reasons.
    await page.click('[data-testid=tab-meetings]');
    await choose(page, 'meeting-area', '苏家屯区');
    await page.click('[data-testid=generate-list]');
    await page.waitForSelector('[data-testid=dispatch-list] tr.ant-table-row');
    const list = await admin.server.gql<{ dispatchList: Array<{ project: { name: string }; reasons: string[] }> }>(
      'query($a: ID) { dispatchList(areaId: $a) { project { name } reasons } }',
      { a: sujiatun },
      token,
    );
    const expected = list.data!.dispatchList;
    expect(expected.length).toBeGreaterThan(0);
    expect(await page.textContent('[data-testid=list-count]')).toBe(`共 ${expected.length} 条`);
    const rows = await page.$$eval('[data-testid=dispatch-list] tr.ant-table-row', (trs) =>
      trs.map((tr) => ({
        name: tr.querySelector('td')?.textContent ?? '',
        reasons: [...tr.querySelectorAll('[data-testid^=reason-]')].map((e) => e.getAttribute('data-testid')!.slice('reason-'.length)),
      })),
    );
    expect(rows.length).toBe(Math.min(expected.length, 20));
    for (const r of rows) {
      expect(r.reasons.length).toBeGreaterThan(0);
      expect(r.reasons).toEqual(expected.find((e) => e.project.name === r.name)!.reasons);
    }
    expect(await page.textContent('[data-testid=dispatch-list]')).toMatch(/重点推进项目|新建项目|存在问题的续建项目|重大政府投资项目/);
    await shot(page, 'dispatch-03-list-sujiatun');

    // Problems: an overdue district problem of Sujiatun, listed for city supervision by the city admin.
    await page.click('[data-testid=tab-problems]');
    await choose(page, 'problem-district', '苏家屯区');
    await choose(page, 'problem-overdue-filter', '待提级');
    const title = '规划方案审查意见未回复';
    await page.click(`[data-testid=problem-open]:text("${title}")`);
    await page.waitForSelector('[data-testid=problem-detail] [data-testid=level-district]');
    expect(await page.textContent('[data-testid=problem-detail] [data-testid=detail-status]')).toContain('逾期');
    await page.click('[data-testid=move-ESCALATE]');
    // Without a city leader the server refuses, and says why.
    await page.click('[data-testid=move-submit]');
    // Under the field it names, in Chinese.
    const leaderRefused = page.locator('[data-testid=problem-detail] .ant-form-item:has([data-testid=move-city-leader]) .ant-form-item-explain-error');
    expect(await leaderRefused.textContent()).toContain('市级挂牌督办须明确牵头市领导');
    await shot(page, 'dispatch-04-escalate-refused');
    await page.fill('[data-testid=move-city-leader]', '分管副市长');
    await page.click('[data-testid=move-submit]');
    await page.waitForSelector('[data-testid=move-done]');
    expect(await (await page.waitForSelector('[data-testid=problem-detail] [data-testid=level-city]')).textContent()).toBe('市级挂牌督办 · 分管副市长');
    await shot(page, 'dispatch-05-escalated');
    const found = await admin.server.gql<{ problems: { nodes: Array<{ title: string; level: string; cityLeader: string; escalationReason: string }> } }>(
      'query($a: ID) { problems(filter: { areaId: $a, levels: [CITY] }) { nodes { title level cityLeader escalationReason } } }',
      { a: sujiatun },
      token,
    );
    expect(found.data!.problems.nodes.find((p) => p.title === title)).toEqual({ title, level: 'CITY', cityLeader: '分管副市长', escalationReason: 'DEADLINE_PASSED' });
    await page.keyboard.press('Escape');

    // The rest of Sujiatun's overdue problems, all at once.
    const dueBefore = await admin.server.gql<{ problems: { totalCount: number } }>('query($a: ID) { problems(filter: { areaId: $a, escalationDue: true }) { totalCount } }', { a: sujiatun }, token);
    expect(dueBefore.data!.problems.totalCount).toBeGreaterThan(0);
    await page.click('[data-testid=escalate-all]');
    await page.fill('[data-testid=escalate-all-leader]', '分管副市长');
    await page.click('[data-testid=escalate-all-submit]');
    expect(await (await page.waitForSelector('[data-testid=escalate-all-result]')).textContent()).toBe(`已将 ${dueBefore.data!.problems.totalCount} 个问题列为市级挂牌督办`);
    const dueAfter = await admin.server.gql<{ problems: { totalCount: number } }>('query($a: ID) { problems(filter: { areaId: $a, escalationDue: true }) { totalCount } }', { a: sujiatun }, token);
    expect(dueAfter.data!.problems.totalCount).toBe(0);
    await shot(page, 'dispatch-06-escalated-all');
    await page.keyboard.press('Escape');

    // Rankings: publish September 2020; the page then says who published it and when.
    await page.click('[data-testid=tab-rankings]');
    await typeInPicker(page, 'ranking-period', '2020-09');
    await page.waitForSelector('[data-testid=ranking-unpublished]');
    await page.click('[data-testid=publish-ranking]');
    await page.click('[data-testid=publish-confirm]');
    const published = (await (await page.waitForSelector('[data-testid=ranking-published]')).textContent())!;
    const ranking = await admin.server.gql<{ ranking: { published: boolean; publishedBy: string; publishedAt: string } }>(
      'query($c: ID!) { ranking(cityId: $c, period: "2020-09") { published publishedBy publishedAt } }',
      { c: shenyang },
      token,
    );
    expect(ranking.data!.ranking.published).toBe(true);
    expect(published).toContain(`由 ${ranking.data!.ranking.publishedBy} 发布`);
    // The moment in China's time, whatever the browser's zone (the test browser runs in Berlin).
    const at = new Date(ranking.data!.ranking.publishedAt);
    const china = new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
    expect(published).toContain(china);
    expect(await page.$('[data-testid=publish-ranking]')).toBeNull();
    await page.waitForSelector('[data-testid=rank-history-chart] canvas');
    await shot(page, 'dispatch-07-ranking-published');
    await page.context().close();
  });

  test('admin.sujiatun: holds the district’s October meeting from the generated list, records it, adds a decision, opens the pack; asks the city for help, in English too', async () => {
    const { context, page } = await newPage();
    await signIn(page, 'admin.sujiatun');
    await page.waitForSelector('[data-testid=nav-dispatch]');
    await page.goto(admin.server.url + '/dispatch/meetings');
    // The district's own meetings: the demo's September meeting is listed.
    await page.waitForSelector('[data-testid=meeting-table] [data-testid=meeting-open]:text("苏家屯区2020年9月重点项目调度会")');
    await typeInPicker(page, 'meeting-period', '2020-10');
    await page.click('[data-testid=generate-list]');
    await page.waitForSelector('[data-testid=dispatch-list] tr.ant-table-row');
    await page.click('[data-testid=create-meeting]');
    await page.waitForSelector('[data-testid=meeting-detail] [data-testid=meeting-pack]');
    expect(page.url()).toMatch(/\/dispatch\/meetings\/\d+$/);
    const meetingId = /\/meetings\/(\d+)$/.exec(page.url())![1];

    // The print-ready pack and its workbook, as the links open them.
    const packHref = (await page.getAttribute('[data-testid=meeting-pack]', 'href'))!;
    expect(await page.getAttribute('[data-testid=meeting-pack]', 'target')).toBe('_blank');
    const pack = await context.request.get(admin.server.url + packHref);
    expect(pack.status()).toBe(200);
    expect(pack.headers()['content-type']).toContain('text/html');
    const xlsx = await context.request.get(admin.server.url + (await page.getAttribute('[data-testid=meeting-pack-xlsx]', 'href'))!);
    expect(xlsx.status()).toBe(200);

    // The record: attendees one per line, minutes.
    await page.fill('[data-testid=record-attendees]', '区长，苏家屯区人民政府，主持\n局长，苏家屯区发展和改革局，汇报');
    await page.fill('[data-testid=record-minutes]', '听取10月重点项目汇报，红灯项目由包保领导现场办公。');
    await page.click('[data-testid=record-save]');
    await page.waitForSelector('[data-testid=meeting-detail] .ant-alert-success');
    const token = await admin.server.login('admin.sujiatun');
    const saved = await admin.server.gql<{ dispatchMeeting: { minutes: string; attendees: Array<{ name: string; unit: string; role: string }>; list: Array<{ project: { name: string } }> } }>(
      'query($id: ID!) { dispatchMeeting(id: $id) { minutes attendees { name unit role } list { project { name } } } }',
      { id: meetingId },
      token,
    );
    expect(saved.data!.dispatchMeeting.minutes).toBe('听取10月重点项目汇报，红灯项目由包保领导现场办公。');
    expect(saved.data!.dispatchMeeting.attendees).toEqual([
      { name: '区长', unit: '苏家屯区人民政府', role: '主持' },
      { name: '局长', unit: '苏家屯区发展和改革局', role: '汇报' },
    ]);
    expect(saved.data!.dispatchMeeting.list.length).toBeGreaterThan(0);
    await shot(page, 'dispatch-08-meeting-recorded');

    // A decision, with no owner unit: the server's reason; with one: a problem of the meeting.
    const firstListed = saved.data!.dispatchMeeting.list[0].project.name;
    await choose(page, 'decision-project', firstListed);
    expect(await page.textContent('[data-testid=decision-project]')).toContain(firstListed);
    await page.fill('[data-testid=decision-title]', '二期厂房消防验收');
    await page.click('[data-testid=decision-add]');
    expect(await page.locator('[data-testid=meeting-detail] .ant-form-item:has([data-testid=decision-owner]) .ant-form-item-explain-error').textContent()).toContain('责任单位');
    await page.fill('[data-testid=decision-owner]', '苏家屯区住建局');
    await page.click('[data-testid=decision-add]');
    await page.waitForSelector('[data-testid=meeting-detail] [data-testid=problem-table] tr.ant-table-row:has-text("二期厂房消防验收")');
    await shot(page, 'dispatch-09-meeting-decision');

    // A district admin asks the city for help; listing for city supervision is the city's.
    await page.goto(admin.server.url + '/dispatch');
    await page.waitForSelector('[data-testid=problem-table]');
    expect(await page.$('[data-testid=escalate-all]')).toBeNull();
    await page.click('[data-testid=problem-open]:text("二期厂房消防验收")');
    await page.waitForSelector('[data-testid=move-REQUEST_ESCALATION]');
    expect(await page.$('[data-testid=move-ESCALATE]')).toBeNull();
    await page.click('[data-testid=move-REQUEST_ESCALATION]');
    await page.fill('[data-testid=move-reason]', '需市消防支队协调');
    await page.click('[data-testid=move-submit]');
    await page.waitForSelector('[data-testid=move-done]');
    expect(await page.textContent('[data-testid=problem-detail]')).toContain('需市消防支队协调');
    await page.keyboard.press('Escape');

    // In English.
    await page.click('[data-testid=locale-switch]');
    expect(await (await page.waitForSelector('[data-testid=tab-rankings]')).textContent()).toBe('Rankings and statistics');
    await page.click('[data-testid=tab-rankings]');
    await page.waitForSelector('[data-testid=stats-table] [data-testid="stats-row-苏家屯区"]');
    expect(await page.textContent('[data-testid=stats-table] thead')).toContain('Year to date');
    await shot(page, 'dispatch-10-rankings-en');
    await context.close();
  });
});
