import { periodOfInstant, shanghaiDate, wan } from '@kpd/domain';
import type { EntityManager } from 'typeorm';
import { Role, User } from '../../core/auth/user.entity';
import { chunks } from '../../core/xlsx';
import type { Tx } from '../../core/transaction';
import type { SeedContext } from '../../core/module';
import { BallotSource, EvaluationBallot, EvaluationParticipation, RoundParticipation, SealedBallot } from './ballot.entity';
import { EvaluationRound, LivelihoodMilestone, LivelihoodProgress, LivelihoodProject, ObligationStatus } from './project.entity';
import { LivelihoodProposal, ProposalCategory, ProposalSource, ProposalStatus, ScreeningReason } from './proposal.entity';
import { parseQuantity } from './quantity';
import { addToDigest, ballotHash, chain, newReceiptCode, sha256, ZERO_DIGEST } from './secrecy';
import { sealBoard } from './board.service';
import { RosterEntry, RoundStatus, SessionStatus, VoteCandidateEntity, VoteRound, VoteSession } from './session.entity';
import { closeRoundIn, sealedBallotRow } from './voting.service';
import { newCountingKey, rebuildCountingKey } from './counting-key';
import { newSupportSalt } from './support.service';
import { BOARD_BATCH, canonicalJson, sessionFingerprintInput } from '@kpd/domain';
import { rateProject } from './delivery.service';
import { FUXIN_RULE, seedFuxinSubItems, seedFuxinSupervision, seedFuxinSurvey } from './supervision.seed';

/** Delegates on the demo roster of 阜新市十六届人大四次会议 (delegate.001 … delegate.360). */
export const DEMO_ROSTER_SIZE = 360;

const DELEGATIONS = ['海州区代表团', '新邱区代表团', '太平区代表团', '清河门区代表团', '细河区代表团', '阜新蒙古族自治县代表团', '彰武县代表团', '驻阜部队代表团'];
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const GIVEN = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀兰', '霞', '平', '刚', '桂英', '建华', '玉兰', '志强', '海燕', '国庆', '红梅', '宇光', '莉莉', '晓东', '春雷', '立新', '淑华', '振宇'];

/** The 15 candidates of the demo vote: the report's projects first, then others of the kind. */
const CANDIDATES: { name: string; dept: string; qty: string; unit: string; cost: bigint; category: ProposalCategory; votes: number }[] = [
  { name: '实施老旧小区改造工程222万平方米', dept: '市住房和城乡建设局', qty: '222', unit: '万平方米', cost: wan(96000), category: ProposalCategory.HOUSING, votes: 318 },
  { name: '维修改造城乡校舍10万平方米', dept: '市教育局', qty: '10', unit: '万平方米', cost: wan(8600), category: ProposalCategory.EDUCATION, votes: 312 },
  { name: '改造居民小区配水管网20公里', dept: '市水务局', qty: '20', unit: '公里', cost: wan(4200), category: ProposalCategory.UTILITIES, votes: 301 },
  { name: '维修改造农村公路500公里', dept: '市交通运输局', qty: '500', unit: '公里', cost: wan(25000), category: ProposalCategory.TRANSPORT, votes: 290 },
  { name: '改造城市老旧供热管网30公里', dept: '市住房和城乡建设局', qty: '30', unit: '公里', cost: wan(9000), category: ProposalCategory.UTILITIES, votes: 276 },
  { name: '为城乡适龄妇女免费开展“两癌”筛查2万人', dept: '市卫生健康委员会', qty: '2', unit: '万人', cost: wan(600), category: ProposalCategory.HEALTH, votes: 263 },
  { name: '建设社区居家养老服务中心20个', dept: '市民政局', qty: '20', unit: '个', cost: wan(2000), category: ProposalCategory.ELDERLY_CARE, votes: 251 },
  { name: '巩固提升农村饮水安全5万人', dept: '市水务局', qty: '5', unit: '万人', cost: wan(3500), category: ProposalCategory.UTILITIES, votes: 240 },
  { name: '新增城区公共停车泊位3000个', dept: '市公安局交通警察支队', qty: '3000', unit: '个', cost: wan(1500), category: ProposalCategory.TRANSPORT, votes: 226 },
  { name: '新建改造城市公共厕所50座', dept: '市城市管理综合行政执法局', qty: '50', unit: '座', cost: wan(1000), category: ProposalCategory.ENVIRONMENT, votes: 214 },
  { name: '改造城区背街小巷40条', dept: '市住房和城乡建设局', qty: '40', unit: '条', cost: wan(3200), category: ProposalCategory.HOUSING, votes: 139 },
  { name: '建设全民健身场地设施30处', dept: '市文化旅游和广播电视局', qty: '30', unit: '处', cost: wan(900), category: ProposalCategory.CULTURE_SPORTS, votes: 121 },
  { name: '改造城区道路照明2000盏', dept: '市城市管理综合行政执法局', qty: '2000', unit: '盏', cost: wan(800), category: ProposalCategory.ENVIRONMENT, votes: 104 },
  { name: '新建城市口袋公园15个', dept: '市自然资源局', qty: '15', unit: '个', cost: wan(1200), category: ProposalCategory.ENVIRONMENT, votes: 86 },
  { name: '建设农村客运候车亭100个', dept: '市交通运输局', qty: '100', unit: '个', cost: wan(300), category: ProposalCategory.TRANSPORT, votes: 71 },
];

