import {
  guideFeeTotal,
  materialsToSubmit,
  serviceGuideProblems,
  type GuideMaterial,
  type ServiceGuide,
} from './service-guide';

const material = (over: Partial<GuideMaterial> = {}): GuideMaterial => ({
  name: '营业执照',
  form: 'ORIGINAL',
  copies: 1,
  source: '申请人自备',
  shared: false,
  templateUrl: null,
  ...over,
});

const guide = (over: Partial<ServiceGuide> = {}): ServiceGuide => ({
  conditions: '在苏家屯区内从事食品销售的经营者',
  materials: [material()],
  steps: [{ title: '申请', description: '网上或窗口提交' }],
  place: '苏家屯区政务服务中心 市场综合审批服务区 C01—C14',
  hours: '周一至周五 8:30—11:30，13:00—17:00（法定节假日除外）',
  fees: [],
  pauses: [],
  contactPhone: '024-89812345',
  complaintPhone: '12345',
  complaintChannel: '',
  faq: [],
  ...over,
});

describe('serviceGuideProblems', () => {
  const cases: Array<[string, Partial<ServiceGuide>, Array<[string, RegExp]>]> = [
    ['a complete guide', {}, []],
    ['no conditions', { conditions: '  ' }, [['input.conditions', /申办条件不能为空/]]],
    ['conditions too long', { conditions: '条'.repeat(2001) }, [['input.conditions', /不能超过2000字/]]],
    [
      'no place or hours',
      { place: '', hours: '' },
      [
        ['input.place', /办理地点不能为空/],
        ['input.hours', /办公时间不能为空/],
      ],
    ],
    ['a phone with letters', { contactPhone: 'call us' }, [['input.contactPhone', /咨询电话格式不对/]]],
    ['an extension is a phone', { contactPhone: '024-89812345转8001' }, []],
    ['no complaint phone', { complaintPhone: '' }, [['input.complaintPhone', /投诉电话不能为空/]]],
    ['no steps', { steps: [] }, [['input.steps', /至少写明一个办理环节/]]],
    [
      'a step without a title',
      { steps: [{ title: '', description: 'x' }] },
      [['input.steps[0].title', /环节名称不能为空/]],
    ],
    ['no materials is allowed (a query item)', { materials: [] }, []],
    [
      'a material without a name',
      { materials: [material({ name: ' ' })] },
      [['input.materials[0].name', /材料名称不能为空/]],
    ],
    [
      'the same material twice',
      { materials: [material(), material({ form: 'COPY' }), material()] },
      [
        ['input.materials[1].name', /与第1项材料重名/],
        ['input.materials[2].name', /与第1项材料重名/],
      ],
    ],
    [
      'zero copies',
      { materials: [material({ copies: 0 })] },
      [['input.materials[0].copies', /份数必须是1到99之间的整数/]],
    ],
    ['half a copy', { materials: [material({ copies: 1.5 })] }, [['input.materials[0].copies', /份数/]]],
    [
      'an unknown form',
      { materials: [material({ form: 'SCAN' as never })] },
      [['input.materials[0].form', /未知的材料形式/]],
    ],
    [
      'no source',
      { materials: [material({ source: '' })] },
      [['input.materials[0].source', /来源渠道不能为空/]],
    ],
    [
      'a shared material with a template',
      { materials: [material({ shared: true, templateUrl: 'https://zwfw.example.cn/t.docx' })] },
      [['input.materials[0].templateUrl', /共享免提交/]],
    ],
    [
      'a template that is not a link',
      { materials: [material({ templateUrl: 'C:\\表格.doc' })] },
      [['input.materials[0].templateUrl', /https:\/\//]],
    ],
    ['a template link', { materials: [material({ templateUrl: 'https://zwfw.example.cn/t.docx' })] }, []],
    [
      'a fee with its basis',
      { fees: [{ name: '不动产登记费', amount: 8000n, basis: '发改价格规〔2016〕2559号' }] },
      [],
    ],
    [
      'a fee without a basis',
      { fees: [{ name: '登记费', amount: 8000n, basis: '' }] },
      [['input.fees[0].basis', /收费必须写明依据/]],
    ],
    [
      'a zero fee',
      { fees: [{ name: '登记费', amount: 0n, basis: '某文件' }] },
      [['input.fees[0].amount', /必须大于0/]],
    ],
    [
      'a negative fee',
      { fees: [{ name: '登记费', amount: -1n, basis: '某文件' }] },
      [['input.fees[0].amount', /必须大于0/]],
    ],
    ['a pause with its length', { pauses: [{ name: '专家评审', maxDays: 10 }] }, []],
    [
      'a pause of no days',
      { pauses: [{ name: '公示', maxDays: 0 }] },
      [['input.pauses[0].maxDays', /1到250之间/]],
    ],
    [
      'a pause without a name',
      { pauses: [{ name: '', maxDays: 5 }] },
      [['input.pauses[0].name', /环节名称不能为空/]],
    ],
    [
      'a question without an answer',
      { faq: [{ question: '能否代办？', answer: '' }] },
      [['input.faq[0].answer', /解答不能为空/]],
    ],
    [
      'too many steps',
      { steps: Array.from({ length: 21 }, (_, i) => ({ title: `环节${i}`, description: '' })) },
      [['input.steps', /最多20项/]],
    ],
  ];
  it.each(cases)('%s', (_, over, expected) => {
    const problems = serviceGuideProblems(guide(over));
    expect(problems.map((p) => p.field)).toEqual(expected.map(([f]) => f));
    problems.forEach((p, i) => expect(p.reason).toMatch(expected[i][1]));
  });

  it('names fields under another prefix', () => {
    expect(serviceGuideProblems(guide({ hours: '' }), 'row').map((p) => p.field)).toEqual(['row.hours']);
  });
});

describe('materialsToSubmit and guideFeeTotal', () => {
  it.each([
    [[], 0],
    [[{ shared: false }, { shared: true }, { shared: false }], 2],
    [[{ shared: true }], 0],
  ])('%j → %i to hand in', (materials, n) => expect(materialsToSubmit(materials)).toBe(n));

  it.each([
    [[], 0n],
    [[{ amount: 8000n }, { amount: 550n }], 8550n],
  ])('%j sums to %s 分', (fees, total) => expect(guideFeeTotal(fees)).toBe(total));
});
