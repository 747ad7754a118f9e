import { period as makePeriod, periodRange, wan, parsePeriod, yearOf } from '@kpd/domain';
import type { SeedContext } from '../../core/module';
import { demoSiteGeoJson, siteOutlineCode } from '../../core/areas/outlines';
import { computeLights, storeLights } from '../projects/lights.service';
import { MonthlyReport, PlanMonth, PlanYear } from '../projects/plan.entity';
import { Project, ProjectCategory, ProjectStage, ProjectStageChange } from '../projects/project.entity';
import { problemsForQuietDistricts } from '../problems/seed';
import { liveRanking, rankingCanonical } from './rankings.service';
import { RankingEntry, RankingPublication } from './ranking.entity';
import { sha256Hex } from '../../core/digest';

/** Sujiatun's 2019 (report 000: September 2020's 14.8亿元 is "+20.6%" on September 2019). */
export const SUJIATUN_2019 = { septemberWan: 122_700, janSepWan: 800_000 } as const;

/** Splits `total` over weights into whole units, the last taking the remainder. */
function split(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const out = weights.map((w) => Math.floor((total * w) / sum));
  out[out.length - 1] += total - out.reduce((a, b) => a + b, 0);
  return out;
}

/**
 * Fuxin's counties and districts with projects of its four leading industries (report 003: 新能源、
 * 绿色食品、高端装备、精细化工; projects from 5000万元). Amounts are demo figures; each county's
 * course against its plan decides its ranking — 彰武县 best, so it hosts the bimonthly meeting.
 */
const FUXIN: { district: string; name: string; category: ProjectCategory; totalWan: number; pace: number[] }[] = [
  { district: '彰武县', name: '彰武县风电供热一体化项目', category: ProjectCategory.INFRASTRUCTURE, totalWan: 48_000, pace: [110, 110, 110] },
  { district: '彰武县', name: '彰武县绿色食品产业园', category: ProjectCategory.INDUSTRIAL, totalWan: 24_000, pace: [105, 100, 120] },
  { district: '阜新蒙古族自治县', name: '阜蒙县光伏发电项目', category: ProjectCategory.INFRASTRUCTURE, totalWan: 36_000, pace: [100, 100, 90] },
  { district: '阜新蒙古族自治县', name: '阜蒙县精细化工园区配套', category: ProjectCategory.INDUSTRIAL, totalWan: 18_000, pace: [100, 80, 100] },
  { district: '海州区', name: '海州区高端装备制造产业园', category: ProjectCategory.INDUSTRIAL, totalWan: 30_000, pace: [90, 95, 85] },
  { district: '细河区', name: '细河区农产品冷链物流中心', category: ProjectCategory.MODERN_SERVICES, totalWan: 12_000, pace: [80, 70, 75] },
  { district: '太平区', name: '太平区老旧小区配套改造', category: ProjectCategory.SOCIAL, totalWan: 9_000, pace: [100, 60, 0] },
  // Every county and district alive: more projects of the four industries, none ahead of 彰武县.
  { district: '彰武县', name: '彰武县林下经济加工园', category: ProjectCategory.INDUSTRIAL, totalWan: 15_000, pace: [100, 105, 100] },
  { district: '阜新蒙古族自治县', name: '阜蒙县风电场二期', category: ProjectCategory.INFRASTRUCTURE, totalWan: 42_000, pace: [100, 100, 100] },
  { district: '海州区', name: '海州区智慧物流园', category: ProjectCategory.MODERN_SERVICES, totalWan: 11_000, pace: [100, 100, 100] },
  { district: '细河区', name: '细河区精细化工中间体项目', category: ProjectCategory.INDUSTRIAL, totalWan: 16_000, pace: [100, 95, 100] },
  { district: '太平区', name: '太平区矿区生态修复工程', category: ProjectCategory.INFRASTRUCTURE, totalWan: 8_000, pace: [100, 100, 100] },
  { district: '新邱区', name: '新邱区高端装备零部件产业园', category: ProjectCategory.INDUSTRIAL, totalWan: 13_000, pace: [100, 100, 105] },
  { district: '新邱区', name: '新邱区绿色食品冷链仓储', category: ProjectCategory.MODERN_SERVICES, totalWan: 6_000, pace: [100, 70, 90] },
  { district: '清河门区', name: '清河门区光伏储能示范项目', category: ProjectCategory.INFRASTRUCTURE, totalWan: 20_000, pace: [100, 100, 100] },
  { district: '清河门区', name: '清河门区中心学校改扩建', category: ProjectCategory.SOCIAL, totalWan: 5_500, pace: [80, 100, 0] },
];

