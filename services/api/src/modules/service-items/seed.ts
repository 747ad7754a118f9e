import type { CaseKind, Fen, OnlineDepth, ServiceItemType } from '@kpd/domain';
import type { EntityManager } from 'typeorm';
import { bulkInsert } from '../../db/bulk-insert';
import type { SeedContext } from '../../core/module';
import { ServiceItem, ServiceItemStatus } from './service-item.entity';
import { violationMaskOf, type ItemFields } from './service-items.service';
import { ServiceBaseline, ServiceWindow, ServiceZone } from './service-zone.entity';
import { seedGuides } from './guides.seed';
import { seedCases } from './cases.seed';
import { seedRatings } from './ratings.seed';
import { seedBundles } from './bundles.seed';

/** A small deterministic PRNG (mulberry32), so the demo catalogue is the same on every start. */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Zone = 'REAL_ESTATE' | 'CONSTRUCTION' | 'MARKET' | 'SOCIAL';
const ZONES: Record<Zone, { name: string; windows: number }> = {
  REAL_ESTATE: { name: '不动产交易服务区', windows: 10 },
  CONSTRUCTION: { name: '工程建设项目联合审批区', windows: 12 },
  MARKET: { name: '市场综合审批服务区', windows: 14 },
  SOCIAL: { name: '社会事务综合服务区', windows: 10 },
};

interface Department {
  name: string;
  zone: Zone;
  law: string;
  /** Items people apply for, with the type each is. */
  applied: [ServiceItemType, string][];
}

