import type { Messages } from '@kpd/web-kit';

type Key =
  | 'tab'
  | 'catalogueTab'
  | 'figures'
  | 'groupBy'
  | 'ITEM'
  | 'ZONE'
  | 'DISTRICT'
  | 'NONE'
  | 'from'
  | 'to'
  | 'allDistricts'
  | 'name'
  | 'cases'
  | 'decided'
  | 'online'
  | 'onTime'
  | 'median'
  | 'p90'
  | 'promised'
  | 'ofPromise'
  | 'visits'
  | 'tooFew'
  | 'days'
  | 'total'
  | 'record'
  | 'item'
  | 'itemSearch'
  | 'caseNo'
  | 'applicantType'
  | 'channel'
  | 'receivedAt'
  | 'acceptedAt'
  | 'decidedAt'
  | 'deliveredAt'
  | 'outcome'
  | 'pending'
  | 'pauses'
  | 'pauseName'
  | 'pauseFrom'
  | 'pauseTo'
  | 'add'
  | 'remove'
  | 'save'
  | 'saved'
  | 'recent'
  | 'late'
  | 'onlyLate'
  | 'handling'
  | 'required'
  | 'minSample'
  | 'immediate'
  | 'PERSON'
  | 'ORGANIZATION'
  | 'ONLINE'
  | 'WINDOW'
  | 'SELF_SERVICE'
  | 'MOBILE'
  | 'APPROVED'
  | 'REJECTED'
  | 'WITHDRAWN'
  | 'sampleNote'
  | 'import'
  | 'template'
  | 'importHint'
  | 'pickDistrict'
  | 'window';

export const caseMessages: Messages<Key> = {
  zh: {
    tab: '办件与时效',
    catalogueTab: '事项目录',
    figures: '办件指标',
    groupBy: '分组',
    ITEM: '按事项',
    ZONE: '按功能区',
    DISTRICT: '按区县',
    NONE: '合计',
    from: '收件起始日期',
    to: '收件截止日期',
    allDistricts: '全部区县',
    name: '名称',
    cases: '办件量',
    decided: '办结量',
    online: '网上办理率',
    onTime: '按时办结率',
    median: '办理时间中位数',
    p90: '90分位',
    promised: '承诺时限',
    ofPromise: '占承诺',
    visits: '平均跑动次数',
    tooFew: '样本过少',
    days: '{n}个工作日',
    total: '共 {n} 组',
    record: '录入办件',
    item: '事项',
    itemSearch: '输入事项名称搜索',
    caseNo: '办件编号',
    applicantType: '申请人类型',
    channel: '申请渠道',
    receivedAt: '收件时间',
    acceptedAt: '受理时间',
    decidedAt: '办结时间',
    deliveredAt: '送达时间',
    outcome: '办理结果',
    pending: '在办',
    pauses: '暂停计时（特别程序）',
    pauseName: '环节（须为办事指南所列）',
    pauseFrom: '开始日期',
    pauseTo: '结束日期',
    add: '添加',
    remove: '删除',
    save: '保存办件',
    saved: '已录入：实际办理{n}个工作日',
    recent: '最近办件',
    late: '超期',
    onlyLate: '只看超期',
    handling: '实际办理',
    required: '请填写',
    minSample: '最小样本量',
    immediate: '即办',
    PERSON: '自然人',
    ORGANIZATION: '法人或其他组织',
    ONLINE: '网上办理',
    WINDOW: '窗口办理',
    SELF_SERVICE: '自助终端',
    MOBILE: '移动端',
    APPROVED: '准予',
    REJECTED: '不予',
    WITHDRAWN: '撤回',
    import: '导入办件（窗口系统导出）',
    template: '下载模板',
    importHint: '上传窗口系统导出的 .xlsx 或 CSV（UTF-8 或 GBK）：按办件编号新增或更新，先试导入检查，有问题时不写入任何数据。',
    pickDistrict: '请先在上方选择区县',
    window: '受理窗口',
    sampleNote:
      '办结量少于{n}件时不公布比率和时间，显示“样本过少”。办理时间按工作日计，自受理次日起算至办结日，扣除办事指南允许的特别程序时间。',
  },
  en: {
    tab: 'Cases and timeliness',
    catalogueTab: 'Catalogue',
    figures: 'Case figures',
    groupBy: 'Group by',
    ITEM: 'Item',
    ZONE: 'Zone',
    DISTRICT: 'District',
    NONE: 'Total',
    from: 'Received from',
    to: 'Received to',
    allDistricts: 'All districts',
    name: 'Name',
    cases: 'Cases',
    decided: 'Decided',
    online: 'Online',
    onTime: 'On time',
    median: 'Median',
    p90: '90th pct.',
    promised: 'Promised',
    ofPromise: 'of promise',
    visits: 'Visits per case',
    tooFew: 'Too few cases',
    days: '{n} working days',
    total: '{n} groups',
    record: 'Record a case',
    item: 'Item',
    itemSearch: 'Search items by name',
    caseNo: 'Case number',
    applicantType: 'Applicant',
    channel: 'Channel',
    receivedAt: 'Received',
    acceptedAt: 'Accepted',
    decidedAt: 'Decided',
    deliveredAt: 'Delivered',
    outcome: 'Outcome',
    pending: 'Pending',
    pauses: 'Pauses (special procedures)',
    pauseName: 'Procedure (as the guide names it)',
    pauseFrom: 'From',
    pauseTo: 'To',
    add: 'Add',
    remove: 'Remove',
    save: 'Save the case',
    saved: 'Recorded: {n} working days',
    recent: 'Recent cases',
    late: 'Late',
    onlyLate: 'Late only',
    handling: 'Handling',
    required: 'Required',
    minSample: 'Minimum sample',
    immediate: 'On the spot',
    PERSON: 'Person',
    ORGANIZATION: 'Organisation',
    ONLINE: 'Online',
    WINDOW: 'Window',
    SELF_SERVICE: 'Self-service',
    MOBILE: 'Mobile',
    APPROVED: 'Approved',
    REJECTED: 'Refused',
    WITHDRAWN: 'Withdrawn',
    import: 'Import cases (window system export)',
    template: 'Template',
    importHint: 'Upload the window system’s .xlsx or CSV export (UTF-8 or GBK): cases are added or updated by number; check first; nothing is written while a problem remains.',
    pickDistrict: 'Choose a district above first',
    window: 'Window',
    sampleNote:
      'Below {n} decided cases no rate or time is published ("too few cases"). Handling time counts working days from the day after acceptance to the decision, minus the special procedures the guide allows.',
  },
};
