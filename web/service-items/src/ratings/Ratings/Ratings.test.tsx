/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Provider } from 'urql';
import { fakeServer } from '@kpd/web-kit/testing';
import Public from '../../Public';
import { Ratings } from '.';

const FORM = {
  caseNo: 'SJT202009140001',
  itemName: '食品经营许可',
  department: '区市场监督管理局',
  districtName: '苏家屯区',
  decidedAt: '2020-09-18T07:00:00.000Z',
  rated: false,
  score: null,
};

function renderRatePage(answers: Parameters<typeof fakeServer>[0], token = 'rate_abc') {
  const server = fakeServer(answers);
  render(
    <Provider value={server.client}>
      <Public locale="zh" path={`/${token}`} basePath="/public/rate" navigate={() => undefined} />
    </Provider>,
  );
  return server;
}

describe('the public rating page', () => {
  test('a bad rating needs a reason the applicant picks; it is sent with the token and thanked', async () => {
    const server = renderRatePage({
      PublicServiceRating: () => ({ data: { publicServiceRating: FORM } }),
      RateServiceCase: () => ({ data: { rateServiceCase: { rated: true, score: 2 } } }),
    });
    expect((await screen.findByTestId('rate-item')).textContent).toBe('食品经营许可');
    fireEvent.click(screen.getByTestId('rate-submit'));
    expect((await screen.findByTestId('rate-problem')).textContent).toContain('请先选择评价等级');
    // The second star: 不满意, with the complaints to choose from.
    const stars = screen.getByTestId('rate-stars').querySelectorAll('.ant-rate-star > div');
    fireEvent.click(stars[1]);
    expect(screen.getByTestId('rate-label').textContent).toBe('不满意');
    expect(within(screen.getByTestId('rate-reasons')).queryByText('办理快捷')).toBeNull();
    fireEvent.click(within(screen.getByTestId('rate-reasons')).getByText('办理时间长'));
    fireEvent.change(screen.getByTestId('rate-comment'), { target: { value: ' 等了两周 ' } });
    fireEvent.click(screen.getByTestId('rate-submit'));
    expect((await screen.findByTestId('rate-done')).textContent).toContain('5个工作日内核实整改');
    expect(server.calls.find((c) => c.name === 'RateServiceCase')!.variables).toEqual({
      token: 'rate_abc',
      input: { score: 2, reasons: ['SLOW'], comment: '等了两周' },
    });
  });

  test('a spent link says the case is rated; an unknown one says the link is not valid', async () => {
    renderRatePage({ PublicServiceRating: () => ({ data: { publicServiceRating: { ...FORM, rated: true, score: 5 } } }) });
    expect((await screen.findByTestId('rate-spent')).textContent).toContain('已评价');
  });

  test('an unknown token', async () => {
    renderRatePage({
      PublicServiceRating: () => ({ errors: [{ message: 'RatingLink not found', extensions: { code: 'NOT_FOUND' } }] }),
    });
    expect((await screen.findByTestId('rate-invalid')).textContent).toContain('评价链接无效');
  });
});

const figure = (over: Record<string, unknown>) => ({
  department: null,
  rated: 120,
  distribution: [2, 3, 5, 30, 80],
  bad: 5,
  minSample: 20,
  sampleTooSmall: false,
  averageScore: 4.52,
  satisfiedShare: { percent: 91.7 },
  rectifications: 5,
  rectificationRate: { numerator: 4, denominator: 5, percent: 80 },
  rectifiedOnTime: { percent: 75 },
  overdue: 1,
  medianRectificationDays: 3,
  district: null,
  window: null,
  ...over,
});

const rectification = {
  id: '9',
  status: 'VERIFYING',
  nextStep: 'VERIFY',
  owner: '区市场监督管理局',
  department: '区市场监督管理局',
  openedOn: '2020-09-28',
  deadline: '2020-10-13',
  rectifiedOn: null,
  closedOn: null,
  founded: null,
  overdue: true,
  version: 1,
  item: { name: '食品经营许可' },
  window: { number: 'C03' },
  district: { name: '苏家屯区' },
  rating: { score: 1, reasonList: ['SLOW'], comment: '超过承诺时限才办结', case: { caseNo: 'SJT202009140001' } },
  steps: [],
};

