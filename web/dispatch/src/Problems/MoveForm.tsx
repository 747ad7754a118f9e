import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useMutation } from 'urql';
import { allowedProblemActions, type ProblemAction } from '@kpd/domain';
import { DateInput, useFormErrors, useMessages, type RemoteProps } from '@kpd/web-kit';
import { messages } from '../messages';
import { isCityAdmin } from '../scope';
import { type EvidencePicture, EvidencePictures } from './EvidencePictures';
import { MOVE, type ProblemDetail } from './queries';

interface MoveValues {
  date?: string;
  evidence?: string;
  reason?: string;
  cityLeader?: string;
  deadline?: string;
}

/** The moves the state machine allows from here; the server still decides who may take them and says why not. */
export function MoveForm({ problem, viewer, onMoved }: { problem: ProblemDetail; viewer: RemoteProps['viewer']; onMoved: () => void }) {
  const t = useMessages(messages);
  const [action, setAction] = useState<ProblemAction | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [form] = Form.useForm<MoveValues>();
  const [{ fetching }, move] = useMutation(MOVE);
  // The close-out's pictures are not a form field: a refusal of them is named in the notice.
  const errors = useFormErrors(form, { evidenceFileIds: t('evidenceFiles'), version: t('actions') });
  const [pictures, setPictures] = useState<EvidencePicture[]>([]);
  const [uploading, setUploading] = useState(false);
  const allowed = allowedProblemActions({
    status: problem.status,
    level: problem.level,
    cityLeader: problem.cityLeader,
    raisedDate: problem.raisedDate,
    deadline: problem.deadline,
    resolvedDate: problem.resolvedDate,
    closedOutDate: problem.closedOutDate,
    evidence: problem.evidence,
    escalationRequested: problem.escalationRequested,
    reopenCount: problem.reopenCount,
  }).filter((a) => (a === 'ESCALATE' ? isCityAdmin(viewer) : a === 'REQUEST_ESCALATION' ? !isCityAdmin(viewer) : true));

  const submit = async (v: MoveValues) => {
    if (!action) return;
    setDone(null);
    errors.clear();
    const r = await move({
      id: problem.id,
      action,
      input: {
        version: problem.version,
        date: v.date?.trim() || null,
        evidence: action === 'CLOSE_OUT' ? (v.evidence ?? '').split('\n').map((s) => s.trim()).filter(Boolean) : null,
        evidenceFileIds: action === 'CLOSE_OUT' && pictures.length ? pictures.map((f) => f.id) : null,
        reason: v.reason?.trim() || null,
        cityLeader: v.cityLeader?.trim() || null,
        deadline: v.deadline?.trim() || null,
      },
    });
    if (!errors.show(r.error)) {
      setDone(t('moved', { action: t(action) }));
      setAction(null);
      setPictures([]);
      form.resetFields();
      onMoved();
    }
  };

  return (
    <Card size="small" title={t('actions')} data-testid="problem-actions">
      {allowed.length === 0 ? (
        <Typography.Text type="secondary">{t('noActions')}</Typography.Text>
      ) : (
        <Space wrap style={{ marginBottom: action ? 12 : 0 }}>
          {allowed.map((a) => (
            <Button key={a} type={action === a ? 'primary' : 'default'} danger={a === 'ESCALATE'} onClick={() => { setAction(a); setDone(null); errors.clear(); }} data-testid={`move-${a}`}>
              {t(a)}
            </Button>
          ))}
        </Space>
      )}
      {action && (
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
          <Form.Item name="date" label={t('date')} extra={t('dateHint')}>
            <DateInput allowClear style={{ width: 180 }} />
          </Form.Item>
          {action === 'CLOSE_OUT' && (
            <Form.Item name="evidence" label={t('evidence')} extra={t('evidenceHint')}>
              <Input.TextArea rows={3} data-testid="move-evidence" />
            </Form.Item>
          )}
          {action === 'CLOSE_OUT' && <EvidencePictures files={pictures} onChange={setPictures} onBusy={setUploading} />}
          {(action === 'REOPEN' || action === 'REQUEST_ESCALATION') && (
            <Form.Item name="reason" label={t('reason')}>
              <Input.TextArea rows={2} data-testid="move-reason" />
            </Form.Item>
          )}
          {action === 'ESCALATE' && (
            <Form.Item name="cityLeader" label={t('cityLeader')}>
              <Input data-testid="move-city-leader" />
            </Form.Item>
          )}
          {(action === 'REOPEN' || action === 'ESCALATE') && (
            <Form.Item name="deadline" label={t('newDeadline')}>
              <DateInput allowClear style={{ width: 180 }} />
            </Form.Item>
          )}
          {errors.notice}
          <Button type="primary" htmlType="submit" loading={fetching} disabled={uploading} data-testid="move-submit">
            {t(action)}
          </Button>
        </Form>
      )}
      {done && <Alert style={{ marginTop: 12 }} type="success" showIcon title={done} data-testid="move-done" />}
    </Card>
  );
}
