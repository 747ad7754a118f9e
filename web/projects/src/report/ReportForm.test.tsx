/** @jest-environment jsdom */
import { badInput, fakeServer, fireEvent, Mounted, render, screen, waitFor } from '@kpd/web-kit/testing';
import { ReportForm } from './ReportForm';

function open(answers: Parameters<typeof fakeServer>[0]) {
  // The home page's 填报月报 opens the form on its month.
  window.history.replaceState(null, '', '/projects?open=97&report=2020-09');
  const server = fakeServer(answers);
  const onSaved = jest.fn();
  render(
    <Mounted client={server.client}>
      <ReportForm projectId="97" reports={[]} onSaved={onSaved} />
    </Mounted>,
  );
  return { ...server, onSaved };
}

const pickerInput = () => screen.getByTestId('report-form').querySelector<HTMLInputElement>('.ant-picker input')!;

describe('the monthly report form', () => {
  test('the month is an antd picker in Chinese, on the month the link named', () => {
    open({});
    expect(pickerInput().value).toBe('2020年09月');
    expect(screen.getByTestId('report-form').querySelector('input[type=month]')).toBeNull();
  });

  test('a refused amount shows under its field, in Chinese', async () => {
    const { sent, onSaved } = open({
      SaveMonthlyReport: () => badInput([{ field: 'input.actualInvestment', reason: '实际完成投资不能为负数 (must not be negative)' }]),
    });
    fireEvent.change(screen.getByTestId('report-actual'), { target: { value: '1064000' } });
    fireEvent.click(screen.getByTestId('report-save'));
    const reason = await screen.findByText('实际完成投资不能为负数');
    expect(reason.closest('.ant-form-item')?.querySelector('[data-testid=report-actual]')).toBeTruthy();
    expect(screen.queryByText(/must not be negative|input\.actualInvestment/)).toBeNull();
    expect(sent('SaveMonthlyReport')[0].variables.input).toMatchObject({ projectId: '97', period: '2020-09', actualInvestment: '1064000' });
    expect(onSaved).not.toHaveBeenCalled();
  });

  test('a closed month: the report goes in as a correction with its reason', async () => {
    const { sent } = open({
      SaveMonthlyReport: () => badInput([{ field: 'input.period', reason: '2020-09 已关账：报告只能作为更正申请提交' }], { monthClosed: '2020-09' }),
      RequestReportCorrection: () => ({ data: { requestReportCorrection: { id: '12', status: 'PENDING', period: '2020-09' } } }),
    });
    fireEvent.change(screen.getByTestId('report-actual'), { target: { value: '1064000' } });
    fireEvent.click(screen.getByTestId('report-save'));
    await screen.findByTestId('report-month-closed');
    fireEvent.change(screen.getByTestId('correction-reason'), { target: { value: '月报漏填现场照片对应的投资' } });
    fireEvent.click(screen.getByTestId('report-save'));
    await screen.findByTestId('correction-requested');
    await waitFor(() => expect(sent('RequestReportCorrection')).toHaveLength(1));
    expect(sent('RequestReportCorrection')[0].variables.input).toMatchObject({ period: '2020-09', reason: '月报漏填现场照片对应的投资' });
  });

  const SOURCES = {
    ReportFundingSources: () => ({ data: { project: { id: '97', district: { id: '5' } } } }),
    ReportCitySources: () => ({
      data: { fundingSources: [{ id: '1', code: 'ZYYSN', name: '中央预算内投资' }, { id: '2', code: 'ZXZ', name: '地方政府专项债券' }, { id: '3', code: 'DFCZ', name: '地方财政资金' }] },
    }),
  };
  const amounts = () => screen.getAllByTestId('report-split-amount');

  test('按资金来源拆分: one row per source of the city; parts that do not add up are refused under the last row before sending; the rows with an amount are sent', async () => {
    const { sent, onSaved } = open({
      ...SOURCES,
      SaveMonthlyReport: () => ({ data: { saveMonthlyReport: { id: '1', period: '2020-09', actualInvestment: '1000.00', version: 1, light: null } } }),
    });
    fireEvent.change(screen.getByTestId('report-actual'), { target: { value: '1000' } });
    await waitFor(() => expect(sent('ReportCitySources')).toHaveLength(1));
    fireEvent.click(screen.getByTestId('report-split-on'));
    await waitFor(() => expect(screen.getAllByTestId('report-split-row')).toHaveLength(3));
    fireEvent.change(amounts()[1], { target: { value: '600' } });
    fireEvent.change(amounts()[2], { target: { value: '399.99' } });
    await screen.findByText(/差额 0\.01 元/);
    fireEvent.click(screen.getByTestId('report-save'));
    // The empty row is dropped; the gap shows under the last remaining row's amount, and nothing is sent.
    const reason = await screen.findByText(/各资金来源合计 999\.99 元，应等于本月实际完成投资 1000\.00 元/);
    expect(reason.closest('.ant-form-item')?.querySelector('[data-testid=report-split-amount]')).toBe(amounts()[1]);
    expect(screen.getAllByTestId('report-split-row')).toHaveLength(2);
    expect(sent('SaveMonthlyReport')).toHaveLength(0);
    fireEvent.change(amounts()[1], { target: { value: '400' } });
    fireEvent.click(screen.getByTestId('report-save'));
    await waitFor(() => expect(sent('SaveMonthlyReport')).toHaveLength(1));
    expect(sent('SaveMonthlyReport')[0].variables.input).toMatchObject({ actualInvestment: '1000', investmentBySource: [{ sourceCode: 'ZXZ', amount: '600' }, { sourceCode: 'DFCZ', amount: '400' }] });
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
  });

  test('without the split the report sends none (the stored split is kept); the server’s refusal of a part shows under that row', async () => {
    const { sent } = open({
      ...SOURCES,
      SaveMonthlyReport: (v) =>
        (v.input as { investmentBySource: unknown }).investmentBySource ? badInput([{ field: 'input.investmentBySource[0].sourceCode', reason: '资金来源「ZXZ」不在本市资金来源目录中' }]) : badInput([{ field: 'input.investmentBySource', reason: '本月实际完成投资已改变，原有的资金来源拆分不再相符：请重新拆分，或提交空的拆分以取消' }]),
    });
    fireEvent.change(screen.getByTestId('report-actual'), { target: { value: '1000' } });
    fireEvent.click(screen.getByTestId('report-save'));
    await screen.findByText(/按资金来源拆分：本月实际完成投资已改变/);
    expect((sent('SaveMonthlyReport')[0].variables.input as { investmentBySource: unknown }).investmentBySource).toBeNull();
    await waitFor(() => expect(sent('ReportCitySources')).toHaveLength(1));
    fireEvent.click(screen.getByTestId('report-split-on'));
    await waitFor(() => expect(screen.getAllByTestId('report-split-row')).toHaveLength(3));
    fireEvent.change(amounts()[1], { target: { value: '1000' } });
    fireEvent.click(screen.getByTestId('report-save'));
    const reason = await screen.findByText('资金来源「ZXZ」不在本市资金来源目录中');
    expect(reason.closest('.ant-form-item')?.querySelector('[data-testid=report-split-source]')).toBeTruthy();
    expect((sent('SaveMonthlyReport')[1].variables.input as { investmentBySource: unknown }).investmentBySource).toEqual([{ sourceCode: 'ZXZ', amount: '1000' }]);
  });
});