/** Proposals came in over September and early October 2020 and were screened before the demo's day. */
const SCREENED_AT = new Date('2020-10-12T02:00:00Z');
function proposedAt(i: number): Date {
  return new Date(Date.UTC(2020, 8, 1 + ((i * 3) % 36), 2));
}

/** Small deterministic generator, so the demo looks the same on every start (receipt codes aside). */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function delegateName(i: number): string {
  return SURNAMES[(i * 7) % SURNAMES.length] + GIVEN[(i * 11 + Math.floor(i / 13)) % GIVEN.length];
}

/** Gives each candidate its votes across the ballots, never more marks on a ballot than seats. */
function markBallots(count: number, seats: number, votes: { id: number; votes: number }[]): number[][] {
  const ballots: number[][] = Array.from({ length: count }, () => []);
  for (const c of votes) {
    const open = ballots.map((b, i) => ({ b, i })).filter((x) => x.b.length < seats).sort((a, b) => a.b.length - b.b.length || a.i - b.i);
    for (const x of open.slice(0, c.votes)) x.b.push(c.id);
  }
  return ballots;
}

async function insertDelegates(seed: SeedContext, em: EntityManager, cityId: number): Promise<Map<number, number>> {
  const existing = new Map((await em.find(User, { select: { id: true, username: true } })).map((u) => [u.username, u.id]));
  const rows: Partial<User>[] = [];
  for (let i = 1; i <= DEMO_ROSTER_SIZE; i++) {
    const username = `delegate.${String(i).padStart(3, '0')}`;
    if (existing.has(username)) continue;
    rows.push({ username, displayName: `阜新市人大代表 ${String(i).padStart(3, '0')}`, role: Role.DELEGATE, areaId: cityId, passwordHash: seed.demoPasswordHash, active: true, failedLogins: 0, lockedUntil: null });
  }
  for (const part of chunks(rows, 200)) await em.insert(User, part);
  const all = new Map((await em.find(User, { select: { id: true, username: true } })).map((u) => [u.username, u.id]));
  const byNumber = new Map<number, number>();
  for (let i = 1; i <= DEMO_ROSTER_SIZE; i++) byNumber.set(i, all.get(`delegate.${String(i).padStart(3, '0')}`)!);
  return byNumber;
}

/** When report 003's vote was counted, and when the year-end evaluation of its ten projects closed. */
const VOTE_COUNTED_AT = new Date('2021-01-15T03:05:00Z');
const EVALUATION_CLOSED_AT = new Date('2021-12-28T08:00:00Z');

