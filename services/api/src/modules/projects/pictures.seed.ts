import { takenAtSite, type Position, type SiteGeometry } from '@kpd/domain';
import sharp from 'sharp';
import { In, type EntityManager } from 'typeorm';
import { storeMadePicture } from '../../core/files';
import type { SeedContext } from '../../core/module';
import { LightColor, ProjectLight } from './light.entity';
import { MonthlyReport } from './plan.entity';
import { RENDERING, REPORT_PHOTO } from './pictures.service';
import { Project } from './project.entity';

/**
 * The three pictures (三图) of 苏家屯区's telling projects: report 000's named ones and every project
 * yellow or red in September 2020. Each has a rendering (效果图) and a progress photo for August and
 * for September, drawn at seed time (the project's name on a scene of its site, 480×320 JPEG) with
 * the EXIF time inside the report month and the GPS inside the project's site, as a phone would
 * write them. Three fail a check on purpose, so the flags show: the first red project's September
 * photo is its August one again (重复使用), the second red one's was taken off the site, and the
 * first yellow one's in August.
 */
export const PICTURE_MONTHS = ['2020-08', '2020-09'] as const;

export const PICTURED_NAMED = ['恒大文化旅游城', '桃李面包沈阳生产基地扩建', '达利食品沈阳生产基地', '苏宁易购沈阳物流基地', '航空生物联仪产业园'];

export type PhotoFault = 'reused' | 'offSite' | 'beforeMonth';

