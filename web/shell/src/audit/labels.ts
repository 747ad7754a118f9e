import type { SecurityEventKind } from '@kpd/domain';

/** The audit trail's codes as a Chinese reader reads them: actions, record kinds and common fields. */

export const ACTION_LABELS: Record<string, string> = {
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'auth.login_failed': '登录失败',
  'auth.locked': '账号锁定',
  'user.create': '新建用户',
  'user.access': '启用/停用/解锁账号',
  'user.changePassword': '修改密码',
  'apiToken.create': '新建API令牌',
  'apiToken.revoke': '吊销API令牌',
  'auth.totp_failed': '动态验证码错误',
  'auth.recovery_code': '使用恢复码登录',
  'user.totp_enrol_begin': '开始绑定双因素认证',
  'user.totp_enrol': '绑定双因素认证',
  'user.totp_reset': '重置双因素认证',
  'user.resetPassword': '重置密码',
  'session.revoke': '注销登录会话',
  'citySettings.update': '修改城市参数',
  'file.upload': '上传文件',
  'lightBoard.publish': '发布亮灯公示',
  'lights.monthEnd': '月底亮灯',
  'project.create': '新建项目',
  'project.update': '修改项目',
  'project.location': '设置项目位置',
  'project.renderings': '设置效果图',
  'plan.save': '保存计划表',
  'plan.import': '导入计划表',
  'milestones.save': '保存节点',
  'report.create': '填报月度完成情况',
  'report.update': '修改月度完成情况',
  'library.removal': '项目库剔除决定',
  'problem.raise': '提出问题',
  'problem.note': '问题跟进记录',
  'problem.escalate': '问题升级督办',
  'problem.start': '问题开始办理',
  'problem.resolve': '问题解决',
  'problem.closeOut': '问题销号',
  'problem.reopen': '问题重新打开',
  'meeting.create': '新建调度会',
  'meeting.record': '记录调度会',
  'ranking.publish': '发布排名',
  'secretary.create': '新增服务秘书',
  'secretary.update': '修改服务秘书',
  'secretary.assign': '任命服务秘书',
  'secretary.endAssignment': '结束任命',
  'secretary.score': '第三方评估评分',
  'secretary.evaluationImport': '导入评估评分',
  'serviceLog.create': '记录服务',
  'serviceItem.create': '新增政务服务事项',
  'serviceItem.update': '修改政务服务事项',
  'serviceItem.import': '导入事项目录',
  'serviceZone.save': '保存综合受理功能区',
  'serviceBaseline.set': '设置改革前基数',
  'livelihood.proposal.submit': '提交民生实事建议',
  'livelihood.proposal.screen': '筛选民生实事建议',
  'livelihood.session.create': '新建票决会议',
  'livelihood.session.update': '修改票决会议',
  'livelihood.candidates.set': '设置候选项目',
  'livelihood.roster.import': '导入代表名单',
  'livelihood.checkIn': '代表报到',
  'livelihood.vote.open': '开始投票',
  'livelihood.vote.close': '结束投票',
  'livelihood.vote.conclude': '公布票决结果',
  'livelihood.ballot.cast': '投票',
  'livelihood.paper.issue': '发放纸质选票',
  'livelihood.paper.enter': '录入纸质选票',
  'livelihood.project.update': '明确实施责任',
  'livelihood.milestones.save': '保存实施节点',
  'livelihood.progress.report': '报告实施进度',
  'livelihood.project.complete': '民生实事完成',
  'livelihood.evaluation.open': '开始年终测评',
  'livelihood.evaluation.close': '结束年终测评',
  'livelihood.evaluation.submit': '提交测评',
};

const ACTION_PREFIXES: Array<[string, string]> = [
  ['auth.', '登录与会话'],
  ['user.', '账号'],
  ['apiToken.', 'API令牌'],
  ['project.', '项目'],
  ['plan.', '计划表'],
  ['report.', '月度完成情况'],
  ['problem.', '问题'],
  ['meeting.', '调度会'],
  ['secretary.', '服务秘书'],
  ['serviceItem.', '政务服务事项'],
  ['livelihood.', '民生实事'],
];