const DEPARTMENTS: Department[] = [
  { name: '区住房和城乡建设局', zone: 'CONSTRUCTION', law: '《中华人民共和国建筑法》', applied: [
    ['ADMINISTRATIVE_LICENSE', '建筑工程施工许可证核发'], ['ADMINISTRATIVE_LICENSE', '商品房预售许可'], ['ADMINISTRATIVE_LICENSE', '燃气经营许可证核发'],
    ['ADMINISTRATIVE_LICENSE', '城镇污水排入排水管网许可'], ['ADMINISTRATIVE_CONFIRMATION', '房屋建筑和市政基础设施工程竣工验收备案'],
    ['ADMINISTRATIVE_CONFIRMATION', '建设工程消防验收备案'], ['PUBLIC_SERVICE', '公共租赁住房资格审核'], ['ADMINISTRATIVE_PAYMENT', '城镇住房保障家庭租赁补贴发放'] ] },
  { name: '区自然资源分局', zone: 'REAL_ESTATE', law: '《中华人民共和国土地管理法》', applied: [
    ['ADMINISTRATIVE_LICENSE', '建设用地规划许可证核发'], ['ADMINISTRATIVE_LICENSE', '建设工程规划许可证核发'], ['ADMINISTRATIVE_LICENSE', '乡村建设规划许可证核发'],
    ['ADMINISTRATIVE_CONFIRMATION', '不动产首次登记'], ['ADMINISTRATIVE_CONFIRMATION', '不动产转移登记'], ['ADMINISTRATIVE_CONFIRMATION', '不动产抵押登记'],
    ['PUBLIC_SERVICE', '不动产登记资料查询'], ['ADMINISTRATIVE_ADJUDICATION', '土地权属争议调处'] ] },
  { name: '区市场监督管理局', zone: 'MARKET', law: '《中华人民共和国食品安全法》', applied: [
    ['ADMINISTRATIVE_LICENSE', '食品经营许可'], ['ADMINISTRATIVE_LICENSE', '食品生产许可'], ['ADMINISTRATIVE_LICENSE', '药品零售企业经营许可'],
    ['ADMINISTRATIVE_LICENSE', '特种设备使用登记'], ['ADMINISTRATIVE_CONFIRMATION', '企业设立登记'], ['ADMINISTRATIVE_CONFIRMATION', '个体工商户设立登记'],
    ['PUBLIC_SERVICE', '企业信用信息公示异议处理'], ['ADMINISTRATIVE_REWARD', '质量奖评选表彰'] ] },
  { name: '区卫生健康局', zone: 'SOCIAL', law: '《中华人民共和国基本医疗卫生与健康促进法》', applied: [
    ['ADMINISTRATIVE_LICENSE', '医疗机构执业登记'], ['ADMINISTRATIVE_LICENSE', '公共场所卫生许可'], ['ADMINISTRATIVE_LICENSE', '放射诊疗许可'],
    ['ADMINISTRATIVE_LICENSE', '母婴保健技术服务执业许可'], ['ADMINISTRATIVE_CONFIRMATION', '护士执业注册'], ['PUBLIC_SERVICE', '出生医学证明办理'],
    ['ADMINISTRATIVE_PAYMENT', '计划生育家庭特别扶助金发放'], ['ADMINISTRATIVE_REWARD', '无偿献血表彰'] ] },
  { name: '区教育局', zone: 'SOCIAL', law: '《中华人民共和国教育法》', applied: [
    ['ADMINISTRATIVE_LICENSE', '民办学校设立审批'], ['ADMINISTRATIVE_LICENSE', '校车使用许可'], ['ADMINISTRATIVE_CONFIRMATION', '教师资格认定'],
    ['PUBLIC_SERVICE', '义务教育阶段学生转学'], ['ADMINISTRATIVE_PAYMENT', '家庭经济困难学生资助'] ] },
  { name: '区民政局', zone: 'SOCIAL', law: '《社会救助暂行办法》', applied: [
    ['ADMINISTRATIVE_CONFIRMATION', '社会团体成立登记'], ['ADMINISTRATIVE_CONFIRMATION', '民办非企业单位成立登记'], ['ADMINISTRATIVE_CONFIRMATION', '婚姻登记'],
    ['ADMINISTRATIVE_PAYMENT', '最低生活保障金给付'], ['ADMINISTRATIVE_PAYMENT', '临时救助'], ['ADMINISTRATIVE_PAYMENT', '高龄津贴发放'],
    ['PUBLIC_SERVICE', '殡葬服务'], ['ADMINISTRATIVE_ADJUDICATION', '行政区域界线争议裁决'] ] },
  { name: '区人力资源和社会保障局', zone: 'SOCIAL', law: '《中华人民共和国社会保险法》', applied: [
    ['ADMINISTRATIVE_LICENSE', '劳务派遣经营许可'], ['ADMINISTRATIVE_LICENSE', '人力资源服务许可'], ['PUBLIC_SERVICE', '就业失业登记'],
    ['PUBLIC_SERVICE', '社会保险登记'], ['ADMINISTRATIVE_PAYMENT', '失业保险金申领'], ['ADMINISTRATIVE_PAYMENT', '一次性创业补贴发放'],
    ['PUBLIC_SERVICE', '职业技能等级认定'], ['ADMINISTRATIVE_CONFIRMATION', '工伤认定'] ] },
  { name: '区交通运输局', zone: 'MARKET', law: '《中华人民共和国道路运输条例》', applied: [
    ['ADMINISTRATIVE_LICENSE', '道路货物运输经营许可'], ['ADMINISTRATIVE_LICENSE', '公路超限运输许可'], ['ADMINISTRATIVE_LICENSE', '出租汽车经营许可'],
    ['ADMINISTRATIVE_LICENSE', '机动车维修经营备案'], ['PUBLIC_SERVICE', '道路运输从业人员资格证补证'] ] },
  { name: '区农业农村局', zone: 'MARKET', law: '《中华人民共和国农产品质量安全法》', applied: [
    ['ADMINISTRATIVE_LICENSE', '农作物种子生产经营许可'], ['ADMINISTRATIVE_LICENSE', '动物防疫条件合格证核发'], ['ADMINISTRATIVE_LICENSE', '兽药经营许可'],
    ['ADMINISTRATIVE_LICENSE', '农药经营许可'], ['ADMINISTRATIVE_PAYMENT', '耕地地力保护补贴发放'], ['ADMINISTRATIVE_LEVY', '草原植被恢复费征收'] ] },
  { name: '区生态环境分局', zone: 'CONSTRUCTION', law: '《中华人民共和国环境保护法》', applied: [
    ['ADMINISTRATIVE_LICENSE', '建设项目环境影响评价文件审批'], ['ADMINISTRATIVE_LICENSE', '排污许可'], ['ADMINISTRATIVE_LICENSE', '危险废物经营许可'] ] },
  { name: '区城市管理局', zone: 'CONSTRUCTION', law: '《城市市容和环境卫生管理条例》', applied: [
    ['ADMINISTRATIVE_LICENSE', '城市建筑垃圾处置核准'], ['ADMINISTRATIVE_LICENSE', '占用城市道路许可'], ['ADMINISTRATIVE_LICENSE', '户外广告设施设置许可'],
    ['ADMINISTRATIVE_LEVY', '城市道路占用费征收'] ] },
  { name: '区文化旅游和广播电视局', zone: 'MARKET', law: '《娱乐场所管理条例》', applied: [
    ['ADMINISTRATIVE_LICENSE', '娱乐场所经营许可'], ['ADMINISTRATIVE_LICENSE', '互联网上网服务营业场所经营许可'], ['ADMINISTRATIVE_LICENSE', '营业性演出审批'] ] },
  { name: '区水利局', zone: 'CONSTRUCTION', law: '《中华人民共和国水法》', applied: [
    ['ADMINISTRATIVE_LICENSE', '取水许可'], ['ADMINISTRATIVE_LICENSE', '河道管理范围内建设项目审批'], ['ADMINISTRATIVE_LEVY', '水土保持补偿费征收'] ] },
  { name: '区应急管理局', zone: 'MARKET', law: '《中华人民共和国安全生产法》', applied: [
    ['ADMINISTRATIVE_LICENSE', '危险化学品经营许可'], ['ADMINISTRATIVE_LICENSE', '烟花爆竹零售经营许可'], ['OTHER_ADMINISTRATIVE_POWER', '生产安全事故应急预案备案'] ] },
  { name: '区医疗保障局', zone: 'SOCIAL', law: '《中华人民共和国社会保险法》', applied: [
    ['PUBLIC_SERVICE', '基本医疗保险关系转移接续'], ['PUBLIC_SERVICE', '异地就医备案'], ['ADMINISTRATIVE_PAYMENT', '医疗救助'], ['OTHER_ADMINISTRATIVE_POWER', '定点医药机构协议管理'] ] },
  { name: '区退役军人事务局', zone: 'SOCIAL', law: '《军人抚恤优待条例》', applied: [
    ['ADMINISTRATIVE_PAYMENT', '优抚对象抚恤补助金给付'], ['ADMINISTRATIVE_CONFIRMATION', '残疾等级评定'], ['ADMINISTRATIVE_REWARD', '模范退役军人表彰'] ] },
];

