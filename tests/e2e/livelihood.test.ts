/**
 * The livelihood vote in a real browser: an admin of 阜新市 sets up a session in the admin (roster
 * import, candidates from accepted proposals), a delegate on a phone checks in, sees the frozen list
 * and its fingerprint, votes and keeps the receipt code; the scrutineers hold the counting key's
 * shares (one makes her key on her phone and opens her share there); after the admin ends the
 * casting and two scrutineers brought their shares the code is
 * in the published ballot list, in the admin and on the public page without sign-in; the admin's
 * implementation board shows the demo year's adopted projects, and the year-end evaluation runs from
 * opening to each project's result.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { rosterWorkbook } from '../../services/api/src/modules/livelihood/testkit';
import { newHolderKey, openShare } from '../../services/api/src/modules/livelihood/counting-key';
import { adminInBrowser, browserDescribe, chooseFirstOptions, chooseOption, pickOption, typeInPicker } from './browser';

const SESSION_NAME = '阜新市十六届人大六次会议（浏览器测试）';
const DELEGATES = ['delegate.001', 'delegate.002', 'delegate.003'];
// The session is this year's, so its projects' months up to now may be reported.
const YEAR = Number(
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()),
);

browserDescribe('livelihood votes in the browser', () => {
  const admin = adminInBrowser();

  async function texts(page: Page, selector: string): Promise<string[]> {
    return page.$$eval(selector, (els) => els.map((e) => (e.textContent ?? '').trim()));
  }

  // One session followed through the year: each test goes on from where the one before stopped.
  let a: Page;
  let d: Page;
  let p: Page;
  let sc: Page;
  let url: string;
  let sessionId: string;
  let candidates: Array<{ id: string; name: string; position: number }>;
  let tokens: string[];

  beforeAll(async () => {
    url = admin.server.url;
    [a, d, p, sc] = (
      await Promise.all([admin.newPage(), admin.newPage({ width: 390, height: 844 }), admin.newPage(), admin.newPage({ width: 390, height: 844 })])
    ).map((x) => x.page);
  });

  test('a delegate on a phone votes and finds the receipt in the published list after the admin closes the vote', async () => {
    const rosterFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kpd-roster-')), 'roster.xlsx');
    fs.writeFileSync(
      rosterFile,
      await rosterWorkbook(
        DELEGATES.map((username, i) => ({ username, name: `代表${i + 1}`, scrutineer: true })),
      ),
    );
    try {
      // The admin creates the session.
      await admin.signIn(a, 'admin.fuxin');
      await a.waitForSelector('[data-testid=viewer]');
      await a.goto(url + '/livelihood');
      await a.click('[data-testid=session-new]');
      await a.fill('#name', SESSION_NAME);
      await a.fill('#meetingDate', `${YEAR}-12-20`);
      await a.fill('#seats', '2');
      expect(await a.textContent('[data-testid=session-form]')).toContain('得票超过名册全体代表的半数');
      await a.click('[data-testid=session-create]');
      await a.waitForSelector('[data-testid=session-detail]');
      expect(await a.textContent('[data-testid=session-status]')).toBe('筹备');
      sessionId = a.url().split('/').pop()!;

      // Candidates from three accepted proposals of the city.
      const chosen = await chooseFirstOptions(a, 'candidate-proposals', 3);
      await a.click('[data-testid=candidate-add-proposals]');
      const candidateRows = a.locator('[data-testid=candidate-editor] .ant-table-row');
      await candidateRows.nth(chosen.length - 1).waitFor();
      expect(await candidateRows.count()).toBe(3);
      expect(await Promise.all(chosen.map((_, i) => candidateRows.nth(i).locator('input').first().inputValue()))).toEqual(chosen);
      await a.click('[data-testid=candidate-save]');
      await a.waitForSelector('[data-testid=candidate-saved]');

      // The roster: a dry run with no problems, then the import.
      await a.setInputFiles('[data-testid=roster-import] input[type=file]', rosterFile);
      await a.waitForSelector('[data-testid=import-ok]');
      await a.click('[data-testid=import-commit]');
      await a.waitForSelector('[data-testid=import-committed]');
      await a.locator('[data-testid=checkin-count]', { hasText: '已报到 0 / 3 人' }).waitFor();
      expect(await a.textContent('[data-testid=quorum]')).toContain('还差 2 人');
      await admin.shot(a, 'livelihood-01-session-setup');

      // Opening before three scrutineers registered their counting keys is refused with the reason.
      await a.click('[data-testid=vote-open]');
      await a.click('[data-testid=vote-open-ok]');
      await a.locator('[data-testid=vote-control]', { hasText: '已登记计票公钥的监票人 0 名，须至少 3 名' }).waitFor();

      // The scrutineers register their keys: 代表3 makes hers on her phone (the key file is
      // downloaded, the private key never sent); 代表1 and 代表2 through the API, keeping theirs.
      tokens = await Promise.all(DELEGATES.map((u) => admin.server.login(u)));
      const holderKeys = [newHolderKey(), newHolderKey()];
      for (const i of [0, 1]) {
        const r = await admin.server.gql('mutation($s: ID!, $k: String!) { registerCountingKey(sessionId: $s, publicKey: $k) { shareKey } }', { s: sessionId, k: holderKeys[i].publicKey }, tokens[i]);
        expect(r.errors).toBeUndefined();
      }
      await admin.signIn(sc, 'delegate.003');
      await sc.waitForSelector('[data-testid=viewer]');
      await sc.goto(`${url}/livelihood/sessions/${sessionId}`);
      expect(await (await sc.waitForSelector('[data-testid=key-state]')).textContent()).toContain('尚未登记');
      const [download] = await Promise.all([sc.waitForEvent('download'), sc.click('[data-testid=key-generate]')]);
      const keyFile = path.join(path.dirname(rosterFile), 'counting-key.json');
      await download.saveAs(keyFile);
      await sc.locator('[data-testid=key-state]', { hasText: '已登记计票公钥' }).waitFor();
      const saved = JSON.parse(fs.readFileSync(keyFile, 'utf8')) as { publicKey: string; privateKey: { d: string } };
      expect(saved.privateKey.d).toBeTruthy();
      const registered = await admin.server.gql<{ voteSession: { me: { shareKey: string } } }>('query($id: ID!) { voteSession(id: $id) { me { shareKey } } }', { id: sessionId }, tokens[2]);
      expect(registered.data!.voteSession.me.shareKey).toBe(saved.publicKey);
      await admin.shot(sc, 'livelihood-02a-scrutineer-key-phone');

      // Opening without a quorum is refused with the server's reason.
      await a.click('[data-testid=vote-open]');
      await a.click('[data-testid=vote-open-ok]');
      await a.locator('[data-testid=vote-control]', { hasText: '三分之二' }).waitFor();

      // The delegate checks in on a phone.
      await admin.signIn(d, 'delegate.001');
      await d.waitForSelector('[data-testid=viewer]');
      await d.goto(url + '/livelihood/ballot');
      const checkIn = d.locator('[data-testid=checkin]', { hasText: SESSION_NAME });
      await checkIn.locator('[data-testid=checkin-button]').click();
      await checkIn.locator('[data-testid=checkin-done]').waitFor();
      await admin.shot(d, 'livelihood-02-delegate-checked-in');

      // The other two check in (through the API); the admin's count follows, and the vote opens.
      for (const token of tokens.slice(1)) {
        const r = await admin.server.gql(
          'mutation($s: ID!) { checkInToSession(sessionId: $s) { checkedInAt } }',
          { s: sessionId },
          token,
        );
        expect(r.errors).toBeUndefined();
      }
      await a
        .locator('[data-testid=checkin-count]', { hasText: '已报到 3 / 3 人' })
        .waitFor({ timeout: 20_000 });
      await a.click('[data-testid=vote-open]');
      await a.click('[data-testid=vote-open-ok]');
      const fingerprint = (await (
        await a.waitForSelector('[data-testid=session-fingerprint]')
      ).textContent())!.trim();
      expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
      expect(await a.textContent('[data-testid=session-status]')).toBe('投票中');
      // The admin never sees a share: each is sealed to its scrutineer's key.
      expect(await a.locator('[data-testid=vote-control]').innerText()).not.toMatch(/[0-9A-F]{8}-[123]-[0-9A-F]{64}/);
      // No counts while the vote is open.
      expect(await a.textContent('[data-testid=results-hidden]')).toContain('投票进行中');
      await admin.shot(a, 'livelihood-03-vote-open');

      // The delegate's ballot appears: the frozen list and its fingerprint, the same as the admin's.
      const ballot = d.locator('[data-testid=ballot]', { hasText: SESSION_NAME });
      await ballot.waitFor({ timeout: 20_000 });
      expect(await ballot.locator('[data-testid=ballot-fingerprint]').textContent()).toContain(fingerprint);
      const session = await admin.server.gql<{
        voteSession: { round: { candidates: Array<{ id: string; name: string; position: number }> } };
      }>('query($id: ID!) { voteSession(id: $id) { round { candidates { id name position } } } }', {
        id: sessionId,
      });
      candidates = [...session.data!.voteSession.round.candidates].sort((x, y) => x.position - y.position);
      const shown = await ballot.locator('.ant-checkbox-wrapper strong').allTextContents();
      expect(shown).toEqual(candidates.map((c, i) => `${i + 1}. ${c.name}`));
      await ballot.locator('.ant-checkbox-wrapper').nth(0).click();
      await ballot.locator('.ant-checkbox-wrapper').nth(1).click();
      // The third box is disabled: two seats.
      expect(await ballot.locator('.ant-checkbox-wrapper').nth(2).locator('input').isDisabled()).toBe(true);
      await admin.shot(d, 'livelihood-04-ballot-phone');
      await ballot.locator('[data-testid=ballot-cast]').click();
      // Nothing is cast yet: the marks are read back for confirmation.
      const marks = d.locator('[data-testid=ballot-confirm-marks]');
      await marks.waitFor();
      expect(await marks.textContent()).toContain(`1. ${candidates[0].name}`);
      expect(await marks.textContent()).toContain(`2. ${candidates[1].name}`);
      await admin.shot(d, 'livelihood-04b-ballot-confirm-phone');
      await d.click('#ballot-confirm');
      const receipt = (await ballot.locator('[data-testid=ballot-receipt-code]').textContent())!.trim();
      expect(receipt.length).toBeGreaterThanOrEqual(8);
      expect((await ballot.locator('[data-testid=ballot-tracker]').innerText()).trim()).toMatch(/^[0-9a-f]{64}$/);
      await admin.shot(d, 'livelihood-05-receipt-phone');

      // The second votes through the API; the third takes a paper sheet, which the admin enters as marked.
      const second = await admin.server.gql(
        'mutation($s: ID!, $c: [ID!]!) { castBallot(sessionId: $s, candidateIds: $c) { receiptCode } }',
        { s: sessionId, c: [candidates[0].id, candidates[1].id] },
        tokens[1],
      );
      expect(second.errors).toBeUndefined();
      // The admin prints receipt codes for the sheets (the voter keeps the stub), and hands one out.
      await a.fill('[data-testid=paper-print-count] input', '2');
      await a.click('[data-testid=paper-print]');
      const printed = (await a.locator('[data-testid=paper-printed] .ant-typography').innerText()).split(/\s+/).filter((x) => /^[0-9A-Z]{4}-/.test(x));
      expect(printed).toHaveLength(2);
      await chooseOption(a, 'paper-delegate', '代表3');
      await a.click('[data-testid=paper-issue]');
      await a.locator('[data-testid=paper-batches]', { hasText: '本人发放' }).waitFor();
      // A second person, the scrutineer, confirms the admin's batch; only then does it count as issued.
      const batches = await admin.server.gql<{ voteSession: { round: { paperBatches: { id: string }[] } } }>(
        'query($id: ID!) { voteSession(id: $id) { round { paperBatches { id } } } }',
        { id: sessionId },
        tokens[2],
      );
      const confirmed = await admin.server.gql(
        'mutation($s: ID!, $b: ID!) { confirmPaperBatch(sessionId: $s, batchId: $b) }',
        { s: sessionId, b: batches.data!.voteSession.round.paperBatches[0].id },
        tokens[2],
      );
      expect(confirmed.errors).toBeUndefined();
      await a.locator('[data-testid=paper-batches]', { hasText: '已由 代表3 确认' }).waitFor({ timeout: 20_000 });
      await a.locator('[data-testid=paper-reconciliation]', { hasText: '1 张' }).waitFor();
      const paperSheet = a.locator('[data-testid=paper-sheet]').first();
      await paperSheet.locator('.ant-checkbox-wrapper').nth(0).click();
      await paperSheet.locator('.ant-checkbox-wrapper').nth(2).click();
      await paperSheet.locator('[data-testid=paper-sheet-code] input').fill(printed[1]);
      await a.click('[data-testid=paper-enter]');
      expect(await (await a.waitForSelector('[data-testid=paper-entered]')).textContent()).toContain(printed[1]);
      await admin.shot(a, 'livelihood-05b-paper');
      // Having taken a sheet, the third delegate cannot vote in the app as well.
      const twice = await admin.server.gql(
        'mutation($s: ID!, $c: [ID!]!) { castBallot(sessionId: $s, candidateIds: $c) { receiptCode } }',
        { s: sessionId, c: [candidates[0].id] },
        tokens[2],
      );
      expect(twice.errors?.[0].extensions?.code).toBe('CONFLICT');

      // The admin ends the casting; the count waits for the scrutineers' shares.
      await a.click('[data-testid=vote-close]');
      await a.click('[data-testid=vote-close-ok]');
      await a.locator('[data-testid=awaiting-shares]', { hasText: '已提交 0 份，计票需 2 份' }).waitFor();
      await admin.shot(a, 'livelihood-05c-awaiting-shares');
      // 代表1 opens her share with her key and brings it (through the API): one share counts nothing.
      const mine = await admin.server.gql<{ voteSession: { round: { myCountingShare: { sealed: string } } } }>('query($id: ID!) { voteSession(id: $id) { round { myCountingShare { sealed } } } }', { id: sessionId }, tokens[0]);
      const first = await admin.server.gql<{ submitCountingShare: { counted: boolean } }>(
        'mutation($s: ID!, $k: String!) { submitCountingShare(sessionId: $s, share: $k) { counted } }',
        { s: sessionId, k: openShare(holderKeys[0].privateJwk.d!, mine.data!.voteSession.round.myCountingShare.sealed) },
        tokens[0],
      );
      expect(first.data!.submitCountingShare.counted).toBe(false);
      await a.locator('[data-testid=awaiting-shares]', { hasText: '已提交 1 份' }).waitFor({ timeout: 20_000 });
      // 代表3 opens hers on her phone with her key file and submits it: the round is counted.
      await sc.reload();
      await sc.waitForSelector('[data-testid=share-form]');
      await sc.setInputFiles('[data-testid=key-file]', keyFile);
      await admin.shot(sc, 'livelihood-05d-scrutineer-share-phone');
      await sc.click('[data-testid=share-submit]');
      await sc.locator('[data-testid=session-status]', { hasText: '已公布' }).waitFor({ timeout: 20_000 });
      // Counts, adopted list, the ballot list holds the receipt.
      await a.waitForSelector('[data-testid=results-counts]', { timeout: 20_000 });
      expect(await a.textContent('[data-testid=session-status]')).toBe('已公布');
      const counts = await texts(a, '[data-testid=results-counts] tr.ant-table-row');
      expect(counts[0]).toContain(candidates[0].name);
      expect(counts[0]).toContain('3');
      expect(counts[0]).toContain('通过');
      expect(await a.textContent('[data-testid=results-adopted]')).toContain(candidates[1].name);
      expect(await a.textContent('[data-testid=results-paper]')).toContain(
        '发出 1 张，收回 1 张，未收回 0 张',
      );
      expect(await a.textContent('[data-testid=results-fingerprint]')).toContain(fingerprint);
      const chainHead = (await a.textContent('[data-testid=results-chain-head]'))!.trim();
      expect(chainHead).toMatch(/^[0-9a-f]{64}$/);
      const listed = await texts(a, '[data-testid=published-ballots] tr.ant-table-row');
      expect(listed).toHaveLength(3);
      expect(listed.filter((row) => row.includes('纸质'))).toHaveLength(1);
      expect(
        listed.some(
          (row) =>
            row.includes(receipt) && row.includes(candidates[0].name) && row.includes(candidates[1].name),
        ),
      ).toBe(true);
      await a.fill('[data-testid=results] [data-testid=receipt-code] input', receipt);
      await a.press('[data-testid=results] [data-testid=receipt-code] input', 'Enter');
      expect(
        await (await a.waitForSelector('[data-testid=results] [data-testid=receipt-result]')).textContent(),
      ).toContain('已计入第 1 轮计票');
      await admin.shot(a, 'livelihood-06-results-admin');

      // The delegate checks the receipt on the phone.
      await d.reload();
      await d.waitForSelector('[data-testid=receipt-lookup]');
      await d.fill('[data-testid=receipt-lookup] [data-testid=receipt-code] input', receipt);
      await d.press('[data-testid=receipt-lookup] [data-testid=receipt-code] input', 'Enter');
      expect(
        await (
          await d.waitForSelector('[data-testid=receipt-lookup] [data-testid=receipt-result]')
        ).textContent(),
      ).toContain(candidates[1].name);
      await admin.shot(d, 'livelihood-07-receipt-check-phone');

      // The public page, without signing in: the same list and chain head.
      await p.goto(`${url}/public/votes/${sessionId}`);
      await p.waitForSelector('[data-testid=public-votes] [data-testid=published-ballots] tr.ant-table-row');
      expect(await p.$('[data-testid=viewer]')).toBeNull();
      expect(
        (await texts(p, '[data-testid=published-ballots] tr.ant-table-row')).some((row) =>
          row.includes(receipt),
        ),
      ).toBe(true);
      expect(await p.textContent('[data-testid=results-chain-head]')).toContain(chainHead);
      await p.fill('[data-testid=receipt-code] input', receipt);
      await p.press('[data-testid=receipt-code] input', 'Enter');
      expect(await (await p.waitForSelector('[data-testid=receipt-result]')).textContent()).toContain(
        '已计入',
      );
      await admin.shot(p, 'livelihood-08-public-results');
    } finally {
      fs.rmSync(path.dirname(rosterFile), { recursive: true, force: true });
    }
  }, 420_000);

  test('the admin tracks the adopted projects on the implementation board; the demo year shows its ten', async () => {
    // The implementation board of the new session's year: the admin sets a project's target and
    // reports a month's progress, and the board shows it done so far.
    await a.goto(url + '/livelihood/board');
    await a.waitForSelector(`[data-testid=board] h4:has-text("${YEAR}")`);
    expect(await texts(a, '[data-testid=board-project]')).toEqual([candidates[0].name, candidates[1].name]);
    await a.locator('[data-testid=board-table] .ant-table-row-expand-icon').first().click();
    await a.click('.ant-collapse-header:has-text("实施责任")');
    await a.fill('[data-testid=obligation-form] #leadDepartment', '市住房和城乡建设局');
    await a.fill('[data-testid=obligation-form] #targetQuantity', '200');
    await a.fill('[data-testid=obligation-form] #unit', '个');
    await a.click('[data-testid=obligation-form] button[type=submit]');
    const firstRow = a.locator('[data-testid=board-table] tr.ant-table-row').first();
    await firstRow.locator('text=200 个').waitFor();
    await typeInPicker(a, 'progress-period', `${YEAR}-01`);
    await a.fill('[data-testid=progress-quantity]', '50');
    await a.fill('[data-testid=progress-note]', '完成首批50个');
    await a.click('[data-testid=progress-submit]');
    await firstRow.locator('text=50 个').waitFor();
    expect(await firstRow.textContent()).toContain('25%');
    expect(await firstRow.textContent()).toContain('市住房和城乡建设局');
    await admin.shot(a, 'livelihood-09a-board-progress');

    // The board of the demo year: the ten projects the 2021 session adopted.
    await chooseOption(a, 'board-choice', '2021');
    await a.waitForSelector('[data-testid=board] h4:has-text("2021")');
    const cities = await admin.server.gql<{
      voteSessions: Array<{ meetingDate: string; city: { id: string } }>;
    }>('{ voteSessions { meetingDate city { id } } }');
    const fuxin = cities.data!.voteSessions.find((s) => s.meetingDate.startsWith('2021'))!.city.id;
    const board = await admin.server.gql<{ livelihoodBoard: Array<{ name: string; status: string }> }>(
      'query($c: ID!) { livelihoodBoard(cityId: $c, year: 2021) { name status } }',
      { c: fuxin },
    );
    const expected = board.data!.livelihoodBoard;
    expect(expected).toHaveLength(10);
    const rows = await texts(a, '[data-testid=board-project]');
    expect(rows).toHaveLength(10);
    for (const project of expected) expect(rows.some((r) => r.startsWith(project.name))).toBe(true);
    // Closed-out projects are crossed off.
    expect(await a.locator('[data-testid=board-project][data-status=COMPLETED] del').count()).toBe(
      expected.filter((x) => x.status === 'COMPLETED').length,
    );
    await admin.shot(a, 'livelihood-09-board');

    // The public board of the demo year, without signing in.
    await p.goto(`${url}/public/votes`);
    await p.waitForSelector('[data-testid=public-session]');
    await chooseOption(p, 'public-session', '阜新市十六届人大四次会议');
    // The demo vote verified in the browser from public data alone.
    await p.click('[data-testid=verifier-run]');
    expect(await (await p.waitForSelector('[data-testid=verifier-result]', { timeout: 60_000 })).textContent()).toContain('已验证');
    await admin.shot(p, 'livelihood-09b-public-verifier');
    await p.click('.ant-tabs-tab:has-text("实施进度")');
    await p.waitForSelector('[data-testid=board] [data-testid=board-project]');
    expect(await p.locator('[data-testid=board-project]').count()).toBe(10);
    await admin.shot(p, 'livelihood-10-public-board');
  }, 300_000);

  test('the year-end evaluation: opened by the admin, rated on a phone, each project rated by the rule', async () => {
    // The year-end evaluation of the new session's projects: the admin opens it, the delegate rates
    // on the phone and keeps the receipt, the admin closes it and sees each project's result by the rule.
    await a.goto(url + '/livelihood/evaluation');
    await a.click('[data-testid=evaluation-open]');
    await a.waitForSelector('[data-testid=evaluation]');
    const evaluation = await admin.server.gql<{
      voteSession: { evaluation: { projects: Array<{ id: string; name: string }> } };
    }>(`query($id: ID!) { voteSession(id: $id) { evaluation(year: ${YEAR}) { projects { id name } } } }`, {
      id: sessionId,
    });
    const rated = evaluation.data!.voteSession.evaluation.projects;
    expect(rated).toHaveLength(2);
    await d.goto(url + '/livelihood/evaluation');
    await d.waitForSelector('[data-testid=rating-sheet]');
    const sheet = d.locator('[data-testid=rating-project]');
    expect(await sheet.count()).toBe(2);
    await sheet.nth(0).locator('.ant-radio-button-wrapper').nth(0).click();
    await sheet.nth(1).locator('.ant-radio-button-wrapper').nth(1).click();
    await admin.shot(d, 'livelihood-11-evaluation-phone');
    await d.click('[data-testid=evaluation-submit]');
    const evaluationReceipt = (await (
      await d.waitForSelector('[data-testid=evaluation-receipt-code]')
    ).textContent())!.trim();
    expect(evaluationReceipt.length).toBeGreaterThanOrEqual(8);
    const others: Array<[string, string]> = [
      ['SATISFIED', 'SATISFIED'],
      ['UNSATISFIED', 'UNSATISFIED'],
    ];
    for (const [i, token] of tokens.slice(1).entries()) {
      const ratings = rated.map((p, j) => ({ projectId: p.id, rating: others[i][j] }));
      const r = await admin.server.gql(
        'mutation($s: ID!, $y: Int!, $r: [RatingInput!]!) { submitEvaluation(sessionId: $s, year: $y, ratings: $r) { receiptCode } }',
        { s: sessionId, y: YEAR, r: ratings },
        token,
      );
      expect(r.errors).toBeUndefined();
    }
    await a.click('[data-testid=evaluation-close]');
    await a.click('[data-testid=evaluation-close-ok]');
    await a.waitForSelector('[data-testid=evaluation-results] tr.ant-table-row');
    const results = await texts(a, '[data-testid=evaluation-results] tr.ant-table-row');
    // Three delegates: the first project has 2 satisfied (more than half) → 满意; the second 1
    // satisfied and 1 basically satisfied (together more than half) → 基本满意.
    expect(results.find((r) => r.includes(rated[0].name))).toMatch(/满意$/);
    expect(results.find((r) => r.includes(rated[0].name))).not.toMatch(/基本满意$/);
    expect(results.find((r) => r.includes(rated[1].name))).toMatch(/基本满意$/);
    await admin.shot(a, 'livelihood-12-evaluation-results');
    // The delegate finds the sheet by its receipt code: the ratings as given.
    await d.reload();
    await d.fill('[data-testid=evaluation-lookup] input', evaluationReceipt);
    await d.press('[data-testid=evaluation-lookup] input', 'Enter');
    const sheetFound = (await (
      await d.waitForSelector('[data-testid=evaluation-lookup-result]')
    ).textContent())!;
    expect(sheetFound).toContain(`${rated[0].name}：满意`);
    expect(sheetFound).toContain(`${rated[1].name}：基本满意`);
    await admin.shot(d, 'livelihood-12b-evaluation-receipt-phone');

    // The demo's 2021 evaluation of its ten projects.
    await chooseOption(a, 'evaluation-session', '阜新市十六届人大四次会议');
    // Counted with the households' part (40 delegates / 60 households): the combined table, each
    // project with both parts and its score.
    await a.locator('[data-testid=combined-results] tr.ant-table-row').nth(9).waitFor();
    expect(await a.locator('[data-testid=combined-results] tr.ant-table-row').count()).toBe(10);
    expect(await a.textContent('[data-testid=rating-rule]')).toMatch(/40/);
    expect(await a.locator('[data-testid=combined-score]').first().textContent()).toMatch(/^\d+\.\d\d$/);
  }, 300_000);

  test('an admin screens a proposal with a published reason; the public page speaks English by the switch', async () => {
    await a.goto(url + '/livelihood/proposals');
    await a.waitForSelector('[data-testid=proposal-table] tr.ant-table-row');
    await chooseOption(a, 'proposal-status', '已受理');
    const screen = a.locator('[data-testid^=proposal-screen-]').first();
    await screen.waitFor();
    const proposalId = (await screen.getAttribute('data-testid'))!.replace('proposal-screen-', '');
    await screen.click();
    const dialog = a.locator('.ant-modal');
    await dialog.locator('.ant-select').nth(0).click();
    await pickOption(a, '不予采纳');
    await dialog.locator('.ant-select').nth(1).click();
    await pickOption(a, '形成政府债务风险');
    await dialog.locator('#note').fill('需新增政府债务');
    await admin.shot(a, 'livelihood-13-screening');
    await a.click('[data-testid=screen-ok]');
    await dialog.waitFor({ state: 'detached' });
    const token = await admin.server.login('admin.fuxin');
    const screened = await admin.server.gql<{
      livelihoodProposals: {
        nodes: Array<{ id: string; title: string; status: string; reasonCode: string; reasonNote: string }>;
      };
    }>(
      '{ livelihoodProposals(filter: { status: REJECTED }, first: 100) { nodes { id title status reasonCode reasonNote } } }',
      {},
      token,
    );
    const proposal = screened.data!.livelihoodProposals.nodes.find((x) => x.id === proposalId)!;
    expect(proposal).toMatchObject({
      status: 'REJECTED',
      reasonCode: 'DEBT_RISK',
      reasonNote: '需新增政府债务',
    });
    // It left the list of proposals still to screen.
    await a.locator(`[data-testid=proposal-screen-${proposalId}]`).waitFor({ state: 'detached' });

    // The public page in English.
    await p.goto(`${url}/public/votes/${sessionId}`);
    await p.waitForSelector('[data-testid=results-counts]');
    await p.click('[data-testid=locale-switch]');
    await p.waitForSelector('text=Livelihood projects chosen by the delegates: published results');
    expect(await p.textContent('[data-testid=results-counts]')).toContain('Adopted');
    await admin.shot(p, 'livelihood-14-public-english');
  }, 300_000);
});
