import { useMemo } from 'react';
import { useQuery } from 'urql';
import type { Viewer } from '@kpd/web-kit';
import { graphql } from './gql';

export interface AreaRef {
  id: string;
  name: string;
}
export interface DistrictRef extends AreaRef {
  cityId: string | null;
}

const SCOPE = graphql(`
  query DispatchScope { districts { id name parent { id name level } } }
`);

/** The districts of the viewer's scope and the cities above them (a district admin: its own and its city). */
export function useScope(viewer: Viewer) {
  const [result, refetch] = useQuery({ query: SCOPE });
  const value = useMemo(() => {
    const list = result.data?.districts ?? [];
    const districts: DistrictRef[] = list.map((d) => ({ id: d.id, name: d.name, cityId: d.parent?.level === 'CITY' ? d.parent.id : null }));
    const cities = new Map<string, AreaRef>();
    if (viewer.area.level === 'CITY') cities.set(viewer.area.id, { id: viewer.area.id, name: viewer.area.name });
    for (const d of list) if (d.parent?.level === 'CITY') cities.set(d.parent.id, { id: d.parent.id, name: d.parent.name });
    return { districts, cities: [...cities.values()] };
  }, [result.data, viewer.area]);
  return { ...value, fetching: result.fetching, error: result.error, ready: Boolean(result.data), refetch: () => refetch({ requestPolicy: 'network-only' }) };
}

/** A city admin (or the province's) may escalate problems and publish rankings; a district admin may not. */
export function isCityAdmin(viewer: Viewer): boolean {
  return viewer.role === 'ADMIN' && (viewer.area.level === 'CITY' || viewer.area.level === 'PROVINCE');
}

/** Lines "name, unit, role" into attendees; blank lines dropped. */
export function parseAttendees(text: string): Array<{ name: string; unit: string; role: string | null }> {
  return text
    .split('\n')
    .map((line) => line.split(/[,，]/).map((s) => s.trim()))
    .filter((parts) => parts[0])
    .map(([name, unit = '', role = '']) => ({ name, unit, role: role || null }));
}
