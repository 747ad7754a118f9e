/**
 * `pnpm seed:scale [--projects N] [--months N] [--items-per-district N] [--milestones N]`
 *
 * Fills an EMPTY database (DATABASE_URL; the embedded SQLite file by default) at province scale for
 * benchmarks: the demo data of every module, the other ten cities of Liaoning with their districts
 * and counties, then N key projects (default 20,000) spread over every district with a plan and a
 * report for each of the last M months (default 36) and their lights, three milestones each, a
 * service-item catalogue in every district (default 2,180 items each), 2,000 service secretaries
 * serving the projects and 50,000 problems. Bulk inserts in one transaction per batch;
 * deterministic (the same options give the same data). Run again, it adds only what is missing.
 */
import { addMonths, DEFAULT_RANKING_WEIGHTS, yi, type Fen, yearOf } from '@kpd/domain';
import { In, Like, type EntityManager } from 'typeorm';
import { loadConfig } from '../config';
import { bulkInsert } from '../db/bulk-insert';
import { openDatabase } from '../db/data-source';
import { seedDemoIfEmpty } from '../db/seed/demo';
import { createLogger } from '../logger';
import { entities } from '../modules';
import { Area, AreaKind, AreaLevel } from '../core/areas/area.entity';
import { CitySettings, LightRule } from '../core/areas/city-settings.entity';
import { insertAreaTree } from '../core/areas/seed';
import type { AreaSeed } from '../core/areas/liaoning';
import { rebuildInvestmentSummary } from '../modules/projects/investment-summary';
import { rebuildLightCounts } from '../modules/projects/light-counts';
import { computeLights, newLightRow } from '../modules/projects/lights.service';
import { ProjectLight } from '../modules/projects/light.entity';
import { MonthlyReport, PlanMonth, PlanYear, ProjectMilestone } from '../modules/projects/plan.entity';
import { Project, ProjectCategory, ProjectStage } from '../modules/projects/project.entity';
import { prng, seedCatalogue, SUJIATUN_SHAPE } from '../modules/service-items/seed';
import { ServiceItem } from '../modules/service-items/service-item.entity';
import { Problem, ProblemCategory, ProblemLevel, ProblemStatus } from '../modules/problems/problem.entity';
import { Secretary, SecretaryAssignment, TeamRole } from '../modules/secretaries/secretary.entity';

