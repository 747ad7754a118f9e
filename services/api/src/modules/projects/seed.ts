import { addMonths, period as makePeriod, periodRange, wan, yearOf } from '@kpd/domain';
import type { EntityManager } from 'typeorm';
import type { SeedContext } from '../../core/module';
import { Area } from '../../core/areas/area.entity';
import { AreaDirectory } from '../../core/areas/area-directory';
import { storePublication } from './light-board.service';
import { demoSiteGeoJson, siteInside, siteOutlineCode } from '../../core/areas/outlines';
import { computeLights, storeLights } from './lights.service';
import { seedProcedures } from './procedures.seed';
import { seedFunding } from './funding.seed';
import { recordDemoCompletion, seedContracts } from './contracts.seed';
import { seedPictures } from './pictures.seed';
import { MonthlyReport, PlanMonth, PlanYear, ProjectMilestone } from './plan.entity';
import { Project, ProjectAssignment, ProjectCategory, ProjectStage, ProjectStageChange } from './project.entity';

/** A small deterministic generator (mulberry32): the same demo data on every machine. */
export function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)],
  };
}

type Color = 'G' | 'Y' | 'R';

export interface DemoProject {
  district: string;
  code: string;
  name: string;
  category: ProjectCategory;
  stage: ProjectStage;
  enterprise: string;
  leader: string;
  unit: string;
  keyPush?: boolean;
  majorGovernmentInvestment?: boolean;
  start: string;
  end: string;
  /** Total investment in 万元 when fixed; otherwise derived from the plan. */
  totalWan?: number;
  location?: { ring: [number, number][]; east: string; west: string; south: string; north: string };
}

/** The projects the Sujiatun report names (report 000). Amounts are demo figures. */
const SUJIATUN_NAMED: Omit<DemoProject, 'district' | 'code'>[] = [
  {
    name: '恒大文化旅游城',
    category: ProjectCategory.MODERN_SERVICES,
    stage: ProjectStage.CONTINUING,
    enterprise: '沈阳恒大童世界旅游开发有限公司',
    leader: '区委书记',
    unit: '苏家屯区文旅局',
    keyPush: true,
    start: '2018-06',
    end: '2023-12',
    location: {
      ring: [
        [123.3102, 41.6441],
        [123.3296, 41.6441],
        [123.3296, 41.6583],
        [123.3102, 41.6583],
        [123.3102, 41.6441],
      ],
      east: '规划丰乐路',
      west: '浑河大街',
      south: '沈苏西路',
      north: '规划一路',
    },
  },
  { name: '桃李面包沈阳生产基地扩建', category: ProjectCategory.INDUSTRIAL, stage: ProjectStage.CONTINUING, enterprise: '沈阳桃李面包有限公司', leader: '副区长', unit: '苏家屯区工信局', start: '2019-05', end: '2021-06' },
  { name: '达利食品沈阳生产基地', category: ProjectCategory.INDUSTRIAL, stage: ProjectStage.CONTINUING, enterprise: '沈阳达利食品有限公司', leader: '区长', unit: '苏家屯区工信局', keyPush: true, start: '2019-03', end: '2021-12' },
  { name: '苏宁易购沈阳物流基地', category: ProjectCategory.MODERN_SERVICES, stage: ProjectStage.CONTINUING, enterprise: '沈阳苏宁物流有限公司', leader: '副区长', unit: '苏家屯区商务局', start: '2019-08', end: '2021-10' },
  { name: '航空生物联仪产业园', category: ProjectCategory.INDUSTRIAL, stage: ProjectStage.NEW, enterprise: '沈阳航空生物联仪科技有限公司', leader: '副区长', unit: '苏家屯区科技局', start: '2020-01', end: '2022-06' },
];

/** 苏家屯区's GB/T 2260 code: its generated projects lie inside its outline. */
const SUJIATUN_CODE = '210111';

