import type { GuideMaterial, ServiceGuide } from '@kpd/domain';
import { In, type EntityManager } from 'typeorm';
import { bulkInsert } from '../../db/bulk-insert';
import { now } from '../../core/clock';
import { ServiceItem, ServiceItemStatus } from './service-item.entity';
import { ServiceGuideRow } from './service-guide.entity';
import { rowFields } from './guides.service';
import { ServiceWindow, ServiceZone } from './service-zone.entity';

/** The 不动产 registration fee's basis (国家发展改革委 财政部, 2016). */
const REGISTRATION_FEE_BASIS =
  '《国家发展改革委 财政部关于不动产登记收费标准等有关问题的通知》（发改价格规〔2016〕2559号）';
const HOURS = '周一至周五 上午8:30—11:30，下午13:00—17:00（法定节假日除外；中午及周六可预约延时服务）';

const IDENTITY: Omit<GuideMaterial, 'name'> = {
  form: 'ORIGINAL',
  copies: 1,
  source: '公安机关（电子证照库共享）',
  shared: true,
  templateUrl: null,
};
const POOL: Array<Pick<GuideMaterial, 'name' | 'form' | 'source'>> = [
  { name: '授权委托书及受托人身份证明（委托办理的）', form: 'ORIGINAL', source: '申请人自备' },
  { name: '场所使用证明（产权证明或租赁合同）', form: 'COPY', source: '申请人自备' },
  { name: '相关专业技术人员资格证明', form: 'ORIGINAL_AND_COPY', source: '人力资源和社会保障部门' },
  { name: '现场平面图', form: 'ORIGINAL', source: '申请人自备' },
  { name: '承诺书', form: 'ORIGINAL', source: '窗口领取或网上下载' },
  { name: '有关管理制度文本', form: 'COPY', source: '申请人自备' },
  { name: '设备清单', form: 'ORIGINAL', source: '申请人自备' },
  { name: '原证照正副本（变更、延续、注销的）', form: 'ORIGINAL', source: '原发证机关' },
];

