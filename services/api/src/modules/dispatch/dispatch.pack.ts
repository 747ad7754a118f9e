import { formatInUnit, MUST_DISPATCH_REASON_LABELS, periodRange, type Fen, parsePeriod, period as makePeriod, yearOf } from '@kpd/domain';
import type { Router } from 'express';
import { In } from 'typeorm';
import { isSignedIn } from '../../core/auth/policy';
import { sendError } from '../../core/errors';
import { fileUrl, StoredFile } from '../../core/files';
import { money, period, text, writeSheet, type Column, type SheetSpec } from '../../core/xlsx';
import type { Context } from '../../core/context';
import type { ModuleServices } from '../../core/module';
import { MonthlyReport, PlanMonth, PlanYear } from '../projects/plan.entity';
import type { Project } from '../projects/project.entity';
import { RENDERING, REPORT_PHOTO } from '../projects/pictures.service';
import { readableMeeting } from './dispatch.scope';
import { listOf } from './dispatch.service';
import type { DispatchMeeting, MustDispatchReason } from './meeting.entity';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface PackPage {
  project: Project;
  reasons: MustDispatchReason[];
  years: PlanYear[];
  months: { period: string; planned: Fen | null; actual: Fen | null; progress: string }[];
  renderings: StoredFile[];
  photos: StoredFile[];
  lastMonthPhotos: StoredFile[];
}

