/**
 * A problem closed out with pictures as evidence in a real browser (tests/e2e/browser.ts): a district
 * admin opens a resolved problem, a text file is refused by name, a photographed acceptance record is
 * uploaded and the close-out carries it; the problem's detail then shows the picture.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { adminInBrowser, browserDescribe, chooseOption } from './browser';
import { repoRoot } from './web-build';

/** The part of the API's image library (sharp) used here, for a JPEG picture. */
type Sharp = (input: Buffer, options: { raw: { width: number; height: number; channels: 3 } }) => { jpeg(): { toBuffer(): Promise<Buffer> } };
const sharp = createRequire(path.join(repoRoot, 'services', 'api', 'package.json'))('sharp') as Sharp;

browserDescribe('closing out a problem with attachments in Chromium', () => {
  const admin = adminInBrowser();
  const { newPage, signIn, shot } = admin;

  test('a district admin closes out a resolved problem with a picture of the acceptance record', async () => {
    const token = await admin.server.login('admin.sujiatun');
    const project = await admin.server.gql<{ projects: { nodes: Array<{ id: string }> } }>('{ projects(filter: { search: "达利食品沈阳生产基地" }) { nodes { id } } }', {}, token);
    const title = '厂区道路接驳口未开通';
    const raised = await admin.server.gql<{ raiseProblem: { id: string } }>(
      'mutation($i: RaiseProblemInput!) { raiseProblem(input: $i) { id } }',
      { i: { projectId: project.data!.projects.nodes[0].id, category: 'POWER', title, ownerUnit: '苏家屯区交通运输局', workingDays: 10, raisedDate: '2020-09-01' } },
      token,
    );
    expect(raised.errors).toBeUndefined();
    const id = raised.data!.raiseProblem.id;
    const resolved = await admin.server.gql('mutation($id: ID!) { moveProblem(id: $id, action: RESOLVE, input: { version: 1, date: "2020-09-10" }) { id } }', { id }, token);
    expect(resolved.errors).toBeUndefined();
    const width = 320;
    const height = 240;
    const raw = Buffer.alloc(width * height * 3);
    for (let i = 0; i < raw.length; i++) raw[i] = (i * 7) % 251;
    const picture = await sharp(raw, { raw: { width, height, channels: 3 } }).jpeg().toBuffer();

    const { context, page } = await newPage();
    try {
      await signIn(page, 'admin.sujiatun');
      await page.waitForSelector('[data-testid=viewer]');
      await page.goto(admin.server.url + '/dispatch');
      await page.waitForSelector('[data-testid=problem-table]');
      await chooseOption(page, 'problem-status-filter', '已解决');
      await page.click(`[data-testid=problem-open]:text("${title}")`);
      await page.click('[data-testid=move-CLOSE_OUT]');
      await page.setInputFiles('[data-testid=problem-actions] input[type=file]', { name: '说明.txt', mimeType: 'text/plain', buffer: Buffer.from('不是图片') });
      expect(await page.textContent('[data-testid=evidence-refused]')).toContain('说明.txt 不是 JPEG、PNG 或 WebP 图片');
      await page.setInputFiles('[data-testid=problem-actions] input[type=file]', { name: '道路验收单.jpg', mimeType: 'image/jpeg', buffer: picture });
      await page.waitForSelector('[data-testid=evidence-picture]:has-text("道路验收单.jpg")');
      await shot(page, 'problem-close-out-01-attached');
      await page.click('[data-testid=move-submit]');
      await page.waitForSelector('[data-testid=problem-detail] [data-testid=evidence-file]');
      await shot(page, 'problem-close-out-02-closed');
      const after = await admin.server.gql<{ problem: { status: string; evidence: string[]; evidenceFiles: Array<{ name: string }> } }>('query($id: ID!) { problem(id: $id) { status evidence evidenceFiles { name } } }', { id }, token);
      expect(after.data!.problem).toEqual({ status: 'CLOSED_OUT', evidence: ['附件：道路验收单.jpg'], evidenceFiles: [{ name: '道路验收单.jpg' }] });
    } finally {
      await context.close();
    }
  });
});
