import { PROBLEM_CATEGORY_MESSAGES, type Messages } from '@kpd/web-kit';

type Key =
  | 'title'
  | 'tabRoster'
  | 'tabOverview'
  | 'tabQuiet'
  | 'tabEvaluations'
  | 'tabMine'
  | 'allDistricts'
  | 'search'
  | 'rosterTotal'
  | 'name'
  | 'workUnit'
  | 'titleCol'
  | 'district'
  | 'contact'
  | 'projects'
  | 'log30'
  | 'openProblems'
  | 'overdueProblems'
  | 'avgDays'
  | 'latestScore'
  | 'quiet'
  | 'lastContact'
  | 'days'
  | 'prev'
  | 'next'
  | 'page'
  | 'noAccount'
  | 'account'
  | 'accounts'
  | 'username'
  | 'area'
  | 'status'
  | 'active'
  | 'inactive'
  | 'accountsTotal'
  | 'ovSecretaries'
  | 'ovKeyProjects'
  | 'ovCovered'
  | 'ovCoverage'
  | 'ovPerSecretary'
  | 'ovQuiet'
  | 'ovServed'
  | 'ovToday'
  | 'ovRule'
  | 'ovDistricts'
  | 'uncovered'
  | 'allCovered'
  | 'uncoveredCount'
  | 'project'
  | 'code'
  | 'quietTitle'
  | 'quietRule'
  | 'quietTotal'
  | 'daysSince'
  | 'neverContacted'
  | 'secretaries'
  | 'back'
  | 'assignments'
  | 'role'
  | 'SOLE'
  | 'LEAD'
  | 'MEMBER'
  | 'start'
  | 'end'
  | 'running'
  | 'ended'
  | 'serviceLog'
  | 'logTotal'
  | 'kind'
  | 'date'
  | 'summary'
  | 'recordedBy'
  | 'VISIT'
  | 'CALL'
  | 'MEETING'
  | 'APPROVAL_HELP'
  | 'logService'
  | 'logSaved'
  | 'save'
  | 'problems'
  | 'problemTitle'
  | 'raisedDate'
  | 'deadline'
  | 'problemStatus'
  | 'OPEN'
  | 'IN_PROGRESS'
  | 'RESOLVED'
  | 'CLOSED_OUT'
  | 'overdue'
  | 'resolvedDate'
  | 'raisedBy'
  | 'scores'
  | 'score'
  | 'period'
  | 'comments'
  | 'evaluatedBy'
  | 'noScores'
  | 'workload'
  | 'required'
  | 'chooseProject'
  | 'noRunning'
  | 'scoreTitle'
  | 'secretary'
  | 'chooseSecretary'
  | 'scoreSaved'
  | 'importTitle'
  | 'template'
  | 'importHint'
  | 'mineTitle'
  | 'mineIntro'
  | 'myProjects'
  | 'myProjectsTotal'
  | 'since'
  | 'actions'
  | 'logVisit'
  | 'raiseProblem'
  | 'monthlyReport'
  | 'notLinked'
  | 'category'
  | 'ownerUnit'
  | 'ownerUnitNotified'
  | 'ownerUnitDisabled'
  | 'ownerUnitUnlisted'
  | 'workingDays'
  | 'description'
  | 'problemRaised'
  | 'submit'
  | 'cancel'
  | 'dueBy'
  | 'LAND'
  | 'PLANNING'
  | 'PERMITS'
  | 'POWER'
  | 'DEMOLITION'
  | 'UTILITIES'
  | 'FINANCING'
  | 'OTHER'
  | 'myRecord'
  | 'noSecretaries';

