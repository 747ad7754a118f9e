import { Tag, Tooltip, Typography } from 'antd';
import { LIGHT_COLOR_LABELS, type LightColor } from '@kpd/domain';
import { formatPeriod } from './dates';
import { useLocale, useMessages, type Messages } from './i18n';
import { tidyAmounts } from './money';

export type { LightColor };

/** The three lights' colours, the same on every page, chart and the wall display. */
export const LIGHT_HEX: Readonly<Record<LightColor, string>> = { GREEN: '#2e9e44', YELLOW: '#e0a100', RED: '#cf1322' };
/** Grey: a project not lit (yet) for the month. */
export const UNLIT_HEX = '#8c8c8c';

export const lightMessages: Messages<LightColor | 'noLight'> = {
  zh: { ...LIGHT_COLOR_LABELS, noLight: '未亮灯' },
  en: { GREEN: 'Green', YELLOW: 'Yellow', RED: 'Red', noLight: 'Not lit' },
};

/** A light as the pages read it: its colour, its month and why. */
export interface LightLike {
  color: LightColor;
  period?: string | null;
  reason?: string | null;
}

/**
 * A light's badge: its colour in words, optionally its month, and its reason on hover (amounts in the
 * reason shown to two decimals at most).
 */
export function LightBadge({ light, showPeriod = false, testId = 'light-badge' }: { light: LightLike | null | undefined; showPeriod?: boolean; testId?: string }) {
  const t = useMessages(lightMessages);
  const locale = useLocale();
  if (!light) return <Typography.Text type="secondary">{t('noLight')}</Typography.Text>;
  return (
    <Tooltip title={light.reason ? tidyAmounts(light.reason) : undefined}>
      <Tag color={LIGHT_HEX[light.color]} data-testid={testId} data-color={light.color}>
        {t(light.color)}
        {showPeriod && light.period ? ` · ${formatPeriod(light.period, locale)}` : ''}
      </Tag>
    </Tooltip>
  );
}

/** The light's name in the current language: 绿灯 / Green. */
export function useLightLabel(): (color: LightColor) => string {
  return useMessages(lightMessages);
}
