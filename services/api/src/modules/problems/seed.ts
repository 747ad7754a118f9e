import { addDays, daysBetween, deadlineFromWorkingDays } from '@kpd/domain';
import type { EntityManager } from 'typeorm';
import type { SeedContext } from '../../core/module';
import { Project } from '../projects/project.entity';
import { generator, isDalianCityLeader } from '../projects/seed';
import { answerableSecretary } from '../secretaries/secretaries.responsible';
import { EscalationReason, Problem, ProblemCategory, ProblemLevel, ProblemNote, ProblemStatus } from './problem.entity';

interface DemoProblem {
  project: string;
  category: ProblemCategory;
  title: string;
  ownerUnit: string;
  raisedDate: string;
  workingDays: number;
  level?: ProblemLevel;
  cityLeader?: string;
  status: ProblemStatus;
  resolvedDate?: string;
  closedOutDate?: string;
  evidence?: string[];
  escalationRequested?: string;
  notes?: [string, string][];
}

/**
 * Report 000: the district "破解了恒大文化旅游城、桃李面包、达利食品、苏宁易购、航空生物联仪等项目建设中遇到的问题"
 * (resolved and closed out here), with problems still open on others; report 001: Dalian's two-level
 * mechanism (区级限时解决, 市级挂牌督办) over bottlenecks such as 林地调规, 动迁, 市政管网配套.
 */
const PROBLEMS: DemoProblem[] = [
  { project: '恒大文化旅游城', category: ProblemCategory.UTILITIES, title: '园区供水管网接入滞后', ownerUnit: '苏家屯区水务局', raisedDate: '2020-06-08', workingDays: 20, status: ProblemStatus.CLOSED_OUT, resolvedDate: '2020-06-30', closedOutDate: '2020-07-06', evidence: ['供水接入验收单（2020-06-30）'], notes: [['2020-06', '水务局已完成管线设计，进场施工']] },
  { project: '桃李面包沈阳生产基地扩建', category: ProblemCategory.POWER, title: '新建厂房双回路供电未落实', ownerUnit: '国网沈阳供电公司苏家屯分公司', raisedDate: '2020-07-06', workingDays: 15, status: ProblemStatus.CLOSED_OUT, resolvedDate: '2020-07-24', closedOutDate: '2020-08-03', evidence: ['供电方案批复', '送电记录'] },
  { project: '达利食品沈阳生产基地', category: ProblemCategory.PERMITS, title: '二期厂房施工许可手续办理', ownerUnit: '苏家屯区行政审批局', raisedDate: '2020-05-11', workingDays: 10, status: ProblemStatus.RESOLVED, resolvedDate: '2020-05-29' },
  { project: '苏宁易购沈阳物流基地', category: ProblemCategory.LAND, title: '物流仓储用地规划指标调整', ownerUnit: '苏家屯区自然资源分局', raisedDate: '2020-04-13', workingDays: 30, status: ProblemStatus.CLOSED_OUT, resolvedDate: '2020-06-12', closedOutDate: '2020-06-19', evidence: ['规划条件调整批复'] },
  { project: '航空生物联仪产业园', category: ProblemCategory.DEMOLITION, title: '地块内3户动迁未完成', ownerUnit: '苏家屯区征收办', raisedDate: '2020-08-03', workingDays: 20, status: ProblemStatus.RESOLVED, resolvedDate: '2020-09-25', notes: [['2020-08', '已完成入户评估2户'], ['2020-09', '3户均已签约']] },
  { project: '姚千街道医共体医院改扩建项目（98号）', category: ProblemCategory.FINANCING, title: '专项债资金未到位', ownerUnit: '苏家屯区财政局', raisedDate: '2020-08-10', workingDays: 20, status: ProblemStatus.OPEN, escalationRequested: '需市财政协调专项债额度', notes: [['2020-08', '已上报市财政局'], ['2020-09', '仍待市级额度分配']] },
  { project: '姚千街道新材料产业园项目（99号）', category: ProblemCategory.LAND, title: '土地摘牌后交地延期', ownerUnit: '苏家屯区自然资源分局', raisedDate: '2020-09-01', workingDays: 15, status: ProblemStatus.IN_PROGRESS, notes: [['2020-09', '地上附着物清理中']] },
  { project: '姚千街道汽车零部件项目（100号）', category: ProblemCategory.PLANNING, title: '规划方案审查意见未回复', ownerUnit: '苏家屯区自然资源分局', raisedDate: '2020-09-07', workingDays: 10, status: ProblemStatus.OPEN },
  { project: '恒大文化旅游城', category: ProblemCategory.UTILITIES, title: '二期燃气管线迁改', ownerUnit: '苏家屯区住建局', raisedDate: '2020-09-14', workingDays: 30, status: ProblemStatus.IN_PROGRESS },
  // Dalian (report 001)
  { project: '保利天禧', category: ProblemCategory.DEMOLITION, title: '地块剩余动迁户协调', ownerUnit: '中山区东港街道', raisedDate: '2020-07-01', workingDays: 20, level: ProblemLevel.CITY, cityLeader: '分管副市长', status: ProblemStatus.IN_PROGRESS, notes: [['2020-07', '列入市级挂牌督办'], ['2020-08', '剩余2户进入司法程序'], ['2020-09', '法院已受理，市领导专题调度']] },
  { project: '凯丹广场', category: ProblemCategory.UTILITIES, title: '市政管网配套接入', ownerUnit: '大连市城建局', raisedDate: '2020-08-03', workingDays: 15, status: ProblemStatus.RESOLVED, resolvedDate: '2020-08-21' },
  { project: '国宏普兰店热电厂', category: ProblemCategory.LAND, title: '林地调规手续', ownerUnit: '普兰店区自然资源局', raisedDate: '2020-06-15', workingDays: 30, level: ProblemLevel.CITY, cityLeader: '分管副市长', status: ProblemStatus.OPEN, notes: [['2020-06', '列入市级挂牌督办'], ['2020-07', '已报省林草局'], ['2020-08', '省林草局现场踏查'], ['2020-09', '调规方案待批复']] },
  { project: '沙河口区总部经济园回迁区', category: ProblemCategory.DEMOLITION, title: '回迁区动迁进度滞后', ownerUnit: '沙河口区征收办', raisedDate: '2020-08-17', workingDays: 20, status: ProblemStatus.IN_PROGRESS },
];

