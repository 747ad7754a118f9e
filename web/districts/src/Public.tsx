import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Button, Result, Select, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from 'urql';
import { ErrorNotice, formatDateTime, formatPeriod, LIGHT_HEX, Loading, LocaleProvider, readableError, useLocale, useMessages, type PublicProps } from '@kpd/web-kit';
import { graphql } from './gql';
import type { PublicLightBoardQuery } from './gql/graphql';
import { messages } from './messages';

const PUBLISHED = graphql(`
  query PublishedLightBoards { publishedLightBoards { area { id name } period publishedAt } }
`);
const BOARD = graphql(`
  query PublicLightBoard($areaId: ID, $period: Period!) {
    lightBoard(areaId: $areaId, period: $period) {
      area { id name } period published
      districts { district { id name } green yellow red total }
      projects { projectId code name districtName color reason }
      publication {
        id version sha256 publishedAt correctionId
        districts { district { id name } green yellow red total }
        projects { projectId code name districtName color reason }
      }
    }
  }
`);

type Board = PublicLightBoardQuery['lightBoard'];
type BoardEntry = Board['projects'][number];

const DEFAULT_REFRESH = 60;
const DEFAULT_PAGE = 10;

export interface BoardParams {
  area: string | null;
  period: string | null;
  /** Seconds between refreshes. */
  refresh: number;
  /** Seconds each screen of rows stays up; 0: no paging (every row at once, scrolled). */
  page: number;
  /** Rows on a screen; null: as many as the window's height holds. */
  rows: number | null;
}

/** What the address asks for: /public/lights?area=<id>&period=2020-09&refresh=60&page=10&rows=8. */
export function readBoardParams(search: string): BoardParams {
  const q = new URLSearchParams(search);
  const area = q.get('area');
  const period = q.get('period');
  const refresh = Number(q.get('refresh'));
  const page = q.get('page') === null ? NaN : Number(q.get('page'));
  const rows = Number(q.get('rows'));
  return {
    area: area && /^\d+$/.test(area) ? area : null,
    period: period && /^\d{4}-(0[1-9]|1[0-2])$/.test(period) ? period : null,
    refresh: Number.isFinite(refresh) && refresh >= 5 ? Math.min(Math.floor(refresh), 3600) : DEFAULT_REFRESH,
    page: page === 0 ? 0 : Number.isFinite(page) && page >= 3 ? Math.min(Math.floor(page), 600) : DEFAULT_PAGE,
    rows: Number.isInteger(rows) && rows >= 2 ? Math.min(rows, 100) : null,
  };
}

/** How many table rows a screen of this height holds under the title, the totals and a table's header. */
export function rowsThatFit(height: number): number {
  return Math.max(3, Math.floor((height - 400) / 66));
}

/** A screen of the wall: everything, or a slice of the districts' rows or of the yellow and red projects. */
export type Screen = { kind: 'all' | 'districts' | 'projects'; from: number; to: number };

/**
 * The screens the wall turns through: one when both tables fit (with the projects' heading, two
 * rows' worth), else the districts' rows, then the projects', `rows` at a time.
 */
export function boardScreens(districts: number, projects: number, rows: number): Screen[] {
  if (districts + Math.max(projects, 1) + 2 <= rows) return [{ kind: 'all', from: 0, to: districts + projects }];
  const out: Screen[] = [];
  for (let i = 0; i < Math.max(districts, 1); i += rows) out.push({ kind: 'districts', from: i, to: Math.min(i + rows, districts) });
  for (let i = 0; i < Math.max(projects, 1); i += rows) out.push({ kind: 'projects', from: i, to: Math.min(i + rows, projects) });
  return out;
}

function useWindowHeight(): number {
  const [height, setHeight] = useState(() => window.innerHeight);
  useEffect(() => {
    const on = () => setHeight(window.innerHeight);
    window.addEventListener('resize', on);
    return () => window.removeEventListener('resize', on);
  }, []);
  return height;
}

/** The public light board (上墙公示) in wall-display mode, as the shell mounts it at /public/lights. */
export default function Public(props: PublicProps) {
  return (
    <LocaleProvider locale={props.locale}>
      <LightWall />
    </LocaleProvider>
  );
}