const PARKS = ['临湖街道', '沙河街道', '十里河街道', '佟沟街道', '八一红菱', '陈相街道', '永乐街道', '王纲街道', '大沟街道', '姚千街道'];
const SUBJECTS: [string, ProjectCategory, string][] = [
  ['智能装备制造', ProjectCategory.INDUSTRIAL, '苏家屯区工信局'],
  ['食品饮料加工', ProjectCategory.INDUSTRIAL, '苏家屯区工信局'],
  ['冷链物流中心', ProjectCategory.MODERN_SERVICES, '苏家屯区商务局'],
  ['商业综合体', ProjectCategory.MODERN_SERVICES, '苏家屯区商务局'],
  ['道路提升改造', ProjectCategory.INFRASTRUCTURE, '苏家屯区交通局'],
  ['供热管网改造', ProjectCategory.INFRASTRUCTURE, '苏家屯区住建局'],
  ['学校新建', ProjectCategory.SOCIAL, '苏家屯区教育局'],
  ['医共体医院改扩建', ProjectCategory.SOCIAL, '苏家屯区卫健局'],
  ['新材料产业园', ProjectCategory.INDUSTRIAL, '苏家屯区工信局'],
  ['汽车零部件', ProjectCategory.INDUSTRIAL, '苏家屯区工信局'],
];

/** Months of 2020 reported in the demo, and the light plan of Sujiatun's September (report 000). */
export const DEMO_PERIOD = '2020-09';
export const SUJIATUN_SEPTEMBER = { projects: 100, yellow: 10, red: 4, investmentJanSepYi: 93, septemberYi: 14.8 } as const;

/**
 * Which colour each of Sujiatun's 100 projects gets in each month January–September 2020 (the
 * plan the amounts are built to; the lights themselves are computed by the rule). September: 10
 * yellow, 4 red (zero progress). Earlier months carry a few isolated yellows, never two in a row
 * before a yellow September, so the rule gives exactly the report's counts.
 */
function colorPlan(index: number, month: number): Color {
  if (month === 9) {
    if (index >= 86 && index < 96) return 'Y';
    if (index >= 96) return 'R';
    return 'G';
  }
  // A few yellow months earlier in the year: projects 10–29, once each, in March–June.
  if (index >= 10 && index < 30 && month === 3 + (index % 4)) return 'Y';
  // Two of September's yellow projects were also behind in August (the second month of a run).
  if ((index === 86 || index === 87) && month === 8) return 'Y';
  return 'G';
}

/** Splits `total` 万元 over weights into whole 万元, the last taking the remainder. */
function split(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const out = weights.map((w) => Math.floor((total * w) / sum));
  const rest = total - out.reduce((a, b) => a + b, 0);
  out[out.length - 1] += rest;
  return out;
}

interface Built {
  project: DemoProject;
  years: { year: number; wan: number }[];
  months: { month: number; wan: number }[]; // 2020
  actuals: { month: number; wan: number }[]; // 2020-01..09
}

/**
 * A demo site for a generated project: a square of about 400 m placed by the seeded generator
 * wholly inside the district's real outline (core/areas/outlines.json), with its four boundaries in words.
 */
export function demoSite(districtCode: string, next: () => number, place: string): DemoProject['location'] {
  return { ring: siteInside(districtCode, next), east: `${place}规划路`, west: `${place}规划路`, south: `${place}规划路`, north: `${place}规划路` };
}

