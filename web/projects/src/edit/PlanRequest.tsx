/**
 * When a plan table may not simply be saved, the editor sends it as a request a city admin decides
 * (审批 on the 月度关账 page of the city dashboard):
 * - 计划更正申请: it changes the plan of a month already closed (the save names `monthClosed`);
 * - 计划变更申请: it changes a year whose monthly plan is an approved baseline (`planVersionNeeded`),
 *   and becomes the year's next version once approved.
 * Both carry the whole table and a reason; until the decision the plan in force stays.
 */
import { Alert, Form, Input } from 'antd';
import { useMutation } from 'urql';
import { errorExtension, formatPeriod, useLocale, useMessages, type Messages } from '@kpd/web-kit';
import { graphql } from '../gql';
import type { PlanTableInput } from '../gql/graphql';

const REQUEST_PLAN_CORRECTION = graphql(`
  mutation RequestPlanCorrection($projectId: ID!, $input: PlanTableInput!, $reason: String!) {
    requestPlanCorrection(projectId: $projectId, input: $input, reason: $reason) {
      id
      period
      status
    }
  }
`);

const REQUEST_PLAN_VERSION = graphql(`
  mutation RequestPlanVersion($projectId: ID!, $input: PlanTableInput!, $reason: String!) {
    requestPlanVersion(projectId: $projectId, input: $input, reason: $reason) {
      id
      version
      status
    }
  }
`);

export type PlanRequest = { kind: 'correction'; month: string } | { kind: 'version'; year: number };

/** The request a refused save calls for, or null when the refusal is of another kind. */
export function planRequestOf(error: unknown): PlanRequest | null {
  const month = errorExtension(error, 'monthClosed');
  if (typeof month === 'string') return { kind: 'correction', month };
  const year = errorExtension(error, 'planVersionNeeded');
  if (typeof year === 'number') return { kind: 'version', year };
  return null;
}

type Key = 'correctionNeeded' | 'versionNeeded' | 'reason' | 'reasonRule' | 'sendCorrection' | 'sendVersion' | 'correctionSent' | 'versionSent';

export const planRequestMessages: Messages<Key> = {
  zh: {
    correctionNeeded: '{month}已关账：已关账月份的计划只能通过更正申请修改。请说明理由后提交，经市级管理员批准后生效，在此之前计划和亮灯不变。',
    versionNeeded: '{year}年的分月计划已批准为基线：修改须作为新版本提交。请说明理由后提交，经市级管理员批准后生效，在此之前现行计划不变。',
    reason: '申请理由',
    reasonRule: '请说明为什么要修改计划',
    sendCorrection: '提交更正申请',
    sendVersion: '提交变更申请',
    correctionSent: '更正申请已提交，待市级管理员审批',
    versionSent: '计划变更（第 {version} 版）已提交，待市级管理员审批',
  },
  en: {
    correctionNeeded: '{month} is closed: a closed month’s plan changes only through a correction request. Give the reason; it applies once a city admin approves it, and until then the plan and lights stay.',
    versionNeeded: 'The monthly plan of {year} is an approved baseline: a change is a new version. Give the reason; it applies once a city admin approves it, and until then the plan in force stays.',
    reason: 'Reason',
    reasonRule: 'Say why the plan changes',
    sendCorrection: 'Request the correction',
    sendVersion: 'Request the change',
    correctionSent: 'Correction requested; a city admin decides',
    versionSent: 'Version {version} requested; a city admin decides',
  },
};

/** The notice and the reason field shown in the editor once a save asked for a request. */
export function PlanRequestFields({ request }: { request: PlanRequest }) {
  const t = useMessages(planRequestMessages);
  const locale = useLocale();
  return (
    <div data-testid="plan-request">
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 8 }}
        title={request.kind === 'correction' ? t('correctionNeeded', { month: formatPeriod(request.month, locale) }) : t('versionNeeded', { year: request.year })}
      />
      <Form.Item name="reason" label={t('reason')} rules={[{ required: true, whitespace: true, message: t('reasonRule') }]}>
        <Input.TextArea rows={2} maxLength={500} data-testid="plan-request-reason" />
      </Form.Item>
    </div>
  );
}

/** Sends the request: the result's error, or the message saying it was sent. */
export function useSendPlanRequest(projectId: string) {
  const t = useMessages(planRequestMessages);
  const [correction, requestCorrection] = useMutation(REQUEST_PLAN_CORRECTION);
  const [version, requestVersion] = useMutation(REQUEST_PLAN_VERSION);
  const send = async (request: PlanRequest, input: PlanTableInput, reason: string): Promise<{ error?: unknown; sent?: string }> => {
    const variables = { projectId, input, reason: reason.trim() };
    if (request.kind === 'correction') {
      const r = await requestCorrection(variables);
      return r.error ? { error: r.error } : { sent: t('correctionSent') };
    }
    const r = await requestVersion(variables);
    return r.error || !r.data ? { error: r.error } : { sent: t('versionSent', { version: r.data.requestPlanVersion.version }) };
  };
  return { send, fetching: correction.fetching || version.fetching };
}