/** Inserts one demo problem of a project, with its monthly follow-up notes. */
export async function insertProblem(em: EntityManager, project: Project, d: Omit<DemoProblem, 'project'>): Promise<void> {
  const level = d.level ?? ProblemLevel.DISTRICT;
  const problem = await em.save(
    em.create(Problem, {
      projectId: project.id,
      areaId: project.areaId,
      cityId: project.cityId,
      category: d.category,
      title: d.title,
      description: '',
      ownerUnit: d.ownerUnit,
      raisedByUserId: null,
      secretaryId: await answerableSecretary(em, null, project.id, d.raisedDate),
      raisedBy: project.responsibleUnit,
      raisedDate: d.raisedDate,
      workingDays: d.workingDays,
      deadline: deadlineFromWorkingDays(d.raisedDate, d.workingDays),
      level,
      cityLeader: d.cityLeader ?? null,
      status: d.status,
      resolvedDate: d.resolvedDate ?? null,
      daysToResolve: d.resolvedDate ? daysBetween(d.raisedDate, d.resolvedDate) : null,
      closedOutDate: d.closedOutDate ?? null,
      evidenceJson: d.evidence ? JSON.stringify(d.evidence) : null,
      escalationRequested: Boolean(d.escalationRequested),
      escalationRequestReason: d.escalationRequested ?? null,
      escalatedDate: level === ProblemLevel.CITY ? d.raisedDate : null,
      escalationReason: level === ProblemLevel.CITY ? EscalationReason.CITY_DECISION : null,
      reopenCount: 0,
      meetingId: null,
      version: 1,
    }),
  );
  for (const [period, note] of d.notes ?? []) {
    await em.insert(ProblemNote, { problemId: problem.id, period, note, author: project.responsibleUnit, createdAt: new Date(`${period}-28T08:00:00.000Z`) });
  }
}

/** Report 001: "市政府全年先后下达57个问题清单，并逐月进行跟踪督办" — Dalian's listed (city-level) problems. */
export const DALIAN_LISTED_PROBLEMS = 57;

/** Bottlenecks of the kinds the reports name, for the generated problems. */
const KINDS: [ProblemCategory, string, string][] = [
  [ProblemCategory.LAND, '林地调规手续办理', '自然资源局'],
  [ProblemCategory.DEMOLITION, '项目红线内动迁未完成', '征收办'],
  [ProblemCategory.UTILITIES, '市政管网配套接入滞后', '住建局'],
  [ProblemCategory.POWER, '输变电工程配套送电', '供电公司'],
  [ProblemCategory.PERMITS, '施工许可手续办理', '行政审批局'],
  [ProblemCategory.FINANCING, '专项债资金拨付', '财政局'],
  [ProblemCategory.PLANNING, '规划方案调整审查', '自然资源局'],
];

/**
 * Problems raised on a district's projects, January–September 2020: about half resolved or closed
 * out, the rest open or in progress with a note for every month since they were raised. `listed`
 * ones are city-level (挂牌督办) under a city leader.
 */