export const messages: Messages<Key> = {
  zh: {
    title: '服务秘书',
    tabRoster: '秘书名册',
    tabOverview: '区县汇总',
    tabQuiet: '长期未联系',
    tabEvaluations: '第三方评估',
    tabMine: '我的服务',
    allDistricts: '全部区县',
    search: '姓名或工作单位',
    rosterTotal: '共 {n} 名服务秘书',
    name: '姓名',
    workUnit: '工作单位',
    titleCol: '职务',
    district: '区县',
    contact: '联系方式',
    projects: '服务项目',
    log30: '近30天服务',
    openProblems: '未解决问题',
    overdueProblems: '逾期问题',
    avgDays: '平均办结天数',
    latestScore: '最近评分',
    quiet: '无联系预警',
    lastContact: '最近联系',
    days: '{n} 天',
    prev: '上一页',
    next: '下一页',
    page: '第 {n} 页',
    noAccount: '未开通',
    account: '账号',
    accounts: '服务秘书登录账号',
    username: '用户名',
    area: '所属区划',
    status: '状态',
    active: '启用',
    inactive: '停用',
    accountsTotal: '共 {n} 个账号',
    ovSecretaries: '服务秘书',
    ovKeyProjects: '重点项目',
    ovCovered: '已配备秘书',
    ovCoverage: '配备率',
    ovPerSecretary: '人均服务项目',
    ovQuiet: '无联系预警项目',
    ovServed: '服务项目',
    ovToday: '统计日 {d}',
    ovRule: '全市规定：每个重点项目（在建的重点项目库项目）都须配备服务秘书。',
    ovDistricts: '分区县情况',
    uncovered: '未配备服务秘书的重点项目',
    allCovered: '全部重点项目均已配备服务秘书。',
    uncoveredCount: '{n} 个项目未配备',
    project: '项目',
    code: '项目编号',
    quietTitle: '长期未联系项目',
    quietRule:
      '服务秘书连续 {n} 天（本市设定）没有走访、电话、会议或帮办代办记录的已配备秘书重点项目，按未联系天数从长到短排列。',
    quietTotal: '共 {n} 个项目',
    daysSince: '未联系天数',
    neverContacted: '从未联系',
    secretaries: '服务秘书',
    back: '返回名册',
    assignments: '服务项目任命',
    role: '团队角色',
    SOLE: '服务秘书',
    LEAD: '加强型团队组长',
    MEMBER: '加强型团队成员',
    start: '开始日期',
    end: '结束日期',
    running: '在任',
    ended: '已结束',
    serviceLog: '服务日志',
    logTotal: '共 {n} 条',
    kind: '服务方式',
    date: '日期',
    summary: '内容摘要',
    recordedBy: '记录人',
    VISIT: '走访',
    CALL: '电话沟通',
    MEETING: '会议',
    APPROVAL_HELP: '帮办代办',
    logService: '记录服务',
    logSaved: '已记录：{kind} {project}（{date}）',
    save: '保存',
    problems: '责任问题',
    problemTitle: '问题',
    raisedDate: '提出日期',
    deadline: '办结期限',
    problemStatus: '状态',
    OPEN: '待办理',
    IN_PROGRESS: '办理中',
    RESOLVED: '已解决',
    CLOSED_OUT: '已销号',
    overdue: '逾期',
    resolvedDate: '解决日期',
    raisedBy: '提出人',
    scores: '评估评分',
    score: '评分',
    period: '评估期',
    comments: '评语',
    evaluatedBy: '评估人',
    noScores: '暂无评估评分',
    workload: '工作量',
    required: '请填写{field}',
    chooseProject: '选择项目',
    noRunning: '当前没有在任的服务项目',
    scoreTitle: '录入评估评分',
    secretary: '服务秘书',
    chooseSecretary: '输入姓名查找服务秘书',
    scoreSaved: '已保存：{name} {period} 评分 {score}',
    importTitle: '导入评估表',
    template: '下载评估模板',
    importHint:
      '按模板填写（秘书编号、姓名、评估期、评分、评语），先试导入检查，全部无误后才能确认导入；有任何问题时不写入任何数据。',
    mineTitle: '我的服务',
    mineIntro: '您服务的项目、服务记录和反映的问题。每月的进度月报和照片在“重点项目”中填报。',
    myProjects: '我服务的项目',
    myProjectsTotal: '共 {n} 个项目',
    since: '任命日期',
    actions: '操作',
    logVisit: '记录走访',
    raiseProblem: '反映问题',
    monthlyReport: '填报月报',
    notLinked: '您的账号尚未关联服务秘书，请联系区发改局。',
    category: '问题类别',
    ownerUnit: '责任单位',
    ownerUnitNotified: '{unit} 在{area}责任单位名录中：到期前 2 个工作日和逾期时将收到短信提醒',
    ownerUnitDisabled: '{unit} 在{area}责任单位名录中但已停用：不会收到提醒',
    ownerUnitUnlisted: '不在责任单位名录中：该单位不会收到提醒（可请管理员录入名录）',
    workingDays: '办结时限（工作日）',
    description: '问题描述',
    problemRaised: '问题已提交，办结期限 {deadline}',
    submit: '提交',
    cancel: '取消',
    dueBy: '期限 {d}',
    ...PROBLEM_CATEGORY_MESSAGES.zh,
    myRecord: '我的服务记录',
    noSecretaries: '暂无数据',
  },
  en: {
    title: 'Service secretaries',
    tabRoster: 'Roster',
    tabOverview: 'By district',
    tabQuiet: 'No recent contact',
    tabEvaluations: 'Evaluation',
    tabMine: 'My service',
    allDistricts: 'All districts',
    search: 'Name or work unit',
    rosterTotal: '{n} service secretaries',
    name: 'Name',
    workUnit: 'Work unit',
    titleCol: 'Title',
    district: 'District',
    contact: 'Contact',
    projects: 'Projects',
    log30: 'Contacts (30 days)',
    openProblems: 'Open problems',
    overdueProblems: 'Overdue',
    avgDays: 'Avg. days to resolve',
    latestScore: 'Latest score',
    quiet: 'Quiet projects',
    lastContact: 'Last contact',
    days: '{n} days',
    prev: 'Previous',
    next: 'Next',
    page: 'Page {n}',
    noAccount: 'None',
    account: 'Account',
    accounts: 'Secretary sign-in accounts',
    username: 'Username',
    area: 'Area',
    status: 'Status',
    active: 'Active',
    inactive: 'Disabled',
    accountsTotal: '{n} accounts',
    ovSecretaries: 'Secretaries',
    ovKeyProjects: 'Key projects',
    ovCovered: 'With a secretary',
    ovCoverage: 'Coverage',
    ovPerSecretary: 'Projects per secretary',
    ovQuiet: 'Quiet projects',
    ovServed: 'Projects served',
    ovToday: 'As of {d}',
    ovRule: 'The city’s rule: every key project (library member under construction) has a service secretary.',
    ovDistricts: 'By district',
    uncovered: 'Key projects without a secretary',
    allCovered: 'Every key project has a service secretary.',
    uncoveredCount: '{n} without a secretary',
    project: 'Project',
    code: 'Code',
    quietTitle: 'Projects without recent contact',
    quietRule:
      'Covered key projects whose secretaries logged no visit, call, meeting or approval help for {n} days (the city’s setting), longest silence first.',
    quietTotal: '{n} projects',
    daysSince: 'Days without contact',
    neverContacted: 'Never contacted',
    secretaries: 'Secretaries',
    back: 'Back to the roster',
    assignments: 'Assignments',
    role: 'Team role',
    SOLE: 'Secretary',
    LEAD: 'Team lead',
    MEMBER: 'Team member',
    start: 'Start',
    end: 'End',
    running: 'Serving',
    ended: 'Ended',
    serviceLog: 'Service log',
    logTotal: '{n} entries',
    kind: 'Kind',
    date: 'Date',
    summary: 'Summary',
    recordedBy: 'Recorded by',
    VISIT: 'Visit',
    CALL: 'Call',
    MEETING: 'Meeting',
    APPROVAL_HELP: 'Approval help',
    logService: 'Log a contact',
    logSaved: 'Logged: {kind}, {project} ({date})',
    save: 'Save',
    problems: 'Problems answered for',
    problemTitle: 'Problem',
    raisedDate: 'Raised',
    deadline: 'Deadline',
    problemStatus: 'Status',
    OPEN: 'Open',
    IN_PROGRESS: 'In progress',
    RESOLVED: 'Resolved',
    CLOSED_OUT: 'Closed out',
    overdue: 'Overdue',
    resolvedDate: 'Resolved',
    raisedBy: 'Raised by',
    scores: 'Evaluation scores',
    score: 'Score',
    period: 'Period',
    comments: 'Comments',
    evaluatedBy: 'Evaluator',
    noScores: 'No scores yet',
    workload: 'Workload',
    required: '{field} is required',
    chooseProject: 'Choose a project',
    noRunning: 'No running assignment',
    scoreTitle: 'Score a secretary',
    secretary: 'Secretary',
    chooseSecretary: 'Type a name to find the secretary',
    scoreSaved: 'Saved: {name}, {period}, score {score}',
    importTitle: 'Import a score sheet',
    template: 'Download the template',
    importHint:
      'Fill in the template (number, name, period, score, comments). The dry run checks every row; only a sheet without problems can be imported, and a sheet with a problem writes nothing.',
    mineTitle: 'My service',
    mineIntro:
      'The projects you serve, your contacts and the problems you raised. Monthly reports and photos are entered under Key projects.',
    myProjects: 'My projects',
    myProjectsTotal: '{n} projects',
    since: 'Assigned',
    actions: 'Actions',
    logVisit: 'Log a visit',
    raiseProblem: 'Raise a problem',
    monthlyReport: 'Monthly report',
    notLinked:
      'Your account is not linked to a service secretary yet; ask the district’s development office.',
    category: 'Category',
    ownerUnit: 'Owner unit',
    ownerUnitNotified: '{unit} is in the directory of {area}: it gets SMS reminders two working days before the deadline and when overdue',
    ownerUnitDisabled: '{unit} is in the directory of {area} but disabled: it gets no reminders',
    ownerUnitUnlisted: 'Not in the directory of responsible units: the unit gets no reminders (an admin can add it)',
    workingDays: 'Time limit (working days)',
    description: 'Details',
    problemRaised: 'Problem raised, due {deadline}',
    submit: 'Submit',
    cancel: 'Cancel',
    dueBy: 'due {d}',
    ...PROBLEM_CATEGORY_MESSAGES.en,
    myRecord: 'My service record',
    noSecretaries: 'No data',
  },
};

export type MessageKey = Key;
export const SERVICE_KINDS = ['VISIT', 'CALL', 'MEETING', 'APPROVAL_HELP'] as const;
export { PROBLEM_CATEGORIES } from '@kpd/domain';
