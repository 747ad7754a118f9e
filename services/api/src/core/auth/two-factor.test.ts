import { DEMO_PASSWORD } from './seed';
import { RecoveryCode } from './recovery-code.entity';
import { totpCode } from './totp';
import { User } from './user.entity';
import { DRIVERS, errorCode, type GraphQLResponse, startTestServer, type TestServer } from '../../testing/harness';

const LOGIN = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token next user { username } } }';
const VERIFY = 'mutation($c: String!) { verifySignInCode(code: $c) }';
const BEGIN = 'mutation { beginTotpEnrolment { secret otpauthUri account issuer } }';
const CONFIRM = 'mutation($c: String!) { confirmTotpEnrolment(code: $c) { recoveryCodes next } }';
const STEP = '{ signInStep }';
const ME = '{ me { username } }';
const READS = '{ districts { id name } }';

interface Login {
  login: { token: string; next: string; user: { username: string } };
}

/** Every read a stolen password could try with the session it got: none answers. */
async function readsNothing(t: TestServer, token: string): Promise<void> {
  expect((await t.gql<{ me: unknown }>(ME, {}, token)).data?.me).toBeNull();
  expect(errorCode(await t.gql(READS, {}, token))).toBe('UNAUTHENTICATED');
  expect(errorCode(await t.gql('{ users { totalCount } }', {}, token))).toBe('UNAUTHENTICATED');
  expect(errorCode(await t.gql('{ mySessions { id } }', {}, token))).toBe('UNAUTHENTICATED');
  expect(errorCode(await t.gql('mutation { createApiToken(input: { name: "x", scopes: [READ_FIGURES] }) { token } }', {}, token))).toBe('UNAUTHENTICATED');
}