/** The ten cities the demo data does not have, with their districts and counties (division codes). */
const OTHER_CITIES: [string, string, [string, AreaKind][]][] = [
  ['鞍山市', '2103', [['铁东区', AreaKind.URBAN_DISTRICT], ['铁西区', AreaKind.URBAN_DISTRICT], ['立山区', AreaKind.URBAN_DISTRICT], ['千山区', AreaKind.URBAN_DISTRICT], ['台安县', AreaKind.COUNTY], ['岫岩满族自治县', AreaKind.COUNTY], ['海城市', AreaKind.COUNTY_LEVEL_CITY]]],
  ['抚顺市', '2104', [['新抚区', AreaKind.URBAN_DISTRICT], ['东洲区', AreaKind.URBAN_DISTRICT], ['望花区', AreaKind.URBAN_DISTRICT], ['顺城区', AreaKind.URBAN_DISTRICT], ['抚顺县', AreaKind.COUNTY], ['新宾满族自治县', AreaKind.COUNTY], ['清原满族自治县', AreaKind.COUNTY]]],
  ['本溪市', '2105', [['平山区', AreaKind.URBAN_DISTRICT], ['溪湖区', AreaKind.URBAN_DISTRICT], ['明山区', AreaKind.URBAN_DISTRICT], ['南芬区', AreaKind.URBAN_DISTRICT], ['本溪满族自治县', AreaKind.COUNTY], ['桓仁满族自治县', AreaKind.COUNTY]]],
  ['丹东市', '2106', [['元宝区', AreaKind.URBAN_DISTRICT], ['振兴区', AreaKind.URBAN_DISTRICT], ['振安区', AreaKind.URBAN_DISTRICT], ['宽甸满族自治县', AreaKind.COUNTY], ['东港市', AreaKind.COUNTY_LEVEL_CITY], ['凤城市', AreaKind.COUNTY_LEVEL_CITY]]],
  ['锦州市', '2107', [['古塔区', AreaKind.URBAN_DISTRICT], ['凌河区', AreaKind.URBAN_DISTRICT], ['太和区', AreaKind.URBAN_DISTRICT], ['黑山县', AreaKind.COUNTY], ['义县', AreaKind.COUNTY], ['凌海市', AreaKind.COUNTY_LEVEL_CITY], ['北镇市', AreaKind.COUNTY_LEVEL_CITY]]],
  ['营口市', '2108', [['站前区', AreaKind.URBAN_DISTRICT], ['西市区', AreaKind.URBAN_DISTRICT], ['鲅鱼圈区', AreaKind.URBAN_DISTRICT], ['老边区', AreaKind.URBAN_DISTRICT], ['盖州市', AreaKind.COUNTY_LEVEL_CITY], ['大石桥市', AreaKind.COUNTY_LEVEL_CITY]]],
  ['辽阳市', '2110', [['白塔区', AreaKind.URBAN_DISTRICT], ['文圣区', AreaKind.URBAN_DISTRICT], ['宏伟区', AreaKind.URBAN_DISTRICT], ['弓长岭区', AreaKind.URBAN_DISTRICT], ['太子河区', AreaKind.URBAN_DISTRICT], ['辽阳县', AreaKind.COUNTY], ['灯塔市', AreaKind.COUNTY_LEVEL_CITY]]],
  ['盘锦市', '2111', [['双台子区', AreaKind.URBAN_DISTRICT], ['兴隆台区', AreaKind.URBAN_DISTRICT], ['大洼区', AreaKind.URBAN_DISTRICT], ['盘山县', AreaKind.COUNTY]]],
  ['铁岭市', '2112', [['银州区', AreaKind.URBAN_DISTRICT], ['清河区', AreaKind.URBAN_DISTRICT], ['铁岭县', AreaKind.COUNTY], ['西丰县', AreaKind.COUNTY], ['昌图县', AreaKind.COUNTY], ['调兵山市', AreaKind.COUNTY_LEVEL_CITY], ['开原市', AreaKind.COUNTY_LEVEL_CITY]]],
  ['朝阳市', '2113', [['双塔区', AreaKind.URBAN_DISTRICT], ['龙城区', AreaKind.URBAN_DISTRICT], ['朝阳县', AreaKind.COUNTY], ['建平县', AreaKind.COUNTY], ['喀喇沁左翼蒙古族自治县', AreaKind.COUNTY], ['北票市', AreaKind.COUNTY_LEVEL_CITY], ['凌源市', AreaKind.COUNTY_LEVEL_CITY]]],
  ['葫芦岛市', '2114', [['连山区', AreaKind.URBAN_DISTRICT], ['龙港区', AreaKind.URBAN_DISTRICT], ['南票区', AreaKind.URBAN_DISTRICT], ['绥中县', AreaKind.COUNTY], ['建昌县', AreaKind.COUNTY], ['兴城市', AreaKind.COUNTY_LEVEL_CITY]]],
];

export interface ScaleOptions {
  projects: number;
  months: number;
  itemsPerDistrict: number;
  milestones: number;
  secretaries: number;
  problems: number;
}

function options(argv: string[]): ScaleOptions {
  const read = (name: string, fallback: number) => {
    const i = argv.indexOf(`--${name}`);
    if (i < 0) return fallback;
    const n = Number(argv[i + 1]);
    if (!Number.isSafeInteger(n) || n < 0) throw new Error(`--${name} expects a whole number`);
    return n;
  };
  return {
    projects: read('projects', 20_000),
    months: read('months', 36),
    itemsPerDistrict: read('items-per-district', 2180),
    milestones: read('milestones', 3),
    secretaries: read('secretaries', 2000),
    problems: read('problems', 50_000),
  };
}


/** The last month of the generated history, and "now": the 20th of the month after it (deadlines passed). */
export const SCALE_LAST_PERIOD = '2020-12';
export const SCALE_NOW = new Date('2021-01-20T02:00:00Z');

