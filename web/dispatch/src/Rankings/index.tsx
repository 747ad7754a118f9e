import { useEffect, useState } from 'react';
import { Alert, Select, Space, Typography } from 'antd';
import { ErrorNotice, Loading, MonthPicker, thisMonthInChina, useMessages, type RemoteProps } from '@kpd/web-kit';
import { messages } from '../messages';
import { isCityAdmin, useScope } from '../scope';
import { EarlyWarnings } from './EarlyWarnings';
import { InvestmentStats } from './InvestmentStats';
import { PlanVsActual } from './PlanVsActual';
import { RankingCard } from './RankingCard';
import { useLatestPeriod } from './useLatestPeriod';

/** Rankings and statistics (排名与统计): investment by district, the month's ranking and its publication, rank history. */
export function Rankings({ viewer }: RemoteProps) {
  const t = useMessages(messages);
  const scope = useScope(viewer);
  const [cityId, setCityId] = useState<string | undefined>();
  const [chosen, setChosen] = useState<string | null>(null);
  useEffect(() => {
    if (!cityId && scope.cities.length) setCityId(scope.cities[0].id);
  }, [cityId, scope.cities]);
  // A district admin's statistics are its district's; the ranking is its city's.
  const statsArea = viewer.area.level === 'DISTRICT' ? viewer.area.id : (cityId ?? null);
  const latest = useLatestPeriod(statsArea);
  const period = chosen ?? latest.period;

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        {scope.cities.length > 1 && (
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            style={{ minWidth: 140 }}
            placeholder={t('chooseCity')}
            value={cityId}
            onChange={(v) => {
              setCityId(v);
              setChosen(null);
            }}
            options={scope.cities.map((c) => ({ value: c.id, label: c.name }))}
            data-testid="ranking-city"
          />
        )}
        <Typography.Text>{t('month')}</Typography.Text>
        <MonthPicker value={period ?? null} max={thisMonthInChina()} onChange={(v) => v && setChosen(v)} style={{ width: 160 }} testId="ranking-period" />
      </Space>
      {scope.error && <ErrorNotice error={scope.error} onRetry={scope.refetch} />}
      {latest.error ? <ErrorNotice error={latest.error} /> : null}
      {!cityId || !statsArea || !period ? (
        scope.ready && scope.cities.length === 0 ? <Alert type="info" showIcon title={t('chooseCity')} /> : <Loading />
      ) : (
        <>
          <InvestmentStats areaId={statsArea} period={period} />
          <RankingCard cityId={cityId} period={period} canPublish={isCityAdmin(viewer)} />
          <PlanVsActual areaId={statsArea} period={period} />
          <EarlyWarnings areaId={statsArea} period={period} />
        </>
      )}
    </>
  );
}
