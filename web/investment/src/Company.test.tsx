/** @jest-environment jsdom */
import { fireEvent, render, screen, within } from '@testing-library/react';
import { Provider } from 'urql';
import { fakeServer } from '@kpd/web-kit/testing';
import { CompanyBrief, PRINT_CSS } from './Brief';
import { CompanyPage } from './Company';

const company = {
  id: '901',
  name: '龙芯处理器（北京）科技有限公司',
  creditCode: '91110108MA01ABCD2X',
  industry: '集成电路',
  size: 'LARGE',
  location: '北京市海淀区',
  local: false,
  source: 'MATCHMAKING',
  tags: ['行业龙头', '专精特新'],
  contactPerson: '李总监',
  contactPhone: '010-5555 0188',
  area: { id: '30', name: '沈抚改革创新示范区' },
  nodes: [
    { id: '11', name: '处理器（CPU）', link: 'MIDSTREAM', priority: 1, filled: false, localCompanies: 0, targetCompanies: 40, signedLeads: 0, gapWeight: 540, chain: { id: '1', name: '集成电路' } },
    { id: '12', name: '封装测试', link: 'MIDSTREAM', priority: 2, filled: true, localCompanies: 2, targetCompanies: 9, signedLeads: 1, gapWeight: null, chain: { id: '1', name: '集成电路' } },
  ],
  leads: [
    {
      id: '110', name: '龙芯蓝卡智慧停车终端国产化项目', stage: 'SIGNED', amount: '560000000.00', responsiblePerson: '张伟', responsibleUnit: '沈抚示范区招商局',
      nextStep: '落实注册登记', nextStepDate: '2026-12-20', lastStepDate: '2026-11-02', stalled: false, daysSinceStep: 35,
    },
  ],
  visits: [{ id: '5', date: '2026-09-14', note: '赴企业总部考察，介绍示范区产业配套与政策', recordedBy: 'admin.shenfu' }],
};

const matches = [
  {
    score: 2,
    customerPairs: 2,
    supplierPairs: 0,
    reasons: ['其“汽车电子”（下游）以“处理器（CPU）”（中游）为投入：目标企业可为其供货', '其“工业控制”（下游）以“处理器（CPU）”（中游）为投入：目标企业可为其供货'],
    company: { id: '902', name: '沈抚蓝卡智能终端科技有限公司', location: '沈抚改革创新示范区', size: 'MEDIUM', contactPerson: '王经理' },
    nodes: [{ id: '21', name: '汽车电子', link: 'DOWNSTREAM', chain: { id: '1', name: '集成电路' } }],
  },
  {
    score: 1,
    customerPairs: 0,
    supplierPairs: 1,
    reasons: ['其“电子特气”（上游）是“处理器（CPU）”（中游）的上游：可为目标企业本地配套'],
    company: { id: '903', name: '辽宁华创电子材料有限公司', location: '沈抚改革创新示范区', size: 'SMALL', contactPerson: '赵经理' },
    nodes: [{ id: '22', name: '电子特气', link: 'UPSTREAM', chain: { id: '1', name: '集成电路' } }],
  },
];

const answers = {
  CompanyBrief: () => ({ data: { targetCompany: company } }),
  CompanyMatches: (v: Record<string, unknown>) => ({ data: { companyMatches: matches.slice(0, Number(v.first)) } }),
};

describe('a company and its matchmaking (撮合)', () => {
  test('lists the local companies up- and downstream, ranked, each with its reasons and kind', async () => {
    const server = fakeServer(answers);
    const navigate = jest.fn();
    render(
      <Provider value={server.client}>
        <CompanyPage id="901" navigate={navigate} />
      </Provider>,
    );
    expect((await screen.findByTestId('company-title')).textContent).toContain('龙芯处理器');
    expect(screen.getByTestId('company-nodes').textContent).toContain('补链：本地尚无企业，优先级 1（补链权重 540），同类目标企业 40 家');
    expect(screen.getByTestId('company-nodes').textContent).toContain('强链：本地已有企业 2 家');
    const rows = (await screen.findByTestId('matches')).querySelectorAll('tbody tr');
    expect(rows).toHaveLength(2);
    expect(within(rows[0] as HTMLElement).getByText('沈抚蓝卡智能终端科技有限公司')).toBeTruthy();
    expect(rows[0].textContent).toContain('下游需求 2');
    expect(rows[0].textContent).toContain('其“汽车电子”（下游）以“处理器（CPU）”（中游）为投入');
    expect(rows[1].textContent).toContain('上游配套 1');
    expect(server.calls.find((c) => c.name === 'CompanyMatches')?.variables).toEqual({ companyId: '901', first: 10 });
    fireEvent.click(screen.getByTestId('company-brief'));
    expect(navigate).toHaveBeenCalledWith('/companies/901/brief');
  });

  test('says so when no local company sits next to it', async () => {
    const server = fakeServer({ ...answers, CompanyMatches: () => ({ data: { companyMatches: [] } }) });
    render(
      <Provider value={server.client}>
        <CompanyPage id="901" navigate={() => undefined} />
      </Provider>,
    );
    expect(await screen.findByText('本地暂无与其上下游相邻的企业')).toBeTruthy();
  });
});

describe('the printable brief', () => {
  test('shows the company, why it fits its nodes, contacts, projects, visits and the top matches; prints on request', async () => {
    const server = fakeServer(answers);
    const print = jest.spyOn(window, 'print').mockImplementation(() => undefined);
    render(
      <Provider value={server.client}>
        <CompanyBrief id="901" navigate={() => undefined} />
      </Provider>,
    );
    expect((await screen.findByTestId('brief-title')).textContent).toBe('龙芯处理器（北京）科技有限公司');
    expect(screen.getByTestId('brief-nodes').textContent).toContain('集成电路 · 中游 · 处理器（CPU）补链：本地尚无企业，优先级 1');
    expect(screen.getByTestId('brief-contacts').textContent).toContain('李总监');
    expect(screen.getByTestId('brief-contacts').textContent).toContain('010-5555 0188');
    expect(screen.getByTestId('brief-contacts').textContent).toContain('沈抚示范区招商局');
    expect(screen.getByTestId('brief-leads').textContent).toContain('已签约');
    expect(screen.getByTestId('brief-leads').textContent).toContain('56,000.00 万元');
    expect(screen.getByTestId('brief-visits').textContent).toContain('2026-09-14赴企业总部考察');
    expect((await screen.findByTestId('brief-matches')).textContent).toContain('沈抚蓝卡智能终端科技有限公司');
    expect(server.calls.find((c) => c.name === 'CompanyMatches')?.variables).toEqual({ companyId: '901', first: 3 });
    // On paper only the brief shows, without its buttons.
    expect(screen.getByTestId('brief').querySelector('style')?.textContent).toBe(PRINT_CSS);
    expect(PRINT_CSS).toMatch(/@media print[\s\S]*\.kpd-brief \.no-print \{ display: none !important; \}/);
    fireEvent.click(screen.getByTestId('brief-print'));
    expect(print).toHaveBeenCalled();
  });

  test('hides the telephone it may not show', async () => {
    const server = fakeServer({ ...answers, CompanyBrief: () => ({ data: { targetCompany: { ...company, contactPhone: null, visits: [], leads: [] } } }) });
    render(
      <Provider value={server.client}>
        <CompanyBrief id="901" navigate={() => undefined} />
      </Provider>,
    );
    expect((await screen.findByTestId('brief-contacts')).textContent).toContain('（无权查看）');
    expect(screen.getByText('尚无走访记录。')).toBeTruthy();
  });
});
