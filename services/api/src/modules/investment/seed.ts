import { addDays, addMonths, periodOfInstant, periodRange, shanghaiDate, type Fen } from '@kpd/domain';
import type { EntityManager } from 'typeorm';
import type { SeedContext } from '../../core/module';
import { bulkInsert } from '../../db/bulk-insert';
import { computeLights, storeLights } from '../projects/lights.service';
import { MonthlyReport, PlanMonth, PlanYear } from '../projects/plan.entity';
import { Project, ProjectCategory, ProjectStage, ProjectStageChange } from '../projects/project.entity';
import { Secretary, SecretaryAssignment, TeamRole } from '../secretaries/secretary.entity';
import { creditCode, generateCompanies, prng } from './generator';
import { ChainLink, ChainNode, CompanyNode, CompanySize, IndustryChain, InvestmentLead, InvestmentTargets, LeadSource, LeadStage, LeadStep, LeadStepKind, TargetCompany } from './investment.entity';

/**
 * 沈抚改革创新示范区's 产业链图谱招商平台 (report 004): three chains, their local companies, 1,000+ target
 * companies found by 补链补图筛选, and a pipeline in which nearly half of the leads come from the platform
 * and just over 10% of this year's signed projects (the report's "近50%" and "超过10%"). Signing targets are
 * Dadong's (80 signed, 2 over 20亿元, 1 over 50亿元). Three signed projects are already key projects of
 * 沈抚新城 with their secretaries (招服一体). Deterministic: the same data on every run.
 */

type NodeSeed = { name: string; priority: number; local?: number; children?: NodeSeed[] };
type ChainSeed = { name: string; description: string; words: string[]; links: Record<ChainLink, NodeSeed[]> };

const n = (name: string, priority: number, local = 0, children?: NodeSeed[]): NodeSeed => ({ name, priority, local, children });

export const SHENFU_CHAINS: ChainSeed[] = [
  {
    name: '集成电路',
    description: '补齐材料与设备短板，做强芯片设计与封测，带动信创整机与汽车电子',
    words: ['微电子', '半导体', '芯片科技', '集成电路', '电子材料', '精密设备'],
    links: {
      UPSTREAM: [
        n('半导体材料', 2, 0, [n('硅片', 1), n('光刻胶', 1), n('电子特气', 2, 1), n('溅射靶材', 2)]),
        n('半导体设备', 2, 1, [n('刻蚀设备', 1), n('薄膜沉积设备', 2), n('检测设备', 3, 1), n('真空零部件', 3, 2)]),
      ],
      MIDSTREAM: [
        n('芯片设计', 1, 0, [n('处理器（CPU）', 1), n('存储芯片', 2), n('功率半导体（IGBT）', 1, 1), n('传感器芯片', 3)]),
        n('晶圆制造', 1),
        n('封装测试', 2, 2),
      ],
      DOWNSTREAM: [n('信创整机', 2, 1), n('工业控制', 3, 3), n('汽车电子', 2, 1), n('消费电子', 4)],
    },
  },
  {
    name: '新能源汽车',
    description: '以整车带动动力电池、电驱电控和智能网联配套落地',
    words: ['新能源', '动力电池', '汽车零部件', '电驱科技', '智能网联', '储能'],
    links: {
      UPSTREAM: [n('电池材料', 2, 0, [n('正极材料', 1), n('负极材料', 2), n('电解液', 2, 1), n('隔膜', 3)]), n('车规级芯片', 1)],
      MIDSTREAM: [
        n('动力电池', 1, 0, [n('电芯', 1), n('电池管理系统（BMS）', 2, 1)]),
        n('驱动电机', 2, 1),
        n('电控系统', 2),
        n('智能座舱', 3),
      ],
      DOWNSTREAM: [n('整车制造', 1, 1), n('充换电设施', 2, 2), n('智慧停车', 3, 1), n('汽车后市场', 4, 3)],
    },
  },
  {
    name: '生物医药',
    description: '围绕生物药与高端医疗器械补链，配套原料药与研发外包服务',
    words: ['生物科技', '医药', '制药', '医疗器械', '生命科学', '基因技术'],
    links: {
      UPSTREAM: [n('原料药', 2, 1), n('医药中间体', 3, 1), n('生物试剂', 2), n('制药装备', 3, 1)],
      MIDSTREAM: [
        n('化学药', 3, 2),
        n('生物药', 1, 0, [n('抗体药物', 1), n('疫苗', 2)]),
        n('现代中药', 3, 2),
        n('医疗器械', 2, 0, [n('体外诊断', 2, 1), n('医学影像设备', 1)]),
      ],
      DOWNSTREAM: [n('医药流通', 4, 3), n('医疗服务', 3, 2), n('研发外包（CRO/CDMO）', 1)],
    },
  },
];

