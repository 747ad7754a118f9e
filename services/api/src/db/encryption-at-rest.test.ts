import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { encryptedFields, fieldKeyring, keyringFromEnv, useFieldKeyring, type FieldKeyring } from '../core/crypto/field-encryption';
import { NoticeChannel } from '../core/notices/notice.entity';
import { User } from '../core/auth/user.entity';
import { DEMO_PASSWORD } from '../core/auth/seed';
import { totpCode } from '../core/auth/totp';
import { sqliteFile } from './data-source';
import { CHANNEL_SECRET_COLUMNS, FIRST_ENCRYPTED_COLUMNS, forgetOldPages, rewriteColumns, valuesNotUnder } from './encrypt-columns';
import { DRIVERS, TEST_FIELD_KEY, startTestServer, type TestServer } from '../testing/harness';
import { REPO } from '../testing/source-files';

/** Runs a command without blocking this process (the test server lives in it). */
function runScript(file: string, args: string[], options: { env: NodeJS.ProcessEnv; timeout: number }): Promise<{ stdout: string; stderr: string; status: number | null }> {
  return new Promise((resolve) => {
    execFile(file, args, { ...options, encoding: 'utf8' }, (error, stdout, stderr) => resolve({ stdout, stderr, status: error ? ((error as { code?: number }).code ?? 1) : 0 }));
  });
}

const PHONE = '13912345678';
const CREATE = 'mutation($i: CreateSecretaryInput!) { createSecretary(input: $i) { id contact } }';
const UPDATE = 'mutation($id: ID!, $i: UpdateSecretaryInput!) { updateSecretary(id: $id, input: $i) { id contact version } }';

