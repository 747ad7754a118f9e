/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Provider } from 'urql';
import { fakeServer } from '@kpd/web-kit/testing';
import { Bundles } from './Bundles';

const item = (id: string, name: string, department: string) => ({
  id,
  name,
  department,
  promisedLimitDays: 2,
  caseKind: 'PROMISED',
  visits: 1,
});
const figures = (over: Record<string, unknown>) => ({
  items: 3,
  departments: 2,
  stages: 2,
  oneByOneDays: 4,
  combinedDays: 3,
  daysSaved: 1,
  oneByOneMaterials: 8,
  bundleMaterials: 5,
  materialsSaved: 3,
  oneByOneVisits: 2,
  bundleVisits: 1,
  visitsSaved: 1,
  materialList: ['《一件事联办申请表》', '场所使用证明（产权证明或租赁合同）', '承诺书'],
  limitDays: null,
  withinLimit: null,
  ...over,
});
const answers = {
  ServiceBundles: () => ({
    data: {
      districts: [{ id: '7', name: '苏家屯区' }],
      serviceBundles: [
        {
          id: '1',
          name: '开办企业',
          description: '一表申请、一窗受理',
          limitDays: null,
          version: 1,
          district: { id: '7', name: '苏家屯区' },
          parts: [
            {
              name: '公章刻制',
              department: '沈阳市公安局苏家屯分局',
              stage: 2,
              promisedDays: 1,
              visits: 1,
              visitsReason: '需到刻章企业领取实物印章',
              materials: [
                { name: '营业执照', shared: true },
                { name: '《公章刻制申请表》', shared: false },
              ],
            },
          ],
          items: [
            { stage: 1, hasGuide: true, item: item('11', '企业设立登记', '区市场监督管理局') },
            { stage: 2, hasGuide: true, item: item('12', '社会保险登记', '区人力资源和社会保障局') },
            { stage: 2, hasGuide: false, item: item('13', '就业失业登记', '区人力资源和社会保障局') },
          ],
          figures: figures({}),
        },
        {
          id: '2',
          name: '工程建设项目审批（立项到竣工验收）',
          description: '四个阶段',
          limitDays: 50,
          version: 1,
          district: { id: '7', name: '苏家屯区' },
          parts: [],
          items: [
            { stage: 1, hasGuide: true, item: item('21', '建设用地规划许可证核发', '区自然资源分局') },
            { stage: 2, hasGuide: true, item: item('22', '建筑工程施工许可证核发', '区住房和城乡建设局') },
          ],
          figures: figures({ items: 2, oneByOneDays: 30, combinedDays: 30, daysSaved: 0, limitDays: 50, withinLimit: true }),
        },
      ],
    },
  }),
  BundleItemSearch: () => ({ data: { serviceItems: { nodes: [] } } }),
  SaveServiceBundle: () => ({
    errors: [
      {
        message: 'input.limitDays: 合计承诺时限 30 个工作日，超过上限 20 个工作日',
        extensions: {
          code: 'BAD_USER_INPUT',
          field: 'input.limitDays',
          reason: '合计承诺时限 30 个工作日，超过上限 20 个工作日',
          problems: [{ field: 'input.limitDays', reason: '合计承诺时限 30 个工作日，超过上限 20 个工作日' }],
        },
      },
    ],
  }),
};

