/**
 * The project's milestones, location and renderings edited in a real browser (tests/e2e/browser.ts):
 * a district admin adds a milestone (a start after its due date is refused under the cell before
 * sending), draws the site by clicking its corners on 苏家屯区's outline (a site pasted in another
 * city is refused under the GeoJSON field), and uploads a rendering (a text file is refused by name).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { adminInBrowser, browserDescribe } from './browser';
import { repoRoot } from './web-build';

/** The part of the API's image library (sharp) used here, for a PNG picture. */
type Sharp = (input: Buffer, options: { raw: { width: number; height: number; channels: 3 } }) => { png(): { toBuffer(): Promise<Buffer> } };
const sharp = createRequire(path.join(repoRoot, 'services', 'api', 'package.json'))('sharp') as Sharp;

async function picture(): Promise<Buffer> {
  const width = 400;
  const height = 260;
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) raw.fill(Math.floor(128 + 127 * Math.cos((3 * x + y) / 31)), (y * width + x) * 3, (y * width + x) * 3 + 3);
  return sharp(raw, { raw: { width, height, channels: 3 } }).png().toBuffer();
}

browserDescribe('project milestones, location and renderings in Chromium', () => {
  const admin = adminInBrowser();
  const { newPage, signIn, shot } = admin;

  async function typeDate(page: Page, testId: string, day: string) {
    const input = page.locator(`[data-testid=${testId}] input, input[data-testid=${testId}]`).first();
    await input.click();
    await input.fill(day);
    await input.press('Enter');
  }

  async function errorUnder(page: Page, testId: string): Promise<string> {
    const item = page.locator('.ant-form-item', { has: page.locator(`[data-testid=${testId}]`) }).first();
    const explain = item.locator('.ant-form-item-explain-error').first();
    await explain.waitFor();
    return (await explain.textContent()) ?? '';
  }

  test('a district admin edits the milestones, draws the site on the map and uploads a rendering', async () => {
    const token = await admin.server.login('admin.sujiatun');
    const found = await admin.server.gql<{ projects: { nodes: Array<{ id: string; milestones: unknown[] }> } }>('{ projects(filter: { search: "达利食品沈阳生产基地" }) { nodes { id milestones { id } } } }', {}, token);
    const project = found.data!.projects.nodes[0];
    const before = project.milestones.length;
    const { context, page } = await newPage();
    try {
      await signIn(page, 'admin.sujiatun');
      await page.waitForSelector('[data-testid=viewer]');
      await page.goto(`${admin.server.url}/projects?open=${project.id}`);
      await page.waitForSelector('[data-testid=project-detail] .ant-tabs');

      // Milestones: a new row whose start is after its due date is refused under the start cell.
      await page.click('[data-testid=project-detail] .ant-tabs-tab:has-text("节点")');
      await page.click('[data-testid=edit-milestones]');
      await page.click('[data-testid=milestone-add]');
      const i = before;
      await page.fill(`[data-testid=milestone-name-${i}]`, '设备安装调试');
      await typeDate(page, `milestone-start-${i}`, '2020-12-01');
      await typeDate(page, `milestone-due-${i}`, '2020-11-30');
      await page.click('.ant-modal:has([data-testid=milestones-form]) .ant-btn-primary');
      expect(await errorUnder(page, `milestone-start-${i}`)).toBe('开始日期不能晚于计划完成日期');
      await shot(page, 'project-pictures-01-milestone-refused');
      await typeDate(page, `milestone-start-${i}`, '2020-10-01');
      await page.fill(`[data-testid=milestone-progress-${i}] input, input[data-testid=milestone-progress-${i}]`, '30');
      await page.click('.ant-modal:has([data-testid=milestones-form]) .ant-btn-primary');
      await page.waitForSelector('.ant-message >> text=节点任务已保存');
      await page.waitForSelector('[data-testid=milestones] >> text=设备安装调试');
      await shot(page, 'project-pictures-02-milestones-saved');

      // Location: four clicks on the district's outline place the corners; a site elsewhere is refused.
      await page.click('[data-testid=project-detail] .ant-tabs-tab:has-text("三图")');
      await page.click('[data-testid=edit-location]');
      const map = page.locator('[data-testid=location-map]');
      await map.waitFor();
      await page.waitForSelector('[data-testid=location-map] path.kpd-area');
      const area = (await page.locator('[data-testid=location-map] path.kpd-area').first().boundingBox())!;
      await page.fill('[data-testid=location-geojson]', JSON.stringify({ type: 'Polygon', coordinates: [[[121.6, 38.9], [121.61, 38.9], [121.61, 38.91], [121.6, 38.9]]] }));
      for (const k of ['east', 'west', 'south', 'north']) await page.fill(`[data-testid=location-${k}]`, { east: '丰乐路', west: '浑河大街', south: '沈苏西路', north: '规划一路' }[k]!);
      await page.click('[data-testid=location-save]');
      expect(await errorUnder(page, 'location-geojson')).toContain('范围超出苏家屯区的边界');
      await shot(page, 'project-pictures-03-location-refused');
      await page.fill('[data-testid=location-geojson]', '');
      const cx = area.x + area.width / 2;
      const cy = area.y + area.height / 2;
      for (const [dx, dy] of [[-6, -6], [6, -6], [6, 6], [-6, 6]]) await page.mouse.click(cx + dx, cy + dy);
      await page.waitForSelector('[data-testid=location-map][data-corners="4"]');
      await page.waitForSelector('[data-testid=location-map] path.kpd-site-outline');
      // The centre of a district's bounding box may fall outside a ragged outline: then the form says so.
      const text = await page.inputValue('[data-testid=location-geojson]');
      expect(JSON.parse(text).coordinates[0]).toHaveLength(5);
      await shot(page, 'project-pictures-04-location-drawn');
      await page.click('[data-testid=location-save]');
      await page.waitForSelector('.ant-message >> text=位置图已保存');
      await page.waitForSelector('[data-testid=project-boundary][data-shapes="1"]');

      // Renderings: a text file is refused by name; a PNG is stored and saved.
      await page.click('[data-testid=edit-renderings]');
      await page.setInputFiles('.ant-modal input[type=file]', { name: '说明.txt', mimeType: 'text/plain', buffer: Buffer.from('不是图片') });
      expect(await page.textContent('[data-testid=rendering-refused]')).toContain('说明.txt 不是 JPEG、PNG 或 WebP 图片');
      await page.setInputFiles('.ant-modal input[type=file]', { name: '鸟瞰图.png', mimeType: 'image/png', buffer: await picture() });
      await page.waitForSelector('[data-testid=rendering-item] >> text=鸟瞰图.png');
      await shot(page, 'project-pictures-05-rendering-uploaded');
      await page.click('#renderings-save');
      await page.waitForSelector('.ant-message >> text=效果图已保存');
      await page.waitForSelector('[data-testid=rendering]');
      await shot(page, 'project-pictures-06-renderings-saved');

      const after = await admin.server.gql<{ project: { milestones: Array<{ name: string; startDate: string; dueDate: string; progress: number }>; location: { geoJson: string; east: string }; renderings: Array<{ name: string; mime?: string }> } }>(
        'query($id: ID!) { project(id: $id) { milestones { name startDate dueDate progress } location { geoJson east } renderings { name } } }',
        { id: project.id },
        token,
      );
      expect(after.data!.project.milestones).toContainEqual({ name: '设备安装调试', startDate: '2020-10-01', dueDate: '2020-11-30', progress: 30 });
      expect(after.data!.project.milestones).toHaveLength(before + 1);
      expect(after.data!.project.location.east).toBe('丰乐路');
      expect(JSON.parse(after.data!.project.location.geoJson).type).toBe('Polygon');
      // The demo's own rendering stays beside the new one.
      expect(after.data!.project.renderings.map((r) => r.name)).toContain('鸟瞰图.png');
    } finally {
      await context.close();
    }
  });
});
