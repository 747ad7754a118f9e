import { registerEnumType } from 'type-graphql';
import { bilingualValues } from '../enum-values';

/** What a notice is about; a user chooses which kinds they get. */
export enum NoticeKind {
  MONTH_CLOSED = 'MONTH_CLOSED',
  LIGHTS_WORSENED = 'LIGHTS_WORSENED',
  CORRECTION_PENDING = 'CORRECTION_PENDING',
  PROBLEM_ESCALATED = 'PROBLEM_ESCALATED',
  SESSION_CHECK_IN = 'SESSION_CHECK_IN',
  ROUND_OPEN = 'ROUND_OPEN',
  EVALUATION_OPEN = 'EVALUATION_OPEN',
  REPORT_DUE_SOON = 'REPORT_DUE_SOON',
  REPORT_DUE_TODAY = 'REPORT_DUE_TODAY',
  PROBLEM_NEAR_DEADLINE = 'PROBLEM_NEAR_DEADLINE',
  PROBLEM_OVERDUE = 'PROBLEM_OVERDUE',
  NO_CONTACT = 'NO_CONTACT',
}

export const NOTICE_KIND_LABELS: Readonly<Record<NoticeKind, string>> = {
  MONTH_CLOSED: '月度关账完成',
  LIGHTS_WORSENED: '关账时转黄转红的项目',
  CORRECTION_PENDING: '待审批的关账后更正',
  PROBLEM_ESCALATED: '问题升级为市级督办',
  SESSION_CHECK_IN: '会议开始签到',
  ROUND_OPEN: '票决轮次开始',
  EVALUATION_OPEN: '年终评议开始',
  REPORT_DUE_SOON: '月报 3 个工作日后截止',
  REPORT_DUE_TODAY: '月报今日截止',
  PROBLEM_NEAR_DEADLINE: '问题即将到期',
  PROBLEM_OVERDUE: '问题已逾期',
  NO_CONTACT: '项目长期未联系',
};

registerEnumType(NoticeKind, {
  name: 'NoticeKind',
  description: 'What a notice is about. 提醒类型',
  valuesConfig: bilingualValues<NoticeKind>(
    {
      MONTH_CLOSED: "A city's month closed, with its light counts (to the city admins)",
      LIGHTS_WORSENED: 'Projects that turned yellow or red at the close, and why (to the district admins)',
      CORRECTION_PENDING: 'A correction of a closed month awaits approval (to the city admins)',
      PROBLEM_ESCALATED: 'A problem was escalated to city supervision (to the district admins)',
      SESSION_CHECK_IN: 'A session opened for check-in (to its delegates)',
      ROUND_OPEN: 'A voting round opened (to its delegates)',
      EVALUATION_OPEN: 'The year-end evaluation opened (to its delegates)',
      REPORT_DUE_SOON: 'A monthly report is due in three working days (to the secretary)',
      REPORT_DUE_TODAY: 'A monthly report is due today (to the secretary)',
      PROBLEM_NEAR_DEADLINE: 'A problem the secretary follows is due in two working days',
      PROBLEM_OVERDUE: 'A problem the secretary follows passed its deadline',
      NO_CONTACT: 'A project has had no contact for the city’s number of days (to the secretary)',
    },
    NOTICE_KIND_LABELS,
  ),
});

/** The outbound gateway a channel posts to. */
export enum NoticeChannelKind {
  SMS = 'SMS',
  WECOM = 'WECOM',
  DINGTALK = 'DINGTALK',
}

export const NOTICE_CHANNEL_LABELS: Readonly<Record<NoticeChannelKind, string>> = { SMS: '短信网关', WECOM: '企业微信', DINGTALK: '钉钉' };

registerEnumType(NoticeChannelKind, {
  name: 'NoticeChannelKind',
  description: 'The gateway an outbound channel posts to. 外发渠道类型',
  valuesConfig: bilingualValues<NoticeChannelKind>({ SMS: 'An SMS gateway', WECOM: 'A WeCom (WeChat Work) gateway', DINGTALK: 'A DingTalk gateway' }, NOTICE_CHANNEL_LABELS),
});

/** Where an outbound delivery stands. */
export enum DeliveryStatus {
  PENDING = 'PENDING',
  SENT = 'SENT',
  DEAD = 'DEAD',
}

registerEnumType(DeliveryStatus, {
  name: 'DeliveryStatus',
  description: 'Where an outbound delivery stands. 外发状态',
  valuesConfig: bilingualValues<DeliveryStatus>(
    { PENDING: 'Waiting for its first or next try', SENT: 'The gateway accepted it (2xx)', DEAD: 'Dead-lettered: every try failed' },
    { PENDING: '待发送', SENT: '已送达', DEAD: '死信' },
  ),
});
