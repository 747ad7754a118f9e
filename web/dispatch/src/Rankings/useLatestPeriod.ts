import { useEffect, useState } from 'react';
import { useClient } from 'urql';
import { isPositiveMoney, thisMonthInChina, yearOf } from '@kpd/web-kit';
import { YEAR_COURSE } from './queries';

/**
 * The latest month with reported investment in the area: this year's months, then earlier years (at
 * most ten back); this month when nothing was ever reported.
 */
export function useLatestPeriod(areaId: string | null): { period: string | null; error: unknown } {
  const client = useClient();
  const [state, setState] = useState<{ areaId: string | null; period: string | null; error: unknown }>({ areaId: null, period: null, error: null });
  useEffect(() => {
    if (!areaId) return;
    let cancelled = false;
    (async () => {
      const current = thisMonthInChina();
      for (let year = yearOf(current); year >= yearOf(current) - 10; year--) {
        const r = await client.query(YEAR_COURSE, { areaId, year }).toPromise();
        if (cancelled) return;
        if (r.error) return setState({ areaId, period: current, error: r.error });
        const months = (r.data?.planVsActual ?? []).filter((m) => isPositiveMoney(m.actual) && m.from <= current).map((m) => m.from);
        if (months.length) return setState({ areaId, period: months.sort().at(-1)!, error: null });
      }
      setState({ areaId, period: current, error: null });
    })();
    return () => {
      cancelled = true;
    };
  }, [areaId, client]);
  return state.areaId === areaId ? { period: state.period, error: state.error } : { period: null, error: null };
}
