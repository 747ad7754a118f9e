import type { Messages } from '@kpd/web-kit';

type Key =
  | 'kicker'
  | 'notFound'
  | 'back'
  | 'saved'
  | 'materials'
  | 'visits'
  | 'days'
  | 'oneByOne'
  | 'bundle'
  | 'savedBy'
  | 'noSaving'
  | 'workingDays'
  | 'where'
  | 'whereFallback'
  | 'oneWindow'
  | 'combined'
  | 'combinedHint'
  | 'withinLimit'
  | 'byDepartment'
  | 'stage'
  | 'immediate'
  | 'noLimit'
  | 'visitsAlone'
  | 'outside'
  | 'guide'
  | 'materialList'
  | 'moreMaterials'
  | 'partOf'
  | 'open';

export const publicBundleMessages: Messages<Key> = {
  zh: {
    kicker: '“一件事一次办”',
    notFound: '没有这件“一件事”',
    back: '返回办事指南',
    saved: '与逐项办理相比',
    materials: '提交材料',
    visits: '跑动次数',
    days: '办理时限',
    oneByOne: '逐项办理',
    bundle: '一件事',
    savedBy: '减少{n}',
    noSaving: '不变',
    workingDays: '{n}个工作日',
    where: '到哪里办',
    whereFallback: '{district}政务服务中心综合受理窗口',
    oneWindow: '一表申请、一窗受理，窗口统一出件：最多跑一次，网上申请并邮寄送达的不用跑',
    combined: '合计承诺时限',
    combinedHint: '同一阶段的事项并联办理，按各阶段最长时限相加',
    withinLimit: '（不超过{n}个工作日）',
    byDepartment: '包含的事项（按部门）',
    stage: '第{n}阶段',
    immediate: '即办',
    noLimit: '未承诺时限',
    visitsAlone: '单独办理跑{n}次',
    outside: '进驻单位办理',
    guide: '办事指南',
    materialList: '一次提交的材料',
    moreMaterials: '另有{n}份材料，见各事项办事指南',
    partOf: '这个事项可以作为“一件事”一次办',
    open: '查看',
  },
  en: {
    kicker: '"One thing, done once"',
    notFound: 'No such bundle',
    back: 'Back to the service guides',
    saved: 'Against doing the items one by one',
    materials: 'Materials',
    visits: 'Visits',
    days: 'Time limit',
    oneByOne: 'One by one',
    bundle: 'Bundle',
    savedBy: '−{n}',
    noSaving: 'Same',
    workingDays: '{n} working days',
    where: 'Where to go',
    whereFallback: 'The one-stop window of the {district} service centre',
    oneWindow:
      'One form, one window, everything handed out together: one visit at most, none when you apply online and have it posted',
    combined: 'Combined promised limit',
    combinedHint: 'Items of a stage run side by side; each stage’s longest limit, added up',
    withinLimit: ' (within {n} working days)',
    byDepartment: 'Its items, by department',
    stage: 'Stage {n}',
    immediate: 'On the spot',
    noLimit: 'No promised limit',
    visitsAlone: '{n} visit(s) when done alone',
    outside: 'Done by a stationed body',
    guide: 'Guide',
    materialList: 'Materials, handed in once',
    moreMaterials: '{n} more, see each item’s guide',
    partOf: 'This item can be done as part of a bundle',
    open: 'Open',
  },
};