function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** A scene of the site: a finished building (the rendering) or one rising floor by floor, seen from a camera position. */
export function sceneSvg(o: { name: string; caption: string; floors: number; built: number; camera: number; finished: boolean }): string {
  const W = 480;
  const H = 320;
  const ground = 250;
  const x = o.camera === 0 ? 70 : o.camera === 1 ? 250 : 160;
  const floorH = 14;
  const width = 150;
  const parts: string[] = [];
  parts.push(o.finished
    ? `<defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#4f8fd8"/><stop offset="1" stop-color="#cfe6fb"/></linearGradient></defs><rect width="${W}" height="${ground}" fill="url(#s)"/><rect y="${ground}" width="${W}" height="${H - ground}" fill="#6aa85a"/>`
    : `<defs><linearGradient id="s" x1="${o.camera % 2}" y1="0" x2="${1 - (o.camera % 2)}" y2="1"><stop offset="0" stop-color="#9fb3c4"/><stop offset="1" stop-color="#e9eef2"/></linearGradient></defs><rect width="${W}" height="${ground}" fill="url(#s)"/><rect y="${ground}" width="${W}" height="${H - ground}" fill="#8a6f4e"/>`);
  const built = Math.max(1, Math.round(o.floors * o.built));
  for (let f = 0; f < built; f++) {
    const y = ground - (f + 1) * floorH;
    parts.push(`<rect x="${x}" y="${y}" width="${width}" height="${floorH - 2}" fill="${o.finished ? '#dfe7ee' : '#b9b4aa'}" stroke="#5b6570" stroke-width="1"/>`);
    for (let w = 0; w < 6; w++) parts.push(`<rect x="${x + 10 + w * 23}" y="${y + 3}" width="12" height="${floorH - 8}" fill="${o.finished ? '#3d6f9e' : '#4a4a4a'}"/>`);
  }
  if (!o.finished) {
    // The tower crane beside the rising floors, and the scaffolding's top.
    const cx = x + width + 30;
    const top = ground - o.floors * floorH - 30;
    parts.push(`<rect x="${cx}" y="${top}" width="8" height="${ground - top}" fill="#e0a526"/><rect x="${cx - 90}" y="${top}" width="150" height="6" fill="#e0a526"/><line x1="${cx - 60}" y1="${top + 6}" x2="${cx - 60}" y2="${top + 60}" stroke="#333" stroke-width="2"/>`);
    parts.push(`<rect x="${x - 4}" y="${ground - built * floorH - 6}" width="${width + 8}" height="6" fill="#2f7d32"/>`);
  } else {
    parts.push(`<circle cx="${x - 30}" cy="${ground - 18}" r="18" fill="#3f7f3a"/><circle cx="${x + width + 40}" cy="${ground - 22}" r="22" fill="#3f7f3a"/>`);
  }
  parts.push(`<rect x="0" y="${H - 44}" width="${W}" height="44" fill="rgba(0,0,0,0.55)"/>`);
  parts.push(`<text x="12" y="${H - 24}" font-family="Noto Sans CJK SC, Noto Serif CJK SC, sans-serif" font-size="16" fill="#fff">${escapeXml(o.name)}</text>`);
  parts.push(`<text x="12" y="${H - 7}" font-family="Noto Sans CJK SC, Noto Serif CJK SC, sans-serif" font-size="12" fill="#ddd">${escapeXml(o.caption)}</text>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">${parts.join('')}</svg>`;
}

/** Degrees as EXIF's three rationals (degrees, minutes, hundredths of seconds). */
function rationals(deg: number): string {
  const a = Math.abs(deg);
  const d = Math.floor(a);
  const m = Math.floor((a - d) * 60);
  const s = Math.round(((a - d) * 60 - m) * 60 * 100);
  return `${d}/1 ${m}/1 ${s}/100`;
}

/** A JPEG of the scene, with the camera's time (China time) and position in its EXIF when given. */
export async function sceneJpeg(svg: string, exif?: { takenAt: string; at: Position }): Promise<Buffer> {
  let image = sharp(Buffer.from(svg)).jpeg({ quality: 70 });
  if (exif) {
    const [lng, lat] = exif.at;
    image = image.withExif({
      IFD0: { Make: 'KPD', Model: 'Site camera' },
      IFD2: { DateTimeOriginal: exif.takenAt, OffsetTimeOriginal: '+08:00' },
      IFD3: { GPSLatitudeRef: lat >= 0 ? 'N' : 'S', GPSLatitude: rationals(lat), GPSLongitudeRef: lng >= 0 ? 'E' : 'W', GPSLongitude: rationals(lng) },
    });
  }
  return image.toBuffer();
}

/** A point inside the site: its vertices' mean when that lies inside, else its first corner. */
export function pointInSite(site: SiteGeometry): Position {
  const ring = site.type === 'Polygon' ? site.coordinates[0] : site.coordinates[0][0];
  const corners = ring.slice(0, -1);
  const mean: Position = [corners.reduce((s, p) => s + p[0], 0) / corners.length, corners.reduce((s, p) => s + p[1], 0) / corners.length];
  return takenAtSite(mean, site, 0) ? mean : [ring[0][0], ring[0][1]];
}

export async function seedPictures(em: EntityManager, seed: SeedContext): Promise<void> {
  const district = seed.area('苏家屯区');
  const september = await em.find(ProjectLight, { where: { areaId: district.id, period: '2020-09', color: In([LightColor.YELLOW, LightColor.RED]) } });
  const colour = new Map(september.map((l) => [l.projectId, l.color]));
  const projects = (await em.find(Project, { where: { areaId: district.id }, order: { code: 'ASC' } })).filter((p) => colour.has(p.id) || PICTURED_NAMED.includes(p.name));
  const reds = projects.filter((p) => colour.get(p.id) === LightColor.RED);
  const yellows = projects.filter((p) => colour.get(p.id) === LightColor.YELLOW);
  const fault = new Map<number, PhotoFault>([[reds[0]?.id, 'reused'], [reds[1]?.id, 'offSite'], [yellows[0]?.id, 'beforeMonth']].filter(([id]) => id !== undefined) as [number, PhotoFault][]);
  const reports = await em.find(MonthlyReport, { where: { projectId: In(projects.map((p) => p.id)), period: In([...PICTURE_MONTHS]) } });
  const reportOf = new Map(reports.map((r) => [`${r.projectId}/${r.period}`, r]));
  const uploader = seed.userId('admin.sujiatun');
  const started = Date.now(); // clock: elapsed time
  let stored = 0;
  await Promise.all(projects.map(async (p, k) => {
    const site = p.locationGeoJson ? (JSON.parse(p.locationGeoJson) as SiteGeometry) : null;
    if (!site) return;
    const inside = pointInSite(site);
    const floors = 8 + (k % 6);
    const rendering = await sceneJpeg(sceneSvg({ name: p.name, caption: `效果图 · ${p.code}`, floors, built: 1, camera: 2, finished: true }));
    await storeMadePicture(em, seed.config, rendering, { ownerType: RENDERING, ownerId: p.id, areaId: p.areaId, uploadedByUserId: uploader, name: `${p.code}-效果图.jpg`, storedAt: new Date('2020-01-06T02:00:00Z') });
    stored++;
    // Progress: August a third of the floors up, September half (a red project did nothing in September).
    const red = colour.get(p.id) === LightColor.RED;
    for (const [m, period] of PICTURE_MONTHS.entries()) {
      const report = reportOf.get(`${p.id}/${period}`);
      if (!report) continue;
      const september = m === 1;
      const f = september ? fault.get(p.id) : undefined;
      const day = String(12 + (k % 12)).padStart(2, '0');
      const takenDay = f === 'beforeMonth' ? `2020:08:${day}` : `${period.replace('-', ':')}:${day}`;
      const at: Position = f === 'offSite' ? [inside[0] + 0.06, inside[1] + 0.03] : inside;
      // The reused photo is August's picture again (same scene, same camera), re-saved with a September time.
      const sameAsAugust = f === 'reused';
      const svg = sceneSvg({
        name: p.name,
        caption: `${september && !sameAsAugust ? '2020年9月' : '2020年8月'}施工进度 · ${p.code}`,
        floors,
        built: september && !sameAsAugust && !red ? 0.5 : 0.3,
        camera: september && !sameAsAugust ? 1 : 0,
        finished: false,
      });
      const jpeg = await sceneJpeg(svg, { takenAt: `${takenDay} 10:${String(10 + k).padStart(2, '0')}:00`, at });
      await storeMadePicture(em, seed.config, jpeg, {
        ownerType: REPORT_PHOTO, ownerId: report.id, areaId: p.areaId, uploadedByUserId: uploader,
        name: `IMG_${period.replace('-', '')}${day}_${String(k).padStart(3, '0')}.jpg`, storedAt: report.submittedAt ?? new Date(`${period}-28T02:00:00Z`),
      });
      stored++;
    }
  }));
  seed.log.info({ projects: projects.length, pictures: stored, ms: Date.now() - started /* clock: elapsed time */ }, 'demo pictures drawn');
}
