import { Tag } from 'antd';
import { useMessages } from '@kpd/web-kit';
import { messages, type MessageKey } from '../messages';

const STATUS_COLORS: Record<string, string> = { OPEN: 'orange', IN_PROGRESS: 'blue', RESOLVED: 'green', CLOSED_OUT: 'default' };

/** A problem's level, with the city leader under city supervision. */
export function LevelTag({ level, cityLeader }: { level: string; cityLeader: string | null }) {
  const t = useMessages(messages);
  return level === 'CITY' ? (
    <Tag color="red" data-testid="level-city">
      {t('LEVEL_CITY')}
      {cityLeader ? ` · ${cityLeader}` : ''}
    </Tag>
  ) : (
    <Tag data-testid="level-district">{t('LEVEL_DISTRICT')}</Tag>
  );
}

export function StatusTag({ status, overdue }: { status: string; overdue?: boolean }) {
  const t = useMessages(messages);
  return (
    <>
      <Tag color={STATUS_COLORS[status]} data-testid="problem-status">
        {t(status as MessageKey)}
      </Tag>
      {overdue ? (
        <Tag color="volcano" data-testid="problem-overdue">
          {t('overdue')}
        </Tag>
      ) : null}
    </>
  );
}
