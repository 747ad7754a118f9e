import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Space } from 'antd';
import { useMutation } from 'urql';
import { DateInput, useFormErrors, useMessages } from '@kpd/web-kit';
import { messages } from '../messages';
import { parseAttendees } from '../scope';
import { RECORD, type MeetingDetail } from './queries';

export function RecordForm({ meeting, onSaved }: { meeting: MeetingDetail; onSaved: () => void }) {
  const t = useMessages(messages);
  const [saved, setSaved] = useState(false);
  const [{ fetching }, record] = useMutation(RECORD);
  const [form] = Form.useForm<{ heldOn: string; location: string; minutes: string; attendees: string }>();
  const errors = useFormErrors(form);
  return (
    <Card size="small" title={t('record')} style={{ marginTop: 16 }}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          heldOn: meeting.heldOn ?? '',
          location: meeting.location,
          minutes: meeting.minutes,
          attendees: meeting.attendees.map((a) => [a.name, a.unit, a.role].filter(Boolean).join('，')).join('\n'),
        }}
        onFinish={async (v: { heldOn: string; location: string; minutes: string; attendees: string }) => {
          setSaved(false);
          errors.clear();
          const r = await record({
            id: meeting.id,
            input: { version: meeting.version, heldOn: v.heldOn || null, location: v.location ?? '', minutes: v.minutes ?? '', attendees: parseAttendees(v.attendees ?? '') },
          });
          if (!errors.show(r.error)) {
            setSaved(true);
            onSaved();
          }
        }}
      >
        <Space wrap>
          <Form.Item name="heldOn" label={t('heldOn')}>
            <DateInput style={{ width: 170 }} />
          </Form.Item>
          <Form.Item name="location" label={t('location')}>
            <Input style={{ width: 260 }} />
          </Form.Item>
        </Space>
        <Form.Item name="attendees" label={t('attendees')} extra={t('attendeesHint')}>
          <Input.TextArea rows={3} data-testid="record-attendees" />
        </Form.Item>
        <Form.Item name="minutes" label={t('minutes')}>
          <Input.TextArea rows={4} data-testid="record-minutes" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={fetching} data-testid="record-save">
          {t('record')}
        </Button>
        {errors.notice && <div style={{ marginTop: 8 }}>{errors.notice}</div>}
        {saved && <Alert style={{ marginTop: 8 }} type="success" showIcon title={t('recorded')} />}
      </Form>
    </Card>
  );
}
