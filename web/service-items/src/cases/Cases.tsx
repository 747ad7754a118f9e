import { useState } from 'react';
import { Card, Col, Row, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery } from 'urql';
import { DateInput, FiguresCsvButton, formatDateTime, ImportPanel, QueryState, useMessages } from '@kpd/web-kit';
import { graphql } from '../gql';
import type { ServiceCaseFiguresQuery, ServiceCaseGrouping, ServiceCasesListQuery } from '../gql/graphql';
import { caseMessages } from './messages';
import { RecordCase } from './RecordCase';
import { ratingMessages } from '../ratings/messages';
import { RatingLinkButton } from '../ratings/RatingLink';

const DISTRICTS = graphql(`
  query CaseDistricts {
    districts {
      id
      name
    }
  }
`);
const FIGURES = graphql(`
  query ServiceCaseFigures($filter: ServiceCaseFilter, $groupBy: ServiceCaseGrouping!) {
    serviceCaseFigures(filter: $filter, groupBy: $groupBy) {
      cases
      decided
      minSample
      sampleTooSmall
      medianDays
      p90Days
      medianPercentOfPromised
      p90PercentOfPromised
      visitsPerCase
      onlineShare {
        percent
      }
      onTimeShare {
        numerator
        denominator
        percent
      }
      item {
        id
        name
        promisedLimitDays
        caseKind
      }
      zone {
        id
        name
      }
      district {
        id
        name
      }
    }
  }
`);
const IMPORT = graphql(`
  mutation ImportServiceCases($districtId: ID!, $fileId: ID!, $dryRun: Boolean!) {
    importServiceCases(districtId: $districtId, fileId: $fileId, dryRun: $dryRun) {
      dryRun
      committed
      totalRows
      validRows
      created
      updated
      problems {
        row
        column
        header
        reason
      }
    }
  }
`);
const CASES = graphql(`
  query ServiceCasesList($filter: ServiceCaseFilter) {
    serviceCases(filter: $filter, first: 15) {
      totalCount
      nodes {
        id
        caseNo
        channel
        acceptedAt
        decidedAt
        outcome
        handlingDays
        promisedDays
        onTime
        item {
          name
        }
        rating {
          score
        }
      }
    }
  }
`);

