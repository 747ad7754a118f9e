import { AuditRecord } from '../../core/audit/audit-record.entity';
import { DRIVERS, errorCode, startTestServer, type TestServer } from '../../testing/harness';
import { cityId, loginAll, makeDelegates, Q, rosterWorkbook, uploadSpreadsheet, openRound, closeRound } from './testkit';

type Item = { id: string; name: string; origin: string; status: string; votes: number | null; rosterSize: number | null; reason: string; proposalIds: string[]; fromSession: { name: string }; drawnIntoSession: { name: string } | null; history: { id: string; votes: number | null; fromSession: { name: string } }[] };
const RESERVE = `query($a: ID!, $s: ReserveStatus) { livelihoodReserve(areaId: $a, status: $s) { id name origin status votes rosterSize reason proposalIds withdrawnReason fromSession { name } drawnIntoSession { name } history { id votes fromSession { name } } } }`;
const WITHDRAW = `mutation($id: ID!, $r: String!) { withdrawLivelihoodReserveItem(id: $id, reason: $r) { id status withdrawnReason } }`;
const CANDIDATES = `query($id: ID!) { voteSession(id: $id) { candidates { name reserveItem { id votes reason fromSession { name } history { id } } } } }`;

describe.each(DRIVERS)('livelihood reserve library [%s]', (driver) => {
  let t: TestServer;
  let admin: string;
  let fuxin: number;
  let delegates: string[];
  let tok: Record<string, string>;

  async function proposal(title: string): Promise<string> {
    const sub = await t.gql<{ submitLivelihoodProposal: { proposal: { id: string } } }>('mutation($i: ProposalInput!) { submitLivelihoodProposal(input: $i) { proposal { id } } }', {
      i: { cityId: String(fuxin), title, description: `${title}，改善群众生活条件。`, category: 'OTHER' },
    });
    const id = sub.data!.submitLivelihoodProposal.proposal.id;
    const s = await t.gql('mutation($id: ID!) { screenLivelihoodProposal(id: $id, input: { status: ACCEPTED, reasonCode: ACCEPTED_AS_CANDIDATE }) { id } }', { id }, admin);
    expect(s.errors).toBeUndefined();
    return id;
  }

  async function session(name: string, date: string, candidates: Array<{ name: string; reserveItemId?: string; proposalIds?: string[] }>): Promise<{ id: string; candidateIds: string[] }> {
    const created = await t.gql<{ createVoteSession: { id: string } }>(Q.create, { c: String(fuxin), i: { name, meetingDate: date, seats: 1 } }, admin);
    const id = created.data!.createVoteSession.id;
    const c = await t.gql<{ setVoteCandidates: { id: string }[] }>(Q.candidates, { s: id, c: candidates.map((x) => ({ description: `${x.name}的内容`, ...x })) }, admin);
    expect(c.errors).toBeUndefined();
    return { id, candidateIds: c.data!.setVoteCandidates.map((x) => x.id) };
  }

  /** Roster of the four delegates, all checked in, the vote opened, the given marks cast and counted. */
  async function vote(id: string, marks: string[]): Promise<void> {
    const file = await uploadSpreadsheet(t, admin, await rosterWorkbook(delegates.map((username) => ({ username }))));
    expect((await t.gql<{ importVoteRoster: { committed: boolean } }>(Q.importRoster, { s: id, f: file, d: false }, admin)).data!.importVoteRoster.committed).toBe(true);
    for (const u of delegates) await t.gql(Q.checkIn, { s: id }, tok[u]);
    expect((await openRound(t, id, admin)).errors).toBeUndefined();
    for (const [i, m] of marks.entries()) expect((await t.gql(Q.cast, { s: id, c: [m] }, tok[delegates[i]])).errors).toBeUndefined();
    expect((await closeRound<{ closeVote: { status: string } }>(t, id, admin)).data!.closeVote.status).toBe('DECIDED');
  }

  const reserve = async (status: string | null = null) => (await t.gql<{ livelihoodReserve: Item[] }>(RESERVE, { a: String(fuxin), s: status })).data!.livelihoodReserve;

  beforeAll(async () => {
    t = await startTestServer(driver);
    fuxin = await cityId(t, '阜新市');
    delegates = await makeDelegates(t, 'rv', 4);
    tok = await loginAll(t, [...delegates, 'admin.fuxin', 'admin.shenyang']);
    admin = tok['admin.fuxin'];
  }, 120_000);
  afterAll(() => t.close());

  it('reserves the candidates not adopted with their votes and reasons, and the accepted proposals not put to the vote; next year draws them with their history', async () => {
    const behind = await proposal('改造城区背街小巷40条');
    const unused = await proposal('建设农村客运候车亭100个');
    const first = await session('阜新市十六届人大四次会议', '2021-01-15', [{ name: '改造居民小区配水管网20公里' }, { name: '改造城区背街小巷40条', proposalIds: [behind] }, { name: '新建城市口袋公园15个' }]);
    // Nothing is reserved before the decision.
    expect(await reserve()).toEqual([]);
    const [water, lanes, parks] = first.candidateIds;
    await vote(first.id, [water, water, water, lanes]);

    const items = await reserve();
    const byName = new Map(items.map((i) => [i.name, i]));
    expect(items).toHaveLength(3);
    expect(byName.get('改造城区背街小巷40条')).toMatchObject({ origin: 'NOT_ADOPTED', status: 'RESERVED', votes: 1, rosterSize: 4, reason: '得票 1 票，未超过全体代表的半数（须 3 票），未获通过', proposalIds: [behind], fromSession: { name: '阜新市十六届人大四次会议' }, history: [] });
    expect(byName.get('新建城市口袋公园15个')).toMatchObject({ origin: 'NOT_ADOPTED', votes: 0 });
    expect(byName.get('建设农村客运候车亭100个')).toMatchObject({ origin: 'NOT_PUT_TO_VOTE', votes: null, reason: '建议已采纳，但未列入本次票决候选项目', proposalIds: [unused] });
    expect(items.some((i) => i.name === '改造居民小区配水管网20公里')).toBe(false);
    const audit = await t.server.db.getRepository(AuditRecord).findOneBy({ action: 'livelihood.reserve.add', entityId: first.id });
    expect(audit?.areaId).toBe(fuxin);
    void parks;

    // 2022: the list draws two items from the reserve and takes a new proposal.
    const fresh = await proposal('新建社区居家养老服务站5个');
    const laneItem = byName.get('改造城区背街小巷40条')!;
    const stopItem = byName.get('建设农村客运候车亭100个')!;
    const second = await session('阜新市十六届人大五次会议', '2022-01-10', [
      { name: '改造城区背街小巷40条', reserveItemId: laneItem.id, proposalIds: [behind] },
      { name: '建设农村客运候车亭100个', reserveItemId: stopItem.id, proposalIds: [unused] },
      { name: '新建社区居家养老服务站5个', proposalIds: [fresh] },
    ]);
    expect((await reserve('DRAWN')).map((i) => [i.name, i.drawnIntoSession?.name])).toEqual(expect.arrayContaining([['改造城区背街小巷40条', '阜新市十六届人大五次会议']]));
    const shown = await t.gql<{ voteSession: { candidates: { name: string; reserveItem: { votes: number | null; reason: string; fromSession: { name: string } } | null }[] } }>(CANDIDATES, { id: second.id });
    expect(shown.data!.voteSession.candidates[0].reserveItem).toMatchObject({ votes: 1, fromSession: { name: '阜新市十六届人大四次会议' } });
    expect(shown.data!.voteSession.candidates[2].reserveItem).toBeNull();

    // Another session cannot draw an item this one holds, nor the same item twice.
    const other = await t.gql<{ createVoteSession: { id: string } }>(Q.create, { c: String(fuxin), i: { name: '另一次会议', meetingDate: '2022-02-01', seats: 1 } }, admin);
    const clash = await t.gql(Q.candidates, { s: other.data!.createVoteSession.id, c: [{ name: '甲项目', description: 'x', reserveItemId: laneItem.id }, { name: '乙项目', description: 'y' }] }, admin);
    expect(clash.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'candidates[0].reserveItemId' });
    const twice = await t.gql(Q.candidates, { s: second.id, c: [{ name: '甲项目', description: 'x', reserveItemId: laneItem.id }, { name: '乙项目', description: 'y', reserveItemId: laneItem.id }] }, admin);
    expect(twice.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'candidates[1].reserveItemId' });

    // Dropping it from the list puts it back in the reserve; taking it again draws it again.
    await t.gql(Q.candidates, { s: second.id, c: [{ name: '新建社区居家养老服务站5个', description: 'x', proposalIds: [fresh] }, { name: '乙项目', description: 'y' }] }, admin);
    expect((await reserve('RESERVED')).map((i) => i.name)).toContain('改造城区背街小巷40条');
    const again = await t.gql<{ setVoteCandidates: { id: string }[] }>(Q.candidates, { s: second.id, c: [{ name: '改造城区背街小巷40条', description: 'x', reserveItemId: laneItem.id, proposalIds: [behind] }, { name: '新建社区居家养老服务站5个', description: 'y', proposalIds: [fresh] }] }, admin);
    const [lanes2, care] = again.data!.setVoteCandidates.map((x) => x.id);

    // It loses again: a new item whose history is last year's.
    await vote(second.id, [care, care, care, lanes2]);
    const now = (await reserve('RESERVED')).find((i) => i.name === '改造城区背街小巷40条')!;
    expect(now).toMatchObject({ fromSession: { name: '阜新市十六届人大五次会议' }, votes: 1, history: [{ id: laneItem.id, votes: 1, fromSession: { name: '阜新市十六届人大四次会议' } }] });
    // The proposal left out of 2022's list is reserved once only.
    expect((await reserve()).filter((i) => i.name === '建设农村客运候车亭100个')).toHaveLength(1);
  });

  it('lets the congress’s admins withdraw an item with a reason, once', async () => {
    const item = (await reserve('RESERVED')).find((i) => i.name === '新建城市口袋公园15个')!;
    expect(errorCode(await t.gql(WITHDRAW, { id: item.id, r: '已列入城建计划' }, tok['admin.shenyang']))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(WITHDRAW, { id: item.id, r: '已列入城建计划' }, tok[delegates[0]]))).toBe('FORBIDDEN');
    const short = await t.gql(WITHDRAW, { id: item.id, r: ' ' }, admin);
    expect(short.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const done = await t.gql<{ withdrawLivelihoodReserveItem: { status: string; withdrawnReason: string } }>(WITHDRAW, { id: item.id, r: '已列入城建计划' }, admin);
    expect(done.data!.withdrawLivelihoodReserveItem).toEqual({ id: item.id, status: 'WITHDRAWN', withdrawnReason: '已列入城建计划' });
    expect(errorCode(await t.gql(WITHDRAW, { id: item.id, r: '再次出库' }, admin))).toBe('CONFLICT');
    const audit = await t.server.db.getRepository(AuditRecord).findOneBy({ action: 'livelihood.reserve.withdraw', entityId: item.id });
    expect(audit?.areaId).toBe(fuxin);
  });

  it('lets exactly one of two sessions drawing the same item at once have it', async () => {
    const item = (await reserve('RESERVED'))[0];
    const ids: string[] = [];
    for (const n of ['并发会议甲', '并发会议乙']) ids.push((await t.gql<{ createVoteSession: { id: string } }>(Q.create, { c: String(fuxin), i: { name: n, meetingDate: '2023-01-10', seats: 1 } }, admin)).data!.createVoteSession.id);
    const results = await Promise.all(ids.map((s) => t.gql(Q.candidates, { s, c: [{ name: item.name, description: 'x', reserveItemId: item.id }, { name: '其他', description: 'y' }] }, admin)));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors).map(errorCode).every((c) => c === 'CONFLICT' || c === 'BAD_USER_INPUT')).toBe(true);
    expect((await reserve('DRAWN')).filter((i) => i.id === item.id)).toHaveLength(1);
  });
});
