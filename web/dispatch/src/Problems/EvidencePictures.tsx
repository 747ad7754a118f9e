import { useState } from 'react';
import { Alert, Button, Form, Space, Tag, Upload } from 'antd';
import { ErrorNotice, uploadFile, useMessages } from '@kpd/web-kit';
import { messages } from '../messages';

export interface EvidencePicture {
  id: string;
  name: string;
  url: string;
}

const PICTURE_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const PICTURE_MAX_BYTES = 10 * 1024 * 1024;

/**
 * 佐证附件: pictures of the close-out evidence (an acceptance record photographed, the finished work),
 * uploaded to the API's file store like a report's progress photos; a file of another type or over
 * the size limit is refused by name before it is sent.
 */
export function EvidencePictures({ files, onChange, onBusy }: { files: EvidencePicture[]; onChange: (files: EvidencePicture[]) => void; onBusy: (busy: boolean) => void }) {
  const t = useMessages(messages);
  const [refused, setRefused] = useState<string | null>(null);
  const [failed, setFailed] = useState<unknown>(null);
  const [percent, setPercent] = useState<number | null>(null);
  return (
    <Form.Item label={t('evidenceFiles')} extra={t('evidenceFilesHint', { mb: PICTURE_MAX_BYTES / 1048576 })}>
      <Space wrap>
        {files.map((f) => (
          <Tag key={f.id} closable onClose={() => onChange(files.filter((x) => x.id !== f.id))} data-testid="evidence-picture">
            {f.name}
          </Tag>
        ))}
        <Upload
          accept={PICTURE_TYPES.join(',')}
          showUploadList={false}
          disabled={percent !== null || files.length >= 10}
          beforeUpload={(file) => {
            setRefused(null);
            setFailed(null);
            if (!PICTURE_TYPES.includes(file.type)) setRefused(t('evidenceWrongType', { name: file.name }));
            else if (file.size > PICTURE_MAX_BYTES) setRefused(t('evidenceTooLarge', { name: file.name, mb: PICTURE_MAX_BYTES / 1048576 }));
            else {
              setPercent(0);
              onBusy(true);
              uploadFile(file as unknown as File, 'photo', setPercent)
                .then((stored) => onChange([...files, { id: stored.id, name: String(stored.name ?? file.name), url: String(stored.url) }]))
                .catch((e: unknown) => setFailed(e))
                .finally(() => {
                  setPercent(null);
                  onBusy(false);
                });
            }
            return false;
          }}
        >
          <Button size="small" loading={percent !== null} data-testid="evidence-upload">
            {percent !== null ? `${percent}%` : t('evidenceAdd')}
          </Button>
        </Upload>
      </Space>
      {refused && <Alert type="error" showIcon style={{ marginTop: 8 }} title={refused} data-testid="evidence-refused" />}
      {failed !== null && <div style={{ marginTop: 8 }}><ErrorNotice error={failed} /></div>}
    </Form.Item>
  );
}