const STAGES = ['新办', '变更', '延续', '注销', '补证', '换证'];
const VISIT_REASONS = ['需现场核验身份证明原件', '需现场勘验', '需本人现场签字确认', '需现场领取纸质证照', '需现场采集指纹'];

/** Non-application items (the state acts on its own): penalties, inspections, coercion, levies, others. */
const OWN_MOTION: [ServiceItemType, (law: string, n: number) => string][] = [
  ['ADMINISTRATIVE_PENALTY', (law, n) => `对违反${law}第${n}条规定行为的行政处罚`],
  ['ADMINISTRATIVE_INSPECTION', (law, n) => `对执行${law}情况的行政检查（第${n}项）`],
  ['ADMINISTRATIVE_COERCION', (law, n) => `依据${law}实施的查封、扣押（第${n}项）`],
  ['ADMINISTRATIVE_LEVY', (law, n) => `依据${law}的费用征收（第${n}项）`],
  ['OTHER_ADMINISTRATIVE_POWER', (law, n) => `依据${law}实施的责令改正（第${n}项）`],
];

export interface CatalogueShape {
  /** Districts' catalogue figures the generator must hit exactly. */
  byApplication: Partial<Record<ServiceItemType, number>>;
  ownMotion: Partial<Record<ServiceItemType, number>>;
  fullyOnline: number;
  highFrequency: number;
  cancelled: number;
  /** Add the few items that break a compliance rule, so the filter has something to show. */
  withViolations: boolean;
}

