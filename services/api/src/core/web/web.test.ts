import fs from 'node:fs';
import http from 'node:http';
import zlib from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import { shanghaiDate } from '@kpd/domain';
import { loadConfig } from '../../config';
import { setTodayForTesting } from '../clock';
import { startTestServer, type TestServer } from '../../testing/harness';
import { buildManifest, parseRemoteOverrides, WEB_APPS } from './manifest';
import { encodingQuality } from './static';

describe('WEB_REMOTES', () => {
  test.each([
    [undefined, {}],
    ['', {}],
    ['{"projects":"https://cdn.example.cn/projects/remoteEntry.js"}', { projects: 'https://cdn.example.cn/projects/remoteEntry.js' }],
    ['projects=http://localhost:5102/remoteEntry.js, districts=/web/districts-next/remoteEntry.js', { projects: 'http://localhost:5102/remoteEntry.js', districts: '/web/districts-next/remoteEntry.js' }],
    ['livelihood=', { livelihood: '' }],
  ])('%p is read as %p', (value, expected) => expect(parseRemoteOverrides(value)).toEqual(expected));

  test.each([
    ['{"projects":', /not valid JSON/],
    ['["projects"]', /JSON object/],
    ['projects', /not app=url/],
    ['Projects=/x.js', /not an app name/],
    ['projects=javascript:alert(1)', /must start with/],
    ['{"projects":5}', /must be a string/],
  ])('%p is refused', (value, message) => expect(() => parseRemoteOverrides(value)).toThrow(message));

  test('an override replaces one address, an empty one removes the app, a new name adds one', () => {
    const { remotes } = buildManifest({ projects: 'https://cdn.example.cn/p/remoteEntry.js', livelihood: '', reports: '/web/reports/remoteEntry.js' });
    expect(remotes.map((r) => r.name)).toEqual(['districts', 'projects', 'dispatch', 'secretaries', 'service-items', 'investment', 'reports']);
    expect(remotes.find((r) => r.name === 'projects')?.entry).toBe('https://cdn.example.cn/p/remoteEntry.js');
    expect(remotes.find((r) => r.name === 'service-items')).toEqual({ name: 'service-items', scope: 'kpd_service_items', entry: '/web/service-items/remoteEntry.js' });
  });
});

describe('Accept-Encoding', () => {
  test.each([
    ['gzip, deflate, br', 'br', 1],
    ['gzip, deflate, br', 'gzip', 1],
    ['br;q=0.5, gzip', 'br', 0.5],
    ['BR;Q=0.8', 'br', 0.8],
    ['gzip', 'br', 0],
    ['*', 'br', 1],
    ['*;q=0.3, gzip', 'br', 0.3],
    ['br;q=0, *', 'br', 0],
    ['', 'gzip', 0],
    ['br;q=x', 'br', 0],
  ])('%p gives %s the weight %p', (header, encoding, q) => expect(encodingQuality(header, encoding)).toBe(q));
});

