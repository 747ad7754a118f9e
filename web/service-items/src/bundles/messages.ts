import type { Messages } from '@kpd/web-kit';

type Key =
  | 'tab'
  | 'intro'
  | 'add'
  | 'edit'
  | 'stage'
  | 'stageLabel'
  | 'items'
  | 'departments'
  | 'materials'
  | 'visits'
  | 'days'
  | 'saved'
  | 'oneByOne'
  | 'bundle'
  | 'workingDays'
  | 'withinLimit'
  | 'overLimit'
  | 'limit'
  | 'materialList'
  | 'noGuide'
  | 'name'
  | 'description'
  | 'limitDays'
  | 'item'
  | 'itemSearch'
  | 'addItem'
  | 'remove'
  | 'save'
  | 'cancel'
  | 'required'
  | 'empty'
  | 'publicPage'
  | 'outside'
  | 'partsHint'
  | 'partName'
  | 'partDepartment'
  | 'partDays'
  | 'partVisits'
  | 'partVisitsReason'
  | 'partMaterials'
  | 'partShared'
  | 'addPart'
  | 'reasonRequired'
  | 'tooLong';

export const bundleMessages: Messages<Key> = {
  zh: {
    tab: '一件事',
    intro: '“一件事一次办”：多个部门的事项一表申请、一窗受理，同一阶段内并联办理。合计时限为各阶段最长承诺时限之和；同名材料只交一次，共享材料免交。',
    add: '新增一件事',
    edit: '编辑',
    stage: '第{n}阶段',
    stageLabel: '阶段',
    items: '{n}个事项',
    departments: '{n}个部门',
    materials: '材料',
    visits: '跑动',
    days: '时限',
    saved: '减少{n}',
    oneByOne: '逐项办理',
    bundle: '一件事',
    workingDays: '{n}个工作日',
    withinLimit: '合计时限符合{n}个工作日上限',
    overLimit: '合计时限超过{n}个工作日上限',
    limit: '上限',
    materialList: '一次提交的材料',
    noGuide: '未编制办事指南的事项按材料数计',
    name: '名称',
    description: '说明',
    limitDays: '合计时限上限（工作日，选填）',
    item: '事项',
    itemSearch: '输入事项名称搜索',
    addItem: '添加事项',
    remove: '删除',
    save: '保存',
    cancel: '取消',
    required: '请填写',
    empty: '本区尚未设立“一件事”',
    publicPage: '公开页',
    outside: '进驻单位',
    partsHint: '不在本区事项目录中、由进驻单位办理的环节（如税务发票申领、公章刻制、公积金缴存登记、银行开户），按单独办理时的时限、跑动和材料填写，一并计入减材料、减跑动。',
    partName: '进驻事项',
    partDepartment: '办理单位',
    partDays: '承诺时限（工作日）',
    partVisits: '单独办理到现场次数',
    partVisitsReason: '到现场理由',
    partMaterials: '材料（回车添加）',
    partShared: '共享免交的材料',
    addPart: '添加进驻单位事项',
    reasonRequired: '需到现场的，须说明理由',
    tooLong: '不能超过 100 个字',
  },
  en: {
    tab: 'Bundles',
    intro: '"One thing, done once": items of several departments applied for on one form at one window, the items of a stage side by side. The combined limit is the sum of each stage’s longest promise; a material asked twice is handed in once, shared ones not at all.',
    add: 'Add a bundle',
    edit: 'Edit',
    stage: 'Stage {n}',
    stageLabel: 'Stage',
    items: '{n} items',
    departments: '{n} departments',
    materials: 'Materials',
    visits: 'Visits',
    days: 'Time limit',
    saved: '−{n}',
    oneByOne: 'One by one',
    bundle: 'Bundle',
    workingDays: '{n} working days',
    withinLimit: 'Within the cap of {n} working days',
    overLimit: 'Over the cap of {n} working days',
    limit: 'Cap',
    materialList: 'Materials handed in once',
    noGuide: 'Items without a guide count by their number of materials',
    name: 'Name',
    description: 'Description',
    limitDays: 'Cap on the combined limit (working days, optional)',
    item: 'Item',
    itemSearch: 'Search items by name',
    addItem: 'Add an item',
    remove: 'Remove',
    save: 'Save',
    cancel: 'Cancel',
    required: 'Required',
    empty: 'The district has no bundle yet',
    publicPage: 'Public page',
    outside: 'stationed body',
    partsHint: 'Steps done by bodies outside the district’s catalogue (the tax office’s invoices, seal engraving, the provident fund, the bank account), as they are done alone: their limits, visits and materials count in what the bundle saves.',
    partName: 'Outside part',
    partDepartment: 'Done by',
    partDays: 'Promised limit (working days)',
    partVisits: 'Visits when done alone',
    partVisitsReason: 'Why a visit',
    partMaterials: 'Materials (Enter to add)',
    partShared: 'Shared, not handed in',
    addPart: 'Add an outside part',
    reasonRequired: 'Say why a visit is needed',
    tooLong: 'At most 100 characters',
  },
};