/** Planned investment of a lead: 元 → 分. */
const yuan = (v: number): Fen => BigInt(Math.round(v)) * 100n;
const YI = 100_000_000;

/** Leads per stage: from the platform, and from every other source (their sum is the pipeline). */
const PLATFORM_STAGES: Array<[LeadStage, number]> = [
  [LeadStage.LEAD, 24], [LeadStage.CONTACTED, 18], [LeadStage.VISITED, 10], [LeadStage.NEGOTIATING, 12],
  [LeadStage.SIGNED, 3], [LeadStage.REGISTERED, 1], [LeadStage.STARTED, 0], [LeadStage.KEY_PROJECT, 1],
];
const OTHER_STAGES: Array<[LeadStage, number]> = [
  [LeadStage.LEAD, 10], [LeadStage.CONTACTED, 8], [LeadStage.VISITED, 7], [LeadStage.NEGOTIATING, 9],
  [LeadStage.SIGNED, 20], [LeadStage.REGISTERED, 8], [LeadStage.STARTED, 6], [LeadStage.KEY_PROJECT, 2],
];
const OTHER_SOURCES = [LeadSource.VISIT, LeadSource.BUSINESS_REFERRAL, LeadSource.EXPO, LeadSource.MATCHMAKING, LeadSource.OTHER, LeadSource.VISIT];
/** The lead of the 龙芯 and 蓝卡 match (撮合): a signed one among the other sources. */
const MATCHED = 110;
const MATCHED_LEAD = '龙芯蓝卡智慧停车终端国产化项目';
const ORDER = [LeadStage.LEAD, LeadStage.CONTACTED, LeadStage.VISITED, LeadStage.NEGOTIATING, LeadStage.SIGNED, LeadStage.REGISTERED, LeadStage.STARTED, LeadStage.KEY_PROJECT];
const PEOPLE = ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨帆', '赵磊', '孙悦'];
const UNITS = ['沈抚示范区招商局', '沈抚示范区科技创新局', '沈抚示范区产业发展局', '沈抚示范区投资促进中心'];
const NEXT = ['安排企业高层来区考察', '对接用地与厂房需求', '报送投资协议文本', '组织项目评审会', '落实注册登记', '协调开工手续'];