/**
 * Fuxin's 2021 vote (report 003: 1月15日，阜新市十六届人大四次会议…选出2021年阜新市政府10件民生实事):
 * proposals screened, 15 candidates, a roster of 360 delegates, 342 ballots (7 on paper), 10
 * adopted, their 2021 delivery and the year-end evaluation.
 *
 * The demo holds what had happened by its day (`seed.now`): on the demo's default day, 2020-10-15,
 * the proposals are in and screened and the session is in preparation (its 15 candidates for 10
 * seats and its roster of 360 set, nobody checked in), so an admin of 阜新市 runs the check-in, the
 * vote and the count themselves. On a later day (`KPD_TODAY`, or the real date) the vote has been held
 * as the report records it, with the delivery months and milestones up to that day and the evaluation
 * once it closed.
 */
export async function seedLivelihood(seed: SeedContext): Promise<void> {
  const { em } = seed;
  const fuxin = seed.area('阜新市');
  const rand = prng(2021_01_15);
  const delegates = await insertDelegates(seed, em, fuxin.id);
  const adminId = seed.userId('admin.fuxin');

  // Proposals: the public, delegates and departments; screened with published reasons.
  const proposalIds: number[] = [];
  const districts = ['海州区', '新邱区', '太平区', '清河门区', '细河区', '阜新蒙古族自治县', '彰武县'].map((n) => seed.area(n).id);
  for (let i = 0; i < CANDIDATES.length; i++) {
    const c = CANDIDATES[i];
    const source = i % 3 === 0 ? ProposalSource.PUBLIC : i % 3 === 1 ? ProposalSource.DELEGATE : ProposalSource.DEPARTMENT;
    const p = await em.save(
      em.create(LivelihoodProposal, {
        areaId: fuxin.id,
        districtId: i % 4 === 3 ? districts[i % districts.length] : null,
        title: c.name.replace(/\d.*$/, '') || c.name,
        description: `建议${c.name}，由${c.dept}牵头实施，当年完成。`,
        category: c.category,
        estimatedCost: c.cost,
        source,
        submitterUserId: source === ProposalSource.DELEGATE ? delegates.get(1 + i)! : source === ProposalSource.DEPARTMENT ? adminId : null,
        submitterName: source === ProposalSource.PUBLIC ? `${delegateName(500 + i)}（群众）` : null,
        contact: source === ProposalSource.PUBLIC ? `1390418${String(1000 + i * 37).slice(0, 4)}` : null,
        trackingCode: `MS2021DEMO${String(i + 10).padStart(2, '0')}`,
        status: ProposalStatus.ACCEPTED,
        reasonCode: ScreeningReason.ACCEPTED_AS_CANDIDATE,
        reasonNote: '列入2021年民生实事候选项目',
        mergedIntoId: null,
        screenedAt: SCREENED_AT,
        createdAt: proposedAt(i),
      }),
    );
    proposalIds.push(p.id);
  }
  const rejected: [string, ProposalCategory, ScreeningReason, string][] = [
    ['全市居民小区统一加装电梯并由住户分摊费用', ProposalCategory.HOUSING, ScreeningReason.ADDS_PUBLIC_BURDEN, '需住户承担费用，按自愿原则另行推进'],
    ['举债新建市级大型体育中心', ProposalCategory.CULTURE_SPORTS, ScreeningReason.DEBT_RISK, '需新增政府债务，不列入'],
    ['修建阜新至彰武城际轨道交通', ProposalCategory.TRANSPORT, ScreeningReason.NOT_FEASIBLE_THIS_YEAR, '投资大、周期长，当年无法完成'],
    ['改造海州区居民小区老旧供水管道', ProposalCategory.UTILITIES, ScreeningReason.MERGED, '并入“改造居民小区配水管网20公里”'],
    ['扩建市第二人民医院门诊楼', ProposalCategory.HEALTH, ScreeningReason.ALREADY_PLANNED, '已列入市卫生健康重点项目计划'],
  ];
  for (let i = 0; i < rejected.length; i++) {
    const [title, category, reason, note] = rejected[i];
    await em.insert(LivelihoodProposal, {
      areaId: fuxin.id,
      districtId: null,
      title,
      description: `${title}，以改善群众生活条件。`,
      category,
      estimatedCost: null,
      source: ProposalSource.PUBLIC,
      submitterUserId: null,
      submitterName: `${delegateName(600 + i)}（群众）`,
      contact: null,
      trackingCode: `MS2021DEMO${String(40 + i)}`,
      status: reason === ScreeningReason.MERGED ? ProposalStatus.ACCEPTED : ProposalStatus.REJECTED,
      reasonCode: reason,
      reasonNote: note,
      mergedIntoId: reason === ScreeningReason.MERGED ? proposalIds[2] : null,
      screenedAt: SCREENED_AT,
      createdAt: proposedAt(20 + i),
    });
  }
  await em.insert(LivelihoodProposal, {
    areaId: fuxin.id,
    districtId: districts[6],
    title: '为彰武县农村学校配备校车',
    description: '彰武县部分农村学生上学路途远，建议为农村学校配备校车，保障学生上下学安全。',
    category: ProposalCategory.EDUCATION,
    estimatedCost: wan(1200),
    source: ProposalSource.PUBLIC,
    submitterUserId: null,
    submitterName: '群众',
    contact: null,
    trackingCode: 'MS2022DEMO01',
    status: ProposalStatus.SUBMITTED,
    reasonCode: null,
    reasonNote: null,
    mergedIntoId: null,
    screenedAt: null,
  });

  // The session, its candidates and roster.
  const session = await em.save(
    em.create(VoteSession, {
      areaId: fuxin.id,
      name: '阜新市十六届人大四次会议',
      meetingDate: '2021-01-15',
      seats: 10,
      opensAt: new Date('2021-01-15T01:30:00Z'),
      closesAt: new Date('2021-01-15T03:00:00Z'),
      status: SessionStatus.DRAFT,
      currentRound: 0,
      fingerprint: null,
      version: 1,
    }),
  );
  const candidates = await em.save(
    CANDIDATES.map((c, i) =>
      em.create(VoteCandidateEntity, {
        sessionId: session.id,
        position: i + 1,
        name: c.name,
        description: `${c.dept}牵头，2021年内完成${c.qty}${c.unit}。`,
        leadDepartment: c.dept,
        targetQuantity: parseQuantity(c.qty, 'qty'),
        unit: c.unit,
        estimatedCost: c.cost,
        proposalIds: String(proposalIds[i]),
        adopted: false,
        adoptedInRound: null,
      }),
    ),
  );
  const held = seed.now >= VOTE_COUNTED_AT;
  const today = shanghaiDate(seed.now);
  const rosterRows = [...delegates].map(([n, userId]) => ({
    sessionId: session.id,
    userId,
    name: n <= 3 ? `代表${String(n).padStart(3, '0')}` : delegateName(n),
    delegation: DELEGATIONS[n % DELEGATIONS.length],
    scrutineer: n === 3 || n === 17,
    // 351 checked in; 009, 018, … (nine) did not come.
    checkedInAt: !held || n % 40 === 9 ? null : new Date(Date.UTC(2021, 0, 15, 0, 30, 0) + n * 4000),
  }));
  for (const part of chunks(rosterRows, 200)) await em.insert(RosterEntry, part);
  if (!held) {
    await seedCountySession(seed);
    return;
  }

  // Round 1, opened with the fingerprint of the frozen rules and list, and its counting key.
  const key = newCountingKey();
  const canonical = sessionFingerprintInput({ rosterSize: DEMO_ROSTER_SIZE, seats: 10, candidates: candidates.map((c) => ({ id: String(c.id), name: c.name })) });
  const fingerprint = sha256(canonical);
  const round = await em.save(
    em.create(VoteRound, {
      sessionId: session.id,
      number: 1,
      seats: 10,
      candidateIds: candidates.map((c) => c.id).join(','),
      rosterSize: DEMO_ROSTER_SIZE,
      fingerprint,
      canonical,
      status: RoundStatus.OPEN,
      openedAt: new Date('2021-01-15T01:30:00Z'),
      closedAt: null,
      digest: ZERO_DIGEST,
      paperIssued: 8,
      chainHead: null,
      result: null,
      publicKey: key.publicKey,
    }),
  );
  await em.update(VoteSession, { id: session.id }, { status: SessionStatus.VOTING, currentRound: 1, fingerprint, version: 2 });

  // 342 voters: 334 in the app, 8 handed paper sheets of which 7 came back (2 marking too many).
  const voters = rosterRows.filter((r) => r.checkedInAt !== null).slice(0, 342);
  const marks = markBallots(340, 10, candidates.map((c, i) => ({ id: c.id, votes: CANDIDATES[i].votes })));
  const sheets: { choices: number[]; source: BallotSource }[] = marks.slice(0, 335).map((m) => ({ choices: m, source: BallotSource.ELECTRONIC }));
  for (const m of marks.slice(335)) sheets.push({ choices: m, source: BallotSource.PAPER });
  const tooMany = candidates.slice(0, 11).map((c) => c.id);
  sheets.push({ choices: tooMany, source: BallotSource.PAPER }, { choices: [...tooMany].reverse(), source: BallotSource.PAPER });
  const participation = voters.map((v, i) => ({ roundId: round.id, userId: v.userId, method: i < 334 ? BallotSource.ELECTRONIC : BallotSource.PAPER }));
  for (const part of chunks(participation, 300)) await em.insert(RoundParticipation, part);
  // Every ballot sealed under the round's counting key; the key's shares are used once, at the count.
  let digest = ZERO_DIGEST;
  const ballotRows = sheets
    .filter((_, i) => i < 334 || i >= 335)
    .map((s) => {
      const row = sealedBallotRow({ ...round, publicKey: key.publicKey }, s.choices.join(','), s.source);
      digest = addToDigest(digest, row.tracker);
      return row;
    });
  void rand;
  // Cast in batches of ten, each sealed onto the bulletin board as the vote goes on.
  for (const part of chunks(ballotRows, BOARD_BATCH)) {
    await em.insert(SealedBallot, part);
    await sealBoard(em, round);
  }
  await em.update(VoteRound, { id: round.id }, { digest });

  // Counted with two of the three shares: the top ten pass the majority of 181; the obligations are created.
  const tx: Tx = { em, audit: async () => undefined, unchanged: () => undefined };
  await closeRoundIn(tx, session.id, VOTE_COUNTED_AT, rebuildCountingKey(key.publicKey, key.shares.slice(1)));

  // 2021 delivery: milestones, monthly progress, closed out by year end (one not quite).
  const projects = await em.find(LivelihoodProject, { where: { sessionId: session.id }, order: { candidateId: 'ASC' } });
  for (const [i, p] of projects.entries()) {
    const behind = i === 8; // the parking spaces fell short
    const milestones = [
      { projectId: p.id, name: '完成项目前期和招标', dueDate: '2021-04-30', doneDate: '2021-04-2' + (i % 8) },
      { projectId: p.id, name: '全面开工', dueDate: '2021-05-31', doneDate: '2021-05-2' + (i % 9) },
      { projectId: p.id, name: '完成年度目标的一半', dueDate: '2021-08-31', doneDate: behind ? '2021-09-15' : '2021-08-2' + (i % 9) },
      { projectId: p.id, name: '完工验收', dueDate: '2021-11-30', doneDate: behind ? null : '2021-11-2' + (i % 9) },
    ];
    await em.insert(LivelihoodMilestone, milestones.map((m) => ({ ...m, doneDate: m.doneDate !== null && m.doneDate <= today ? m.doneDate : null })));
    const months = ['2021-04', '2021-05', '2021-06', '2021-07', '2021-08', '2021-09', '2021-10', '2021-11'];
    const shares = [5, 15, 20, 20, 15, 10, 10, 5];
    const target = p.targetQuantity;
    let given = 0n;
    const rows = months.map((period, k) => {
      let qty = (target * BigInt(shares[k])) / 100n;
      if (k === months.length - 1) qty = target - given;
      if (behind && k >= 6) qty = k === 6 ? (target * 4n) / 100n : 0n;
      given += qty;
      return { projectId: p.id, period, quantityDone: qty, note: `${p.leadDepartment}报送：本月完成${(Number(qty) / 1000).toString()}${p.unit}`, reportedByUserId: adminId };
    });
    // A month's progress is reported once the month has ended.
    const reported = rows.filter((r) => r.period < periodOfInstant(seed.now));
    if (reported.length) await em.insert(LivelihoodProgress, reported);
    const completedOn = `2021-11-${25 + (i % 5)}`;
    if (!behind && completedOn <= today) await em.update(LivelihoodProject, { id: p.id }, { status: ObligationStatus.COMPLETED, completedOn });
  }
  if (seed.now < EVALUATION_CLOSED_AT) {
    await seedCountySession(seed);
    return;
  }

  // Year-end evaluation: 330 delegates rate each project; all sheets counted by the rule.
  const evalCanonical = canonicalJson({ kind: 'evaluation', sessionId: session.id, year: 2021, rosterSize: DEMO_ROSTER_SIZE, ratings: ['SATISFIED', 'BASICALLY_SATISFIED', 'UNSATISFIED'], projects: projects.map((p) => ({ id: String(p.id), name: p.name })) });
  const evalFingerprint = sha256(evalCanonical);
  const evaluation = await em.save(
    em.create(EvaluationRound, {
      sessionId: session.id,
      year: 2021,
      projectIds: projects.map((p) => p.id).join(','),
      rosterSize: DEMO_ROSTER_SIZE,
      fingerprint: evalFingerprint,
      canonical: evalCanonical,
      status: RoundStatus.OPEN,
      openedAt: new Date('2021-12-20T01:00:00Z'),
      closedAt: null,
      digest: ZERO_DIGEST,
      chainHead: null,
      result: null,
    }),
  );
  const raters = voters.slice(0, 330);
  await em.insert(EvaluationParticipation, raters.map((r) => ({ evaluationId: evaluation.id, userId: r.userId })).slice(0, 330));
  const evalSheets = raters.map((_, k) => {
    const content = projects
      .map((p, i) => {
        const x = (k * 31 + i * 17) % 330;
        const satisfiedBelow = i === 8 ? 150 : 240 - i * 4;
        const code = x < satisfiedBelow ? 'S' : x < 318 ? 'B' : 'U';
        return `${p.id}:${code}`;
      })
      .join(';');
    const receiptCode = newReceiptCode();
    return { receiptCode, evaluationId: evaluation.id, ratings: content, ballotHash: ballotHash(evalFingerprint, receiptCode, content, 'EVALUATION'), prevHash: null as string | null, chainHash: null as string | null };
  });
  evalSheets.sort((a, b) => (a.receiptCode < b.receiptCode ? -1 : 1));
  const { links, head } = chain(evalFingerprint, evalSheets.map((s) => s.ballotHash));
  evalSheets.forEach((s, i) => Object.assign(s, { prevHash: links[i].prev, chainHash: links[i].hash }));
  for (const part of chunks(evalSheets, 200)) await em.insert(EvaluationBallot, part);
  // Counted with the households' part (60 of 100, as 镇海 does) from the demo's survey.
  const surveys = await seedFuxinSurvey(em, session.areaId, session.id, evaluation.id, projects, adminId);
  const results = projects.map((p) => {
    const c = { S: 0, B: 0, U: 0 };
    for (const s of evalSheets) {
      const code = s.ratings.split(';').find((x) => x.startsWith(`${p.id}:`))!.split(':')[1] as 'S' | 'B' | 'U';
      c[code]++;
    }
    return rateProject(FUXIN_RULE, DEMO_ROSTER_SIZE, p.id, c, surveys.get(p.id)!);
  });
  await em.update(EvaluationRound, { id: evaluation.id }, {
    status: RoundStatus.CLOSED,
    closedAt: EVALUATION_CLOSED_AT,
    digest: evalSheets.reduce((d, s) => addToDigest(d, s.ballotHash), ZERO_DIGEST),
    chainHead: head,
    result: JSON.stringify({ sheets: evalSheets.length, projects: results, rule: FUXIN_RULE }),
  });
  await seedFuxinSupervision(em, session.id, projects, adminId);
  await seedFuxinSubItems(em, projects[0], adminId);
  await seedCountySession(seed);
}

