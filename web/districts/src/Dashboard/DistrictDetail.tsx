import { Button, Card, Descriptions, List, Space, Statistic, Tag, Typography } from 'antd';
import { useQuery } from 'urql';
import { formatPeriod, LIGHT_HEX, openInShell, QueryState, useLocale, useMessages } from '@kpd/web-kit';
import { messages, type MessageKey } from '../messages';
import { monthCloseMessages } from '../month-close.messages';
import { DISTRICT, DISTRICT_LIGHTS } from './queries';
import { useMonth } from './useMonth';

export function DistrictDetail({ id, navigate }: { id: string; navigate: (to: string) => void }) {
  const t = useMessages(messages);
  const [{ data, fetching, error }, refetch] = useQuery({ query: DISTRICT, variables: { id } });
  return (
    <>
      <Button onClick={() => navigate('/')} style={{ marginBottom: 16 }}>
        ← {t('back')}
      </Button>
      <QueryState fetching={fetching} error={error} data={data} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
        {(d) => (
          <Card
            title={`${t('detail')} · ${d.district.name}`}
            extra={
              <Button type="link" onClick={() => openInShell(`/projects?district=${d.district.id}`)} data-testid="district-projects">
                {t('openProjects')}
              </Button>
            }
          >
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('code')}>{d.district.code ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('kind')}>{t(`KIND_${d.district.kind}` as MessageKey)}</Descriptions.Item>
              <Descriptions.Item label={t('parent')}>{d.district.parent?.name ?? '—'}</Descriptions.Item>
            </Descriptions>
            <DistrictLights districtId={d.district.id} />
            <Typography.Title level={5}>{t('townships')}</Typography.Title>
            <List
              size="small"
              bordered
              locale={{ emptyText: t('noTownships') }}
              dataSource={d.district.towns}
              renderItem={(c) => <List.Item>{c.name}（{t(`KIND_${c.kind}` as MessageKey)}）</List.Item>}
            />
          </Card>
        )}
      </QueryState>
    </>
  );
}

/** The district's lights of a month: its counts and the yellow and red projects with their reasons. */
function DistrictLights({ districtId }: { districtId: string }) {
  const t = useMessages(messages);
  const tc = useMessages(monthCloseMessages);
  const locale = useLocale();
  const [month] = useMonth(districtId);
  const [{ data, fetching, error }, refetch] = useQuery({ query: DISTRICT_LIGHTS, variables: { areaId: districtId, month: month ?? '' }, pause: !month });
  return (
    <div style={{ margin: '16px 0' }} data-testid="district-lights">
      <Typography.Title level={5}>
        {t('districtLights')} · {formatPeriod(month, locale)}
      </Typography.Title>
      <QueryState fetching={fetching || !month} error={error} data={data} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
        {(d) => {
          const c = d.lightBoard.districts[0] ?? { green: 0, yellow: 0, red: 0, total: 0 };
          return (
            <>
              <Space size="large" style={{ marginBottom: 8 }}>
                {(['GREEN', 'YELLOW', 'RED'] as const).map((k) => (
                  <Statistic key={k} title={t(k)} value={c[k.toLowerCase() as 'green' | 'yellow' | 'red']} styles={{ content: { color: LIGHT_HEX[k] } }} data-testid={`district-lights-${k.toLowerCase()}`} />
                ))}
              </Space>
              {c.total === 0 ? (
                <Typography.Paragraph type="secondary">{t('notLit')}</Typography.Paragraph>
              ) : (
                <List
                  size="small"
                  bordered
                  dataSource={d.lightBoard.projects}
                  locale={{ emptyText: t('boardAllGreen') }}
                  renderItem={(p) => (
                    <List.Item>
                      <Space wrap>
                        <Tag color={LIGHT_HEX[p.color]}>{t(p.color)}</Tag>
                        <a onClick={() => openInShell(`/projects?open=${p.projectId}`)}>{p.name}</a>
                        <Typography.Text type="secondary">{p.reason}</Typography.Text>
                        {p.clearing && (
                          <Typography.Text data-testid="board-clearing">
                            {tc('clearing')}：{p.clearing.explanation}
                          </Typography.Text>
                        )}
                      </Space>
                    </List.Item>
                  )}
                />
              )}
            </>
          );
        }}
      </QueryState>
    </div>
  );
}
