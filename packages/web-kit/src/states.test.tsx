/** @jest-environment jsdom */
import { act, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { CombinedError } from 'urql';
import { LocaleProvider } from './i18n';
import { readableError } from './errors';
import { ErrorNotice, PendingApi, QueryState, RemoteBoundary } from './states';

function badInput() {
  return new CombinedError({
    graphQLErrors: [
      {
        message: 'input.months[3].plannedInvestment: 月计划之和与年计划不符',
        extensions: {
          code: 'BAD_USER_INPUT',
          field: 'input.months[3].plannedInvestment',
          problems: [
            { field: 'input.months[3].plannedInvestment', reason: '月计划之和与年计划不符' },
            { field: 'input.months[4].plannedInvestment', reason: '不能为负数' },
          ],
        },
      },
    ],
  });
}

describe('readableError', () => {
  test('takes the server message, code, field and problems, without urql’s prefix', () => {
    const e = readableError(badInput());
    expect(e.message).toBe('input.months[3].plannedInvestment: 月计划之和与年计划不符');
    expect(e.code).toBe('BAD_USER_INPUT');
    expect(e.field).toBe('input.months[3].plannedInvestment');
    expect(e.problems).toHaveLength(2);
    expect(e.network).toBe(false);
  });

  test('a network failure is marked as such', () => {
    const e = readableError(new CombinedError({ networkError: new TypeError('Failed to fetch') }));
    expect(e.network).toBe(true);
  });
});

describe('ErrorNotice', () => {
  test('lists every refused input’s reason in Chinese, without field paths', () => {
    render(<ErrorNotice error={badInput()} />);
    expect(screen.getByRole('alert')).toBeTruthy();
    expect(screen.getByTestId('error-message').textContent).toBe('提交的内容有 2 处需要修改：');
    expect(screen.getByText('月计划之和与年计划不符')).toBeTruthy();
    expect(screen.getByText('不能为负数')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).not.toMatch(/input\.|plannedInvestment|\[GraphQL\]/);
  });

  test.each([
    ['input.code', '项目编码 SJT-1 已存在 (code already used)', '项目编码 SJT-1 已存在'],
    ['input.weights', 'must add up to 1 (now 0.9)', '各项之和须为 1（现为 0.9）'],
    ['input.evidence', 'something nobody translated', '填写有误，请检查'],
  ])('one refused input (%s) shows its reason in Chinese only', (field, reason, shown) => {
    const error = new CombinedError({ graphQLErrors: [{ message: `${field}: ${reason}`, extensions: { code: 'BAD_USER_INPUT', field, reason, problems: [{ field, reason }] } }] });
    render(<ErrorNotice error={error} />);
    expect(screen.getByTestId('error-message').textContent).toBe(shown);
  });

  test('an English refusal reads by its code', () => {
    render(<ErrorNotice error={new CombinedError({ graphQLErrors: [{ message: 'The secretary was changed in between; reload it', extensions: { code: 'CONFLICT' } }] })} />);
    expect(screen.getByTestId('error-message').textContent).toBe('有人在您打开之后修改了这里的内容，请刷新后再改。');
  });

  test('a network failure says so in the chosen language, and retry calls back', () => {
    const retry = jest.fn();
    render(
      <LocaleProvider locale="en">
        <ErrorNotice error={new CombinedError({ networkError: new TypeError('Failed to fetch') })} onRetry={retry} />
      </LocaleProvider>,
    );
    expect(screen.getByTestId('error-message').textContent).toBe('Cannot reach the server. Check the network and retry.');
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(retry).toHaveBeenCalledTimes(1);
  });
});

describe('QueryState', () => {
  const view = (props: Partial<Parameters<typeof QueryState<{ items: string[] }>>[0]>) =>
    render(
      <QueryState<{ items: string[] }> fetching={false} data={undefined} isEmpty={(d) => d.items.length === 0} {...props}>
        {(d) => <ul>{d.items.map((i) => <li key={i}>{i}</li>)}</ul>}
      </QueryState>,
    );

  test('loading, then error, empty and content', () => {
    const { unmount } = view({ fetching: true });
    expect(screen.getByRole('status').textContent).toContain('加载中');
    unmount();
    const second = view({ error: badInput() });
    expect(screen.getByRole('alert')).toBeTruthy();
    second.unmount();
    const third = view({ data: { items: [] } });
    expect(screen.getByText('暂无数据')).toBeTruthy();
    third.unmount();
    view({ data: { items: ['苏家屯区'] } });
    expect(screen.getByText('苏家屯区')).toBeTruthy();
  });

  test('data already shown stays while a refetch fails', () => {
    view({ data: { items: ['和平区'] }, error: badInput() });
    expect(screen.getByText('和平区')).toBeTruthy();
  });
});

test('PendingApi names the API it waits for', () => {
  render(<PendingApi api="projects" />);
  expect(screen.getByText('本页面依赖的接口（projects）尚未上线。')).toBeTruthy();
});

describe('RemoteBoundary', () => {
  let consoleError: jest.SpyInstance;
  beforeEach(() => {
    consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => consoleError.mockRestore());

  function Broken(): never {
    throw new Error('Failed to load script resources');
  }

  test('a remote that fails shows a notice in its own area; the rest keeps working', () => {
    function Page() {
      const [clicks, setClicks] = useState(0);
      return (
        <div>
          <button onClick={() => setClicks((n) => n + 1)}>shell button {clicks}</button>
          <RemoteBoundary name="重点项目">
            <Broken />
          </RemoteBoundary>
          <RemoteBoundary name="城市看板">
            <p>dashboard works</p>
          </RemoteBoundary>
        </div>
      );
    }
    render(<Page />);
    const notice = screen.getByTestId('remote-failed');
    expect(notice.getAttribute('data-remote')).toBe('重点项目');
    expect(notice.textContent).toContain('“重点项目”模块暂时无法加载');
    expect(notice.textContent).toContain('Failed to load script resources');
    expect(screen.getByText('dashboard works')).toBeTruthy();
    fireEvent.click(screen.getByText('shell button 0'));
    expect(screen.getByText('shell button 1')).toBeTruthy();
  });

  test('retry renders the remote again once it loads', () => {
    let fail = true;
    function Flaky() {
      if (fail) throw new Error('remote is down');
      return <p>remote is back</p>;
    }
    const onRetry = jest.fn(() => {
      fail = false;
    });
    render(
      <RemoteBoundary name="民生实事" onRetry={onRetry}>
        <Flaky />
      </RemoteBoundary>,
    );
    expect(screen.getByTestId('remote-failed')).toBeTruthy();
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: /重\s*试/ }));
    });
    expect(onRetry).toHaveBeenCalledTimes(1);
    expect(screen.getByText('remote is back')).toBeTruthy();
    expect(screen.queryByTestId('remote-failed')).toBeNull();
  });

  test('moving elsewhere (a new reset key) clears the notice', () => {
    let fail = true;
    function Maybe() {
      if (fail) throw new Error('boom');
      return <p>other page</p>;
    }
    const { rerender } = render(
      <RemoteBoundary name="政务服务事项" resetKey="/service-items">
        <Maybe />
      </RemoteBoundary>,
    );
    expect(screen.getByTestId('remote-failed')).toBeTruthy();
    fail = false;
    rerender(
      <RemoteBoundary name="政务服务事项" resetKey="/service-items/2">
        <Maybe />
      </RemoteBoundary>,
    );
    expect(screen.getByText('other page')).toBeTruthy();
  });
});