/** Sujiatun (report 000): 2180 items, 603 by application, 338 fully online, 156 high-frequency one-trip. */
export const SUJIATUN_SHAPE: CatalogueShape = {
  byApplication: {
    ADMINISTRATIVE_LICENSE: 246, PUBLIC_SERVICE: 172, ADMINISTRATIVE_CONFIRMATION: 78, ADMINISTRATIVE_PAYMENT: 41,
    ADMINISTRATIVE_LEVY: 22, ADMINISTRATIVE_REWARD: 14, ADMINISTRATIVE_ADJUDICATION: 6, OTHER_ADMINISTRATIVE_POWER: 24,
  },
  ownMotion: { ADMINISTRATIVE_PENALTY: 1102, ADMINISTRATIVE_INSPECTION: 268, ADMINISTRATIVE_COERCION: 131, ADMINISTRATIVE_LEVY: 18, OTHER_ADMINISTRATIVE_POWER: 58 },
  fullyOnline: 338,
  highFrequency: 156,
  cancelled: 12,
  withViolations: true,
};

const SMALL_SHAPE: CatalogueShape = {
  byApplication: { ADMINISTRATIVE_LICENSE: 10, PUBLIC_SERVICE: 8, ADMINISTRATIVE_CONFIRMATION: 4, ADMINISTRATIVE_PAYMENT: 3 },
  ownMotion: { ADMINISTRATIVE_PENALTY: 14, ADMINISTRATIVE_INSPECTION: 5 },
  fullyOnline: 15,
  highFrequency: 6,
  cancelled: 0,
  withViolations: false,
};

const LIMITS: [number, number][] = [
  [20, 5],
  [15, 4],
  [30, 8],
  [10, 2],
  [60, 15],
  [45, 12],
];

