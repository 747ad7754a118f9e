import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Logger } from 'pino';
import type { Config } from '../config';
import { auditChainHead, sealAuditChain, verifyAuditChain, type AuditAnchor } from '../core/audit/audit-chain';
import { driverOf, openDatabase, sqliteFile, type EntityList } from './data-source';

/**
 * `pnpm backup` and `pnpm restore`: a consistent copy of the database and the uploaded files, and its
 * return into an empty database, checked before the service is started on it.
 *
 * SQLite is copied with its online backup API (the service keeps running and writing); MySQL with
 * `mysqldump --single-transaction` (one consistent snapshot, no table locks on InnoDB). Uploaded files
 * (local storage, DATA_DIR/uploads) are copied beside it. The manifest holds the audit chain's head as
 * the copy began, and the SHA-256 of every file: a restore checks the files against it, migrates the
 * database if the copy is older than the code, and verifies the whole audit chain with that head as an
 * anchor, so a copy that lost or changed audit records is refused.
 */

export interface BackupManifest {
  format: 1;
  createdAt: string;
  driver: 'sqlite' | 'mysql';
  /** The database file of the backup: `kpd.sqlite` or `kpd.sql`. */
  database: string;
  /** The audit chain's head just before the copy: the restored chain must contain it. */
  auditHead: AuditAnchor;
  /** Relative path → SHA-256 of every file of the backup but the manifest. */
  files: Record<string, string>;
}

export const MANIFEST = 'manifest.json';

function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

function listFiles(dir: string, base = dir): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? listFiles(full, base) : e.isFile() ? [path.relative(base, full)] : [];
  });
}

interface MysqlTarget {
  host: string;
  port: string;
  user: string;
  password: string;
  database: string;
  socketPath: string | null;
}

function mysqlTarget(url: string): MysqlTarget {
  const u = new URL(url.replace(/^mariadb:/, 'mysql:'));
  return {
    host: u.hostname,
    port: u.port || '3306',
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: u.pathname.replace(/^\//, ''),
    socketPath: u.searchParams.get('socketPath'),
  };
}

function clientArgs(t: MysqlTarget): string[] {
  return t.socketPath ? ['-S', t.socketPath, '-u', t.user] : ['-h', t.host, '-P', t.port, '-u', t.user];
}

/** Runs a MySQL client program (the password through MYSQL_PWD, never on the command line). */
function runClient(program: string, args: string[], t: MysqlTarget, io: { stdin?: string; stdout?: string } = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, {
      env: { ...process.env, MYSQL_PWD: t.password },
      stdio: [io.stdin ? 'pipe' : 'ignore', io.stdout ? 'pipe' : 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    // The dump is done when the program has ended AND its file is written out: the program can end
    // while the last of its output is still on its way to the file, and the backup's SHA-256 is
    // taken from the file right after.
    const written = io.stdout
      ? new Promise<void>((done, failed) => {
          const out = fs.createWriteStream(io.stdout!);
          out.on('close', () => done());
          out.on('error', failed);
          child.stdout!.pipe(out);
        })
      : Promise.resolve();
    if (io.stdin) fs.createReadStream(io.stdin).pipe(child.stdin!);
    child.on('error', (e) => reject(new Error(`${program}: ${e.message} (is the MySQL client installed?)`)));
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`${program} ended with ${code}: ${stderr.trim()}`));
      else written.then(resolve, reject);
    });
  });
}

