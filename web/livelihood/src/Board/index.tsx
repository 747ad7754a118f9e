import { useState } from 'react';
import { Col, Progress, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useQuery } from 'urql';
import { formatPeriod, QueryState, useLocale, useMessages, type Viewer } from '@kpd/web-kit';
import { boardMessages as messages, levelMessages, LEVELS, type Level } from '../messages';
import { quantity } from '../shared';
import { supervisionMessages } from '../supervision.messages';
import { BOARD, CHOICES, type BoardProject } from './queries';
import { ProjectDetail } from './ProjectDetail';

export interface BoardChoice {
  key: string;
  cityId: string;
  cityName: string;
  level: Level;
  year: number;
}

/** The (area, year) boards there are: one per congress (city, county or township) and year with adopted projects, newest first. */
export function useBoardChoices(): { choices: BoardChoice[]; fetching: boolean; error: unknown } {
  const [{ data, fetching, error }] = useQuery({ query: CHOICES });
  const seen = new Map<string, BoardChoice>();
  for (const s of data?.voteSessions ?? []) {
    if (s.adopted.length === 0) continue;
    const year = Number(s.meetingDate.slice(0, 4));
    const key = `${s.area.id}:${year}`;
    if (!seen.has(key)) seen.set(key, { key, cityId: s.area.id, cityName: s.area.name, level: s.level, year });
  }
  return { choices: [...seen.values()].sort((a, b) => b.year - a.year || LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level) || a.cityName.localeCompare(b.cityName)), fetching, error };
}

/** The board tab: pick the city and year, then the board. */
export function BoardPage({ admin }: { admin: boolean; viewer: Viewer }) {
  const t = useMessages(messages);
  const l = useMessages(levelMessages);
  const { choices: every, fetching, error } = useBoardChoices();
  const [key, setKey] = useState<string | undefined>();
  const [level, setLevel] = useState<Level | 'ALL'>('ALL');
  const choices = level === 'ALL' ? every : every.filter((c) => c.level === level);
  const chosen = choices.find((c) => c.key === key) ?? choices[0];
  return (
    <QueryState fetching={fetching} error={error} data={fetching && choices.length === 0 ? undefined : { choices }} isEmpty={(d) => d.choices.length === 0} empty={t('none')}>
      {() => (
        <>
          <Space wrap style={{ marginBottom: 12 }}>
            <Select<Level | 'ALL'>
              style={{ minWidth: 150 }}
              data-testid="board-level"
              value={level}
              onChange={(v) => {
                setLevel(v);
                setKey(undefined);
              }}
              options={[{ value: 'ALL', label: l('allLevels') }, ...LEVELS.map((v) => ({ value: v, label: l(v) }))]}
            />
            {choices.length > 1 && (
              <Select style={{ minWidth: 200 }} data-testid="board-choice" value={chosen.key} onChange={setKey} options={choices.map((c) => ({ value: c.key, label: `${t('choice', { city: c.cityName, year: c.year })}（${l(c.level)}）` }))} />
            )}
          </Space>
          {chosen ? <Board cityId={chosen.cityId} cityName={chosen.cityName} year={chosen.year} admin={admin} /> : <Typography.Paragraph type="secondary">{t('none')}</Typography.Paragraph>}
        </>
      )}
    </QueryState>
  );
}

/**
 * 挂图作战, 逐件销号: every adopted project of a city's year with its lead department, target, done so
 * far, milestones and the proposals behind it; closed-out projects are crossed off. Admins report a
 * month's progress and close a project out.
 */
export function Board({ cityId, cityName, year, admin }: { cityId: string; cityName: string; year: number; admin: boolean }) {
  const t = useMessages(messages);
  const s = useMessages(supervisionMessages);
  const locale = useLocale();
  const [{ data, fetching, error }, refetch] = useQuery({ query: BOARD, variables: { cityId, year }, requestPolicy: 'cache-and-network' });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  return (
    <QueryState fetching={fetching} error={error} data={data} isEmpty={(d) => d.livelihoodBoard.length === 0} empty={t('none')} onRetry={reload}>
      {(d) => {
        const projects = d.livelihoodBoard;
        const completed = projects.filter((p) => p.status === 'COMPLETED').length;
        const overdue = projects.reduce((n, p) => n + p.summary.milestonesOverdue, 0);
        return (
          <div data-testid="board">
            <Typography.Title level={4} style={{ marginTop: 0 }}>
              {t('heading', { city: cityName, year })}
            </Typography.Title>
            <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
              <Col xs={8}>
                <Statistic title={t('projects')} value={projects.length} />
              </Col>
              <Col xs={8}>
                <Statistic title={t('completed')} value={completed} suffix={`/ ${projects.length}`} />
              </Col>
              <Col xs={8}>
                <Statistic title={t('overdue')} value={overdue} valueStyle={overdue ? { color: '#cf1322' } : undefined} />
              </Col>
            </Row>
            <Table<BoardProject>
              rowKey="id"
              size="small"
              data-testid="board-table"
              dataSource={[...projects].sort((a, b) => a.candidate.position - b.candidate.position)}
              pagination={false}
              scroll={{ x: 900 }}
              rowClassName={(p) => (p.status === 'COMPLETED' ? 'board-completed' : '')}
              expandable={{
                expandedRowRender: (p) => <ProjectDetail project={p} admin={admin} onChanged={reload} />,
              }}
              columns={[
                {
                  title: t('project'),
                  render: (_: unknown, p) => (
                    <span data-testid="board-project" data-status={p.status}>
                      {p.status === 'COMPLETED' ? <del>{p.name}</del> : p.name}
                      {p.status === 'COMPLETED' && (
                        <Tag color="green" style={{ marginLeft: 8 }}>
                          {t('closedOut', { date: p.completedOn ?? '' })}
                        </Tag>
                      )}
                      {p.supervision.overdue > 0 && (
                        <Tag color="red" style={{ marginLeft: 8 }} data-testid="board-advices-overdue">
                          {s('boardOverdue', { n: p.supervision.overdue })}
                        </Tag>
                      )}
                    </span>
                  ),
                },
                { title: t('lead'), dataIndex: 'leadDepartment', width: 170 },
                { title: t('target'), width: 120, render: (_: unknown, p) => quantity(p.targetQuantity, p.unit) },
                { title: t('done'), width: 120, render: (_: unknown, p) => quantity(p.summary.done, p.unit) },
                {
                  title: t('progress'),
                  width: 160,
                  render: (_: unknown, p) =>
                    p.summary.percent === null ? '—' : <Progress percent={Math.min(100, Math.round(p.summary.percent * 10) / 10)} size="small" status={p.status === 'COMPLETED' ? 'success' : 'active'} />,
                },
                {
                  title: t('milestones'),
                  width: 130,
                  render: (_: unknown, p) => (
                    <>
                      {p.summary.milestonesDone}/{p.summary.milestonesTotal}
                      {p.summary.milestonesOverdue > 0 && (
                        <Tag color="red" style={{ marginLeft: 6 }}>
                          {t('overdueN', { n: p.summary.milestonesOverdue })}
                        </Tag>
                      )}
                    </>
                  ),
                },
                { title: t('latest'), width: 100, render: (_: unknown, p) => (p.progress.length ? formatPeriod(p.progress[p.progress.length - 1].period, locale) : '—') },
              ]}
            />
          </div>
        );
      }}
    </QueryState>
  );
}