function useFullscreen(target: React.RefObject<HTMLElement | null>) {
  const [on, setOn] = useState(() => typeof document !== 'undefined' && !!document.fullscreenElement);
  useEffect(() => {
    const onChange = () => setOn(!!document.fullscreenElement);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);
  const toggle = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void target.current?.requestFullscreen?.().catch(() => undefined);
  }, [target]);
  return { on, toggle, supported: typeof document !== 'undefined' && document.fullscreenEnabled !== false };
}

function LightWall() {
  const t = useMessages(messages);
  const locale = useLocale();
  const [params, setParams] = useState(() => readBoardParams(window.location.search));
  const [tick, setTick] = useState(0);
  const [refreshedAt, setRefreshedAt] = useState(() => new Date());
  const wall = useRef<HTMLDivElement>(null);
  const fullscreen = useFullscreen(wall);

  const [published, refetchPublished] = useQuery({ query: PUBLISHED, requestPolicy: 'network-only' });
  const boards = published.data?.publishedLightBoards;
  // The board shown: the one the address names, else the latest published one (of the area when named).
  const chosen = useMemo(() => {
    if (params.area && params.period) return { areaId: params.area, period: params.period };
    const latest = boards?.find((b) => !params.area || b.area.id === params.area);
    return latest ? { areaId: latest.area.id, period: latest.period } : null;
  }, [params, boards]);
  const [board, refetchBoard] = useQuery({ query: BOARD, variables: chosen ?? { period: '' }, pause: !chosen, requestPolicy: 'network-only' });

  useEffect(() => {
    const timer = window.setInterval(() => setTick((n) => n + 1), params.refresh * 1000);
    return () => window.clearInterval(timer);
  }, [params.refresh]);
  useEffect(() => {
    if (tick === 0) return;
    refetchPublished({ requestPolicy: 'network-only' });
    if (chosen) refetchBoard({ requestPolicy: 'network-only' });
    setRefreshedAt(new Date());
  }, [tick]);

  const choose = (value: string) => {
    const [areaId, period] = value.split('|');
    const q = new URLSearchParams(window.location.search);
    q.set('area', areaId);
    q.set('period', period);
    window.history.replaceState(null, '', `${window.location.pathname}?${q.toString()}`);
    setParams(readBoardParams(`?${q.toString()}`));
  };

  // Every version of a board is listed (latest first); the wall offers each board once and shows its latest version.
  const options = [...new Map((boards ?? []).map((b) => [`${b.area.id}|${b.period}`, b] as const)).entries()]
    .reverse()
    .map(([value, b]) => ({ value, label: `${b.area.name} · ${formatPeriod(b.period, locale)}` }))
    .reverse();
  const current = chosen ? `${chosen.areaId}|${chosen.period}` : undefined;
  const notPublished = board.error && readableError(board.error).code === 'NOT_FOUND';

  let body;
  if (published.error && !boards) body = <ErrorNotice error={published.error} onRetry={() => refetchPublished({ requestPolicy: 'network-only' })} />;
  else if (!boards && published.fetching) body = <Loading />;
  else if (!chosen)
    body = <Result status="info" title={<span data-testid="board-none">{t('boardNone')}</span>} subTitle={t('boardNoneText')} />;
  else if (notPublished)
    body = (
      <Result
        status="warning"
        title={<span data-testid="board-unpublished">{t('boardUnpublished', { month: formatPeriod(chosen.period, locale) })}</span>}
        subTitle={boards && boards.length > 0 ? t('boardPickOther') : t('boardNoneText')}
      />
    );
  else if (board.error && !board.data) body = <ErrorNotice error={board.error} onRetry={() => refetchBoard({ requestPolicy: 'network-only' })} />;
  else if (!board.data) body = <Loading />;
  else body = <BoardView board={board.data.lightBoard} params={params} />;

  return (
    <div ref={wall} data-testid="light-wall" style={{ background: fullscreen.on ? '#0f1a2b' : undefined, color: fullscreen.on ? '#fff' : undefined, padding: fullscreen.on ? 32 : 0, minHeight: fullscreen.on ? '100vh' : undefined, overflow: 'auto' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between', flexWrap: 'wrap', marginBottom: 16 }}>
        <Typography.Title level={1} style={{ margin: 0, fontSize: 40, color: 'inherit' }} data-testid="board-title">
          {board.data ? `${board.data.lightBoard.area.name} · ${formatPeriod(board.data.lightBoard.period, locale)} · ${t('boardTitle')}` : t('boardTitle')}
        </Typography.Title>
        <Space wrap>
          {options.length > 0 && <Select style={{ minWidth: 240 }} size="large" value={options.some((o) => o.value === current) ? current : undefined} placeholder={t('boardPick')} onChange={choose} options={options} data-testid="board-select" aria-label={t('boardPick')} />}
          {fullscreen.supported && (
            <Button size="large" onClick={fullscreen.toggle} data-testid="board-fullscreen">
              {fullscreen.on ? t('exitFullscreen') : t('fullscreen')}
            </Button>
          )}
        </Space>
      </Space>
      {body}
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, fontSize: 16, color: fullscreen.on ? '#9fb0c8' : undefined }} data-testid="board-refresh">
        {t('boardRefresh', { n: params.refresh, at: formatDateTime(refreshedAt).slice(11) })}
      </Typography.Paragraph>
    </div>
  );
}

