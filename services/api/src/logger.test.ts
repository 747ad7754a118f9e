import { Writable } from 'node:stream';
import { createLogger, requestLineLogger } from './logger';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>));
      done();
    },
  });
  return { lines, log: createLogger('info', sink) };
}

describe('logs', () => {
  it('redacts credentials by key at any of three levels', () => {
    const { lines, log } = capture();
    log.info({ password: 'p1', user: { token: 't1', name: 'n' }, err: { config: { authorization: 'Bearer x' } } }, 'x');
    expect(lines[0]).toMatchObject({ password: '[redacted]', user: { token: '[redacted]', name: 'n' }, err: { config: { authorization: '[redacted]' } } });
    expect(JSON.stringify(lines)).not.toMatch(/p1|t1|Bearer x/);
  });

  it('writes the request line through the same stream, unredacted fields as given, and leaves the parent redacting', () => {
    const { lines, log } = capture();
    requestLineLogger(log).info({ method: 'POST', path: '/graphql', status: 200, user: 'admin.liaoning' }, 'request');
    log.info({ token: 'secret' }, 'after');
    expect(lines[0]).toMatchObject({ method: 'POST', path: '/graphql', status: 200, user: 'admin.liaoning', msg: 'request' });
    expect(lines[1]).toMatchObject({ token: '[redacted]', msg: 'after' });
  });
});
