import { RATING_REASON_LABELS } from '@kpd/domain';
import type { Messages } from '@kpd/web-kit';

type Key =
  | 'rateTitle'
  | 'rateIntro'
  | 'caseNo'
  | 'item'
  | 'department'
  | 'decidedAt'
  | 'score'
  | 'reasons'
  | 'comment'
  | 'commentHint'
  | 'submit'
  | 'thanks'
  | 'thanksBad'
  | 'alreadyRated'
  | 'invalidLink'
  | 'pickScore'
  | 's1'
  | 's2'
  | 's3'
  | 's4'
  | 's5'
  | 'FAST'
  | 'FRIENDLY'
  | 'CLEAR_GUIDE'
  | 'ONE_VISIT'
  | 'SLOW'
  | 'MANY_VISITS'
  | 'MANY_MATERIALS'
  | 'POOR_ATTITUDE'
  | 'UNCLEAR_GUIDE'
  | 'SYSTEM_TROUBLE'
  | 'OTHER'
  | 'tab'
  | 'figures'
  | 'DEPARTMENT'
  | 'WINDOW'
  | 'DISTRICT'
  | 'NONE'
  | 'online'
  | 'allDistricts'
  | 'from'
  | 'to'
  | 'name'
  | 'rated'
  | 'distribution'
  | 'average'
  | 'satisfied'
  | 'bad'
  | 'rectifications'
  | 'rectificationRate'
  | 'rectifiedOnTime'
  | 'overdue'
  | 'medianDays'
  | 'days'
  | 'tooFew'
  | 'sampleNote'
  | 'list'
  | 'onlyOverdue'
  | 'status'
  | 'nextStep'
  | 'owner'
  | 'openedOn'
  | 'deadline'
  | 'open'
  | 'VERIFYING'
  | 'RECTIFYING'
  | 'FEEDBACK'
  | 'RETURN_VISIT'
  | 'CLOSED'
  | 'step_VERIFY'
  | 'step_RECTIFY'
  | 'step_FEEDBACK'
  | 'step_RETURN_VISIT'
  | 'stepDate'
  | 'note'
  | 'founded'
  | 'unfounded'
  | 'satisfiedYes'
  | 'satisfiedNo'
  | 'newOwner'
  | 'record'
  | 'recorded'
  | 'history'
  | 'noSteps'
  | 'required'
  | 'closedNote'
  | 'link'
  | 'linkTitle'
  | 'linkHint'
  | 'ratedScore'
  | 'window';

