import fs from 'node:fs';
import path from 'node:path';
import { read, REPO, sourceFiles } from '../testing/source-files';

/**
 * No admin page over 400 lines: a page that grows past it becomes a folder — `Page/index.tsx` (the
 * page, so its importers keep their path), `Page/queries.ts` (its `graphql()` documents) and its parts
 * (sub-components, columns, helpers) each in its own file, the page's test beside them.
 */
const MAX_LINES = 400;

/** Files allowed over the limit for now, each with its reason. */
const EXCEPTIONS: Array<{ path: string; reason: string }> = [];

const excepted = (file: string) => EXCEPTIONS.some((e) => (e.path.endsWith('/') ? file.startsWith(e.path) : file === e.path));
const linesOf = (file: string) => read(file).split('\n').length - (read(file).endsWith('\n') ? 1 : 0);

const apps = fs.readdirSync(path.join(REPO, 'web')).filter((app) => fs.existsSync(path.join(REPO, 'web', app, 'src')));
const pages = apps
  .flatMap((app) => sourceFiles(path.join(REPO, 'web', app, 'src')))
  .filter((f) => f.endsWith('.tsx') && !/\.test\.tsx$/.test(f));

describe('the admin pages stay small', () => {
  test('the apps’ pages are found', () => {
    expect(apps).toEqual(expect.arrayContaining(['shell', 'projects', 'districts', 'dispatch', 'service-items']));
    expect(pages.length).toBeGreaterThan(50);
  });

  test(`no .tsx file under web/*/src is over ${MAX_LINES} lines, but the listed exceptions`, () => {
    const over = pages.filter((f) => !excepted(f) && linesOf(f) > MAX_LINES).map((f) => `${f} (${linesOf(f)} lines)`);
    expect(over).toEqual([]);
  });

  test('every exception is still there', () => {
    for (const e of EXCEPTIONS) expect(fs.existsSync(path.join(REPO, e.path)) ? e.path : `${e.path} is gone: remove it from the list`).toBe(e.path);
  });
});
