import { auditServer } from 'graphql-http';
import { startTestServer, type TestServer } from '../testing/harness';

/** The GraphQL-over-HTTP spec's server audits (graphql-http): every MUST passes. */
describe('GraphQL over HTTP conformance', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer('sqlite');
  });
  afterAll(() => t.close());

  it('passes every MUST audit', async () => {
    const results = await auditServer({ url: `${t.url}/graphql` });
    const musts = results.filter((r) => r.name.startsWith('MUST'));
    expect(musts.length).toBeGreaterThan(10);
    const failed = musts.filter((r) => r.status !== 'ok').map((r) => `${r.name}: ${'reason' in r ? r.reason : ''}`);
    expect(failed).toEqual([]);
  });
});