async function addCities(em: EntityManager, log: ReturnType<typeof createLogger>): Promise<void> {
  const province = await em.findOneByOrFail(Area, { level: AreaLevel.PROVINCE });
  const existing = await em.countBy(Area, { parentId: province.id });
  for (const [i, [city, prefix, districts]] of OTHER_CITIES.entries()) {
    if (await em.findOneBy(Area, { name: city })) continue;
    const node: AreaSeed = {
      name: city,
      kind: AreaKind.CITY,
      code: `${prefix}00`,
      children: districts.map(([name, kind], j) => ({ name, kind, code: `${prefix}${String(j + 2).padStart(2, '0')}` })),
    };
    const saved = await insertAreaTree(em, node, province, existing + i);
    await em.insert(CitySettings, {
      cityId: saved.id,
      libraryThreshold: yi(1),
      lightRule: LightRule.INVESTMENT,
      reportDeadlineDay: 5,
      lightTolerancePercent: 0,
      noContactDays: 30,
      rankingWeights: JSON.stringify(DEFAULT_RANKING_WEIGHTS),
    });
  }
  log.info({ cities: await em.countBy(Area, { level: AreaLevel.CITY }), districts: await em.countBy(Area, { level: AreaLevel.DISTRICT }) }, 'areas');
}

const NAMES = ['智能制造产业园', '物流园区', '污水处理厂提标改造', '综合管廊', '商业综合体', '保障性住房', '学校新建', '医院门诊楼', '新能源汽车零部件', '热电联产', '道路改造', '冷链仓储中心'];
const ENTERPRISES = ['建设投资集团有限公司', '城市建设有限公司', '实业有限公司', '科技股份有限公司', '能源有限公司'];
const CATEGORIES = [ProjectCategory.INDUSTRIAL, ProjectCategory.INFRASTRUCTURE, ProjectCategory.MODERN_SERVICES, ProjectCategory.SOCIAL];

