/** @jest-environment jsdom */
import { render, screen, within } from '@testing-library/react';
import { fakeServer, Mounted } from '@kpd/web-kit/testing';
import Public from '../Public';

const BUNDLE = {
  id: '5',
  name: '开办企业',
  description: '一表申请、一窗受理',
  districtName: '苏家屯区',
  place: '苏家屯区政务服务中心 市场综合审批服务区（C01—C14窗口）',
  items: [
    {
      stage: 1,
      itemId: '11',
      hasGuide: true,
      name: '企业设立登记',
      department: '区市场监督管理局',
      promisedDays: 4,
      visits: 0,
    },
    {
      stage: 2,
      itemId: '12',
      hasGuide: true,
      name: '社会保险登记',
      department: '区人力资源和社会保障局',
      promisedDays: 0,
      visits: 0,
    },
    {
      stage: 2,
      itemId: '13',
      hasGuide: false,
      name: '就业失业登记',
      department: '区人力资源和社会保障局',
      promisedDays: 15,
      visits: 1,
    },
    {
      stage: 2,
      itemId: null,
      hasGuide: false,
      name: '公章刻制',
      department: '沈阳市公安局苏家屯分局',
      promisedDays: 1,
      visits: 1,
    },
    {
      stage: 2,
      itemId: null,
      hasGuide: false,
      name: '银行开户',
      department: '开户银行（企业自选）',
      promisedDays: 1,
      visits: 1,
    },
  ],
  figures: {
    items: 5,
    departments: 4,
    oneByOneDays: 21,
    combinedDays: 19,
    daysSaved: 2,
    oneByOneMaterials: 14,
    bundleMaterials: 9,
    materialsSaved: 5,
    oneByOneVisits: 3,
    bundleVisits: 1,
    visitsSaved: 2,
    materialList: [
      '《一件事联办申请表》',
      '场所使用证明（产权证明或租赁合同）',
      '承诺书',
      '《开立单位银行结算账户申请书》',
    ],
    limitDays: null,
  },
};

function open(answers: Parameters<typeof fakeServer>[0], path = '/5') {
  const server = fakeServer(answers);
  render(
    <Mounted client={server.client}>
      <Public locale="zh" path={path} basePath="/public/bundles" navigate={() => undefined} />
    </Mounted>,
  );
  return server;
}

describe('the public 一件事 page', () => {
  test('shows what the bundle saves, where to go, the combined limit, its items by department and the materials handed in once', async () => {
    const server = open({ PublicServiceBundle: () => ({ data: { publicServiceBundle: BUNDLE } }) });
    expect((await screen.findByTestId('bundle-title')).textContent).toBe('开办企业');
    expect(server.calls).toEqual([{ name: 'PublicServiceBundle', variables: { id: '5' } }]);
    expect(screen.getByTestId('bundle-saved-materials').textContent).toBe('提交材料 减少5');
    expect(screen.getByTestId('bundle-saved-visits').textContent).toBe('跑动次数 减少2');
    expect(screen.getByTestId('bundle-figures').textContent).toContain('21个工作日');
    expect(screen.getByTestId('bundle-place').textContent).toBe(
      '苏家屯区政务服务中心 市场综合审批服务区（C01—C14窗口）',
    );
    expect(screen.getByTestId('bundle-combined').textContent).toBe('19个工作日');
    const departments = screen.getAllByTestId('bundle-department');
    expect(departments.map((d) => d.querySelector('strong')?.textContent)).toEqual([
      '区市场监督管理局',
      '区人力资源和社会保障局',
      '沈阳市公安局苏家屯分局',
      '开户银行（企业自选）',
    ]);
    // An item with a guide links to it; an outside part is marked as such.
    expect(within(departments[0]).getByText('企业设立登记').getAttribute('href')).toBe('/public/guides/11');
    expect(within(departments[1]).getByText('就业失业登记').tagName).not.toBe('A');
    expect(departments[2].textContent).toContain('进驻单位办理');
    expect(departments[2].textContent).toContain('单独办理跑1次');
    expect(screen.getByTestId('bundle-materials').textContent).toContain('4. 《开立单位银行结算账户申请书》');
    // Items without a guide count by number: 9 handed in, 4 by name.
    expect(screen.getByText('另有5份材料，见各事项办事指南')).toBeTruthy();
  });

  test('a bundle that does not exist says so', async () => {
    open({
      PublicServiceBundle: () => ({ errors: [{ message: 'not found', extensions: { code: 'NOT_FOUND' } }] }),
    });
    expect(await screen.findByTestId('bundle-not-found')).toBeTruthy();
  });

  test('a path that is no id asks nothing', async () => {
    const server = open({}, '/abc');
    expect(await screen.findByTestId('bundle-not-found')).toBeTruthy();
    expect(server.calls).toEqual([]);
  });
});