export async function backup(config: Config, outDir: string, entities: EntityList, log: Logger): Promise<BackupManifest> {
  const driver = driverOf(config.databaseUrl);
  if (fs.existsSync(outDir) && fs.readdirSync(outDir).length > 0) throw new Error(`${outDir} is not empty: a backup goes into a new folder`);
  fs.mkdirSync(outDir, { recursive: true });
  // The audit records so far are sealed, and the head taken as the copy begins: everything up to it is in the copy.
  const db = await openDatabase(config.databaseUrl, entities, log);
  let auditHead: AuditAnchor;
  try {
    await sealAuditChain(db);
    auditHead = await auditChainHead(db);
  } finally {
    await db.destroy();
  }
  const database = driver === 'sqlite' ? 'kpd.sqlite' : 'kpd.sql';
  if (driver === 'sqlite') {
    const source = new Database(sqliteFile(config.databaseUrl), { fileMustExist: true });
    try {
      // After the first step, the rest in one step: a writer on another connection restarts a backup
      // between steps, so under steady writes small steps might never finish.
      await source.backup(path.join(outDir, database), { progress: () => 1_000_000 });
    } finally {
      source.close();
    }
  } else {
    const t = mysqlTarget(config.databaseUrl);
    await runClient('mysqldump', [...clientArgs(t), '--single-transaction', '--quick', '--hex-blob', '--skip-lock-tables', '--routines', '--triggers', '--default-character-set=utf8mb4', t.database], t, {
      stdout: path.join(outDir, database),
    });
  }
  const uploads = path.join(config.dataDir, 'uploads');
  if (config.storage.kind === 'local' && fs.existsSync(uploads)) fs.cpSync(uploads, path.join(outDir, 'uploads'), { recursive: true });
  const files = Object.fromEntries(listFiles(outDir).sort().map((f) => [f, sha256(path.join(outDir, f))]));
  const manifest: BackupManifest = { format: 1, createdAt: new Date().toISOString(), driver, database, auditHead, files };
  fs.writeFileSync(path.join(outDir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

export function readManifest(dir: string): BackupManifest {
  const file = path.join(dir, MANIFEST);
  if (!fs.existsSync(file)) throw new Error(`${dir} has no ${MANIFEST}: not a backup of pnpm backup`);
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as BackupManifest;
  if (manifest.format !== 1) throw new Error(`${file}: unknown backup format ${String(manifest.format)}`);
  return manifest;
}

/** Checks every file of a backup against its manifest; returns what is wrong (empty: intact). */
export function checkBackupFiles(dir: string, manifest: BackupManifest): string[] {
  const problems: string[] = [];
  for (const [file, hash] of Object.entries(manifest.files)) {
    const full = path.join(dir, file);
    if (!fs.existsSync(full)) problems.push(`${file} is missing`);
    else if (sha256(full) !== hash) problems.push(`${file} does not match its SHA-256 in the manifest`);
  }
  return problems;
}

export interface RestoreResult {
  manifest: BackupManifest;
  auditSealed: number;
  uploads: number;
}

/**
 * Restores a backup into DATABASE_URL (an empty database, or `replace` to overwrite) and DATA_DIR's
 * uploads, then verifies it: the files against the manifest, the audit chain against the head the
 * backup recorded. Throws (and says why) when anything does not hold.
 */
export async function restore(config: Config, dir: string, entities: EntityList, log: Logger, options: { replace?: boolean } = {}): Promise<RestoreResult> {
  const manifest = readManifest(dir);
  const problems = checkBackupFiles(dir, manifest);
  if (problems.length > 0) throw new Error(`the backup is damaged: ${problems.join('; ')}`);
  const driver = driverOf(config.databaseUrl);
  if (driver !== manifest.driver) throw new Error(`the backup is of a ${manifest.driver} database; DATABASE_URL is ${driver}`);
  const source = path.join(dir, manifest.database);
  if (driver === 'sqlite') {
    const file = sqliteFile(config.databaseUrl);
    if (fs.existsSync(file)) {
      if (!options.replace) throw new Error(`${file} exists: stop the service and pass --replace to overwrite it`);
      for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    }
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    fs.copyFileSync(source, file);
  } else {
    const t = mysqlTarget(config.databaseUrl);
    const { createConnection } = await import('mysql2/promise');
    const conn = await createConnection({ host: t.host, port: Number(t.port), user: t.user, password: t.password, socketPath: t.socketPath ?? undefined });
    try {
      const [tables] = await conn.query('SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = ?', [t.database]);
      if (Number((tables as { n: number }[])[0].n) > 0) {
        if (!options.replace) throw new Error(`the database ${t.database} has tables: stop the service and pass --replace to overwrite it`);
        await conn.query(`DROP DATABASE \`${t.database.replace(/`/g, '``')}\``);
      }
      await conn.query(`CREATE DATABASE IF NOT EXISTS \`${t.database.replace(/`/g, '``')}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
    } finally {
      await conn.end();
    }
    await runClient('mysql', [...clientArgs(t), '--default-character-set=utf8mb4', t.database], t, { stdin: source });
  }
  const uploads = Object.keys(manifest.files).filter((f) => f.startsWith(`uploads${path.sep}`));
  if (uploads.length > 0) {
    if (config.storage.kind !== 'local') throw new Error('the backup holds uploaded files but STORAGE is not local: copy them into the bucket from the backup\'s uploads/ folder');
    fs.cpSync(path.join(dir, 'uploads'), path.join(config.dataDir, 'uploads'), { recursive: true });
  }
  // Opening migrates a copy older than the code; then the chain must hold, up to the recorded head.
  const db = await openDatabase(config.databaseUrl, entities, log);
  try {
    const anchors = manifest.auditHead.seq > 0 ? [manifest.auditHead] : [];
    const verified = await verifyAuditChain(db, anchors);
    if (!verified.ok) throw new Error(`the restored audit chain does not verify at place ${verified.seq}: ${verified.reason}`);
    return { manifest, auditSealed: verified.sealed, uploads: uploads.length };
  } finally {
    await db.destroy();
  }
}