/** Builds Sujiatun's 100 key projects with plans and actuals adding up to the report's figures. */
export function buildSujiatun(): Built[] {
  const g = generator(20200930);
  const sites = generator(210111);
  const projects: DemoProject[] = [];
  SUJIATUN_NAMED.forEach((p, i) => projects.push({ ...p, district: '苏家屯区', code: `SJT-2020-${String(i + 1).padStart(3, '0')}` }));
  for (let i = projects.length; i < SUJIATUN_SEPTEMBER.projects; i++) {
    const [subject, category, unit] = SUBJECTS[i % SUBJECTS.length];
    const place = PARKS[Math.floor(i / SUBJECTS.length) % PARKS.length];
    const isNew = i % 3 === 0;
    projects.push({
      district: '苏家屯区',
      code: `SJT-2020-${String(i + 1).padStart(3, '0')}`,
      name: `${place}${subject}项目（${i + 1}号）`,
      category,
      stage: isNew ? ProjectStage.NEW : ProjectStage.CONTINUING,
      enterprise: `沈阳${place.replace(/街道$/, '')}${subject}有限公司`,
      leader: g.pick(['区长', '常务副区长', '副区长', '区委副书记']),
      unit,
      keyPush: i % 7 === 0,
      majorGovernmentInvestment: category === ProjectCategory.INFRASTRUCTURE || category === ProjectCategory.SOCIAL,
      start: isNew ? '2020-01' : makePeriod(g.int(2018, 2019), g.int(1, 12)),
      end: makePeriod(g.int(2021, 2023), 12),
      location: demoSite(SUJIATUN_CODE, sites.next, place),
    });
  }
  // Actual investment: September 14.8亿 over the projects not at zero; January–August the rest of 93亿.
  const sepWeights = projects.map((_, i) => (colorPlan(i, 9) === 'R' ? 0 : i === 0 ? 60 : g.int(5, 30)));
  const sepTotal = Math.round(SUJIATUN_SEPTEMBER.septemberYi * 10_000);
  const restTotal = SUJIATUN_SEPTEMBER.investmentJanSepYi * 10_000 - sepTotal;
  const cells: { i: number; month: number; w: number }[] = [];
  projects.forEach((_, i) => {
    for (let month = 1; month <= 8; month++) cells.push({ i, month, w: (month <= 2 ? 2 : 5) * (i === 0 ? 10 : 1) + g.int(0, 4) });
  });
  const sepIdx = sepWeights.map((w, i) => ({ w, i })).filter((x) => x.w > 0);
  const sepAmounts = split(sepTotal, sepIdx.map((x) => x.w));
  const restAmounts = split(restTotal, cells.map((c) => c.w));
  const actual = projects.map(() => new Map<number, number>());
  sepIdx.forEach((x, k) => actual[x.i].set(9, sepAmounts[k]));
  projects.forEach((_, i) => {
    if (!actual[i].has(9)) actual[i].set(9, 0);
  });
  cells.forEach((c, k) => actual[c.i].set(c.month, restAmounts[k]));

  return projects.map((project, i) => {
    const months: { month: number; wan: number }[] = [];
    for (let month = 1; month <= 12; month++) {
      let plan: number;
      if (month >= 10) plan = g.int(500, 3000) * (i === 0 ? 5 : 1);
      else {
        const a = actual[i].get(month)!;
        const color = colorPlan(i, month);
        if (color === 'G') plan = Math.max(0, Math.floor(a * (0.8 + g.next() * 0.2)));
        else if (color === 'Y') plan = Math.floor(a / (0.5 + g.next() * 0.35)) + 1;
        else plan = g.int(800, 2500); // red: something planned, nothing done
      }
      months.push({ month, wan: plan });
    }
    const year2020 = months.reduce((s, m) => s + m.wan, 0);
    const firstYear = yearOf(project.start);
    const lastYear = yearOf(project.end);
    const others = [];
    for (let y = firstYear; y <= lastYear; y++) if (y !== 2020) others.push(y);
    const total = Math.max(year2020 + others.length * g.int(1000, 20000) * (i === 0 ? 20 : 1), 10_000 + g.int(0, 5000));
    const otherAmounts = others.length ? split(total - year2020, others.map(() => 1)) : [];
    const years = [
      ...others.map((year, k) => ({ year, wan: otherAmounts[k] })),
      { year: 2020, wan: year2020 + (others.length ? 0 : total - year2020) },
    ].sort((a, b) => a.year - b.year);
    if (!others.length) months[11].wan += total - year2020; // a one-year project: December carries the rest
    return {
      project: { ...project, totalWan: years.reduce((s, y) => s + y.wan, 0) },
      years,
      months,
      actuals: [...actual[i].entries()].sort((a, b) => a[0] - b[0]).map(([month, wan]) => ({ month, wan })),
    };
  });
}

/**
 * Report 001: Dalian's 150 city key projects (市级重点项目) — 20 infrastructure, 67 industrial, 40 modern
 * services, 23 social — each with a city leader (市领导包保). The named projects are among them; the
 * rest are chosen among the generated ones (secretaries' seed). The leader names the office.
 */
export const DALIAN_CITY_KEY = { total: 150, INFRASTRUCTURE: 20, INDUSTRIAL: 67, MODERN_SERVICES: 40, SOCIAL: 23 } as const;
export const DALIAN_CITY_LEADER: Record<ProjectCategory, string[]> = {
  INFRASTRUCTURE: ['大连市常务副市长', '大连市副市长（分管城建）'],
  INDUSTRIAL: ['大连市市长', '大连市副市长（分管工业）', '大连市副市长（分管科技）'],
  MODERN_SERVICES: ['大连市副市长（分管商务）', '大连市副市长（分管金融）'],
  SOCIAL: ['大连市副市长（分管社会事业）', '大连市副市长（分管教育卫生）'],
};
export const isDalianCityLeader = (leader: string) => leader.startsWith('大连市');