describe('MAP_TILE_URL', () => {
  test('unset or empty: no tiles (the outlines alone, offline); an address with {z}/{x}/{y}: that one', () => {
    expect(loadConfig({}).mapTiles).toEqual({ url: '', attribution: '' });
    expect(loadConfig({ MAP_TILE_URL: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', MAP_TILE_ATTRIBUTION: '© OpenStreetMap contributors' }).mapTiles.url).toBe('https://tile.openstreetmap.org/{z}/{x}/{y}.png');
    expect(loadConfig({ MAP_TILE_URL: '' }).mapTiles).toEqual({ url: '', attribution: '' });
    expect(loadConfig({ MAP_TILE_URL: '/tiles/{z}/{x}/{y}.png', MAP_TILE_ATTRIBUTION: '本地底图' }).mapTiles).toEqual({ url: '/tiles/{z}/{x}/{y}.png', attribution: '本地底图' });
  });

  test.each(['tiles.example.cn/{z}/{x}/{y}.png', 'https://tiles.example.cn/map.png', 'javascript:{z}{x}{y}'])('%p is refused', (value) => {
    expect(() => loadConfig({ MAP_TILE_URL: value })).toThrow(/MAP_TILE_URL/);
  });
});

const BIG_CHUNK = Buffer.from(Array.from({ length: 400 }, (_, i) => `export const row${i} = { name: '项目 ${i}', light: 'GREEN' };`).join('\n'));
const SHELL_CSS = Buffer.from(Array.from({ length: 200 }, (_, i) => `.row-${i} { color: #52c41a; }`).join('\n'));

/** A GET that keeps the body as sent (fetch would undo the content encoding). */
function rawGet(url: string, headers: Record<string, string>, method = 'GET'): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the admin served by the API', () => {
  let t: TestServer;
  let webDir: string;
  beforeAll(async () => {
    webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kpd-web-'));
    fs.mkdirSync(path.join(webDir, 'shell'), { recursive: true });
    fs.writeFileSync(path.join(webDir, 'shell', 'index.html'), '<!doctype html><title>shell</title>');
    fs.mkdirSync(path.join(webDir, 'districts', 'dist', 'assets'), { recursive: true });
    fs.writeFileSync(path.join(webDir, 'districts', 'dist', 'remoteEntry.js'), 'export const v = 1;');
    fs.writeFileSync(path.join(webDir, 'districts', 'dist', 'assets', 'App-BzO0TB-S.js'), 'export default 1;');
    // A chunk as the build leaves it: the file, and its brotli and gzip copies beside it.
    fs.writeFileSync(path.join(webDir, 'districts', 'dist', 'assets', 'Big-Cq1xYz9A.js'), BIG_CHUNK);
    fs.writeFileSync(path.join(webDir, 'districts', 'dist', 'assets', 'Big-Cq1xYz9A.js.br'), zlib.brotliCompressSync(BIG_CHUNK));
    fs.writeFileSync(path.join(webDir, 'districts', 'dist', 'assets', 'Big-Cq1xYz9A.js.gz'), zlib.gzipSync(BIG_CHUNK));
    fs.writeFileSync(path.join(webDir, 'shell', 'shell-D4tPq2Wm.css'), SHELL_CSS);
    fs.writeFileSync(path.join(webDir, 'shell', 'shell-D4tPq2Wm.css.gz'), zlib.gzipSync(SHELL_CSS));
    t = await startTestServer('sqlite', {
      config: { webDir: path.join(webDir, 'shell'), webRemotesDir: webDir, mapTiles: { url: 'https://tiles.example.cn/{z}/{x}/{y}.png', attribution: '示例底图' } },
      env: {},
    });
  });
  afterAll(async () => {
    await t?.close();
    fs.rmSync(webDir, { recursive: true, force: true });
  });

  test('GET /api/web/config gives the map tile address, never cached', async () => {
    const res = await fetch(`${t.url}/api/web/config`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as { mapTiles: unknown; now: string };
    expect(body.mapTiles).toEqual({ url: 'https://tiles.example.cn/{z}/{x}/{y}.png', attribution: '示例底图' });
    expect(Math.abs(new Date(body.now).getTime() - Date.now())).toBeLessThan(60_000);
  });

  test('GET /api/web/config gives the service clock, so the pages’ today is KPD_TODAY', async () => {
    setTodayForTesting('2020-10-15');
    try {
      const body = (await (await fetch(`${t.url}/api/web/config`)).json()) as { now: string };
      expect(shanghaiDate(new Date(body.now))).toBe('2020-10-15');
    } finally {
      setTodayForTesting(undefined);
    }
  });

  test('GET /api/web/manifest lists every domain app, never cached', async () => {
    const res = await fetch(`${t.url}/api/web/manifest`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as { remotes: Array<{ name: string; entry: string }> };
    expect(body.remotes.map((r) => r.name)).toEqual([...WEB_APPS]);
    expect(body.remotes[0].entry).toBe('/web/districts/remoteEntry.js');
  });

  test('a remote’s entry is revalidated on every load; its hashed chunks are cached for good', async () => {
    const entry = await fetch(`${t.url}/web/districts/remoteEntry.js`);
    expect(entry.status).toBe(200);
    expect(entry.headers.get('content-type')).toMatch(/javascript/);
    expect(entry.headers.get('cache-control')).toBe('no-cache');
    const chunk = await fetch(`${t.url}/web/districts/assets/App-BzO0TB-S.js`);
    expect(chunk.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  test('a chunk goes out as the build compressed it: brotli when accepted, else gzip, else as it is; each cached for good', async () => {
    const url = `${t.url}/web/districts/assets/Big-Cq1xYz9A.js`;
    const cases: Array<[string, string | undefined, (b: Buffer) => Buffer]> = [
      ['gzip, deflate, br', 'br', (b) => zlib.brotliDecompressSync(b)],
      ['br;q=0.5, gzip', 'gzip', (b) => zlib.gunzipSync(b)],
      ['gzip, deflate', 'gzip', (b) => zlib.gunzipSync(b)],
      ['identity', undefined, (b) => b],
      ['br;q=0, gzip;q=0', undefined, (b) => b],
    ];
    for (const [accept, encoding, decode] of cases) {
      const res = await rawGet(url, { 'accept-encoding': accept });
      expect([accept, res.status, res.headers['content-encoding']]).toEqual([accept, 200, encoding]);
      expect(res.headers['content-type']).toMatch(/javascript/);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.headers.vary).toMatch(/Accept-Encoding/i);
      expect(decode(res.body).equals(BIG_CHUNK)).toBe(true);
      if (encoding) expect(res.body.length).toBeLessThan(BIG_CHUNK.length / 4);
    }
    const head = await rawGet(url, { 'accept-encoding': 'br' }, 'HEAD');
    expect([head.status, head.headers['content-encoding'], head.body.length]).toEqual([200, 'br', 0]);
  });

  test('the shell’s own files are served compressed too, with their type; a path out of the build is not', async () => {
    const css = await rawGet(`${t.url}/shell-D4tPq2Wm.css`, { 'accept-encoding': 'gzip, br' });
    expect([css.status, css.headers['content-encoding'], css.headers['content-type']]).toEqual([200, 'gzip', 'text/css; charset=utf-8']);
    expect(zlib.gunzipSync(css.body).equals(SHELL_CSS)).toBe(true);
    const out = await rawGet(`${t.url}/web/districts/..%2f..%2fshell/shell-D4tPq2Wm.css`, { 'accept-encoding': 'gzip' });
    expect(out.headers['content-encoding']).toBeUndefined();
    expect(out.body.includes(Buffer.from('.row-1 {'))).toBe(false);
  });

  test('a missing remote file is a 404, not the shell page', async () => {
    for (const url of ['/web/projects/remoteEntry.js', '/web/districts/assets/nothing.js', '/web/unknown/x.js']) {
      const res = await fetch(`${t.url}${url}`);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain('<title>shell</title>');
    }
  });

  test('the shell answers its own client-side routes, revalidated', async () => {
    const res = await fetch(`${t.url}/districts/12`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>shell</title>');
    expect(res.headers.get('cache-control')).toBe('no-cache');
  });
});

describe('WEB_REMOTES reaches the manifest', () => {
  test('an overridden address is served to the shell', async () => {
    const t = await startTestServer('sqlite', { env: { WEB_REMOTES: 'projects=http://localhost:5102/remoteEntry.js' } });
    try {
      const body = (await (await fetch(`${t.url}/api/web/manifest`)).json()) as { remotes: Array<{ name: string; entry: string }> };
      expect(body.remotes.find((r) => r.name === 'projects')?.entry).toBe('http://localhost:5102/remoteEntry.js');
    } finally {
      await t.close();
    }
  });
});
