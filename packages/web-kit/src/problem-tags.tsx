import { Space, Tag } from 'antd';
import { PROBLEM_LEVEL_LABELS, PROBLEM_STATUS_LABELS, type ProblemLevel, type ProblemStatus } from '@kpd/domain';
import { useMessages, type Messages } from './i18n';

export type { ProblemLevel, ProblemStatus };

export const PROBLEM_STATUS_COLORS: Readonly<Record<ProblemStatus, string>> = { OPEN: 'orange', IN_PROGRESS: 'blue', RESOLVED: 'green', CLOSED_OUT: 'default' };

export const problemTagMessages: Messages<ProblemStatus | `LEVEL_${ProblemLevel}` | 'overdue'> = {
  zh: { ...PROBLEM_STATUS_LABELS, LEVEL_DISTRICT: PROBLEM_LEVEL_LABELS.DISTRICT, LEVEL_CITY: PROBLEM_LEVEL_LABELS.CITY, overdue: '已逾期' },
  en: { OPEN: 'Open', IN_PROGRESS: 'In progress', RESOLVED: 'Resolved', CLOSED_OUT: 'Closed out', LEVEL_DISTRICT: 'District (time-limited)', LEVEL_CITY: 'City supervision', overdue: 'Overdue' },
};

/** A problem's status (待办理 / 办理中 / 已解决 / 已销号), with 已逾期 beside it when the deadline passed. */
export function ProblemStatusTag({ status, overdue = false }: { status: ProblemStatus; overdue?: boolean }) {
  const t = useMessages(problemTagMessages);
  return (
    <Space size={4} wrap>
      <Tag color={PROBLEM_STATUS_COLORS[status]} data-testid="problem-status" data-status={status}>
        {t(status)}
      </Tag>
      {overdue ? (
        <Tag color="red" data-testid="problem-overdue">
          {t('overdue')}
        </Tag>
      ) : null}
    </Space>
  );
}

/** A problem's level: 区级限时解决, or 市级挂牌督办 with its city leader. */
export function ProblemLevelTag({ level, cityLeader }: { level: ProblemLevel; cityLeader?: string | null }) {
  const t = useMessages(problemTagMessages);
  return level === 'CITY' ? (
    <Tag color="red" data-testid="level-city">
      {t('LEVEL_CITY')}
      {cityLeader ? ` · ${cityLeader}` : ''}
    </Tag>
  ) : (
    <Tag data-testid="level-district">{t('LEVEL_DISTRICT')}</Tag>
  );
}
