import { Area } from '../areas/area.entity';
import { Session } from './session.entity';
import { DRIVERS, errorCode, startTestServer, type TestServer } from '../../testing/harness';

/**
 * API tokens with least privilege, tried as an attacker would: a token made by the province's admin
 * is its own principal (an analyst of the token's area, read-only), reads only what its scopes name,
 * and every refusal names the scope that is missing.
 */

type Created = {
  createApiToken: { token: string; apiToken: { id: string; scopes: string[]; area: { name: string }; createdBy: { username: string } } };
};
const CREATE = 'mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { token apiToken { id scopes area { name } createdBy { username } } } }';

type Answer = Awaited<ReturnType<TestServer['gql']>>;
const refusal = (res: Answer) => ({ code: res.errors?.[0]?.extensions?.code, missingScope: res.errors?.[0]?.extensions?.missingScope, message: res.errors?.[0]?.message });

describe.each(DRIVERS)('API tokens with least privilege [%s]', (driver) => {
  let t: TestServer;
  let areaId: (name: string) => string;
  let province: string;
  beforeAll(async () => {
    t = await startTestServer(driver);
    province = await t.login('admin.liaoning');
    const areas = await t.server.db.getRepository(Area).find();
    areaId = (name) => String(areas.find((a) => a.name === name)!.id);
  }, 120_000);
  afterAll(() => t?.close());

  async function create(creator: string, input: Record<string, unknown>) {
    return t.gql<Created>(CREATE, { i: input }, creator);
  }

  it('answers `me` as the token’s own principal, never as the admin who made it', async () => {
    const made = await create(province, { name: '统计局季度分析', scopes: ['READ_FIGURES'], areaId: areaId('沈阳市') });
    expect(made.errors).toBeUndefined();
    const { token, apiToken } = made.data!.createApiToken;
    expect(apiToken).toMatchObject({ scopes: ['READ_FIGURES'], area: { name: '沈阳市' }, createdBy: { username: 'admin.liaoning' } });
    const me = await t.gql<{ me: { username: string; role: string; area: { name: string } } }>('{ me { username role area { name } } }', {}, token);
    expect(me.data!.me).toEqual({ username: `api-token-${apiToken.id}`, role: 'ANALYST', area: { name: '沈阳市' } });
    const current = await t.gql<{ currentApiToken: { id: string; scopes: string[]; lastUsedAt: string | null; lastIp: string | null } }>(
      '{ currentApiToken { id scopes lastUsedAt lastIp } }',
      {},
      token,
    );
    expect(current.data!.currentApiToken).toMatchObject({ id: apiToken.id, scopes: ['READ_FIGURES'] });
    expect(current.data!.currentApiToken.lastUsedAt).not.toBeNull();
    expect(current.data!.currentApiToken.lastIp).toMatch(/127\.0\.0\.1|::1/);
    // The province admin's own session still answers as the admin.
    expect((await t.gql<{ me: { role: string } }>('{ me { role } }', {}, province)).data!.me.role).toBe('ADMIN');
  });

  it('cannot read accounts, the audit log, the tokens, or another scope’s data, and says which scope is missing', async () => {
    const { token } = (await create(province, { name: 'figures only', scopes: ['READ_FIGURES'] })).data!.createApiToken;
    for (const query of ['{ users { totalCount } }', '{ auditLog { totalCount } }', '{ apiTokens { id } }']) {
      expect(refusal(await t.gql(query, {}, token))).toEqual({ code: 'FORBIDDEN', missingScope: null, message: expect.stringContaining('no token scope grants it') });
    }
    expect(refusal(await t.gql('{ projects(first: 1) { totalCount } }', {}, token))).toEqual({
      code: 'FORBIDDEN',
      missingScope: 'read:projects',
      message: expect.stringContaining('read:projects'),
    });
    expect(refusal(await t.gql('{ serviceItems(first: 1) { totalCount } }', {}, token))).toMatchObject({ code: 'FORBIDDEN', missingScope: 'read:services' });
    const stats = await t.gql('query($a: ID!) { investmentStats(areaId: $a, period: "2020-08") { period } }', { a: areaId('沈阳市') }, token);
    expect(stats.errors).toBeUndefined();
    // Read-only: no mutation, not even making another token or signing out.
    expect(errorCode(await create(token, { name: 'escalate', scopes: ['READ_FIGURES'] }))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql('mutation { logout }', {}, token))).toBe('FORBIDDEN');
    expect((await t.gql<{ me: { role: string } }>('{ me { role } }', {}, token)).data!.me.role).toBe('ANALYST');
  });

  it('reads contacts only with read:contacts, which only an admin who reads them may grant', async () => {
    const sujiatun = await t.login('admin.sujiatun');
    const made = await t.gql<{ createSecretary: { id: string } }>(
      'mutation($i: CreateSecretaryInput!) { createSecretary(input: $i) { id } }',
      { i: { districtId: areaId('苏家屯区'), name: '令牌测试秘书', workUnit: '苏家屯区发改局', contact: '手机 139 0000 0000' } },
      sujiatun,
    );
    const contact = (token: string) => t.gql<{ secretary: { name: string; contact: string | null } }>('query($id: ID!) { secretary(id: $id) { name contact } }', { id: made.data!.createSecretary.id }, token);

    const plain = (await create(sujiatun, { name: 'projects', scopes: ['READ_PROJECTS'] })).data!.createApiToken.token;
    const res = await contact(plain);
    expect(res.data?.secretary?.name).toBe('令牌测试秘书');
    expect(res.data?.secretary?.contact ?? null).toBeNull();
    expect(refusal(res)).toMatchObject({ code: 'FORBIDDEN', missingScope: 'read:contacts' });
    expect(refusal(await t.gql('{ lightBoard(period: "2020-08") { period } }', {}, plain))).toMatchObject({ code: 'FORBIDDEN', missingScope: 'read:figures' });

    const granted = (await create(sujiatun, { name: 'contacts', scopes: ['READ_PROJECTS', 'READ_CONTACTS'] })).data!.createApiToken.token;
    expect((await contact(granted)).data!.secretary.contact).toBe('手机 139 0000 0000');

    // An analyst does not read contacts, so it cannot grant them.
    const analyst = await t.login('analyst');
    const refused = await create(analyst, { name: 'contacts', scopes: ['READ_CONTACTS'] });
    expect(refused.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.scopes' });
    expect(refused.errors![0].message).toContain('read:contacts');
    expect(errorCode(await create(sujiatun, { name: 'nothing', scopes: [] }))).toBe('BAD_USER_INPUT');
  });

  it('reads no wider than its creator: inside the area asked for, and never outside the creator’s', async () => {
    const sujiatun = await t.login('admin.sujiatun');
    expect(errorCode(await create(sujiatun, { name: 'wider', scopes: ['READ_FIGURES'], areaId: areaId('沈阳市') }))).toBe('FORBIDDEN');
    const { token } = (await create(province, { name: 'dalian', scopes: ['READ_PROJECTS'], areaId: areaId('大连市') })).data!.createApiToken;
    const districts = (await t.gql<{ districts: { name: string }[] }>('{ districts { name } }', {}, token)).data!.districts.map((d) => d.name);
    expect(districts).toContain('中山区');
    expect(districts).not.toContain('苏家屯区');
    expect(errorCode(await t.gql('query($a: ID!) { district(id: $a) { name } }', { a: areaId('苏家屯区') }, token))).toMatch(/FORBIDDEN|NOT_FOUND/);
  });

  it('lets analysts make, list and revoke their own tokens, and admins manage any in their area', async () => {
    const analyst = await t.login('analyst');
    const shenyang = await t.login('admin.shenyang');
    const dalian = await t.login('admin.dalian');
    const mine = (await create(analyst, { name: '分析员的令牌', scopes: ['READ_FIGURES'], areaId: areaId('沈阳市'), expiresInDays: 30 })).data!.createApiToken;
    const adminsOwn = (await create(shenyang, { name: '沈阳的令牌', scopes: ['READ_FIGURES'] })).data!.createApiToken;
    const list = async (who: string) => ((await t.gql<{ apiTokens: { id: string }[] }>('{ apiTokens { id } }', {}, who)).data?.apiTokens ?? []).map((x) => x.id);

    expect(await list(analyst)).toContain(mine.apiToken.id);
    expect(await list(analyst)).not.toContain(adminsOwn.apiToken.id);
    expect(await list(shenyang)).toEqual(expect.arrayContaining([mine.apiToken.id, adminsOwn.apiToken.id]));
    expect(await list(dalian)).not.toContain(mine.apiToken.id);

    const revoke = (id: string, who: string) => t.gql('mutation($id: ID!) { revokeApiToken(id: $id) { id revokedAt } }', { id }, who);
    expect(errorCode(await revoke(adminsOwn.apiToken.id, analyst))).toBe('NOT_FOUND');
    expect(errorCode(await revoke(mine.apiToken.id, dalian))).toBe('NOT_FOUND');
    expect((await revoke(mine.apiToken.id, analyst)).errors).toBeUndefined();
    expect(errorCode(await t.gql('{ districts { name } }', {}, mine.token))).toBe('UNAUTHENTICATED');
    expect((await revoke(adminsOwn.apiToken.id, shenyang)).errors).toBeUndefined();
    expect(errorCode(await t.gql('{ districts { name } }', {}, adminsOwn.token))).toBe('UNAUTHENTICATED');

    // The analyst's session stays read-only for everything else.
    expect(errorCode(await t.gql('mutation { changePassword(currentPassword: "x", newPassword: "y") }', {}, analyst))).toBe('FORBIDDEN');
  });

  it('stops working when it expires, and stores only its hash', async () => {
    // No scopes named: read:figures only.
    const { token, apiToken } = (await create(province, { name: 'expiring' })).data!.createApiToken;
    expect(apiToken.scopes).toEqual(['READ_FIGURES']);
    const row = await t.server.db.getRepository(Session).findOneByOrFail({ id: Number(apiToken.id) });
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.scopes).toBe('read:figures');
    await t.server.db.getRepository(Session).update(row.id, { expiresAt: new Date(Date.now() - 1000) });
    expect(errorCode(await t.gql('{ districts { name } }', {}, token))).toBe('UNAUTHENTICATED');
  });
});
