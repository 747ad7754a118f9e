import { bundleProblems, CONSTRUCTION_APPROVAL_LIMIT_DAYS, type BundlePart } from '@kpd/domain';
import { In, type EntityManager } from 'typeorm';
import { ServiceBundle, ServiceBundleItem } from './service-bundle.entity';
import { ServiceGuideRow } from './service-guide.entity';
import { ServiceItem } from './service-item.entity';
import { seedGuides } from './guides.seed';

interface DemoBundle {
  name: string;
  description: string;
  limitDays: number | null;
  /** Item names by stage. */
  stages: string[][];
  /** Parts done by bodies outside the district's catalogue. */
  parts?: BundlePart[];
}

const licence = { name: '营业执照', shared: true };
const legalPerson = { name: '法定代表人居民身份证', shared: true };

/**
 * 开办企业's parts outside the district's 区级 catalogue (the tax office is vertically managed, seal
 * filing is the public-security branch's, the provident fund the city centre's, the account the bank's),
 * each as it is done alone: every one but the provident fund registration a trip of its own.
 */
export const START_BUSINESS_PARTS: BundlePart[] = [
  {
    name: '公章刻制',
    department: '沈阳市公安局苏家屯分局',
    stage: 2,
    promisedDays: 1,
    visits: 1,
    visitsReason: '需到刻章企业领取实物印章',
    materials: [licence, legalPerson, { name: '《公章刻制申请表》', shared: false }],
  },
  {
    name: '首次申领发票及税务UKey',
    department: '国家税务总局沈阳市苏家屯区税务局',
    stage: 2,
    promisedDays: 1,
    visits: 1,
    visitsReason: '需现场领取税务UKey和纸质发票',
    materials: [licence, { name: '《发票票种核定及领用申请表》', shared: false }, { name: '经办人居民身份证', shared: true }],
  },
  {
    name: '住房公积金单位缴存登记',
    department: '沈阳住房公积金管理中心',
    stage: 2,
    promisedDays: 1,
    visits: 0,
    visitsReason: null,
    materials: [licence, { name: '《住房公积金单位缴存登记申请表》', shared: false }],
  },
  {
    name: '银行开户',
    department: '开户银行（企业自选）',
    stage: 2,
    promisedDays: 1,
    visits: 1,
    visitsReason: '需法定代表人到银行网点面签',
    materials: [licence, legalPerson, { name: '《开立单位银行结算账户申请书》', shared: false }],
  },
];

/** The district's "一件事" bundles (国务院“一件事一次办”清单), from items of its own catalogue and, for 开办企业, parts outside it. */
export const DEMO_BUNDLES: DemoBundle[] = [
  {
    name: '开办企业',
    description:
      '企业设立登记后，公章刻制、发票和税务UKey申领、社保和用工登记、公积金缴存登记、银行开户并联办理：一表申请、一窗受理，营业执照、印章、发票和税务UKey窗口统一发放',
    limitDays: null,
    stages: [['企业设立登记'], ['社会保险登记', '就业失业登记']],
    parts: START_BUSINESS_PARTS,
  },
  {
    name: '我要开餐馆',
    description: '主体登记后，食品经营许可、公共场所卫生许可和门头广告设置并联办理',
    limitDays: null,
    stages: [['个体工商户设立登记'], ['食品经营许可', '公共场所卫生许可', '户外广告设施设置许可']],
  },
  {
    name: '工程建设项目审批（立项到竣工验收）',
    description: '立项用地规划许可、工程建设许可、施工许可、竣工验收四个阶段，阶段内并联审批，全流程不超过50个工作日',
    limitDays: CONSTRUCTION_APPROVAL_LIMIT_DAYS,
    stages: [
      ['建设用地规划许可证核发', '建设项目环境影响评价文件审批'],
      ['建设工程规划许可证核发'],
      ['建筑工程施工许可证核发', '城市建筑垃圾处置核准'],
      ['房屋建筑和市政基础设施工程竣工验收备案', '建设工程消防验收备案'],
    ],
  },
];

/** Seeds the demo bundles; each is checked by the rule (the construction one within 50 working days). Items without a guide get one. */
export async function seedBundles(em: EntityManager, districtId: number, hallName: string): Promise<number> {
  const names = DEMO_BUNDLES.flatMap((b) => b.stages.flat());
  const items = new Map((await em.findBy(ServiceItem, { districtId, name: In(names) })).map((i) => [i.name, i]));
  const ids = [...items.values()].map((i) => i.id);
  const guided = new Set((await em.findBy(ServiceGuideRow, { itemId: In(ids) })).map((g) => g.itemId));
  const unguided = ids.filter((id) => !guided.has(id));
  if (unguided.length) await seedGuides(em, districtId, hallName, unguided);
  for (const bundle of DEMO_BUNDLES) {
    const rows = bundle.stages.flatMap((names, s) =>
      names.map((name) => {
        const item = items.get(name);
        if (!item) throw new Error(`demo bundle ${bundle.name}: no item ${name}`);
        return { item, stage: s + 1 };
      }),
    );
    const problems = bundleProblems({
      name: bundle.name,
      limitDays: bundle.limitDays,
      parts: bundle.parts ?? [],
      items: rows.map((r) => ({ itemId: r.item.id, stage: r.stage, promisedDays: r.item.caseKind === 'IMMEDIATE' ? 0 : r.item.promisedLimitDays })),
    });
    if (problems.length) throw new Error(`demo bundle ${bundle.name}: ${problems.map((p) => p.reason).join('; ')}`);
    const saved = await em.save(
      em.create(ServiceBundle, {
        districtId,
        name: bundle.name,
        description: bundle.description,
        limitDays: bundle.limitDays,
        parts: bundle.parts?.length ? JSON.stringify(bundle.parts) : null,
        version: 1,
      }),
    );
    await em.insert(
      ServiceBundleItem,
      rows.map((r, k) => ({ bundleId: saved.id, itemId: r.item.id, stage: r.stage, sortOrder: k })),
    );
  }
  return DEMO_BUNDLES.length;
}