async function addProjects(db: import('typeorm').DataSource, opts: ScaleOptions, log: ReturnType<typeof createLogger>): Promise<void> {
  const districts = await db.getRepository(Area).find({ where: { level: AreaLevel.DISTRICT }, order: { id: 'ASC' } });
  const byId = new Map((await db.getRepository(Area).find()).map((a) => [a.id, a]));
  const cityOf = (d: Area) => {
    let a: Area | undefined = d;
    while (a && a.level !== AreaLevel.CITY) a = a.parentId === null ? undefined : byId.get(a.parentId);
    return a!;
  };
  const first = addMonths(SCALE_LAST_PERIOD, -(opts.months - 1));
  const periods = Array.from({ length: opts.months }, (_, i) => addMonths(first, i));
  const rand = prng(20_000);
  const started = Date.now();
  const BATCH = 500;
  for (let start = 0; start < opts.projects; start += BATCH) {
    await db.transaction(async (em) => {
      const rows = [];
      for (let i = start; i < Math.min(opts.projects, start + BATCH); i++) {
        const district = districts[i % districts.length];
        const totalYi = 1 + Math.floor(rand() * 49);
        rows.push({
          areaId: district.id,
          cityId: cityOf(district).id,
          code: `SCALE-${String(i + 1).padStart(6, '0')}`,
          name: `${district.name}${NAMES[i % NAMES.length]}${Math.floor(i / districts.length) + 1}期`,
          category: CATEGORIES[i % CATEGORIES.length],
          stage: ProjectStage.CONTINUING,
          totalInvestment: yi(totalYi) as Fen,
          constructionStart: first,
          constructionEnd: addMonths(SCALE_LAST_PERIOD, 12),
          enterprise: `${district.name.replace(/(区|县|市)$/, '')}${ENTERPRISES[i % ENTERPRISES.length]}`,
          responsibleLeader: '分管副区长',
          responsibleUnit: `${district.name}发展和改革局`,
          keyPush: i % 7 === 0,
          majorGovernmentInvestment: i % 11 === 0,
          removedFromLibrary: false,
          version: 1,
        });
      }
      await bulkInsert(em, Project, rows);
      const codes = rows.map((r) => r.code);
      const projects = await em.find(Project, { where: { code: In(codes) } });
      const plans: Partial<PlanMonth>[] = [];
      const years: Partial<PlanYear>[] = [];
      const reports: Partial<MonthlyReport>[] = [];
      const milestones: Partial<ProjectMilestone>[] = [];
      for (const p of projects) {
        const monthly = (BigInt(p.totalInvestment) / BigInt(opts.months + 12) / 10_000n) * 10_000n;
        const byYear = new Map<number, bigint>();
        for (const period of periods) {
          plans.push({ projectId: p.id, period, plannedInvestment: monthly as Fen, plannedMilestone: '' });
          byYear.set(yearOf(period), (byYear.get(yearOf(period)) ?? 0n) + monthly);
          // Most months on plan, some behind, a few with nothing done.
          const roll = rand();
          const actual = roll < 0.04 ? 0n : roll < 0.2 ? (monthly * BigInt(30 + Math.floor(rand() * 60))) / 100n : monthly + (monthly * BigInt(Math.floor(rand() * 20))) / 100n;
          reports.push({
            projectId: p.id,
            areaId: p.areaId,
            period,
            actualInvestment: actual as Fen,
            progress: '按计划推进',
            reporterUserId: null,
            reporterName: '项目单位',
            submittedAt: new Date(`${addMonths(period, 1)}-03T02:00:00Z`),
            updatedAt: new Date(`${addMonths(period, 1)}-03T02:00:00Z`),
            version: 1,
          });
        }
        for (const [year, planned] of byYear) years.push({ projectId: p.id, year, plannedInvestment: planned as Fen, plannedProgress: '' });
        for (let m = 0; m < opts.milestones; m++) {
          const due = addMonths(first, Math.floor(((m + 1) * opts.months) / (opts.milestones + 1)));
          milestones.push({ projectId: p.id, name: ['完成施工许可', '主体结构封顶', '设备安装调试'][m % 3], startDate: null, dueDate: `${due}-28`, weight: 1, progress: rand() < 0.8 ? 100 : 60, metDate: rand() < 0.8 ? `${due}-20` : null });
        }
      }
      await bulkInsert(em, PlanMonth, plans);
      await bulkInsert(em, PlanYear, years);
      await bulkInsert(em, MonthlyReport, reports);
      await bulkInsert(em, ProjectMilestone, milestones);
      // Lights by the city's rule, computed by the same code the service uses.
      const lights = (await computeLights(em, projects.map((project) => ({ project, periods })), SCALE_NOW)).filter((l) => l.color !== null);
      await bulkInsert(em, ProjectLight, lights.map((l) => newLightRow(l, SCALE_NOW)));
    });
    if ((start / BATCH) % 8 === 0) log.info({ projects: Math.min(opts.projects, start + BATCH), seconds: Math.round((Date.now() - started) / 1000) }, 'projects');
  }
}

async function addServiceItems(db: import('typeorm').DataSource, opts: ScaleOptions, log: ReturnType<typeof createLogger>): Promise<void> {
  if (opts.itemsPerDistrict === 0) return;
  const districts = await db.getRepository(Area).find({ where: { level: AreaLevel.DISTRICT }, order: { id: 'ASC' } });
  const have = new Set(
    (await db.getRepository(ServiceItem).createQueryBuilder('i').select('DISTINCT i.district_id', 'd').getRawMany<{ d: number }>()).map((r) => Number(r.d)),
  );
  // The shape scaled to the asked size: the same mix of types as Sujiatun's catalogue.
  const factor = opts.itemsPerDistrict / 2180;
  const scale = (r: Partial<Record<string, number>>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Math.max(1, Math.round(v! * factor))]));
  const shape = { ...SUJIATUN_SHAPE, byApplication: scale(SUJIATUN_SHAPE.byApplication), ownMotion: scale(SUJIATUN_SHAPE.ownMotion), fullyOnline: Math.round(338 * factor), highFrequency: Math.round(156 * factor), withViolations: false, cancelled: 0 };
  let done = 0;
  for (const d of districts) {
    if (have.has(d.id)) continue;
    await db.transaction((em) => seedCatalogue(em, d.id, d.code ?? `D${d.id}`, shape as typeof SUJIATUN_SHAPE, d.id * 7919, 100));
    done++;
  }
  log.info({ districts: done, items: await db.getRepository(ServiceItem).count() }, 'service items');
}

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕';
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '涛', '明', '超', '秀英', '华', '建国', '文峰'];

