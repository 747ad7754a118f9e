/** @jest-environment jsdom */
import { act, render, screen } from '@testing-library/react';
import { Client, fetchExchange, Provider } from 'urql';
import Public, { readBoardParams } from './Public';

describe('readBoardParams: what the wall display’s address asks for', () => {
  test.each([
    ['', { area: null, period: null, refresh: 60 }],
    ['?area=12&period=2020-09', { area: '12', period: '2020-09', refresh: 60 }],
    ['?area=12&period=2020-09&refresh=30', { area: '12', period: '2020-09', refresh: 30 }],
    ['?refresh=2', { area: null, period: null, refresh: 60 }], // too fast for a wall: the default
    ['?refresh=99999', { area: null, period: null, refresh: 3600 }],
    ['?refresh=abc&period=2020-13&area=x1', { area: null, period: null, refresh: 60 }],
    ['?period=2020-9', { area: null, period: null, refresh: 60 }],
  ])('%s', (search, expected) => expect(readBoardParams(search)).toEqual(expected));
});

type Answer = { data?: unknown; errors?: unknown[] };

/** A GraphQL client whose server answers each operation by name, counting the calls. */
function fakeServer(answers: Record<string, (variables: Record<string, unknown>) => Answer>) {
  const calls: Array<{ name: string; variables: Record<string, unknown> }> = [];
  const fetch = async (_url: unknown, init?: { body?: unknown }) => {
    const body = JSON.parse(String(init?.body)) as { operationName: string; variables: Record<string, unknown> };
    calls.push({ name: body.operationName, variables: body.variables });
    const text = JSON.stringify(answers[body.operationName](body.variables));
    return { ok: true, status: 200, statusText: 'OK', headers: { get: () => 'application/json' }, text: async () => text, json: async () => JSON.parse(text) };
  };
  const client = new Client({ url: 'http://kpd.test/graphql', preferGetMethod: false, exchanges: [fetchExchange], fetch: fetch as unknown as typeof globalThis.fetch });
  return { client, calls };
}

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
