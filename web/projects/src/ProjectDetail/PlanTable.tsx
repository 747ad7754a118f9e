import { useState } from 'react';
import { Button, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useMutation, useQuery } from 'urql';
import { ErrorNotice, formatDateTime, formatMoney, formatMoneyCell, formatPeriod, isFutureMonth, moneyTitle, sumMoney, useLocale, useMessages, yearOf } from '@kpd/web-kit';
import { messages, type MessageKey } from '../messages';
import { PLAN_VERSIONS, APPROVE_BASELINE, type Detail, type Report, type Light } from './queries';
import { Lamp } from './Lamp';

interface MonthRow {
  period: string;
  planned: string | null;
  milestone: string;
  report: Report | null;
  light: Light | null;
}

export function PlanTable({ project: p }: { project: Detail }) {
  const t = useMessages(messages);
  const locale = useLocale();
  const months = new Map<string, MonthRow>();
  for (const m of p.planMonths) months.set(m.period, { period: m.period, planned: m.plannedInvestment, milestone: m.plannedMilestone, report: null, light: null });
  for (const r of p.reports) months.set(r.period, { ...(months.get(r.period) ?? { period: r.period, planned: r.plannedInvestment, milestone: '', light: null }), report: r });
  for (const l of p.lights) months.set(l.period, { ...(months.get(l.period) ?? { period: l.period, planned: null, milestone: '', report: null }), light: l });
  const rows = [...months.values()].sort((a, b) => a.period.localeCompare(b.period));
  const years = [...new Set(rows.map((r) => String(yearOf(r.period))))];
  const [year, setYear] = useState(() => years[years.length - 1] ?? '');
  const shown = rows.filter((r) => r.period.startsWith(year));
  const plannedSum = sumMoney(shown.map((r) => r.planned));
  const actualSum = sumMoney(shown.map((r) => r.report?.actualInvestment ?? null));
  const yearPlan = p.planYears.find((y) => String(y.year) === year);
  return (
    <>
      <Space style={{ margin: '16px 0 8px', justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('byMonth')}
        </Typography.Title>
        <Space wrap>
          {years.map((y) => (
            <Tag.CheckableTag key={y} checked={y === year} onChange={() => setYear(y)}>
              {y}
            </Tag.CheckableTag>
          ))}
        </Space>
      </Space>
      {p.planYears.length > 0 && (
        <Typography.Paragraph type="secondary" data-testid="plan-years">
          {t('planYears')}：{p.planYears.map((y) => `${y.year} ${formatMoney(y.plannedInvestment)}`).join('；')}
        </Typography.Paragraph>
      )}
      <Table<MonthRow>
        rowKey="period"
        size="small"
        data-testid="month-table"
        dataSource={shown}
        pagination={false}
        scroll={{ x: 640 }}
        columns={[
          { title: t('month'), dataIndex: 'period', render: (v: string) => formatPeriod(v, locale), width: 100 },
          { title: moneyTitle(t('planned'), 'wan', locale), dataIndex: 'planned', render: (v: string | null) => formatMoneyCell(v, 'wan'), align: 'right' },
          { title: moneyTitle(t('actual'), 'wan', locale), render: (_: unknown, r) => formatMoneyCell(r.report?.actualInvestment, 'wan', { future: isFutureMonth(r.period) }), align: 'right' },
          { title: t('light'), render: (_: unknown, r) => <Lamp light={r.light ?? r.report?.light} />, width: 80 },
          { title: t('reason'), render: (_: unknown, r) => (r.light ?? r.report?.light)?.reason ?? '', ellipsis: true },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <strong>{t('totalRow')}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              <strong data-testid="plan-total">{formatMoneyCell(plannedSum, 'wan')}</strong>
              {yearPlan && yearPlan.plannedInvestment !== plannedSum ? (
                <div>
                  <Typography.Text type="secondary">
                    {t('yearPlan')} {formatMoneyCell(yearPlan.plannedInvestment, 'wan')}
                  </Typography.Text>
                </div>
              ) : null}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              <strong data-testid="actual-total">{formatMoneyCell(actualSum, 'wan')}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} colSpan={2} />
          </Table.Summary.Row>
        )}
      />
    </>
  );
}

/** The plan's versions for a year side by side with the actuals (计划基线对比), and approving the baseline. */
export function PlanVersions({ projectId, year, canApprove }: { projectId: string; year: number; canApprove: boolean }) {
  const t = useMessages(messages);
  const locale = useLocale();
  const [{ data, error }, refetch] = useQuery({ query: PLAN_VERSIONS, variables: { id: projectId, year } });
  const [approving, approve] = useMutation(APPROVE_BASELINE);
  const versions = data?.project.planVersions ?? [];
  const actual = new Map((data?.project.reports ?? []).map((r) => [r.period, r.actualInvestment]));
  const periods = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  const rows = periods.map((period) => ({ period, byVersion: versions.map((v) => v.months.find((m) => m.period === period)?.plannedInvestment ?? null), actual: actual.get(period) ?? null }));
  return (
    <div style={{ marginTop: 16 }} data-testid="plan-versions">
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('planVersions', { year })}
        </Typography.Title>
        {canApprove && data && versions.length === 0 && (
          <Button
            loading={approving.fetching}
            data-testid="approve-baseline"
            onClick={async () => {
              const r = await approve({ projectId, year });
              if (r.data) refetch({ requestPolicy: 'network-only' });
            }}
          >
            {t('approveBaseline')}
          </Button>
        )}
      </Space>
      {error && <ErrorNotice error={error} />}
      {approving.error && <ErrorNotice error={approving.error} />}
      {versions.length === 0 ? (
        <Typography.Paragraph type="secondary">{t('noBaseline')}</Typography.Paragraph>
      ) : (
        <Table
          rowKey="period"
          size="small"
          pagination={false}
          scroll={{ x: 640 }}
          dataSource={rows}
          data-testid="plan-versions-table"
          columns={[
            { title: t('month'), dataIndex: 'period', render: (v: string) => formatPeriod(v, locale) },
            ...versions.map((v, i) => ({
              key: v.id,
              title: (
                <Tooltip title={[v.reason, `${v.requestedBy} ${formatDateTime(v.requestedAt)}`, v.decidedBy ? `${t('approvedBy')} ${v.decidedBy}` : ''].filter(Boolean).join(' · ')}>
                  <span data-testid="plan-version-head">
                    {moneyTitle(`v${v.version}`, 'wan', locale)} {v.status === 'APPROVED' ? '' : <Tag color={v.status === 'PENDING' ? 'orange' : 'default'}>{t(`VERSION_${v.status}` as MessageKey)}</Tag>}
                  </span>
                </Tooltip>
              ),
              align: 'right' as const,
              render: (_: unknown, r: (typeof rows)[number]) => formatMoneyCell(r.byVersion[i], 'wan'),
            })),
            { title: moneyTitle(t('actual'), 'wan', locale), align: 'right' as const, render: (_: unknown, r: (typeof rows)[number]) => formatMoneyCell(r.actual, 'wan', { future: isFutureMonth(r.period) }) },
          ]}
        />
      )}
    </div>
  );
}
