/** @jest-environment jsdom */
import { fakeServer, fireEvent, Mounted, render, screen, waitFor } from '@kpd/web-kit/testing';
import { MonthClosePage } from '.';

const SHENYANG = { id: '2', name: '沈阳市', level: 'CITY' };
const page = { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] };
const sujiatun = (period: string) => ({
  districtId: '7',
  districtName: '苏家屯区',
  closed: period === '2020-08',
  green: 86,
  yellow: 10,
  red: 4,
  planned: '1064000000.00',
  actual: '1480000000.00',
  actualYearToDate: '9800000000.00',
  reports: 100,
  closedBy: period === '2020-08' ? 'admin.shenyang' : null,
  closedAt: period === '2020-08' ? '2020-09-16T02:00:00.000Z' : null,
});

describe('the month close page picks its month with the antd month picker', () => {
  test('the address’s month shows in Chinese; a month typed is the month read', async () => {
    window.history.replaceState(null, '', '/districts/close?period=2020-08');
    const server = fakeServer({
      MonthClose: (v) => ({ data: { monthClose: [sujiatun(String(v.period))] } }),
      LightCorrections: () => ({ data: { lightCorrections: page } }),
      PlanVersionRequests: () => ({ data: { planVersionRequests: page } }),
      Publications: () => ({ data: { publishedLightBoards: [] } }),
    });
    render(
      <Mounted client={server.client}>
        <MonthClosePage locale="zh" path="/close" basePath="/districts" navigate={() => undefined} viewer={{ id: '1', username: 'admin.shenyang', displayName: '沈阳市管理员', role: 'ADMIN', area: SHENYANG }} />
      </Mounted>,
    );
    const input = document.querySelector<HTMLInputElement>('.ant-picker input')!;
    expect(input.value).toBe('2020年08月');
    expect(document.querySelector('input[type=month]')).toBeNull();
    await waitFor(() => expect(server.sent('MonthClose').map((c) => c.variables.period)).toContain('2020-08'));

    fireEvent.mouseDown(input);
    fireEvent.focus(input);
    fireEvent.change(input, { target: { value: '2020-07' } });
    fireEvent.keyDown(input, { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() => expect(server.sent('MonthClose').map((c) => c.variables.period)).toContain('2020-07'));
    expect(window.location.search).toBe('?period=2020-07');
    expect(await screen.findByText(/2020年7月/)).toBeTruthy();
  });
});
