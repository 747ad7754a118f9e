import { Tag, Tooltip, Typography } from 'antd';
import { useMessages } from '@kpd/web-kit';
import { messages } from '../messages';
import { type Light } from './queries';

export const COLORS = { GREEN: 'green', YELLOW: 'gold', RED: 'red' } as const;

export function Lamp({ light }: { light: Light | null | undefined }) {
  const t = useMessages(messages);
  if (!light) return <Typography.Text type="secondary">{t('noLight')}</Typography.Text>;
  return (
    <Tooltip title={light.reason}>
      <Tag color={COLORS[light.color]} data-testid="detail-light" data-color={light.color}>
        {t(light.color)}
      </Tag>
    </Tooltip>
  );
}
