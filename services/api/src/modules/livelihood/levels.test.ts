import { AuditRecord } from '../../core/audit/audit-record.entity';
import { DRIVERS, errorCode, startTestServer, type TestServer } from '../../testing/harness';
import { cityId, loginAll, makeDelegates, Q, rosterWorkbook, uploadSpreadsheet, openRound, closeRound } from './testkit';

const CREATE = `mutation($a: ID!, $i: VoteSessionInput!) { createVoteSession(areaId: $a, input: $i) { id status level area { name } city { name } manageable } }`;
const LIST = `query($a: ID, $l: AreaLevel) { voteSessions(areaId: $a, level: $l) { id name level area { name } } }`;

describe.each(DRIVERS)('livelihood at every level [%s]', (driver) => {
  let t: TestServer;
  let tok: Record<string, string>;
  let area: Record<string, number>;
  let county: string[];
  let fuxinDelegates: string[];

  beforeAll(async () => {
    t = await startTestServer(driver);
    area = {};
    for (const n of ['辽宁省', '沈阳市', '苏家屯区', '临湖街道', '阜新市', '大东区'])
      area[n] = await cityId(t, n);
    county = await makeDelegates(t, 'lv', 6, '苏家屯区');
    fuxinDelegates = await makeDelegates(t, 'lf', 1, '阜新市');
    tok = await loginAll(t, [
      ...county,
      ...fuxinDelegates,
      'admin.sujiatun',
      'admin.shenyang',
      'admin.dadong',
      'admin.liaoning',
      'admin.fuxin',
    ]);
  }, 120_000);
  afterAll(() => t.close());

  it('runs a county (区县) session with its own roster and quorum: the county admin runs it, the city admin sees it, others do not', async () => {
    const admin = tok['admin.sujiatun'];
    const created = await t.gql<{
      createVoteSession: {
        id: string;
        level: string;
        area: { name: string };
        city: { name: string };
        manageable: boolean;
      };
    }>(
      CREATE,
      { a: String(area['苏家屯区']), i: { name: '苏家屯区人大会议', meetingDate: '2022-01-10', seats: 1 } },
      admin,
    );
    expect(created.errors).toBeUndefined();
    const s = created.data!.createVoteSession;
    expect(s).toMatchObject({
      level: 'DISTRICT',
      area: { name: '苏家屯区' },
      city: { name: '沈阳市' },
      manageable: true,
    });
    const audit = await t.server.db
      .getRepository(AuditRecord)
      .findOneBy({ action: 'livelihood.session.create', entityId: String(s.id) });
    expect(audit?.areaId).toBe(area['苏家屯区']);

    // The city admin sees below but does not run it; another district's admin does not see it.
    expect(
      errorCode(
        await t.gql(
          CREATE,
          { a: String(area['苏家屯区']), i: { name: '市里代办', meetingDate: '2022-01-10', seats: 1 } },
          tok['admin.shenyang'],
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(
      errorCode(
        await t.gql(
          Q.candidates,
          { s: s.id, c: [{ name: '甲项目', description: 'x' }] },
          tok['admin.shenyang'],
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(
      errorCode(
        await t.gql(
          Q.candidates,
          { s: s.id, c: [{ name: '甲项目', description: 'x' }] },
          tok['admin.dadong'],
        ),
      ),
    ).toBe('NOT_FOUND');

    const c = await t.gql<{ setVoteCandidates: { id: string }[] }>(
      Q.candidates,
      {
        s: s.id,
        c: [
          { name: '维修改造农村公路60公里', description: 'x' },
          { name: '新建社区卫生服务站3个', description: 'y' },
        ],
      },
      admin,
    );
    expect(c.errors).toBeUndefined();

    // A city delegate is not on a county's roster.
    const wrong = await uploadSpreadsheet(
      t,
      admin,
      await rosterWorkbook(
        [...county, fuxinDelegates[0]].map((username) => ({ username, delegation: '临湖街道代表团' })),
      ),
    );
    const dry = await t.gql<{
      importVoteRoster: { committed: boolean; problems: { row: number; reason: string }[] };
    }>(Q.importRoster, { s: s.id, f: wrong, d: true }, admin);
    expect(dry.data!.importVoteRoster.problems).toEqual([
      expect.objectContaining({ row: 8, reason: expect.stringContaining('不是本级') }),
    ]);
    const file = await uploadSpreadsheet(
      t,
      admin,
      await rosterWorkbook(county.map((username) => ({ username, delegation: '临湖街道代表团' }))),
    );
    expect(
      (
        await t.gql<{ importVoteRoster: { committed: boolean } }>(
          Q.importRoster,
          { s: s.id, f: file, d: false },
          admin,
        )
      ).data!.importVoteRoster.committed,
    ).toBe(true);

    // Quorum: two thirds of its own roster of 6, i.e. 4.
    for (const u of county.slice(0, 3)) await t.gql(Q.checkIn, { s: s.id }, tok[u]);
    const early = await openRound(t, s.id, admin);
    expect(errorCode(early)).toBe('CONFLICT');
    await t.gql(Q.checkIn, { s: s.id }, tok[county[3]]);
    expect((await openRound(t, s.id, admin)).errors).toBeUndefined();
    expect(
      errorCode(
        await t.gql(Q.cast, { s: s.id, c: [c.data!.setVoteCandidates[0].id] }, tok[fuxinDelegates[0]]),
      ),
    ).toBe('FORBIDDEN');
    for (const u of county.slice(0, 4))
      expect(
        (await t.gql(Q.cast, { s: s.id, c: [c.data!.setVoteCandidates[0].id] }, tok[u])).errors,
      ).toBeUndefined();
    expect(errorCode(await closeRound(t, s.id, tok['admin.shenyang']))).toBe('FORBIDDEN');
    const closed = await closeRound<{ closeVote: { status: string } }>(t, s.id, admin);
    expect(closed.data!.closeVote.status).toBe('DECIDED');

    // The city admin reads the roster of the county below it.
    const roster = await t.gql<{ voteSession: { roster: unknown[] | null; manageable: boolean } }>(
      'query($id: ID!) { voteSession(id: $id) { roster { name } manageable } }',
      { id: s.id },
      tok['admin.shenyang'],
    );
    expect(roster.data!.voteSession).toMatchObject({ manageable: false });
    expect(roster.data!.voteSession.roster).toHaveLength(6);

    // The board of the county, and of the city's counties, shows the adopted project at its level.
    type Row = { name: string; level: string; area: { name: string } };
    const board = await t.gql<{ livelihoodBoard: Row[] }>(
      'query($a: ID!, $l: AreaLevel) { livelihoodBoard(areaId: $a, level: $l, year: 2022) { name level area { name } } }',
      { a: String(area['沈阳市']), l: 'DISTRICT' },
    );
    expect(board.data!.livelihoodBoard).toEqual([
      { name: '维修改造农村公路60公里', level: 'DISTRICT', area: { name: '苏家屯区' } },
    ]);
    const cityOnly = await t.gql<{ livelihoodBoard: Row[] }>(
      'query($a: ID!, $l: AreaLevel) { livelihoodBoard(areaId: $a, level: $l, year: 2022) { name } }',
      { a: String(area['沈阳市']), l: 'CITY' },
    );
    expect(cityOnly.data!.livelihoodBoard).toEqual([]);
  });

  it('takes a township (乡镇街道) session by its county’s admin; refuses a province; filters the list by level and area', async () => {
    const town = await t.gql<{ createVoteSession: { id: string; level: string; city: { name: string } } }>(
      CREATE,
      { a: String(area['临湖街道']), i: { name: '临湖街道居民议事会', meetingDate: '2022-01-08', seats: 2 } },
      tok['admin.sujiatun'],
    );
    expect(town.errors).toBeUndefined();
    expect(town.data!.createVoteSession).toMatchObject({ level: 'TOWNSHIP', city: { name: '沈阳市' } });

    const province = await t.gql(
      CREATE,
      { a: String(area['辽宁省']), i: { name: '省里', meetingDate: '2022-01-08', seats: 2 } },
      tok['admin.liaoning'],
    );
    expect(province.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'areaId' });

    type L = { voteSessions: { name: string; level: string }[] };
    const towns = await t.gql<L>(LIST, { a: String(area['沈阳市']), l: 'TOWNSHIP' });
    expect(towns.data!.voteSessions.map((x) => x.name)).toEqual(['临湖街道居民议事会']);
    const below = await t.gql<L>(LIST, { a: String(area['苏家屯区']), l: null });
    expect(below.data!.voteSessions.map((x) => x.level).sort()).toEqual(['DISTRICT', 'TOWNSHIP']);
    expect((await t.gql<L>(LIST, { a: String(area['阜新市']), l: 'DISTRICT' })).data!.voteSessions).toEqual(
      [],
    );

    // Signed in without a filter: the city admin sees everything below; the county admin its own
    // county and township (and its city's), another district's admin neither.
    const mine = async (who: string) =>
      (await t.gql<L>('{ voteSessions { name } }', {}, tok[who])).data!.voteSessions.map((x) => x.name);
    expect(await mine('admin.shenyang')).toEqual(
      expect.arrayContaining(['苏家屯区人大会议', '临湖街道居民议事会']),
    );
    expect(await mine('admin.sujiatun')).toEqual(
      expect.arrayContaining(['苏家屯区人大会议', '临湖街道居民议事会']),
    );
    expect(await mine('admin.dadong')).not.toContain('苏家屯区人大会议');
  });

  it('takes a proposal to a county congress and lets its admin screen it', async () => {
    const sub = await t.gql<{
      submitLivelihoodProposal: { proposal: { id: string; city: { name: string } } };
    }>(
      'mutation($i: ProposalInput!) { submitLivelihoodProposal(input: $i) { proposal { id city { name } } } }',
      {
        i: {
          cityId: String(area['苏家屯区']),
          districtId: String(area['临湖街道']),
          title: '临湖街道增设公交站亭',
          description: '临湖街道居民出行候车无遮挡，建议增设公交站亭。',
          category: 'TRANSPORT',
        },
      },
    );
    expect(sub.errors).toBeUndefined();
    const id = sub.data!.submitLivelihoodProposal.proposal.id;
    const screen =
      'mutation($id: ID!) { screenLivelihoodProposal(id: $id, input: { status: ACCEPTED, reasonCode: ACCEPTED_AS_CANDIDATE }) { status } }';
    expect(errorCode(await t.gql(screen, { id }, tok['admin.shenyang']))).toBe('FORBIDDEN');
    expect((await t.gql(screen, { id }, tok['admin.sujiatun'])).errors).toBeUndefined();
    const bad = await t.gql(
      'mutation($i: ProposalInput!) { submitLivelihoodProposal(input: $i) { trackingCode } }',
      {
        i: {
          cityId: String(area['苏家屯区']),
          districtId: String(area['大东区']),
          title: '跨区的建议标题',
          description: '这是一个不属于本区的建议内容。',
          category: 'OTHER',
        },
      },
    );
    expect(bad.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.districtId' });
  });
});
