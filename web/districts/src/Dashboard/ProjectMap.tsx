import { useEffect, useMemo, useRef, useState } from 'react';
import { Card, Typography } from 'antd';
import { useClient } from 'urql';
import { LIGHT_HEX, openInShell, QueryState, useMessages } from '@kpd/web-kit';
import { BoundaryMap, type MapShape } from '@kpd/web-kit/map';
import { messages } from '../messages';
import { MAP_PAGE, type DistrictRow, type Figures, type MapProject } from './queries';

type DistrictCounts = Figures['lightBoard']['districts'][number];

/** A district's tint on the map: red when any project is red, yellow when any is yellow, green when all are, grey when none is lit. */
function districtTint(c: DistrictCounts | undefined): string {
  if (!c || c.total === 0) return '#bfbfbf';
  return c.red > 0 ? LIGHT_HEX.RED : c.yellow > 0 ? LIGHT_HEX.YELLOW : LIGHT_HEX.GREEN;
}

/**
 * The districts' real outlines, tinted by the month's lights (click one to open it), and every project
 * of the area with a site boundary on them, coloured by its light (grey: not lit).
 */
export function ProjectMap({ areaId, period, title, districts, counts, onOpenDistrict }: { areaId: string; period: string; title: string; districts: DistrictRow[]; counts: DistrictCounts[] | undefined; onOpenDistrict: (id: string) => void }) {
  // The latest callback without redrawing the map when the parent re-renders.
  const open = useRef(onOpenDistrict);
  open.current = onOpenDistrict;
  const t = useMessages(messages);
  const client = useClient();
  const [state, setState] = useState<{ projects?: MapProject[]; error?: unknown }>({});
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    setState({});
    (async () => {
      const all: MapProject[] = [];
      let after: string | null = null;
      for (let page = 0; page < 20; page += 1) {
        const r = await client
          .query(MAP_PAGE, { areaId, period, after }, { requestPolicy: 'network-only' })
          .toPromise();
        if (r.error) throw r.error;
        all.push(...r.data!.projects.nodes);
        if (!r.data!.projects.pageInfo.hasNextPage) break;
        after = r.data!.projects.pageInfo.endCursor;
      }
      return all;
    })().then(
      (projects) => live && setState({ projects }),
      (error: unknown) => live && setState({ error }),
    );
    return () => {
      live = false;
    };
  }, [client, areaId, period, attempt]);
  const shapes = useMemo<MapShape[]>(() => {
    const byDistrict = new Map((counts ?? []).map((c) => [c.district.id, c]));
    const areas: MapShape[] = districts
      .filter((d) => d.outline)
      .map((d) => {
        const c = byDistrict.get(d.id);
        return {
          id: `area-${d.id}`,
          kind: 'area',
          geoJson: d.outline!,
          color: districtTint(c),
          label: c && c.total > 0 ? `${d.name}：${t('GREEN')} ${c.green} · ${t('YELLOW')} ${c.yellow} · ${t('RED')} ${c.red}` : `${d.name}（${t('notLit')}）`,
          onClick: () => open.current(d.id),
        };
      });
    const sites: MapShape[] = (state.projects ?? [])
      .filter((p) => p.location.geoJson)
      .map((p) => ({
        id: p.id,
        geoJson: p.location.geoJson!,
        color: p.light ? LIGHT_HEX[p.light.color] : '#8c8c8c',
        label: `${p.name}（${p.light ? t(p.light.color) : t('notLit')}）`,
        onClick: () => openInShell(`/projects?open=${p.id}`),
      }));
    return [...areas, ...sites];
  }, [state.projects, districts, counts, t]);
  const siteCount = shapes.filter((s) => s.kind !== 'area').length;
  return (
    <Card title={title} extra={state.projects ? <Typography.Text type="secondary">{t('mapHint', { n: siteCount })}</Typography.Text> : null}>
      <QueryState fetching={!state.projects && !state.error} error={state.error} data={state.projects} onRetry={() => setAttempt((n) => n + 1)}>
        {() => <BoundaryMap shapes={shapes} height={540} testId="project-map" emptyText={t('noLocation')} />}
      </QueryState>
    </Card>
  );
}