/** Secretaries spread over the districts, each serving the generated projects of its district in turn. */
async function addSecretaries(db: import('typeorm').DataSource, opts: ScaleOptions, log: ReturnType<typeof createLogger>): Promise<void> {
  if (opts.secretaries === 0 || (await db.getRepository(Secretary).countBy({ workUnit: In(['规模测试服务专班']) })) > 0) return;
  const districts = await db.getRepository(Area).find({ where: { level: AreaLevel.DISTRICT }, order: { id: 'ASC' } });
  const projects: { id: number; areaId: number; cityId: number }[] = await db
    .getRepository(Project)
    .createQueryBuilder('p')
    .select(['p.id AS id', 'p.area_id AS areaId', 'p.city_id AS cityId'])
    .where("p.code LIKE 'SCALE-%'")
    .orderBy('p.id')
    .getRawMany();
  const cityOf = new Map(projects.map((p) => [Number(p.areaId), Number(p.cityId)]));
  await db.transaction(async (em) => {
    const rows = Array.from({ length: opts.secretaries }, (_, i) => {
      const d = districts[i % districts.length];
      return { userId: null, areaId: d.id, cityId: cityOf.get(d.id) ?? d.parentId!, name: `${SURNAMES[i % SURNAMES.length]}${GIVEN[i % GIVEN.length]}`, workUnit: '规模测试服务专班', title: '服务秘书', contact: `0${String(24_000_000 + i)}`, version: 1 };
    });
    await bulkInsert(em, Secretary, rows);
    const saved = await em.find(Secretary, { where: { workUnit: '规模测试服务专班' }, order: { id: 'ASC' } });
    const byDistrict = new Map<number, Secretary[]>();
    for (const sec of saved) byDistrict.set(sec.areaId, [...(byDistrict.get(sec.areaId) ?? []), sec]);
    const counters = new Map<number, number>();
    const assignments = projects
      .map((p) => {
        const pool = byDistrict.get(Number(p.areaId));
        if (!pool) return null;
        const n = counters.get(Number(p.areaId)) ?? 0;
        counters.set(Number(p.areaId), n + 1);
        return { secretaryId: pool[n % pool.length].id, projectId: Number(p.id), areaId: Number(p.areaId), startDate: '2018-01-01', endDate: null, teamRole: TeamRole.SOLE };
      })
      .filter((a) => a !== null);
    await bulkInsert(em, SecretaryAssignment, assignments);
  });
  log.info({ secretaries: opts.secretaries }, 'secretaries');
}

const PROBLEM_TITLES: [ProblemCategory, string, string][] = [
  [ProblemCategory.LAND, '土地征收补偿未完成', '区自然资源局'],
  [ProblemCategory.PLANNING, '规划调整审批', '区自然资源局'],
  [ProblemCategory.PERMITS, '施工许可办理', '区住房和城乡建设局'],
  [ProblemCategory.POWER, '施工临时用电接入', '供电公司'],
  [ProblemCategory.DEMOLITION, '地上物动迁', '街道办事处'],
  [ProblemCategory.UTILITIES, '给排水管网配套', '区城市管理局'],
  [ProblemCategory.FINANCING, '项目贷款审批', '区金融发展局'],
];