export async function seedInvestment(seed: SeedContext): Promise<void> {
  const em = seed.em;
  const zone = seed.area('沈抚改革创新示范区');
  const newTown = seed.area('沈抚新城');
  const rand = prng(20210119);
  const today = shanghaiDate(seed.now);
  const year = Number(today.slice(0, 4));
  const dayOfYear = Math.max(1, Math.round((Date.parse(today) - Date.parse(`${year}-01-01`)) / 86_400_000));
  const taken = { codes: new Set<string>(), names: new Set<string>() };

  let contacts = 0;
  const nodesByChain = new Map<number, ChainNode[]>();
  const localWanted = new Map<number, number>();
  for (const [ci, c] of SHENFU_CHAINS.entries()) {
    const chain = await em.save(em.create(IndustryChain, { areaId: zone.id, name: c.name, description: c.description }));
    const nodes: ChainNode[] = [];
    let order = 0;
    const add = async (s: NodeSeed, link: ChainLink, parentId: number | null) => {
      const node = await em.save(em.create(ChainNode, { chainId: chain.id, areaId: zone.id, parentId, link, name: s.name, priority: s.priority, sortOrder: ++order }));
      nodes.push(node);
      localWanted.set(node.id, s.local ?? 0);
      for (const child of s.children ?? []) await add(child, link, node.id);
    };
    for (const link of [ChainLink.UPSTREAM, ChainLink.MIDSTREAM, ChainLink.DOWNSTREAM]) for (const s of c.links[link]) await add(s, link, null);
    nodesByChain.set(chain.id, nodes);

    // What is here: the local companies of each node; where to find what is missing: 360 targets per chain.
    const industry = { name: c.name, words: c.words };
    const locals = nodes.flatMap((node) =>
      generateCompanies(rand, localWanted.get(node.id)!, industry, taken, ['辽宁', '210100', '沈抚改革创新示范区']).map((g) => ({ g, nodes: [node] })),
    );
    const targets = generateCompanies(rand, 360, industry, taken).map((g, i) => {
      // Targets serve the missing nodes most (that is what they were screened for), a few the filled ones.
      const missing = nodes.filter((x) => (localWanted.get(x.id) ?? 0) === 0 && !nodes.some((y) => y.parentId === x.id));
      const pool = i % 5 === 0 ? nodes : missing;
      const first = pool[Math.floor(rand() * pool.length)];
      const second = rand() < 0.3 ? nodes[Math.floor(rand() * nodes.length)] : null;
      return { g, nodes: second && second.id !== first.id ? [first, second] : [first] };
    });
    const all = [...locals.map((x) => ({ ...x, local: true })), ...targets.map((x) => ({ ...x, local: false }))];
    await bulkInsert(
      em,
      TargetCompany,
      all.map(({ g, local }) => ({ areaId: zone.id, creditCode: g.creditCode, name: g.name, industry: g.industry, size: g.size, location: g.location, local, source: local ? LeadSource.OTHER : g.source, tagText: g.tags.join(','), ...contactOf(++contacts) })),
    );
    const ids = new Map((await em.find(TargetCompany, { where: { areaId: zone.id }, select: { id: true, creditCode: true } })).map((r) => [r.creditCode, r.id]));
    await bulkInsert(
      em,
      CompanyNode,
      all.flatMap(({ g, nodes: served, local }) => served.map((node) => ({ companyId: ids.get(g.creditCode)!, nodeId: node.id, chainId: chain.id, areaId: zone.id, local }))),
    );
    void ci;
  }

  // The pipeline.
  const chains = await em.find(IndustryChain, { where: { areaId: zone.id }, order: { id: 'ASC' } });
  const secretaries = await em.save([
    em.create(Secretary, { userId: null, areaId: newTown.id, cityId: zone.id, name: '周明', workUnit: '沈抚示范区招商局', title: '项目服务专员', contact: '024-5555 0101', version: 1 }),
    em.create(Secretary, { userId: null, areaId: newTown.id, cityId: zone.id, name: '吴婷', workUnit: '沈抚示范区产业发展局', title: '项目服务专员', contact: '024-5555 0102', version: 1 }),
  ]);
  const plan = [...PLATFORM_STAGES.flatMap(([s, k]) => Array.from({ length: k }, () => [s, LeadSource.PLATFORM] as const)), ...OTHER_STAGES.flatMap(([s, k], j) => Array.from({ length: k }, (_, i) => [s, OTHER_SOURCES[(i + j) % OTHER_SOURCES.length]] as const))];
  let seq = 0;
  let bigOnes = 0;
  for (const [stage, source] of plan) {
    seq++;
    const chain = chains[seq % chains.length];
    const nodes = nodesByChain.get(chain.id)!.filter((x) => !nodesByChain.get(chain.id)!.some((y) => y.parentId === x.id));
    const node = nodes[Math.floor(rand() * nodes.length)];
    const company = await em
      .createQueryBuilder(TargetCompany, 'tc')
      .where('tc.id IN (SELECT cn.company_id FROM target_company_nodes cn WHERE cn.node_id = :node AND cn.local = :no)', { node: node.id, no: false })
      .orderBy('tc.id', 'ASC')
      .limit(1)
      .offset(seq % 3)
      .getOne();
    const signed = ORDER.indexOf(stage) >= ORDER.indexOf(LeadStage.SIGNED);
    // Two signings of the year are big ones: one of 25亿元 and one of 56亿元 (Dadong's targets: 2 over 20亿元, 1 over 50亿元).
    let amount = (1 + Math.floor(rand() * 140) / 10) * YI;
    if (signed && source !== LeadSource.PLATFORM && bigOnes < 2 && stage === LeadStage.SIGNED) amount = [25, 56][bigOnes++] * YI;
    const signedDate = signed ? addDays(today, -Math.floor(rand() * Math.min(dayOfYear - 1, 330))) : null;
    const steps = ORDER.indexOf(stage);
    // Open leads: most stepped in the last weeks, every fourth has been quiet for over a month (stalled).
    const lastStep = signed ? signedDate! : addDays(today, -(seq % 4 === 0 ? 35 + (seq % 40) : seq % 25));
    const created = addDays(lastStep, -(20 * (steps + 1) + (seq % 15)));
    const name = seq === MATCHED ? MATCHED_LEAD : `${company?.name.replace(/有限公司$/, '') ?? chain.name}${node.name.replace(/（.*）/, '')}项目`;
    const lead = await em.save(
      em.create(InvestmentLead, {
        areaId: zone.id,
        name: name.slice(0, 128),
        companyId: company?.id ?? null,
        chainId: chain.id,
        nodeId: node.id,
        stage,
        amount: yuan(amount),
        source: seq === MATCHED ? LeadSource.MATCHMAKING : source,
        responsiblePerson: PEOPLE[seq % PEOPLE.length],
        responsibleUnit: UNITS[seq % UNITS.length],
        nextStep: stage === LeadStage.KEY_PROJECT ? '' : NEXT[steps % NEXT.length],
        nextStepDate: stage === LeadStage.KEY_PROJECT ? null : addDays(today, 7 + (seq % 20)),
        lastStepDate: lastStep,
        signedDate,
        projectId: null,
        version: 1,
      }),
    );
    const rows: Partial<LeadStep>[] = [{ leadId: lead.id, areaId: zone.id, kind: LeadStepKind.CREATED, fromStage: null, toStage: LeadStage.LEAD, date: created, note: '录入线索', recordedBy: 'seed' }];
    for (let i = 1; i <= Math.min(steps, ORDER.indexOf(LeadStage.STARTED)); i++) {
      const date = i === steps || (signed && ORDER[i] === LeadStage.SIGNED) ? (ORDER[i] === LeadStage.SIGNED ? signedDate! : lastStep) : addDays(created, 20 * i);
      rows.push({ leadId: lead.id, areaId: zone.id, kind: LeadStepKind.STAGE, fromStage: ORDER[i - 1], toStage: ORDER[i], date: date < created ? created : date, note: `推进至${['线索', '已接洽', '已考察', '洽谈中', '已签约', '已注册', '已开工'][i]}`, recordedBy: 'seed' });
      if (ORDER[i] === LeadStage.VISITED) rows.push({ leadId: lead.id, areaId: zone.id, kind: LeadStepKind.VISIT, fromStage: ORDER[i], toStage: ORDER[i], date: addDays(created, 20 * i), note: '赴企业总部考察，介绍示范区产业配套与政策', recordedBy: 'seed' });
    }
    if (stage === LeadStage.KEY_PROJECT) await makeKeyProject(em, lead, newTown.id, zone.id, secretaries[seq % 2], signedDate!, year, rows, seed.now);
    await em.insert(LeadStep, rows.map((r) => ({ ...r, date: r.date! > lastStep ? lastStep : r.date })));
  }
  await em.insert(InvestmentTargets, { areaId: zone.id, year, signed: 80, over2Billion: 2, over5Billion: 1 });
  await seedMatch(em, zone.id, nodesByChain, chains, taken);
}

