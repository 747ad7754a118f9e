import { totpCode } from '../../services/api/src/core/auth/totp';
import { DRIVERS, startTestServer, type TestServer } from '../../services/api/src/testing/harness';

const DEMO_PASSWORD = 'Liaoning@2020';
const NEW_PASSWORD = 'Secret#Rotated2026';
const NEW_ACCOUNT_PASSWORD = 'Fresh$Account2026';

/** Every text cell of every table, to look for secrets at rest. */
async function everyCell(t: TestServer): Promise<string[]> {
  const cells: string[] = [];
  for (const meta of t.server.db.entityMetadatas) {
    const rows: Record<string, unknown>[] = await t.server.db.query(`SELECT * FROM ${t.server.db.driver.escape(meta.tableName)}`);
    for (const row of rows) for (const value of Object.values(row)) if (value !== null) cells.push(Buffer.isBuffer(value) ? value.toString('latin1') : String(value));
  }
  return cells;
}

describe.each(DRIVERS)('secrets [%s]', (driver) => {
  let t: TestServer;
  const secrets: string[] = [DEMO_PASSWORD, NEW_PASSWORD, NEW_ACCOUNT_PASSWORD];
  const answers: string[] = [];
  /** The authenticator's secret: kept at rest (it checks the codes), but never logged nor answered twice. */
  let totpSecret = '';

  beforeAll(async () => {
    t = await startTestServer(driver);
    const post = async (body: unknown, token?: string) => {
      const res = await fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
      const text = await res.text();
      answers.push(text);
      return JSON.parse(text) as { data?: Record<string, { token?: string; apiToken?: unknown }> };
    };
    // A session, an API token, a changed password, a new account, and failures around each.
    const login = await post({ query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', variables: { u: 'admin.sujiatun', p: DEMO_PASSWORD } });
    const session = login.data!.login.token!;
    secrets.push(session);
    await post({ query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', variables: { u: 'admin.sujiatun', p: `${DEMO_PASSWORD}x` } });
    const api = await post({ query: 'mutation { createApiToken(input: { name: "报表工具", scopes: [READ_FIGURES] }) { token } }' }, session);
    secrets.push(api.data!.createApiToken.token!);
    await post({ query: '{ me { username } }' }, `${session}tampered`);
    await post({ query: '{ me { username } }' }, api.data!.createApiToken.token!);
    await post({ query: 'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }', variables: { c: 'wrong-current', n: NEW_PASSWORD } }, session);
    await post({ query: 'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }', variables: { c: DEMO_PASSWORD, n: NEW_PASSWORD } }, session);
    const second = await post({ query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', variables: { u: 'admin.sujiatun', p: NEW_PASSWORD } });
    secrets.push(second.data!.login.token!);
    const sujiatun = await post({ query: '{ districts { id name } }' }, second.data!.login.token!);
    const districtId = (sujiatun.data!.districts as unknown as { id: string; name: string }[]).find((d) => d.name === '苏家屯区')!.id;
    await post(
      {
        query: 'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
        variables: { i: { username: 'secretary.new', displayName: '新秘书', role: 'SECRETARY', areaId: districtId, password: NEW_ACCOUNT_PASSWORD } },
      },
      second.data!.login.token!,
    );
    await post({ query: 'mutation { logout }' }, second.data!.login.token!);
    // A second factor enrolled: its secret, a code, and the ten recovery codes (two of them used, one wrongly).
    const lijun = (await post({ query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', variables: { u: 'secretary.lijun', p: DEMO_PASSWORD } })).data!.login.token!;
    secrets.push(lijun);
    const begun = (await post({ query: 'mutation { beginTotpEnrolment { secret } }' }, lijun)) as { data: { beginTotpEnrolment: { secret: string } } };
    totpSecret = begun.data.beginTotpEnrolment.secret;
    const enrolled = (await post({ query: 'mutation($c: String!) { confirmTotpEnrolment(code: $c) { recoveryCodes } }', variables: { c: totpCode(totpSecret, Date.now()) } }, lijun)) as unknown as {
      data: { confirmTotpEnrolment: { recoveryCodes: string[] } };
    };
    const codes = enrolled.data.confirmTotpEnrolment.recoveryCodes;
    expect(codes).toHaveLength(10);
    secrets.push(...codes, ...codes.map((c) => c.replace('-', '')));
    const pending = (await post({ query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', variables: { u: 'secretary.lijun', p: DEMO_PASSWORD } })).data!.login.token!;
    secrets.push(pending);
    await post({ query: 'mutation($c: String!) { verifySignInCode(code: $c) }', variables: { c: 'zzzzz-zzzzz' } }, pending);
    await post({ query: 'mutation($c: String!) { verifySignInCode(code: $c) }', variables: { c: codes[0] } }, pending);
  });
  afterAll(() => t.close());

  it('writes no password or token into any log line', () => {
    expect(t.logLines.length).toBeGreaterThan(10);
    for (const secret of secrets) expect(t.logLines.filter((line) => line.includes(secret))).toEqual([]);
  });

  it('answers no password or token back except the new token to its owner', () => {
    const leaks = answers.flatMap((answer) => secrets.filter((s) => answer.includes(s)).map((s) => ({ s, answer })));
    // A token appears in exactly one answer: the one that created it.
    for (const secret of secrets) expect(leaks.filter((l) => l.s === secret).length).toBeLessThanOrEqual(1);
    for (const password of [DEMO_PASSWORD, NEW_PASSWORD, NEW_ACCOUNT_PASSWORD]) expect(leaks.filter((l) => l.s === password)).toEqual([]);
  });

  it('keeps no password or token at rest: every cell of every table is searched', async () => {
    // The secrets searched for are real: the new account's password signs it in.
    expect(await t.login('secretary.new', NEW_ACCOUNT_PASSWORD)).toMatch(/^kpd_/);
    const cells = await everyCell(t);
    expect(cells.length).toBeGreaterThan(100);
    for (const secret of secrets) expect(cells.filter((c) => c.includes(secret))).toEqual([]);
  });

  it('logs the authenticator secret nowhere and answers it only to the enrolment that made it', async () => {
    expect(totpSecret).toMatch(/^[A-Z2-7]{32}$/);
    expect(t.logLines.filter((line) => line.includes(totpSecret))).toEqual([]);
    expect(answers.filter((a) => a.includes(totpSecret))).toHaveLength(1);
  });

  it('sets the session cookie httpOnly and SameSite, Secure only behind TLS', async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation { login(username: "admin.dadong", password: "Liaoning@2020") { token } }' }),
    });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);
  });
});

describe('the session cookie behind a TLS-terminating proxy', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer('sqlite', { env: { TRUST_PROXY: '1' } });
  });
  afterAll(() => t.close());

  it('is Secure when the proxy says the request came over HTTPS', async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
      body: JSON.stringify({ query: 'mutation { login(username: "admin.dadong", password: "Liaoning@2020") { token } }' }),
    });
    expect(res.headers.get('set-cookie')).toMatch(/; Secure/i);
  });
});
