/** @jest-environment jsdom */
import { fireEvent, render, screen } from '@testing-library/react';
import { Provider } from 'urql';
import type { Viewer } from '@kpd/web-kit';
import { fakeServer } from '@kpd/web-kit/testing';
import { ChainSheet } from './ChainSheet';

const viewer = (role: 'ADMIN' | 'ANALYST'): Viewer => ({ id: '1', username: role === 'ADMIN' ? 'admin.shenfu' : 'analyst', displayName: '', role, area: { id: '30', name: '沈抚改革创新示范区', level: 'CITY' } });

const answers = {};

describe('the chain sheet on the chain map', () => {
  test('an admin exports the area’s chains, downloads the template and opens the import into the area', async () => {
    const server = fakeServer(answers);
    render(
      <Provider value={server.client}>
        <ChainSheet viewer={viewer('ADMIN')} onImported={() => undefined} />
      </Provider>,
    );
    expect((await screen.findByTestId('chain-export')).getAttribute('href')).toBe('/api/investment/chains.xlsx?areaId=30');
    expect(screen.getByTestId('chain-template').getAttribute('href')).toBe('/api/investment/chain-template.xlsx');
    expect(screen.queryByTestId('import-panel')).toBeNull();
    fireEvent.click(screen.getByTestId('chain-import-toggle'));
    expect(screen.getByTestId('chain-import').textContent).toContain('导入产业链图谱到沈抚改革创新示范区');
    expect(screen.getByTestId('import-choose').textContent).toContain('选择 Excel 文件');
  });

  test('an analyst exports, and neither imports nor sees the template', async () => {
    const server = fakeServer(answers);
    render(
      <Provider value={server.client}>
        <ChainSheet viewer={viewer('ANALYST')} onImported={() => undefined} />
      </Provider>,
    );
    expect(await screen.findByTestId('chain-export')).toBeTruthy();
    expect(screen.queryByTestId('chain-import-toggle')).toBeNull();
    expect(screen.queryByTestId('chain-template')).toBeNull();
  });
});