/** The items of one catalogue, hitting the shape's counts exactly; the details vary deterministically. */
export function generateCatalogue(areaCode: string, shape: CatalogueShape, seed: number): (ItemFields & { zoneKey: Zone | null })[] {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const items: (ItemFields & { zoneKey: Zone | null })[] = [];
  const seen = new Set<string>();
  let serial = 0;
  const code = (type: ServiceItemType, dept: number) => {
    serial += 1;
    const basic = `${String(Object.keys(SUJIATUN_SHAPE.byApplication).concat(Object.keys(SUJIATUN_SHAPE.ownMotion)).indexOf(type) + 1).padStart(2, '0')}${String(dept + 1).padStart(3, '0')}${String(serial).padStart(5, '0')}`;
    return { basicCode: basic, implementationCode: `${areaCode}-${basic}-01` };
  };

  // By application: names from the departments' own items, by stage when there are more items than names.
  for (const [type, count] of Object.entries(shape.byApplication) as [ServiceItemType, number][]) {
    const sources = DEPARTMENTS.flatMap((d, di) => d.applied.filter(([t]) => t === type).map(([, name]) => ({ d, di, name })));
    for (let i = 0; i < count; i++) {
      const src = sources[i % sources.length];
      const round = Math.floor(i / sources.length);
      let name = round === 0 ? src.name : `${src.name}（${STAGES[(round - 1) % STAGES.length]}${round > STAGES.length ? Math.ceil(round / STAGES.length) : ''}）`;
      while (seen.has(name)) name = `${name}·${++serial}`;
      seen.add(name);
      const [legal, promised] = pick(LIMITS);
      const immediate = type === 'PUBLIC_SERVICE' && random() < 0.4;
      const materialsBefore = 6 + Math.floor(random() * 9);
      items.push({
        ...code(type, src.di),
        name,
        type,
        department: src.d.name,
        byApplication: true,
        onlineDepth: 'PARTLY_ONLINE',
        visits: 1,
        visitsReason: pick(VISIT_REASONS),
        caseKind: immediate ? 'IMMEDIATE' : 'PROMISED',
        legalLimitDays: immediate ? null : legal,
        promisedLimitDays: immediate ? 0 : promised,
        materialsNow: Math.max(1, Math.round(materialsBefore * 0.37)),
        materialsBefore,
        zoneId: null,
        zoneKey: src.d.zone,
        highFrequency: false,
        fee: src.name.startsWith('不动产') && src.name.endsWith('登记') ? 8000n : null,
        legalBasis: `${src.d.law}`,
        status: ServiceItemStatus.IN_USE,
      });
    }
  }
  // Exactly `fullyOnline` of them fully online with no visit; some others offline; `highFrequency` high-frequency.
  const applied = items.map((_, i) => i);
  for (let i = applied.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [applied[i], applied[j]] = [applied[j], applied[i]];
  }
  applied.slice(0, shape.fullyOnline).forEach((i) => Object.assign(items[i], { onlineDepth: 'FULLY_ONLINE' as OnlineDepth, visits: 0, visitsReason: null }));
  applied.slice(shape.fullyOnline, shape.fullyOnline + Math.round((applied.length - shape.fullyOnline) / 9)).forEach((i) => (items[i].onlineDepth = 'OFFLINE'));
  applied.filter((_, k) => k % Math.max(1, Math.floor(applied.length / shape.highFrequency)) === 0).slice(0, shape.highFrequency).forEach((i) => (items[i].highFrequency = true));

  if (shape.withViolations) {
    // A few entries a reviewer would catch — the compliance filter lists exactly these.
    const partly = applied.slice(shape.fullyOnline).filter((i) => items[i].caseKind === 'PROMISED' && !items[i].highFrequency);
    const fully = applied.slice(0, shape.fullyOnline).filter((i) => !items[i].highFrequency);
    items[partly[0]].visitsReason = null;
    items[partly[1]].visitsReason = null;
    Object.assign(items[partly[2]], { legalLimitDays: 10, promisedLimitDays: 12 });
    Object.assign(items[partly[3]], { legalLimitDays: 20, promisedLimitDays: 10 });
    Object.assign(items[partly[4]], { legalLimitDays: 30, promisedLimitDays: 12 });
    Object.assign(items[fully[0]], { visits: 1, visitsReason: '需现场领取纸质证照' });
    Object.assign(items[fully[1]], { caseKind: 'IMMEDIATE' as CaseKind, legalLimitDays: 5, promisedLimitDays: 1 });
  }

  for (const [type, count] of Object.entries(shape.ownMotion) as [ServiceItemType, number][]) {
    const make = OWN_MOTION.find(([t]) => t === type)![1];
    for (let i = 0; i < count; i++) {
      const di = i % DEPARTMENTS.length;
      const d = DEPARTMENTS[di];
      const n = 10 + Math.floor(i / DEPARTMENTS.length);
      const inspection = type === 'ADMINISTRATIVE_INSPECTION';
      const [legal, promised] = type === 'ADMINISTRATIVE_PENALTY' ? [90, 25] : [30, 8];
      items.push({
        ...code(type, di),
        name: make(d.law, n),
        type,
        department: d.name,
        byApplication: false,
        onlineDepth: 'OFFLINE',
        visits: 0,
        visitsReason: null,
        caseKind: inspection ? 'IMMEDIATE' : 'PROMISED',
        legalLimitDays: inspection ? null : legal,
        promisedLimitDays: inspection ? null : promised,
        materialsNow: null,
        materialsBefore: null,
        zoneId: null,
        zoneKey: null,
        highFrequency: false,
        fee: null,
        legalBasis: `${d.law}第${n}条`,
        status: ServiceItemStatus.IN_USE,
      });
    }
  }
  for (let i = 0; i < shape.cancelled; i++) {
    const d = DEPARTMENTS[i % DEPARTMENTS.length];
    items.push({
      ...code('ADMINISTRATIVE_LICENSE', i % DEPARTMENTS.length),
      name: `${d.applied[0][1]}（已取消的旧版事项${i + 1}）`,
      type: 'ADMINISTRATIVE_LICENSE',
      department: d.name,
      byApplication: true,
      onlineDepth: 'OFFLINE',
      visits: 2,
      visitsReason: '需现场提交纸质材料',
      caseKind: 'PROMISED',
      legalLimitDays: 20,
      promisedLimitDays: 15,
      materialsNow: 12,
      materialsBefore: 12,
      zoneId: null,
      zoneKey: null,
      highFrequency: false,
      fee: null,
      legalBasis: d.law,
      status: ServiceItemStatus.CANCELLED,
    });
  }
  return items;
}

