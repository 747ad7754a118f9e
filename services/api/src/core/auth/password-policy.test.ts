import { DEMO_PASSWORD } from './seed';
import { User } from './user.entity';
import { DRIVERS, errorCode, startTestServer, type TestServer } from '../../testing/harness';

const LOGIN = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token next } }';
const CHANGE = 'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }';
const ME = '{ me { username mustChangePassword } }';

describe.each(DRIVERS)('the password policy [%s]', (driver) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(driver, { config: { passwordPolicy: { minLength: 12, minClasses: 3, history: 3, adminMaxAgeDays: 90 } } });
  });
  afterAll(() => t.close());

  const login = async (u: string, p: string) => {
    const res = await t.gql<{ login: { token: string; next: string } }>(LOGIN, { u, p });
    if (!res.data?.login) throw new Error(JSON.stringify(res.errors));
    return res.data.login;
  };

  it.each([
    ['Short@2026a', '至少 12 个字符'],
    ['alllowercase2026', '至少 3 类'],
  ])('refuses %p under the configured policy, naming the field', async (next, reason) => {
    const token = await t.login('admin.dalian');
    const res = await t.gql(CHANGE, { c: DEMO_PASSWORD, n: next }, token);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });
    expect(res.errors?.[0].message).toContain(reason);
  });

  it('refuses the last three passwords, the current one included, and takes the fourth back', async () => {
    let password = DEMO_PASSWORD;
    const change = async (next: string) => {
      const token = (await login('admin.zhongshan', password)).token;
      return t.gql<{ changePassword: boolean }>(CHANGE, { c: password, n: next }, token);
    };
    const steps: Array<[string, 'ok' | 'reused']> = [
      [DEMO_PASSWORD, 'reused'],
      ['Zhongshan@2026b', 'ok'],
      [DEMO_PASSWORD, 'reused'],
      ['Zhongshan@2026b', 'reused'],
      ['Zhongshan@2026c', 'ok'],
      ['Zhongshan@2026d', 'ok'],
      [DEMO_PASSWORD, 'ok'],
    ];
    const outcomes: string[] = [];
    for (const [next, expected] of steps) {
      const res = await change(next);
      const outcome = res.data?.changePassword ? 'ok' : res.errors?.[0].message.includes('最近 3 次') ? 'reused' : JSON.stringify(res.errors);
      if (outcome === 'ok') password = next;
      outcomes.push(`${next} ${outcome}`);
      expect(outcome).toBe(expected);
    }
    expect(outcomes).toHaveLength(steps.length);
  });

  it('makes a temporary password set by an admin change at the first sign-in, before anything is read', async () => {
    const admin = await t.login('admin.sujiatun');
    const districts = await t.gql<{ districts: { id: string; name: string }[] }>('{ districts { id name } }', {}, admin);
    const sujiatun = districts.data!.districts.find((d) => d.name === '苏家屯区')!.id;
    const created = await t.gql<{ createUser: { id: string } }>(
      'mutation($i: CreateUserInput!) { createUser(input: $i) { id mustChangePassword } }',
      { i: { username: 'policy.new', displayName: '新秘书', role: 'SECRETARY', areaId: sujiatun, password: 'Temporary@2026' } },
      admin,
    );
    expect(created.errors).toBeUndefined();

    const first = await login('policy.new', 'Temporary@2026');
    expect(first.next).toBe('CHANGE_PASSWORD');
    expect((await t.gql<{ me: unknown }>(ME, {}, first.token)).data?.me).toBeNull();
    expect(errorCode(await t.gql('{ projects(first: 1) { totalCount } }', {}, first.token))).toBe('UNAUTHENTICATED');
    // The temporary password itself is not a new one.
    const same = await t.gql(CHANGE, { c: 'Temporary@2026', n: 'Temporary@2026' }, first.token);
    expect(same.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });
    const changed = await t.gql<{ changePassword: boolean }>(CHANGE, { c: 'Temporary@2026', n: 'MyOwn@Password2026' }, first.token);
    expect(changed.data?.changePassword).toBe(true);
    expect((await t.gql<{ signInStep: string | null }>('{ signInStep }', {}, first.token)).data?.signInStep).toBeNull();
    expect((await t.gql<{ me: unknown }>(ME, {}, first.token)).data?.me).toEqual({ username: 'policy.new', mustChangePassword: false });
    expect((await login('policy.new', 'MyOwn@Password2026')).next).toBe('DONE');

    // A reset by the admin: temporary again, and every session of the account ends at once.
    const live = (await login('policy.new', 'MyOwn@Password2026')).token;
    const other = await t.login('admin.dadong');
    expect(errorCode(await t.gql('mutation($id: ID!, $p: String!) { resetUserPassword(id: $id, password: $p) { id } }', { id: created.data!.createUser.id, p: 'Reset@Password2026' }, other))).toBe('NOT_FOUND');
    const reset = await t.gql<{ resetUserPassword: { mustChangePassword: boolean } }>(
      'mutation($id: ID!, $p: String!) { resetUserPassword(id: $id, password: $p) { mustChangePassword } }',
      { id: created.data!.createUser.id, p: 'Reset@Password2026' },
      admin,
    );
    expect(reset.data?.resetUserPassword).toEqual({ mustChangePassword: true });
    expect((await t.gql<{ me: unknown }>(ME, {}, live)).data?.me).toBeNull();
    expect((await login('policy.new', 'Reset@Password2026')).next).toBe('CHANGE_PASSWORD');
  });

  it('makes an admin whose password is older than the maximum age change it; others are not asked', async () => {
    const old = new Date(Date.now() - 91 * 86_400_000);
    await t.server.db.getRepository(User).update({ username: 'admin.fuxin' }, { passwordChangedAt: old });
    await t.server.db.getRepository(User).update({ username: 'secretary.lijun' }, { passwordChangedAt: old });
    expect((await login('admin.fuxin', DEMO_PASSWORD)).next).toBe('CHANGE_PASSWORD');
    expect((await login('secretary.lijun', DEMO_PASSWORD)).next).toBe('DONE');
    await t.server.db.getRepository(User).update({ username: 'admin.fuxin' }, { passwordChangedAt: new Date(Date.now() - 89 * 86_400_000) });
    expect((await login('admin.fuxin', DEMO_PASSWORD)).next).toBe('DONE');
  });
});
