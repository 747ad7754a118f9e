import { AuditRecord } from '../audit/audit-record.entity';
import { DRIVERS, errorCode, leastStatements, startTestServer, type TestServer } from '../../testing/harness';
import { Area } from './area.entity';
import { CitySettings } from './city-settings.entity';

describe.each(DRIVERS)('areas and scope [%s]', (driver) => {
  let t: TestServer;
  let ids: Record<string, string>;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    t = await startTestServer(driver);
    const areas = await t.server.db.getRepository(Area).find();
    ids = Object.fromEntries(areas.map((a) => [a.name, String(a.id)]));
    for (const u of ['admin.liaoning', 'admin.shenyang', 'admin.sujiatun', 'admin.dalian', 'analyst', 'secretary.lijun']) {
      tokens[u] = await t.login(u);
    }
  });
  afterAll(() => t.close());

  it('seeds the areas of the source reports as a tree with division codes', async () => {
    const res = await t.gql<{ areas: { name: string; code: string; children: { name: string; children: { name: string }[] }[] }[] }>(
      '{ areas { name code children { name children { name } } } }',
      {},
      tokens['admin.liaoning'],
    );
    const [province] = res.data!.areas;
    expect(province).toMatchObject({ name: '辽宁省', code: '210000' });
    expect(province.children.map((c) => c.name)).toEqual(['沈阳市', '大连市', '阜新市', '沈抚改革创新示范区']);
    const dalian = province.children.find((c) => c.name === '大连市')!;
    expect(dalian.children.map((c) => c.name)).toEqual(
      expect.arrayContaining(['中山区', '西岗区', '沙河口区', '甘井子区', '旅顺口区', '金州区（金普新区）', '普兰店区', '瓦房店市', '长海县', '大连高新区']),
    );
    const shenyang = province.children.find((c) => c.name === '沈阳市')!;
    expect(shenyang.children.map((c) => c.name)).toEqual(expect.arrayContaining(['苏家屯区', '大东区']));
    const fuxin = province.children.find((c) => c.name === '阜新市')!;
    expect(fuxin.children.map((c) => c.name)).toEqual(expect.arrayContaining(['海州区', '新邱区', '彰武县']));
  });

  it('shows a district admin its own district and not another', async () => {
    const mine = await t.gql<{ district: { name: string; level: string } }>('query($id: ID!) { district(id: $id) { name level } }', { id: ids['苏家屯区'] }, tokens['admin.sujiatun']);
    expect(mine.data!.district).toEqual({ name: '苏家屯区', level: 'DISTRICT' });

    // By id: the other district does not exist for this user.
    const other = await t.gql('query($id: ID!) { district(id: $id) { name } }', { id: ids['中山区'] }, tokens['admin.sujiatun']);
    expect(errorCode(other)).toBe('NOT_FOUND');
    expect(other.data).toBeNull();

    // By filter: the city's districts are narrowed to the scope; another city's are none.
    const shenyang = await t.gql<{ districts: { name: string }[] }>('query($c: ID) { districts(cityId: $c) { name } }', { c: ids['沈阳市'] }, tokens['admin.sujiatun']);
    expect(shenyang.data!.districts).toEqual([{ name: '苏家屯区' }]);
    const dalian = await t.gql<{ districts: unknown[] }>('query($c: ID) { districts(cityId: $c) { name } }', { c: ids['大连市'] }, tokens['admin.sujiatun']);
    expect(dalian.data!.districts).toEqual([]);

    // Through nesting: walking up to the city and down again reaches only the scope.
    const nested = await t.gql<{ district: { parent: { name: string; children: { name: string }[]; parent: { children: { name: string }[] } } } }>(
      'query($id: ID!) { district(id: $id) { parent { name children { name } parent { children { name } } } } }',
      { id: ids['苏家屯区'] },
      tokens['admin.sujiatun'],
    );
    expect(nested.data!.district.parent.name).toBe('沈阳市');
    expect(nested.data!.district.parent.children).toEqual([{ name: '苏家屯区' }]);
    // An ancestor is readable for breadcrumbs, but its other children are not listed.
    expect(nested.data!.district.parent.parent.children).toEqual([]);

    const areas = await t.gql<{ areas: { name: string }[] }>('{ areas { name } }', {}, tokens['admin.sujiatun']);
    expect(areas.data!.areas).toEqual([{ name: '苏家屯区' }]);
  });

  it('shows a city admin all its districts and a province admin every city', async () => {
    const shenyang = await t.gql<{ districts: { name: string }[] }>('{ districts { name } }', {}, tokens['admin.shenyang']);
    expect(shenyang.data!.districts.map((d) => d.name)).toEqual(expect.arrayContaining(['苏家屯区', '大东区', '和平区']));
    expect(shenyang.data!.districts.map((d) => d.name)).not.toContain('中山区');
    const all = await t.gql<{ districts: { name: string }[] }>('{ districts { name } }', {}, tokens['admin.liaoning']);
    expect(all.data!.districts.map((d) => d.name)).toEqual(expect.arrayContaining(['苏家屯区', '中山区', '海州区']));
  });

  it('refuses anonymous callers', async () => {
    expect(errorCode(await t.gql('{ districts { name } }'))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql('{ areas { name } }'))).toBe('UNAUTHENTICATED');
  });

  it('answers a malformed id naming the argument', async () => {
    const res = await t.gql('{ district(id: "1 OR 1=1") { name } }', {}, tokens['admin.liaoning']);
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it('shows city settings to admins and analysts, not to secretaries', async () => {
    const query = 'query($id: ID!) { district(id: $id) { settings { libraryThreshold lightRule reportDeadlineDay rankingWeights { milestoneRate } city { name } } } }';
    const admin = await t.gql<{ district: { settings: Record<string, unknown> } }>(query, { id: ids['苏家屯区'] }, tokens['admin.sujiatun']);
    expect(admin.data!.district.settings).toMatchObject({ libraryThreshold: '100000000.00', lightRule: 'INVESTMENT', city: { name: '沈阳市' } });
    const dalian = await t.gql<{ district: { settings: Record<string, unknown> } }>(query, { id: ids['中山区'] }, tokens['analyst']);
    expect(dalian.data!.district.settings).toMatchObject({ libraryThreshold: '50000000.00', lightRule: 'MILESTONE' });
    const secretary = await t.gql<{ district: { settings: unknown } }>(query, { id: ids['中山区'] }, tokens['secretary.lijun']);
    expect(secretary.data!.district.settings).toBeNull();
  });

  it('lets the city admin change its settings, audited, and refuses a district admin', async () => {
    const mutation = 'mutation($c: ID!, $i: CitySettingsInput!) { updateCitySettings(cityId: $c, input: $i) { lightTolerancePercent reportDeadlineDay } }';
    const refused = await t.gql(mutation, { c: ids['沈阳市'], i: { lightTolerancePercent: 5 } }, tokens['admin.sujiatun']);
    expect(errorCode(refused)).toBe('FORBIDDEN');
    const otherCity = await t.gql(mutation, { c: ids['大连市'], i: { lightTolerancePercent: 5 } }, tokens['admin.shenyang']);
    expect(errorCode(otherCity)).toBe('FORBIDDEN');

    const ok = await t.gql(mutation, { c: ids['沈阳市'], i: { lightTolerancePercent: 5, reportDeadlineDay: 8 } }, tokens['admin.shenyang']);
    expect(ok.data).toEqual({ updateCitySettings: { lightTolerancePercent: 5, reportDeadlineDay: 8 } });
    const audit = await t.server.db.getRepository(AuditRecord).findOneByOrFail({ action: 'citySettings.update' });
    expect(audit.actorUsername).toBe('admin.shenyang');
    expect(JSON.parse(audit.before!)).toMatchObject({ lightTolerancePercent: 0, reportDeadlineDay: 5 });
    expect(JSON.parse(audit.after!)).toMatchObject({ lightTolerancePercent: 5, reportDeadlineDay: 8 });
  });

  it('refuses bad settings naming the field, and changes nothing', async () => {
    const before = await t.server.db.getRepository(CitySettings).findOneByOrFail({ cityId: Number(ids['大连市']) });
    const audits = await t.server.db.getRepository(AuditRecord).count();
    const mutation = 'mutation($c: ID!, $i: CitySettingsInput!) { updateCitySettings(cityId: $c, input: $i) { lightTolerancePercent } }';
    const cases: [Record<string, unknown>, string][] = [
      [{ lightTolerancePercent: 80 }, 'lightTolerancePercent'],
      [{ reportDeadlineDay: 0 }, 'reportDeadlineDay'],
      [{ rankingWeights: { milestoneRate: 0.5, investmentRate: 0.5, lights: 0.5 } }, 'input.rankingWeights'],
      [{ libraryThreshold: '-1.00' }, 'input.libraryThreshold'],
    ];
    for (const [input, field] of cases) {
      const res = await t.gql(mutation, { c: ids['大连市'], i: input }, tokens['admin.dalian']);
      expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const money = await t.gql(mutation, { c: ids['大连市'], i: { libraryThreshold: 5e7 } }, tokens['admin.dalian']);
    expect(money.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(money.errors![0].message).toMatch(/decimal string/);
    expect(await t.server.db.getRepository(CitySettings).findOneByOrFail({ cityId: Number(ids['大连市']) })).toEqual(before);
    expect(await t.server.db.getRepository(AuditRecord).count()).toBe(audits);
  });

  it('loads nested settings in a fixed number of SQL statements whatever the number of districts', async () => {
    const query = '{ districts { name settings { libraryThreshold } } }';
    const one = await t.gql<{ districts: unknown[] }>(query, {}, tokens['admin.sujiatun']);
    const many = await t.gql<{ districts: unknown[] }>(query, {}, tokens['admin.liaoning']);
    expect(one.data!.districts).toHaveLength(1);
    expect(many.data!.districts.length).toBeGreaterThan(30);
    const [oneStatements, manyStatements] = [await leastStatements(t, query, {}, tokens['admin.sujiatun']), await leastStatements(t, query, {}, tokens['admin.liaoning'])];
    expect(manyStatements).toBe(oneStatements);
    // The settings come from the process's memory: asking them costs no statement of its own.
    expect(manyStatements).toBe(await leastStatements(t, '{ districts { name } }', {}, tokens['admin.liaoning']));
  });

  it('shows a changed setting at once through the settings kept in memory', async () => {
    const read = async () =>
      (await t.gql<{ districts: { name: string; settings: { reportDeadlineDay: number } }[] }>('{ districts { name settings { reportDeadlineDay } } }', {}, tokens['admin.sujiatun'])).data!.districts[0].settings.reportDeadlineDay;
    const before = await read();
    const next = before === 9 ? 10 : 9;
    const mutation = 'mutation($c: ID!, $i: CitySettingsInput!) { updateCitySettings(cityId: $c, input: $i) { reportDeadlineDay } }';
    expect((await t.gql(mutation, { c: ids['沈阳市'], i: { reportDeadlineDay: next } }, tokens['admin.shenyang'])).errors).toBeUndefined();
    expect(await read()).toBe(next);
    await t.gql(mutation, { c: ids['沈阳市'], i: { reportDeadlineDay: before } }, tokens['admin.shenyang']);
    expect(await read()).toBe(before);
  });

  it('reads the audit log of the own scope only', async () => {
    const query = '{ auditLog(first: 100) { totalCount nodes { action actorUsername entityType } } }';
    const province = await t.gql<{ auditLog: { totalCount: number; nodes: { action: string }[] } }>(query, {}, tokens['admin.liaoning']);
    expect(province.data!.auditLog.nodes.map((n) => n.action)).toContain('citySettings.update');
    const district = await t.gql<{ auditLog: { nodes: { action: string; actorUsername: string }[] } }>(query, {}, tokens['admin.sujiatun']);
    expect(district.data!.auditLog.nodes.every((n) => n.actorUsername === 'admin.sujiatun' || n.action.startsWith('auth.'))).toBe(true);
    expect(district.data!.auditLog.nodes.map((n) => n.action)).not.toContain('citySettings.update');
    const outside = await t.gql('query($a: ID) { auditLog(areaId: $a) { totalCount } }', { a: ids['大连市'] }, tokens['admin.shenyang']);
    expect(errorCode(outside)).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(query, {}, tokens['analyst']))).toBe('FORBIDDEN');
  });

  it('pages through a connection with cursors and refuses oversized pages', async () => {
    const page = 'query($after: String) { users(first: 4, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { username } } }';
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let i = 0; i < 10; i++) {
      const res: { data?: { users: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: { username: string }[] } } | null } =
        await t.gql(page, { after }, tokens['admin.liaoning']);
      const users = res.data!.users;
      total = users.totalCount;
      seen.push(...users.nodes.map((n) => n.username));
      if (!users.pageInfo.hasNextPage) break;
      after = users.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    const big = await t.gql('{ users(first: 101) { totalCount } }', {}, tokens['admin.liaoning']);
    expect(big.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const forged = await t.gql('{ users(after: "bm90IGEgY3Vyc29y") { totalCount } }', {}, tokens['admin.liaoning']);
    expect(forged.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const scoped = await t.gql<{ users: { nodes: { username: string }[] } }>('{ users(first: 100) { nodes { username } } }', {}, tokens['admin.sujiatun']);
    expect(scoped.data!.users.nodes.map((n) => n.username)).toEqual(['admin.sujiatun']);
  });
});
