import { addMonths, isWorkingDay, periodOfDate, problemReminderOn, quietReminderOn, reportDueDate, reportReminderOn } from '@kpd/domain';
import { In, type EntityManager } from 'typeorm';
import { CitySettings } from '../../core/areas/city-settings.entity';
import { today as clockToday } from '../../core/clock';
import { scheduleJob } from '../../core/jobs';
import type { ModuleServices } from '../../core/module';
import { enqueueNotices, NoticeKind, ownerUnitsOf, type NoticeDraft } from '../../core/notices';
import { liveProblems } from '../problems/reminders.service';
import { clearingHints, litProjectsAmong, reportedKeys } from '../projects/reminders.service';
import { lastContacts, runningAssignments, secretaryUsers } from '../secretaries/reminders.service';

/**
 * The scheduled reminders of one day, to the secretaries (and responsible units) who report:
 * a monthly report due in three working days and on its deadline (with what would make a yellow
 * or red project green), a problem they follow near or past its deadline, a project with no contact
 * for the city's N days. Reminders fall on working days only (packages/domain/reminders.ts) and
 * each is written once per user, record, kind and day, so the job may run every hour, in every
 * process, and again after a restart. Answers how many notices it wrote.
 */
export async function remindersTick(em: EntityManager, today: string): Promise<number> {
  if (!isWorkingDay(today)) return 0;
  const drafts: NoticeDraft[] = [];
  const assignments = await runningAssignments(em, today);
  const projects = new Map((await litProjectsAmong(em, assignments.map((a) => a.projectId))).map((p) => [p.id, p]));
  const settings = new Map((await em.find(CitySettings, { where: { cityId: In([...new Set([...projects.values()].map((p) => p.cityId)), 0]) } })).map((s) => [s.cityId, s]));

  // Reports: this month's and last month's reports, due the next month (a reminder before a
  // holiday may fall in the reported month itself).
  const thisPeriod = periodOfDate(today);
  const due: { projectId: number; userId: number; period: string; dueDate: string; kind: NoticeKind }[] = [];
  for (const a of assignments) {
    const p = projects.get(a.projectId);
    if (!p) continue;
    const deadlineDay = settings.get(p.cityId)?.reportDeadlineDay ?? 5;
    for (const period of [addMonths(thisPeriod, -1), thisPeriod]) {
      if (period < p.constructionStart || period > p.constructionEnd) continue;
      const dueDate = reportDueDate(period, deadlineDay);
      const kind = reportReminderOn(today, dueDate);
      if (kind) due.push({ projectId: p.id, userId: a.userId, period, dueDate, kind: NoticeKind[kind] });
    }
  }
  const reported = await reportedKeys(em, due.map((d) => ({ projectId: d.projectId, period: d.period })));
  const open = due.filter((d) => !reported.has(`${d.projectId}:${d.period}`));
  const hints = await clearingHints(em, open.map((d) => d.projectId));
  for (const d of open) {
    const p = projects.get(d.projectId)!;
    const when = d.kind === NoticeKind.REPORT_DUE_TODAY ? '今日截止' : `${d.dueDate} 截止（还有 3 个工作日）`;
    drafts.push({
      userId: d.userId,
      kind: d.kind,
      title: `填报月报：${p.name}（${d.period}）${when}`,
      body: [`${p.name} ${d.period} 的月报${d.kind === NoticeKind.REPORT_DUE_TODAY ? '今日截止' : `将于 ${d.dueDate} 截止（还有 3 个工作日）`}，请按时填报。`, hints.get(p.id)].filter(Boolean).join(' '),
      recordType: 'MonthlyReport',
      recordId: `${p.id}:${d.period}`,
      link: `/projects?open=${p.id}&report=${d.period}`,
      areaId: p.areaId,
      day: today,
    });
  }

  // No contact for the city's N days.
  const contacts = await lastContacts(em, [...projects.keys()], today);
  const firstStart = new Map<number, string>();
  for (const a of assignments) if (!firstStart.has(a.projectId) || a.startDate < firstStart.get(a.projectId)!) firstStart.set(a.projectId, a.startDate);
  for (const a of assignments) {
    const p = projects.get(a.projectId);
    if (!p) continue;
    const n = settings.get(p.cityId)?.noContactDays ?? 30;
    const since = contacts.get(p.id) ?? firstStart.get(p.id)!;
    if (!quietReminderOn(today, since, n)) continue;
    drafts.push({
      userId: a.userId,
      kind: NoticeKind.NO_CONTACT,
      title: `${p.name} 已 ${n} 天未联系`,
      body: `${p.name} 自 ${since} 起未记录服务联系，请走访或电话联系并记入服务日志。`,
      recordType: 'Project',
      recordId: p.id,
      link: `/secretaries`,
      areaId: p.areaId,
      day: today,
    });
  }

  // Problems near or past their deadline, to the secretary who follows them and to the owner unit
  // when the directory of the problem's district (or city) lists it, enabled (outbound only).
  const problems = (await liveProblems(em)).filter((pr) => problemReminderOn(today, pr.deadline) !== null);
  const users = await secretaryUsers(em, problems.flatMap((p) => (p.secretaryId === null ? [] : [p.secretaryId])));
  const units = await ownerUnitsOf(em, problems);
  problems.forEach((pr, i) => {
    const kind = problemReminderOn(today, pr.deadline)!;
    const notice = {
      kind: NoticeKind[kind],
      title: kind === 'PROBLEM_OVERDUE' ? `问题已逾期：${pr.title}` : `问题即将到期：${pr.title}`,
      body: `${pr.title}（责任单位：${pr.ownerUnit}）办理期限 ${pr.deadline}${kind === 'PROBLEM_OVERDUE' ? '，已逾期，将列入市级督办' : '，还有 2 个工作日'}。`,
      recordType: 'Problem',
      recordId: pr.id,
      link: `/projects?open=${pr.projectId}`,
      areaId: pr.areaId,
      day: today,
    };
    const userId = pr.secretaryId === null ? undefined : users.get(pr.secretaryId);
    if (userId) drafts.push({ ...notice, userId });
    const unit = units[i];
    if (unit) drafts.push({ ...notice, unitId: unit.id });
  });
  return enqueueNotices(em, drafts);
}

/**
 * Runs the reminders every REMINDER_JOB_MINUTES (default 60; 0 turns it off) in every API process,
 * on the service clock's date. Off in tests (they call the tick directly).
 */
export function startRemindersJob(services: ModuleServices): void {
  scheduleJob(services, {
    name: 'reminders',
    intervalVariable: 'REMINDER_JOB_MINUTES',
    defaultMinutes: 60,
    firstRunAfterMs: 90_000,
    run: (s) => s.db.transaction((em) => remindersTick(em, clockToday())),
  });
}
