import { splitByWeights, type Fen } from '@kpd/domain';
import type { EntityManager } from 'typeorm';
import type { SeedContext } from '../../core/module';
import { FundingSource, ProjectFunding } from './funding.entity';
import { MonthlyReport, PlanYear } from './plan.entity';
import { Project, ProjectCategory } from './project.entity';

/** The funding sources every demo city keeps (资金来源目录), in the order the statistics list them. */
export const DEMO_FUNDING_SOURCES: { code: string; name: string; specialBond: boolean }[] = [
  { code: 'ZYYSN', name: '中央预算内投资', specialBond: false },
  { code: 'ZXZ', name: '地方政府专项债券', specialBond: true },
  { code: 'DFCZ', name: '地方财政资金', specialBond: false },
  { code: 'YHDK', name: '银行贷款', specialBond: false },
  { code: 'SHZB', name: '社会资本（企业自筹）', specialBond: false },
];

/**
 * How a project's money divides, in percent of ZYYSN, ZXZ, DFCZ, YHDK, SHZB: major government
 * investment (infrastructure, social) leans on central budget, special bonds and the local budget;
 * industrial and service projects on the enterprise's own money and bank loans.
 */
function weightsOf(p: Project, k: number): number[] {
  if (p.majorGovernmentInvestment) return k % 3 === 0 ? [10, 40, 20, 30, 0] : k % 3 === 1 ? [0, 50, 30, 20, 0] : [20, 0, 40, 40, 0];
  return p.category === ProjectCategory.MODERN_SERVICES ? [0, 0, 0, 40, 60] : k % 4 === 0 ? [5, 0, 5, 30, 60] : [0, 0, 0, 30, 70];
}

/** Every demo city's code list; 苏家屯区's 100 key projects split their 2020 plan and January–September actual by source. */
export async function seedFunding(em: EntityManager, seed: SeedContext): Promise<void> {
  for (const city of ['沈阳市', '大连市', '阜新市']) {
    const cityId = seed.area(city).id;
    await em.insert(FundingSource, DEMO_FUNDING_SOURCES.map((s, i) => ({ ...s, cityId, sortOrder: (i + 1) * 10, version: 1 })));
  }
  const district = seed.area('苏家屯区');
  const sources = await em.find(FundingSource, { where: { cityId: seed.area('沈阳市').id }, order: { sortOrder: 'ASC' } });
  const projects = await em.createQueryBuilder(Project, 'p').where('p.area_id = :a AND p.code NOT LIKE :r', { a: district.id, r: 'SJT-2020-R%' }).orderBy('p.code', 'ASC').getMany();
  const plans = await em.find(PlanYear, { where: { year: 2020 } });
  const reports = await em.createQueryBuilder(MonthlyReport, 'r').where('r.area_id = :a AND r.period LIKE :y', { a: district.id, y: '2020-%' }).getMany();
  const rows: Partial<ProjectFunding>[] = [];
  projects.forEach((p, k) => {
    const planned = plans.find((y) => y.projectId === p.id)?.plannedInvestment;
    if (planned === undefined) return;
    const received = reports.filter((r) => r.projectId === p.id).reduce<Fen>((s, r) => s + r.actualInvestment, 0n);
    const weights = weightsOf(p, k);
    const plannedShares = splitByWeights(planned, weights);
    const receivedShares = splitByWeights(received, weights);
    sources.forEach((source, i) => {
      if (weights[i] === 0) return;
      rows.push({
        projectId: p.id, areaId: p.areaId, cityId: p.cityId, year: 2020, sourceId: source.id,
        planned: plannedShares[i], received: receivedShares[i],
        // 专项债: issued in the year's batches as planned, spent as the money arrived.
        bondBatch: source.specialBond ? `2020年第${(k % 4) + 1}批` : null,
        bondIssued: source.specialBond ? plannedShares[i] : null,
        bondSpent: source.specialBond ? receivedShares[i] : null,
      });
    });
  });
  for (let i = 0; i < rows.length; i += 200) await em.insert(ProjectFunding, rows.slice(i, i + 200));
  seed.log.info({ projects: projects.length, lines: rows.length }, 'demo funding seeded');
}