/** Dalian's projects of report 001, lit by milestones (the city's rule); amounts are demo figures. */
const DALIAN: (Omit<DemoProject, 'code' | 'stage' | 'leader'> & { milestones: 'G' | 'Y' | 'R' })[] = [
  { district: '瓦房店市', name: '恒力石化2000万吨/年炼化一体化', category: ProjectCategory.INDUSTRIAL, enterprise: '恒力石化（大连）炼化有限公司', unit: '长兴岛经济区管委会', start: '2017-06', end: '2021-12', totalWan: 7_400_000, milestones: 'G', keyPush: true },
  { district: '金州区（金普新区）', name: '英特尔二期', category: ProjectCategory.INDUSTRIAL, enterprise: '英特尔半导体（大连）有限公司', unit: '金普新区管委会', start: '2018-01', end: '2021-12', totalWan: 1_700_000, milestones: 'G', keyPush: true },
  { district: '中山区', name: '凯丹广场', category: ProjectCategory.MODERN_SERVICES, enterprise: '大连凯丹置业有限公司', unit: '中山区东港街道', start: '2018-03', end: '2021-06', totalWan: 300_000, milestones: 'Y' },
  { district: '中山区', name: '辉盛阁国际公寓', category: ProjectCategory.MODERN_SERVICES, enterprise: '大连辉盛阁置业有限公司', unit: '中山区东港街道', start: '2018-05', end: '2021-03', totalWan: 100_000, milestones: 'G' },
  { district: '中山区', name: '保利天禧', category: ProjectCategory.MODERN_SERVICES, enterprise: '大连保利置业有限公司', unit: '中山区东港街道', start: '2018-04', end: '2022-06', totalWan: 400_000, milestones: 'R' },
  { district: '西岗区', name: '黑嘴子码头及周边地块改造', category: ProjectCategory.INFRASTRUCTURE, enterprise: '大连港集团有限公司', unit: '西岗区站北街道', start: '2018-05', end: '2021-12', totalWan: 200_000, milestones: 'G', majorGovernmentInvestment: true },
  { district: '沙河口区', name: '冰山慧谷智慧综合产业园区', category: ProjectCategory.MODERN_SERVICES, enterprise: '冰山集团有限公司', unit: '沙河口区春柳街道', start: '2017-09', end: '2021-12', totalWan: 150_000, milestones: 'G' },
  { district: '沙河口区', name: '沙河口区总部经济园回迁区', category: ProjectCategory.SOCIAL, enterprise: '大连沙河口城市建设投资有限公司', unit: '沙河口区白山路街道', start: '2018-01', end: '2021-06', totalWan: 120_000, milestones: 'Y', majorGovernmentInvestment: true },
  { district: '甘井子区', name: '瑞士碧琪食品', category: ProjectCategory.INDUSTRIAL, enterprise: '瑞士碧琪食品（大连）有限公司', unit: '甘井子工业园区管委会', start: '2018-09', end: '2020-12', totalWan: 30_000, milestones: 'G' },
  { district: '甘井子区', name: '中国一重核电主设备升级改造', category: ProjectCategory.INDUSTRIAL, enterprise: '一重集团大连核电石化有限公司', unit: '甘井子区大连湾街道', start: '2018-03', end: '2021-12', totalWan: 80_000, milestones: 'G' },
  { district: '旅顺口区', name: '66千伏白双线工程', category: ProjectCategory.INFRASTRUCTURE, enterprise: '国网大连供电公司', unit: '旅顺口区发改局', start: '2018-04', end: '2020-12', totalWan: 8_000, milestones: 'G', majorGovernmentInvestment: true },
  { district: '普兰店区', name: '国宏普兰店热电厂', category: ProjectCategory.INFRASTRUCTURE, enterprise: '大连国宏热电有限公司', unit: '普兰店区发展和改革局', start: '2018-12', end: '2021-10', totalWan: 250_000, milestones: 'Y' },
  { district: '瓦房店市', name: '瓦轴工业机器人', category: ProjectCategory.INDUSTRIAL, enterprise: '瓦房店轴承集团有限责任公司', unit: '瓦房店轴承产业园区管委会', start: '2019-03', end: '2021-12', totalWan: 50_000, milestones: 'G' },
  { district: '金州区（金普新区）', name: '大众DQ200五期', category: ProjectCategory.INDUSTRIAL, enterprise: '大众汽车自动变速器（大连）有限公司', unit: '大连双D港园区管委会', start: '2018-06', end: '2021-06', totalWan: 200_000, milestones: 'G' },
  { district: '金州区（金普新区）', name: '佳林自动化设备新建厂区', category: ProjectCategory.INDUSTRIAL, enterprise: '大连佳林设备制造有限公司', unit: '金普新区拥政街道', start: '2019-04', end: '2021-12', totalWan: 15_000, milestones: 'G' },
];

