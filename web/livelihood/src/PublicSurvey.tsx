import { useState } from 'react';
import { Alert, Button, Card, Form, Input, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useMutation } from 'urql';
import { graphql } from './gql';
import type { CombinedResultFieldsFragment, RatingFieldsFragment, Satisfaction } from './gql/graphql';
import { ErrorNotice, useMessages } from '@kpd/web-kit';
import { ratingMessages as messages } from './supervision.messages';

export type RatingRule = RatingFieldsFragment['ratingRule'];
export type SurveyRow = RatingFieldsFragment['publicSurveys'][number];
export type CombinedResult = CombinedResultFieldsFragment;

/** The public's part of an evaluation, as the evaluation page asks for it. */
export const RATING_FIELDS = graphql(`
  fragment RatingFields on LivelihoodEvaluation {
    ratingRule { delegateWeight publicWeight satisfiedFrom basicFrom source }
    publicSurveys { projectId satisfied basicallySatisfied unsatisfied source }
  }
`);
/** A project's combined result: the delegates' and the households' parts. */
export const RESULT_FIELDS = graphql(`
  fragment CombinedResultFields on ProjectEvaluationType {
    satisfied basicallySatisfied unsatisfied rating project { id name }
    delegateRating delegateScore publicScore score publicSurvey { satisfied basicallySatisfied unsatisfied }
  }
`);

const SET_RULE = graphql(`
  mutation SetRatingRule($input: RatingRuleInput!) { setLivelihoodRatingRule(input: $input) { delegateWeight publicWeight source } }
`);
const SURVEY = graphql(`
  mutation RecordPublicSurvey($sessionId: ID!, $year: Int!, $input: PublicSurveyInput!) { recordLivelihoodPublicSurvey(sessionId: $sessionId, year: $year, input: $input) { projectId } }
`);

/** The weights in words: delegates alone, or both parts and the bands of the combined score. */
export function RuleText({ rule }: { rule: RatingRule }) {
  const t = useMessages(messages);
  if (rule.publicWeight === 0) return <Typography.Paragraph data-testid="rating-rule">{t('ruleDefault')}</Typography.Paragraph>;
  return (
    <Typography.Paragraph data-testid="rating-rule">
      {t('rule', { delegates: rule.delegateWeight, public: rule.publicWeight })}；{t('bands', { satisfied: rule.satisfiedFrom, basic: rule.basicFrom })}
    </Typography.Paragraph>
  );
}

/** The published result with both parts: the delegates' counts and score, the households' counts and score, the combined score. */
export function CombinedResults({ results, rule, label }: { results: CombinedResult[]; rule: RatingRule; label: (rating: Satisfaction) => string }) {
  const t = useMessages(messages);
  const counts = (s: number, b: number, u: number) => `${s} / ${b} / ${u}`;
  return (
    <>
      <RuleText rule={rule} />
      <Table<CombinedResult>
        rowKey={(r) => r.project.id}
        size="small"
        pagination={false}
        scroll={{ x: 860 }}
        data-testid="combined-results"
        dataSource={results}
        columns={[
          { title: t('project'), render: (_: unknown, r) => r.project.name },
          { title: t('delegateCounts'), width: 170, render: (_: unknown, r) => counts(r.satisfied, r.basicallySatisfied, r.unsatisfied) },
          { title: t('delegateScore'), dataIndex: 'delegateScore', width: 90, align: 'right', render: (v: string | null) => v ?? '—' },
          { title: t('publicCounts'), width: 150, render: (_: unknown, r) => (r.publicSurvey ? counts(r.publicSurvey.satisfied, r.publicSurvey.basicallySatisfied, r.publicSurvey.unsatisfied) : '—') },
          { title: t('publicScore'), dataIndex: 'publicScore', width: 90, align: 'right', render: (v: string | null) => v ?? '—' },
          { title: t('score'), dataIndex: 'score', width: 90, align: 'right', render: (v: string | null) => <span data-testid="combined-score">{v ?? '—'}</span> },
          { title: t('result'), dataIndex: 'rating', width: 100, render: (v: Satisfaction) => <Tag color={v === 'SATISFIED' ? 'green' : v === 'UNSATISFIED' ? 'red' : 'gold'}>{label(v)}</Tag> },
        ]}
      />
    </>
  );
}

/**
 * While an evaluation is open, the congress's admins set the weights (镇海: households 60 of 100)
 * for the session and enter the public survey's counts for each project.
 */