const CONTACT_SURNAMES = '王李张刘陈杨赵黄周吴徐孙马朱胡郭';
const CONTACT_TITLES = ['经理', '总监', '副总经理', '投资部经理'];

/** A company's contact: a surname and a title, and a 555 number (no real line). */
function contactOf(i: number): { contactPerson: string; contactPhone: string } {
  return { contactPerson: `${CONTACT_SURNAMES[i % CONTACT_SURNAMES.length]}${CONTACT_TITLES[i % CONTACT_TITLES.length]}`, contactPhone: `400-555-${String(i % 10000).padStart(4, '0')}` };
}

/**
 * 撮合 (report 004: "“龙芯”和“蓝卡”的“撮合”成功"): a 龙芯-like processor maker from 北京 among the targets, and
 * a 蓝卡-like local maker of parking and vehicle terminals that buys processors (汽车电子 and 工业控制 downstream of
 * 处理器（CPU）, and 智慧停车 on the 新能源汽车 chain). Matchmaking suggests 蓝卡 first for 龙芯; their signed
 * lead (龙芯蓝卡智慧停车终端国产化项目) is 龙芯's, on the processor node.
 */
async function seedMatch(em: EntityManager, areaId: number, nodesByChain: Map<number, ChainNode[]>, chains: IndustryChain[], taken: { codes: Set<string> }) {
  const codeRand = prng(4);
  const code = (division: string) => {
    for (;;) {
      const c = creditCode(codeRand, division);
      if (!taken.codes.has(c)) return (taken.codes.add(c), c);
    }
  };
  const node = (chain: string, name: string) => nodesByChain.get(chains.find((c) => c.name === chain)!.id)!.find((n) => n.name === name)!;
  const longxin = await em.save(
    em.create(TargetCompany, {
      areaId, creditCode: code('110108'), name: '龙芯处理器（北京）科技有限公司', industry: '集成电路', size: CompanySize.LARGE, location: '北京市海淀区',
      local: false, source: LeadSource.MATCHMAKING, tagText: '行业龙头,专精特新', contactPerson: '李总监', contactPhone: '010-5555 0188',
    }),
  );
  const lanka = await em.save(
    em.create(TargetCompany, {
      areaId, creditCode: code('210100'), name: '沈抚蓝卡智能终端科技有限公司', industry: '智慧停车', size: CompanySize.MEDIUM, location: '沈抚改革创新示范区',
      local: true, source: LeadSource.OTHER, tagText: '高新技术企业', contactPerson: '王经理', contactPhone: '024-5555 0166',
    }),
  );
  const cpu = node('集成电路', '处理器（CPU）');
  const served = [node('集成电路', '汽车电子'), node('集成电路', '工业控制'), node('新能源汽车', '智慧停车')];
  await em.insert(CompanyNode, [
    { companyId: longxin.id, nodeId: cpu.id, chainId: cpu.chainId, areaId, local: false },
    ...served.map((n) => ({ companyId: lanka.id, nodeId: n.id, chainId: n.chainId, areaId, local: true })),
  ]);
  await em.update(InvestmentLead, { areaId, name: MATCHED_LEAD }, { companyId: longxin.id, chainId: cpu.chainId, nodeId: cpu.id });
}

