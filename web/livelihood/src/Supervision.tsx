import { useState } from 'react';
import { Alert, Button, Card, Empty, Form, Image, Input, InputNumber, Modal, Select, Space, Switch, Table, Tag, Typography, Upload } from 'antd';
import { useMutation, useQuery } from 'urql';
import { graphql } from './gql';
import type { AdviceFieldsFragment, SupervisionAdvicesQuery, SupervisionAdviceState, SupervisionProjectQuery } from './gql/graphql';
import { DateInput, ErrorNotice, QueryState, uploadFile, useMessages, type Viewer } from '@kpd/web-kit';
import { useBoardChoices } from './Board';
import { supervisionMessages as messages } from './supervision.messages';
import { SubItems } from './SubItems';

const STATE_COLORS: Record<SupervisionAdviceState, string> = { PENDING: 'blue', OVERDUE: 'red', ANSWERED: 'green', ANSWERED_LATE: 'orange' };

type Advice = AdviceFieldsFragment;
type ListedAdvice = SupervisionAdvicesQuery['livelihoodSupervisionAdvices'][number];
type SupervisedProject = NonNullable<SupervisionProjectQuery['livelihoodProject']>;
type Group = SupervisedProject['supervisionGroups'][number];

/** An advice as its text and the answer form show it. */
export const ADVICE_FIELDS = graphql(`
  fragment AdviceFields on LivelihoodSupervisionAdvice { id content department issuedOn dueDate state answer answeredOn answeredBy }
`);
const PROJECTS = graphql(`
  query SupervisionProjects($cityId: ID!, $year: Int!) {
    livelihoodBoard(cityId: $cityId, year: $year) { id name candidate { position } supervision { groups inspections advices overdue } }
  }
`);
const ADVICES = graphql(`
  query SupervisionAdvices($areaId: ID!, $year: Int!, $overdueOnly: Boolean!) {
    livelihoodSupervisionAdvices(areaId: $areaId, year: $year, overdueOnly: $overdueOnly) {
      ...AdviceFields project { id name } inspection { group { name } }
    }
  }
`);
const PROJECT = graphql(`
  query SupervisionProject($id: ID!) {
    livelihoodProject(id: $id) {
      id name leadDepartment
      session { id roster { id name delegation } }
      supervisionGroups {
        id name isMember members { id name delegation leader }
        inspections {
          id inspectedOn place findings
          photos { file { id url thumbnailUrl name } flags }
          advices { ...AdviceFields }
        }
      }
    }
  }
`);
const FORM_GROUP = graphql(`
  mutation FormSupervisionGroup($projectId: ID!, $input: SupervisionGroupInput!) { formLivelihoodSupervisionGroup(projectId: $projectId, input: $input) { id } }
`);
const RECORD = graphql(`
  mutation RecordInspection($groupId: ID!, $input: InspectionInput!) { recordLivelihoodInspection(groupId: $groupId, input: $input) { id } }
`);
const ANSWER = graphql(`
  mutation AnswerAdvice($id: ID!, $input: AdviceAnswerInput!) { answerLivelihoodSupervisionAdvice(id: $id, input: $input) { id state } }
`);

/**
 * 人大监督: the advices (督办建议) of a congress's year with overdue answers flagged, and per project
 * its delegates' supervision groups and inspections. The congress's admins form groups; a group's
 * delegates (and the admins) record inspections with photos and advices; admins and responsible
 * units enter the lead department's answer.
 */
export function Supervision({ viewer }: { viewer: Viewer }) {
  const t = useMessages(messages);
  const { choices, fetching, error } = useBoardChoices();
  const [key, setKey] = useState<string | undefined>();
  const chosen = choices.find((c) => c.key === key) ?? choices[0];
  return (
    <QueryState fetching={fetching} error={error} data={fetching && choices.length === 0 ? undefined : { choices }} isEmpty={(d) => d.choices.length === 0} empty={t('none')}>
      {() => (
        <div data-testid="supervision">
          {choices.length > 1 && (
            <Select style={{ minWidth: 220, marginBottom: 12 }} data-testid="supervision-board" value={chosen.key} onChange={setKey} options={choices.map((c) => ({ value: c.key, label: t('board', { city: c.cityName, year: c.year }) }))} />
          )}
          <AdviceList key={`a${chosen.key}`} areaId={chosen.cityId} year={chosen.year} viewer={viewer} />
          <ProjectPicker key={`p${chosen.key}`} cityId={chosen.cityId} year={chosen.year} viewer={viewer} />
        </div>
      )}
    </QueryState>
  );
}

const answers = (viewer: Viewer) => viewer.role === 'ADMIN' || viewer.role === 'SECRETARY';