/** Everything the pack shows, a fixed number of statements whatever the list's length. */
export async function packPages(ctx: Context, meeting: DispatchMeeting): Promise<PackPage[]> {
  const list = await listOf(ctx, meeting.id);
  const ids = list.map((e) => e.project.id);
  if (ids.length === 0) return [];
  const year = yearOf(meeting.period);
  const periods = periodRange(makePeriod(year, 1), makePeriod(year, 12));
  const [years, months, reports] = await Promise.all([
    ctx.db.getRepository(PlanYear).find({ where: { projectId: In(ids) }, order: { year: 'ASC' } }),
    ctx.db.getRepository(PlanMonth).find({ where: { projectId: In(ids), period: In(periods) } }),
    ctx.db.getRepository(MonthlyReport).find({ where: { projectId: In(ids), period: In(periods) } }),
  ]);
  const reportIds = reports.map((r) => String(r.id));
  const files = await ctx.db.getRepository(StoredFile).find({
    where: [
      { ownerType: RENDERING, ownerId: In(ids.map(String)) },
      ...(reportIds.length ? [{ ownerType: REPORT_PHOTO, ownerId: In(reportIds) }] : []),
    ],
    order: { createdAt: 'ASC' },
  });
  const prev = periods[Math.max(0, periods.indexOf(meeting.period) - 1)];
  return list.map(({ project, reasons }) => {
    const mine = reports.filter((r) => r.projectId === project.id);
    const photosOf = (p: string) => {
      const r = mine.find((x) => x.period === p);
      return r ? files.filter((f) => f.ownerType === REPORT_PHOTO && f.ownerId === String(r.id)) : [];
    };
    return {
      project,
      reasons,
      years: years.filter((y) => y.projectId === project.id),
      months: periods.map((p) => {
        const plan = months.find((m) => m.projectId === project.id && m.period === p);
        const report = mine.find((r) => r.period === p);
        return { period: p, planned: plan?.plannedInvestment ?? null, actual: report?.actualInvestment ?? null, progress: report?.progress ?? '' };
      }),
      renderings: files.filter((f) => f.ownerType === RENDERING && f.ownerId === String(project.id)),
      photos: photosOf(meeting.period),
      lastMonthPhotos: prev === meeting.period ? [] : photosOf(prev),
    };
  });
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
/** 分 → 万元 with two decimals (a 万元 is 1,000,000 分). */
const wanOf = (f: Fen | null) => (f === null ? '' : formatInUnit(f, 'wan', 2));

/** The site boundary drawn as an SVG polygon (no map tiles: the pack prints offline). */
function siteSvg(geoJson: string | null): string {
  if (!geoJson) return '<p class="none">未标注位置</p>';
  let rings: number[][][] = [];
  try {
    const g = JSON.parse(geoJson) as { type: string; coordinates: unknown };
    rings = g.type === 'Polygon' ? (g.coordinates as number[][][]) : (g.coordinates as number[][][][]).flat();
  } catch {
    return '<p class="none">位置数据无法读取</p>';
  }
  const pts = rings.flat();
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const w = maxX - minX || 1;
  const h = maxY - minY || 1;
  const scale = 200 / Math.max(w, h);
  const path = rings.map((r) => r.map((p, i) => `${i ? 'L' : 'M'}${((p[0] - minX) * scale + 10).toFixed(1)},${((maxY - p[1]) * scale + 10).toFixed(1)}`).join(' ') + ' Z').join(' ');
  return `<svg class="site" viewBox="0 0 220 220" width="220" height="220" role="img" aria-label="项目位置"><path d="${path}" fill="#f5c6c6" stroke="#c00" stroke-width="2"/></svg>`;
}

const imgs = (files: StoredFile[], empty: string) =>
  files.length ? files.map((f) => `<img src="${esc(fileUrl(f))}" alt="${esc(f.name)}">`).join('') : `<p class="none">${empty}</p>`;

/** The print-ready meeting pack: one A4 page per listed project (plan table and three pictures). */
export function packHtml(meeting: DispatchMeeting, areaName: string, pages: PackPage[]): string {
  const body = pages
    .map(({ project: p, reasons, years, months, renderings, photos, lastMonthPhotos }, i) => {
      const yearRows = years.map((y) => `<tr><td>${y.year}年</td><td class="n">${wanOf(y.plannedInvestment)}</td><td>${esc(y.plannedProgress)}</td></tr>`).join('');
      const monthRows = months
        .map((m) => `<tr><td>${parsePeriod(m.period).month}月</td><td class="n">${wanOf(m.planned)}</td><td class="n">${wanOf(m.actual)}</td><td>${esc(m.progress)}</td></tr>`)
        .join('');
      return `<section class="page">
<h2>${i + 1}. ${esc(p.name)} <small>${esc(p.code)}</small></h2>
<p class="why">列入原因：${reasons.map((r) => MUST_DISPATCH_REASON_LABELS[r]).join('、')}</p>
<p>实施企业：${esc(p.enterprise)}\u3000包保领导：${esc(p.responsibleLeader)}\u3000责任单位：${esc(p.responsibleUnit)}\u3000总投资：${wanOf(p.totalInvestment)}万元\u3000建设周期：${p.constructionStart}至${p.constructionEnd}</p>
<div class="cols"><div><h3>建设周期年度计划（万元）</h3><table><tr><th>年度</th><th>计划投资</th><th>形象进度</th></tr>${yearRows}</table></div>
<div><h3>${yearOf(meeting.period)}年月度计划与完成（万元）</h3><table><tr><th>月份</th><th>计划</th><th>完成</th><th>形象进度</th></tr>${monthRows}</table></div></div>
<div class="pics"><div><h3>位置图</h3>${siteSvg(p.locationGeoJson)}<p class="bounds">东至${esc(p.boundaryEast ?? '—')}\u3000西至${esc(p.boundaryWest ?? '—')}\u3000南至${esc(p.boundarySouth ?? '—')}\u3000北至${esc(p.boundaryNorth ?? '—')}</p></div>
<div><h3>效果图</h3>${imgs(renderings, '未上传效果图')}</div>
<div><h3>进度图（本月 / 上月）</h3>${imgs(photos, '本月无照片')}${imgs(lastMonthPhotos, '上月无照片')}</div></div>
</section>`;
    })
    .join('\n');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(meeting.title)}</title>
<style>
@page { size: A4 landscape; margin: 12mm; }
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; font-size: 11px; color: #222; }
.page { page-break-after: always; break-after: page; }
h1 { font-size: 20px; } h2 { font-size: 15px; margin: 0 0 4px; } h3 { font-size: 12px; margin: 6px 0 2px; }
table { border-collapse: collapse; width: 100%; } td, th { border: 1px solid #999; padding: 1px 4px; } .n { text-align: right; }
.cols, .pics { display: flex; gap: 12px; } .cols > div, .pics > div { flex: 1; }
img { max-width: 100%; max-height: 150px; margin: 2px; } .none { color: #888; } .why { color: #b00; }
</style></head><body>
<section class="page"><h1>${esc(meeting.title)}</h1><p>${esc(areaName)}\u3000调度月份：${meeting.period}\u3000${meeting.heldOn ? `召开日期：${meeting.heldOn}` : ''}\u3000${esc(meeting.location)}</p>
<p>汇报项目 ${pages.length} 个（按“四个必调”原则：重点推进项目、新建项目、存在问题的续建项目、重大政府投资项目）</p>
<ol>${pages.map((pg) => `<li>${esc(pg.project.name)}：${pg.reasons.map((r) => MUST_DISPATCH_REASON_LABELS[r]).join('、')}</li>`).join('')}</ol></section>
${body}
</body></html>`;
}

interface PackRow {
  code: string;
  name: string;
  reasons: string;
  month: string;
  planned: Fen | null;
  actual: Fen | null;
  progress: string;
  location: string;
  pictures: string;
}

export const PACK_SHEET: SheetSpec<PackRow> = {
  name: '调度会汇报材料',
  columns: [
    text<PackRow, 'code'>('code', { header: '项目编码', width: 16 }),
    text<PackRow, 'name'>('name', { header: '项目名称', width: 32 }),
    text<PackRow, 'reasons'>('reasons', { header: '列入原因', width: 24 }),
    period<PackRow, 'month'>('month', { header: '月份', width: 10 }),
    money<PackRow, 'planned'>('planned', { header: '计划投资（元）', width: 18 }),
    money<PackRow, 'actual'>('actual', { header: '完成投资（元）', width: 18 }),
    text<PackRow, 'progress'>('progress', { header: '形象进度', width: 30 }),
    text<PackRow, 'location'>('location', { header: '四至', width: 40 }),
    text<PackRow, 'pictures'>('pictures', { header: '图片', width: 30 }),
  ] as Column<PackRow>[],
};

export function packRows(pages: PackPage[]): PackRow[] {
  return pages.flatMap(({ project: p, reasons, months, renderings, photos }) =>
    months.map((m) => ({
      code: p.code,
      name: p.name,
      reasons: reasons.map((r) => MUST_DISPATCH_REASON_LABELS[r]).join('、'),
      month: m.period,
      planned: m.planned,
      actual: m.actual,
      progress: m.progress,
      location: `东至${p.boundaryEast ?? '—'} 西至${p.boundaryWest ?? '—'} 南至${p.boundarySouth ?? '—'} 北至${p.boundaryNorth ?? '—'}`,
      pictures: `效果图${renderings.length}张 本月进度照片${photos.length}张`,
    })),
  );
}

/** GET /api/dispatch/meetings/:id/pack.html and pack.xlsx — to whoever may read the meeting. */
export function dispatchRoutes(router: Router, services: ModuleServices): void {
  router.get('/meetings/:id/pack.:format', async (req, res, next) => {
    try {
      const ctx = await services.contextFor(req, res);
      if (!isSignedIn(ctx.viewer)) return sendError(res, 401, 'UNAUTHENTICATED', 'Sign in first');
      const format = String(req.params.format);
      if (format !== 'html' && format !== 'xlsx') return sendError(res, 404, 'NOT_FOUND', 'No such pack');
      const raw = String(req.params.id);
      if (!/^\d{1,12}$/.test(raw)) return sendError(res, 404, 'NOT_FOUND', 'Meeting not found');
      let meeting: DispatchMeeting;
      try {
        meeting = await readableMeeting(ctx, Number(raw));
      } catch {
        return sendError(res, 404, 'NOT_FOUND', `Meeting ${raw} not found`);
      }
      const pages = await packPages(ctx, meeting);
      res.setHeader('cache-control', 'private, no-store');
      if (format === 'html') {
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.setHeader('content-security-policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'");
        res.send(packHtml(meeting, ctx.areas.get(meeting.areaId)?.name ?? '', pages));
        return;
      }
      const name = `${meeting.title}.xlsx`;
      res.setHeader('content-type', XLSX);
      res.setHeader('content-disposition', `attachment; filename="${encodeURIComponent(name)}"; filename*=UTF-8''${encodeURIComponent(name)}`);
      res.send(await writeSheet(PACK_SHEET, packRows(pages)));
    } catch (e) {
      next(e);
    }
  });
}