/** Delegates of the demo county congress of 苏家屯区 (delegate.sjt01 … delegate.sjt40). */
export const SUJIATUN_ROSTER_SIZE = 40;

/**
 * A county-level congress beside Fuxin's city one: 苏家屯区's session (演示数据: the reports give no
 * county vote, so its name and candidates are illustrative, in the manner of Fuxin's), in
 * preparation — its own roster of 40 district delegates, 7 candidates for 5 seats — for
 * admin.sujiatun to run: delegates check in, the vote opens at two thirds of its own roster.
 */
export async function seedCountySession(seed: SeedContext): Promise<void> {
  const { em } = seed;
  const sujiatun = seed.area('苏家屯区');
  const towns = ['临湖街道', '沙河街道'];
  const rows: Partial<User>[] = [];
  const existing = new Set((await em.find(User, { select: { username: true } })).map((u) => u.username));
  for (let i = 1; i <= SUJIATUN_ROSTER_SIZE; i++) {
    const username = `delegate.sjt${String(i).padStart(2, '0')}`;
    if (!existing.has(username)) rows.push({ username, displayName: `苏家屯区人大代表 ${String(i).padStart(2, '0')}`, role: Role.DELEGATE, areaId: sujiatun.id, passwordHash: seed.demoPasswordHash, active: true, failedLogins: 0, lockedUntil: null });
  }
  if (rows.length) await em.insert(User, rows);
  const users = await em.find(User, { where: { areaId: sujiatun.id, role: Role.DELEGATE }, order: { username: 'ASC' } });
  const session = await em.save(
    em.create(VoteSession, {
      areaId: sujiatun.id,
      name: '苏家屯区人民代表大会会议（演示）',
      // Scheduled after the demo's day (2020-10-15); the public's support poll opened on 1 October
      // and has no closing set, so it is open on the demo's day and any day after.
      meetingDate: '2021-01-08',
      seats: 5,
      opensAt: null,
      closesAt: null,
      supportOpensAt: new Date('2020-10-01T00:00:00Z'),
      supportClosesAt: null,
      supportSalt: newSupportSalt(),
      status: SessionStatus.DRAFT,
      currentRound: 0,
      fingerprint: null,
      version: 1,
    }),
  );
  const list: [string, string, string, string, bigint][] = [
    ['改造临湖街道老旧小区供热管网5公里', '区住房和城乡建设局', '5', '公里', wan(1500)],
    ['维修改造农村公路60公里', '区交通运输局', '60', '公里', wan(3000)],
    ['新建社区卫生服务站3个', '区卫生健康局', '3', '个', wan(450)],
    ['改造沙河街道背街小巷12条', '区住房和城乡建设局', '12', '条', wan(960)],
    ['新建社区居家养老服务站5个', '区民政局', '5', '个', wan(500)],
    ['为中小学校配备校园安防设施20所', '区教育局', '20', '所', wan(300)],
    ['新增公共停车泊位500个', '区城市管理局', '500', '个', wan(250)],
  ];
  await em.insert(
    VoteCandidateEntity,
    list.map(([name, dept, qty, unit, cost], i) => ({
      sessionId: session.id,
      position: i + 1,
      name,
      description: `${dept}牵头，2022年内完成${qty}${unit}。`,
      leadDepartment: dept,
      targetQuantity: parseQuantity(qty, 'qty'),
      unit,
      estimatedCost: cost,
      proposalIds: '',
      adopted: false,
      adoptedInRound: null,
    })),
  );
  await em.insert(
    RosterEntry,
    users.slice(0, SUJIATUN_ROSTER_SIZE).map((u, i) => ({
      sessionId: session.id,
      userId: u.id,
      name: delegateName(900 + i),
      delegation: `${towns[i % towns.length]}代表团`,
      scrutineer: i === 0,
      checkedInAt: null,
    })),
  );
}