/** 招服一体 in the demo: the signed lead's ledger entry in 沈抚新城 and its secretary, as the conversion makes them. */
async function makeKeyProject(em: EntityManager, lead: InvestmentLead, districtId: number, cityId: number, secretary: Secretary, signedDate: string, year: number, rows: Partial<LeadStep>[], now: Date) {
  const count = await em.count(Project, { where: { areaId: districtId } });
  const code = `SF${year}-${String(count + 1).padStart(3, '0')}`;
  const start = signedDate.slice(0, 7);
  const project = await em.save(
    em.create(Project, {
      areaId: districtId,
      cityId,
      code,
      name: lead.name,
      category: ProjectCategory.INDUSTRIAL,
      stage: ProjectStage.NEW,
      totalInvestment: lead.amount,
      constructionStart: start,
      constructionEnd: `${Number(start.slice(0, 4)) + 2}${start.slice(4)}`,
      enterprise: '',
      responsibleLeader: '沈抚示范区管委会副主任',
      responsibleUnit: lead.responsibleUnit,
      keyPush: false,
      majorGovernmentInvestment: false,
      removedFromLibrary: false,
      locationGeoJson: null,
      version: 1,
    }),
  );
  await em.insert(ProjectStageChange, { projectId: project.id, fromStage: null, toStage: ProjectStage.NEW, reason: '招商项目转入（招服一体）', changedBy: 'seed', changedAt: new Date(`${signedDate}T02:00:00Z`) });
  await em.insert(SecretaryAssignment, { secretaryId: secretary.id, projectId: project.id, areaId: districtId, startDate: signedDate, endDate: null, teamRole: TeamRole.SOLE });
  await em.update(InvestmentLead, { id: lead.id }, { projectId: project.id });
  await planAndReport(em, project, secretary, now);
  rows.push({ leadId: lead.id, areaId: lead.areaId, kind: LeadStepKind.CONVERTED, fromStage: LeadStage.STARTED, toStage: LeadStage.KEY_PROJECT, date: signedDate, note: `转为重点项目 ${code}（招服一体），服务秘书 ${secretary.name}`, recordedBy: 'seed' });
}

