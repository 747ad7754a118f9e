/** @jest-environment jsdom */
import { badInput, fakeServer, fireEvent, Mounted, render, screen, waitFor } from '@kpd/web-kit/testing';
import { EditPlanButton } from './PlanEditor';

// 姚千街道学校新建项目（97号）of 苏家屯区: 2,000万元 over 2020, planned by month.
const project = {
  id: '97',
  totalInvestment: '20000000.00',
  constructionStart: '2020-01',
  constructionEnd: '2020-12',
  planYears: [{ year: 2020, plannedInvestment: '20000000.00', plannedProgress: '主体完工' }],
  planMonths: Array.from({ length: 12 }, (_, i) => ({
    period: `2020-${String(i + 1).padStart(2, '0')}`,
    plannedInvestment: i < 8 ? '2000000.00' : '1000000.00',
    plannedMilestone: '',
  })),
};

function open(answers: Parameters<typeof fakeServer>[0]) {
  const server = fakeServer({ PlanForEdit: () => ({ data: { project } }), ...answers });
  const onSaved = jest.fn();
  render(
    <Mounted client={server.client}>
      <EditPlanButton projectId="97" onSaved={onSaved} />
    </Mounted>,
  );
  fireEvent.click(screen.getByTestId('edit-plan'));
  return { ...server, onSaved };
}

/** Moves 10万元 from September to October: the months still add up to the year. */
async function moveTenFromSeptemberToOctober() {
  const september = (await screen.findByTestId('plan-month-9')) as HTMLInputElement;
  await waitFor(() => expect(september.value).toBe('100'));
  fireEvent.change(september, { target: { value: '90' } });
  fireEvent.change(screen.getByTestId('plan-month-10'), { target: { value: '110' } });
}

/** The dialog's button whose words match (antd spaces two-character labels: 保 存). */
const okButton = (name: RegExp) => [...document.querySelectorAll<HTMLButtonElement>('.ant-modal button')].find((b) => name.test(b.textContent ?? ''))!;

describe('the plan editor sends what it may not save as a request', () => {
  test('a year with an approved baseline: the change goes in as a new version with its reason', async () => {
    const { sent, onSaved } = open({
      SavePlanTable: () => badInput([{ field: 'input.months', reason: '2020年的分月计划已批准为基线：修改须作为新版本提交（说明理由，经市级管理员批准）' }], { planVersionNeeded: 2020 }),
      RequestPlanVersion: () => ({ data: { requestPlanVersion: { id: '5', version: 2, status: 'PENDING' } } }),
    });
    await moveTenFromSeptemberToOctober();
    fireEvent.click(okButton(/保\s*存/));
    expect((await screen.findByTestId('plan-request')).textContent).toContain('2020年的分月计划已批准为基线');

    // Without a reason nothing is sent.
    fireEvent.click(okButton(/提交变更申请/));
    expect(await screen.findByText('请说明为什么要修改计划')).toBeTruthy();
    expect(sent('RequestPlanVersion')).toHaveLength(0);

    fireEvent.change(screen.getByTestId('plan-request-reason'), { target: { value: '设备到货推迟一个月' } });
    fireEvent.click(okButton(/提交变更申请/));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    const [call] = sent('RequestPlanVersion');
    expect(call.variables).toMatchObject({ projectId: '97', reason: '设备到货推迟一个月', input: { year: 2020 } });
    const months = (call.variables.input as { months: Array<{ month: number; plannedInvestment: string }> }).months;
    expect(months.find((m) => m.month === 9)!.plannedInvestment).toBe('900000.00');
    expect(months.find((m) => m.month === 10)!.plannedInvestment).toBe('1100000.00');
    expect(await screen.findByText('计划变更（第 2 版）已提交，待市级管理员审批')).toBeTruthy();
  });

  test('a closed month: its cell says so, and the table goes in as a correction; the server’s refusal shows under the reason', async () => {
    let reasonRefused = true;
    const { sent, onSaved } = open({
      SavePlanTable: () =>
        badInput([{ field: 'input.months[8].plannedInvestment', reason: '2020-09 已关账：已关账月份的计划只能通过更正申请修改（说明理由，经市级管理员批准）' }], { monthClosed: '2020-09' }),
      RequestPlanCorrection: () => {
        if (reasonRefused) {
          reasonRefused = false;
          return badInput([{ field: 'reason', reason: '请说明更正理由 (a reason is needed)' }]);
        }
        return { data: { requestPlanCorrection: { id: '8', period: '2020-09', status: 'PENDING' } } };
      },
    });
    await moveTenFromSeptemberToOctober();
    fireEvent.click(okButton(/保\s*存/));
    expect((await screen.findByTestId('plan-request')).textContent).toContain('2020年9月已关账');
    expect(await screen.findByText(/^2020-09 已关账：/)).toBeTruthy();

    fireEvent.change(screen.getByTestId('plan-request-reason'), { target: { value: '   补录' } });
    fireEvent.click(okButton(/提交更正申请/));
    // Under the reason field, in Chinese only.
    expect(await screen.findByText('请说明更正理由')).toBeTruthy();
    expect(screen.queryByText(/a reason is needed/)).toBeNull();
    expect(onSaved).not.toHaveBeenCalled();

    fireEvent.click(okButton(/提交更正申请/));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(sent('RequestPlanCorrection')).toHaveLength(2);
    expect(sent('RequestPlanCorrection')[1].variables).toMatchObject({ projectId: '97', reason: '补录' });
    expect(sent('SavePlanTable')).toHaveLength(1);
  });

  test('a plain save needs no request', async () => {
    const { sent, onSaved } = open({ SavePlanTable: () => ({ data: { savePlanTable: { id: '97' } } }) });
    await moveTenFromSeptemberToOctober();
    fireEvent.click(okButton(/保\s*存/));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(screen.queryByTestId('plan-request')).toBeNull();
    expect(sent('SavePlanTable')).toHaveLength(1);
  });
});
