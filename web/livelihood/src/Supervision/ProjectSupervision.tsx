import { useState } from 'react';
import { Button, Card, Empty, Image, Space, Tag, Typography } from 'antd';
import { useQuery } from 'urql';
import { QueryState, useMessages, type Viewer } from '@kpd/web-kit';
import { supervisionMessages as messages } from '../supervision.messages';
import { SubItems } from '../SubItems';
import { PROJECT, type Group } from './queries';
import { AdviceText, StateTag } from './Advices';
import { GroupForm, InspectionForm } from './forms';

export function ProjectSupervision({ id, viewer }: { id: string; viewer: Viewer }) {
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