describe.each(DRIVERS)('two-factor sign-in (TOTP) [%s]', (driver) => {
  let t: TestServer;
  let secret = '';
  let recovery: string[] = [];
  beforeAll(async () => {
    t = await startTestServer(driver, { config: { adminTotp: 'required', lockout: { maxAttempts: 3, minutes: 15 } } });
  });
  afterAll(() => t.close());

  const login = async (username = 'admin.liaoning', password = DEMO_PASSWORD) => {
    const res = await t.gql<Login>(LOGIN, { u: username, p: password });
    expect(res.errors).toBeUndefined();
    return res.data!.login;
  };

  it('sends an admin without a second factor to enrolment, and the session reads nothing until it is done', async () => {
    const first = await login();
    expect(first.next).toBe('ENROL_TOTP');
    expect((await t.gql<{ signInStep: string }>(STEP, {}, first.token)).data?.signInStep).toBe('ENROL_TOTP');
    await readsNothing(t, first.token);
    // A code for a secret never shown confirms nothing.
    expect(errorCode(await t.gql(CONFIRM, { c: '123456' }, first.token))).toBe('BAD_USER_INPUT');

    const begin = await t.gql<{ beginTotpEnrolment: { secret: string; otpauthUri: string; account: string } }>(BEGIN, {}, first.token);
    expect(begin.errors).toBeUndefined();
    secret = begin.data!.beginTotpEnrolment.secret;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(begin.data!.beginTotpEnrolment.otpauthUri).toContain(`secret=${secret}`);
    expect(begin.data!.beginTotpEnrolment.account).toBe('admin.liaoning');

    const wrong = await t.gql(CONFIRM, { c: totpCode(secret, Date.now() - 5 * 30_000) }, first.token);
    expect(wrong.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
    const done = await t.gql<{ confirmTotpEnrolment: { recoveryCodes: string[]; next: string } }>(CONFIRM, { c: totpCode(secret, Date.now()) }, first.token);
    expect(done.errors).toBeUndefined();
    expect(done.data!.confirmTotpEnrolment.next).toBe('DONE');
    recovery = done.data!.confirmTotpEnrolment.recoveryCodes;
    expect(recovery).toHaveLength(10);
    expect(new Set(recovery).size).toBe(10);
    for (const c of recovery) expect(c).toMatch(/^[a-z2-7]{5}-[a-z2-7]{5}$/);
    // Signed in now; the codes are kept only as hashes.
    expect((await t.gql<{ me: { username: string } }>(ME, {}, first.token)).data?.me?.username).toBe('admin.liaoning');
    const user = await t.server.db.getRepository(User).findOneByOrFail({ username: 'admin.liaoning' });
    const stored = await t.server.db.getRepository(RecoveryCode).findBy({ userId: user.id });
    expect(stored).toHaveLength(10);
    for (const c of recovery) expect(JSON.stringify(stored)).not.toContain(c.replace('-', ''));
    // Enrolled once: a second enrolment is refused.
    expect(errorCode(await t.gql(BEGIN, {}, first.token))).toBe('CONFLICT');
  });

  it('a stolen password without the second factor gets nothing', async () => {
    const stolen = await login();
    expect(stolen.next).toBe('TOTP');
    await readsNothing(t, stolen.token);
    // Nor can it enrol an authenticator of its own, change the password or sign in as signed in.
    expect(errorCode(await t.gql(BEGIN, {}, stolen.token))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql('mutation { changePassword(currentPassword: "Liaoning@2020", newPassword: "Stolen@Password2026") }', {}, stolen.token))).toBe('UNAUTHENTICATED');
    // And without any session the second step is refused.
    expect(errorCode(await t.gql(VERIFY, { c: totpCode(secret, Date.now()) }))).toBe('UNAUTHENTICATED');
  });

  it('signs in with the code, and refuses the same code again (replay)', async () => {
    const a = await login();
    const code = totpCode(secret, Date.now() + 30_000);
    const ok = await t.gql<{ verifySignInCode: string }>(VERIFY, { c: code }, a.token);
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.verifySignInCode).toBe('DONE');
    expect((await t.gql<{ me: { username: string } }>(ME, {}, a.token)).data?.me?.username).toBe('admin.liaoning');

    const b = await login();
    const replay = await t.gql(VERIFY, { c: code }, b.token);
    expect(replay.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
    expect(replay.errors?.[0].message).toContain('已使用');
    await readsNothing(t, b.token);
    // An older code of the window is refused too: codes only move forward.
    expect(errorCode(await t.gql(VERIFY, { c: totpCode(secret, Date.now()) }, b.token))).toBe('BAD_USER_INPUT');
    await t.server.db.getRepository(User).update({ username: 'admin.liaoning' }, { failedLogins: 0 });
  });

  it('lets exactly one of two concurrent requests with the same code through', async () => {
    const [a, b] = [await login(), await login()];
    // The last accepted step was now+1; now+1 itself is used, so ask with a fresh account state.
    await t.server.db.getRepository(User).update({ username: 'admin.liaoning' }, { totpLastStep: null, failedLogins: 0 });
    const code = totpCode(secret, Date.now());
    const answers = await Promise.all([t.gql<{ verifySignInCode: string }>(VERIFY, { c: code }, a.token), t.gql<{ verifySignInCode: string }>(VERIFY, { c: code }, b.token)]);
    expect(answers.filter((r) => r.data?.verifySignInCode === 'DONE')).toHaveLength(1);
    expect(answers.filter((r) => errorCode(r) === 'BAD_USER_INPUT')).toHaveLength(1);
    await t.server.db.getRepository(User).update({ username: 'admin.liaoning' }, { failedLogins: 0 });
  });

  it('accepts each recovery code once', async () => {
    const a = await login();
    expect((await t.gql<{ verifySignInCode: string }>(VERIFY, { c: recovery[0].toUpperCase() }, a.token)).data?.verifySignInCode).toBe('DONE');
    expect((await t.gql<{ me: { username: string } }>(ME, {}, a.token)).data?.me?.username).toBe('admin.liaoning');
    const b = await login();
    expect(errorCode(await t.gql(VERIFY, { c: recovery[0] }, b.token))).toBe('BAD_USER_INPUT');
    const left = await t.gql<{ myTwoFactor: { enabled: boolean; required: boolean; recoveryCodesLeft: number } }>('{ myTwoFactor { enabled required recoveryCodesLeft } }', {}, a.token);
    expect(left.data?.myTwoFactor).toEqual({ enabled: true, required: true, recoveryCodesLeft: 9 });
    await t.server.db.getRepository(User).update({ username: 'admin.liaoning' }, { failedLogins: 0 });
  });

  it('locks the account after repeated wrong codes, like wrong passwords (brute force)', async () => {
    const [{ m }] = (await t.server.db.query('SELECT MAX(id) AS m FROM audit_records')) as { m: unknown }[];
    const a = await login();
    const guesses: GraphQLResponse[] = [];
    for (const guess of ['000000', '111111', '222222']) guesses.push(await t.gql(VERIFY, { c: guess }, a.token));
    expect(guesses.slice(0, 2).map(errorCode)).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT']);
    expect(errorCode(guesses[2])).toBe('UNAUTHENTICATED');
    expect(guesses[2].errors?.[0].extensions?.reason).toBe('LOCKED');
    // Locked: even the right code is refused now, and so is the password.
    const right = await t.gql(VERIFY, { c: totpCode(secret, Date.now() + 30_000) }, a.token);
    expect(right.errors?.[0].extensions?.reason).toBe('LOCKED');
    await readsNothing(t, a.token);
    const again = await t.gql(LOGIN, { u: 'admin.liaoning', p: DEMO_PASSWORD });
    expect(again.errors?.[0].extensions?.reason).toBe('LOCKED');
    const audit = (await t.server.db.query("SELECT action FROM audit_records WHERE action IN ('auth.totp_failed', 'auth.locked') AND id > ?", [Number(m)])) as { action: string }[];
    expect(audit.map((r) => r.action).sort()).toEqual(['auth.locked', 'auth.totp_failed', 'auth.totp_failed']);
  });

  it('leaves the second factor optional for others, and enrols a secretary who asks', async () => {
    const s = await login('secretary.lijun');
    expect(s.next).toBe('DONE');
    const begin = await t.gql<{ beginTotpEnrolment: { secret: string } }>(BEGIN, {}, s.token);
    const own = begin.data!.beginTotpEnrolment.secret;
    const done = await t.gql<{ confirmTotpEnrolment: { next: string } }>(CONFIRM, { c: totpCode(own, Date.now()) }, s.token);
    expect(done.data?.confirmTotpEnrolment.next).toBe('DONE');
    const next = await login('secretary.lijun');
    expect(next.next).toBe('TOTP');
    expect((await t.gql<{ verifySignInCode: string }>(VERIFY, { c: totpCode(own, Date.now() + 30_000) }, next.token)).data?.verifySignInCode).toBe('DONE');
  });

  it('lets an admin of the area remove a lost second factor: the sessions end and the account signs in with its password', async () => {
    const repo = t.server.db.getRepository(User);
    await repo.update({ username: 'secretary.lijun' }, { totpLastStep: null });
    const lijun = await login('secretary.lijun');
    const own = (await repo.findOneByOrFail({ username: 'secretary.lijun' })).totpSecret!;
    expect((await t.gql<{ verifySignInCode: string }>(VERIFY, { c: totpCode(own, Date.now()) }, lijun.token)).data?.verifySignInCode).toBe('DONE');
    const RESET = 'mutation($id: ID!) { resetUserTwoFactor(id: $id) { username totpEnabledAt } }';
    const user = await repo.findOneByOrFail({ username: 'secretary.lijun' });
    // Two admins with authenticators: 大连市's (the secretary's city) and 阜新市's.
    const KEY = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
    await repo.update({ username: 'admin.dalian' }, { totpSecret: KEY });
    await repo.update({ username: 'admin.fuxin' }, { totpSecret: KEY });
    const adminWithCode = async (username: string) => {
      const l = await login(username);
      expect((await t.gql<{ verifySignInCode: string }>(VERIFY, { c: totpCode(KEY, Date.now()) }, l.token)).data?.verifySignInCode).toBe('DONE');
      return l;
    };
    const dalian = await adminWithCode('admin.dalian');
    const fuxin = await adminWithCode('admin.fuxin');
    expect(errorCode(await t.gql(RESET, { id: String(user.id) }, fuxin.token))).toBe('NOT_FOUND');
    const reset = await t.gql<{ resetUserTwoFactor: { username: string; totpEnabledAt: string | null } }>(RESET, { id: String(user.id) }, dalian.token);
    expect(reset.data?.resetUserTwoFactor).toEqual({ username: 'secretary.lijun', totpEnabledAt: null });
    expect((await t.gql<{ me: unknown }>(ME, {}, lijun.token)).data?.me).toBeNull();
    expect((await login('secretary.lijun')).next).toBe('DONE');
    expect(await t.server.db.getRepository(RecoveryCode).countBy({ userId: user.id })).toBe(0);
    // An admin's own second factor is reset by another admin, never by itself.
    const self = await t.gql(RESET, { id: String((await t.server.db.getRepository(User).findOneByOrFail({ username: 'admin.dalian' })).id) }, dalian.token);
    expect(self.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