/** An action in Chinese; an action the table does not know is named by what it touched. */
export function actionLabel(code: string): string {
  if (ACTION_LABELS[code]) return ACTION_LABELS[code];
  const prefix = ACTION_PREFIXES.find(([p]) => code.startsWith(p));
  return prefix ? `${prefix[1]}变更` : '其他操作';
}

export const ENTITY_LABELS: Record<string, string> = {
  Session: '登录会话',
  User: '用户',
  ApiToken: 'API令牌',
  CitySettings: '城市参数',
  Project: '项目',
  PlanTable: '计划表',
  MonthlyReport: '月度完成情况',
  ProjectLight: '亮灯',
  LightBoard: '亮灯公示',
  Milestones: '节点',
  Problem: '问题',
  DispatchMeeting: '调度会',
  Ranking: '排名',
  Secretary: '服务秘书',
  SecretaryAssignment: '服务秘书任命',
  ServiceLogEntry: '服务记录',
  ServiceCatalogue: '事项目录',
  PlanRow: '计划表行',
  LivelihoodProject: '民生实事项目',
  LivelihoodProposal: '民生实事建议',
  VoteSession: '票决会议',
  SecretaryEvaluation: '评估评分',
  ServiceItem: '政务服务事项',
  ServiceZone: '综合受理功能区',
  ServiceBaseline: '改革前基数',
  File: '文件',
};

export function entityLabel(type: string): string {
  return ENTITY_LABELS[type] ?? type;
}

/** Field names of the records as a reader reads them; a field not listed keeps its name. */
const FIELD_LABELS: Record<string, string> = {
  name: '名称',
  displayName: '显示名',
  username: '用户名',
  role: '角色',
  active: '启用',
  lockedUntil: '锁定至',
  failedLogins: '失败次数',
  title: '职务/标题',
  workUnit: '工作单位',
  contact: '联系方式',
  code: '编码',
  stage: '阶段',
  category: '类别',
  totalInvestment: '总投资',
  enterprise: '实施企业',
  responsibleUnit: '责任单位',
  responsibleLeader: '包保领导',
  constructionStart: '建设周期开始',
  constructionEnd: '建设周期结束',
  keyPush: '重点推进',
  majorGovernmentInvestment: '重大政府投资',
  libraryThreshold: '入库门槛',
  lightRule: '亮灯规则',
  reportDeadlineDay: '报送截止日',
  lightTolerancePercent: '容差',
  noContactDays: '无联系预警天数',
  rankingWeights: '排名权重',
  status: '状态',
  deadline: '期限',
  startDate: '开始日期',
  endDate: '结束日期',
  teamRole: '团队角色',
  period: '月份',
  actualInvestment: '实际投资',
  progress: '进度',
  revokedAt: '吊销时间',
  expiresAt: '到期时间',
  added: '亮灯数',
  version: '版本',
};

export function fieldLabel(key: string): string {
  return FIELD_LABELS[key] ?? key;
}

function parse(json: string | null): Record<string, unknown> | null {
  if (!json) return null;
  try {
    const v = JSON.parse(json) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : { 值: v };
  } catch {
    return null;
  }
}

const show = (v: unknown): string => (v === null || v === undefined || v === '' ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** What changed between a record's before and after: one line per field, old → new. Timestamps of the row itself are left out. */
export function differences(before: string | null, after: string | null): Array<{ field: string; from: string; to: string }> {
  const a = parse(before) ?? {};
  const b = parse(after) ?? {};
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !['updatedAt', 'createdAt', 'id', 'passwordHash', 'tokenHash'].includes(k));
  return keys
    .filter((k) => show(a[k]) !== show(b[k]))
    .map((k) => ({ field: fieldLabel(k), from: before ? show(a[k]) : '', to: show(b[k]) }));
}

/** The kinds of security event (安全事件) in Chinese. */
export const SECURITY_KIND_LABELS: Record<SecurityEventKind, string> = {
  SIGN_IN_FAILURE: '登录失败',
  LOCKOUT: '账号锁定',
  TWO_FACTOR: '双因素认证',
  PASSWORD: '密码',
  ACCOUNT: '账号状态',
  API_TOKEN: 'API令牌',
  SESSION: '登录会话',
};