/** A few projects of 大东区 (report 002 names its targets; these are demo projects). */
const DADONG: DemoProject[] = [
  { district: '大东区', code: 'DD-2020-001', name: '大东区汽车产业园配套项目', category: ProjectCategory.INDUSTRIAL, stage: ProjectStage.CONTINUING, enterprise: '沈阳大东汽车配套有限公司', leader: '区长', unit: '大东区工信局', start: '2019-04', end: '2022-12', totalWan: 250_000 },
  { district: '大东区', code: 'DD-2020-002', name: '大东区棚户区改造项目', category: ProjectCategory.SOCIAL, stage: ProjectStage.CONTINUING, enterprise: '沈阳大东城建有限公司', leader: '副区长', unit: '大东区住建局', start: '2019-03', end: '2021-12', totalWan: 60_000, majorGovernmentInvestment: true },
];

/**
 * 大东区's completed project (a demo project): built from 2019-05, reported on plan monthly and lit up
 * to August 2020, accepted on 2020-08-28; its final account (决算) came in under the approved cost.
 */
const DADONG_COMPLETED: DemoProject = {
  district: '大东区', code: 'DD-2019-001', name: '大东区东塔片区老旧小区改造项目', category: ProjectCategory.SOCIAL, stage: ProjectStage.CONTINUING, enterprise: '沈阳大东城建有限公司', leader: '副区长', unit: '大东区住建局', start: '2019-05', end: '2020-08', totalWan: 12_000, majorGovernmentInvestment: true,
};

async function seedCompletedProject(em: EntityManager, seed: SeedContext): Promise<void> {
  const p = DADONG_COMPLETED;
  const project = await insertProject(em, seed, p, p.totalWan!);
  const plan = evenPlan(p.totalWan!, p.start, p.end);
  await insertPlan(em, project.id, plan.years, plan.months);
  const months = plan.months.filter((m) => m.wan > 0);
  await insertReports(em, project, months, p.unit);
  const periods = months.map((m) => makePeriod(2020, m.month));
  await storeLights(em, project.id, periods, await computeLights(em, [{ project, periods }], seed.now), seed.now);
  await recordDemoCompletion(em, seed, project, {
    endDate: '2020-08-28',
    finalCost: wan(p.totalWan! - 360),
    finalScope: '改造老旧小区38个、建筑面积86万平方米，更新供热供水管网42公里，完成屋面防水和外墙保温',
    deviationReason: '决算较批复概算节余360万元：外墙保温材料招标价低于概算',
  });
}

async function insertProject(em: EntityManager, seed: SeedContext, p: DemoProject, totalWan: number): Promise<Project> {
  const district = seed.area(p.district);
  const city = seed.areas.cityOf(district.id)!;
  const project = await em.save(
    em.create(Project, {
      areaId: district.id,
      cityId: city.id,
      code: p.code,
      name: p.name,
      category: p.category,
      stage: p.stage,
      totalInvestment: wan(totalWan),
      constructionStart: p.start,
      constructionEnd: p.end,
      enterprise: p.enterprise,
      responsibleLeader: p.leader,
      responsibleUnit: p.unit,
      keyPush: p.keyPush ?? false,
      majorGovernmentInvestment: p.majorGovernmentInvestment ?? false,
      removedFromLibrary: false,
      // Every demo project has a site inside its district's real outline (zones without one: none).
      locationGeoJson: p.location ? JSON.stringify({ type: 'Polygon', coordinates: [p.location.ring] }) : demoSiteGeoJson(siteOutlineCode(district), p.code),
      boundaryEast: p.location?.east ?? null,
      boundaryWest: p.location?.west ?? null,
      boundarySouth: p.location?.south ?? null,
      boundaryNorth: p.location?.north ?? null,
      version: 1,
    }),
  );
  await em.insert(ProjectStageChange, { projectId: project.id, fromStage: null, toStage: p.stage, reason: '项目录入', changedBy: 'seed', changedAt: new Date(Date.UTC(2020, 0, 2)) });
  return project;
}