describe('the 好差评 admin page', () => {
  const answers = {
    RatingDistricts: () => ({ data: { districts: [{ id: '7', name: '苏家屯区' }] } }),
    ServiceRatingFigures: () => ({
      data: {
        serviceRatingFigures: [
          figure({ department: '区市场监督管理局' }),
          figure({
            department: '区民政局',
            rated: 6,
            distribution: [0, 0, 1, 2, 3],
            bad: 0,
            sampleTooSmall: true,
            averageScore: null,
            satisfiedShare: null,
            rectifications: 0,
            rectificationRate: { numerator: 0, denominator: 0, percent: null },
            rectifiedOnTime: { percent: null },
            overdue: 0,
            medianRectificationDays: null,
          }),
        ],
      },
    }),
    ServiceRectifications: () => ({
      data: {
        serviceRectifications: { totalCount: 1, pageInfo: { hasNextPage: false, endCursor: null }, nodes: [rectification] },
      },
    }),
    ServiceRectificationDetail: () => ({ data: { serviceRectification: rectification } }),
    RecordRectificationStep: () => ({
      data: {
        recordRectificationStep: { id: '9', status: 'RECTIFYING', nextStep: 'RECTIFY', version: 2, rectifiedOn: null, overdue: true },
      },
    }),
  };

  test('shows the figures by department, "样本不足" below the sample, and an overdue rectification', async () => {
    const server = fakeServer(answers);
    render(
      <Provider value={server.client}>
        <Ratings canEdit={false} />
      </Provider>,
    );
    const table = await screen.findByTestId('rating-figures');
    expect(table.textContent).toContain('区市场监督管理局');
    expect(table.textContent).toContain('91.7%');
    expect(table.textContent).toContain('80.0%（4/5）');
    expect(table.textContent).toContain('3个工作日');
    expect(within(table).getAllByTestId('too-few')[0].textContent).toBe('样本不足');
    const list = await screen.findByTestId('rectifications');
    expect(within(list).getByTestId('overdue').textContent).toBe('超期未整改');
    expect(list.textContent).toContain('核实');
    expect(server.calls.find((c) => c.name === 'ServiceRectifications')!.variables).toEqual({
      filter: { areaId: null, statuses: ['VERIFYING', 'RECTIFYING', 'FEEDBACK', 'RETURN_VISIT'], overdue: null },
      after: null,
    });
  });

  test('records the verification of a rectification with its finding', async () => {
    const server = fakeServer(answers);
    render(
      <Provider value={server.client}>
        <Ratings canEdit />
      </Provider>,
    );
    fireEvent.click(await screen.findByTestId('rectification-open'));
    const detail = await screen.findByTestId('rectification-detail');
    expect(detail.textContent).toContain('非常不满意：办理时间长');
    const form = within(detail).getByTestId('step-form');
    fireEvent.click(within(form).getByText('差评属实'));
    fireEvent.change(within(form).getByTestId('step-note'), { target: { value: '调阅窗口记录，情况属实' } });
    const date = form.querySelector('[data-testid="step-date"] input, input[data-testid="step-date"]') as HTMLInputElement;
    fireEvent.mouseDown(date);
    fireEvent.change(date, { target: { value: '2020-09-29' } });
    fireEvent.keyDown(date, { key: 'Enter', code: 'Enter', keyCode: 13 });
    fireEvent.click(within(form).getByTestId('step-save'));
    await waitFor(() => expect(server.calls.map((c) => c.name)).toContain('RecordRectificationStep'));
    expect(server.calls.find((c) => c.name === 'RecordRectificationStep')!.variables).toEqual({
      id: '9',
      expectedVersion: 1,
      input: { step: 'VERIFY', date: '2020-09-29', note: '调阅窗口记录，情况属实', founded: true, satisfied: null, owner: null },
    });
  });
});
