import {
  distanceToSiteMeters,
  gcj02ToWgs84,
  pointInSite,
  siteCornerOutside,
  takenAtSite,
  validateSiteGeometry,
  wgs84ToGcj02,
  type PolygonGeometry,
  type Position,
} from './geo';

// A site in 苏家屯区, Shenyang: roughly 300 m × 220 m around 123.340°E, 41.660°N.
const site: PolygonGeometry = {
  type: 'Polygon',
  coordinates: [
    [
      [123.338, 41.659],
      [123.342, 41.659],
      [123.342, 41.661],
      [123.338, 41.661],
      [123.338, 41.659],
    ],
  ],
};
const withHole: PolygonGeometry = {
  type: 'Polygon',
  coordinates: [
    site.coordinates[0],
    [
      [123.3395, 41.6597],
      [123.3405, 41.6597],
      [123.3405, 41.6603],
      [123.3395, 41.6603],
      [123.3395, 41.6597],
    ],
  ],
};

describe('GCJ-02 and WGS84', () => {
  it.each<[string, Position]>([
    ['苏家屯区', [123.34, 41.66]],
    ['大连 中山区', [121.644, 38.918]],
    ['阜新 海州区', [121.66, 42.02]],
  ])('the offset in %s is a few hundred metres and the inverse round-trips to 1e-6°', (_place, wgs) => {
    const gcj = wgs84ToGcj02(wgs);
    const shift = Math.hypot((gcj[0] - wgs[0]) * 83_000, (gcj[1] - wgs[1]) * 111_000);
    expect(shift).toBeGreaterThan(100);
    expect(shift).toBeLessThan(1000);
    const back = gcj02ToWgs84(gcj);
    expect(Math.abs(back[0] - wgs[0])).toBeLessThan(1e-6);
    expect(Math.abs(back[1] - wgs[1])).toBeLessThan(1e-6);
  });

  it('leaves positions outside China alone', () => {
    expect(wgs84ToGcj02([139.69, 35.68])).toEqual([139.69, 35.68]);
    expect(gcj02ToWgs84([2.35, 48.85])).toEqual([2.35, 48.85]);
  });
});

describe('site boundaries', () => {
  it('accepts a polygon and a multipolygon', () => {
    expect(validateSiteGeometry(site)).toBe(site);
    expect(validateSiteGeometry({ type: 'MultiPolygon', coordinates: [site.coordinates] }).type).toBe('MultiPolygon');
  });

  it.each<[string, unknown, string]>([
    ['not an object', 'here', 'location'],
    ['a point', { type: 'Point', coordinates: [123.34, 41.66] }, 'location.type'],
    ['no rings', { type: 'Polygon', coordinates: [] }, 'location.coordinates'],
    ['too few positions', { type: 'Polygon', coordinates: [[[123.3, 41.6], [123.4, 41.6], [123.3, 41.6]]] }, 'location.coordinates[0]'],
    ['open ring', { type: 'Polygon', coordinates: [[[123.3, 41.6], [123.4, 41.6], [123.4, 41.7], [123.3, 41.7]]] }, 'location.coordinates[0]'],
    ['latitude first', { type: 'Polygon', coordinates: [[[41.6, 123.3], [41.6, 123.4], [41.7, 123.4], [41.6, 123.3]]] }, 'location.coordinates[0][0]'],
    ['outside China', { type: 'Polygon', coordinates: [[[2.3, 48.8], [2.4, 48.8], [2.4, 48.9], [2.3, 48.8]]] }, 'location.coordinates[0][0]'],
    ['a text coordinate', { type: 'Polygon', coordinates: [[[123.3, 41.6], ['x', 41.6], [123.4, 41.7], [123.3, 41.6]]] }, 'location.coordinates[0][1]'],
    ['no area', { type: 'Polygon', coordinates: [[[123.3, 41.6], [123.4, 41.6], [123.5, 41.6], [123.3, 41.6]]] }, 'location.coordinates[0]'],
  ])('refuses %s, naming %s', (_name, value, field) => {
    expect(() => validateSiteGeometry(value)).toThrow(expect.objectContaining({ field }));
  });
});

describe('inside the site, or near it', () => {
  it.each<[string, Position, PolygonGeometry, boolean]>([
    ['the centre', [123.34, 41.66], site, true],
    ['a corner area', [123.3385, 41.6595], site, true],
    ['east of it', [123.35, 41.66], site, false],
    ['inside the hole', [123.34, 41.66], withHole, false],
    ['between hole and edge', [123.3385, 41.66], withHole, true],
  ])('%s', (_name, point, g, inside) => expect(pointInSite(point, g)).toBe(inside));

  it('measures the distance to the nearest edge in metres', () => {
    expect(distanceToSiteMeters([123.34, 41.66], site)).toBe(0);
    // 0.001° of latitude north of the north edge ≈ 111 m.
    expect(distanceToSiteMeters([123.34, 41.662], site)).toBeGreaterThan(105);
    expect(distanceToSiteMeters([123.34, 41.662], site)).toBeLessThan(117);
  });

  it.each<[string, Position, boolean]>([
    ['on site', [123.34, 41.66], true],
    ['from the road, 30 m out', [123.34, 41.66127], true],
    ['a kilometre away', [123.352, 41.66], false],
  ])('a photo taken %s counts as at the site: %p', (_name, point, ok) => expect(takenAtSite(point, site)).toBe(ok));
});

describe('a site lies inside its district', () => {
  // A district 0.1° square (about 8 km × 11 km) around the site.
  const square = (w: number, s: number, e: number, n: number): PolygonGeometry => ({
    type: 'Polygon',
    coordinates: [
      [
        [w, s],
        [e, s],
        [e, n],
        [w, n],
        [w, s],
      ],
    ],
  });
  const district = square(123.3, 41.6, 123.4, 41.7);
  it.each<[string, PolygonGeometry, Position | null]>([
    ['wholly inside', site, null],
    ['over the edge by 100 m (the outline is simplified)', square(123.395, 41.65, 123.401, 41.655), null],
    ['a corner 1 km over the edge', square(123.395, 41.65, 123.412, 41.655), [123.412, 41.65]],
    ['in the next district', square(123.5, 41.65, 123.51, 41.655), [123.5, 41.65]],
  ])('%s', (_name, s, outside) => expect(siteCornerOutside(s, district)).toEqual(outside));
});
