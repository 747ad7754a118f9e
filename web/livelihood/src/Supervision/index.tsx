import { useState } from 'react';
import { Card, Select, Space, Typography } from 'antd';
import { useQuery } from 'urql';
import { QueryState, useMessages, type Viewer } from '@kpd/web-kit';
import { useBoardChoices } from '../Board';
import { supervisionMessages as messages } from '../supervision.messages';
import { PROJECTS } from './queries';
import { AdviceList } from './Advices';
import { ProjectSupervision } from './ProjectSupervision';

/**
 * 人大监督: the advices (督办建议) of a congress's year with overdue answers flagged, and per project
 * its delegates' supervision groups and inspections. The congress's admins form groups; a group's
 * delegates (and the admins) record inspections with photos and advices; admins and responsible
 * units enter the lead department's answer.
 */
export function Supervision({ viewer }: { viewer: Viewer }) {
  const t = useMessages(messages);
  const { choices, fetching, error } = useBoardChoices();
  const [key, setKey] = useState<string | undefined>();
  const chosen = choices.find((c) => c.key === key) ?? choices[0];
  return (
    <QueryState fetching={fetching} error={error} data={fetching && choices.length === 0 ? undefined : { choices }} isEmpty={(d) => d.choices.length === 0} empty={t('none')}>
      {() => (
        <div data-testid="supervision">
          {choices.length > 1 && (
            <Select style={{ minWidth: 220, marginBottom: 12 }} data-testid="supervision-board" value={chosen.key} onChange={setKey} options={choices.map((c) => ({ value: c.key, label: t('board', { city: c.cityName, year: c.year }) }))} />
          )}
          <AdviceList key={`a${chosen.key}`} areaId={chosen.cityId} year={chosen.year} viewer={viewer} />
          <ProjectPicker key={`p${chosen.key}`} cityId={chosen.cityId} year={chosen.year} viewer={viewer} />
        </div>
      )}
    </QueryState>
  );
}

function ProjectPicker({ cityId, year, viewer }: { cityId: string; year: number; viewer: Viewer }) {
  const t = useMessages(messages);
  const [{ data }] = useQuery({ query: PROJECTS, variables: { cityId, year } });
  const [id, setId] = useState<string | undefined>();
  const projects = [...(data?.livelihoodBoard ?? [])].sort((a, b) => a.candidate.position - b.candidate.position);
  const chosen = projects.find((p) => p.id === id) ?? projects[0];
  if (!chosen) return null;
  return (
    <Card size="small" title={t('groups')}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Select
          style={{ width: '100%', maxWidth: 520 }}
          data-testid="supervision-project"
          value={chosen.id}
          onChange={setId}
          options={projects.map((p) => ({ value: p.id, label: `${p.name}${p.supervision.overdue ? `（${t('OVERDUE')} ${p.supervision.overdue}）` : ''}` }))}
        />
        <Typography.Text type="secondary">{t('summary', chosen.supervision)}</Typography.Text>
        <ProjectSupervision key={chosen.id} id={chosen.id} viewer={viewer} />
      </Space>
    </Card>
  );
}
