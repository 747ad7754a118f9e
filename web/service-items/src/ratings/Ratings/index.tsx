import { useState } from 'react';
import { Select, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from 'urql';
import { DateInput, QueryState, useMessages } from '@kpd/web-kit';
import type { ServiceRatingGrouping } from '../../gql/graphql';
import { ratingMessages } from '../messages';
import { RectificationList } from './RectificationList';
import { DISTRICTS, FIGURES, type FigureRow } from './queries';

const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${v.toFixed(1)}%`);

/** 好差评: rating figures per department, window or district, and the rectification of bad ratings step by step. */
export function Ratings({ canEdit }: { canEdit: boolean }) {
  const t = useMessages(ratingMessages);
  const [districtId, setDistrictId] = useState<string | undefined>();
  const [from, setFrom] = useState<string | null>('2019-10-01');
  const [to, setTo] = useState<string | null>(null);
  const [groupBy, setGroupBy] = useState<ServiceRatingGrouping>('DEPARTMENT');
  const [districts] = useQuery({ query: DISTRICTS });
  const filter = { areaId: districtId ?? null, from, to };
  const [figures, refetchFigures] = useQuery({ query: FIGURES, variables: { filter, groupBy } });
  const minSample = figures.data?.serviceRatingFigures[0]?.minSample ?? 20;
  const cell = (r: FigureRow, v: string) => (r.sampleTooSmall ? <Tag data-testid="too-few">{t('tooFew')}</Tag> : v);
  const nameOf = (r: FigureRow) =>
    r.department ??
    r.district?.name ??
    (groupBy === 'WINDOW' ? (r.window ? `${t('window')} ${r.window.number}${r.window.name ? ` ${r.window.name}` : ''}` : t('online')) : t('NONE'));

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
          style={{ width: 120 }}
          value={groupBy}
          onChange={setGroupBy}
          options={(['DEPARTMENT', 'WINDOW', 'DISTRICT', 'NONE'] as const).map((v) => ({ value: v, label: t(v) }))}
          data-testid="rating-group"
        />
      </Space>
      <Typography.Paragraph type="secondary">{t('sampleNote', { n: minSample })}</Typography.Paragraph>
      <QueryState
        fetching={figures.fetching}
        error={figures.error}
        data={figures.data}
        isEmpty={(d) => d.serviceRatingFigures.length === 0}
        onRetry={() => refetchFigures({ requestPolicy: 'network-only' })}
      >
        {(d) => (
          <Table<FigureRow>
            size="small"
            rowKey={(r) => `${r.department ?? ''}:${r.window?.id ?? ''}:${r.district?.id ?? ''}`}
            dataSource={d.serviceRatingFigures}
            pagination={{ pageSize: 10, showSizeChanger: false }}
            scroll={{ x: 1100 }}
            data-testid="rating-figures"
            columns={[
              { title: t('name'), render: (_: unknown, r) => nameOf(r), width: 220 },
              { title: t('rated'), dataIndex: 'rated', align: 'right', width: 80 },
              { title: t('distribution'), render: (_: unknown, r) => r.distribution.join(' / '), width: 170 },
              { title: t('average'), render: (_: unknown, r) => cell(r, r.averageScore?.toFixed(2) ?? '—'), align: 'right', width: 80 },
              { title: t('satisfied'), render: (_: unknown, r) => cell(r, pct(r.satisfiedShare?.percent)), align: 'right', width: 90 },
              { title: t('bad'), dataIndex: 'bad', align: 'right', width: 70 },
              {
                title: t('rectificationRate'),
                render: (_: unknown, r) =>
                  r.rectifications === 0 ? '—' : `${pct(r.rectificationRate.percent)}（${r.rectificationRate.numerator}/${r.rectificationRate.denominator}）`,
                width: 140,
              },
              { title: t('rectifiedOnTime'), render: (_: unknown, r) => pct(r.rectifiedOnTime.percent), align: 'right', width: 100 },
              {
                title: t('medianDays'),
                render: (_: unknown, r) => (r.medianRectificationDays === null || r.medianRectificationDays === undefined ? '—' : t('days', { n: r.medianRectificationDays })),
                width: 130,
              },
              {
                title: t('overdue'),
                render: (_: unknown, r) => (r.overdue > 0 ? <Tag color="red">{r.overdue}</Tag> : 0),
                align: 'right',
                width: 90,
              },
            ]}
          />
        )}
      </QueryState>
      <RectificationList areaId={districtId ?? null} canEdit={canEdit} onChanged={() => refetchFigures({ requestPolicy: 'network-only' })} />
    </>
  );
}

export { RectificationDetail } from './RectificationDetail';
export type { Rectification } from './queries';
