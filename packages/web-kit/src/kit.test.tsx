/** @jest-environment jsdom */
import { act, fireEvent, render, screen } from '@testing-library/react';
import { Button, Form, Input } from 'antd';
import { CombinedError } from 'urql';
import { isFutureMonth, monthsOfYear, previousMonth, thisMonthInChina, todayInChina } from './dates';
import { chineseReason } from './errors';
import { fieldName, useFormErrors } from './form';
import { LocaleProvider } from './i18n';
import { LightBadge } from './light';
import { formatChange, formatMoneyCell, formatPercent, tidyAmounts } from './money';
import { ProblemLevelTag, ProblemStatusTag } from './problem-tags';
import { matchPath, route } from './route';
import { CursorTable, PagedTable, useCursorPages, useMoneyColumn } from './table';

describe('amounts and percentages', () => {
  test.each([
    ['本月计划11,530.199154万元，完成0万元', '本月计划11,530.20万元，完成0万元'],
    ['计划 1,064.005万元', '计划 1,064.01万元'],
    ['计划 0.004万元', '计划 0.00万元'],
    ['计划 99.999万元', '计划 100.00万元'],
    ['已是两位 1,064.50万元 与 3亿元', '已是两位 1,064.50万元 与 3亿元'],
    ['没有单位的 3.14159 不动', '没有单位的 3.14159 不动'],
  ])('tidyAmounts(%s)', (text, shown) => expect(tidyAmounts(text)).toBe(shown));

  test('a money cell has one unit, two decimals, and a dash for a month to come or nothing', () => {
    expect(formatMoneyCell('115301991.54')).toBe('11,530.20');
    expect(formatMoneyCell('148000000.00', 'yi')).toBe('1.48');
    expect(formatMoneyCell('0.00', 'wan', { future: true })).toBe('—');
    expect(formatMoneyCell(null)).toBe('—');
  });

  test.each([
    [12.345, '12.3%'],
    [0, '0.0%'],
    [null, '—'],
    [undefined, '—'],
    [Number.NaN, '—'],
  ])('formatPercent(%p) → %s', (v, text) => expect(formatPercent(v)).toBe(text));

  test('formatChange signs a rise', () => {
    expect(formatChange(3.21)).toBe('+3.2%');
    expect(formatChange(-1)).toBe('-1.0%');
    expect(formatChange(null)).toBe('—');
  });
});

describe('China-time dates', () => {
  // 2020-09-30 17:00 UTC is already 1 October in Shanghai.
  const lateSeptemberUtc = new Date('2020-09-30T17:00:00Z');
  test('today and this month are China’s', () => {
    expect(todayInChina(lateSeptemberUtc)).toBe('2020-10-01');
    expect(thisMonthInChina(lateSeptemberUtc)).toBe('2020-10');
  });
  test.each([
    ['2020-01', '2019-12'],
    ['2020-10', '2020-09'],
  ])('the month before %s is %s', (p, before) => expect(previousMonth(p)).toBe(before));
  test('a future month is after this month in China', () => {
    expect(isFutureMonth('2020-11', lateSeptemberUtc)).toBe(true);
    expect(isFutureMonth('2020-10', lateSeptemberUtc)).toBe(false);
  });
  test('the months of a year', () => expect(monthsOfYear(2020)).toEqual(['2020-01', '2020-02', '2020-03', '2020-04', '2020-05', '2020-06', '2020-07', '2020-08', '2020-09', '2020-10', '2020-11', '2020-12']));
});

describe('sub-routes', () => {
  test.each([
    ['/:id', '/12', { id: '12' }],
    ['/:id', '/new', null],
    ['/:id/edit', '/12/edit', { id: '12' }],
    ['/meetings/:id', '/meetings/3', { id: '3' }],
    ['/', '/', {}],
    ['/', '/12', null],
    ['/users', '/users?x=1', {}],
  ])('%s against %s', (pattern, path, params) => expect(matchPath(pattern, path)).toEqual(params));

  test('the first matching route wins', () => {
    const routes = { create: '/new', edit: '/:id/edit', detail: '/:id', list: '/' };
    expect(route('/new', routes)?.name).toBe('create');
    expect(route('/7/edit', routes)).toEqual({ name: 'edit', params: { id: '7' } });
    expect(route('/7', routes)?.name).toBe('detail');
    expect(route('/x/y/z', routes)).toBeNull();
  });
});