/** Problems against the generated projects: most resolved, some open, a few at city level. */
async function addProblems(db: import('typeorm').DataSource, opts: ScaleOptions, log: ReturnType<typeof createLogger>): Promise<void> {
  if (opts.problems === 0 || (await db.getRepository(Problem).countBy({ raisedBy: '规模测试' })) > 0) return;
  const projects: { id: number; areaId: number; cityId: number }[] = await db
    .getRepository(Project)
    .createQueryBuilder('p')
    .select(['p.id AS id', 'p.area_id AS areaId', 'p.city_id AS cityId'])
    .where("p.code LIKE 'SCALE-%'")
    .orderBy('p.id')
    .getRawMany();
  if (projects.length === 0) return;
  const rand = prng(50_000);
  const rows = Array.from({ length: opts.problems }, (_, i) => {
    const p = projects[i % projects.length];
    const [category, title, owner] = PROBLEM_TITLES[i % PROBLEM_TITLES.length];
    const month = addMonths('2018-03', Math.floor(rand() * 33));
    const raisedDate = `${month}-${String(1 + Math.floor(rand() * 27)).padStart(2, '0')}`;
    const roll = rand();
    const status = roll < 0.7 ? ProblemStatus.CLOSED_OUT : roll < 0.8 ? ProblemStatus.RESOLVED : roll < 0.9 ? ProblemStatus.IN_PROGRESS : ProblemStatus.OPEN;
    const days = 5 + Math.floor(rand() * 40);
    const done = status === ProblemStatus.CLOSED_OUT || status === ProblemStatus.RESOLVED;
    const level = i % 25 === 0 ? ProblemLevel.CITY : ProblemLevel.DISTRICT;
    return {
      projectId: Number(p.id),
      areaId: Number(p.areaId),
      cityId: Number(p.cityId),
      category,
      title,
      description: `${title}，影响项目推进`,
      ownerUnit: owner,
      raisedByUserId: null,
      raisedBy: '规模测试',
      raisedDate,
      workingDays: 15,
      deadline: `${addMonths(month, 1)}-${raisedDate.slice(8)}`,
      level,
      cityLeader: level === ProblemLevel.CITY ? '分管副市长' : null,
      status,
      resolvedDate: done ? `${addMonths(month, 1)}-28` : null,
      daysToResolve: done ? days : null,
      closedOutDate: status === ProblemStatus.CLOSED_OUT ? `${addMonths(month, 2)}-05` : null,
      evidenceJson: status === ProblemStatus.CLOSED_OUT ? JSON.stringify({ text: '已办结，附验收材料' }) : null,
      escalationRequested: false,
      escalationRequestReason: null,
      escalatedDate: null,
      escalationReason: null,
      reopenCount: 0,
      meetingId: null,
      version: 1,
    };
  });
  await db.transaction((em) => bulkInsert(em, Problem, rows));
  log.info({ problems: opts.problems }, 'problems');
}

/**
 * The field key the scale data's encrypted columns (secretaries' and demo users' contacts) are
 * written under, unless FIELD_ENCRYPTION_KEY names another: public, since the data is generated;
 * `pnpm bench` starts its production-mode server with it, so both read the same values.
 */
export const SCALE_FIELD_KEY = 'scale:' + '5ca1e'.repeat(12) + '5ca1';

async function main() {
  const opts = options(process.argv.slice(2));
  process.env.FIELD_ENCRYPTION_KEY ??= SCALE_FIELD_KEY;
  const config = loadConfig();
  const log = createLogger('info');
  const db = await openDatabase(config.databaseUrl, entities, log);
  const started = Date.now();
  await seedDemoIfEmpty(db, { ...config, seedDemo: true, env: 'development' }, log);
  await db.transaction((em) => addCities(em, log));
  // Run again on a scale database, it adds only what is missing (secretaries and problems, say).
  if ((await db.getRepository(Project).countBy({ code: Like('SCALE-%') })) === 0) await addProjects(db, opts, log);
  // The plans, reports and lights went in as bulk inserts: their summaries are summed once, by the database.
  await db.transaction(async (em) => {
    await rebuildInvestmentSummary(em);
    await rebuildLightCounts(em);
  });
  await addServiceItems(db, opts, log);
  await addSecretaries(db, opts, log);
  await addProblems(db, opts, log);
  const counts: Record<string, number> = {};
  for (const [name, entity] of [['areas', Area], ['projects', Project], ['plan months', PlanMonth], ['reports', MonthlyReport], ['lights', ProjectLight], ['milestones', ProjectMilestone], ['service items', ServiceItem], ['secretaries', Secretary], ['assignments', SecretaryAssignment], ['problems', Problem]] as const) {
    counts[name] = await db.getRepository(entity).count();
  }
  log.info({ ...counts, seconds: Math.round((Date.now() - started) / 1000) }, 'seed:scale done');
  await db.destroy();
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}

