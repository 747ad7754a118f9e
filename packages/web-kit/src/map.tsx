/**
 * A Leaflet map of outlines (districts, project sites) over the configured tiles. The outlines are
 * vector shapes drawn by the browser, so they show even when the tile server is unreachable or no
 * tile address is configured (MAP_TILE_URL unset: the real district outlines on a plain ground). Imported as '@kpd/web-kit/map', so only the apps
 * with a map carry Leaflet.
 */
import { useEffect, useRef, useState } from 'react';
import L from 'leaflet';
import leafletCss from 'leaflet/dist/leaflet.css?inline';
import { kitMessages, useMessages } from './i18n';

export interface MapTiles {
  /** {z}/{x}/{y} address; empty: no tiles. */
  url: string;
  attribution: string;
}

export interface MapShape {
  id: string;
  /** GeoJSON text (Polygon, MultiPolygon, Point, Feature…) in WGS84 [longitude, latitude]. */
  geoJson: string;
  /** Stroke and fill colour. */
  color: string;
  /** Shown on hover. */
  label: string;
  onClick?: () => void;
  /** 'area': a district's outline, drawn first and faintly (class kpd-area); 'site' (default): a project site (class kpd-site). */
  kind?: 'area' | 'site';
}

let tilesPromise: Promise<MapTiles> | null = null;

/** The tile address the server is configured with (GET /api/web/config), read once per page. */
export function loadMapTiles(): Promise<MapTiles> {
  const none: MapTiles = { url: '', attribution: '' };
  const promise =
    tilesPromise ??
    fetch('/api/web/config', { credentials: 'same-origin' })
      .then((r) => (r.ok ? (r.json() as Promise<{ mapTiles?: MapTiles }>) : {}))
      .then((c: { mapTiles?: MapTiles }) => c.mapTiles ?? none)
      .catch(() => none);
  tilesPromise = promise;
  return promise;
}

function injectCss() {
  if (document.getElementById('kpd-leaflet-css')) return;
  const style = document.createElement('style');
  style.id = 'kpd-leaflet-css';
  style.textContent = leafletCss;
  document.head.appendChild(style);
}

/** Parses a shape's GeoJSON; null when it is not valid JSON (drawn as nothing rather than failing the map). */
function parse(text: string): GeoJSON.GeoJsonObject | null {
  try {
    const value = JSON.parse(text) as GeoJSON.GeoJsonObject;
    return value && typeof value === 'object' && typeof value.type === 'string' ? value : null;
  } catch {
    return null;
  }
}

/** Liaoning, where nothing else gives a view. */
const DEFAULT_CENTER: L.LatLngExpression = [41.3, 122.6];

export function BoundaryMap({ shapes, height = 360, testId, emptyText }: { shapes: MapShape[]; height?: number; testId?: string; emptyText?: string }) {
  const t = useMessages(kitMessages);
  const el = useRef<HTMLDivElement>(null);
  const [tiles, setTiles] = useState<MapTiles | null>(null);
  const [tileFailed, setTileFailed] = useState(false);
  const [drawn, setDrawn] = useState(0);
  const [areas, setAreas] = useState(0);

  useEffect(() => {
    let live = true;
    void loadMapTiles().then((v) => live && setTiles(v));
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (!tiles || !el.current) return;
    injectCss();
    // Fractional zoom, so a city's outline fills the frame rather than the next whole zoom level down.
    const map = L.map(el.current, { scrollWheelZoom: false, attributionControl: true, preferCanvas: false, zoomSnap: 0.25 });
    map.setView(DEFAULT_CENTER, 7);
    map.attributionControl.setPrefix('Leaflet');
    if (tiles.url) {
      const layer = L.tileLayer(tiles.url, { attribution: tiles.attribution, maxZoom: 18, crossOrigin: true });
      layer.on('tileerror', () => setTileFailed(true));
      layer.addTo(map);
    }
    const group = L.featureGroup().addTo(map);
    let count = 0;
    let areaCount = 0;
    // Areas under sites, whatever order they came in.
    const ordered = [...shapes.filter((s) => s.kind === 'area'), ...shapes.filter((s) => s.kind !== 'area')];
    for (const s of ordered) {
      const geo = parse(s.geoJson);
      if (!geo) continue;
      const area = s.kind === 'area';
      const layer = L.geoJSON(geo, {
        style: () =>
          area
            ? { color: '#595959', weight: 1.2, fillColor: s.color, fillOpacity: 0.18, className: 'kpd-area' }
            : { color: s.color, weight: 2, fillColor: s.color, fillOpacity: 0.6, className: 'kpd-site-outline', interactive: false },
        pointToLayer: (_f, latlng) => L.circleMarker(latlng, { radius: 7, color: s.color, fillColor: s.color, fillOpacity: 0.8 }),
      });
      layer.addTo(group);
      // A site is a few hundred metres across, a dot at a city's scale: a marker at its centre
      // carries the colour, the label and the click; the outline shows when zoomed in.
      const target: L.Layer = area ? layer : L.circleMarker(layer.getBounds().getCenter(), { radius: 5, color: '#fff', weight: 1, fillColor: s.color, fillOpacity: 0.95, className: 'kpd-site' }).addTo(group);
      target.bindTooltip(s.label, { sticky: true });
      if (s.onClick) target.on('click', s.onClick);
      if (area) areaCount += 1;
      else count += 1;
    }
    setDrawn(count);
    setAreas(areaCount);
    const bounds = group.getBounds();
    if (bounds.isValid()) map.fitBounds(bounds, { padding: [24, 24], maxZoom: 15 });
    const observer = new ResizeObserver(() => map.invalidateSize());
    observer.observe(el.current);
    return () => {
      observer.disconnect();
      map.remove();
    };
  }, [tiles, shapes]);

  return (
    <div style={{ position: 'relative' }}>
      <div ref={el} data-testid={testId} data-shapes={drawn} data-areas={areas} style={{ width: '100%', height, background: '#eef2f6', borderRadius: 4 }} />
      {tiles && (!tiles.url || tileFailed) && (
        <div data-testid="map-no-tiles" style={{ position: 'absolute', left: 8, bottom: 8, zIndex: 500, background: 'rgba(255,255,255,.85)', padding: '2px 8px', fontSize: 12, borderRadius: 4 }}>
          {t('mapNoTiles')}
        </div>
      )}
      {tiles && drawn === 0 && (
        <div data-testid="map-empty" style={{ position: 'absolute', inset: 0, zIndex: 500, display: 'flex', alignItems: 'center', justifyContent: 'center', pointerEvents: 'none', color: '#666' }}>
          {emptyText ?? t('mapEmpty')}
        </div>
      )}
    </div>
  );
}

