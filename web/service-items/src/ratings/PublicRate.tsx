import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Input, Rate, Result, Space, Tag, Typography } from 'antd';
import { useMutation, useQuery } from 'urql';
import { formatDateTime, QueryState, readableError, useMessages } from '@kpd/web-kit';
import { graphql } from '../gql';
import type { RatingReason } from '../gql/graphql';
import { ratingMessages } from './messages';

/** Where a rating link points (web/apps.json lists the page). */
export const RATING_PAGE = '/public/rate';

const FORM = graphql(`
  query PublicServiceRating($token: String!) {
    publicServiceRating(token: $token) {
      caseNo
      itemName
      department
      districtName
      decidedAt
      rated
      score
    }
  }
`);
const RATE = graphql(`
  mutation RateServiceCase($token: String!, $input: RateServiceCaseInput!) {
    rateServiceCase(token: $token, input: $input) {
      rated
      score
    }
  }
`);

const GOOD: RatingReason[] = ['FAST', 'FRIENDLY', 'CLEAR_GUIDE', 'ONE_VISIT', 'OTHER'];
const BAD: RatingReason[] = ['SLOW', 'MANY_VISITS', 'MANY_MATERIALS', 'POOR_ATTITUDE', 'UNCLEAR_GUIDE', 'SYSTEM_TROUBLE', 'OTHER'];
const SCORE_KEYS = ['s1', 's2', 's3', 's4', 's5'] as const;

/** The applicant's rating page, opened from the link (/public/rate/<token>): no sign-in, phone-first, usable once. */
export function PublicRate({ token }: { token: string }) {
  const t = useMessages(ratingMessages);
  const [{ data, fetching, error }, refetch] = useQuery({ query: FORM, variables: { token }, pause: !token });
  if (!token || (error && readableError(error).code === 'NOT_FOUND'))
    return <Result status="warning" title={t('invalidLink')} data-testid="rate-invalid" />;
  return (
    <div style={{ maxWidth: 520, margin: '0 auto' }} data-testid="public-rate">
      <QueryState fetching={fetching} error={error} data={data} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
        {(d) => <RateForm token={token} form={d.publicServiceRating} />}
      </QueryState>
    </div>
  );
}

type Form = {
  caseNo: string;
  itemName: string;
  department: string;
  districtName: string;
  decidedAt?: string | null;
  rated: boolean;
  score?: number | null;
};

function RateForm({ token, form }: { token: string; form: Form }) {
  const t = useMessages(ratingMessages);
  const [score, setScore] = useState(0);
  const [reasons, setReasons] = useState<RatingReason[]>([]);
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<number | null>(null);
  const [{ fetching }, rate] = useMutation(RATE);

  if (done !== null && done > 0)
    return <Result status="success" title={done <= 2 ? t('thanksBad') : t('thanks')} data-testid="rate-done" />;
  if (form.rated || done === -1) return <Result status="info" title={t('alreadyRated')} data-testid="rate-spent" />;

  const choices = score >= 4 ? GOOD : BAD;
  const submit = async () => {
    if (!score) return setProblem(t('pickScore'));
    setProblem(null);
    const r = await rate({ token, input: { score, reasons, comment: comment.trim() || null } });
    if (r.error) {
      const e = readableError(r.error);
      if (e.code === 'CONFLICT') return setDone(-1);
      return setProblem(e.problems?.[0]?.reason ?? e.message);
    }
    setDone(score);
  };

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('rateTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('rateIntro')}</Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('item')}>
            <span data-testid="rate-item">{form.itemName}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('department')}>
            {form.districtName} · {form.department}
          </Descriptions.Item>
          <Descriptions.Item label={t('caseNo')}>{form.caseNo}</Descriptions.Item>
          {form.decidedAt && <Descriptions.Item label={t('decidedAt')}>{formatDateTime(form.decidedAt)}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Card size="small" style={{ marginBottom: 12 }}>
        <div style={{ marginBottom: 8 }}>{t('score')}</div>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Rate
            value={score}
            onChange={(v) => {
              setScore(v);
              setReasons((rs) => rs.filter((r) => (v >= 4 ? GOOD : BAD).includes(r)));
            }}
            tooltips={SCORE_KEYS.map((k) => t(k))}
            style={{ fontSize: 32 }}
            data-testid="rate-stars"
          />
          {score > 0 && <Typography.Text strong data-testid="rate-label">{t(SCORE_KEYS[score - 1])}</Typography.Text>}
        </Space>
        {score > 0 && (
          <>
            <div style={{ margin: '12px 0 8px' }}>{t('reasons')}</div>
            <Space wrap size={[8, 8]} data-testid="rate-reasons">
              {choices.map((r) => (
                <Tag.CheckableTag
                  key={r}
                  checked={reasons.includes(r)}
                  onChange={(on) => setReasons((rs) => (on ? [...rs, r] : rs.filter((x) => x !== r)))}
                  style={{ fontSize: 15, padding: '4px 10px', border: '1px solid #d9d9d9' }}
                >
                  {t(r)}
                </Tag.CheckableTag>
              ))}
            </Space>
            <Input.TextArea
              rows={3}
              maxLength={500}
              showCount
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              placeholder={t('commentHint')}
              style={{ marginTop: 12 }}
              data-testid="rate-comment"
            />
          </>
        )}
      </Card>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} data-testid="rate-problem" />}
      <Button type="primary" size="large" block loading={fetching} onClick={submit} data-testid="rate-submit">
        {t('submit')}
      </Button>
    </>
  );
}
