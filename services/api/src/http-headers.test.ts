import { contentSecurityPolicy } from './app';
import { loadConfig } from './config';
import { startTestServer, type TestServer } from './testing/harness';

describe('HTTP security headers and health endpoints', () => {
  let t: TestServer;
  let behindTls: TestServer;
  beforeAll(async () => {
    t = await startTestServer('sqlite');
    behindTls = await startTestServer('sqlite', { env: { TRUST_PROXY: 'true' } });
  }, 120_000);
  afterAll(async () => {
    await t.close();
    await behindTls.close();
  });

  it('sends a policy with no inline or foreign script, no framing by other sites, nosniff and a referrer policy on pages, JSON and files', async () => {
    for (const p of ['/', '/api/web/manifest', '/livez']) {
      const res = await fetch(`${t.url}${p}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      const script = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src'));
      expect(script).toBe("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      // Plain HTTP: no HSTS (a browser would keep refusing plain HTTP on this host).
      expect(res.headers.get('strict-transport-security')).toBeNull();
    }
  });

  it('lets the map load tiles from the configured tile server only', () => {
    const none = contentSecurityPolicy(loadConfig({ MAP_TILE_URL: '' }));
    expect(none).toContain("img-src 'self' data: blob:;");
    const tiles = contentSecurityPolicy(loadConfig({ MAP_TILE_URL: 'https://tiles.example.gov.cn/{z}/{x}/{y}.png' }));
    expect(tiles).toContain("img-src 'self' data: blob: https://tiles.example.gov.cn;");
  });

  it('tells browsers to keep to HTTPS when TLS ends at a trusted proxy', async () => {
    const res = await fetch(`${behindTls.url}/livez`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    const plain = await fetch(`${behindTls.url}/livez`);
    expect(plain.headers.get('strict-transport-security')).toBeNull();
  });

  it('answers liveness while the process runs and readiness while the database answers', async () => {
    expect(await (await fetch(`${t.url}/livez`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${t.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok', database: 'ok' });
    t.server.app.draining = true;
    try {
      expect((await fetch(`${t.url}/readyz`)).status).toBe(503);
      expect((await fetch(`${t.url}/livez`)).status).toBe(200);
    } finally {
      t.server.app.draining = false;
    }
  });
});
