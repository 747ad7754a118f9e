import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import apps from '../../web/apps.json';

export const repoRoot = path.resolve(__dirname, '..', '..');
/** The shell, every domain app of web/apps.json, and the GraphQL explorer (a page of its own). */
export const WEB_APPS = ['shell', ...apps.remotes.map((r) => r.name), 'explorer'];

function newest(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = 0;
  for (const entry of fs.readdirSync(target)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    max = Math.max(max, newest(path.join(target, entry)));
  }
  return max;
}

/** The file a finished build of the app leaves last. */
export function builtMarker(app: string, dist = path.join(repoRoot, 'web', app, 'dist')): string {
  return path.join(dist, app === 'shell' || app === 'explorer' ? 'index.html' : 'remoteEntry.js');
}

/** True when the app's build is missing or older than its sources, the web kit, the domain rules, the list of apps or the schema. */
export function isStale(app: string): boolean {
  const marker = builtMarker(app);
  if (!fs.existsSync(marker)) return true;
  const sources = Math.max(
    newest(path.join(repoRoot, 'web', app)),
    newest(path.join(repoRoot, 'packages', 'web-kit', 'src')),
    newest(path.join(repoRoot, 'packages', 'web-kit', 'vite.ts')),
    newest(path.join(repoRoot, 'packages', 'domain', 'src')),
    newest(path.join(repoRoot, 'web', 'apps.json')),
    newest(path.join(repoRoot, 'schema', 'schema.graphql')),
  );
  return sources > fs.statSync(marker).mtimeMs;
}

/**
 * A build's environment without jest's marks: the federation plugin turns itself off under a test
 * runner (JEST_WORKER_ID, NODE_ENV=test), which would build apps with no remote entry.
 */
function buildEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', KPD_VITE_QUIET: '1', VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true', ...extra };
  delete env.JEST_WORKER_ID;
  return env;
}

/** Runs `vite build` for one app; env may point the output elsewhere (KPD_OUT_DIR) or label the build. */
export function buildApp(app: string, env: NodeJS.ProcessEnv = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'web', app, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], {
      cwd: path.join(repoRoot, 'web', app),
      env: buildEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`vite build of ${app} failed (${code}):\n${output}`))));
  });
}

/** Builds the apps whose builds are missing or stale, two at a time. */
export async function ensureBuilt(): Promise<string[]> {
  const stale = WEB_APPS.filter(isStale);
  const queue = [...stale];
  const worker = async () => {
    for (let app = queue.shift(); app; app = queue.shift()) await buildApp(app);
  };
  await Promise.all([worker(), worker()]);
  return stale;
}