function AdviceList({ areaId, year, viewer }: { areaId: string; year: number; viewer: Viewer }) {
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

function StateTag({ state }: { state: SupervisionAdviceState }) {
  const t = useMessages(messages);
  return (
    <Tag color={STATE_COLORS[state]} data-testid="advice-state" data-state={state}>
      {t(state)}
    </Tag>
  );
}

function AdviceText({ advice: a }: { advice: Advice }) {
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

function ProjectPicker({ cityId, year, viewer }: { cityId: string; year: number; viewer: Viewer }) {
  const t = useMessages(messages);
  const [{ data }] = useQuery({ query: PROJECTS, variables: { cityId, year } });
  const [id, setId] = useState<string | undefined>();
  const projects = [...(data?.livelihoodBoard ?? [])].sort((a, b) => a.candidate.position - b.candidate.position);
  const chosen = projects.find((p) => p.id === id) ?? projects[0];
  if (!chosen) return null;
  return (
    <Card size="small" title={t('groups')}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Select
          style={{ width: '100%', maxWidth: 520 }}
          data-testid="supervision-project"
          value={chosen.id}
          onChange={setId}
          options={projects.map((p) => ({ value: p.id, label: `${p.name}${p.supervision.overdue ? `（${t('OVERDUE')} ${p.supervision.overdue}）` : ''}` }))}
        />
        <Typography.Text type="secondary">{t('summary', chosen.supervision)}</Typography.Text>
        <ProjectSupervision key={chosen.id} id={chosen.id} viewer={viewer} />
      </Space>
    </Card>
  );
}

function ProjectSupervision({ id, viewer }: { id: string; viewer: Viewer }) {
  const t = useMessages(messages);
  const [{ data, fetching, error }, refetch] = useQuery({ query: PROJECT, variables: { id }, requestPolicy: 'cache-and-network' });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const [recording, setRecording] = useState<Group | null>(null);
  const admin = viewer.role === 'ADMIN';
  return (
    <QueryState fetching={fetching} error={error} data={data} onRetry={reload}>
      {({ livelihoodProject: p }) => (
        <div data-testid="project-supervision">
          {p.supervisionGroups.length === 0 && <Empty description={t('noGroups')} />}
          {p.supervisionGroups.map((g) => (
            <Card
              key={g.id}
              size="small"
              type="inner"
              style={{ marginBottom: 12 }}
              data-testid="supervision-group"
              title={g.name}
              extra={(admin || g.isMember) && <Button size="small" type="primary" onClick={() => setRecording(g)} data-testid="inspection-record">{t('record')}</Button>}
            >
              <Space wrap style={{ marginBottom: 8 }}>
                {g.members.map((m) => (
                  <Tag key={m.id} color={m.leader ? 'blue' : undefined}>
                    {m.name}（{m.delegation}）{m.leader ? ` · ${t('leader')}` : ''}
                  </Tag>
                ))}
              </Space>
              {g.inspections.length === 0 ? (
                <Typography.Paragraph type="secondary">{t('noInspections')}</Typography.Paragraph>
              ) : (
                <div>
                  {g.inspections.map((i) => (
                    <div key={i.id} data-testid="inspection" style={{ padding: '8px 0', borderTop: '1px solid #f0f0f0' }}>
                      <div style={{ width: '100%' }}>
                        <Typography.Text strong>
                          {i.inspectedOn} · {i.place}
                        </Typography.Text>
                        <div>{t('findings')}：{i.findings}</div>
                        {i.photos.length > 0 && (
                          <Space wrap style={{ margin: '6px 0' }}>
                            {i.photos.map((ph) => (
                              <div key={ph.file.id} style={{ width: 120 }}>
                                <Image width={120} src={ph.file.thumbnailUrl ?? ph.file.url} alt={ph.file.name} />
                                {ph.flags.map((f) => (
                                  <Tag key={f} color="orange" style={{ whiteSpace: 'normal', marginTop: 4 }} data-testid="photo-flag">
                                    {f}
                                  </Tag>
                                ))}
                              </div>
                            ))}
                          </Space>
                        )}
                        {i.advices.map((a) => (
                          <div key={a.id} style={{ borderLeft: '3px solid #eee', paddingLeft: 8, marginTop: 6 }}>
                            <StateTag state={a.state} /> <Typography.Text type="secondary">{t('dueDate')} {a.dueDate}</Typography.Text>
                            <AdviceText advice={a} />
                          </div>
                        ))}
                      </div>
                    </div>
                  ))}
                </div>
              )}
            </Card>
          ))}
          {admin && <GroupForm project={p} onSaved={reload} />}
          <SubItems projectId={p.id} viewer={viewer} />
          {recording && (
            <InspectionForm
              group={recording}
              onClose={(saved) => {
                setRecording(null);
                if (saved) reload();
              }}
            />
          )}
        </div>
      )}
    </QueryState>
  );
}

function GroupForm({ project: p, onSaved }: { project: SupervisedProject; onSaved: () => void }) {
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

function InspectionForm({ group, onClose }: { group: Group; onClose: (saved: boolean) => void }) {
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