export async function seedCatalogue(em: EntityManager, districtId: number, areaCode: string, shape: CatalogueShape, seed: number, windowsBefore: number | null): Promise<void> {
  const zoneIds = new Map<Zone, number>();
  let order = 0;
  for (const [key, zone] of Object.entries(ZONES) as [Zone, { name: string; windows: number }][]) {
    const saved = await em.save(em.create(ServiceZone, { districtId, name: zone.name, sortOrder: order++ }));
    zoneIds.set(key, saved.id);
    const letter = String.fromCharCode(64 + order);
    await em.insert(ServiceWindow, Array.from({ length: zone.windows }, (_, i) => ({ zoneId: saved.id, number: `${letter}${String(i + 1).padStart(2, '0')}`, name: `${zone.name.replace('服务区', '').replace('区', '')}综合窗口` })));
  }
  if (windowsBefore !== null) await em.insert(ServiceBaseline, { districtId, takenOn: '2018-06-30', windowsBefore });
  const rows = generateCatalogue(areaCode, shape, seed).map(({ zoneKey, ...f }) => {
    const fields: ItemFields = { ...f, zoneId: f.byApplication && zoneKey ? zoneIds.get(zoneKey)! : null, fee: f.fee as Fen | null };
    return { ...fields, districtId, version: 1, violationMask: violationMaskOf(fields) };
  });
  await bulkInsert(em, ServiceItem, rows);
}

/** Sujiatun's catalogue as report 000 gives it (windows −67%: 139 before, 46 now), and smaller ones for 大东区 and 中山区. */
export async function seedServiceItems(seed: SeedContext): Promise<void> {
  const district = (name: string) => seed.areas.get(seed.area(name).id)!;
  const sujiatun = district('苏家屯区');
  await seedCatalogue(seed.em, sujiatun.id, sujiatun.code ?? 'SJT', SUJIATUN_SHAPE, 2180, 139);
  // 办事指南 for its high-frequency items (report 000: “高频‘最多跑一次’事项突破150个”).
  await seedGuides(seed.em, sujiatun.id, '苏家屯区政务服务中心');
  // A year of cases (办件) of those items, with their real handling times.
  await seedCases(seed.em, sujiatun.id, 'SJT', 2020);
  // 好差评 of those cases, the bad ones rectified or in rectification on the demo's day.
  await seedRatings(seed.em, sujiatun.id, 2025);
  // “一件事” bundles across departments, the construction one within 50 working days.
  await seedBundles(seed.em, sujiatun.id, '苏家屯区政务服务中心');
  for (const [name, n] of [['大东区', 2104], ['中山区', 2102]] as const) {
    const d = district(name);
    await seedCatalogue(seed.em, d.id, d.code ?? name, SMALL_SHAPE, n, 120);
  }
}
