import { Button, Collapse, Form, Input, InputNumber, Space } from 'antd';
import { useMutation } from 'urql';
import { DateInput, DateTimeInput, useFormErrors, useMessages } from '@kpd/web-kit';
import { sessionMessages, supportMessages } from '../messages';
import { fromShanghaiInput, toShanghaiInput } from '../shared';
import { UPDATE, type DetailSession } from './queries';

interface SettingsForm {
  name: string;
  meetingDate: string;
  seats: number;
  opensAt?: string;
  closesAt?: string;
  supportOpensAt?: string;
  supportClosesAt?: string;
}

export function Settings({ session: v, onSaved }: { session: DetailSession; onSaved: () => void }) {
  const s = useMessages(sessionMessages);
  const sp = useMessages(supportMessages);
  const [form] = Form.useForm<SettingsForm>();
  const errors = useFormErrors(form);
  const [{ fetching }, update] = useMutation(UPDATE);
  return (
    <Collapse
      style={{ marginBottom: 16 }}
      items={[
        {
          key: 'settings',
          label: s('settingsTitle'),
          children: (
            <Form<SettingsForm>
              form={form}
              layout="vertical"
              initialValues={{ name: v.name, meetingDate: v.meetingDate, seats: v.seats, opensAt: toShanghaiInput(v.opensAt), closesAt: toShanghaiInput(v.closesAt), supportOpensAt: toShanghaiInput(v.supportOpensAt), supportClosesAt: toShanghaiInput(v.supportClosesAt) }}
              onFinish={async (f) => {
                const r = await update({
                  id: v.id,
                  version: v.version,
                  input: { name: f.name.trim(), meetingDate: f.meetingDate, seats: f.seats, opensAt: fromShanghaiInput(f.opensAt), closesAt: fromShanghaiInput(f.closesAt), supportOpensAt: fromShanghaiInput(f.supportOpensAt), supportClosesAt: fromShanghaiInput(f.supportClosesAt) },
                });
                if (errors.show(r.error)) return;
                if (r.data) onSaved();
              }}
              style={{ maxWidth: 640 }}
            >
              <Form.Item name="name" label={s('sessionName')} rules={[{ required: true, whitespace: true, message: s('required') }]}>
                <Input />
              </Form.Item>
              <Space wrap>
                <Form.Item name="meetingDate" label={s('meetingDay')} rules={[{ required: true, message: s('required') }]}>
                  <DateInput />
                </Form.Item>
                <Form.Item name="seats" label={s('seatsField')} rules={[{ required: true, message: s('required') }]}>
                  <InputNumber min={1} max={50} />
                </Form.Item>
                <Form.Item name="opensAt" label={s('opensAt')}>
                  <DateTimeInput />
                </Form.Item>
                <Form.Item name="closesAt" label={s('closesAt')}>
                  <DateTimeInput />
                </Form.Item>
              </Space>
              <Space wrap>
                <Form.Item name="supportOpensAt" label={sp('pollOpens')}>
                  <DateTimeInput testId="session-support-opens" />
                </Form.Item>
                <Form.Item name="supportClosesAt" label={sp('pollCloses')}>
                  <DateTimeInput testId="session-support-closes" />
                </Form.Item>
              </Space>
              {errors.notice}
              <Button type="primary" htmlType="submit" loading={fetching} style={{ marginTop: 8 }}>
                {s('save')}
              </Button>
            </Form>
          ),
        },
      ]}
    />
  );
}