export async function seedRankings(seed: SeedContext): Promise<void> {
  const { em } = seed;
  // Sujiatun 2019: reports of the projects already under construction, adding up to the figures above.
  const sujiatun = seed.area('苏家屯区');
  const projects = (await em.find(Project, { where: { areaId: sujiatun.id }, order: { id: 'ASC' } })).filter((p) => p.stage !== ProjectStage.RESERVE);
  const monthTotals = [...split(SUJIATUN_2019.janSepWan - SUJIATUN_2019.septemberWan, [2, 2, 5, 5, 5, 5, 5, 5]), SUJIATUN_2019.septemberWan];
  const rows: Partial<MonthlyReport>[] = [];
  monthTotals.forEach((total, k) => {
    const period = makePeriod(2019, k + 1);
    const active = projects.filter((p) => p.constructionStart <= period);
    const amounts = split(total, active.map((p, i) => (i === 0 ? 40 : 5 + ((p.id * 7) % 11))));
    active.forEach((p, i) =>
      rows.push({
        projectId: p.id,
        areaId: p.areaId,
        period,
        actualInvestment: wan(amounts[i]),
        progress: '按计划推进',
        reporterUserId: null,
        reporterName: `${p.responsibleUnit}（项目管家）`,
        submittedAt: new Date(`${makePeriod(2019, k + 2 > 12 ? 12 : k + 2)}-03T02:00:00.000Z`),
        updatedAt: new Date(`${makePeriod(2019, k + 2 > 12 ? 12 : k + 2)}-03T02:00:00.000Z`),
        version: 1,
      }),
    );
  });
  for (let i = 0; i < rows.length; i += 200) await em.insert(MonthlyReport, rows.slice(i, i + 200));

  // Fuxin: plans for 2020–2021, reports January–September 2020, lit by the investment rule.
  const lit: Project[] = [];
  for (const [k, f] of FUXIN.entries()) {
    const district = seed.area(f.district);
    const city = seed.areas.cityOf(district.id)!;
    const project = await em.save(
      em.create(Project, {
        areaId: district.id,
        cityId: city.id,
        code: `FX-2020-${String(k + 1).padStart(3, '0')}`,
        name: f.name,
        category: f.category,
        stage: ProjectStage.NEW,
        totalInvestment: wan(f.totalWan),
        constructionStart: '2020-01',
        constructionEnd: '2021-12',
        enterprise: `${f.name.replace(/项目|配套|改造$/g, '')}建设有限公司`,
        responsibleLeader: '县（区）长',
        responsibleUnit: `${f.district}发展和改革局`,
        keyPush: k === 0,
        majorGovernmentInvestment: f.category === ProjectCategory.SOCIAL || f.category === ProjectCategory.INFRASTRUCTURE,
        removedFromLibrary: false,
        locationGeoJson: demoSiteGeoJson(siteOutlineCode(district), `FX-2020-${String(k + 1).padStart(3, '0')}`),
        version: 1,
      }),
    );
    await em.insert(ProjectStageChange, { projectId: project.id, fromStage: null, toStage: ProjectStage.NEW, reason: '项目录入', changedBy: 'seed', changedAt: new Date(Date.UTC(2020, 0, 2)) });
    const year2020 = Math.floor(f.totalWan * 0.6);
    await em.insert(PlanYear, [
      { projectId: project.id, year: 2020, plannedInvestment: wan(year2020), plannedProgress: '主体完工' },
      { projectId: project.id, year: 2021, plannedInvestment: wan(f.totalWan - year2020), plannedProgress: '竣工投产' },
    ]);
    const months = split(year2020, Array.from({ length: 12 }, (_, i) => (i < 2 ? 1 : 2)));
    await em.insert(PlanMonth, months.map((w, i) => ({ projectId: project.id, period: makePeriod(2020, i + 1), plannedInvestment: wan(w), plannedMilestone: '' })));
    await em.insert(
      MonthlyReport,
      months.slice(0, 9).map((w, i) => {
        const pace = i >= 6 ? f.pace[i - 6] : 100;
        const period = makePeriod(2020, i + 1);
        return {
          projectId: project.id,
          areaId: project.areaId,
          period,
          actualInvestment: wan(Math.floor((w * pace) / 100)),
          progress: pace === 0 ? '本月未施工' : '按计划推进',
          reporterUserId: null,
          reporterName: project.responsibleUnit,
          submittedAt: new Date(`${makePeriod(2020, i + 2)}-03T02:00:00.000Z`),
          updatedAt: new Date(`${makePeriod(2020, i + 2)}-03T02:00:00.000Z`),
          version: 1,
        };
      }),
    );
    lit.push(project);
  }
  // Each of Fuxin's counties and districts has problems on its projects too.
  await problemsForQuietDistricts(seed, ['阜新市'], 2, 2109);
  const periods = periodRange('2020-01', '2020-09');
  const lights = await computeLights(em, lit.map((project) => ({ project, periods })), seed.now);
  for (const project of lit) await storeLights(em, project.id, periods, lights.filter((l) => l.projectId === project.id), seed.now);

  // Fuxin published its August and September 2020 rankings (the bimonthly meeting's host comes from them).
  const fuxin = seed.area('阜新市');
  const city = seed.areas.get(fuxin.id)!;
  for (const period of ['2020-08', '2020-09']) {
    const live = await liveRanking(em, seed.areas, city, period);
    const pub = await em.save(em.create(RankingPublication, { cityId: city.id, period, weightsJson: JSON.stringify(live.weights), publishedBy: 'admin.fuxin', publishedAt: new Date(`${period}-28T08:00:00.000Z`) }));
    pub.publishedAt = new Date(Date.UTC(yearOf(period), parsePeriod(period).month, 8));
    await em.update(RankingPublication, { id: pub.id }, { publishedAt: pub.publishedAt });
    await em.insert(
      RankingEntry,
      live.lines.map((l) => ({
        publicationId: pub.id,
        cityId: city.id,
        period,
        areaId: Number(l.areaId),
        projectCount: l.projectCount,
        milestonesDue: l.milestonesDue,
        milestonesMetOnTime: l.milestonesMetOnTime,
        ytdPlanned: l.ytdPlanned,
        ytdActual: l.ytdActual,
        green: l.lights.green,
        yellow: l.lights.yellow,
        red: l.lights.red,
        milestoneRateTenths: l.milestoneRate === null ? null : Math.round(l.milestoneRate * 10),
        investmentRateTenths: l.investmentRate === null ? null : Math.round(l.investmentRate * 10),
        lightScoreTenths: l.lightScore === null ? null : Math.round(l.lightScore * 10),
        scoreHundredths: l.score === null ? null : Math.round(l.score * 100),
        rank: l.rank,
      })),
    );
    await em.update(RankingPublication, { id: pub.id }, { sha256: sha256Hex(await rankingCanonical(em, pub)) });
  }
  seed.log.info({ sujiatun2019Reports: rows.length, fuxinProjects: lit.length }, 'demo statistics and rankings seeded');
}
