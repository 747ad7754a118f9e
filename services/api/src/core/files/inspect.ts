import { dHash } from '@kpd/domain';
import exifr from 'exifr';
import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { csvText } from '../xlsx/csv';
import { FilePurpose } from './stored-file.entity';

/** Why an upload was refused; answered as BAD_USER_INPUT on the field `file`. */
export class UploadRefused extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

export interface Inspected {
  mime: string;
  extension: string;
  width: number | null;
  height: number | null;
  takenAt: Date | null;
  gps: { lat: number; lng: number } | null;
  perceptualHash: string | null;
  thumbnail: Buffer | null;
}

function startsWith(buf: Buffer, bytes: number[], at = 0): boolean {
  return bytes.every((b, i) => buf[at + i] === b);
}

/** The picture type by its first bytes (never by name or the client's claim). */
function imageType(buf: Buffer): { mime: string; extension: string } | null {
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return { mime: 'image/jpeg', extension: 'jpg' };
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { mime: 'image/png', extension: 'png' };
  if (startsWith(buf, [0x52, 0x49, 0x46, 0x46]) && startsWith(buf, [0x57, 0x45, 0x42, 0x50], 8)) return { mime: 'image/webp', extension: 'webp' };
  return null;
}

const EXIF_TIME = /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const OFFSET = /^([+-])(\d{2}):(\d{2})$/;

/** Camera time with its offset when written; without one, the camera was on China time (UTC+8). */
export function exifInstant(time: unknown, offset: unknown): Date | null {
  const m = typeof time === 'string' ? EXIF_TIME.exec(time.trim()) : null;
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number);
  const o = typeof offset === 'string' ? OFFSET.exec(offset.trim()) : null;
  const offsetMinutes = o ? (o[1] === '-' ? -1 : 1) * (Number(o[2]) * 60 + Number(o[3])) : 8 * 60;
  const instant = Date.UTC(y, mo - 1, d, h, mi, s) - offsetMinutes * 60_000;
  return Number.isNaN(instant) || y < 1990 ? null : new Date(instant);
}

async function inspectPhoto(buf: Buffer, maxPixels: number, withThumbnail: boolean): Promise<Inspected> {
  const type = imageType(buf);
  if (!type) throw new UploadRefused('只接受 JPEG、PNG 或 WebP 图片 (only JPEG, PNG or WebP pictures are accepted)');
  let meta: sharp.Metadata;
  try {
    meta = await sharp(buf, { limitInputPixels: false }).metadata();
  } catch {
    throw new UploadRefused('图片无法解码 (the picture cannot be decoded)');
  }
  if (!meta.width || !meta.height) throw new UploadRefused('图片没有尺寸 (the picture has no dimensions)');
  // Checked from the header before decoding: a small file declaring a huge canvas is a pixel flood.
  if (meta.width * meta.height > maxPixels) {
    throw new UploadRefused(`图片像素过多（${meta.width}×${meta.height}），上限 ${Math.round(maxPixels / 1e6)} 百万像素 (too many pixels)`);
  }
  let thumbnail: Buffer | null;
  let grey: Buffer;
  try {
    const decoded = sharp(buf, { limitInputPixels: maxPixels, failOn: 'error' }).rotate();
    thumbnail = withThumbnail ? await decoded.clone().resize({ width: 400, withoutEnlargement: true }).jpeg({ quality: 80, mozjpeg: true }).toBuffer() : null;
    grey = await decoded.clone().greyscale().resize(9, 8, { fit: 'fill' }).raw().toBuffer();
  } catch {
    throw new UploadRefused('图片已损坏 (the picture is damaged)');
  }
  let takenAt: Date | null = null;
  let gps: Inspected['gps'] = null;
  try {
    const tags = await exifr.parse(buf, { pick: ['DateTimeOriginal', 'OffsetTimeOriginal', 'CreateDate'], reviveValues: false });
    takenAt = exifInstant(tags?.DateTimeOriginal ?? tags?.CreateDate, tags?.OffsetTimeOriginal);
    const position = await exifr.gps(buf);
    if (position && Number.isFinite(position.latitude) && Number.isFinite(position.longitude)) {
      gps = { lat: position.latitude, lng: position.longitude };
    }
  } catch {
    // A picture without readable EXIF is still a picture: it is simply not dated or placed.
  }
  return { ...type, width: meta.width, height: meta.height, takenAt, gps, perceptualHash: dHash(grey), thumbnail };
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function inspectSpreadsheet(buf: Buffer): Promise<Inspected> {
  if (!startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) {
    // A CSV export (UTF-8 or GB18030 text) is read by the imports as one sheet.
    const text = csvText(buf);
    if (text === null || !/[,\n]/.test(text)) throw new UploadRefused('只接受 .xlsx 表格或 CSV 文件 (only .xlsx workbooks or CSV files are accepted)');
    return { mime: 'text/csv', extension: 'csv', width: null, height: null, takenAt: null, gps: null, perceptualHash: null, thumbnail: null };
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  } catch {
    throw new UploadRefused('文件不是有效的 .xlsx 表格 (the file is not an .xlsx workbook)');
  }
  if (wb.worksheets.length === 0) throw new UploadRefused('表格中没有工作表 (the workbook has no sheet)');
  return { mime: XLSX, extension: 'xlsx', width: null, height: null, takenAt: null, gps: null, perceptualHash: null, thumbnail: null };
}

/**
 * A document: a PDF (by its `%PDF-` header and `%%EOF` trailer), or a scanned page as a picture,
 * checked as a photo is (pixel limit, decodable) with its thumbnail.
 */
async function inspectDocument(buf: Buffer, maxPixels: number, withThumbnail: boolean): Promise<Inspected> {
  if (startsWith(buf, [0x25, 0x50, 0x44, 0x46, 0x2d])) {
    if (!buf.subarray(Math.max(0, buf.length - 1024)).includes('%%EOF')) throw new UploadRefused('PDF 文件不完整 (the PDF is truncated)');
    return { mime: 'application/pdf', extension: 'pdf', width: null, height: null, takenAt: null, gps: null, perceptualHash: null, thumbnail: null };
  }
  if (imageType(buf)) return inspectPhoto(buf, maxPixels, withThumbnail);
  throw new UploadRefused('只接受 PDF 文件或 JPEG、PNG、WebP 扫描件 (only a PDF or a scanned picture is accepted)');
}

/** `withThumbnail: false` for pictures already small enough to show as they are (the demo's drawn ones). */
export function inspect(buf: Buffer, purpose: FilePurpose, maxPixels: number, options: { withThumbnail?: boolean } = {}): Promise<Inspected> {
  if (buf.length === 0) return Promise.reject(new UploadRefused('文件是空的 (the file is empty)'));
  if (purpose === FilePurpose.DOCUMENT) return inspectDocument(buf, maxPixels, options.withThumbnail ?? true);
  return purpose === FilePurpose.PHOTO ? inspectPhoto(buf, maxPixels, options.withThumbnail ?? true) : inspectSpreadsheet(buf);
}
