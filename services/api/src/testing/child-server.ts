import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/** A real server process on its own port, for tests that kill or signal it. */
export interface ChildServer {
  url: string;
  process: ChildProcess;
  /** The last 2,000 lines it wrote to stdout and stderr. */
  output: string[];
  /** Resolves with the exit code (or the signal's name) when the process ends. */
  exited: Promise<number | string>;
  kill(signal?: NodeJS.Signals): Promise<number | string>;
}

const MAIN = path.join(__dirname, '..', 'main.ts');
const START_TIMEOUT_MS = 150_000;
const REGISTER = path.join(__dirname, 'ts-register.js');
/** The compiled service, as `pnpm start` runs it (`pnpm --filter @kpd/api build` first). */
const BUILT_MAIN = path.join(__dirname, '..', '..', 'dist', 'main.js');

/**
 * Starts `src/main.ts` (or with `built` the compiled `dist/main.js`) in a child process on a free port
 * against `databaseUrl` and waits until it listens; CHILD_NODE_ARGS adds Node options (a profiler's).
 * The database is migrated (and demo-seeded unless SEED_DEMO=false) as on a real start.
 */
/** The field key of the test servers (a production-mode one needs a key of its own). Public: tests only. */
export const TEST_FIELD_KEY = 'test:' + '7e57'.repeat(16);

export function startChildServer(options: { databaseUrl: string; dataDir: string; env?: Record<string, string>; built?: boolean }): Promise<ChildServer> {
  const args = options.built ? ['--enable-source-maps', BUILT_MAIN] : ['-r', REGISTER, MAIN];
  const child = spawn(process.execPath, [...(process.env.CHILD_NODE_ARGS?.split(' ').filter(Boolean) ?? []), ...args], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: '0',
      DATABASE_URL: options.databaseUrl,
      DATA_DIR: options.dataDir,
      PASSWORD_COST_N: '1024',
      LOG_LEVEL: 'info',
      // The real date, as every test server: a child started outside production would otherwise run on the demo's day.
      KPD_TODAY: 'real',
      FIELD_ENCRYPTION_KEY: TEST_FIELD_KEY,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = new Promise<number | string>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  return new Promise((resolve, reject) => {
    // A first start migrates and seeds the whole demo from source: on two busy cores that can take a minute or more.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start in ${START_TIMEOUT_MS / 1000} s:\n${output.slice(-20).join('\n')}`));
    }, START_TIMEOUT_MS);
    const onLine = (line: string) => {
      output.push(line);
      if (output.length > 2000) output.splice(0, output.length - 2000);
      if (!line.includes('"listening"')) return;
      const port = (JSON.parse(line) as { port: number }).port;
      clearTimeout(timer);
      resolve({
        url: `http://127.0.0.1:${port}`,
        process: child,
        output,
        exited,
        kill: (signal: NodeJS.Signals = 'SIGKILL') => {
          child.kill(signal);
          return exited;
        },
      });
    };
    for (const stream of [child.stdout!, child.stderr!]) {
      let buffered = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        buffered += chunk;
        const lines = buffered.split('\n');
        buffered = lines.pop()!;
        lines.filter(Boolean).forEach(onLine);
      });
    }
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before listening:\n${output.slice(-20).join('\n')}`));
    });
  });
}
