import { useState } from 'react';
import { Button, Card, Col, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { useMutation, useQuery } from 'urql';
import { ImportPanel, MonthPicker, thisMonthInChina, useFormErrors, useMessages, type RemoteProps } from '@kpd/web-kit';
import { FIND_SECRETARIES, IMPORT_EVALUATIONS, SCORE } from './api';
import { FormOutcome, useRequired } from './Forms';
import { messages } from './messages';

interface ScoreValues {
  secretaryId: string;
  period: string;
  score: number;
  comments?: string;
}

/** 第三方评估: the evaluator scores a secretary for a period, or imports a score sheet (dry run, then all or nothing). */
export function Evaluations({ viewer }: RemoteProps) {
  const t = useMessages(messages);
  const [, importScores] = useMutation(IMPORT_EVALUATIONS);
  return (
    <Row gutter={16}>
      {viewer.role === 'EVALUATOR' && (
        <Col xs={24} xl={10}>
          <Card size="small" title={t('scoreTitle')} style={{ marginBottom: 16 }}>
            <ScoreForm />
          </Card>
        </Col>
      )}
      <Col xs={24} xl={viewer.role === 'EVALUATOR' ? 14 : 24}>
        <Card
          size="small"
          title={t('importTitle')}
          extra={
            <Button href="/api/secretaries/evaluation-template.xlsx" size="small">
              {t('template')}
            </Button>
          }
        >
          <Typography.Paragraph type="secondary">{t('importHint')}</Typography.Paragraph>
          <ImportPanel
            run={async (fileId, dryRun) => {
              const r = await importScores({ fileId, dryRun });
              return { data: r.data?.importSecretaryEvaluations, error: r.error };
            }}
          />
        </Card>
      </Col>
    </Row>
  );
}

function ScoreForm() {
  const t = useMessages(messages);
  const required = useRequired();
  const [form] = Form.useForm<ScoreValues>();
  const [search, setSearch] = useState('');
  const [found] = useQuery({
    query: FIND_SECRETARIES,
    variables: { search: search.trim() || null },
  });
  const [{ fetching }, score] = useMutation(SCORE);
  const errors = useFormErrors(form);
  const [saved, setSaved] = useState<string | null>(null);
  const submit = async (v: ScoreValues) => {
    setSaved(null);
    errors.clear();
    const r = await score({
      input: { secretaryId: v.secretaryId, period: v.period, score: v.score, comments: v.comments ?? '' },
    });
    if (errors.show(r.error)) return;
    if (r.data) {
      const name = found.data?.secretaries.nodes.find((s) => s.id === v.secretaryId)?.name ?? '';
      setSaved(
        t('scoreSaved', { name, period: r.data.scoreSecretary.period, score: r.data.scoreSecretary.score }),
      );
    }
  };
  return (
    <Form<ScoreValues>
      form={form}
      layout="vertical"
      data-testid="score-form"
      onFinish={(v) => void submit(v)}
    >
      <Form.Item name="secretaryId" label={t('secretary')} rules={required(t('secretary'))}>
        <Select
          showSearch={{ filterOption: false, onSearch: setSearch }}
          placeholder={t('chooseSecretary')}
          loading={found.fetching}
          options={(found.data?.secretaries.nodes ?? []).map((s) => ({
            value: s.id,
            label: `${s.name}（${s.district.name} ${s.workUnit}）`,
          }))}
          data-testid="score-secretary"
        />
      </Form.Item>
      <Form.Item name="period" label={t('period')} rules={required(t('period'))}>
        <MonthPicker max={thisMonthInChina()} style={{ width: 180 }} testId="score-period" />
      </Form.Item>
      <Form.Item name="score" label={t('score')} rules={required(t('score'))}>
        <InputNumber min={0} max={100} precision={0} data-testid="score-value" />
      </Form.Item>
      <Form.Item name="comments" label={t('comments')}>
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
      <FormOutcome notice={errors.notice} success={saved} testId="score-saved" />
      <Button type="primary" htmlType="submit" loading={fetching} data-testid="score-submit">
        {t('save')}
      </Button>
    </Form>
  );
}
