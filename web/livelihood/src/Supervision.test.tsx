/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Provider } from 'urql';
import { LocaleProvider, type Viewer } from '@kpd/web-kit';
import { fakeServer, type FakeAnswer } from '@kpd/web-kit/testing';
import { Supervision } from './Supervision';

const FUXIN = { id: '21', name: '阜新市' };
const viewer = (role: Viewer['role'], username: string): Viewer => ({ id: '1', username, displayName: username, role, area: { id: FUXIN.id, name: FUXIN.name, level: 'CITY' } });

const renovation = { id: '101', name: '实施老旧小区改造工程222万平方米', candidate: { position: 1 }, supervision: { groups: 1, inspections: 1, advices: 2, overdue: 0 } };
const parking = { id: '109', name: '新增城区公共停车泊位3000个', candidate: { position: 9 }, supervision: { groups: 1, inspections: 1, advices: 1, overdue: 1 } };

const overdueAdvice = {
  id: '7',
  content: '落实剩余泊位选址，制定四季度完成计划并报送。',
  department: '市公安局交通警察支队',
  issuedOn: '2021-09-15',
  dueDate: '2021-10-12',
  state: 'OVERDUE',
  answer: null,
  answeredOn: null,
  answeredBy: null,
  project: { id: parking.id, name: parking.name },
  inspection: { group: { name: '第三监督小组' } },
};
const answeredAdvice = {
  id: '5',
  content: '公开施工时段和投诉电话，夜间不施工。',
  department: '市住房和城乡建设局',
  issuedOn: '2021-06-18',
  dueDate: '2021-07-02',
  state: 'ANSWERED',
  answer: '各小区已张贴施工时段（8:00—18:00）和投诉电话，夜间停止施工。',
  answeredOn: '2021-06-30',
  answeredBy: '市住房和城乡建设局 城市建设科',
  project: { id: renovation.id, name: renovation.name },
  inspection: { group: { name: '第一监督小组' } },
};

const projectDetail = (isMember: boolean, roster: Array<{ id: string; name: string; delegation: string }> | null) => ({
  livelihoodProject: {
    id: renovation.id,
    name: renovation.name,
    leadDepartment: '市住房和城乡建设局',
    session: { id: '3', roster },
    supervisionGroups: [
      {
        id: '11',
        name: '第一监督小组',
        isMember,
        members: [{ id: '1', name: '代表001', delegation: '新邱区代表团', leader: true }],
        inspections: [
          {
            id: '31',
            inspectedOn: '2021-06-18',
            place: '海州区西山街道老旧小区改造现场',
            findings: '部分小区外墙保温施工进度滞后。',
            photos: [{ file: { id: 'f1', url: '/api/files/f1', thumbnailUrl: null, name: 'a.jpg' }, flags: ['拍摄时间（2021-05-01）早于检查日期 2021-06-18'] }],
            advices: [answeredAdvice],
          },
        ],
      },
    ],
  },
});

const subItems = [
  { id: '61', position: 1, name: '海州区老旧小区改造60万平方米', delegation: '海州区代表团', targetQuantity: '60', doneQuantity: '60', unit: '万平方米', percent: 100, progressNote: '已完成', rating: 'SATISFIED', ratingNote: '群众反映较好', ratedOn: '2021-12-20' },
  { id: '64', position: 4, name: '新邱区老旧小区改造22万平方米', delegation: '新邱区代表团', targetQuantity: '22', doneQuantity: '22', unit: '万平方米', percent: 100, progressNote: null, rating: null, ratingNote: null, ratedOn: null },
];

function renderPage(who: Viewer, extra: Record<string, (v: Record<string, unknown>) => FakeAnswer> = {}, detail = projectDetail(false, null)) {
  const server = fakeServer({
    BoardChoices: () => ({ data: { voteSessions: [{ id: '3', meetingDate: '2021-01-15', level: 'CITY', area: FUXIN, adopted: [{ id: '1' }] }] } }),
    SupervisionAdvices: (v) => ({ data: { livelihoodSupervisionAdvices: v.overdueOnly ? [overdueAdvice] : [answeredAdvice, overdueAdvice] } }),
    SupervisionProjects: () => ({ data: { livelihoodBoard: [parking, renovation] } }),
    SupervisionProject: () => ({ data: detail }),
    LivelihoodSubItems: () => ({ data: { livelihoodProject: { id: renovation.id, unit: '万平方米', session: { roster: null }, subItems } } }),
    RateSubItem: (v) => ({ data: { rateLivelihoodSubItem: { id: v.id, rating: v.rating } } }),
    ...extra,
  });
  render(
    <Provider value={server.client}>
      <LocaleProvider locale="zh">
        <Supervision viewer={who} />
      </LocaleProvider>
    </Provider>,
  );
  return server;
}

