import type { ReactNode } from 'react';
import { Alert, Button, Card, Descriptions, Result, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from 'urql';
import { QueryState, readableError, useMessages } from '@kpd/web-kit';
import { graphql } from '../gql';
import type { PublicServiceBundleQuery } from '../gql/graphql';
import { publicBundleMessages } from './public.messages';

/** Where a bundle's public page lives (web/apps.json lists it): /public/bundles/<id>. */
export const BUNDLE_PAGE = '/public/bundles';
const GUIDE_PAGE = '/public/guides';

const BUNDLE = graphql(`
  query PublicServiceBundle($id: ID!) {
    publicServiceBundle(id: $id) {
      id
      name
      description
      districtName
      place
      items {
        stage
        itemId
        hasGuide
        name
        department
        promisedDays
        visits
      }
      figures {
        items
        departments
        oneByOneDays
        combinedDays
        daysSaved
        oneByOneMaterials
        bundleMaterials
        materialsSaved
        oneByOneVisits
        bundleVisits
        visitsSaved
        materialList
        limitDays
      }
    }
  }
`);

type Bundle = PublicServiceBundleQuery['publicServiceBundle'];

/**
 * A "一件事" bundle for anyone, no sign-in, phone-first (/public/bundles/<id>): what it saves against
 * doing its items one by one, where to go, the combined limit, its items by department and the
 * materials handed in once.
 */
export function PublicBundle({ id }: { id: string }) {
  const t = useMessages(publicBundleMessages);
  const valid = /^\d+$/.test(id);
  const [{ data, fetching, error }, refetch] = useQuery({ query: BUNDLE, variables: { id }, pause: !valid });
  const back = (
    <Button href={GUIDE_PAGE} className="guide-no-print">
      {t('back')}
    </Button>
  );
  if (!valid || (error && readableError(error).code === 'NOT_FOUND'))
    return <Result status="404" title={t('notFound')} extra={back} data-testid="bundle-not-found" />;
  return (
    <div style={{ maxWidth: 820, margin: '0 auto' }} data-testid="public-bundle">
      <QueryState
        fetching={fetching}
        error={error}
        data={data}
        onRetry={() => refetch({ requestPolicy: 'network-only' })}
      >
        {(d) => <BundleView bundle={d.publicServiceBundle} back={back} />}
      </QueryState>
    </div>
  );
}

function BundleView({ bundle: b, back }: { bundle: Bundle; back: ReactNode }) {
  const t = useMessages(publicBundleMessages);
  const f = b.figures;
  const section = { size: 'small' as const, style: { marginBottom: 12 } };
  const saved = (n: number) =>
    n > 0 ? <Tag color="green">{t('savedBy', { n })}</Tag> : <Tag>{t('noSaving')}</Tag>;
  const rows = [
    {
      key: 'materials',
      label: t('materials'),
      one: String(f.oneByOneMaterials),
      bundle: String(f.bundleMaterials),
      saved: f.materialsSaved,
    },
    {
      key: 'visits',
      label: t('visits'),
      one: String(f.oneByOneVisits),
      bundle: String(f.bundleVisits),
      saved: f.visitsSaved,
    },
    {
      key: 'days',
      label: t('days'),
      one: t('workingDays', { n: f.oneByOneDays }),
      bundle: t('workingDays', { n: f.combinedDays }),
      saved: f.daysSaved,
    },
  ];
  const departments = [...new Set(b.items.map((i) => i.department))];
  const anonymous = f.bundleMaterials - f.materialList.length;
  return (
    <>
      <Space style={{ marginBottom: 8 }}>{back}</Space>
      <Typography.Text type="secondary">{t('kicker')}</Typography.Text>
      <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="bundle-title">
        {b.name}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {b.districtName}
        {b.description ? ` · ${b.description}` : ''}
      </Typography.Paragraph>

      <Card {...section} title={t('saved')}>
        <Space wrap size={[8, 8]} style={{ marginBottom: 8 }}>
          <span data-testid="bundle-saved-materials">
            {t('materials')} {saved(f.materialsSaved)}
          </span>
          <span data-testid="bundle-saved-visits">
            {t('visits')} {saved(f.visitsSaved)}
          </span>
          <span data-testid="bundle-saved-days">
            {t('days')} {saved(f.daysSaved)}
          </span>
        </Space>
        <Table
          size="small"
          pagination={false}
          rowKey="key"
          dataSource={rows}
          data-testid="bundle-figures"
          columns={[
            { title: '', dataIndex: 'label' },
            { title: t('oneByOne'), dataIndex: 'one', align: 'right' },
            { title: t('bundle'), dataIndex: 'bundle', align: 'right' },
          ]}
        />
      </Card>

      <Card {...section}>
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={t('where')}>
            <span data-testid="bundle-place">
              {b.place ?? t('whereFallback', { district: b.districtName })}
            </span>
            <div>
              <Typography.Text type="secondary">{t('oneWindow')}</Typography.Text>
            </div>
          </Descriptions.Item>
          <Descriptions.Item label={t('combined')}>
            <span data-testid="bundle-combined">{t('workingDays', { n: f.combinedDays })}</span>
            {f.limitDays !== null && f.limitDays !== undefined && t('withinLimit', { n: f.limitDays })}
            <div>
              <Typography.Text type="secondary">{t('combinedHint')}</Typography.Text>
            </div>
          </Descriptions.Item>
        </Descriptions>
      </Card>

      <Card {...section} title={t('byDepartment')}>
        {departments.map((dep) => (
          <div key={dep} style={{ marginBottom: 8 }} data-testid="bundle-department">
            <Typography.Text strong>{dep}</Typography.Text>
            {b.items
              .filter((i) => i.department === dep)
              .map((i) => (
                <div
                  key={`${i.itemId ?? ''}:${i.name}`}
                  style={{ padding: '6px 0 6px 12px', borderBottom: '1px solid rgba(5,5,5,0.06)' }}
                  data-testid="bundle-item"
                >
                  <div>
                    {i.itemId && i.hasGuide ? <a href={`${GUIDE_PAGE}/${i.itemId}`}>{i.name}</a> : i.name}{' '}
                    <Tag>{t('stage', { n: i.stage })}</Tag>
                    {!i.itemId && <Tag color="blue">{t('outside')}</Tag>}
                  </div>
                  <Typography.Text type="secondary">
                    {i.promisedDays === null || i.promisedDays === undefined
                      ? t('noLimit')
                      : i.promisedDays === 0
                        ? t('immediate')
                        : t('workingDays', { n: i.promisedDays })}
                    {' · '}
                    {t('visitsAlone', { n: i.visits >= 2 ? '2+' : i.visits })}
                  </Typography.Text>
                </div>
              ))}
          </div>
        ))}
      </Card>

      <Card {...section} title={t('materialList')}>
        <div data-testid="bundle-materials">
          {f.materialList.map((m, k) => (
            <div key={m} style={{ padding: '4px 0' }}>
              {k + 1}. {m}
            </div>
          ))}
        </div>
        {anonymous > 0 && <Alert type="info" title={t('moreMaterials', { n: anonymous })} />}
      </Card>
    </>
  );
}

/** On an item's public guide: the bundles it belongs to, each a link to its public page. */
export function BundleLinks({ bundles }: { bundles?: ReadonlyArray<{ id: string; name: string }> | null }) {
  const t = useMessages(publicBundleMessages);
  if (!bundles?.length) return null;
  return (
    <Alert
      type="success"
      style={{ marginBottom: 12 }}
      title={t('partOf')}
      description={
        <Space wrap>
          {bundles.map((b) => (
            <a key={b.id} href={`${BUNDLE_PAGE}/${b.id}`} data-testid="guide-bundle-link">
              {b.name}
            </a>
          ))}
        </Space>
      }
    />
  );
}