/** Submitted on the 3rd of the following month (before the 5th, the deadline). */
function onTime(period: string): Date {
  const next = addMonths(period, 1);
  return new Date(`${next}-03T02:00:00.000Z`);
}

export async function insertPlan(em: EntityManager, projectId: number, years: { year: number; wan: number }[], months: { month: number; wan: number }[]): Promise<void> {
  await em.insert(PlanYear, years.map((y) => ({ projectId, year: y.year, plannedInvestment: wan(y.wan), plannedProgress: y.year === 2020 ? '完成年度形象进度' : '' })));
  await em.insert(PlanMonth, months.map((m) => ({ projectId, period: makePeriod(2020, m.month), plannedInvestment: wan(m.wan), plannedMilestone: '' })));
}

export async function insertReports(em: EntityManager, project: Project, actuals: { month: number; wan: number }[], reporter: string): Promise<void> {
  await em.insert(
    MonthlyReport,
    actuals.map((a) => {
      const period = makePeriod(2020, a.month);
      return {
        projectId: project.id,
        areaId: project.areaId,
        period,
        actualInvestment: wan(a.wan),
        progress: a.wan === 0 ? '本月未施工' : '按计划推进',
        reporterUserId: null,
        reporterName: reporter,
        submittedAt: onTime(period),
        updatedAt: onTime(period),
        version: 1,
      };
    }),
  );
}

/** Plans a project evenly: years across the period adding up to the total, 2020 by month. */
export function evenPlan(totalWan: number, start: string, end: string): { years: { year: number; wan: number }[]; months: { month: number; wan: number }[] } {
  const first = yearOf(start);
  const last = yearOf(end);
  const periods = periodRange(start, end);
  const perYear = new Map<number, number>();
  for (const p of periods) perYear.set(yearOf(p), (perYear.get(yearOf(p)) ?? 0) + 1);
  const yearList = Array.from({ length: last - first + 1 }, (_, k) => first + k);
  const amounts = split(totalWan, yearList.map((y) => perYear.get(y) ?? 0));
  const years = yearList.map((year, k) => ({ year, wan: amounts[k] }));
  const y2020 = years.find((y) => y.year === 2020)?.wan ?? 0;
  const monthWeights = Array.from({ length: 12 }, (_, k) => (periods.includes(makePeriod(2020, k + 1)) ? 1 : 0));
  const monthAmounts = monthWeights.some((w) => w > 0) ? split(y2020, monthWeights) : monthWeights;
  return { years, months: monthAmounts.map((w, k) => ({ month: k + 1, wan: w })) };
}

export function dalianMilestones(kind: 'G' | 'Y' | 'R'): Omit<ProjectMilestone, 'id' | 'projectId'>[] {
  const done = [
    { name: '主体结构施工', startDate: '2020-03-01', dueDate: '2020-06-30', weight: 3, progress: 100, metDate: '2020-06-25' },
    { name: '设备安装', startDate: '2020-07-01', dueDate: '2020-08-31', weight: 2, progress: 100, metDate: '2020-08-28' },
  ];
  if (kind === 'G') return [...done, { name: '装饰装修', startDate: '2020-09-01', dueDate: '2020-12-31', weight: 2, progress: 30, metDate: null }];
  if (kind === 'Y') return [...done, { name: '装饰装修', startDate: '2020-07-01', dueDate: '2020-12-31', weight: 2, progress: 10, metDate: null }];
  return [done[0], { name: '设备安装', startDate: '2020-07-01', dueDate: '2020-08-31', weight: 2, progress: 60, metDate: null }];
}