type Row = ServiceCaseFiguresQuery['serviceCaseFigures'][number];
type CaseRow = ServiceCasesListQuery['serviceCases']['nodes'][number];
const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${v.toFixed(1)}%`);

/** Cases (办件): measured timeliness per item, zone or district, the latest cases, and entering a case. */
export function Cases({ canEdit }: { canEdit: boolean }) {
  const t = useMessages(caseMessages);
  const tr = useMessages(ratingMessages);
  const [districtId, setDistrictId] = useState<string | undefined>();
  const [from, setFrom] = useState<string | null>('2019-10-01');
  const [to, setTo] = useState<string | null>('2020-09-30');
  const [groupBy, setGroupBy] = useState<ServiceCaseGrouping>('ITEM');
  const [onlyLate, setOnlyLate] = useState(false);
  const [generation, setGeneration] = useState(0);
  const [districts] = useQuery({ query: DISTRICTS });
  const filter = { areaId: districtId ?? null, from, to };
  const [figures, refetchFigures] = useQuery({ query: FIGURES, variables: { filter, groupBy } });
  const [cases, refetchCases] = useQuery({
    query: CASES,
    variables: { filter: { ...filter, late: onlyLate ? true : null } },
  });
  const minSample = figures.data?.serviceCaseFigures[0]?.minSample ?? 20;
  const [, importCases] = useMutation(IMPORT);
  const importDistrict = districtId ?? (districts.data?.districts.length === 1 ? districts.data.districts[0].id : undefined);

  const cell = (r: Row, v: string) => (r.sampleTooSmall ? <Tag data-testid="too-few">{t('tooFew')}</Tag> : v);
  const nameOf = (r: Row) => r.item?.name ?? r.zone?.name ?? r.district?.name ?? t('NONE');

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        {(districts.data?.districts.length ?? 0) > 1 && (
          <Select
            allowClear
            style={{ minWidth: 160 }}
            placeholder={t('allDistricts')}
            value={districtId}
            onChange={setDistrictId}
            options={districts.data!.districts.map((d) => ({ value: d.id, label: d.name }))}
          />
        )}
        <DateInput value={from} onChange={setFrom} allowClear placeholder={t('from')} />
        <DateInput value={to} onChange={setTo} allowClear placeholder={t('to')} />
        <Select
          style={{ width: 130 }}
          value={groupBy}
          onChange={setGroupBy}
          options={(['ITEM', 'ZONE', 'DISTRICT', 'NONE'] as const).map((v) => ({ value: v, label: t(v) }))}
          data-testid="case-group"
        />
        <FiguresCsvButton query="serviceCaseFigures" args={{ filter: JSON.stringify(filter), groupBy }} />
      </Space>
      <Typography.Paragraph type="secondary">{t('sampleNote', { n: minSample })}</Typography.Paragraph>
      <QueryState
        fetching={figures.fetching}
        error={figures.error}
        data={figures.data}
        isEmpty={(d) => d.serviceCaseFigures.length === 0}
        onRetry={() => refetchFigures({ requestPolicy: 'network-only' })}
      >
        {(d) => (
          <Table<Row>
            size="small"
            rowKey={(r) => `${r.item?.id ?? ''}:${r.zone?.id ?? ''}:${r.district?.id ?? ''}`}
            dataSource={d.serviceCaseFigures}
            pagination={{ pageSize: 20, showSizeChanger: false }}
            title={() => t('total', { n: d.serviceCaseFigures.length })}
            scroll={{ x: 1100 }}
            data-testid="case-figures"
            columns={[
              { title: t('name'), render: (_: unknown, r) => nameOf(r), width: 260 },
              { title: t('cases'), dataIndex: 'cases', align: 'right', width: 80 },
              { title: t('decided'), dataIndex: 'decided', align: 'right', width: 80 },
              {
                title: t('online'),
                render: (_: unknown, r) => cell(r, pct(r.onlineShare?.percent)),
                align: 'right',
                width: 100,
              },
              {
                title: t('onTime'),
                render: (_: unknown, r) => cell(r, pct(r.onTimeShare?.percent)),
                align: 'right',
                width: 100,
              },
              {
                title: `${t('median')} / ${t('p90')}`,
                render: (_: unknown, r) =>
                  cell(r, `${t('days', { n: r.medianDays ?? 0 })} / ${t('days', { n: r.p90Days ?? 0 })}`),
                width: 200,
              },
              {
                title: t('promised'),
                render: (_: unknown, r) =>
                  r.item
                    ? r.item.caseKind === 'IMMEDIATE'
                      ? t('immediate')
                      : t('days', { n: r.item.promisedLimitDays ?? 0 })
                    : '—',
                width: 110,
              },
              {
                title: `${t('median')}${t('ofPromise')} / ${t('p90')}`,
                render: (_: unknown, r) =>
                  cell(r, `${pct(r.medianPercentOfPromised)} / ${pct(r.p90PercentOfPromised)}`),
                width: 160,
              },
              {
                title: t('visits'),
                render: (_: unknown, r) => cell(r, r.visitsPerCase?.toFixed(2) ?? '—'),
                align: 'right',
                width: 110,
              },
            ]}
          />
        )}
      </QueryState>

      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col xs={24} xl={canEdit ? 12 : 24}>
          <Card
            size="small"
            title={t('recent')}
            extra={
              <Space>
                <span>{t('onlyLate')}</span>
                <Switch size="small" checked={onlyLate} onChange={setOnlyLate} data-testid="only-late" />
              </Space>
            }
          >
            <QueryState
              fetching={cases.fetching}
              error={cases.error}
              data={cases.data}
              onRetry={() => refetchCases({ requestPolicy: 'network-only' })}
            >
              {(d) => (
                <Table<CaseRow>
                  key={generation}
                  size="small"
                  rowKey="id"
                  pagination={false}
                  dataSource={d.serviceCases.nodes}
                  data-testid="case-list"
                  columns={[
                    { title: t('caseNo'), dataIndex: 'caseNo' },
                    { title: t('item'), render: (_: unknown, r) => r.item?.name },
                    { title: t('acceptedAt'), render: (_: unknown, r) => formatDateTime(r.acceptedAt) },
                    {
                      title: t('handling'),
                      render: (_: unknown, r) =>
                        r.handlingDays === null || r.handlingDays === undefined ? (
                          <Tag>{t('pending')}</Tag>
                        ) : (
                          <span>
                            {t('days', { n: r.handlingDays })}{' '}
                            {r.onTime === false && <Tag color="red">{t('late')}</Tag>}
                          </span>
                        ),
                    },
                    {
                      title: tr('score'),
                      render: (_: unknown, c) =>
                        c.rating?.score ? (
                          <Tag color={c.rating.score <= 2 ? 'red' : c.rating.score >= 4 ? 'green' : 'default'}>
                            {tr('ratedScore', { n: c.rating.score })}
                          </Tag>
                        ) : canEdit && c.decidedAt ? (
                          <RatingLinkButton caseId={c.id} />
                        ) : (
                          '—'
                        ),
                    },
                  ]}
                />
              )}
            </QueryState>
          </Card>
        </Col>
        {canEdit && (
          <Col xs={24} xl={12}>
            <Card
              size="small"
              title={t('import')}
              extra={<a href="/api/service-items/cases-template.xlsx">{t('template')}</a>}
              style={{ marginBottom: 16 }}
              data-testid="case-import"
            >
              {importDistrict ? (
                <>
                  <Typography.Paragraph type="secondary">{t('importHint')}</Typography.Paragraph>
                  <ImportPanel
                    key={importDistrict}
                    csv
                    run={async (fileId, dryRun) => {
                      const r = await importCases({ districtId: importDistrict, fileId, dryRun });
                      return { data: r.data?.importServiceCases, error: r.error };
                    }}
                    onCommitted={() => {
                      setGeneration((g) => g + 1);
                      refetchFigures({ requestPolicy: 'network-only' });
                      refetchCases({ requestPolicy: 'network-only' });
                    }}
                  />
                </>
              ) : (
                <Typography.Text type="secondary">{t('pickDistrict')}</Typography.Text>
              )}
            </Card>
            <Card size="small" title={t('record')}>
              <RecordCase
                onRecorded={() => {
                  setGeneration((g) => g + 1);
                  refetchFigures({ requestPolicy: 'network-only' });
                  refetchCases({ requestPolicy: 'network-only' });
                }}
              />
            </Card>
          </Col>
        )}
      </Row>
    </>
  );
}
