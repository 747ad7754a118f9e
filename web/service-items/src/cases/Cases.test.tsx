/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Provider } from 'urql';
import { fakeServer } from '@kpd/web-kit/testing';
import { Cases } from './Cases';
import { shanghaiInstant } from './RecordCase';

const row = (over: Record<string, unknown>) => ({
  cases: 120,
  decided: 118,
  minSample: 20,
  sampleTooSmall: false,
  medianDays: 2,
  p90Days: 6,
  medianPercentOfPromised: 40,
  p90PercentOfPromised: 120,
  visitsPerCase: 0.6,
  onlineShare: { percent: 45.8 },
  onTimeShare: { numerator: 108, denominator: 118, percent: 91.5 },
  zone: null,
  district: null,
  ...over,
});

const answers = {
  CaseDistricts: () => ({ data: { districts: [{ id: '7', name: '苏家屯区' }] } }),
  ServiceCaseFigures: () => ({
    data: {
      serviceCaseFigures: [
        row({ item: { id: '1', name: '食品经营许可', promisedLimitDays: 5, caseKind: 'PROMISED' } }),
        row({
          cases: 9,
          decided: 9,
          sampleTooSmall: true,
          medianDays: null,
          p90Days: null,
          medianPercentOfPromised: null,
          p90PercentOfPromised: null,
          visitsPerCase: null,
          onlineShare: null,
          onTimeShare: null,
          item: { id: '2', name: '婚姻登记', promisedLimitDays: 0, caseKind: 'IMMEDIATE' },
        }),
      ],
    },
  }),
  ServiceCasesList: () => ({
    data: {
      serviceCases: {
        totalCount: 1,
        nodes: [
          {
            id: '5',
            caseNo: 'SJT202009140001',
            channel: 'WINDOW',
            acceptedAt: '2020-09-14T01:00:00.000Z',
            decidedAt: '2020-09-25T07:00:00.000Z',
            outcome: 'APPROVED',
            handlingDays: 9,
            promisedDays: 5,
            onTime: false,
            item: { name: '食品经营许可' },
          },
        ],
      },
    },
  }),
  CaseItemSearch: () => ({
    data: {
      serviceItems: {
        nodes: [
          { id: '1', name: '食品经营许可', implementationCode: 'SJT-1', district: { name: '苏家屯区' } },
        ],
      },
    },
  }),
  RecordServiceCase: () => ({
    errors: [
      {
        message: 'input.decidedAt: 办结时间不能早于受理时间',
        extensions: {
          code: 'BAD_USER_INPUT',
          field: 'input.decidedAt',
          reason: '办结时间不能早于受理时间',
          problems: [{ field: 'input.decidedAt', reason: '办结时间不能早于受理时间' }],
        },
      },
    ],
  }),
};

describe('the cases page', () => {
  test('shows measured figures, "样本过少" below the minimum sample, and a late case', async () => {
    const server = fakeServer(answers);
    render(
      <Provider value={server.client}>
        <Cases canEdit={false} />
      </Provider>,
    );
    const table = await screen.findByTestId('case-figures');
    expect(table.textContent).toContain('91.5%');
    expect(table.textContent).toContain('2个工作日 / 6个工作日');
    expect(within(table).getAllByTestId('too-few').length).toBeGreaterThan(0);
    expect((await screen.findByTestId('case-list')).textContent).toContain('超期');
    expect(server.calls.find((c) => c.name === 'ServiceCaseFigures')!.variables).toEqual({
      filter: { areaId: null, from: '2019-10-01', to: '2020-09-30' },
      groupBy: 'ITEM',
    });
  });

  test('shows the server’s refusal of a case under the field it names', async () => {
    const server = fakeServer(answers);
    render(
      <Provider value={server.client}>
        <Cases canEdit />
      </Provider>,
    );
    const form = await screen.findByTestId('case-form');
    // Fill the required fields the way the form holds them.
    fireEvent.change(within(form).getByTestId('case-no'), { target: { value: 'SJT-T-1' } });
    // The times are day-and-time pickers: typed and confirmed with Enter, as a clerk would.
    const typeTime = (testId: string, value: string) => {
      const input = form.querySelector(`[data-testid="${testId}"] input, input[data-testid="${testId}"]`) as HTMLInputElement;
      fireEvent.mouseDown(input);
      fireEvent.change(input, { target: { value } });
      fireEvent.keyDown(input, { key: 'Enter', code: 'Enter', keyCode: 13 });
      fireEvent.blur(input);
    };
    typeTime('case-received', '2020-09-14 09:00');
    typeTime('case-accepted', '2020-09-14 09:10');
    typeTime('case-decided', '2020-09-11 09:10');
    fireEvent.mouseDown(within(form).getAllByRole('combobox')[0]);
    fireEvent.click(await screen.findByText('食品经营许可（苏家屯区）'));
    fireEvent.click(within(form).getByTestId('case-save'));
    await waitFor(() => expect(server.calls.map((c) => c.name)).toContain('RecordServiceCase'));
    const sent = server.calls.find((c) => c.name === 'RecordServiceCase')!.variables as {
      input: Record<string, unknown>;
    };
    expect(sent.input).toMatchObject({
      itemId: '1',
      caseNo: 'SJT-T-1',
      receivedAt: '2020-09-14T01:00:00.000Z',
      decidedAt: '2020-09-11T01:10:00.000Z',
    });
    const reason = await screen.findByText('办结时间不能早于受理时间');
    expect(reason.closest('.ant-form-item')?.querySelector('[data-testid="case-decided"]')).toBeTruthy();
  }, 150_000);

  test('reads typed times on the Shanghai clock', () => {
    expect(shanghaiInstant('2020-09-14T09:00')).toBe('2020-09-14T01:00:00.000Z');
    expect(shanghaiInstant('')).toBeNull();
  });
});
