import type { Messages } from '@kpd/web-kit';

type Key =
  | 'newProject'
  | 'editProject'
  | 'edit'
  | 'create'
  | 'save'
  | 'cancel'
  | 'district'
  | 'code'
  | 'name'
  | 'category'
  | 'stage'
  | 'stageReason'
  | 'totalInvestment'
  | 'constructionStart'
  | 'constructionEnd'
  | 'enterprise'
  | 'nationalCode'
  | 'nationalCodeHint'
  | 'responsibleUnit'
  | 'responsibleLeader'
  | 'keyPush'
  | 'major'
  | 'required'
  | 'amountRule'
  | 'endBeforeStart'
  | 'stageReasonRule'
  | 'library'
  | 'libraryIn'
  | 'libraryOut'
  | 'threshold'
  | 'created'
  | 'saved'
  | 'conflict'
  | 'reload'
  | 'wan'
  | 'editPlan'
  | 'planYears'
  | 'year'
  | 'plannedInvestment'
  | 'plannedProgress'
  | 'planMonths'
  | 'month'
  | 'plannedMilestone'
  | 'monthsYear'
  | 'yearsSum'
  | 'monthsSum'
  | 'sumOk'
  | 'sumOff'
  | 'pasteHint'
  | 'planSaved'
  | 'monthLabel';

export const editMessages: Messages<Key> = {
  zh: {
    newProject: '新建项目',
    editProject: '编辑项目',
    edit: '编辑',
    create: '创建',
    save: '保存',
    cancel: '取消',
    district: '所属区县',
    code: '项目编码',
    name: '项目名称',
    category: '项目类别',
    stage: '项目阶段',
    stageReason: '阶段变更原因',
    totalInvestment: '总投资',
    constructionStart: '建设周期开始',
    constructionEnd: '建设周期结束',
    enterprise: '实施企业',
    nationalCode: '项目代码（全国投资项目在线审批监管平台）',
    nationalCodeHint: '24 位：年份-行政区划-行业-类型-流水号，如 2020-210111-48-01-000123；没有可不填',
    responsibleUnit: '责任单位',
    responsibleLeader: '包保领导',
    keyPush: '重点推进项目',
    major: '重大政府投资项目',
    required: '请填写{field}',
    amountRule: '请输入不小于 0 的金额（万元），最多 6 位小数',
    endBeforeStart: '建设周期结束月份早于开始月份',
    stageReasonRule: '变更阶段须说明原因',
    library: '重点项目库',
    libraryIn: '总投资达到入库门槛 {threshold}，将列入重点项目库',
    libraryOut: '总投资未达入库门槛 {threshold}，不列入重点项目库',
    threshold: '入库门槛',
    created: '已创建项目 {name}',
    saved: '已保存',
    conflict: '有人在您打开后修改了此项目，请重新打开后再改。',
    reload: '重新打开',
    wan: '万元',
    editPlan: '编辑计划表',
    planYears: '建设周期年度计划',
    year: '年度',
    plannedInvestment: '计划投资（万元）',
    plannedProgress: '形象进度',
    planMonths: '本年度分月计划',
    month: '月份',
    plannedMilestone: '计划节点',
    monthsYear: '分月年度',
    yearsSum: '各年度合计 {sum} 万元 / 总投资 {total} 万元',
    monthsSum: '各月合计 {sum} 万元 / {year}年度计划 {total} 万元',
    sumOk: '相符',
    sumOff: '不符',
    pasteHint:
      '可从 Excel 复制一列（或一行）金额，粘贴到任一月份的计划投资格，自该月起依次填入；复制两列时第二列为计划节点。',
    planSaved: '计划表已保存',
    monthLabel: '{m}月',
  },
  en: {
    newProject: 'New project',
    editProject: 'Edit project',
    edit: 'Edit',
    create: 'Create',
    save: 'Save',
    cancel: 'Cancel',
    district: 'District',
    code: 'Code',
    name: 'Name',
    category: 'Category',
    stage: 'Stage',
    stageReason: 'Why the stage changes',
    totalInvestment: 'Total investment',
    constructionStart: 'Construction from',
    constructionEnd: 'Construction to',
    enterprise: 'Enterprise',
    nationalCode: 'National project code',
    nationalCodeHint: '24 characters: year-division-industry-type-serial, e.g. 2020-210111-48-01-000123; leave empty if none',
    responsibleUnit: 'Responsible unit',
    responsibleLeader: 'Responsible leader',
    keyPush: 'Key-push project',
    major: 'Major government investment',
    required: 'Enter the {field}',
    amountRule: 'An amount of 0 or more (10k yuan), at most 6 decimals',
    endBeforeStart: 'The last month comes before the first',
    stageReasonRule: 'Say why the stage changes',
    library: 'Key-project library',
    libraryIn: 'At or above the threshold {threshold}: it enters the library',
    libraryOut: 'Below the threshold {threshold}: it stays out of the library',
    threshold: 'Threshold',
    created: 'Project {name} created',
    saved: 'Saved',
    conflict: 'Someone changed this project since you opened it; open it again to edit.',
    reload: 'Open again',
    wan: '10k yuan',
    editPlan: 'Edit the plan table',
    planYears: 'Annual plan over the construction period',
    year: 'Year',
    plannedInvestment: 'Planned (10k yuan)',
    plannedProgress: 'Image progress',
    planMonths: 'This year by month',
    month: 'Month',
    plannedMilestone: 'Milestone',
    monthsYear: 'Year by month',
    yearsSum: 'Years {sum} / total {total} (10k yuan)',
    monthsSum: 'Months {sum} / {year} plan {total} (10k yuan)',
    sumOk: 'adds up',
    sumOff: 'does not add up',
    pasteHint:
      'Copy a column (or a row) of amounts in Excel and paste it into any month: it fills from that month on; a second column fills the milestones.',
    planSaved: 'Plan table saved',
    monthLabel: 'Month {m}',
  },
};
