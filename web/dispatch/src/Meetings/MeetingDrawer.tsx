import { Button, Descriptions, Drawer, Space, Typography } from 'antd';
import { useQuery } from 'urql';
import { formatDateTime, formatPeriod, QueryState, useLocale, useMessages } from '@kpd/web-kit';
import { messages } from '../messages';
import { ProblemTable } from '../Problems';
import { DecisionForm } from './DecisionForm';
import { ListTable } from './ListTable';
import { RecordForm } from './RecordForm';
import { MEETING, type MeetingDetail } from './queries';

export function MeetingDrawer({ id, writer, onClose }: { id: string | null; writer: boolean; onClose: () => void }) {
  const t = useMessages(messages);
  const locale = useLocale();
  const [{ data, fetching, error }, refetch] = useQuery<{ dispatchMeeting: MeetingDetail }>({ query: MEETING, variables: { id }, pause: !id, requestPolicy: 'network-only' });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  return (
    <Drawer open={id !== null} onClose={onClose} size="large" title={data?.dispatchMeeting.title ?? t('meeting')} destroyOnHidden data-testid="meeting-detail">
      <QueryState fetching={fetching} error={error} data={data} onRetry={reload}>
        {({ dispatchMeeting: m }) => (
          <>
            <Space wrap style={{ marginBottom: 12 }}>
              <Button type="primary" href={m.packUrl} target="_blank" rel="noopener" data-testid="meeting-pack">
                {t('pack')}
              </Button>
              <Button href={m.packXlsxUrl} data-testid="meeting-pack-xlsx">
                {t('packXlsx')}
              </Button>
            </Space>
            <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
              <Descriptions.Item label={t('meetingArea')}>{m.area.name}</Descriptions.Item>
              <Descriptions.Item label={t('month')}>{formatPeriod(m.period, locale)}</Descriptions.Item>
              <Descriptions.Item label={t('kind')}>{t(m.kind)}</Descriptions.Item>
              {m.host && <Descriptions.Item label={t('host')}>{m.host.name}</Descriptions.Item>}
              <Descriptions.Item label={t('createdBy')}>
                {m.createdBy} · {formatDateTime(m.createdAt)}
              </Descriptions.Item>
            </Descriptions>
            <Typography.Title level={5}>
              {t('listed')}（{m.list.length}）
            </Typography.Title>
            <ListTable rows={m.list} />
            {writer && <RecordForm meeting={m} onSaved={reload} />}
            <Typography.Title level={5} style={{ marginTop: 16 }}>
              {t('decisions')}（{m.decisions.length}）
            </Typography.Title>
            <ProblemTable rows={m.decisions} />
            {writer && <DecisionForm meeting={m} onAdded={reload} />}
          </>
        )}
      </QueryState>
    </Drawer>
  );
}