/** Every byte of the database as someone who copied it would have it: the SQLite file and its WAL, or a mysqldump. */
function stolenCopy(t: TestServer): Buffer {
  if (t.databaseUrl.startsWith('sqlite:')) {
    const file = sqliteFile(t.databaseUrl);
    return Buffer.concat([file, `${file}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f)));
  }
  const u = new URL(t.databaseUrl);
  return execFileSync('mysqldump', ['-h', u.hostname, '-P', u.port || '3306', '-u', decodeURIComponent(u.username), '--single-transaction', '--skip-extended-insert', u.pathname.slice(1)], {
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, MYSQL_PWD: decodeURIComponent(u.password) },
  });
}

describe.each(DRIVERS)('encryption at rest [%s]', (driver) => {
  let t: TestServer;
  let admin = '';
  let secret = '';
  let secretaryId = '';
  const previous: FieldKeyring = fieldKeyring();
  beforeAll(async () => {
    t = await startTestServer(driver);
    admin = await t.login('admin.sujiatun');
  });
  afterAll(async () => {
    await t.close();
    useFieldKeyring(previous);
  });

  it('keeps phone numbers and TOTP secrets out of a copy of the database, and reads them back', async () => {
    const district = await t.gql<{ districts: { id: string; name: string }[] }>('{ districts { id name } }', {}, admin);
    const sujiatun = district.data!.districts.find((d) => d.name === '苏家屯区')!.id;
    const made = await t.gql<{ createSecretary: { id: string; contact: string } }>(CREATE, { i: { districtId: sujiatun, name: '王加密', workUnit: '苏家屯区发改局', contact: `手机 ${PHONE}` } }, admin);
    expect(made.errors).toBeUndefined();
    secretaryId = made.data!.createSecretary.id;
    expect(made.data!.createSecretary.contact).toBe(`手机 ${PHONE}`);
    const changed = await t.gql<{ updateSecretary: { contact: string } }>(UPDATE, { id: secretaryId, i: { version: 1, contact: `手机 ${PHONE.replace('8', '9')}` } }, admin);
    expect(changed.data?.updateSecretary.contact).toBe(`手机 ${PHONE.replace('8', '9')}`);

    const begin = await t.gql<{ beginTotpEnrolment: { secret: string } }>('mutation { beginTotpEnrolment { secret } }', {}, admin);
    secret = begin.data!.beginTotpEnrolment.secret;
    const confirmed = await t.gql('mutation($c: String!) { confirmTotpEnrolment(code: $c) { next } }', { c: totpCode(secret, Date.now()) }, admin);
    expect(confirmed.errors).toBeUndefined();

    const copy = stolenCopy(t);
    expect(copy.includes('苏家屯区发改局')).toBe(true); // the copy is readable: the checks below can fail
    expect(copy.includes(PHONE)).toBe(false);
    expect(copy.includes(PHONE.replace('8', '9'))).toBe(false);
    expect(copy.includes(secret)).toBe(false);
    expect(copy.toString('latin1')).toMatch(/enc:test:[A-Za-z0-9_-]{40,}/);
  });

  it('writes the audit trail a fingerprint of a changed phone number, not the number', async () => {
    const rows: { after: string }[] = await t.server.db.query("SELECT after FROM audit_records WHERE action IN ('secretary.create', 'secretary.update')".replace('after', driver === 'mysql' ? '`after`' : '"after"'));
    expect(rows).toHaveLength(2);
    for (const r of rows) expect(JSON.parse(r.after).contact).toMatch(/^\[已加密 [0-9a-f]{12}\]$/);
    expect(JSON.parse(rows[0].after).contact).not.toBe(JSON.parse(rows[1].after).contact);
  });

  it('encrypts values written in clear before the upgrade, and rotates them to a new key', async () => {
    const runner = t.server.db.createQueryRunner();
    try {
      await runner.query('UPDATE secretaries SET contact = ? WHERE id = ?', [`办公室 ${PHONE}`, secretaryId]);
      const current = keyringFromEnv({ FIELD_ENCRYPTION_KEY: TEST_FIELD_KEY }, true);
      expect(await valuesNotUnder(runner, FIRST_ENCRYPTED_COLUMNS, 'test')).toBe(1);
      expect(await rewriteColumns(runner, FIRST_ENCRYPTED_COLUMNS, 'encrypt', current)).toBe(1);
      await forgetOldPages(runner);
      expect(stolenCopy(t).includes(PHONE)).toBe(false);

      const next = keyringFromEnv({ FIELD_ENCRYPTION_KEY: `k2:${'5a'.repeat(32)}`, FIELD_ENCRYPTION_OLD_KEYS: TEST_FIELD_KEY }, true);
      expect(await rewriteColumns(runner, FIRST_ENCRYPTED_COLUMNS, 'encrypt', next)).toBe(2); // the contact and the TOTP secret
      expect(await valuesNotUnder(runner, FIRST_ENCRYPTED_COLUMNS, 'k2')).toBe(0);
      expect(await rewriteColumns(runner, FIRST_ENCRYPTED_COLUMNS, 'encrypt', next)).toBe(0); // run again: nothing left

      // The command does the same under a third key, and the service with only that key reads the
      // contact and accepts a code from the same TOTP secret.
      const k3 = `k3:${'6b'.repeat(32)}`;
      const run = await runScript(process.execPath, ['-r', path.join(REPO, 'services/api/src/testing/ts-register.js'), path.join(REPO, 'services/api/src/scripts/rotate-field-key.ts')], {
        env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: t.databaseUrl, FIELD_ENCRYPTION_KEY: k3, FIELD_ENCRYPTION_OLD_KEYS: `k2:${'5a'.repeat(32)}` },
        timeout: 120_000,
      });
      expect(run.stderr).toBe('');
      expect(run.stdout).toMatch(/rewrote 2 values under key "k3" .*; 0 left under another key/);
      expect(run.status).toBe(0);
      useFieldKeyring(keyringFromEnv({ FIELD_ENCRYPTION_KEY: k3 }, true));
      const read = await t.gql<{ secretary: { contact: string } }>('query($id: ID!) { secretary(id: $id) { contact } }', { id: secretaryId }, admin);
      expect(read.data?.secretary.contact).toBe(`办公室 ${PHONE}`);
      const login = await t.gql<{ login: { next: string; token: string } }>('mutation($u: String!, $p: String!) { login(username: $u, password: $p) { next token } }', { u: 'admin.sujiatun', p: DEMO_PASSWORD });
      expect(login.data?.login.next).toBe('TOTP');
      const verified = await t.gql<{ verifySignInCode: string }>('mutation($c: String!) { verifySignInCode(code: $c) }', { c: totpCode(secret, Date.now() + 30_000) }, login.data!.login.token);
      expect(verified.errors).toBeUndefined();
    } finally {
      await runner.release();
      useFieldKeyring(keyringFromEnv({ FIELD_ENCRYPTION_KEY: TEST_FIELD_KEY }, true));
    }
  });

  it('moves every value from AES-256-GCM to SM4 (FIELD_CIPHER=sm4) with the rotation command, and back', async () => {
    // The values are under k3 (AES-256-GCM) from the test above; the same key, now with SM4.
    const k3 = `k3:${'6b'.repeat(32)}`;
    const runner = t.server.db.createQueryRunner();
    try {
      expect(await valuesNotUnder(runner, FIRST_ENCRYPTED_COLUMNS, 'k3', 'sm4')).toBe(2);
      expect(await valuesNotUnder(runner, FIRST_ENCRYPTED_COLUMNS, 'k3', 'aes-256-gcm')).toBe(0);
      const run = await runScript(process.execPath, ['-r', path.join(REPO, 'services/api/src/testing/ts-register.js'), path.join(REPO, 'services/api/src/scripts/rotate-field-key.ts')], {
        env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: t.databaseUrl, FIELD_CIPHER: 'sm4', FIELD_ENCRYPTION_KEY: k3 },
        timeout: 120_000,
      });
      expect(run.stderr).toBe('');
      expect(run.stdout).toMatch(/rewrote 2 values under key "k3" \(sm4\) .*; 0 left under another key or algorithm/);
      expect(run.status).toBe(0);
      const [row]: { contact: string }[] = await runner.query('SELECT contact FROM secretaries WHERE id = ?', [secretaryId]);
      expect(row.contact).toMatch(/^enc:k3:sm4:[A-Za-z0-9_-]{60,}$/);
      expect(await valuesNotUnder(runner, FIRST_ENCRYPTED_COLUMNS, 'k3', 'sm4')).toBe(0);
      expect(await valuesNotUnder(runner, FIRST_ENCRYPTED_COLUMNS, 'k3', 'aes-256-gcm')).toBe(2);
      expect(stolenCopy(t).includes(PHONE)).toBe(false);

      // The service configured for SM4 reads the contact and accepts a code from the same TOTP secret.
      const sm4 = keyringFromEnv({ FIELD_CIPHER: 'sm4', FIELD_ENCRYPTION_KEY: k3 }, true);
      useFieldKeyring(sm4);
      const read = await t.gql<{ secretary: { contact: string; version: number } }>('query($id: ID!) { secretary(id: $id) { contact version } }', { id: secretaryId }, admin);
      expect(read.data?.secretary.contact).toBe(`办公室 ${PHONE}`);
      expect((await t.server.db.getRepository(User).findOneByOrFail({ username: 'admin.sujiatun' })).totpSecret).toBe(secret);
      // A value written now is SM4.
      const changed = await t.gql<{ updateSecretary: { contact: string } }>(UPDATE, { id: secretaryId, i: { version: read.data!.secretary.version, contact: `手机 ${PHONE}` } }, admin);
      expect(changed.errors).toBeUndefined();
      const [written]: { contact: string }[] = await runner.query('SELECT contact FROM secretaries WHERE id = ?', [secretaryId]);
      expect(written.contact).toMatch(/^enc:k3:sm4:/);

      // And back to AES-256-GCM under the same key: the rotation is the same step either way.
      const aes = keyringFromEnv({ FIELD_CIPHER: 'aes-256-gcm', FIELD_ENCRYPTION_KEY: k3 }, true);
      expect(await rewriteColumns(runner, FIRST_ENCRYPTED_COLUMNS, 'encrypt', aes)).toBe(2);
      expect(await valuesNotUnder(runner, FIRST_ENCRYPTED_COLUMNS, 'k3', 'aes-256-gcm')).toBe(0);
      useFieldKeyring(aes);
      const again = await t.gql<{ secretary: { contact: string } }>('query($id: ID!) { secretary(id: $id) { contact } }', { id: secretaryId }, admin);
      expect(again.data?.secretary.contact).toBe(`手机 ${PHONE}`);
    } finally {
      await runner.release();
      useFieldKeyring(keyringFromEnv({ FIELD_ENCRYPTION_KEY: TEST_FIELD_KEY }, true));
    }
  });
});

describe.each(DRIVERS)('outbound channels’ signing secrets at rest [%s]', (driver) => {
  const SECRET = 'gateway-signing-secret-7f3a9c2e51';
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(driver);
  });
  afterAll(() => t.close());

  it('keeps a webhook channel’s secret out of a copy of the database, signs with it, and encrypts one left in clear before the upgrade', async () => {
    const admin = await t.login('admin.sujiatun');
    const saved = await t.gql<{ saveNoticeChannel: { id: string; hasSecret: boolean } }>(
      'mutation($s: String) { saveNoticeChannel(input: { kind: DINGTALK, name: "钉钉网关", url: "http://127.0.0.1:9/hook", secret: $s, enabled: false }) { id hasSecret } }',
      { s: SECRET },
      admin,
    );
    expect(saved.errors).toBeUndefined();
    const id = Number(saved.data!.saveNoticeChannel.id);
    const [row]: { secret: string }[] = await t.server.db.query('SELECT secret FROM notice_channels WHERE id = ?', [id]);
    expect(row.secret).toMatch(/^enc:test:[A-Za-z0-9_-]{40,}$/);
    const copy = stolenCopy(t);
    expect(copy.includes('钉钉网关')).toBe(true);
    expect(copy.includes(SECRET)).toBe(false);
    // The delivery worker reads the channel through its entity: the secret it signs with is the clear one.
    expect((await t.server.db.getRepository(NoticeChannel).findOneByOrFail({ id })).secret).toBe(SECRET);

    // A secret stored in clear before the upgrade: the migration's step (and `pnpm rotate-field-key`, which
    // rewrites every column with the transformer) encrypts it.
    expect(encryptedFields()).toContainEqual(expect.objectContaining({ table: 'notice_channels', column: 'secret' }));
    const runner = t.server.db.createQueryRunner();
    try {
      await runner.query('UPDATE notice_channels SET secret = ? WHERE id = ?', [`${SECRET}-old`, id]);
      expect(await valuesNotUnder(runner, CHANNEL_SECRET_COLUMNS, 'test')).toBe(1);
      expect(await rewriteColumns(runner, CHANNEL_SECRET_COLUMNS, 'encrypt')).toBe(1);
      await forgetOldPages(runner);
    } finally {
      await runner.release();
    }
    expect(stolenCopy(t).includes(`${SECRET}-old`)).toBe(false);
    expect((await t.server.db.getRepository(NoticeChannel).findOneByOrFail({ id })).secret).toBe(`${SECRET}-old`);
  });
});
