import { Descriptions, Drawer, Image, List, Space, Tag, Typography } from 'antd';
import { useQuery } from 'urql';
import { formatPeriod, QueryState, useLocale, useMessages, type RemoteProps } from '@kpd/web-kit';
import { messages, type MessageKey } from '../messages';
import { MoveForm } from './MoveForm';
import { NoteForm } from './NoteForm';
import { DETAIL } from './queries';
import { LevelTag, StatusTag } from './tags';

export function ProblemDrawer({ id, viewer, onClose, onChanged }: { id: string | null; viewer: RemoteProps['viewer']; onClose: () => void; onChanged: () => void }) {
  const t = useMessages(messages);
  const locale = useLocale();
  const [{ data, fetching, error }, refetch] = useQuery({ query: DETAIL, variables: { id: id ?? '' }, pause: !id, requestPolicy: 'network-only' });
  const changed = () => {
    refetch({ requestPolicy: 'network-only' });
    onChanged();
  };
  return (
    <Drawer open={id !== null} onClose={onClose} size="large" title={data?.problem.title ?? t('problem')} destroyOnHidden data-testid="problem-detail">
      <QueryState fetching={fetching} error={error} data={data} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
        {({ problem: p }) => (
          <>
            <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
              <Descriptions.Item label={t('project')}>{p.project?.name ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('district')}>{p.district.name}</Descriptions.Item>
              <Descriptions.Item label={t('category')}>{t(p.category as MessageKey)}</Descriptions.Item>
              {p.description ? <Descriptions.Item label={t('description')}>{p.description}</Descriptions.Item> : null}
              <Descriptions.Item label={t('ownerUnit')}>{p.ownerUnit}</Descriptions.Item>
              <Descriptions.Item label={t('raised')}>
                {p.raisedDate} · {p.raisedBy}
              </Descriptions.Item>
              <Descriptions.Item label={t('deadline')}>
                {p.deadline}（{t('workingDays', { n: p.workingDays })}）
              </Descriptions.Item>
              <Descriptions.Item label={t('level')}>
                <span data-testid="detail-level">
                  <LevelTag level={p.level} cityLeader={p.cityLeader} />
                </span>
                {p.escalatedDate && (
                  <Typography.Text type="secondary">
                    {t('escalated')} {p.escalatedDate}
                    {p.escalationReason ? ` · ${t(p.escalationReason as MessageKey)}` : ''}
                  </Typography.Text>
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('status')}>
                <span data-testid="detail-status">
                  <StatusTag status={p.status} overdue={p.overdue} />
                </span>
                {p.escalationRequested && p.level === 'DISTRICT' && <Tag color="magenta">{t('requested')}：{p.escalationRequestReason}</Tag>}
              </Descriptions.Item>
              {p.resolvedDate && <Descriptions.Item label={t('resolvedOn')}>{p.resolvedDate}</Descriptions.Item>}
              {p.closedOutDate && (
                <Descriptions.Item label={t('closedOutOn')}>
                  {p.closedOutDate} · {p.evidence.join('；')}
                  {p.evidenceFiles.length > 0 && (
                    <Image.PreviewGroup>
                      <Space wrap style={{ marginTop: 4, display: 'flex' }}>
                        {p.evidenceFiles.map((f) => (
                          <Image key={f.id} src={f.thumbnailUrl ?? f.url} preview={{ src: f.url }} width={96} height={64} style={{ objectFit: 'cover' }} alt={f.name} data-testid="evidence-file" />
                        ))}
                      </Space>
                    </Image.PreviewGroup>
                  )}
                </Descriptions.Item>
              )}
            </Descriptions>
            {viewer.role === 'ADMIN' && <MoveForm problem={p} viewer={viewer} onMoved={changed} />}
            <Typography.Title level={5} style={{ marginTop: 16 }}>
              {t('notes')}
            </Typography.Title>
            <List
              size="small"
              bordered
              dataSource={[...p.notes].sort((a, b) => b.period.localeCompare(a.period))}
              locale={{ emptyText: t('noNotes') }}
              data-testid="problem-notes"
              renderItem={(n) => (
                <List.Item>
                  <Typography.Text strong>{formatPeriod(n.period, locale)}</Typography.Text>&nbsp;{n.note}
                  <Typography.Text type="secondary"> — {n.author}</Typography.Text>
                </List.Item>
              )}
            />
            {viewer.role === 'ADMIN' && <NoteForm problemId={p.id} onAdded={changed} />}
          </>
        )}
      </QueryState>
    </Drawer>
  );
}
