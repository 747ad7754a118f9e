/**
 * A project's milestones (节点任务): what is to be done, by when, with what progress. The rule the
 * server applies on saving and the admin's form applies as it is filled in, so both name the same
 * field with the same reason: every problem at once.
 */
import { isCalendarDate } from './dates';
import type { Problem } from './errors';

export interface MilestoneRow {
  name: string;
  startDate?: string | null;
  dueDate: string;
  metDate?: string | null;
  /** 0–100 */
  progress: number;
  /** 0–1000 */
  weight: number;
}

const DATE = '日期应写作 YYYY-MM-DD';

/** Every problem of the milestones, each under `milestones[i].<field>`. */
export function validateMilestones(milestones: MilestoneRow[]): Problem[] {
  const problems: Problem[] = [];
  milestones.forEach((m, i) => {
    const at = `milestones[${i}]`;
    const add = (field: string, reason: string) => problems.push({ field: `${at}.${field}`, reason });
    const name = (m.name ?? '').trim();
    if (!name) add('name', '请填写节点名称');
    else if (name.length > 200) add('name', '节点名称不能超过 200 个字');
    if (!isCalendarDate(m.dueDate ?? '')) add('dueDate', DATE);
    if (m.startDate && !isCalendarDate(m.startDate)) add('startDate', DATE);
    if (m.metDate && !isCalendarDate(m.metDate)) add('metDate', DATE);
    if (m.startDate && isCalendarDate(m.startDate) && isCalendarDate(m.dueDate ?? '') && m.startDate > m.dueDate) add('startDate', '开始日期不能晚于计划完成日期');
    if (!Number.isInteger(m.progress) || m.progress < 0 || m.progress > 100) add('progress', '完成进度应为 0 到 100 的整数');
    else if (m.metDate && m.progress !== 100) add('progress', '已完成的节点进度应为100%');
    if (!Number.isInteger(m.weight) || m.weight < 0 || m.weight > 1000) add('weight', '权重应为 0 到 1000 的整数');
  });
  return problems;
}
