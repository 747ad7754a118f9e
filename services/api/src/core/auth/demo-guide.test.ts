import { DRIVERS, startTestServer, type TestServer } from '../../testing/harness';
import { DEMO_GUIDE } from './demo-guide';
import { DEMO_PASSWORD } from './seed';

const Q = '{ demoAccounts { username displayName role area can password } }';

describe.each(DRIVERS)('demo accounts on the sign-in page [%s]', (driver) => {
  describe('with the demo data', () => {
    let t: TestServer;
    beforeAll(async () => {
      t = await startTestServer(driver, { seedModules: ['areas', 'accounts'] });
    });
    afterAll(() => t.close());

    it('lists, signed out, every demo account the seed created with what it shows, and each signs in with the password given', async () => {
      const res = await t.gql<{ demoAccounts: { username: string; role: string; area: string; can: string; password: string }[] }>(Q);
      expect(res.errors).toBeUndefined();
      const list = res.data!.demoAccounts;
      // evaluator.dalian comes with the secretaries' seed, not loaded here.
      expect(list.map((a) => a.username)).toEqual(DEMO_GUIDE.map((g) => g.username).filter((u) => u !== 'evaluator.dalian'));
      expect(list[0]).toMatchObject({ username: 'admin.shenyang', role: 'ADMIN', area: '沈阳市', password: DEMO_PASSWORD });
      expect(list.every((a) => a.can.length > 5)).toBe(true);
      for (const a of list.slice(0, 3)) expect(await t.login(a.username, a.password)).toBeTruthy();
    });
  });

  describe('without the demo data', () => {
    let t: TestServer;
    beforeAll(async () => {
      t = await startTestServer(driver, { seedModules: ['areas', 'accounts'], config: { seedDemo: false } });
    });
    afterAll(() => t.close());

    it('lists nothing', async () => {
      const res = await t.gql<{ demoAccounts: unknown[] }>(Q);
      expect(res.data!.demoAccounts).toEqual([]);
    });
  });
});
