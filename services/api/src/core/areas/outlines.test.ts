import { pointInSite, validateSiteGeometry, type Position } from '@kpd/domain';
import { DRIVERS, startTestServer, type TestServer } from '../../testing/harness';
import { LIAONING, type AreaSeed } from './liaoning';
import { outlineCodes, outlineName, outlineOf, siteOutlineCode } from './outlines';

function walk(node: AreaSeed, out: AreaSeed[] = []): AreaSeed[] {
  out.push(node);
  for (const c of node.children ?? []) walk(c, out);
  return out;
}

describe('real outlines and division codes (outlines.json)', () => {
  it('holds the 14 cities of Liaoning, each with its districts and counties', () => {
    const all = outlineCodes();
    const cities = all.filter((a) => a.parent === '210000');
    expect(cities).toHaveLength(14);
    for (const city of cities) {
      expect(city.code).toMatch(/^21\d{2}00$/);
      const districts = all.filter((a) => a.parent === city.code);
      expect(districts.length).toBeGreaterThanOrEqual(4);
      for (const d of districts) expect(d.code.slice(0, 4)).toBe(city.code.slice(0, 4));
    }
    expect(all.filter((a) => a.parent === '210100').map((a) => a.name)).toEqual(
      expect.arrayContaining(['和平区', '沈河区', '大东区', '皇姑区', '铁西区', '苏家屯区', '浑南区', '沈北新区', '于洪区', '辽中区', '康平县', '法库县', '新民市']),
    );
  });

  it('gives every coded city and district of the demo tree its official name and an outline', () => {
    const coded = walk(LIAONING).filter((a) => a.code && a.code !== '210000');
    expect(coded.length).toBeGreaterThan(30);
    for (const area of coded) {
      expect([area.code, outlineName(area.code!)?.slice(0, 2)]).toEqual([area.code, area.name.slice(0, 2)]);
      expect(outlineOf(area.code)).not.toBeNull();
    }
    // 大连高新区 has no code of its own: its sites lie in 甘井子区.
    expect(siteOutlineCode({ name: '大连高新区', code: null })).toBe('210211');
  });

  it('places a district inside its city: 苏家屯区 south of the centre, 沈河区 in it', () => {
    const sujiatun = outlineOf('210111')!;
    expect(pointInSite([123.34, 41.66], sujiatun)).toBe(true); // 苏家屯 town
    expect(pointInSite([123.43, 41.8], sujiatun)).toBe(false); // 沈阳 centre
    expect(pointInSite([123.43, 41.8], outlineOf('210103')!)).toBe(true);
    expect(pointInSite([121.645, 38.915], outlineOf('210202')!)).toBe(true); // 大连 中山广场
  });
});

describe.each(DRIVERS)('outlines through the API [%s]', (driver) => {
  let t: TestServer;
  let token: string;
  beforeAll(async () => {
    t = await startTestServer(driver, { seedModules: ['areas', 'accounts', 'projects', 'secretaries', 'rankings'] });
    token = await t.login('admin.liaoning');
  });
  afterAll(() => t.close());

  it('serves each district its real outline, and none for a zone without a code', async () => {
    const res = await t.gql<{ districts: { name: string; code: string | null; outline: string | null }[] }>('{ districts { name code outline } }', {}, token);
    const byName = new Map(res.data!.districts.map((d) => [d.name, d]));
    const sujiatun = validateSiteGeometry(JSON.parse(byName.get('苏家屯区')!.outline!));
    expect(pointInSite([123.34, 41.66], sujiatun)).toBe(true);
    expect(byName.get('大连高新区')!.outline).toBeNull();
    for (const d of res.data!.districts) if (d.code) expect(d.outline).not.toBeNull();
  });

  it('puts every demo project site inside its real district (point in polygon, every corner)', async () => {
    let after: string | null = null;
    let checked = 0;
    const outside: string[] = [];
    do {
      const page: Awaited<ReturnType<typeof t.gql<{ projects: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: { code: string; district: { name: string; code: string | null }; location: { geoJson: string | null } }[] } }>>> = await t.gql(
        'query($after: String) { projects(first: 100, after: $after) { pageInfo { hasNextPage endCursor } nodes { code district { name code } location { geoJson } } } }',
        { after },
        token,
      );
      for (const p of page.data!.projects.nodes) {
        expect([p.code, p.location.geoJson === null]).toEqual([p.code, false]);
        const outline = outlineOf(siteOutlineCode(p.district))!;
        const site = validateSiteGeometry(JSON.parse(p.location.geoJson!));
        const corners = (site.type === 'Polygon' ? site.coordinates : site.coordinates.flat()).flat() as Position[];
        if (!corners.every((c) => pointInSite(c, outline))) outside.push(`${p.code} ${p.district.name}`);
        checked += 1;
      }
      after = page.data!.projects.pageInfo.hasNextPage ? page.data!.projects.pageInfo.endCursor : null;
    } while (after);
    expect(outside).toEqual([]);
    expect(checked).toBeGreaterThan(800);
  });
});