/**
 * A converted project's plan (the agreed amount spread evenly over its construction months) and its
 * secretary's monthly reports on plan for every month ended since it started, submitted on the 3rd of
 * the month after (before the deadline), and their lights: on the demo's day its board is green, not
 * red for want of reports.
 */
async function planAndReport(em: EntityManager, project: Project, secretary: Secretary, now: Date): Promise<void> {
  const months = periodRange(project.constructionStart, project.constructionEnd);
  const per = project.totalInvestment / BigInt(months.length);
  const planned = months.map((period, k) => ({ period, amount: k === months.length - 1 ? project.totalInvestment - per * BigInt(months.length - 1) : per }));
  const years = new Map<number, bigint>();
  for (const m of planned) years.set(Number(m.period.slice(0, 4)), (years.get(Number(m.period.slice(0, 4))) ?? 0n) + m.amount);
  await em.insert(PlanYear, [...years].map(([y, amount]) => ({ projectId: project.id, year: y, plannedInvestment: amount, plannedProgress: '' })));
  await em.insert(PlanMonth, planned.map((m) => ({ projectId: project.id, period: m.period, plannedInvestment: m.amount, plannedMilestone: '' })));
  const ended = planned.filter((m) => m.period <= addMonths(periodOfInstant(now), -1));
  if (ended.length === 0) return;
  await em.insert(
    MonthlyReport,
    ended.map((m, k) => {
      const submitted = new Date(`${addMonths(m.period, 1)}-03T02:00:00.000Z`);
      return { projectId: project.id, areaId: project.areaId, period: m.period, actualInvestment: m.amount, progress: k === 0 ? '签约落地，开展场地平整' : '按计划推进', reporterUserId: null, reporterName: `${secretary.name}（服务秘书）`, submittedAt: submitted, updatedAt: submitted, version: 1 };
    }),
  );
  const periods = ended.map((m) => m.period);
  await storeLights(em, project.id, periods, await computeLights(em, [{ project, periods }], now), now);
}
