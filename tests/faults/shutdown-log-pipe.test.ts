import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { scratchDatabase, type ScratchDatabase } from '../../services/api/src/db/scratch-database';
import { startChildServer, type ChildServer } from '../../services/api/src/testing/child-server';

/**
 * An orchestrator stops the service with SIGTERM and waits; the service must end within its bound
 * (SHUTDOWN_TIMEOUT_MS) whatever happens to the pipe its log goes to: a reader that stopped reading
 * (the pipe full) or one that has gone.
 */
describe('shutdown whatever the log pipe does', () => {
  let db: ScratchDatabase;
  let dataDir: string;
  beforeAll(async () => {
    db = await scratchDatabase('sqlite', 'shutdown');
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kpd-shutdown-'));
  });
  afterAll(async () => {
    await db.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** Enough requests that their log lines overflow a pipe's 64 KiB; answers how many were answered. */
  async function logFlood(server: ChildServer): Promise<number> {
    let answered = 0;
    const one = () =>
      fetch(`${server.url}/livez?${'x'.repeat(200)}`, { signal: AbortSignal.timeout(5_000) }).then(
        (r) => void (r.ok && answered++),
        () => undefined,
      );
    for (let round = 0; round < 30; round++) await Promise.all(Array.from({ length: 50 }, one));
    return answered;
  }

  /** Sends SIGTERM and answers how long the process took to end (the test kills it after a minute). */
  async function stoppedWithin(server: ChildServer): Promise<{ ms: number; killedByTest: boolean }> {
    const started = Date.now();
    let killedByTest = false;
    const killer = setTimeout(() => {
      killedByTest = true;
      server.process.kill('SIGKILL');
    }, 60_000);
    try {
      await server.kill('SIGTERM');
      return { ms: Date.now() - started, killedByTest };
    } finally {
      clearTimeout(killer);
    }
  }

  const env = { SHUTDOWN_TIMEOUT_MS: '3000', SEED_DEMO: 'false' };

  it('keeps answering and stops in time when the log reader stops reading', async () => {
    const server = await startChildServer({ databaseUrl: db.url, dataDir, env });
    server.process.stdout!.pause();
    // The service keeps answering with its log pipe full…
    expect(await logFlood(server)).toBe(1500);
    // …and ends within its bound when told to.
    const { ms, killedByTest } = await stoppedWithin(server);
    expect(killedByTest).toBe(false);
    expect(ms).toBeLessThan(3_000 + 4_000);
  }, 120_000);

  it('keeps answering and stops in time when the log reader has gone', async () => {
    const server = await startChildServer({ databaseUrl: db.url, dataDir, env });
    server.process.stdout!.destroy();
    expect(await logFlood(server)).toBe(1500);
    const { ms, killedByTest } = await stoppedWithin(server);
    expect(killedByTest).toBe(false);
    expect(ms).toBeLessThan(3_000 + 4_000);
  }, 120_000);
});