describe('人大监督: advices, groups and inspections', () => {
  test('lists the advices with overdue ones flagged, and narrows to the overdue', async () => {
    const server = renderPage(viewer('ANALYST', 'analyst'));
    const table = await screen.findByTestId('advices');
    await within(table).findByText(overdueAdvice.content);
    expect(within(table).getAllByTestId('advice-state').map((e) => [e.getAttribute('data-state'), e.textContent])).toEqual([
      ['ANSWERED', '已答复'],
      ['OVERDUE', '超期未答复'],
    ]);
    expect(within(table).getByTestId('advice-answer-text').textContent).toContain('答复：各小区已张贴施工时段');
    // Only admins and responsible units enter answers.
    expect(within(table).queryByTestId('advice-answer')).toBeNull();
    fireEvent.click(screen.getByTestId('advices-overdue-only'));
    await waitFor(() => expect(server.calls.filter((c) => c.name === 'SupervisionAdvices').map((c) => c.variables.overdueOnly)).toContain(true));
    expect(server.calls.find((c) => c.name === 'SupervisionAdvices')!.variables).toMatchObject({ areaId: FUXIN.id, year: 2021 });
  });

  test('an admin enters the department’s answer, and the list is read again', async () => {
    const server = renderPage(viewer('ADMIN', 'admin.fuxin'), {
      AnswerAdvice: () => ({ data: { answerLivelihoodSupervisionAdvice: { id: overdueAdvice.id, state: 'ANSWERED_LATE' } } }),
    });
    const table = await screen.findByTestId('advices');
    const button = await within(table).findByTestId('advice-answer');
    fireEvent.click(button);
    fireEvent.change(await screen.findByTestId('answer-text'), { target: { value: '已落实剩余 1200 个泊位选址，12 月底前完工。' } });
    expect((screen.getByTestId('answer-by') as HTMLInputElement).value).toBe('市公安局交通警察支队');
    fireEvent.click(screen.getByTestId('answer-save'));
    await waitFor(() => expect(server.calls.some((c) => c.name === 'AnswerAdvice')).toBe(true));
    expect(server.calls.find((c) => c.name === 'AnswerAdvice')!.variables).toEqual({ id: '7', input: { answer: '已落实剩余 1200 个泊位选址，12 月底前完工。', answeredBy: '市公安局交通警察支队' } });
    await waitFor(() => expect(server.calls.filter((c) => c.name === 'SupervisionAdvices').length).toBeGreaterThan(1));
  });

  test('a project’s groups show their members, inspections, photo flags and answers; a member may record an inspection', async () => {
    renderPage(viewer('DELEGATE', 'delegate.001'), {}, projectDetail(true, null));
    const group = await screen.findByTestId('supervision-group');
    expect(group.textContent).toContain('代表001（新邱区代表团） · 组长');
    expect(within(group).getByTestId('inspection').textContent).toContain('2021-06-18 · 海州区西山街道老旧小区改造现场');
    expect(within(group).getByTestId('photo-flag').textContent).toBe('拍摄时间（2021-05-01）早于检查日期 2021-06-18');
    expect(within(group).getByTestId('inspection-record')).toBeTruthy();
    // Not an admin: no group form.
    expect(screen.queryByTestId('group-form')).toBeNull();
  });

  test('the sub-items show their progress and ratings; a delegate rates one for the delegation', async () => {
    const server = renderPage(viewer('DELEGATE', 'delegate.001'), {}, projectDetail(true, null));
    const table = await screen.findByTestId('sub-items');
    await within(table).findByText('海州区老旧小区改造60万平方米');
    expect(within(table).getByTestId('sub-item-rating').textContent).toBe('满意群众反映较好');
    fireEvent.click(within(table).getByTestId('sub-item-rate-BASICALLY_SATISFIED'));
    await waitFor(() => expect(server.calls.find((c) => c.name === 'RateSubItem')?.variables).toEqual({ id: '64', rating: 'BASICALLY_SATISFIED', note: null }));
  });

  test('a delegate outside the group reads it but records nothing', async () => {
    renderPage(viewer('DELEGATE', 'delegate.002'));
    const group = await screen.findByTestId('supervision-group');
    expect(within(group).queryByTestId('inspection-record')).toBeNull();
  });

  test('a member records an inspection with an advice due in working days', async () => {
    const server = renderPage(viewer('DELEGATE', 'delegate.001'), { RecordInspection: () => ({ data: { recordLivelihoodInspection: { id: '40' } } }) }, projectDetail(true, null));
    fireEvent.click(await screen.findByTestId('inspection-record'));
    const form = await screen.findByTestId('inspection-form');
    fireEvent.change(within(form).getByTestId('inspection-place'), { target: { value: '海州区西山街道' } });
    fireEvent.change(within(form).getByTestId('inspection-findings'), { target: { value: '外墙保温已完成。' } });
    fireEvent.click(within(form).getByTestId('inspection-add-advice'));
    fireEvent.change(await within(form).findByPlaceholderText('督办建议'), { target: { value: '做好竣工验收资料归档。' } });
    fireEvent.click(screen.getByTestId('inspection-save'));
    // The day is required: nothing is sent without it.
    expect(await within(form).findByText('必填')).toBeTruthy();
    expect(server.calls.some((c) => c.name === 'RecordInspection')).toBe(false);
  });

  test('an admin forms a group from the roster', async () => {
    renderPage(viewer('ADMIN', 'admin.fuxin'), {}, projectDetail(false, [{ id: '501', name: '代表001', delegation: '新邱区代表团' }]));
    const form = await screen.findByTestId('group-form');
    expect(within(form).getByTestId('group-name')).toBeTruthy();
    expect(within(form).getByTestId('group-members')).toBeTruthy();
  });
});
