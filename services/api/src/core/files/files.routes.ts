import crypto from 'node:crypto';
import busboy from 'busboy';
import type { Request, Response, Router } from 'express';
import { canWrite, isSignedIn } from '../auth/policy';
import type { ModuleServices } from '../module';
import { mutate } from '../transaction';
import { canReadFile, fileUrl, thumbnailUrl } from './files.service';
import { inspect, UploadRefused } from './inspect';
import { storageFor } from './storage';
import { FilePurpose, StoredFile } from './stored-file.entity';
import { now as clockNow } from '../clock';

type Code = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'BAD_USER_INPUT' | 'NOT_FOUND' | 'INTERNAL_SERVER_ERROR';

function fail(res: Response, status: number, code: Code, reason: string, field = 'file'): void {
  if (res.headersSent) return;
  res.status(status).json({ errors: [{ message: reason, extensions: { code, field, reason } }] });
}

/** Keeps a display name only: no directories, no control characters, bounded length. */
export function displayName(raw: string | undefined): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '').replace(/^\.+/, '').trim();
  return clean.slice(0, 200) || 'upload';
}

interface Received {
  buffer: Buffer;
  name: string;
}

/** Reads exactly one file part into memory, refusing past the size limit or when it trickles in too slowly. */
function receive(req: Request, maxBytes: number, timeoutMs: number): Promise<Received> {
  return new Promise((resolve, reject) => {
    let bb: busboy.Busboy;
    try {
      bb = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { fileSize: maxBytes, files: 1, fields: 10, parts: 12 } });
    } catch {
      reject(new UploadRefused('请以 multipart/form-data 上传一个文件 (send one file as multipart/form-data)'));
      return;
    }
    let settled = false;
    const done = (err: Error | null, value?: Received) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (err) {
        req.unpipe(bb);
        reject(err);
      } else resolve(value!);
    };
    const timer = setTimeout(() => done(Object.assign(new UploadRefused('上传超时 (the upload took too long)'), { status: 408 })), timeoutMs);
    let received: Received | undefined;
    let fileSeen = false;
    bb.on('file', (_field, stream, info) => {
      if (fileSeen) {
        stream.resume();
        return;
      }
      fileSeen = true;
      const parts: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => parts.push(chunk));
      stream.on('limit', () => done(Object.assign(new UploadRefused(`文件超过 ${Math.round(maxBytes / 1048576)} MB 上限 (file too large)`), { status: 413 })));
      stream.on('end', () => {
        received = { buffer: Buffer.concat(parts), name: displayName(info.filename) };
      });
    });
    bb.on('filesLimit', () => done(new UploadRefused('一次只能上传一个文件 (one file per upload)')));
    bb.on('error', () => done(new UploadRefused('上传的数据不完整 (the upload is malformed)')));
    bb.on('close', () => (received ? done(null, received) : done(new UploadRefused('没有收到文件 (no file in the upload)'))));
    req.on('aborted', () => done(new UploadRefused('上传中断 (the upload was interrupted)')));
    req.pipe(bb);
  });
}

function purposeOf(value: unknown): FilePurpose | null {
  if (value === 'photo') return FilePurpose.PHOTO;
  if (value === 'spreadsheet') return FilePurpose.SPREADSHEET;
  if (value === 'document') return FilePurpose.DOCUMENT;
  return null;
}

/** The plain-ASCII file name's extension: from an export's own name, else from the type. */
function asciiExtension(file: StoredFile): string {
  const own = /\.(csv|xlsx|jsonl)$/.exec(file.name)?.[1];
  if (file.purpose === FilePurpose.EXPORT && own) return own;
  return file.mime.split('/')[1]?.includes('sheet') ? 'xlsx' : (file.mime.split('/')[1] ?? 'bin');
}

export function fileJson(file: StoredFile) {
  return {
    id: file.id,
    purpose: file.purpose,
    name: file.name,
    mime: file.mime,
    size: file.size,
    width: file.width,
    height: file.height,
    takenAt: file.takenAt?.toISOString() ?? null,
    gps: file.gpsLat !== null && file.gpsLng !== null ? { lat: file.gpsLat, lng: file.gpsLng } : null,
    url: fileUrl(file),
    thumbnailUrl: thumbnailUrl(file),
  };
}

