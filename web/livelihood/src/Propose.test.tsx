/** @jest-environment jsdom */
import { badInput, fakeServer, fireEvent, Mounted, render, screen, waitFor } from '@kpd/web-kit/testing';
import { congressesOf, Propose } from './Propose';

const SHENYANG = { id: '2', name: '沈阳市', level: 'CITY' as const };
const SUJIATUN = { id: '7', name: '苏家屯区', level: 'DISTRICT' as const };
const sessions = [
  { area: SHENYANG, city: { id: '2', name: '沈阳市' } },
  { area: SUJIATUN, city: { id: '2', name: '沈阳市' } },
  { area: SHENYANG, city: { id: '2', name: '沈阳市' } },
];

describe('the congresses one may propose to', () => {
  test('each once, the city first, with the congresses under it', () => {
    expect(congressesOf(sessions)).toEqual([
      { ...SHENYANG, below: [SUJIATUN] },
      { ...SUJIATUN, below: [] },
    ]);
  });
  test('none without sessions', () => expect(congressesOf([])).toEqual([]));
});

function open(submit: Parameters<typeof fakeServer>[0][string]) {
  const server = fakeServer({ ProposalCongresses: () => ({ data: { voteSessions: sessions } }), SubmitLivelihoodProposal: submit });
  const onTrack = jest.fn();
  render(
    <Mounted client={server.client}>
      <Propose signedIn={false} onTrack={onTrack} />
    </Mounted>,
  );
  return { ...server, onTrack };
}

async function choose(index: number, option: string) {
  const form = await screen.findByTestId('propose');
  // The form shows once the congresses are read; the district's box once a city is chosen.
  const box = await waitFor(() => {
    const boxes = form.querySelectorAll('[role=combobox]');
    expect(boxes.length).toBeGreaterThan(index);
    return boxes[index];
  });
  fireEvent.mouseDown(box);
  // The dropdown opened last is the last in the page (those closed stay, hidden).
  const options = await screen.findAllByTitle(option);
  fireEvent.click(options[options.length - 1]);
}

async function fill(title: string) {
  await choose(0, '沈阳市');
  await choose(2, '交通与道路');
  fireEvent.change(screen.getByTestId('propose-title'), { target: { value: title } });
  fireEvent.change(screen.getByTestId('propose-description'), { target: { value: '苏家屯区枫杨路与迎春街交口早晚高峰拥堵，建议增设信号灯和左转车道。' } });
  fireEvent.change(screen.getByTestId('propose-cost'), { target: { value: '85.5' } });
}

describe('proposing a livelihood project', () => {
  test('the form checks what the API checks before sending', async () => {
    const { sent } = open(() => ({ data: null }));
    await fill('路口');
    fireEvent.click(screen.getByTestId('propose-submit'));
    expect(await screen.findByText('标题须为 4–200 个字')).toBeTruthy();
    expect(sent('SubmitLivelihoodProposal')).toHaveLength(0);
  });

  test('a refusal shows under its field in Chinese; then the tracking code, which opens the tracking', async () => {
    let refuse = true;
    const { sent, onTrack } = open(() => {
      if (refuse) {
        refuse = false;
        return badInput([{ field: 'input.districtId', reason: '不是该地区所辖的区县或乡镇 (not a district or township within that area)' }]);
      }
      return { data: { submitLivelihoodProposal: { trackingCode: 'MS7K2Q9X4M1P', proposal: { id: '41', title: '枫杨路口增设信号灯', status: 'SUBMITTED' } } } };
    });
    await fill('枫杨路口增设信号灯');
    await choose(1, '苏家屯区');
    fireEvent.click(screen.getByTestId('propose-submit'));
    const reason = await screen.findByText('不是该地区所辖的区县或乡镇');
    expect(reason.closest('.ant-form-item')?.textContent).toContain('涉及区县或乡镇');
    expect(screen.queryByText(/not a district/)).toBeNull();

    fireEvent.click(screen.getByTestId('propose-submit'));
    expect((await screen.findByTestId('propose-code')).textContent).toContain('MS7K2Q9X4M1P');
    expect(sent('SubmitLivelihoodProposal')[1].variables.input).toEqual({
      cityId: '2',
      districtId: '7',
      category: 'TRANSPORT',
      title: '枫杨路口增设信号灯',
      description: '苏家屯区枫杨路与迎春街交口早晚高峰拥堵，建议增设信号灯和左转车道。',
      estimatedCost: '855000.00',
      submitterName: null,
      contact: null,
    });
    fireEvent.click(screen.getByTestId('propose-track'));
    await waitFor(() => expect(onTrack).toHaveBeenCalledWith('MS7K2Q9X4M1P'));
  });
});
