import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';
import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { DRIVERS, startTestServer, type TestServer } from '../../testing/harness';
import { mutate } from '../transaction';
import { attachFiles, registerFileAccess, readUploadedSpreadsheet } from './files.service';
import { exifInstant } from './inspect';
import { S3Storage } from './storage';
import { FilePurpose, StoredFile } from './stored-file.entity';

async function photo(options: { taken?: string; offset?: string; gps?: [number, number]; width?: number; color?: number } = {}): Promise<Buffer> {
  const exif: Record<string, Record<string, string>> = { IFD0: { Make: 'KPD test camera' } };
  if (options.taken) exif.IFD2 = { DateTimeOriginal: options.taken, ...(options.offset ? { OffsetTimeOriginal: options.offset } : {}) };
  if (options.gps) {
    const dms = (v: number) => {
      const d = Math.floor(v);
      const m = Math.floor((v - d) * 60);
      const s = Math.round(((v - d) * 60 - m) * 60 * 100);
      return `${d}/1 ${m}/1 ${s}/100`;
    };
    exif.IFD3 = { GPSLatitudeRef: 'N', GPSLatitude: dms(options.gps[0]), GPSLongitudeRef: 'E', GPSLongitude: dms(options.gps[1]) };
  }
  const width = options.width ?? 800;
  const c = options.color ?? 120;
  // A diagonal gradient, so the picture has structure for the hash.
  const raw = Buffer.alloc(width * 600 * 3);
  for (let y = 0; y < 600; y++) for (let x = 0; x < width; x++) raw.fill((x + y + c) % 256, (y * width + x) * 3, (y * width + x) * 3 + 3);
  return sharp(raw, { raw: { width, height: 600, channels: 3 } }).jpeg().withExif(exif).toBuffer();
}

