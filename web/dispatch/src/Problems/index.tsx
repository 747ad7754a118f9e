import { useMemo, useState } from 'react';
import { Select, Space } from 'antd';
import { useMessages, type RemoteProps } from '@kpd/web-kit';
import { messages } from '../messages';
import { isCityAdmin, useScope } from '../scope';
import { EscalateAll } from './EscalateAll';
import { ProblemFiguresCard } from './FiguresCard';
import { ProblemDrawer } from './ProblemDrawer';
import { ProblemPage } from './ProblemPage';

const CATEGORIES = ['LAND', 'PLANNING', 'PERMITS', 'POWER', 'DEMOLITION', 'UTILITIES', 'FINANCING', 'OTHER'] as const;
const STATUSES = ['OPEN', 'IN_PROGRESS', 'RESOLVED', 'CLOSED_OUT'] as const;

/** The problem list (问题清单): filters, figures, the list, a problem's detail and its moves. */
export function Problems({ viewer }: RemoteProps) {
  const t = useMessages(messages);
  const scope = useScope(viewer);
  const [districtId, setDistrictId] = useState<string | undefined>();
  const [category, setCategory] = useState<string | undefined>();
  const [level, setLevel] = useState<string | undefined>();
  const [status, setStatus] = useState<string | undefined>();
  const [overdue, setOverdue] = useState<'any' | 'yes' | 'no' | 'due'>('any');
  const [pages, setPages] = useState<Array<string | null>>([null]);
  const [open, setOpen] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const refresh = () => {
    setGeneration((g) => g + 1);
    setPages([null]);
  };

  const filter = useMemo(
    () => ({
      areaId: districtId ?? null,
      categories: category ? [category] : null,
      levels: level ? [level] : null,
      statuses: status ? [status] : null,
      overdue: overdue === 'yes' ? true : overdue === 'no' ? false : null,
      escalationDue: overdue === 'due' ? true : null,
    }),
    [districtId, category, level, status, overdue],
  );
  const reset = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setPages([null]);
  };

  return (
    <>
      <ProblemFiguresCard key={generation} areaId={districtId ?? null} />
      <Space wrap style={{ marginBottom: 12, justifyContent: 'space-between', width: '100%' }}>
        <Space wrap>
          {scope.districts.length > 1 && (
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              style={{ minWidth: 150 }}
              placeholder={t('allDistricts')}
              value={districtId}
              onChange={reset(setDistrictId)}
              options={scope.districts.map((d) => ({ value: d.id, label: d.name }))}
              data-testid="problem-district"
            />
          )}
          <Select allowClear style={{ minWidth: 120 }} placeholder={t('anyCategory')} value={category} onChange={reset(setCategory)} options={CATEGORIES.map((c) => ({ value: c, label: t(c) }))} />
          <Select
            allowClear
            style={{ minWidth: 140 }}
            placeholder={t('anyLevel')}
            value={level}
            onChange={reset(setLevel)}
            options={[
              { value: 'DISTRICT', label: t('LEVEL_DISTRICT') },
              { value: 'CITY', label: t('LEVEL_CITY') },
            ]}
            data-testid="problem-level"
          />
          <Select allowClear style={{ minWidth: 110 }} placeholder={t('anyStatus')} value={status} onChange={reset(setStatus)} options={STATUSES.map((s) => ({ value: s, label: t(s) }))} data-testid="problem-status-filter" />
          <Select
            style={{ minWidth: 130 }}
            value={overdue}
            onChange={reset(setOverdue)}
            data-testid="problem-overdue-filter"
            options={[
              { value: 'any', label: `${t('overdue')}: ${t('any')}` },
              { value: 'yes', label: t('overdueOnly') },
              { value: 'no', label: t('notOverdue') },
              { value: 'due', label: t('escalationDue') },
            ]}
          />
        </Space>
        {isCityAdmin(viewer) && <EscalateAll areaId={districtId ?? null} onDone={refresh} />}
      </Space>
      {pages.map((after, i) => (
        <ProblemPage
          key={`${generation}:${JSON.stringify(filter)}:${after}`}
          filter={filter}
          after={after}
          first={i === 0}
          last={i === pages.length - 1}
          onMore={(c) => setPages((p) => [...p, c])}
          onOpen={setOpen}
        />
      ))}
      <ProblemDrawer id={open} viewer={viewer} onClose={() => setOpen(null)} onChanged={refresh} />
    </>
  );
}

export { LevelTag, StatusTag } from './tags';
export { ProblemTable } from './ProblemTable';
export type { ProblemRow } from './queries';
