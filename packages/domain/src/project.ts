/**
 * Project classifications shared by the rules (DESIGN.md "Project"; report 001 counts Dalian's 150
 * city key projects as 20 infrastructure, 67 industrial, 40 modern services and 23 social projects).
 */
import { DomainError } from './errors';

export type ProjectStage = 'RESERVE' | 'NEW' | 'CONTINUING' | 'COMPLETED' | 'REMOVED';
export const PROJECT_STAGES: readonly ProjectStage[] = [
  'RESERVE',
  'NEW',
  'CONTINUING',
  'COMPLETED',
  'REMOVED',
];
export const PROJECT_STAGE_LABELS: Readonly<Record<ProjectStage, string>> = {
  RESERVE: '储备',
  NEW: '新建',
  CONTINUING: '续建',
  COMPLETED: '竣工',
  REMOVED: '已剔除',
};

export type ProjectCategory = 'INFRASTRUCTURE' | 'INDUSTRIAL' | 'MODERN_SERVICES' | 'SOCIAL';
export const PROJECT_CATEGORIES: readonly ProjectCategory[] = [
  'INFRASTRUCTURE',
  'INDUSTRIAL',
  'MODERN_SERVICES',
  'SOCIAL',
];
export const PROJECT_CATEGORY_LABELS: Readonly<Record<ProjectCategory, string>> = {
  INFRASTRUCTURE: '基础设施',
  INDUSTRIAL: '工业',
  MODERN_SERVICES: '现代服务业',
  SOCIAL: '社会事业',
};

export function requireProjectStage(value: string, field: string): ProjectStage {
  if (!PROJECT_STAGES.includes(value as ProjectStage))
    throw new DomainError(field, `未知的项目阶段 "${value}"`);
  return value as ProjectStage;
}
