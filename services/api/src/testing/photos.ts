import sharp from 'sharp';
import type { TestServer } from './harness';

/** Pictures and uploads for tests: a phone photo of a site, posted to /api/files. */

/** A JPEG with EXIF time (China time) and GPS, like a phone photo of the site. */
export async function photo(options: { taken?: string; gps?: [number, number]; color?: number; quality?: number } = {}): Promise<Buffer> {
  const exif: Record<string, Record<string, string>> = { IFD0: { Make: 'KPD test camera' } };
  if (options.taken) exif.IFD2 = { DateTimeOriginal: options.taken };
  if (options.gps) {
    const dms = (v: number) => {
      const d = Math.floor(v);
      const m = Math.floor((v - d) * 60);
      const s = Math.round(((v - d) * 60 - m) * 60 * 100);
      return `${d}/1 ${m}/1 ${s}/100`;
    };
    exif.IFD3 = { GPSLatitudeRef: 'N', GPSLatitude: dms(options.gps[0]), GPSLongitudeRef: 'E', GPSLongitude: dms(options.gps[1]) };
  }
  const width = 640;
  const height = 480;
  const c = options.color ?? 0;
  const raw = Buffer.alloc(width * height * 3);
  // Different colours give different structures, so the perceptual hashes differ.
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) raw.fill(Math.floor(128 + 127 * Math.sin((x * (1 + c / 7) + y * (c % 5)) / 40)), (y * width + x) * 3, (y * width + x) * 3 + 3);
  return sharp(raw, { raw: { width, height, channels: 3 } }).jpeg({ quality: options.quality ?? 85 }).withExif(exif).toBuffer();
}

export async function upload(t: TestServer, token: string, body: Buffer, name: string, purpose = 'photo'): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([body]), name);
  const res = await fetch(`${t.url}/api/files?purpose=${purpose}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  const json = (await res.json()) as { id: string };
  if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${JSON.stringify(json)}`);
  return json.id;
}
