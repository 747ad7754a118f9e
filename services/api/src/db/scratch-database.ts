import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createConnection } from 'mysql2/promise';

/**
 * A throw-away database for tests, schema checks and migration generation:
 * a temporary SQLite file, or a fresh utf8mb4 database on the server MYSQL_URL points at.
 */
export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function scratchSqlite(): Promise<ScratchDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kpd-'));
  return {
    url: `sqlite:${path.join(dir, 'kpd.sqlite')}`,
    drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

export async function scratchMysql(serverUrl: string, label = 'scratch'): Promise<ScratchDatabase> {
  const base = new URL(serverUrl);
  const stem = (base.pathname.replace(/^\//, '') || 'kpd').replace(/[^\w]/g, '').slice(0, 24);
  const name = `${stem}_${label}_${process.pid}_${crypto.randomBytes(3).toString('hex')}`.slice(0, 64);
  const admin = await createConnection({
    host: base.hostname,
    port: Number(base.port || 3306),
    user: decodeURIComponent(base.username),
    password: decodeURIComponent(base.password),
  });
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const conn = await createConnection({
        host: base.hostname,
        port: Number(base.port || 3306),
        user: decodeURIComponent(base.username),
        password: decodeURIComponent(base.password),
      });
      await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await conn.end();
    },
  };
}

export function scratchDatabase(driver: 'sqlite' | 'mysql', label?: string): Promise<ScratchDatabase> {
  if (driver === 'sqlite') return scratchSqlite();
  const server = process.env.MYSQL_URL;
  if (!server) throw new Error('MYSQL_URL is not set');
  return scratchMysql(server, label);
}