export function generatedProblems(projects: { project: Project; district: string }[], seedNumber: number, listed: boolean): { project: Project; problem: Omit<DemoProblem, 'project'> }[] {
  const g = generator(seedNumber);
  return projects.map(({ project, district }, k) => {
    const [category, title, owner] = KINDS[(k + seedNumber) % KINDS.length];
    const raisedMonth = g.int(1, 9);
    const raisedDate = `2020-${String(raisedMonth).padStart(2, '0')}-${String(g.int(3, 25)).padStart(2, '0')}`;
    const workingDays = g.pick([10, 15, 20, 30]);
    const fate = g.int(0, 9);
    const settled = fate < 5 && raisedMonth < 9;
    const resolvedDate = settled ? addDays(raisedDate, g.int(10, Math.min(45, daysBetween(raisedDate, '2020-09-30')))) : undefined;
    const closedOut = settled && fate < 3 && resolvedDate! < '2020-09-20';
    const lastMonth = resolvedDate ? Number(resolvedDate.slice(5, 7)) : 9;
    const notes: [string, string][] = [];
    for (let m = raisedMonth; m <= lastMonth; m++) notes.push([`2020-${String(m).padStart(2, '0')}`, m === lastMonth && resolvedDate ? '问题已解决，待销号' : g.pick(['已召开专题协调会，明确责任分工', '责任单位正在办理，进度过半', '已报请上级部门协调', '现场办公推动，仍在跟进'])]);
    return {
      project,
      problem: {
        category,
        title: `${project.name.replace(/（.*）$/, '')}${title}`,
        ownerUnit: owner === '供电公司' ? `国网${district.replace(/（.*）/, '')}供电公司` : `${district.replace(/（.*）/, '')}${owner}`,
        raisedDate,
        workingDays,
        level: listed ? ProblemLevel.CITY : ProblemLevel.DISTRICT,
        cityLeader: listed ? project.responsibleLeader : undefined,
        status: closedOut ? ProblemStatus.CLOSED_OUT : settled ? ProblemStatus.RESOLVED : fate < 8 ? ProblemStatus.IN_PROGRESS : ProblemStatus.OPEN,
        resolvedDate,
        closedOutDate: closedOut ? addDays(resolvedDate!, 5) : undefined,
        evidence: closedOut ? ['销号申请及佐证材料'] : undefined,
        notes,
      },
    };
  });
}

/** Every district in `cities` without a problem gets `perDistrict` on its lit projects. */
export async function problemsForQuietDistricts(seed: SeedContext, cities: string[], perDistrict: number, seedNumber: number): Promise<number> {
  const { em } = seed;
  const picked: { project: Project; district: string }[] = [];
  for (const city of cities) {
    for (const district of seed.areas.children(seed.area(city).id)) {
      if ((await em.countBy(Problem, { areaId: district.id })) > 0) continue;
      const projects = await em.find(Project, { where: { areaId: district.id }, order: { id: 'ASC' }, take: 40 });
      for (let i = 0; i < Math.min(perDistrict, projects.length); i++) picked.push({ project: projects[Math.floor((i * projects.length) / perDistrict)], district: district.name });
    }
  }
  for (const { project, problem } of generatedProblems(picked, seedNumber, false)) await insertProblem(em, project, problem);
  return picked.length;
}

export async function seedProblems(seed: SeedContext): Promise<void> {
  const { em } = seed;
  const projects = await em.find(Project);
  const byName = new Map(projects.map((p) => [p.name, p]));
  for (const d of PROBLEMS) {
    const project = byName.get(d.project);
    if (!project) throw new Error(`demo problem names an unknown project: ${d.project}`);
    await insertProblem(em, project, d);
  }
  // Dalian's listed problems: the named ones, then one on each of as many generated city key projects
  // (secretaries' seed), district by district.
  const dalian = seed.area('大连市');
  const named = PROBLEMS.filter((p) => p.level === ProblemLevel.CITY && byName.get(p.project)!.cityId === dalian.id).length;
  const keyByDistrict = seed.areas.children(dalian.id).map((d) => projects.filter((p) => p.areaId === d.id && isDalianCityLeader(p.responsibleLeader) && p.code.startsWith('DL-2020-G')).map((project) => ({ project, district: d.name })));
  // Round-robin over the districts; without the secretaries' seed (some tests) there are fewer candidates.
  const candidates: { project: Project; district: string }[] = [];
  for (let round = 0; keyByDistrict.some((own) => own.length > round); round++) {
    for (const own of keyByDistrict) if (own[round] && !PROBLEMS.some((p) => p.project === own[round].project.name)) candidates.push(own[round]);
  }
  const listed = candidates.slice(0, DALIAN_LISTED_PROBLEMS - named);
  for (const { project, problem } of generatedProblems(listed, 57, true)) await insertProblem(em, project, problem);
  // Every district of Shenyang and Dalian has some problems (Fuxin's, with its projects, in the rankings seed).
  const quiet = await problemsForQuietDistricts(seed, ['沈阳市', '大连市'], 2, 2020);
  seed.log.info({ problems: PROBLEMS.length + listed.length + quiet }, 'demo problems seeded');
}