describe('the 一件事 page', () => {
  test('shows each bundle’s materials, visits and days against one by one, and the cap kept', async () => {
    const server = fakeServer(answers);
    render(
      <Provider value={server.client}>
        <Bundles canEdit={false} />
      </Provider>,
    );
    const [start, construction] = await screen.findAllByTestId('bundle');
    expect(within(start).getByTestId('bundle-name').textContent).toContain('开办企业');
    expect(within(start).getByTestId('saved-materials').textContent).toBe('减少3');
    expect(within(start).getByTestId('saved-visits').textContent).toBe('减少1');
    expect(within(start).getByTestId('bundle-figures').textContent).toContain('4个工作日');
    expect(start.textContent).toContain(
      '第2阶段：社会保险登记（区人力资源和社会保障局）、就业失业登记（区人力资源和社会保障局）、公章刻制（沈阳市公安局苏家屯分局，进驻单位）',
    );
    expect(within(start).getByTestId('bundle-public').getAttribute('href')).toBe('/public/bundles/1');
    expect(start.textContent).toContain('《一件事联办申请表》、场所使用证明（产权证明或租赁合同）、承诺书');
    expect(within(construction).getByTestId('bundle-limit').textContent).toBe('合计时限符合50个工作日上限');
    expect(screen.queryByTestId('bundle-add')).toBeNull();
  });

  test('shows the server’s refusal of a cap under its field', async () => {
    const server = fakeServer(answers);
    render(
      <Provider value={server.client}>
        <Bundles canEdit />
      </Provider>,
    );
    const [, construction] = await screen.findAllByTestId('bundle');
    fireEvent.click(within(construction).getByTestId('bundle-edit'));
    const form = await screen.findByTestId('bundle-form');
    fireEvent.change(within(form).getByTestId('bundle-limit-input'), { target: { value: '20' } });
    fireEvent.click(within(form).getByTestId('bundle-save'));
    await waitFor(() => expect(server.calls.map((c) => c.name)).toContain('SaveServiceBundle'));
    expect(server.calls.find((c) => c.name === 'SaveServiceBundle')!.variables).toEqual({
      districtId: '7',
      id: '2',
      expectedVersion: 1,
      input: {
        name: '工程建设项目审批（立项到竣工验收）',
        description: '四个阶段',
        limitDays: 20,
        items: [
          { itemId: '21', stage: 1 },
          { itemId: '22', stage: 2 },
        ],
        parts: [],
      },
    });
    const reason = await screen.findByText('合计承诺时限 30 个工作日，超过上限 20 个工作日');
    expect(reason.closest('.ant-form-item')?.querySelector('[data-testid="bundle-limit-input"]')).toBeTruthy();
  });

  test('edits 开办企业’s outside parts: a visit needs its reason, and the parts go back whole with their shared materials', async () => {
    const server = fakeServer({ ...answers, SaveServiceBundle: () => ({ data: { saveServiceBundle: { id: '1', version: 2 } } }) });
    render(
      <Provider value={server.client}>
        <Bundles canEdit />
      </Provider>,
    );
    const [start] = await screen.findAllByTestId('bundle');
    fireEvent.click(within(start).getByTestId('bundle-edit'));
    const form = await screen.findByTestId('bundle-form');
    expect(within(form).getAllByTestId('bundle-part')).toHaveLength(1);
    fireEvent.click(within(form).getByTestId('bundle-add-part'));
    const [, bank] = within(form).getAllByTestId('bundle-part');
    fireEvent.change(within(bank).getByTestId('bundle-part-name'), { target: { value: '银行开户' } });
    fireEvent.change(within(bank).getAllByRole('textbox')[1], { target: { value: '开户银行' } });
    fireEvent.click(within(form).getByTestId('bundle-save'));
    expect(await within(bank).findByText('需到现场的，须说明理由')).toBeTruthy();
    expect(server.calls.map((c) => c.name)).not.toContain('SaveServiceBundle');
    fireEvent.change(within(bank).getByTestId('bundle-part-reason'), { target: { value: '需法定代表人到银行网点面签' } });
    fireEvent.click(within(form).getByTestId('bundle-save'));
    await waitFor(() => expect(server.calls.map((c) => c.name)).toContain('SaveServiceBundle'));
    const input = server.calls.find((c) => c.name === 'SaveServiceBundle')!.variables.input as { parts: unknown[] };
    expect(input.parts).toEqual([
      {
        name: '公章刻制',
        department: '沈阳市公安局苏家屯分局',
        stage: 2,
        promisedDays: 1,
        visits: 1,
        visitsReason: '需到刻章企业领取实物印章',
        materials: [
          { name: '《公章刻制申请表》', shared: false },
          { name: '营业执照', shared: true },
        ],
      },
      { name: '银行开户', department: '开户银行', stage: 2, promisedDays: 1, visits: 1, visitsReason: '需法定代表人到银行网点面签', materials: [] },
    ]);
  });
});