export const ratingMessages: Messages<Key> = {
  zh: {
    rateTitle: '办事服务评价',
    rateIntro: '请您对本次办事服务作出评价，评价仅可提交一次。',
    caseNo: '办件编号',
    item: '事项',
    department: '办理部门',
    decidedAt: '办结时间',
    score: '评价',
    reasons: '评价理由',
    comment: '意见建议',
    commentHint: '请写下您的意见（选填，差评选“其他”时必填）',
    submit: '提交评价',
    thanks: '感谢您的评价！',
    thanksBad: '感谢您的评价。我们将在5个工作日内核实整改，并向您反馈、回访。',
    alreadyRated: '此办件已评价，感谢您的参与。',
    invalidLink: '评价链接无效，请核对短信中的链接。',
    pickScore: '请先选择评价等级',
    s1: '非常不满意',
    s2: '不满意',
    s3: '基本满意',
    s4: '满意',
    s5: '非常满意',
    // The reasons' Chinese names are the rule's own (packages/domain).
    ...RATING_REASON_LABELS,
    tab: '好差评',
    figures: '评价指标',
    DEPARTMENT: '按部门',
    WINDOW: '按窗口',
    DISTRICT: '按区县',
    NONE: '合计',
    online: '网上办理（无窗口）',
    allDistricts: '全部区县',
    from: '评价起始日期',
    to: '评价截止日期',
    name: '名称',
    rated: '评价数',
    distribution: '分布（1—5分）',
    average: '平均分',
    satisfied: '满意率',
    bad: '差评数',
    rectifications: '整改件数',
    rectificationRate: '整改率',
    rectifiedOnTime: '按期整改率',
    overdue: '超期未整改',
    medianDays: '整改用时中位数',
    days: '{n}个工作日',
    tooFew: '样本不足',
    sampleNote: '评价数少于{n}件时不公布满意率和差评率，显示“样本不足”。差评须在5个工作日内整改：核实→整改→反馈→回访。',
    list: '差评整改',
    onlyOverdue: '只看超期',
    status: '状态',
    nextStep: '下一步',
    owner: '责任人',
    openedOn: '差评日期',
    deadline: '整改期限',
    open: '办理',
    VERIFYING: '待核实',
    RECTIFYING: '整改中',
    FEEDBACK: '待反馈',
    RETURN_VISIT: '待回访',
    CLOSED: '已办结',
    step_VERIFY: '核实',
    step_RECTIFY: '整改',
    step_FEEDBACK: '反馈',
    step_RETURN_VISIT: '回访',
    stepDate: '办理日期',
    note: '办理情况',
    founded: '差评属实',
    unfounded: '差评不属实',
    satisfiedYes: '申请人满意',
    satisfiedNo: '申请人仍不满意',
    newOwner: '改派责任人（选填）',
    record: '记录本步',
    recorded: '已记录',
    history: '办理记录',
    noSteps: '尚无办理记录',
    required: '请填写',
    closedNote: '整改已办结',
    link: '评价链接',
    linkTitle: '办件 {caseNo} 的评价链接',
    linkHint: '请将此链接发送给申请人（短信或二维码）。链接只显示这一次，只能评价一次；重新生成会使旧链接失效。',
    ratedScore: '{n}分',
    window: '窗口',
  },
  en: {
    rateTitle: 'Rate the service',
    rateIntro: 'Please rate the service of this case. You can rate once.',
    caseNo: 'Case number',
    item: 'Item',
    department: 'Department',
    decidedAt: 'Decided',
    score: 'Rating',
    reasons: 'Reasons',
    comment: 'Comments',
    commentHint: 'Your comments (optional; required with "Other" on a bad rating)',
    submit: 'Submit',
    thanks: 'Thank you for your rating!',
    thanksBad: 'Thank you. We will verify and rectify within five working days, then tell you and call you back.',
    alreadyRated: 'This case has been rated. Thank you.',
    invalidLink: 'This rating link is not valid; please check the link in your message.',
    pickScore: 'Choose a rating first',
    s1: 'Very dissatisfied',
    s2: 'Dissatisfied',
    s3: 'Fair',
    s4: 'Satisfied',
    s5: 'Very satisfied',
    FAST: 'Quick',
    FRIENDLY: 'Friendly',
    CLEAR_GUIDE: 'Clear guide',
    ONE_VISIT: 'At most one visit',
    SLOW: 'Took long',
    MANY_VISITS: 'Too many visits',
    MANY_MATERIALS: 'Too many materials',
    POOR_ATTITUDE: 'Poor attitude',
    UNCLEAR_GUIDE: 'Unclear guide',
    SYSTEM_TROUBLE: 'System trouble',
    OTHER: 'Other',
    tab: 'Ratings',
    figures: 'Rating figures',
    DEPARTMENT: 'Department',
    WINDOW: 'Window',
    DISTRICT: 'District',
    NONE: 'Total',
    online: 'Online (no window)',
    allDistricts: 'All districts',
    from: 'Rated from',
    to: 'Rated to',
    name: 'Name',
    rated: 'Ratings',
    distribution: 'Scores 1–5',
    average: 'Average',
    satisfied: 'Satisfied',
    bad: 'Bad',
    rectifications: 'Rectifications',
    rectificationRate: 'Rectified',
    rectifiedOnTime: 'By the deadline',
    overdue: 'Overdue',
    medianDays: 'Median time to rectify',
    days: '{n} working days',
    tooFew: 'Too few',
    sampleNote: 'Below {n} ratings no rate is published ("too few"). A bad rating is rectified within five working days: verify → rectify → feedback → return visit.',
    list: 'Rectifications',
    onlyOverdue: 'Overdue only',
    status: 'Status',
    nextStep: 'Next step',
    owner: 'Owner',
    openedOn: 'Rated on',
    deadline: 'Deadline',
    open: 'Handle',
    VERIFYING: 'To verify',
    RECTIFYING: 'Rectifying',
    FEEDBACK: 'To give feedback',
    RETURN_VISIT: 'To visit back',
    CLOSED: 'Closed',
    step_VERIFY: 'Verify',
    step_RECTIFY: 'Rectify',
    step_FEEDBACK: 'Feedback',
    step_RETURN_VISIT: 'Return visit',
    stepDate: 'Date',
    note: 'What was done',
    founded: 'Founded',
    unfounded: 'Unfounded',
    satisfiedYes: 'Satisfied now',
    satisfiedNo: 'Still dissatisfied',
    newOwner: 'Hand to another owner (optional)',
    record: 'Record this step',
    recorded: 'Recorded',
    history: 'Steps',
    noSteps: 'No step yet',
    required: 'Required',
    closedNote: 'Closed',
    link: 'Rating link',
    linkTitle: 'Rating link of case {caseNo}',
    linkHint: 'Send this link to the applicant (message or QR code). It is shown only now and rates once; a new link replaces it.',
    ratedScore: '{n}/5',
    window: 'Window',
  },
};
