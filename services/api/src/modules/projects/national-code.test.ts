import { Area } from '../../core/areas/area.entity';
import { DRIVERS, errorCode, startTestServer, type TestServer } from '../../testing/harness';

describe.each(DRIVERS)('the national project code [%s]', (driver) => {
  let t: TestServer;
  let ids: Record<string, string>;
  let token: string;
  beforeAll(async () => {
    t = await startTestServer(driver, { seedModules: ['areas', 'accounts'] });
    ids = Object.fromEntries((await t.server.db.getRepository(Area).find()).map((a) => [a.name, String(a.id)]));
    token = await t.login('admin.sujiatun');
  }, 120_000);
  afterAll(() => t.close());

  const create = (code: string, nationalCode: string | null) =>
    t.gql<{ createProject: { id: string; nationalCode: string | null; version: number } }>(
      'mutation($i: CreateProjectInput!) { createProject(input: $i) { id nationalCode version } }',
      {
        i: {
          districtId: ids['苏家屯区'], code, name: `项目代码测试 ${code}`, category: 'INDUSTRIAL', stage: 'NEW', totalInvestment: '150000000.00',
          constructionStart: '2020-03', constructionEnd: '2021-12', enterprise: '沈阳测试有限公司', responsibleLeader: '副区长', responsibleUnit: '苏家屯区发改局', nationalCode,
        },
      },
      token,
    );

  it('is checked where it is typed, kept once per project, and cleared with an empty string', async () => {
    const bad = await create('NC-1', '2020-210111-48-04-000123');
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].extensions!.field).toBe('input.nationalCode');
    expect(bad.errors![0].message).toMatch(/01（审批）、02（核准）或 03（备案）/);

    const ok = await create('NC-1', ' 2020-210111-48-01-000123 ');
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.createProject.nationalCode).toBe('2020-210111-48-01-000123');
    const none = await create('NC-2', null);
    expect(none.data!.createProject.nationalCode).toBeNull();

    const twice = await create('NC-3', '2020-210111-48-01-000123');
    expect(twice.errors![0].extensions!.field).toBe('input.nationalCode');
    expect(twice.errors![0].message).toMatch(/已登记在另一个项目上/);

    const update = (id: string, version: number, nationalCode: string) =>
      t.gql<{ updateProject: { nationalCode: string | null; version: number } }>('mutation($id: ID!, $i: UpdateProjectInput!) { updateProject(id: $id, input: $i) { nationalCode version } }', { id, i: { version, nationalCode } }, token);
    const taken = await update(none.data!.createProject.id, 1, '2020-210111-48-01-000123');
    expect(taken.errors![0].extensions!.field).toBe('input.nationalCode');
    const cleared = await update(ok.data!.createProject.id, 1, '');
    expect(cleared.data!.updateProject.nationalCode).toBeNull();
    const reused = await update(none.data!.createProject.id, 1, '2020-210111-48-01-000123');
    expect(reused.data!.updateProject.nationalCode).toBe('2020-210111-48-01-000123');
  });

  it('two projects entered at once with one code: one keeps it, the other is refused on the field', async () => {
    const [a, b] = await Promise.all([create('NC-10', '2021-210111-13-03-000010'), create('NC-11', '2021-210111-13-03-000010')]);
    const refused = [a, b].filter((r) => r.errors);
    expect(refused).toHaveLength(1);
    expect(refused[0].errors![0].extensions!.field).toBe('input.nationalCode');
  });
});
