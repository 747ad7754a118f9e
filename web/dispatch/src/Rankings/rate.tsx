import { Typography } from 'antd';

export type Rate = { percent: number | null; reason: string | null };

export function RateText({ rate, testId }: { rate: Rate; testId?: string }) {
  if (rate.percent === null) return <Typography.Text type="secondary">{rate.reason ?? '—'}</Typography.Text>;
  const text = `${rate.percent > 0 ? '+' : ''}${rate.percent.toFixed(1)}%`;
  return (
    <Typography.Text type={rate.percent < 0 ? 'danger' : undefined} data-testid={testId}>
      {text}
    </Typography.Text>
  );
}

export const pct = (v: number | null) => (v === null ? '—' : `${v.toFixed(1)}%`);