describe('server reasons in Chinese only', () => {
  test.each([
    ['项目编码 SJT-1 已存在 (code already used)', '项目编码 SJT-1 已存在'],
    ['结束日期不能早于开始日期 2020-01-01 (ends before it starts)', '结束日期不能早于开始日期 2020-01-01'],
    ['月计划之和与年计划不符', '月计划之和与年计划不符'],
    ['name must be longer than or equal to 2 characters', '至少 2 个字'],
    ['is not your current password', '当前密码不正确'],
    ['must be at least 10 characters', '至少 10 个字符'],
    ['must mix at least three of: lower case, upper case, digits, symbols', '须包含小写字母、大写字母、数字、符号中的至少三类'],
    ['must add up to 1 (now 0.95)', '各项之和须为 1（现为 0.95）'],
    ['[200, 10] is not in China — longitude comes first', '坐标不在中国境内（经度在前，纬度在后）'],
    ['whatever else', '填写有误，请检查'],
  ])('%s → %s', (reason, zh) => expect(chineseReason(reason)).toBe(zh));

  test.each([
    ['input.months[3].plannedInvestment', ['months', 3, 'plannedInvestment']],
    ['input.name', ['name']],
    ['settings.weights.light', ['weights', 'light']],
    ['period', ['period']],
  ])('the field %s is the form’s %p', (path, name) => expect(fieldName(path)).toEqual(name));
});

function refused(problems: Array<{ field: string; reason: string }>) {
  return new CombinedError({ graphQLErrors: [{ message: `${problems[0].field}: ${problems[0].reason}`, extensions: { code: 'BAD_USER_INPUT', field: problems[0].field, reason: problems[0].reason, problems } }] });
}

function ProjectForm({ error }: { error: unknown }) {
  const [form] = Form.useForm();
  const errors = useFormErrors(form, { evidence: '销号依据' });
  return (
    <Form form={form}>
      <Form.Item name="code" label="项目编码">
        <Input />
      </Form.Item>
      <Form.List name="months" initialValue={[{ plannedInvestment: '1' }, { plannedInvestment: '2' }]}>
        {(fields) => fields.map((f) => <Form.Item key={f.key} name={[f.name, 'plannedInvestment']}><Input /></Form.Item>)}
      </Form.List>
      {errors.notice}
      <Button onClick={() => errors.show(error)} data-testid="submit">保存</Button>
    </Form>
  );
}

describe('useFormErrors: the server’s refusal under the field it names', () => {
  test('each reason goes under its field, in Chinese; what no field shows goes to the notice with its label', async () => {
    render(
      <ProjectForm
        error={refused([
          { field: 'input.code', reason: '项目编码 SJT-1 已存在 (code already used)' },
          { field: 'input.months[1].plannedInvestment', reason: '不能为负数' },
          { field: 'input.evidence', reason: 'should not be empty' },
        ])}
      />,
    );
    await act(async () => fireEvent.click(screen.getByTestId('submit')));
    expect(await screen.findByText('项目编码 SJT-1 已存在')).toBeTruthy();
    expect(screen.getByText('不能为负数')).toBeTruthy();
    expect(screen.getByTestId('form-error').textContent).toBe('销号依据：不能为空');
    expect(document.body.textContent).not.toMatch(/input\.|code already used|evidence/);
  });

  test('a refusal that is not about input reads by its code', async () => {
    render(<ProjectForm error={new CombinedError({ graphQLErrors: [{ message: 'The secretary was changed in between; reload it', extensions: { code: 'CONFLICT' } }] })} />);
    await act(async () => fireEvent.click(screen.getByTestId('submit')));
    expect(screen.getByTestId('form-error').textContent).toBe('有人在您打开之后修改了这里的内容，请刷新后再改。');
  });
});

