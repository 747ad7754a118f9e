import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { useMutation } from 'urql';
import { MonthPicker, thisMonthInChina, useFormErrors, useMessages } from '@kpd/web-kit';
import { messages } from '../messages';
import { NOTE } from './queries';

export function NoteForm({ problemId, onAdded }: { problemId: string; onAdded: () => void }) {
  const t = useMessages(messages);
  const [form] = Form.useForm<{ period: string; note: string }>();
  const [added, setAdded] = useState(false);
  const [{ fetching }, add] = useMutation(NOTE);
  const errors = useFormErrors(form);
  return (
    <Form
      form={form}
      layout="inline"
      style={{ marginTop: 12, rowGap: 8 }}
      initialValues={{ period: thisMonthInChina(), note: '' }}
      onFinish={async (v) => {
        setAdded(false);
        errors.clear();
        const r = await add({ problemId, period: v.period, note: v.note });
        if (!errors.show(r.error)) {
          setAdded(true);
          form.setFieldValue('note', '');
          onAdded();
        }
      }}
    >
      <Form.Item name="period" label={t('period')}>
        <MonthPicker style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="note" label={t('note')} style={{ flex: 1, minWidth: 220 }}>
        <Input data-testid="note-text" />
      </Form.Item>
      <Button htmlType="submit" loading={fetching} data-testid="note-add">
        {t('addNote')}
      </Button>
      {errors.notice && <div style={{ width: '100%', marginTop: 8 }}>{errors.notice}</div>}
      {added && <Alert style={{ width: '100%', marginTop: 8 }} type="success" showIcon title={t('noteAdded')} />}
    </Form>
  );
}
