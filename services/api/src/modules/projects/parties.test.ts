import { AuditRecord } from '../../core/audit/audit-record.entity';
import { DRIVERS, errorCode, startTestServer, type TestServer } from '../../testing/harness';

const VALID = '91350100M000100Y43';

describe.each(DRIVERS)('parties of a project [%s]', (driver) => {
  let t: TestServer;
  const tokens: Record<string, string> = {};
  let projectId: string;
  beforeAll(async () => {
    t = await startTestServer(driver, { seedModules: ['areas', 'accounts', 'projects'] });
    for (const u of ['admin.sujiatun', 'admin.dadong']) tokens[u] = await t.login(u);
    const res = await t.gql<{ projects: { nodes: { id: string }[] } }>('{ projects(first: 1, orderBy: CODE) { nodes { id } } }', {}, tokens['admin.sujiatun']);
    projectId = res.data!.projects.nodes[0].id;
  }, 120_000);
  afterAll(() => t.close());

  const save = (input: Record<string, unknown>, token = tokens['admin.sujiatun']) =>
    t.gql<{ saveProjectParty: { id: string; creditCode: string; version: number; name: string } }>(
      'mutation($p: ID!, $i: ProjectPartyInput!) { saveProjectParty(projectId: $p, input: $i) { id creditCode version name } }',
      { p: projectId, i: input },
      token,
    );

  it('registers a party with its credit code checked by the one rule, refuses a typo under the field, a repeat, a stale version; removes it', async () => {
    const typo = await save({ role: 'CONTRACTOR', name: '中建三局集团有限公司', creditCode: '91350100M000100Y44' });
    expect(errorCode(typo)).toBe('BAD_USER_INPUT');
    expect(typo.errors![0].extensions!.field).toBe('input.creditCode');
    expect(typo.errors![0].message).toMatch(/校验位不符/);

    const ok = await save({ role: 'CONTRACTOR', name: '中建三局集团有限公司', creditCode: ' 91350100m000100y43 ' });
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.saveProjectParty.creditCode).toBe(VALID);
    const again = await save({ role: 'CONTRACTOR', name: '重复', creditCode: VALID });
    expect(again.errors![0].extensions!.field).toBe('input.creditCode');
    expect(errorCode(await save({ role: 'DESIGNER', name: '设计院', creditCode: VALID }, tokens['admin.dadong']))).toBe('NOT_FOUND');

    const id = ok.data!.saveProjectParty.id;
    const renamed = await save({ id, version: 1, role: 'CONTRACTOR', name: '中国建筑第三工程局有限公司', creditCode: VALID });
    expect(renamed.data!.saveProjectParty).toMatchObject({ name: '中国建筑第三工程局有限公司', version: 2 });
    expect(errorCode(await save({ id, version: 1, role: 'CONTRACTOR', name: 'x', creditCode: VALID }))).toBe('CONFLICT');

    const parties = await t.gql<{ project: { parties: { id: string; role: string }[] } }>('query($id: ID!) { project(id: $id) { parties { id role } } }', { id: projectId }, tokens['admin.sujiatun']);
    expect(parties.data!.project.parties).toEqual([{ id, role: 'CONTRACTOR' }]);
    const removed = await t.gql<{ removeProjectParty: boolean }>('mutation($id: ID!) { removeProjectParty(id: $id) }', { id }, tokens['admin.sujiatun']);
    expect(removed.data!.removeProjectParty).toBe(true);
    expect(await t.server.db.getRepository(AuditRecord).count({ where: { action: 'project-party.remove' } })).toBe(1);
  });
});