/**
 * A map to draw a site on: the area's outline (where the site must lie) drawn faintly, the corners
 * placed so far joined into a polygon, and a click on the map adding the next corner at that
 * point (`onAdd` gets [longitude, latitude], WGS84). The map is built once, so adding corners
 * neither re-zooms nor re-frames it.
 */
export function SiteDrawMap({
  areaOutline,
  corners,
  onAdd,
  height = 360,
  testId,
}: {
  areaOutline: string | null;
  corners: Array<[number, number]>;
  onAdd: (point: [number, number]) => void;
  height?: number;
  testId?: string;
}) {
  const t = useMessages(kitMessages);
  const el = useRef<HTMLDivElement>(null);
  const [tiles, setTiles] = useState<MapTiles | null>(null);
  const draft = useRef<L.FeatureGroup | null>(null);
  const add = useRef(onAdd);
  add.current = onAdd;

  useEffect(() => {
    let live = true;
    void loadMapTiles().then((v) => live && setTiles(v));
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (!tiles || !el.current) return;
    injectCss();
    const map = L.map(el.current, { scrollWheelZoom: true, zoomSnap: 0.25, doubleClickZoom: false });
    map.setView(DEFAULT_CENTER, 7);
    map.attributionControl.setPrefix('Leaflet');
    if (tiles.url) L.tileLayer(tiles.url, { attribution: tiles.attribution, maxZoom: 18, crossOrigin: true }).addTo(map);
    const geo = areaOutline ? parse(areaOutline) : null;
    if (geo) {
      const area = L.geoJSON(geo, { style: () => ({ color: '#595959', weight: 1.2, fillColor: '#1677ff', fillOpacity: 0.08, className: 'kpd-area' }), interactive: false }).addTo(map);
      if (area.getBounds().isValid()) map.fitBounds(area.getBounds(), { padding: [16, 16] });
    }
    map.getContainer().style.cursor = 'crosshair';
    map.on('click', (e: L.LeafletMouseEvent) => add.current([Math.round(e.latlng.lng * 1e6) / 1e6, Math.round(e.latlng.lat * 1e6) / 1e6]));
    draft.current = L.featureGroup().addTo(map);
    const observer = new ResizeObserver(() => map.invalidateSize());
    observer.observe(el.current);
    return () => {
      observer.disconnect();
      map.remove();
      draft.current = null;
    };
  }, [tiles, areaOutline]);

  useEffect(() => {
    const group = draft.current;
    if (!group) return;
    group.clearLayers();
    const latlngs = corners.map(([lng, lat]) => L.latLng(lat, lng));
    if (latlngs.length >= 3) L.polygon(latlngs, { color: '#b4232a', weight: 2, fillOpacity: 0.35, className: 'kpd-site-outline', interactive: false }).addTo(group);
    else if (latlngs.length === 2) L.polyline(latlngs, { color: '#b4232a', weight: 2, interactive: false }).addTo(group);
    for (const p of latlngs) L.circleMarker(p, { radius: 4, color: '#fff', weight: 1, fillColor: '#b4232a', fillOpacity: 1, className: 'kpd-corner', interactive: false }).addTo(group);
  }, [corners, tiles, areaOutline]);

  return (
    <div style={{ position: 'relative' }}>
      <div ref={el} data-testid={testId} data-corners={corners.length} style={{ width: '100%', height, background: '#eef2f6', borderRadius: 4 }} />
      {tiles && !tiles.url && (
        <div data-testid="map-no-tiles" style={{ position: 'absolute', left: 8, bottom: 8, zIndex: 500, background: 'rgba(255,255,255,.85)', padding: '2px 8px', fontSize: 12, borderRadius: 4 }}>
          {t('mapNoTiles')}
        </div>
      )}
    </div>
  );
}