/**
 * The rest of Shenyang: every district and county has key projects over the city's 1亿元 threshold,
 * in numbers roughly by its size, planned evenly and reported January–September 2020. Their
 * September lights come out near Sujiatun's proportions (about one in ten yellow, one in
 * twenty-five red): a yellow project did 60% of its September plan, a red one nothing.
 */
export const SHENYANG_DISTRICTS: [string, number][] = [
  ['和平区', 8],
  ['沈河区', 9],
  ['大东区', 10],
  ['皇姑区', 8],
  ['铁西区', 14],
  ['浑南区', 16],
  ['沈北新区', 12],
  ['于洪区', 11],
  ['辽中区', 7],
  ['康平县', 5],
  ['法库县', 5],
  ['新民市', 7],
];
const CITY_SUBJECTS: [string, ProjectCategory, string][] = [
  ['智能制造产业园', ProjectCategory.INDUSTRIAL, '工信局'],
  ['道路综合改造', ProjectCategory.INFRASTRUCTURE, '交通运输局'],
  ['商业综合体', ProjectCategory.MODERN_SERVICES, '商务局'],
  ['九年一贯制学校', ProjectCategory.SOCIAL, '教育局'],
  ['新能源汽车零部件', ProjectCategory.INDUSTRIAL, '工信局'],
  ['供热管网改造', ProjectCategory.INFRASTRUCTURE, '住建局'],
  ['科技创新孵化基地', ProjectCategory.MODERN_SERVICES, '科技局'],
  ['区医院改扩建', ProjectCategory.SOCIAL, '卫健局'],
  ['农产品精深加工', ProjectCategory.INDUSTRIAL, '农业农村局'],
  ['冷链物流园', ProjectCategory.MODERN_SERVICES, '商务局'],
];

/** September's colour of the n-th generated Shenyang project: about 10% yellow, 4% red. */
function shenyangSeptember(n: number): Color {
  if (n % 25 === 13) return 'R';
  if (n % 10 === 6) return 'Y';
  return 'G';
}

async function seedShenyangDistricts(em: EntityManager, seed: SeedContext): Promise<Project[]> {
  const g = generator(210100);
  const lit: Project[] = [];
  let n = 0;
  for (const [district, count] of SHENYANG_DISTRICTS) {
    const short = district.replace(/(新区|区|县|市)$/, '');
    const prefix = district === '大东区' ? 'DD' : `SY${seed.area(district).code!.slice(4)}`;
    for (let i = 0; i < count; i++) {
      n += 1;
      const [subject, category, unit] = CITY_SUBJECTS[(n + i) % CITY_SUBJECTS.length];
      const isNew = n % 3 === 0;
      const start = isNew ? '2020-01' : makePeriod(g.int(2018, 2019), g.int(1, 12));
      const end = makePeriod(g.int(2021, 2023), 12);
      const totalWan = g.int(10_000, 300_000);
      const p: DemoProject = {
        district,
        code: `${prefix}-2020-${String(district === '大东区' ? i + 3 : i + 1).padStart(3, '0')}`,
        name: `${short}${subject}项目（${i + 1}号）`,
        category,
        stage: isNew ? ProjectStage.NEW : ProjectStage.CONTINUING,
        enterprise: `沈阳${short}${subject.replace(/项目$/, '')}有限公司`,
        leader: g.pick(['区长', '常务副区长', '副区长']).replace('区', district.endsWith('县') ? '县' : district.endsWith('市') ? '市' : '区'),
        unit: `${district}${unit}`,
        keyPush: n % 6 === 0,
        majorGovernmentInvestment: category === ProjectCategory.INFRASTRUCTURE || category === ProjectCategory.SOCIAL,
        start,
        end,
      };
      const project = await insertProject(em, seed, p, totalWan);
      const plan = evenPlan(totalWan, start, end);
      await insertPlan(em, project.id, plan.years, plan.months);
      const color = shenyangSeptember(n);
      const actuals = plan.months
        .slice(0, 9)
        .filter((m) => makePeriod(2020, m.month) >= start)
        .map((m) => ({ month: m.month, wan: m.month < 9 ? Math.ceil((m.wan * g.int(100, 115)) / 100) : color === 'R' ? 0 : color === 'Y' ? Math.floor((m.wan * 6) / 10) : Math.ceil((m.wan * g.int(100, 112)) / 100) }));
      await insertReports(em, project, actuals, p.unit);
      lit.push(project);
    }
  }
  return lit;
}

