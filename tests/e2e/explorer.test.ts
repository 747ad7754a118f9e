import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { startTestServer, type TestServer } from '../../services/api/src/testing/harness';
import { buildApp, isStale, repoRoot } from './web-build';

/**
 * GraphiQL at /graphql works with the network cut: every script, style, font and worker comes from this
 * server. In production it is open to signed-in admins and analysts only.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const browserTest = fs.existsSync(CHROMIUM) ? it : it.skip;
jest.setTimeout(240_000);

beforeAll(async () => {
  if (isStale('explorer')) await buildApp('explorer');
}, 300_000);

describe('the GraphQL explorer', () => {
  let t: TestServer;
  let browser: Browser | undefined;
  beforeAll(async () => {
    t = await startTestServer('sqlite', { config: { webRemotesDir: path.join(repoRoot, 'web') } });
  });
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  browserTest('runs a query from /graphql with nothing loaded from outside this server', async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    const origin = new URL(t.url);
    const context = await browser.newContext();
    await context.addCookies([{ name: 'kpd_session', value: await t.login('admin.liaoning'), domain: origin.hostname, path: '/' }]);
    const page = await context.newPage();
    // The network cut: anything not for this server is refused and recorded.
    const outside: string[] = [];
    await page.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.host === origin.host || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
      outside.push(url.toString());
      return route.abort();
    });
    const cspViolations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
    });
    const response = await page.goto(`${t.url}/graphql`);
    expect(response!.status()).toBe(200);
    await page.waitForSelector('.graphiql-container', { timeout: 60_000 });
    // The editors load after the container shows; a click before the query is in its editor runs
    // nothing. On a loaded machine, wait for the query text, then click until the answer arrives.
    await page.waitForFunction(() => document.querySelector('.graphiql-query-editor')?.textContent?.includes('DistrictInvestment'), undefined, { timeout: 60_000 });
    const answered = () => page.evaluate(() => document.querySelector('.result-window')?.textContent?.includes('admin.liaoning') ?? false);
    for (let attempt = 0; attempt < 8 && !(await answered()); attempt++) {
      await page.locator('.graphiql-execute-button').click();
      await page.waitForFunction(() => document.querySelector('.result-window')?.textContent?.includes('admin.liaoning'), undefined, { timeout: 10_000 }).catch(() => undefined);
    }
    expect(await answered()).toBe(true);
    const result = ((await page.locator('.result-window').textContent()) ?? '').replace(/\s+/g, ' ');
    expect(result).toMatch(/"role": "ADMIN"/);
    expect(result).toMatch(/"name": "辽宁省"/);
    expect(outside).toEqual([]);
    expect(cspViolations).toEqual([]);
  });

  it('answers GraphQL clients at /graphql as before', async () => {
    const res = await fetch(`${t.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } });
    expect(await res.json()).toMatchObject({ data: { __typename: 'Query' } });
    const page = await fetch(`${t.url}/explorer/`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("worker-src 'self' blob:");
    expect(await page.text()).toContain('/explorer/assets/');
  });
});

describe('the GraphQL explorer in production', () => {
  // Demo passwords do not sign in in production: the accounts sign in on a test server and their sessions
  // are used on a production server over the same database.
  let t: TestServer;
  let production: TestServer;
  beforeAll(async () => {
    t = await startTestServer('sqlite');
    production = await startTestServer('sqlite', { config: { env: 'production', databaseUrl: t.databaseUrl, webRemotesDir: path.join(repoRoot, 'web') } });
  });
  afterAll(async () => {
    await production.close();
    await t.close();
  });

  it.each<[string, string | null, number]>([
    ['anonymous', null, 403],
    ['a district secretary', 'secretary.lijun', 403],
    ['a city admin', 'admin.shenyang', 200],
    ['an analyst', 'analyst', 200],
    ['a delegate', 'delegate.001', 403],
  ])('%s gets %p', async (_who, username, status) => {
    const cookie = username ? `kpd_session=${await t.login(username)}` : '';
    for (const url of ['/explorer', '/graphql']) {
      const res = await fetch(`${production.url}${url}`, { headers: { accept: 'text/html', cookie } });
      expect(res.status).toBe(status);
      if (status === 403) expect(await res.text()).toContain('只对已登录的管理员和分析员开放');
    }
  });
});
