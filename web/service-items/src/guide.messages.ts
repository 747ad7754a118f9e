import type { Messages } from '@kpd/web-kit';

type Key =
  | 'guide'
  | 'editGuide'
  | 'noGuide'
  | 'conditions'
  | 'materials'
  | 'materialName'
  | 'form'
  | 'copies'
  | 'source'
  | 'shared'
  | 'template'
  | 'steps'
  | 'stepTitle'
  | 'stepDescription'
  | 'place'
  | 'hours'
  | 'fees'
  | 'feeName'
  | 'amount'
  | 'basis'
  | 'pauses'
  | 'pauseName'
  | 'maxDays'
  | 'contactPhone'
  | 'complaintPhone'
  | 'complaintChannel'
  | 'faq'
  | 'question'
  | 'answer'
  | 'add'
  | 'remove'
  | 'save'
  | 'saved'
  | 'version'
  | 'publicPage'
  | 'print'
  | 'promised'
  | 'legal'
  | 'days'
  | 'immediate'
  | 'visits'
  | 'zone'
  | 'windows'
  | 'department'
  | 'free'
  | 'feeTotal'
  | 'toSubmit'
  | 'sharedTag'
  | 'download'
  | 'pausesNote'
  | 'searchGuides'
  | 'guidesTitle'
  | 'count'
  | 'back'
  | 'highFrequency'
  | 'online'
  | 'notFound'
  | 'ORIGINAL'
  | 'COPY'
  | 'ORIGINAL_AND_COPY'
  | 'ELECTRONIC'
  | 'FULLY_ONLINE'
  | 'PARTLY_ONLINE'
  | 'OFFLINE'
  | 'loadMore'
  | 'required';

export const guideMessages: Messages<Key> = {
  zh: {
    guide: '办事指南',
    editGuide: '编辑办事指南',
    noGuide: '尚未编写办事指南',
    conditions: '申办条件',
    materials: '申请材料',
    materialName: '材料名称',
    form: '材料形式',
    copies: '份数',
    source: '来源渠道',
    shared: '共享免提交',
    template: '空白表格地址',
    steps: '办理流程',
    stepTitle: '环节',
    stepDescription: '说明',
    place: '办理地点',
    hours: '办公时间',
    fees: '收费标准',
    feeName: '收费项目',
    amount: '金额（元）',
    basis: '收费依据',
    pauses: '不计入承诺时限的环节（特别程序）',
    pauseName: '环节名称',
    maxDays: '最长工作日',
    contactPhone: '咨询电话',
    complaintPhone: '投诉电话',
    complaintChannel: '其他投诉渠道',
    faq: '常见问题',
    question: '问题',
    answer: '解答',
    add: '添加',
    remove: '删除',
    save: '保存办事指南',
    saved: '已保存（第{v}版）',
    version: '第{v}版',
    publicPage: '公开页面',
    print: '打印',
    promised: '承诺时限',
    legal: '法定时限',
    days: '{n}个工作日',
    immediate: '即办（当场办结）',
    visits: '到现场次数',
    zone: '受理功能区',
    windows: '窗口',
    department: '实施部门',
    free: '不收费',
    feeTotal: '合计 {v} 元',
    toSubmit: '共{n}项材料，需提交{m}项',
    sharedTag: '共享免提交',
    download: '下载空白表格',
    pausesNote: '以下时间不计入承诺时限：',
    searchGuides: '搜索事项名称或部门',
    guidesTitle: '办事指南',
    count: '共 {n} 项',
    back: '返回目录',
    highFrequency: '高频',
    online: '网办深度',
    notFound: '没有这个办事指南（事项不存在、已停用或尚未公开指南）',
    ORIGINAL: '原件',
    COPY: '复印件',
    ORIGINAL_AND_COPY: '原件和复印件',
    ELECTRONIC: '电子材料',
    FULLY_ONLINE: '全程网办',
    PARTLY_ONLINE: '部分网办',
    OFFLINE: '线下办理',
    loadMore: '加载更多',
    required: '请填写',
  },
  en: {
    guide: 'Service guide',
    editGuide: 'Edit the service guide',
    noGuide: 'No service guide yet',
    conditions: 'Conditions',
    materials: 'Materials',
    materialName: 'Material',
    form: 'Form',
    copies: 'Copies',
    source: 'Source',
    shared: 'Shared, not handed in',
    template: 'Blank form address',
    steps: 'Steps',
    stepTitle: 'Step',
    stepDescription: 'Description',
    place: 'Where',
    hours: 'Hours',
    fees: 'Fees',
    feeName: 'Fee',
    amount: 'Amount (yuan)',
    basis: 'Legal basis',
    pauses: 'Periods not counted in the promised time',
    pauseName: 'Period',
    maxDays: 'At most (working days)',
    contactPhone: 'Phone for questions',
    complaintPhone: 'Phone for complaints',
    complaintChannel: 'Other complaint channels',
    faq: 'FAQ',
    question: 'Question',
    answer: 'Answer',
    add: 'Add',
    remove: 'Remove',
    save: 'Save the guide',
    saved: 'Saved (version {v})',
    version: 'version {v}',
    publicPage: 'Public page',
    print: 'Print',
    promised: 'Promised time',
    legal: 'Legal time',
    days: '{n} working days',
    immediate: 'Done on the spot',
    visits: 'Visits',
    zone: 'Zone',
    windows: 'Windows',
    department: 'Department',
    free: 'Free',
    feeTotal: 'Total {v} yuan',
    toSubmit: '{n} materials, {m} to hand in',
    sharedTag: 'Shared',
    download: 'Blank form',
    pausesNote: 'Not counted in the promised time:',
    searchGuides: 'Search by name or department',
    guidesTitle: 'Service guides',
    count: '{n} items',
    back: 'Back to the list',
    highFrequency: 'Frequent',
    online: 'Online',
    notFound: 'No such guide (the item does not exist, is not offered, or has no published guide)',
    ORIGINAL: 'Original',
    COPY: 'Copy',
    ORIGINAL_AND_COPY: 'Original and copy',
    ELECTRONIC: 'Electronic',
    FULLY_ONLINE: 'Fully online',
    PARTLY_ONLINE: 'Partly online',
    OFFLINE: 'Offline',
    loadMore: 'More',
    required: 'Required',
  },
};