/** A plausible guide for one of the demo's items, from its own fields (deterministic). */
export function demoGuide(
  item: Pick<
    ServiceItem,
    | 'id'
    | 'name'
    | 'department'
    | 'type'
    | 'caseKind'
    | 'legalLimitDays'
    | 'promisedLimitDays'
    | 'materialsNow'
    | 'fee'
    | 'legalBasis'
    | 'onlineDepth'
  >,
  place: string,
  n: number,
): ServiceGuide {
  const company =
    /许可|登记|备案|经营|核准|设立/.test(item.name) && !/婚姻|出生|个人|护士|教师/.test(item.name);
  const materials: GuideMaterial[] = [
    {
      name: `《${item.name}申请表》`,
      form: 'ORIGINAL',
      copies: 1,
      source: '窗口领取或网上下载',
      shared: false,
      templateUrl: `https://zwfw.ln.gov.cn/templates/${item.id}.docx`,
    },
    {
      ...IDENTITY,
      name: company ? '营业执照' : '申请人居民身份证',
      source: company ? '市场监督管理部门（电子证照库共享）' : IDENTITY.source,
    },
  ];
  const wanted = Math.max(2, Math.min(item.materialsNow ?? 3, 2 + POOL.length));
  for (let k = 0; materials.length < wanted; k++) {
    const m = POOL[(n + k) % POOL.length];
    materials.push({
      ...m,
      copies: m.form === 'COPY' ? 2 : 1,
      shared: false,
      templateUrl: m.name === '承诺书' ? `https://zwfw.ln.gov.cn/templates/commitment.docx` : null,
    });
  }
  const immediate = item.caseKind === 'IMMEDIATE';
  const promised = item.promisedLimitDays ?? 0;
  const steps = immediate
    ? [
        {
          title: '申请',
          description:
            item.onlineDepth === 'OFFLINE'
              ? '到综合受理窗口提交材料'
              : '通过辽事通或辽宁政务服务网在线提交，或到综合受理窗口提交',
        },
        { title: '受理', description: '材料齐全、符合法定形式的，当场受理' },
        { title: '办结', description: '当场作出决定并出件' },
      ]
    : [
        {
          title: '申请',
          description:
            item.onlineDepth === 'OFFLINE'
              ? '到综合受理窗口提交材料'
              : '通过辽事通或辽宁政务服务网在线提交，或到综合受理窗口提交',
        },
        {
          title: '受理',
          description: '材料齐全、符合法定形式的当场受理；不齐全的一次性告知需补正的全部内容',
        },
        {
          title: '审查',
          description: `${item.department}后台审批人员审查材料${/许可|核准/.test(item.name) ? '，需要时现场核查' : ''}`,
        },
        { title: '决定', description: `自受理之日起${promised}个工作日内作出决定（承诺时限）` },
        { title: '送达', description: '窗口统一出件，或免费邮寄送达' },
      ];
  const fees = item.fee
    ? [
        {
          name: item.name.startsWith('不动产') ? '不动产登记费' : '工本费',
          amount: item.fee,
          basis: item.name.startsWith('不动产') ? REGISTRATION_FEE_BASIS : (item.legalBasis ?? ''),
        },
      ]
    : [];
  const pauses =
    !immediate && (item.legalLimitDays ?? 0) >= 20 && /规划|环境影响|建筑|施工|预售/.test(item.name)
      ? [
          { name: '专家评审', maxDays: 10 },
          { name: '批前公示', maxDays: 7 },
        ]
      : !immediate && /许可/.test(item.name) && n % 3 === 0
        ? [{ name: '现场核查', maxDays: 5 }]
        : [];
  return {
    conditions: company
      ? `在苏家屯区内依法设立的企业、个体工商户或其他组织，符合${item.legalBasis ?? '有关法律法规'}规定的条件，可申请${item.name}。`
      : `在苏家屯区居住或户籍在苏家屯区的公民，符合${item.legalBasis ?? '有关法律法规'}规定的条件，可申请${item.name}。`,
    materials,
    steps,
    place,
    hours: HOURS,
    fees,
    pauses,
    contactPhone: '024-12345',
    complaintPhone: '12345',
    complaintChannel: '沈阳市民服务热线12345；辽宁政务服务网“好差评”；政务服务中心一楼投诉受理窗口',
    faq: [
      {
        question: '可以委托他人代办吗？',
        answer: '可以。受托人携带授权委托书和本人身份证件到窗口办理；也可预约“审批专员帮代办”。',
      },
      ...(immediate
        ? []
        : [
            {
              question: '办理进度在哪里查？',
              answer: `凭受理通知书上的办件编号，在辽事通或辽宁政务服务网查询，也可拨打024-12345。承诺时限为${promised}个工作日${pauses.length ? `（${pauses.map((p) => p.name).join('、')}时间不计算在内）` : ''}。`,
            },
          ]),
      ...(fees.length ? [] : [{ question: '需要交费吗？', answer: '不收费。' }]),
    ],
  };
}

/** Guides for a district's high-frequency items in use (or for the items named): one bulk insert. */
export async function seedGuides(em: EntityManager, districtId: number, hallName: string, only?: number[]): Promise<number> {
  const items = await em.find(ServiceItem, {
    where: only ? { districtId, id: In(only) } : { districtId, highFrequency: true, status: ServiceItemStatus.IN_USE },
    order: { id: 'ASC' },
  });
  const zones = new Map((await em.findBy(ServiceZone, { districtId })).map((z) => [z.id, z]));
  const windows = await em
    .createQueryBuilder(ServiceWindow, 'w')
    .where('w.zoneId IN (:...ids)', { ids: [...zones.keys(), 0] })
    .orderBy('w.number', 'ASC')
    .getMany();
  const placeOf = (zoneId: number | null) => {
    const zone = zoneId === null ? undefined : zones.get(zoneId);
    if (!zone) return `${hallName}综合受理窗口`;
    const own = windows.filter((w) => w.zoneId === zone.id);
    return `${hallName} ${zone.name}${own.length ? `（${own[0].number}—${own[own.length - 1].number}窗口）` : ''}`;
  };
  const at = now();
  const rows = items.map((item, n) => ({
    ...rowFields(demoGuide(item, placeOf(item.zoneId), n)),
    itemId: item.id,
    districtId,
    version: 1,
    updatedAt: at,
  }));
  return bulkInsert(em, ServiceGuideRow, rows);
}