/** A few hundred bytes of PNG whose header declares a canvas of width × height: a pixel-flood bomb. */
function pngDeclaring(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(zlib.crc32(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(Buffer.alloc(4096))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function upload(t: TestServer, token: string | null, body: Buffer, name: string, opts: { purpose?: string; headers?: Record<string, string>; type?: string } = {}) {
  const form = new FormData();
  form.append('file', new Blob([body], { type: opts.type ?? 'application/octet-stream' }), name);
  const res = await fetch(`${t.url}/api/files?purpose=${opts.purpose ?? 'photo'}`, {
    method: 'POST',
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...opts.headers },
    body: form,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { errors?: { extensions: { code: string; field: string; reason: string } }[] } };
}

/** Every stored object under the server's uploads folder. */
function filesOnDisk(t: TestServer): string[] {
  const dir = path.join(t.dataDir, 'uploads');
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile());
}

describe('EXIF times', () => {
  it.each<[string, string | undefined, string | null]>([
    ['2020:09:15 10:30:00', '+08:00', '2020-09-15T02:30:00.000Z'],
    ['2020:09:15 10:30:00', undefined, '2020-09-15T02:30:00.000Z'],
    ['2020:09:15 10:30:00', '+00:00', '2020-09-15T10:30:00.000Z'],
    ['0000:00:00 00:00:00', undefined, null],
    ['yesterday', undefined, null],
  ])('%s %s → %s', (time, offset, iso) => expect(exifInstant(time, offset)?.toISOString() ?? null).toBe(iso));
});

describe.each(DRIVERS)('uploads [%s]', (driver) => {
  let t: TestServer;
  let sujiatun: string;
  let dadong: string;
  let storedBefore: number;
  let onDiskBefore: number;
  const countStored = () => t.server.db.getRepository(StoredFile).count();

  beforeAll(async () => {
    t = await startTestServer(driver);
    sujiatun = await t.login('admin.sujiatun');
    dadong = await t.login('admin.dadong');
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    storedBefore = await countStored();
    onDiskBefore = filesOnDisk(t).length;
  });

  it('stores a photo, reads its EXIF time and GPS, makes a thumbnail and a hash', async () => {
    const res = await upload(t, sujiatun, await photo({ taken: '2020:09:15 10:30:00', offset: '+08:00', gps: [41.66, 123.34] }), '九月 东侧.jpg');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ purpose: 'PHOTO', name: '九月 东侧.jpg', mime: 'image/jpeg', width: 800, height: 600, takenAt: '2020-09-15T02:30:00.000Z' });
    expect((res.body.gps as { lat: number }).lat).toBeCloseTo(41.66, 4);
    const file = await t.server.db.getRepository(StoredFile).findOneByOrFail({ id: String(res.body.id) });
    expect(file.perceptualHash).toMatch(/^[0-9a-f]{16}$/);
    // The picture and its thumbnail, under keys of the service's making.
    expect(filesOnDisk(t)).toEqual(expect.arrayContaining([file.storageKey, `${file.storageKey}.thumb.jpg`].map((k) => k.split('/').join(path.sep))));
    // The uploader reads it back, with the type decided by the content.
    const got = await fetch(`${t.url}${res.body.url}`, { headers: { authorization: `Bearer ${sujiatun}` } });
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/jpeg');
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(got.headers.get('content-disposition')).toMatch(/^inline; .*filename\*=UTF-8''%E4%B9%9D/);
    const thumb = await fetch(`${t.url}${res.body.thumbnailUrl}`, { headers: { authorization: `Bearer ${sujiatun}` } });
    expect((await sharp(Buffer.from(await thumb.arrayBuffer())).metadata()).width).toBe(400);
  });

  it('decides the type by content: a PNG named .jpg is stored as PNG', async () => {
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#3a7' } }).png().toBuffer();
    const res = await upload(t, sujiatun, png, 'photo.jpg', { type: 'image/jpeg' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ mime: 'image/png', takenAt: null, gps: null });
  });

  it.each<[string, () => Promise<Buffer>, string, RegExp]>([
    ['HTML named .jpg', async () => Buffer.from('<html><script>alert(1)</script></html>'), 'evil.jpg', /JPEG、PNG 或 WebP/],
    ['SVG with script', async () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'map.svg', /JPEG、PNG 或 WebP/],
    ['a JPEG header over garbage', async () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 7)]), 'broken.jpg', /无法解码|损坏/],
    ['an empty file', async () => Buffer.alloc(0), 'empty.jpg', /空的/],
    [
      'a pixel flood (tiny file, huge canvas)',
      async () => pngDeclaring(60000, 60000),
      'flood.png',
      /像素过多/,
    ],
  ])('refuses %s and stores nothing', async (_name, make, name, reason) => {
    const res = await upload(t, sujiatun, await make(), name);
    expect(res.status).toBe(400);
    expect(res.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file', reason: expect.stringMatching(reason) });
    expect(await countStored()).toBe(storedBefore);
    expect(filesOnDisk(t)).toHaveLength(onDiskBefore);
  });

  it('keeps a path-traversal name as a display name only', async () => {
    const res = await upload(t, sujiatun, await photo(), '../../../etc/passwd.jpg');
    expect(res.status).toBe(201);
    expect(res.body.name).toBe('passwd.jpg');
    const file = await t.server.db.getRepository(StoredFile).findOneByOrFail({ id: String(res.body.id) });
    expect(file.storageKey).toMatch(/^photo\/\d{4}\/\d{2}\/[0-9a-f-]{36}$/);
  });

  it('refuses a body over 10 MB with 413, storing nothing', async () => {
    const res = await upload(t, sujiatun, Buffer.alloc(11 * 1024 * 1024, 1), 'huge.jpg');
    expect(res.status).toBe(413);
    expect(await countStored()).toBe(storedBefore);
    expect(filesOnDisk(t)).toHaveLength(onDiskBefore);
  });

  it('cuts an upload that trickles in too slowly', async () => {
    const slow = await startTestServer(driver, { config: { uploads: { maxBytes: 10 * 1024 * 1024, timeoutMs: 800, maxImagePixels: 40e6 } } });
    try {
      const token = await slow.login('admin.sujiatun');
      const { port } = new URL(slow.url);
      const status = await new Promise<string>((resolve) => {
        const socket = net.connect(Number(port), '127.0.0.1', () => {
          const boundary = 'kpdslow';
          socket.write(
            `POST /api/files?purpose=photo HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${token}\r\n` +
              `Content-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: 100000\r\n\r\n` +
              `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="slow.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
          );
          const drip = setInterval(() => socket.write(Buffer.from([0xff])), 200);
          socket.on('data', (d) => {
            clearInterval(drip);
            resolve(String(d).split('\r\n')[0]);
            socket.destroy();
          });
          socket.on('close', () => clearInterval(drip));
        });
      });
      expect(status).toMatch(/408/);
      expect(await slow.server.db.getRepository(StoredFile).count()).toBe(0);
    } finally {
      await slow.close();
    }
  });

  it('refuses anonymous uploads, read-only tokens, and cookies without the CSRF header', async () => {
    const anonymous = await upload(t, null, await photo(), 'a.jpg');
    expect(anonymous.status).toBe(401);
    const analyst = await upload(t, await t.login('analyst'), await photo(), 'a.jpg');
    expect(analyst.status).toBe(403);
    const viaCookie = await upload(t, null, await photo(), 'a.jpg', { headers: { cookie: `kpd_session=${sujiatun}` } });
    expect(viaCookie.status).toBe(403);
    expect(viaCookie.body.errors![0].extensions.field).toBe('x-kpd-csrf');
    const withHeader = await upload(t, null, await photo(), 'a.jpg', { headers: { cookie: `kpd_session=${sujiatun}`, 'x-kpd-csrf': '1' } });
    expect(withHeader.status).toBe(201);
    expect(await countStored()).toBe(storedBefore + 1);
  });

  it('serves a file only to whom its owner module allows; others get 404', async () => {
    const res = await upload(t, sujiatun, await photo(), 'site.jpg');
    const id = String(res.body.id);
    const get = (token: string | null) => fetch(`${t.url}/api/files/${id}`, { headers: token ? { authorization: `Bearer ${token}` } : {} }).then((r) => r.status);
    expect(await get(sujiatun)).toBe(200);
    expect(await get(dadong)).toBe(404);
    expect(await get(null)).toBe(404);

    // Attached to a record of 苏家屯区, the owner's rule decides: here, viewers whose scope covers the area.
    registerFileAccess('test-record', async (ctx, file) => !!ctx.viewer.scope?.contains(file.areaId));
    const ctx = await t.context('admin.sujiatun');
    const area = ctx.viewer.scope!.root.id;
    await mutate(ctx, async (tx) => {
      await attachFiles(ctx, tx, [id], { ownerType: 'test-record', ownerId: 1, areaId: area, purpose: FilePurpose.PHOTO });
      await tx.audit({ action: 'test.attach', entityType: 'Test' });
    });
    expect(await get(sujiatun)).toBe(200);
    expect(await get(await t.login('admin.shenyang'))).toBe(200);
    expect(await get(dadong)).toBe(404);
    expect(await fetch(`${t.url}/api/files/not-a-uuid`).then((r) => r.status)).toBe(404);
  });

  it('attaches only the caller’s own files of the right kind, naming each bad id', async () => {
    const mine = await upload(t, sujiatun, await photo(), 'mine.jpg');
    const theirs = await upload(t, dadong, await photo(), 'theirs.jpg');
    const ctx = await t.context('admin.sujiatun');
    const area = ctx.viewer.scope!.root.id;
    const attempt = mutate(ctx, async (tx) =>
      attachFiles(ctx, tx, [String(mine.body.id), String(theirs.body.id), '00000000-0000-4000-8000-000000000000'], {
        ownerType: 'test-record',
        ownerId: 2,
        areaId: area,
        purpose: FilePurpose.SPREADSHEET,
      }),
    );
    await expect(attempt).rejects.toMatchObject({
      extensions: {
        code: 'BAD_USER_INPUT',
        problems: [
          { field: 'fileIds[0]', reason: expect.stringMatching(/wrong kind/) },
          { field: 'fileIds[1]', reason: expect.stringMatching(/wrong kind|not your upload/) },
          { field: 'fileIds[2]', reason: expect.stringMatching(/no such file/) },
        ],
      },
    });
    const untouched = await t.server.db.getRepository(StoredFile).findOneByOrFail({ id: String(mine.body.id) });
    expect(untouched.ownerType).toBeNull();
  });

  it('accepts an .xlsx workbook or a CSV export for imports, by their content, and refuses anything else', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('计划').addRow(['项目编码', '项目名称']);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const ok = await upload(t, sujiatun, xlsx, '计划.xlsx', { purpose: 'spreadsheet' });
    expect(ok.status).toBe(201);
    expect(ok.body.mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const ctx = await t.context('admin.sujiatun');
    expect((await readUploadedSpreadsheet(ctx, String(ok.body.id))).equals(xlsx)).toBe(true);
    await expect(readUploadedSpreadsheet(await t.context('admin.dadong'), String(ok.body.id))).rejects.toMatchObject({ extensions: { field: 'fileId' } });
    // What the file holds decides, not its name: CSV text is taken as CSV whatever it is called.
    const csv = await upload(t, sujiatun, Buffer.from('项目编码,项目名称\n'), 'plan.xlsx', { purpose: 'spreadsheet' });
    expect(csv.status).toBe(201);
    expect(csv.body.mime).toBe('text/csv');
    // A picture offered as a spreadsheet is neither.
    const picture = await upload(t, sujiatun, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), 'plan.xlsx', { purpose: 'spreadsheet' });
    expect(picture.status).toBe(400);
    expect(picture.body.errors![0].extensions.field).toBe('file');
    const fileServed = await fetch(`${t.url}/api/files/${ok.body.id}`, { headers: { authorization: `Bearer ${sujiatun}` } });
    expect(fileServed.headers.get('content-disposition')).toMatch(/^attachment/);
  });
});

describe('S3-compatible storage', () => {
  it('puts, gets and deletes objects with signed path-style requests', async () => {
    const objects = new Map<string, Buffer>();
    const seen: string[] = [];
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        seen.push(`${req.method} ${req.url?.split('?')[0]} ${String(req.headers.authorization).startsWith('AWS4-HMAC-SHA256') ? 'signed' : 'unsigned'}`);
        const key = decodeURIComponent(req.url!.split('?')[0]);
        if (req.method === 'PUT') {
          objects.set(key, Buffer.concat(chunks));
          res.writeHead(200, { etag: '"x"' }).end();
        } else if (req.method === 'GET' && objects.has(key)) {
          res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': objects.get(key)!.length }).end(objects.get(key));
        } else if (req.method === 'DELETE') {
          objects.delete(key);
          res.writeHead(204).end();
        } else res.writeHead(404).end('<Error><Code>NoSuchKey</Code></Error>');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    try {
      const storage = new S3Storage({
        endpoint: `http://127.0.0.1:${port}`,
        region: 'cn-northeast-1',
        bucket: 'kpd-files',
        accessKeyId: 'test',
        secretAccessKey: 'test-secret',
        forcePathStyle: true,
      });
      const key = 'photo/2020/09/0b7c1e8a-3d2f-4c1e-9a8b-1c2d3e4f5a6b';
      await storage.put(key, Buffer.from('jpeg bytes'), 'image/jpeg');
      expect(String(await storage.get(key))).toBe('jpeg bytes');
      await storage.delete(key);
      expect(objects.size).toBe(0);
      expect(seen).toEqual([`PUT /kpd-files/${key} signed`, `GET /kpd-files/${key} signed`, `DELETE /kpd-files/${key} signed`]);
      await expect(storage.put('../escape', Buffer.from('x'), 'text/plain')).rejects.toThrow(/refusing storage key/);
    } finally {
      server.close();
    }
  });
});