export function PublicPart({ sessionId, areaId, year, rule, surveys, projects, onSaved }: { sessionId: string; areaId: string; year: number; rule: RatingRule; surveys: SurveyRow[]; projects: Array<{ id: string; name: string }>; onSaved: () => void }) {
  const t = useMessages(messages);
  const [{ fetching: setting, error: ruleError }, setRule] = useMutation(SET_RULE);
  const [{ fetching: saving, error: surveyError }, record] = useMutation(SURVEY);
  const [saved, setSaved] = useState(false);
  const entered = new Map(surveys.map((s) => [s.projectId, s]));
  return (
    <Card size="small" title={t('setRule')} style={{ margin: '12px 0' }} data-testid="public-part">
      <RuleText rule={rule} />
      <Form
        layout="inline"
        initialValues={rule}
        onFinish={async (v: RatingRule) => {
          const r = await setRule({ input: { areaId, sessionId, delegateWeight: v.delegateWeight, publicWeight: v.publicWeight, satisfiedFrom: v.satisfiedFrom, basicFrom: v.basicFrom } });
          if (r.data) onSaved();
        }}
      >
        <Form.Item name="delegateWeight" label={t('delegateWeight')} rules={[{ required: true, message: t('required') }]}>
          <InputNumber min={0} max={100} data-testid="rule-delegates" />
        </Form.Item>
        <Form.Item name="publicWeight" label={t('publicWeight')} rules={[{ required: true, message: t('required') }]}>
          <InputNumber min={0} max={100} data-testid="rule-public" />
        </Form.Item>
        <Form.Item name="satisfiedFrom" label={t('satisfiedFrom')}>
          <InputNumber min={1} max={100} />
        </Form.Item>
        <Form.Item name="basicFrom" label={t('basicFrom')}>
          <InputNumber min={0} max={99} />
        </Form.Item>
        <Button htmlType="submit" loading={setting} data-testid="rule-save">
          {t('save')}
        </Button>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('weightsHint')}
      </Typography.Paragraph>
      {ruleError && <ErrorNotice error={ruleError} />}
      {rule.publicWeight > 0 && (
        <Form
          layout="vertical"
          style={{ marginTop: 12 }}
          data-testid="survey-form"
          initialValues={{ source: surveys[0]?.source ?? '', rows: projects.map((p) => ({ satisfied: entered.get(p.id)?.satisfied, basic: entered.get(p.id)?.basicallySatisfied, unsatisfied: entered.get(p.id)?.unsatisfied })) }}
          onFinish={async (v: { source: string; rows: Array<{ satisfied?: number; basic?: number; unsatisfied?: number }> }) => {
            setSaved(false);
            const entries = projects
              .map((p, i) => ({ projectId: p.id, satisfied: v.rows[i]?.satisfied ?? 0, basicallySatisfied: v.rows[i]?.basic ?? 0, unsatisfied: v.rows[i]?.unsatisfied ?? 0 }))
              .filter((e) => e.satisfied + e.basicallySatisfied + e.unsatisfied > 0);
            const r = await record({ sessionId, year, input: { source: v.source.trim(), entries } });
            if (r.data) {
              setSaved(true);
              onSaved();
            }
          }}
        >
          <Typography.Text strong>{t('survey')}</Typography.Text>
          <Form.Item name="source" label={t('surveySource')} extra={t('surveySourceHint')} rules={[{ required: true, whitespace: true, message: t('required') }]}>
            <Input maxLength={200} data-testid="survey-source" />
          </Form.Item>
          {projects.map((p, i) => (
            <Space key={p.id} wrap align="baseline" data-testid="survey-row">
              <span style={{ display: 'inline-block', width: 260 }}>
                {p.name} {entered.has(p.id) && <Tag color="green">{t('entered')}</Tag>}
              </span>
              <Form.Item name={['rows', i, 'satisfied']} label={t('satisfied')}>
                <InputNumber min={0} data-testid="survey-satisfied" />
              </Form.Item>
              <Form.Item name={['rows', i, 'basic']} label={t('basic')}>
                <InputNumber min={0} data-testid="survey-basic" />
              </Form.Item>
              <Form.Item name={['rows', i, 'unsatisfied']} label={t('unsatisfied')}>
                <InputNumber min={0} data-testid="survey-unsatisfied" />
              </Form.Item>
            </Space>
          ))}
          {surveyError && <ErrorNotice error={surveyError} />}
          {saved && <Alert type="success" showIcon title={t('saved')} style={{ marginBottom: 8 }} />}
          <Button type="primary" htmlType="submit" loading={saving} data-testid="survey-save">
            {t('save')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