describe('badges and tags', () => {
  test('a light badge names its colour and month and carries the reason', () => {
    render(<LightBadge light={{ color: 'YELLOW', period: '2020-09', reason: '计划 1.005万元' }} showPeriod />);
    const badge = screen.getByTestId('light-badge');
    expect(badge.textContent).toBe('黄灯 · 2020年9月');
    expect(badge.getAttribute('data-color')).toBe('YELLOW');
  });
  test('no light says so', () => {
    render(<LightBadge light={null} />);
    expect(screen.getByText('未亮灯')).toBeTruthy();
  });
  test('problem status with overdue, and the level with its city leader', () => {
    render(
      <>
        <ProblemStatusTag status="IN_PROGRESS" overdue />
        <ProblemLevelTag level="CITY" cityLeader="张副市长" />
      </>,
    );
    expect(screen.getByTestId('problem-status').textContent).toBe('办理中');
    expect(screen.getByTestId('problem-overdue').textContent).toBe('已逾期');
    expect(screen.getByTestId('level-city').textContent).toBe('市级挂牌督办 · 张副市长');
  });
});

type Row = { id: string; name: string; amount: string | null; period: string };
const rows: Row[] = Array.from({ length: 45 }, (_, i) => ({ id: String(i + 1), name: `项目${i + 1}`, amount: i === 0 ? '115301991.54' : null, period: i === 1 ? '2999-01' : '2020-01' }));

function CursorList() {
  const pages = useCursorPages(null, 20);
  const start = pages.after ? Number(pages.after) : 0;
  const connection = { totalCount: rows.length, pageInfo: { hasNextPage: start + 20 < rows.length, endCursor: String(start + 20) }, nodes: rows.slice(start, start + 20) };
  const money = useMoneyColumn();
  return (
    <CursorTable<Row>
      rowKey="id"
      testId="list"
      connection={connection}
      pages={pages}
      fetching={false}
      columns={[{ title: '名称', dataIndex: 'name' }, money<Row>('计划', (r) => r.amount, { future: (r) => r.period > '2100-01', testId: 'amount' })]}
    />
  );
}

describe('the one table and pager', () => {
  test('a cursor list goes forward and back, with the page and the total', () => {
    render(
      <LocaleProvider locale="zh">
        <CursorList />
      </LocaleProvider>,
    );
    expect(screen.getByTestId('list-pager-total').textContent).toBe('共 45 条');
    expect(screen.getByTestId('list-pager-page').textContent).toBe('第 1 / 3 页');
    expect(screen.getByText('计划（万元）')).toBeTruthy();
    expect(screen.getAllByTestId('amount')[0].textContent).toBe('11,530.20');
    expect(screen.getAllByTestId('amount')[1].textContent).toBe('—');
    fireEvent.click(screen.getByTestId('list-pager-next'));
    expect(screen.getByText('项目21')).toBeTruthy();
    fireEvent.click(screen.getByTestId('list-pager-next'));
    expect(screen.getByTestId('list-pager-page').textContent).toBe('第 3 / 3 页');
    expect((screen.getByTestId('list-pager-next') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByTestId('list-pager-prev'));
    expect(screen.getByText('项目21')).toBeTruthy();
  });

  test('a list in memory pages with the same pager', () => {
    render(<PagedTable<Row> rowKey="id" testId="local" rows={rows} pageSize={10} columns={[{ title: '名称', dataIndex: 'name' }]} />);
    expect(screen.getByTestId('local-pager-page').textContent).toBe('第 1 / 5 页');
    fireEvent.click(screen.getByTestId('local-pager-next'));
    expect(screen.getByText('项目11')).toBeTruthy();
  });
});
