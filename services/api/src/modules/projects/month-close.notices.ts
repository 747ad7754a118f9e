import { addMonths } from '@kpd/domain';
import type { EntityManager } from 'typeorm';
import { Area } from '../../core/areas/area.entity';
import { Role } from '../../core/auth/user.entity';
import { enqueueNotices, NoticeKind, usersAt, type NoticeDraft } from '../../core/notices';
import { LightColor, ProjectLight } from './light.entity';
import { CorrectionKind, type LightCorrection } from './month-close.entity';
import { Project } from './project.entity';

// The notices a month close writes, inside the close's own transaction.

const COLOR = { GREEN: '绿灯', YELLOW: '黄灯', RED: '红灯' } as Record<string, string>;

interface ClosedDistrict {
  id: number;
  cityId: number;
  green: number;
  yellow: number;
  red: number;
}

/**
 * The city admins learn that the month closed, with each district's counts; each district's admins
 * learn which projects turned yellow or red at the close (worse than the month before, or newly lit)
 * and why.
 */
export async function noticeMonthClosed(em: EntityManager, period: string, closed: ClosedDistrict[]): Promise<void> {
  if (closed.length === 0) return;
  const names = new Map((await em.findBy(Area, closed.map((d) => ({ id: d.id })))).map((a) => [a.id, a.name]));
  const drafts: NoticeDraft[] = [];
  const cityIds = [...new Set(closed.map((d) => d.cityId))];
  const cityAdmins = await usersAt(em, Role.ADMIN, cityIds);
  for (const cityId of cityIds) {
    const districts = closed.filter((d) => d.cityId === cityId);
    const sum = (k: 'green' | 'yellow' | 'red') => districts.reduce((s, d) => s + d[k], 0);
    const lines = districts.map((d) => `${names.get(d.id) ?? d.id} 绿${d.green} 黄${d.yellow} 红${d.red}`).join('；');
    for (const admin of cityAdmins.filter((u) => u.areaId === cityId)) {
      drafts.push({
        userId: admin.id,
        kind: NoticeKind.MONTH_CLOSED,
        title: `${period} 月度关账完成：绿灯 ${sum('green')}、黄灯 ${sum('yellow')}、红灯 ${sum('red')}`,
        body: `${districts.length} 个区县已关账。${lines}`,
        recordType: 'MonthClose',
        recordId: `${cityId}:${period}`,
        link: `/districts/close?period=${period}`,
        areaId: cityId,
      });
    }
  }
  const districtIds = closed.map((d) => d.id);
  const previous = addMonths(period, -1);
  const worsened = await em
    .createQueryBuilder(ProjectLight, 'l')
    .innerJoin(Project, 'p', 'p.id = l.projectId')
    .leftJoin(ProjectLight, 'b', 'b.projectId = l.projectId AND b.period = :previous', { previous })
    .select('l.project_id', 'projectId')
    .addSelect('l.area_id', 'areaId')
    .addSelect('l.color', 'color')
    .addSelect('l.reason', 'reason')
    .addSelect('p.name', 'name')
    .addSelect('b.color', 'before')
    .where('l.period = :period AND l.areaId IN (:...districtIds) AND l.color IN (:...bad)', { period, districtIds, bad: [LightColor.YELLOW, LightColor.RED] })
    .andWhere('(b.color IS NULL OR b.color <> l.color) AND (b.color IS NULL OR b.color <> :red)', { red: LightColor.RED })
    .orderBy('l.projectId', 'ASC')
    .getRawMany<{ projectId: unknown; areaId: unknown; color: string; reason: string; name: string; before: string | null }>();
  const districtAdmins = await usersAt(em, Role.ADMIN, districtIds);
  for (const districtId of districtIds) {
    const rows = worsened.filter((r) => Number(r.areaId) === districtId);
    if (rows.length === 0) continue;
    const yellow = rows.filter((r) => r.color === LightColor.YELLOW).length;
    const red = rows.length - yellow;
    const body = rows
      .slice(0, 12)
      .map((r) => `${r.name}：${r.before ? COLOR[r.before] ?? r.before : '未亮灯'}→${COLOR[r.color] ?? r.color}（${r.reason}）`)
      .join('；');
    for (const admin of districtAdmins.filter((u) => u.areaId === districtId)) {
      drafts.push({
        userId: admin.id,
        kind: NoticeKind.LIGHTS_WORSENED,
        title: `${period} 关账：${names.get(districtId) ?? ''} ${yellow} 个项目转黄灯、${red} 个转红灯`,
        body: rows.length > 12 ? `${body}；另有 ${rows.length - 12} 个` : body,
        recordType: 'MonthClose',
        recordId: `${districtId}:${period}`,
        link: `/districts/${districtId}?period=${period}`,
        areaId: districtId,
      });
    }
  }
  await enqueueNotices(em, drafts);
}

/** The city admins (other than the one who asked) learn that a correction of a closed month awaits their approval. */
export async function noticeCorrectionPending(em: EntityManager, correction: LightCorrection, projectName: string): Promise<void> {
  const admins = (await usersAt(em, Role.ADMIN, [correction.cityId])).filter((u) => u.id !== correction.requestedByUserId);
  const what = correction.kind === CorrectionKind.REPORT ? '月报' : '计划';
  await enqueueNotices(
    em,
    admins.map((admin) => ({
      userId: admin.id,
      kind: NoticeKind.CORRECTION_PENDING,
      title: `待审批：${projectName} ${correction.period} ${what}更正`,
      body: `${correction.requestedBy} 申请更正已关账月份 ${correction.period} 的${what}，理由：${correction.reason}`,
      recordType: 'LightCorrection',
      recordId: correction.id,
      link: `/districts/close?period=${correction.period}`,
      areaId: correction.areaId,
    })),
  );
}
