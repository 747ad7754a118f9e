/** @jest-environment jsdom */
import { Provider } from 'urql';
import { act, fakeServer, render, screen } from '@kpd/web-kit/testing';
import Public, { boardScreens, readBoardParams, rowsThatFit } from './Public';

describe('readBoardParams: what the wall display’s address asks for', () => {
  test.each([
    ['', { area: null, period: null, refresh: 60, page: 10, rows: null }],
    ['?area=12&period=2020-09', { area: '12', period: '2020-09', refresh: 60, page: 10, rows: null }],
    ['?area=12&period=2020-09&refresh=30', { area: '12', period: '2020-09', refresh: 30, page: 10, rows: null }],
    ['?refresh=2', { area: null, period: null, refresh: 60, page: 10, rows: null }], // too fast for a wall: the default
    ['?refresh=99999', { area: null, period: null, refresh: 3600, page: 10, rows: null }],
    ['?refresh=abc&period=2020-13&area=x1', { area: null, period: null, refresh: 60, page: 10, rows: null }],
    ['?period=2020-9', { area: null, period: null, refresh: 60, page: 10, rows: null }],
    ['?page=0', { area: null, period: null, refresh: 60, page: 0, rows: null }], // no paging
    ['?page=1&rows=1', { area: null, period: null, refresh: 60, page: 10, rows: null }], // too fast, too few: the defaults
    ['?page=15&rows=8', { area: null, period: null, refresh: 60, page: 15, rows: 8 }],
  ])('%s', (search, expected) => expect(readBoardParams(search)).toEqual(expected));
});

describe('the wall turns through screens of rows that fit', () => {
  test.each<[string, number, number, number, Array<[string, number, number]>]>([
    ['all on one screen', 3, 3, 8, [['all', 0, 6]]],
    ['too many for one screen: one of each', 5, 3, 8, [['districts', 0, 5], ['projects', 0, 3]]],
    ['14 districts at 7 rows', 14, 2, 7, [['districts', 0, 7], ['districts', 7, 14], ['projects', 0, 2]]],
    ['no yellow or red project: its all-green screen', 6, 0, 8, [['districts', 0, 6], ['projects', 0, 0]]],
  ])('%s', (_name, districts, projects, rows, expected) =>
    expect(boardScreens(districts, projects, rows)).toEqual(expected.map(([kind, from, to]) => ({ kind, from, to }))),
  );
  test('a 1440×900 window holds 7 rows; 1920×1080 holds 10', () => {
    expect(rowsThatFit(900)).toBe(7);
    expect(rowsThatFit(1080)).toBe(10);
  });
});

const SUJIATUN = { id: '7', name: '苏家屯区' };
const board = {
  area: SUJIATUN,
  period: '2020-09',
  published: true,
  districts: [{ district: SUJIATUN, green: 86, yellow: 10, red: 4, total: 100 }],
  projects: [
    { projectId: '97', code: 'SJT-2020-097', name: '姚千街道学校新建项目（97号）', districtName: '苏家屯区', color: 'RED', reason: '本月计划1,064万元，完成0万元，零进展' },
    { projectId: '87', code: 'SJT-2020-087', name: '王纲街道冷链物流中心项目（87号）', districtName: '苏家屯区', color: 'YELLOW', reason: '未完成计划' },
  ],
};

function renderWall(search: string, answers: Parameters<typeof fakeServer>[0]) {
  window.history.replaceState(null, '', `/public/lights${search}`);
  const server = fakeServer(answers);
  render(
    <Provider value={server.client}>
      <Public locale="zh" path="/" basePath="/public/lights" navigate={() => undefined} />
    </Provider>,
  );
  return server;
}

describe('the wall display', () => {
  afterEach(() => jest.useRealTimers());

  test('shows the latest published board with no address parameters: totals, districts, the yellow and red projects', async () => {
    const server = renderWall('', {
      PublishedLightBoards: () => ({ data: { publishedLightBoards: [{ area: SUJIATUN, period: '2020-09', publishedAt: '2020-10-09T08:00:00Z' }, { area: SUJIATUN, period: '2020-08', publishedAt: '2020-09-09T08:00:00Z' }] } }),
      PublicLightBoard: () => ({ data: { lightBoard: board } }),
    });
    await screen.findByTestId('public-board');
    expect(server.calls.find((c) => c.name === 'PublicLightBoard')!.variables).toEqual({ areaId: '7', period: '2020-09' });
    expect(screen.getByTestId('board-title').textContent).toBe('苏家屯区 · 2020年9月 · 重点项目亮灯公示');
    expect(screen.getByTestId('board-total-green').textContent).toBe('86');
    expect(screen.getByTestId('board-total-yellow').textContent).toBe('10');
    expect(screen.getByTestId('board-total-red').textContent).toBe('4');
    expect(screen.getByTestId('board-green').textContent).toBe('86');
    expect(screen.getAllByTestId('board-entry-color').map((e) => e.getAttribute('data-color'))).toEqual(['RED', 'YELLOW']);
    expect(screen.getByText('本月计划1,064万元，完成0万元，零进展')).toBeTruthy();
    expect(screen.getByTestId('board-refresh').textContent).toContain('每 60 秒自动刷新');
  });

  test('says so when nothing is published', async () => {
    renderWall('', { PublishedLightBoards: () => ({ data: { publishedLightBoards: [] } }) });
    expect((await screen.findByTestId('board-none')).textContent).toBe('尚无公示的亮灯榜');
  });

  test('a month the address names that is not published says so', async () => {
    renderWall('?area=7&period=2019-01', {
      PublishedLightBoards: () => ({ data: { publishedLightBoards: [{ area: SUJIATUN, period: '2020-09', publishedAt: '2020-10-09T08:00:00Z' }] } }),
      PublicLightBoard: () => ({ data: null, errors: [{ message: 'Light board of 2019-01 not found', extensions: { code: 'NOT_FOUND' } }] }),
    });
    expect((await screen.findByTestId('board-unpublished')).textContent).toBe('2019年1月的亮灯榜尚未公示');
  });

  test('asks the server again every `refresh` seconds', async () => {
    jest.useFakeTimers();
    const server = renderWall('?area=7&period=2020-09&refresh=10', {
      PublishedLightBoards: () => ({ data: { publishedLightBoards: [{ area: SUJIATUN, period: '2020-09', publishedAt: '2020-10-09T08:00:00Z' }] } }),
      PublicLightBoard: () => ({ data: { lightBoard: board } }),
    });
    await act(async () => {
      await jest.advanceTimersByTimeAsync(100);
    });
    const boards = () => server.calls.filter((c) => c.name === 'PublicLightBoard').length;
    expect(boards()).toBe(1);
    await act(async () => {
      await jest.advanceTimersByTimeAsync(10_000);
    });
    expect(boards()).toBe(2);
    for (const expected of [3, 4]) {
      await act(async () => {
        await jest.advanceTimersByTimeAsync(10_000);
      });
      expect(boards()).toBe(expected);
    }
  });
});