export function fileRoutes(router: Router, services: ModuleServices): void {
  const { config, log } = services;

  router.post('/', async (req, res) => {
    const ctx = await services.contextFor(req, res);
    if (!isSignedIn(ctx.viewer)) return fail(res, 401, 'UNAUTHENTICATED', '请先登录 (sign in first)', 'authorization');
    if (!canWrite(ctx.viewer)) return fail(res, 403, 'FORBIDDEN', '只读凭证不能上传 (this credential is read-only)', 'authorization');
    // A multipart form is a "simple" request a foreign page could send with the cookie: ask for a header it cannot set.
    if (!req.headers.authorization && !req.headers['x-kpd-csrf'] && !req.headers['apollo-require-preflight']) {
      return fail(res, 403, 'FORBIDDEN', '缺少 x-kpd-csrf 请求头 (missing the x-kpd-csrf header)', 'x-kpd-csrf');
    }
    const purpose = purposeOf(req.query.purpose);
    if (!purpose) return fail(res, 400, 'BAD_USER_INPUT', 'purpose 应为 photo、spreadsheet 或 document (purpose must be photo, spreadsheet or document)', 'purpose');
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > config.uploads.maxBytes + 64 * 1024) {
      res.setHeader('connection', 'close');
      return fail(res, 413, 'BAD_USER_INPUT', `文件超过 ${Math.round(config.uploads.maxBytes / 1048576)} MB 上限 (file too large)`);
    }
    let received: Received;
    try {
      received = await receive(req, config.uploads.maxBytes, config.uploads.timeoutMs);
    } catch (e) {
      res.setHeader('connection', 'close');
      const status = (e as { status?: number }).status ?? 400;
      if (e instanceof UploadRefused) return fail(res, status, 'BAD_USER_INPUT', e.reason);
      log.error({ err: e }, 'upload failed');
      return fail(res, 500, 'INTERNAL_SERVER_ERROR', 'upload failed');
    }
    let inspected;
    try {
      inspected = await inspect(received.buffer, purpose, config.uploads.maxImagePixels);
    } catch (e) {
      if (e instanceof UploadRefused) return fail(res, 400, 'BAD_USER_INPUT', e.reason);
      throw e;
    }
    const id = crypto.randomUUID();
    const now = clockNow();
    const key = `${purpose.toLowerCase()}/${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${id}`;
    const thumbKey = inspected.thumbnail ? `${key}.thumb.jpg` : null;
    const storage = storageFor(config);
    try {
      await storage.put(key, received.buffer, inspected.mime);
      if (thumbKey) await storage.put(thumbKey, inspected.thumbnail!, 'image/jpeg');
      const file = await mutate(ctx, async (tx) => {
        const row = tx.em.create(StoredFile, {
          id,
          purpose,
          storageKey: key,
          thumbnailKey: thumbKey,
          name: received.name,
          mime: inspected.mime,
          size: received.buffer.length,
          sha256: crypto.createHash('sha256').update(received.buffer).digest('hex'),
          width: inspected.width,
          height: inspected.height,
          takenAt: inspected.takenAt,
          gpsLat: inspected.gps?.lat ?? null,
          gpsLng: inspected.gps?.lng ?? null,
          perceptualHash: inspected.perceptualHash,
          uploadedByUserId: ctx.viewer.userId!,
          ownerType: null,
          ownerId: null,
          areaId: null,
        });
        await tx.em.insert(StoredFile, row);
        await tx.audit({ action: 'file.upload', entityType: 'File', entityId: id, areaId: ctx.viewer.scope!.root.id, after: { name: row.name, mime: row.mime, size: row.size } });
        return row;
      });
      res.status(201).json(fileJson(file));
    } catch (e) {
      // Nothing half-stored: the bytes go when the record could not be written.
      await storage.delete(key).catch(() => undefined);
      if (thumbKey) await storage.delete(thumbKey).catch(() => undefined);
      log.error({ err: e }, 'storing an upload failed');
      fail(res, 500, 'INTERNAL_SERVER_ERROR', 'storing the file failed');
    }
  });

  const serve = (variant: 'original' | 'thumbnail') => async (req: Request, res: Response) => {
    const ctx = await services.contextFor(req, res);
    const id = String(req.params.id);
    const file = /^[0-9a-f-]{36}$/.test(id) ? await services.db.getRepository(StoredFile).findOneBy({ id }) : null;
    // Unknown and forbidden look the same, so ids cannot be probed.
    if (!file || !(await canReadFile(ctx, file))) return fail(res, 404, 'NOT_FOUND', '没有这个文件 (no such file)', 'id');
    const key = variant === 'thumbnail' ? file.thumbnailKey : file.storageKey;
    if (!key) return fail(res, 404, 'NOT_FOUND', '没有缩略图 (no thumbnail)', 'id');
    const body = await storageFor(config).get(key);
    const inline = file.purpose === FilePurpose.PHOTO;
    res.setHeader('content-type', variant === 'thumbnail' ? 'image/jpeg' : file.mime);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('cache-control', 'private, max-age=3600');
    res.setHeader('content-security-policy', "default-src 'none'; sandbox");
    res.setHeader('content-disposition', `${inline ? 'inline' : 'attachment'}; filename="file.${asciiExtension(file)}"; filename*=UTF-8''${encodeURIComponent(file.name)}`);
    res.send(body);
  };
  router.get('/:id', serve('original'));
  router.get('/:id/thumbnail', serve('thumbnail'));
}
