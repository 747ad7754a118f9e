import { Alert, Steps, Tag, Typography } from 'antd';
import { formatDate, useMessages } from '@kpd/web-kit';
import type { RectificationStep } from '../../gql/graphql';
import { ratingMessages } from '../messages';
import { StepForm } from './StepForm';
import type { Rectification } from './queries';

const STEP_ORDER: RectificationStep[] = ['VERIFY', 'RECTIFY', 'FEEDBACK', 'RETURN_VISIT'];

/** One rectification: the bad rating, its recorded steps, and the form for the step it waits for. */
export function RectificationDetail({ r, canEdit, onRecorded }: { r: Rectification; canEdit: boolean; onRecorded: () => void }) {
  const t = useMessages(ratingMessages);
  return (
    <div data-testid="rectification-detail">
      <Alert
        type={r.overdue ? 'error' : 'warning'}
        showIcon
        style={{ marginBottom: 12 }}
        title={`${t(`s${r.rating?.score ?? 1}` as 's1')}：${(r.rating?.reasonList ?? []).map((x) => t(x)).join('、')}`}
        description={r.rating?.comment}
      />
      <Typography.Paragraph>
        {t('owner')}：{r.owner} · {t('deadline')}：{r.deadline} {r.overdue && <Tag color="red">{t('overdue')}</Tag>}
      </Typography.Paragraph>
      <Steps
        direction="vertical"
        size="small"
        current={r.nextStep ? STEP_ORDER.indexOf(r.nextStep) : STEP_ORDER.length}
        items={STEP_ORDER.map((s) => ({ title: t(`step_${s}`) }))}
        style={{ marginBottom: 12 }}
      />
      <Typography.Title level={5}>{t('history')}</Typography.Title>
      {r.steps.length === 0 ? (
        <Typography.Paragraph type="secondary">{t('noSteps')}</Typography.Paragraph>
      ) : (
        <ul data-testid="rectification-steps" style={{ paddingLeft: 18 }}>
          {r.steps.map((s) => (
            <li key={s.id}>
              <strong>{t(`step_${s.step}`)}</strong> {formatDate(s.onDate)}
              {s.founded === true && ` · ${t('founded')}`}
              {s.founded === false && ` · ${t('unfounded')}`}
              {s.satisfied === true && ` · ${t('satisfiedYes')}`}
              {s.satisfied === false && ` · ${t('satisfiedNo')}`}
              ：{s.note}
              {s.actor && <Typography.Text type="secondary">（{s.actor}）</Typography.Text>}
            </li>
          ))}
        </ul>
      )}
      {r.nextStep && canEdit ? <StepForm r={r} step={r.nextStep} onRecorded={onRecorded} /> : !r.nextStep && <Tag color="green">{t('closedNote')}</Tag>}
    </div>
  );
}
