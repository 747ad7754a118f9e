/**
 * 编辑效果图: the project's renderings as a row of pictures — upload more (JPEG, PNG or WebP, within
 * the size limit, up to ten), remove some — saved together, replacing the old set. Files are
 * stored by the API's upload endpoint (/api/files, like the report's progress photos); a refused
 * file says why, by name, before anything is sent where it can be.
 */
import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, Empty, Image, Modal, Space, Typography, Upload } from 'antd';
import { useMutation } from 'urql';
import { ErrorNotice, UploadError, uploadFile, useMessages } from '@kpd/web-kit';
import { graphql } from '../gql';
import { pictureMessages } from './messages';

const SET_RENDERINGS = graphql(`
  mutation SetProjectRenderings($projectId: ID!, $fileIds: [ID!]!) {
    setProjectRenderings(projectId: $projectId, fileIds: $fileIds) {
      id
      renderings {
        id
        name
        url
        thumbnailUrl
      }
    }
  }
`);

/** The API's limits (UPLOAD_MAX_BYTES by default, the pictures it decodes, the list's length). */
export const RENDERING_LIMITS = {
  maxBytes: 10 * 1024 * 1024,
  types: ['image/jpeg', 'image/png', 'image/webp'],
  max: 10,
};

export interface Rendering {
  id: string;
  name: string;
  url: string;
  thumbnailUrl?: string | null;
}

/** Why this file cannot be a rendering, or null. */
export function renderingProblem(
  file: { name: string; type: string; size: number },
  t: (key: 'tooLarge' | 'wrongType', v: Record<string, string | number>) => string,
): string | null {
  const mb = Math.round(RENDERING_LIMITS.maxBytes / 1048576);
  if (!RENDERING_LIMITS.types.includes(file.type)) return t('wrongType', { name: file.name });
  if (file.size > RENDERING_LIMITS.maxBytes) return t('tooLarge', { name: file.name, mb });
  return null;
}

export function EditRenderingsButton({
  projectId,
  renderings,
  onSaved,
}: {
  projectId: string;
  renderings: Rendering[];
  onSaved: () => void;
}) {
  const t = useMessages(pictureMessages);
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-testid="edit-renderings">
        {t('editRenderings')}
      </Button>
      {open && (
        <RenderingsEditor
          projectId={projectId}
          renderings={renderings}
          onClose={(saved) => {
            setOpen(false);
            if (saved) onSaved();
          }}
        />
      )}
    </>
  );
}

function RenderingsEditor({
  projectId,
  renderings,
  onClose,
}: {
  projectId: string;
  renderings: Rendering[];
  onClose: (saved: boolean) => void;
}) {
  const t = useMessages(pictureMessages);
  const { message } = AntApp.useApp();
  const [list, setList] = useState<Rendering[]>(renderings);
  const [uploading, setUploading] = useState<number | null>(null);
  const [refused, setRefused] = useState<string[]>([]);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const [{ fetching, error }, save] = useMutation(SET_RENDERINGS);
  const mb = Math.round(RENDERING_LIMITS.maxBytes / 1048576);

  const submit = async () => {
    const res = await save({ projectId, fileIds: list.map((r) => r.id) });
    if (res.error) return;
    message.success(t('renderingsSaved'));
    onClose(true);
  };

  return (
    <Modal
      open
      width={760}
      title={t('editRenderings')}
      onCancel={() => onClose(false)}
      okText={t('save')}
      cancelText={t('cancel')}
      onOk={() => void submit()}
      okButtonProps={{ disabled: uploading !== null, id: 'renderings-save' }}
      confirmLoading={fetching}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t('renderingsHint', { mb, max: RENDERING_LIMITS.max })}
      </Typography.Paragraph>
      <Card size="small">
        {list.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noRenderings')} />
        ) : (
          <Space wrap>
            {list.map((r) => (
              <Space key={r.id} direction="vertical" size={2} data-testid="rendering-item">
                <Image
                  src={r.thumbnailUrl ?? r.url}
                  preview={{ src: r.url }}
                  width={160}
                  height={104}
                  style={{ objectFit: 'cover' }}
                  alt={r.name}
                />
                <Space size={4}>
                  <Typography.Text ellipsis style={{ maxWidth: 110 }} title={r.name}>
                    {r.name}
                  </Typography.Text>
                  <Button
                    size="small"
                    type="link"
                    danger
                    onClick={() => setList((l) => l.filter((x) => x.id !== r.id))}
                  >
                    {t('remove')}
                  </Button>
                </Space>
              </Space>
            ))}
          </Space>
        )}
      </Card>
      <Upload
        accept={RENDERING_LIMITS.types.join(',')}
        multiple
        showUploadList={false}
        disabled={uploading !== null}
        beforeUpload={(file, batch) => {
          // The whole batch is checked once, at its first file.
          if (file !== batch[0]) return false;
          setUploadError(null);
          const problems: string[] = [];
          const fits = batch.filter((f) => {
            const p = renderingProblem(f, t);
            if (p) problems.push(p);
            return !p;
          });
          const room = RENDERING_LIMITS.max - list.length;
          if (fits.length > room) problems.push(t('tooMany', { max: RENDERING_LIMITS.max }));
          setRefused(problems);
          const sending = fits.slice(0, Math.max(room, 0));
          if (sending.length === 0) return false;
          setUploading(0);
          void (async () => {
            for (const f of sending) {
              try {
                const stored = await uploadFile(f as unknown as File, 'photo', setUploading);
                setList((l) => [
                  ...l,
                  {
                    id: stored.id,
                    name: String(stored.name ?? f.name),
                    url: String(stored.url),
                    thumbnailUrl: (stored.thumbnailUrl as string | null) ?? null,
                  },
                ]);
              } catch (e) {
                setUploadError(
                  e instanceof UploadError && e.status === 0 ? new Error(t('uploadNetwork')) : e,
                );
                break;
              }
            }
            setUploading(null);
          })();
          return false;
        }}
      >
        <Button
          style={{ marginTop: 12 }}
          loading={uploading !== null}
          disabled={list.length >= RENDERING_LIMITS.max}
          data-testid="rendering-upload"
        >
          {uploading !== null ? `${t('uploading')} ${uploading}%` : t('addRendering')}
        </Button>
      </Upload>
      {refused.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          data-testid="rendering-refused"
          title={
            refused.length === 1 ? (
              refused[0]
            ) : (
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {refused.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            )
          }
        />
      )}
      {uploadError !== null && <ErrorNotice error={uploadError} />}
      {error && <ErrorNotice error={error} />}
    </Modal>
  );
}
