import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { previousMonth, queryParam } from '@kpd/web-kit';
import { LATEST } from './queries';

/** The month shown: ?period= in the address, else the latest month the area's projects were lit, else last month. */
export function useMonth(areaId: string): [string | null, (p: string) => void] {
  const fromUrl = queryParam('period');
  const [chosen, setChosen] = useState<string | null>(fromUrl && /^\d{4}-(0[1-9]|1[0-2])$/.test(fromUrl) ? fromUrl : null);
  const [latest] = useQuery({ query: LATEST, variables: { areaId }, pause: chosen !== null });
  const guess = useMemo(() => {
    if (latest.fetching && !latest.data) return null;
    const periods = (latest.data?.projects.nodes ?? []).flatMap((n) => n.lights.map((l) => l.period)).sort();
    return periods[periods.length - 1] ?? previousMonth();
  }, [latest]);
  const set = (p: string) => {
    const q = new URLSearchParams(window.location.search);
    q.set('period', p);
    window.history.replaceState(null, '', `${window.location.pathname}?${q.toString()}`);
    setChosen(p);
  };
  return [chosen ?? guess, set];
}
