/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Provider } from 'urql';
import { fakeServer } from '@kpd/web-kit/testing';
import Public from './Public';
import { GuideEditor } from './GuideEditor';

const guide = {
  version: 2,
  conditions: '在苏家屯区内依法设立的企业',
  place: '苏家屯区政务服务中心 市场综合审批服务区（C01—C14窗口）',
  hours: '周一至周五 上午8:30—11:30，下午13:00—17:00',
  contactPhone: '024-12345',
  complaintPhone: '12345',
  complaintChannel: '沈阳市民服务热线12345',
  materialsToSubmit: 1,
  feeTotal: '0.00',
  updatedAt: '2026-12-07T00:00:00.000Z',
  materials: [
    {
      name: '《食品经营许可申请表》',
      form: 'ORIGINAL',
      copies: 1,
      source: '窗口领取或网上下载',
      shared: false,
      templateUrl: 'https://zwfw.ln.gov.cn/templates/1.docx',
    },
    {
      name: '营业执照',
      form: 'ORIGINAL',
      copies: 1,
      source: '市场监督管理部门（电子证照库共享）',
      shared: true,
      templateUrl: null,
    },
  ],
  steps: [
    { title: '申请', description: '在线提交' },
    { title: '受理', description: '' },
  ],
  fees: [],
  pauses: [{ name: '现场核查', maxDays: 5 }],
  faq: [{ question: '可以委托他人代办吗？', answer: '可以。' }],
};

describe('the public service guide', () => {
  test('shows materials, place, hours and the promised time, without signing in', async () => {
    const server = fakeServer({
      PublicServiceGuide: () => ({
        data: {
          publicServiceGuide: {
            id: '12',
            implementationCode: 'SJT-1',
            name: '食品经营许可',
            department: '区市场监督管理局',
            districtName: '苏家屯区',
            onlineDepth: 'PARTLY_ONLINE',
            visits: 1,
            caseKind: 'PROMISED',
            legalLimitDays: 20,
            promisedLimitDays: 5,
            legalBasis: '《中华人民共和国食品安全法》',
            zone: { name: '市场综合审批服务区' },
            windows: [{ number: 'C01' }, { number: 'C14' }],
            guide,
          },
        },
      }),
    });
    render(
      <Provider value={server.client}>
        <Public locale="zh" path="/12" basePath="/public/guides" navigate={() => undefined} />
      </Provider>,
    );
    expect((await screen.findByTestId('guide-title')).textContent).toContain('食品经营许可');
    expect(screen.getByTestId('guide-promised').textContent).toContain('5个工作日');
    expect(screen.getByTestId('guide-place').textContent).toContain('C01—C14');
    expect(screen.getByTestId('guide-hours').textContent).toContain('8:30');
    expect(screen.getByTestId('guide-materials').textContent).toContain('营业执照');
    expect(screen.getByText('共2项材料，需提交1项')).toBeTruthy();
    expect(screen.getByText('现场核查（5个工作日）')).toBeTruthy();
    expect(screen.getByText('不收费')).toBeTruthy();
    expect(server.calls).toEqual([{ name: 'PublicServiceGuide', variables: { itemId: '12' } }]);
  });

  test('says so when the item has no published guide', async () => {
    const server = fakeServer({
      PublicServiceGuide: () => ({ errors: [{ message: 'not found', extensions: { code: 'NOT_FOUND' } }] }),
    });
    render(
      <Provider value={server.client}>
        <Public locale="zh" path="/99" basePath="/public/guides" navigate={() => undefined} />
      </Provider>,
    );
    expect((await screen.findByTestId('guide-not-found')).textContent).toContain('没有这个办事指南');
  });
});

describe('the guide editor', () => {
  test('sends the whole guide with the version read, and shows the server’s refusal under the field', async () => {
    const server = fakeServer({
      ServiceItemGuide: () => ({
        data: {
          serviceItem: {
            id: '12',
            name: '食品经营许可',
            promisedLimitDays: 5,
            legalLimitDays: 20,
            status: 'IN_USE',
            guide: { ...guide, fees: [{ name: '工本费', amount: '10.00', basis: '' }] },
          },
        },
      }),
      SaveServiceGuide: () => ({
        errors: [
          {
            message: 'input.fees[0].basis: 收费必须写明依据',
            extensions: {
              code: 'BAD_USER_INPUT',
              field: 'input.fees[0].basis',
              reason: '收费必须写明依据',
              problems: [{ field: 'input.fees[0].basis', reason: '收费必须写明依据' }],
            },
          },
        ],
      }),
    });
    render(
      <Provider value={server.client}>
        <GuideEditor itemId="12" canEdit />
      </Provider>,
    );
    fireEvent.click(await screen.findByTestId('guide-save'));
    await waitFor(() => expect(server.calls.map((c) => c.name)).toContain('SaveServiceGuide'));
    const sent = server.calls.find((c) => c.name === 'SaveServiceGuide')!.variables as {
      itemId: string;
      expectedVersion: number;
      input: { materials: unknown[]; fees: unknown[] };
    };
    expect(sent.itemId).toBe('12');
    expect(sent.expectedVersion).toBe(2);
    expect(sent.input.materials).toHaveLength(2);
    expect(sent.input.fees).toEqual([{ name: '工本费', amount: '10.00', basis: '' }]);
    const reason = await screen.findByText('收费必须写明依据');
    // Under the fee's basis field, not in a notice.
    expect(reason.closest('.ant-form-item')?.querySelector('[data-testid="fee-basis"]')).toBeTruthy();
  });
});
