/**
 * The admin in a real browser, shared by every browser test file: Debian's Chromium driven by
 * playwright-core against the API serving the built shell and remotes (one server and one browser
 * per file, a temporary SQLite database with every module's demo data). Every page a test saves is
 * written under tests/screenshots/ for a person to look at.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { modules } from '../../services/api/src/modules';
import { startTestServer, type TestServer } from '../../services/api/src/testing/harness';
import type { Config } from '../../services/api/src/config';
import { ensureBuilt, repoRoot, WEB_APPS } from './web-build';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = path.join(repoRoot, 'tests', 'screenshots');
export const PASSWORD = 'Liaoning@2020';
const hasChromium = fs.existsSync(CHROMIUM);

if (!hasChromium) {
  console.warn(`Browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH).`);
}
/** `describe`, or `describe.skip` with a warning when the machine has no Chromium. */
export const browserDescribe = hasChromium ? describe : describe.skip;

/**
 * An option of the Ant Design dropdown that is open now. A dropdown that is still animating closed
 * also matches `:visible` and may hold an option of the same label (a status filter's 不予采纳 beside
 * the screening form's), so options of leaving or hidden dropdowns are excluded.
 */
export const OPEN_DROPDOWN = '.ant-select-dropdown:visible:not(.ant-select-dropdown-hidden):not([class*="-leave"])';
export const OPEN_SELECT_OPTION = `${OPEN_DROPDOWN} .ant-select-item-option`;

/**
 * Types a day ("2020-09-30") or a month ("2020-09") into the antd picker with this data-testid and
 * confirms it, as a user typing rather than clicking through the panel would.
 */
export async function typeInPicker(page: Page, testId: string, value: string): Promise<void> {
  const input = page.locator(`[data-testid=${testId}] input, input[data-testid=${testId}]`).first();
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

/**
 * Opens the antd Select with this data-testid (optionally inside `within`, e.g. '.ant-modal'),
 * clicks the option labelled `label` and waits until the Select shows it. A click that landed while
 * the dropdown was still opening (or before its options arrived) is not taken by antd; then the
 * dropdown is closed and the choice made again, up to three times, so a test never goes on with a
 * choice the form did not take.
 */
export async function chooseOption(
  page: Page,
  testId: string,
  label: string,
  { within = '', search = false }: { within?: string; search?: boolean } = {},
): Promise<void> {
  const select = page.locator(`${within} .ant-select:is([data-testid=${testId}], :has([data-testid=${testId}]))`.trim()).first();
  // A single Select shows its value in -content (with the label as its title), a multiple one each value in -selection-item.
  const chosen = select.locator('.ant-select-content, .ant-select-selection-item', { hasText: label });
  for (let attempt = 1; ; attempt++) {
    await select.click();
    if (search) await page.keyboard.type(label);
    await pickOption(page, label);
    try {
      await chosen.first().waitFor({ timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
      // Close a dropdown still open; Escape with none open would close the modal the Select is in.
      if (await page.locator(OPEN_DROPDOWN).count()) await page.keyboard.press('Escape');
    }
  }
}

/**
 * Chooses the first `count` options of the multiple Select with this data-testid, one by one, each
 * confirmed by its tag in the Select before the next: a click that lands while the dropdown is still
 * opening, or while it re-renders after the previous choice, is not taken by antd, so each missing
 * choice is clicked again (up to three times). Answers the chosen labels.
 */
export async function chooseFirstOptions(page: Page, testId: string, count: number): Promise<string[]> {
  const select = page.locator(`.ant-select:is([data-testid=${testId}], :has([data-testid=${testId}]))`).first();
  const open = async () => {
    if (!(await page.locator(OPEN_DROPDOWN).count())) await select.click();
    await page.locator(OPEN_SELECT_OPTION).first().waitFor();
  };
  await open();
  const labels = (await page.locator(OPEN_SELECT_OPTION).allTextContents()).slice(0, count);
  if (labels.length < count) throw new Error(`${testId}: ${labels.length} options, ${count} wanted`);
  for (const label of labels) {
    const tag = select.locator('.ant-select-selection-item', { hasText: label });
    for (let attempt = 1; !(await tag.count()); attempt++) {
      await open();
      await page.locator(OPEN_SELECT_OPTION, { hasText: label }).first().click();
      try {
        await tag.first().waitFor({ timeout: 5_000 });
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
  }
  if (await page.locator(OPEN_DROPDOWN).count()) await page.keyboard.press('Escape');
  return labels;
}

/** Clicks the option labelled `label` (substring) in the dropdown that is open now. */
export async function pickOption(page: Page, label: string): Promise<void> {
  await page.locator(OPEN_SELECT_OPTION, { hasText: label }).first().click();
}

export interface AdminInBrowser {
  readonly server: TestServer;
  /** The folder the server serves the shell and remotes from (copies of their builds). */
  readonly webRoot: string;
  newPage(viewport?: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page }>;
  signIn(page: Page, username: string, password?: string): Promise<void>;
  shot(page: Page, name: string): Promise<void>;
  navTo(page: Page, key: string): Promise<void>;
}

/**
 * Starts the server and the browser for the calling file (beforeAll) and stops them (afterAll).
 * Call it inside a `browserDescribe` block. The server runs with ADMIN_TOTP=optional (as every test
 * server), so the demo admins sign in with their password alone; pass `config` to change that.
 */
export function adminInBrowser(options: { config?: Partial<Config> } = {}): AdminInBrowser {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  let webRoot: string | undefined;
  const pageErrors: string[] = [];
  // Generous: the browser shares two cores with the rest of the suite.
  jest.setTimeout(180_000);

  afterEach(() => {
    if (process.env.E2E_DEBUG && pageErrors.length) console.log(pageErrors.join('\n'));
    pageErrors.length = 0;
  });

  beforeAll(async () => {
    await ensureBuilt();
    // The server serves copies, so a remote can be rebuilt and redeployed alone during the run.
    webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'kpd-web-e2e-'));
    for (const app of WEB_APPS) fs.cpSync(path.join(repoRoot, 'web', app, 'dist'), path.join(webRoot, app, 'dist'), { recursive: true });
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    // Every module's demo data, as `pnpm start` seeds it.
    server = await startTestServer('sqlite', {
      seedModules: modules.map((m) => m.name),
      config: { webDir: path.join(webRoot, 'shell', 'dist'), webRemotesDir: webRoot, ...options.config },
    });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (webRoot) fs.rmSync(webRoot, { recursive: true, force: true });
  });

  return {
    get server() {
      return server!;
    },
    get webRoot() {
      return webRoot!;
    },
    async newPage(viewport = { width: 1366, height: 820 }) {
      const context = await browser!.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Europe/Berlin' });
      const page = await context.newPage();
      page.setDefaultTimeout(30_000);
      page.on('console', (m) => m.type() === 'error' && pageErrors.push(m.text().slice(0, 500)));
      page.on('pageerror', (e) => pageErrors.push(e.message));
      return { context, page };
    },
    async signIn(page, username, password = PASSWORD) {
      await page.goto(server!.url + '/');
      await page.fill('#username', username);
      await page.fill('#password', password);
      await page.click('[data-testid=sign-in]');
    },
    async shot(page, name) {
      await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
    },
    async navTo(page, key) {
      await page.click(`[data-testid=nav-${key}]`);
    },
  };
}
