import { Alert, Button, Card, Descriptions, List, Result, Space, Steps, Table, Tag, Typography } from 'antd';
import { useQuery } from 'urql';
import { QueryState, readableError, useMessages } from '@kpd/web-kit';
import { guideMessages } from '../guide.messages';
import { GUIDE, type Item } from './queries';
import { BundleLinks } from '../bundles/PublicBundle';

export function GuidePage({ id, onBack }: { id: string; onBack: () => void }) {
  const t = useMessages(guideMessages);
  const [{ data, fetching, error }, refetch] = useQuery({ query: GUIDE, variables: { itemId: id } });
  if (error && readableError(error).code === 'NOT_FOUND')
    return (
      <Result
        status="404"
        title={t('notFound')}
        extra={<Button onClick={onBack}>{t('back')}</Button>}
        data-testid="guide-not-found"
      />
    );
  return (
    <QueryState
      fetching={fetching}
      error={error}
      data={data}
      onRetry={() => refetch({ requestPolicy: 'network-only' })}
    >
      {(d) => <Guide item={d.publicServiceGuide} onBack={onBack} />}
    </QueryState>
  );
}

function Guide({ item, onBack }: { item: Item; onBack: () => void }) {
  const t = useMessages(guideMessages);
  const g = item.guide;
  const windows = item.windows.length
    ? `${item.windows[0].number}—${item.windows[item.windows.length - 1].number}`
    : null;
  const section = { size: 'small' as const, style: { marginBottom: 12 } };
  return (
    <div data-testid="public-guide">
      <Space className="guide-no-print" style={{ marginBottom: 8 }}>
        <Button onClick={onBack}>{t('back')}</Button>
        <Button onClick={() => window.print()} data-testid="guide-print">
          {t('print')}
        </Button>
      </Space>
      <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="guide-title">
        {item.name}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {item.districtName} · {item.department} · {item.implementationCode}
      </Typography.Paragraph>
      <BundleLinks bundles={item.bundles} />

      <Card {...section}>
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={t('promised')}>
            <span data-testid="guide-promised">
              {item.caseKind === 'IMMEDIATE' ? t('immediate') : t('days', { n: item.promisedLimitDays ?? 0 })}
            </span>
            {item.legalLimitDays !== null && item.legalLimitDays !== undefined && (
              <Typography.Text type="secondary">
                （{t('legal')} {t('days', { n: item.legalLimitDays })}）
              </Typography.Text>
            )}
          </Descriptions.Item>
          {g.pauses.length > 0 && (
            <Descriptions.Item label={t('pauses')}>
              {g.pauses.map((p) => `${p.name}（${t('days', { n: p.maxDays })}）`).join('、')}
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('visits')}>
            {item.visits >= 2 ? '2+' : item.visits} · {t(item.onlineDepth)}
          </Descriptions.Item>
          <Descriptions.Item label={t('place')}>
            <span data-testid="guide-place">{g.place}</span>
          </Descriptions.Item>
          {item.zone && (
            <Descriptions.Item label={t('zone')}>
              {item.zone.name}
              {windows ? ` · ${t('windows')} ${windows}` : ''}
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('hours')}>
            <span data-testid="guide-hours">{g.hours}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('fees')}>
            {g.fees.length === 0 ? t('free') : t('feeTotal', { v: g.feeTotal })}
          </Descriptions.Item>
        </Descriptions>
      </Card>

      <Card {...section} title={t('conditions')}>
        <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>
          {g.conditions}
        </Typography.Paragraph>
      </Card>

      <Card
        {...section}
        title={
          <span>
            {t('materials')}{' '}
            <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
              {t('toSubmit', { n: g.materials.length, m: g.materialsToSubmit })}
            </Typography.Text>
          </span>
        }
      >
        <List
          size="small"
          dataSource={g.materials}
          data-testid="guide-materials"
          renderItem={(m, i) => (
            <List.Item>
              <div>
                <div>
                  {i + 1}. {m.name} {m.shared && <Tag color="green">{t('sharedTag')}</Tag>}
                </div>
                <Typography.Text type="secondary">
                  {t(m.form)} · {m.copies}
                  {t('copies')} · {m.source}
                </Typography.Text>
                {m.templateUrl && (
                  <div className="guide-no-print">
                    <a href={m.templateUrl} target="_blank" rel="noreferrer">
                      {t('download')}
                    </a>
                  </div>
                )}
              </div>
            </List.Item>
          )}
        />
      </Card>

      <Card {...section} title={t('steps')}>
        <Steps
          direction="vertical"
          size="small"
          current={-1}
          items={g.steps.map((s) => ({
            title: s.title,
            description: s.description,
            status: 'wait' as const,
          }))}
        />
      </Card>

      {g.fees.length > 0 && (
        <Card {...section} title={t('fees')}>
          <Table
            size="small"
            pagination={false}
            rowKey="name"
            dataSource={g.fees}
            columns={[
              { title: t('feeName'), dataIndex: 'name' },
              { title: t('amount'), dataIndex: 'amount', align: 'right' },
              { title: t('basis'), dataIndex: 'basis' },
            ]}
          />
        </Card>
      )}

      <Card {...section}>
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('contactPhone')}>
            <a href={`tel:${g.contactPhone}`}>{g.contactPhone}</a>
          </Descriptions.Item>
          <Descriptions.Item label={t('complaintPhone')}>
            <a href={`tel:${g.complaintPhone}`}>{g.complaintPhone}</a>
          </Descriptions.Item>
          {g.complaintChannel && (
            <Descriptions.Item label={t('complaintChannel')}>{g.complaintChannel}</Descriptions.Item>
          )}
        </Descriptions>
      </Card>

      {g.faq.length > 0 && (
        <Card {...section} title={t('faq')}>
          {g.faq.map((q) => (
            <div key={q.question} style={{ marginBottom: 8 }}>
              <Typography.Text strong>问：{q.question}</Typography.Text>
              <Typography.Paragraph style={{ marginBottom: 0 }}>答：{q.answer}</Typography.Paragraph>
            </div>
          ))}
        </Card>
      )}
      {item.legalBasis && <Alert type="info" title={item.legalBasis} style={{ marginBottom: 12 }} />}
    </div>
  );
}