export async function seedProjects(seed: SeedContext): Promise<void> {
  const { em } = seed;
  const lit: Project[] = [];

  for (const built of buildSujiatun()) {
    const project = await insertProject(em, seed, built.project, built.project.totalWan!);
    await insertPlan(em, project.id, built.years, built.months);
    await insertReports(em, project, built.actuals, `${built.project.unit}（项目管家）`);
    lit.push(project);
  }
  // Below the 1亿元 threshold: in the ledger, not in the key-project library, not lit.
  for (const [k, name] of ['苏家屯区社区卫生服务中心改造', '苏家屯区农贸市场提升'].entries()) {
    await insertProject(
      em,
      seed,
      { district: '苏家屯区', code: `SJT-2020-R0${k + 1}`, name, category: ProjectCategory.SOCIAL, stage: ProjectStage.RESERVE, enterprise: '苏家屯区城建投资有限公司', leader: '副区长', unit: '苏家屯区住建局', start: '2021-03', end: '2021-12' },
      k === 0 ? 6_000 : 3_500,
    );
  }
  lit.push(...(await seedShenyangDistricts(em, seed)));
  for (const p of DADONG) {
    const project = await insertProject(em, seed, p, p.totalWan!);
    const plan = evenPlan(p.totalWan!, p.start, p.end);
    await insertPlan(em, project.id, plan.years, plan.months);
    await insertReports(em, project, plan.months.slice(0, 9).map((m, k) => ({ month: m.month, wan: k === 8 && p.code === 'DD-2020-002' ? Math.floor(m.wan / 2) : m.wan })), `${p.unit}`);
    lit.push(project);
  }
  const dalianIds: Record<string, number> = {};
  for (const [k, p] of DALIAN.entries()) {
    const leaders = DALIAN_CITY_LEADER[p.category];
    const project = await insertProject(em, seed, { ...p, code: `DL-2020-${String(k + 1).padStart(3, '0')}`, stage: ProjectStage.CONTINUING, leader: leaders[k % leaders.length] }, p.totalWan!);
    const plan = evenPlan(p.totalWan!, p.start, p.end);
    await insertPlan(em, project.id, plan.years, plan.months);
    await insertReports(em, project, plan.months.slice(6, 9).map((m) => ({ month: m.month, wan: m.wan })), p.unit);
    await em.insert(ProjectMilestone, dalianMilestones(p.milestones).map((m) => ({ ...m, projectId: project.id })));
    dalianIds[p.name] = project.id;
    lit.push(project);
  }
  // 服务秘书 李军 (中山区东港街道) serves 凯丹广场, 辉盛阁国际公寓 and 保利天禧 (report 001).
  const lijun = seed.userId('secretary.lijun');
  await em.insert(ProjectAssignment, ['凯丹广场', '辉盛阁国际公寓', '保利天禧'].map((name) => ({ userId: lijun, projectId: dalianIds[name] })));

  // Lights are computed by the city's rule from the plans and reports above, never stored as answers.
  const months = periodRange('2020-01', DEMO_PERIOD);
  const lights = await computeLights(em, lit.map((project) => ({ project, periods: project.cityId === lit[0].cityId ? months : ['2020-07', '2020-08', '2020-09'] })), seed.now);
  const byProject = new Map<number, typeof lights>();
  for (const l of lights) byProject.set(l.projectId, [...(byProject.get(l.projectId) ?? []), l]);
  for (const project of lit) {
    const periods = project.cityId === lit[0].cityId ? months : ['2020-07', '2020-08', '2020-09'];
    await storeLights(em, project.id, periods, byProject.get(project.id) ?? [], seed.now);
  }
  // 苏家屯区 puts its lights on the wall (上墙公示, report 000): its September board is published.
  const areas = new AreaDirectory(await em.find(Area));
  await storePublication(em, areas, areas.get(seed.area('苏家屯区').id)!, DEMO_PERIOD, 'admin.sujiatun', onTime(DEMO_PERIOD));
  await seedCompletedProject(em, seed);
  await seedProcedures(em, seed);
  await seedFunding(em, seed);
  await seedContracts(em, seed);
  await seedPictures(em, seed);
  seed.log.info({ projects: lit.length, lights: lights.length }, 'demo projects seeded');
}
