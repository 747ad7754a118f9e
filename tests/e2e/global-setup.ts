/**
 * Before any browser test file starts: builds the admin's apps whose builds are missing or stale, once
 * for the whole run. The files then find them built, and two files that start at once in two workers
 * never build into the same folder together.
 */
import fs from 'node:fs';
import { ensureBuilt } from './web-build';

export default async function buildAdminOnce(): Promise<void> {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  // Without a browser the browser tests are skipped (browser.ts says so), and nothing needs building.
  if (!fs.existsSync(chromium)) return;
  const built = await ensureBuilt();
  if (built.length) process.stdout.write(`\nbuilt for the browser tests: ${built.join(', ')}\n`);
}
