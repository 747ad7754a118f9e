import { useState } from 'react';
import { Button, Empty, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { useMutation, useQuery } from 'urql';
import { DateInput, ErrorNotice, QueryState, uploadFile, useFormErrors, useMessages, type Viewer } from '@kpd/web-kit';
import { graphql } from '../gql';
import type { ProjectDocumentsQuery, ProjectDocumentType } from '../gql/graphql';
import { contractMessages, DOCUMENT_TYPES } from './messages';

const DOCUMENTS = graphql(`
  query ProjectDocuments($id: ID!) { project(id: $id) { id documents { id documentType title number issuer issuedOn version files { id name mime url } } } }
`);
const SAVE = graphql(`
  mutation SaveProjectDocument($projectId: ID!, $input: ProjectDocumentInput!) { saveProjectDocument(projectId: $projectId, input: $input) { id version } }
`);
const REMOVE = graphql(`
  mutation RemoveProjectDocument($id: ID!) { removeProjectDocument(id: $id) }
`);

type Doc = ProjectDocumentsQuery['project']['documents'][number];
type DocFile = Pick<Doc['files'][number], 'id' | 'name' | 'url'>;
const MAX_FILES = 10;

/** A document's files as links (each opens or downloads as its type asks). */
function FileLinks({ files }: { files: DocFile[] }) {
  return (
    <Space orientation="vertical" size={0} data-testid="document-files">
      {files.map((f) => (
        <a key={f.id} href={f.url} target="_blank" rel="noreferrer">
          {f.name}
        </a>
      ))}
    </Space>
  );
}
interface Values { documentType: ProjectDocumentType; title: string; number?: string | null; issuer?: string | null; issuedOn?: string | null }

/** A project's documents by type (OC4IDS documentType): approvals, reports, contracts, acceptance, evidence. */
export function DocumentsTab({ projectId, viewer }: { projectId: string; viewer: Viewer }) {
  const t = useMessages(contractMessages);
  const [{ data, fetching, error }, refetch] = useQuery({ query: DOCUMENTS, variables: { id: projectId } });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const [editing, setEditing] = useState<Doc | 'new' | null>(null);
  const [removing, remove] = useMutation(REMOVE);
  const admin = viewer.role === 'ADMIN';
  return (
    <div data-testid="documents">
      {admin && (
        <Button type="primary" style={{ marginBottom: 8 }} onClick={() => setEditing('new')} data-testid="document-add">
          {t('addDocument')}
        </Button>
      )}
      {removing.error && <ErrorNotice error={removing.error} />}
      <QueryState fetching={fetching} error={error} data={data} isEmpty={(d) => d.project.documents.length === 0} empty={<Empty description={t('noDocuments')} />} onRetry={reload}>
        {(d) => (
          <Table<Doc>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={d.project.documents}
            data-testid="document-table"
            columns={[
              { title: t('documentType'), dataIndex: 'documentType', width: 150, render: (v: ProjectDocumentType) => <Tag>{t(v)}</Tag> },
              { title: t('title'), dataIndex: 'title' },
              { title: t('number'), dataIndex: 'number', width: 170 },
              { title: t('issuer'), dataIndex: 'issuer', width: 160 },
              { title: t('issuedOn'), dataIndex: 'issuedOn', width: 110, render: (v: string | null) => v ?? '' },
              { title: t('files'), key: 'files', width: 180, render: (_: unknown, doc: Doc) => <FileLinks files={doc.files} /> },
              ...(admin
                ? [{
                    title: '',
                    width: 130,
                    render: (_: unknown, doc: Doc) => (
                      <Space>
                        <Button size="small" onClick={() => setEditing(doc)}>{t('edit')}</Button>
                        <Popconfirm title={t('removeConfirm')} onConfirm={() => void remove({ id: doc.id }).then((r) => !r.error && reload())}>
                          <Button size="small" danger>{t('remove')}</Button>
                        </Popconfirm>
                      </Space>
                    ),
                  }]
                : []),
            ]}
          />
        )}
      </QueryState>
      {editing && (
        <DocumentForm
          projectId={projectId}
          doc={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
        />
      )}
    </div>
  );
}

function DocumentForm({ projectId, doc, onClose, onSaved }: { projectId: string; doc: Doc | null; onClose: () => void; onSaved: () => void }) {
  const t = useMessages(contractMessages);
  const [form] = Form.useForm<Values>();
  const errors = useFormErrors(form);
  const [{ fetching }, save] = useMutation(SAVE);
  const [files, setFiles] = useState<DocFile[]>(doc?.files ?? []);
  const [uploading, setUploading] = useState<number | null>(null);
  const [uploadError, setUploadError] = useState<Error | null>(null);
  const submit = async (v: Values) => {
    const input = { id: doc?.id ?? null, version: doc?.version ?? null, documentType: v.documentType, title: v.title, number: v.number || null, issuer: v.issuer || null, issuedOn: v.issuedOn || null, fileIds: files.map((f) => f.id) };
    const r = await save({ projectId, input });
    if (errors.show(r.error)) return;
    onSaved();
  };
  return (
    <Modal open title={doc ? t('edit') : t('addDocument')} onCancel={onClose} footer={null} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={doc ?? { documentType: 'FEASIBILITY_STUDY' }} onFinish={(v) => void submit(v)}>
        <Form.Item name="documentType" label={t('documentType')} rules={[{ required: true, message: t('required') }]}>
          <Select options={DOCUMENT_TYPES.map((k) => ({ value: k, label: t(k) }))} data-testid="document-type" />
        </Form.Item>
        <Form.Item name="title" label={t('title')} rules={[{ required: true, whitespace: true, message: t('required') }]}>
          <Input maxLength={200} data-testid="document-title" />
        </Form.Item>
        <Form.Item name="number" label={t('number')}>
          <Input maxLength={64} data-testid="document-number" />
        </Form.Item>
        <Form.Item name="issuer" label={t('issuer')}>
          <Input maxLength={128} data-testid="document-issuer" />
        </Form.Item>
        <Form.Item name="issuedOn" label={t('issuedOn')}>
          <DateInput allowClear testId="document-issued-on" />
        </Form.Item>
        <Form.Item label={t('files')} extra={t('fileHint')}>
          <Space orientation="vertical" style={{ width: '100%' }} data-testid="document-file-list">
            {files.map((f) => (
              <Space key={f.id}>
                <a href={f.url} target="_blank" rel="noreferrer">
                  {f.name}
                </a>
                <Button size="small" type="link" danger onClick={() => setFiles((l) => l.filter((x) => x.id !== f.id))}>
                  {t('removeFile')}
                </Button>
              </Space>
            ))}
            <Upload
              accept="application/pdf,image/jpeg,image/png,image/webp"
              showUploadList={false}
              disabled={uploading !== null || files.length >= MAX_FILES}
              beforeUpload={(file) => {
                setUploadError(null);
                setUploading(0);
                uploadFile(file as unknown as File, 'document', setUploading)
                  .then((stored) => setFiles((l) => [...l, { id: stored.id, name: String(stored.name ?? file.name), url: String(stored.url) }]))
                  .catch((e: unknown) => setUploadError(e instanceof Error ? e : new Error(String(e))))
                  .finally(() => setUploading(null));
                return false;
              }}
            >
              <Button loading={uploading !== null} disabled={files.length >= MAX_FILES} data-testid="document-upload">
                {uploading !== null ? `${t('uploading')} ${uploading}%` : t('attachFile')}
              </Button>
            </Upload>
            {uploadError && <Typography.Text type="danger" data-testid="document-upload-error">{uploadError.message}</Typography.Text>}
          </Space>
        </Form.Item>
        {errors.notice}
        <Space>
          <Button type="primary" htmlType="submit" loading={fetching} data-testid="document-save">{t('save')}</Button>
          <Button onClick={onClose}>{t('cancel')}</Button>
        </Space>
      </Form>
    </Modal>
  );
}
