import { useState } from 'react';
import { Alert, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Tag, Typography, Upload } from 'antd';
import { useMutation } from 'urql';
import { DateInput, ErrorNotice, uploadFile, useMessages } from '@kpd/web-kit';
import { supervisionMessages as messages } from '../supervision.messages';
import { FORM_GROUP, RECORD, type Group, type SupervisedProject } from './queries';

export function GroupForm({ project: p, onSaved }: { project: SupervisedProject; onSaved: () => void }) {
  const t = useMessages(messages);
  const [form] = Form.useForm<{ name: string; memberIds: string[]; leaderId?: string }>();
  const members = Form.useWatch('memberIds', form) ?? [];
  const [{ fetching, error }, formGroup] = useMutation(FORM_GROUP);
  const roster = p.session.roster;
  return (
    <Card size="small" title={t('formGroup')} data-testid="group-form">
      {roster === null ? (
        <Alert type="info" showIcon title={t('rosterHidden')} />
      ) : (
        <Form
          form={form}
          layout="vertical"
          onFinish={async (v) => {
            const r = await formGroup({ projectId: p.id, input: { name: v.name.trim(), memberIds: v.memberIds, leaderId: v.leaderId ?? null } });
            if (r.data) {
              form.resetFields();
              onSaved();
            }
          }}
        >
          <Form.Item name="name" label={t('groupName')} extra={t('groupNameHint')} rules={[{ required: true, whitespace: true, message: t('required') }]}>
            <Input maxLength={64} data-testid="group-name" />
          </Form.Item>
          <Form.Item name="memberIds" label={t('members')} rules={[{ required: true, message: t('required') }]}>
            <Select mode="multiple" showSearch optionFilterProp="label" data-testid="group-members" options={roster.map((r) => ({ value: r.id, label: `${r.name}（${r.delegation}）` }))} />
          </Form.Item>
          <Form.Item name="leaderId" label={t('leader')}>
            <Select allowClear data-testid="group-leader" options={roster.filter((r) => members.includes(r.id)).map((r) => ({ value: r.id, label: r.name }))} />
          </Form.Item>
          {error && <ErrorNotice error={error} />}
          <Button type="primary" htmlType="submit" loading={fetching} data-testid="group-save">
            {t('save')}
          </Button>
        </Form>
      )}
    </Card>
  );
}

const PICTURE_TYPES = ['image/jpeg', 'image/png', 'image/webp'];

interface InspectionValues {
  inspectedOn: string;
  place: string;
  findings: string;
  advices?: Array<{ content: string; workingDays?: number | null }>;
}

export function InspectionForm({ group, onClose }: { group: Group; onClose: (saved: boolean) => void }) {
  const t = useMessages(messages);
  const [form] = Form.useForm<InspectionValues>();
  const [photos, setPhotos] = useState<Array<{ id: string; name: string }>>([]);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const [{ fetching, error }, record] = useMutation(RECORD);
  return (
    <Modal
      open
      width={640}
      title={t('recordTitle', { group: group.name })}
      onCancel={() => onClose(false)}
      onOk={() => form.submit()}
      okText={t('save')}
      cancelText={t('cancel')}
      confirmLoading={fetching}
      okButtonProps={{ disabled: uploading, 'data-testid': 'inspection-save' }}
    >
      <Form
        form={form}
        layout="vertical"
        data-testid="inspection-form"
        onFinish={async (v) => {
          const input = {
            inspectedOn: v.inspectedOn,
            place: v.place.trim(),
            findings: v.findings.trim(),
            photoIds: photos.map((p) => p.id),
            advices: (v.advices ?? []).map((a) => ({ content: a.content.trim(), workingDays: a.workingDays ?? null })),
          };
          const r = await record({ groupId: group.id, input });
          if (r.data) onClose(true);
        }}
      >
        <Form.Item name="inspectedOn" label={t('inspectedOn')} rules={[{ required: true, message: t('required') }]}>
          <DateInput testId="inspection-date" />
        </Form.Item>
        <Form.Item name="place" label={t('place')} rules={[{ required: true, whitespace: true, message: t('required') }]}>
          <Input maxLength={200} data-testid="inspection-place" />
        </Form.Item>
        <Form.Item name="findings" label={t('findings')} rules={[{ required: true, whitespace: true, message: t('required') }]}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="inspection-findings" />
        </Form.Item>
        <Form.Item label={t('photos')}>
          <Space wrap>
            {photos.map((p) => (
              <Tag key={p.id} closable onClose={() => setPhotos((list) => list.filter((x) => x.id !== p.id))} data-testid="inspection-photo">
                {p.name}
              </Tag>
            ))}
            <Upload
              accept={PICTURE_TYPES.join(',')}
              showUploadList={false}
              disabled={uploading || photos.length >= 20}
              beforeUpload={(file) => {
                setUploadError(null);
                if (!PICTURE_TYPES.includes(file.type)) {
                  setUploadError(new Error(t('photoWrongType', { name: file.name })));
                  return false;
                }
                setUploading(true);
                uploadFile(file as unknown as File, 'photo')
                  .then((stored) => setPhotos((list) => [...list, { id: stored.id, name: String(stored.name ?? file.name) }]))
                  .catch(setUploadError)
                  .finally(() => setUploading(false));
                return false;
              }}
            >
              <Button size="small" loading={uploading} data-testid="inspection-upload">
                {t('addPhoto')}
              </Button>
            </Upload>
          </Space>
          {uploadError !== null && <ErrorNotice error={uploadError} />}
        </Form.Item>
        <Typography.Text strong>{t('adviceList')}</Typography.Text>
        <Form.List name="advices">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="start" style={{ display: 'flex', marginTop: 8 }} data-testid="inspection-advice">
                  <Form.Item name={[f.name, 'content']} rules={[{ required: true, whitespace: true, message: t('required') }]} style={{ width: 360, marginBottom: 0 }}>
                    <Input.TextArea rows={2} maxLength={500} placeholder={t('content')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'workingDays']} style={{ marginBottom: 0 }}>
                    <InputNumber min={1} max={60} placeholder={t('workingDays')} style={{ width: 180 }} />
                  </Form.Item>
                  <Button size="small" danger onClick={() => remove(f.name)}>
                    {t('remove')}
                  </Button>
                </Space>
              ))}
              <Button size="small" style={{ marginTop: 8 }} onClick={() => add({ content: '' })} data-testid="inspection-add-advice">
                {t('addAdvice')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
      {error && <ErrorNotice error={error} />}
    </Modal>
  );
}
