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
});
