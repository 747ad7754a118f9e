import { useState } from 'react';
import { Button, Card, Form, Input, Modal, Space, Switch, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery } from 'urql';
import type { SupervisionAdviceState } from '../gql/graphql';
import { ErrorNotice, QueryState, useMessages, type Viewer } from '@kpd/web-kit';
import { supervisionMessages as messages } from '../supervision.messages';
import { ADVICES, ANSWER, type Advice, type ListedAdvice } from './queries';

const STATE_COLORS: Record<SupervisionAdviceState, string> = { PENDING: 'blue', OVERDUE: 'red', ANSWERED: 'green', ANSWERED_LATE: 'orange' };

const answers = (viewer: Viewer) => viewer.role === 'ADMIN' || viewer.role === 'SECRETARY';

export function AdviceList({ areaId, year, viewer }: { areaId: string; year: number; viewer: Viewer }) {
  const t = useMessages(messages);
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [answering, setAnswering] = useState<ListedAdvice | null>(null);
  const [{ data, fetching, error }, refetch] = useQuery({ query: ADVICES, variables: { areaId, year, overdueOnly }, requestPolicy: 'cache-and-network' });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  return (
    <Card size="small" title={t('advices')} extra={<Space><span>{t('overdueOnly')}</span><Switch checked={overdueOnly} onChange={setOverdueOnly} data-testid="advices-overdue-only" /></Space>} style={{ marginBottom: 16 }}>
      <QueryState fetching={fetching} error={error} data={data} isEmpty={(d) => d.livelihoodSupervisionAdvices.length === 0} empty={t('noAdvices')} onRetry={reload}>
        {(d) => (
          <Table<ListedAdvice>
            rowKey="id"
            size="small"
            pagination={false}
            scroll={{ x: 900 }}
            data-testid="advices"
            dataSource={d.livelihoodSupervisionAdvices}
            rowClassName={(a) => (a.state === 'OVERDUE' ? 'advice-overdue' : '')}
            columns={[
              { title: t('project'), width: 200, render: (_: unknown, a) => a.project.name },
              { title: t('content'), render: (_: unknown, a) => <AdviceText advice={a} /> },
              { title: t('department'), dataIndex: 'department', width: 150 },
              { title: t('dueDate'), dataIndex: 'dueDate', width: 110 },
              { title: t('state'), width: 110, render: (_: unknown, a) => <StateTag state={a.state} /> },
              ...(answers(viewer)
                ? [{ title: t('answer'), width: 100, render: (_: unknown, a: ListedAdvice) => (a.answeredOn ? null : <Button size="small" onClick={() => setAnswering(a)} data-testid="advice-answer">{t('answerButton')}</Button>) }]
                : []),
            ]}
          />
        )}
      </QueryState>
      {answering && (
        <AnswerForm
          advice={answering}
          onClose={(saved) => {
            setAnswering(null);
            if (saved) reload();
          }}
        />
      )}
    </Card>
  );
}

export function StateTag({ state }: { state: SupervisionAdviceState }) {
  const t = useMessages(messages);
  return (
    <Tag color={STATE_COLORS[state]} data-testid="advice-state" data-state={state}>
      {t(state)}
    </Tag>
  );
}

export function AdviceText({ advice: a }: { advice: Advice }) {
  const t = useMessages(messages);
  return (
    <>
      <div>{a.content}</div>
      {a.answer && (
        <div style={{ color: '#555', fontSize: 12, marginTop: 4 }} data-testid="advice-answer-text">
          {t('answer')}：{a.answer}
          <div style={{ color: '#888' }}>{t('answeredOn', { date: a.answeredOn ?? '', by: a.answeredBy ?? '' })}</div>
        </div>
      )}
    </>
  );
}

function AnswerForm({ advice, onClose }: { advice: Advice; onClose: (saved: boolean) => void }) {
  const t = useMessages(messages);
  const [form] = Form.useForm<{ answer: string; answeredBy: string }>();
  const [{ fetching, error }, answer] = useMutation(ANSWER);
  return (
    <Modal open title={t('answerTitle')} onCancel={() => onClose(false)} onOk={() => form.submit()} okText={t('save')} cancelText={t('cancel')} confirmLoading={fetching} okButtonProps={{ 'data-testid': 'answer-save' }}>
      <Typography.Paragraph type="secondary">{advice.content}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ answeredBy: advice.department }}
        onFinish={async (v) => {
          const r = await answer({ id: advice.id, input: { answer: v.answer.trim(), answeredBy: v.answeredBy.trim() } });
          if (r.data) onClose(true);
        }}
      >
        <Form.Item name="answer" label={t('answerText')} rules={[{ required: true, whitespace: true, message: t('required') }]}>
          <Input.TextArea rows={4} maxLength={2000} data-testid="answer-text" />
        </Form.Item>
        <Form.Item name="answeredBy" label={t('answeredBy')} extra={t('answeredByHint')} rules={[{ required: true, whitespace: true, message: t('required') }]}>
          <Input maxLength={100} data-testid="answer-by" />
        </Form.Item>
      </Form>
      {error && <ErrorNotice error={error} />}
    </Modal>
  );
}