function Count({ value, color, testId }: { value: number; color: keyof typeof LIGHT_HEX; testId: string }) {
  return (
    <span data-testid={testId} style={{ display: 'inline-block', minWidth: 72, textAlign: 'center', fontSize: 40, fontWeight: 700, lineHeight: 1.2, color: LIGHT_HEX[color] }}>
      {value}
    </span>
  );
}

function BoardView({ board: live, params }: { board: Board; params: BoardParams }) {
  const t = useMessages(messages);
  const locale = useLocale();
  const height = useWindowHeight();
  // What was published, as published (the snapshot with its hash), whoever looks.
  const publication = live.publication ?? null;
  const board = publication ?? live;
  const sum = board.districts.reduce((s, d) => ({ green: s.green + d.green, yellow: s.yellow + d.yellow, red: s.red + d.red, total: s.total + d.total }), { green: 0, yellow: 0, red: 0, total: 0 });
  const cell = { fontSize: 28, padding: '8px 16px' } as const;
  // A wall cannot be scrolled: it turns through screens of rows that fit, one every `page` seconds.
  const paging = params.page > 0;
  const screens = paging ? boardScreens(board.districts.length, board.projects.length, params.rows ?? rowsThatFit(height)) : [];
  const [turn, setTurn] = useState(0);
  useEffect(() => {
    if (screens.length <= 1) return;
    const timer = window.setInterval(() => setTurn((n) => n + 1), params.page * 1000);
    return () => window.clearInterval(timer);
  }, [screens.length, params.page]);
  const screen = paging ? screens[turn % screens.length] : null;
  const whole = !screen || screen.kind === 'all';
  const districts = whole ? board.districts : screen.kind === 'districts' ? board.districts.slice(screen.from, screen.to) : [];
  const projects = whole ? board.projects : screen.kind === 'projects' ? board.projects.slice(screen.from, screen.to) : [];
  const showDistricts = whole || screen.kind === 'districts';
  const showProjects = whole || screen.kind === 'projects';
  return (
    <div data-testid="public-board">
      <Space size={48} wrap style={{ marginBottom: 24 }} data-testid="board-totals">
        {(['GREEN', 'YELLOW', 'RED'] as const).map((c) => (
          <div key={c} style={{ textAlign: 'center' }}>
            <div style={{ fontSize: 72, fontWeight: 800, color: LIGHT_HEX[c], lineHeight: 1 }} data-testid={`board-total-${c.toLowerCase()}`}>
              {sum[c.toLowerCase() as 'green' | 'yellow' | 'red']}
            </div>
            <div style={{ fontSize: 24 }}>{t(c)}</div>
          </div>
        ))}
        <div style={{ textAlign: 'center' }}>
          <div style={{ fontSize: 72, fontWeight: 800, lineHeight: 1 }} data-testid="board-total">
            {sum.total}
          </div>
          <div style={{ fontSize: 24 }}>{t('lit')}</div>
        </div>
      </Space>
      {screen && screens.length > 1 && (
        <Typography.Paragraph style={{ fontSize: 18, color: 'inherit', opacity: 0.75 }} data-testid="board-screen" data-screen={(turn % screens.length) + 1} data-screens={screens.length}>
          {t('boardScreen', { n: (turn % screens.length) + 1, of: screens.length, s: params.page })}
        </Typography.Paragraph>
      )}
      {showDistricts && (
      <table style={{ width: '100%', borderCollapse: 'collapse', marginBottom: 32 }} data-testid="board-districts">
        <thead>
          <tr style={{ fontSize: 22, textAlign: 'left', borderBottom: '2px solid #d9d9d9' }}>
            <th style={cell}>{t('district')}</th>
            <th style={{ ...cell, textAlign: 'center' }}>{t('GREEN')}</th>
            <th style={{ ...cell, textAlign: 'center' }}>{t('YELLOW')}</th>
            <th style={{ ...cell, textAlign: 'center' }}>{t('RED')}</th>
            <th style={{ ...cell, textAlign: 'center' }}>{t('lit')}</th>
          </tr>
        </thead>
        <tbody>
          {districts.map((d) => (
            <tr key={d.district.id} data-testid="board-district" data-district={d.district.name} style={{ borderBottom: '1px solid #e8e8e8' }}>
              <td style={{ ...cell, fontWeight: 600 }}>{d.district.name}</td>
              <td style={{ textAlign: 'center' }}>
                <Count value={d.green} color="GREEN" testId="board-green" />
              </td>
              <td style={{ textAlign: 'center' }}>
                <Count value={d.yellow} color="YELLOW" testId="board-yellow" />
              </td>
              <td style={{ textAlign: 'center' }}>
                <Count value={d.red} color="RED" testId="board-red" />
              </td>
              <td style={{ ...cell, textAlign: 'center' }} data-testid="board-lit">
                {d.total}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      )}
      {publication?.sha256 && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 16, color: 'inherit', opacity: 0.75 }} data-testid="board-publication">
          {t('boardVersion', { version: publication.version, at: formatDateTime(publication.publishedAt), id: publication.id })}
          {publication.correctionId ? ` · ${t('boardCorrected', { id: publication.correctionId })}` : ''} · SHA-256{' '}
          <Typography.Text code copyable={{ text: publication.sha256 }} style={{ color: 'inherit' }} data-testid="board-hash" lang={locale}>
            {publication.sha256}
          </Typography.Text>
        </Typography.Paragraph>
      )}
      {showProjects && (
      <Typography.Title level={2} style={{ color: 'inherit' }}>
        {t('boardProjects')}
      </Typography.Title>
      )}
      {!showProjects ? null : board.projects.length === 0 ? (
        <Typography.Paragraph style={{ fontSize: 28, color: LIGHT_HEX.GREEN }} data-testid="board-all-green">
          {t('boardAllGreen')}
        </Typography.Paragraph>
      ) : (
        <Table<BoardEntry>
          rowKey="projectId"
          dataSource={projects}
          pagination={false}
          data-testid="board-projects"
          rowClassName={() => 'board-entry'}
          columns={[
            {
              title: t('light'),
              dataIndex: 'color',
              width: 110,
              render: (c: BoardEntry['color']) => (
                <Tag color={LIGHT_HEX[c]} style={{ fontSize: 22, padding: '6px 12px' }} data-testid="board-entry-color" data-color={c}>
                  {t(c)}
                </Tag>
              ),
            },
            { title: t('project'), dataIndex: 'name', render: (v: string) => <span style={{ fontSize: 24, fontWeight: 600 }}>{v}</span> },
            { title: t('district'), dataIndex: 'districtName', width: 160, render: (v: string) => <span style={{ fontSize: 22 }}>{v}</span> },
            { title: t('reason'), dataIndex: 'reason', render: (v: string) => <span style={{ fontSize: 20 }}>{v}</span> },
          ]}
        />
      )}
    </div>
  );
}
