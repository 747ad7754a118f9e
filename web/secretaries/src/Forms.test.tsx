/** @jest-environment jsdom */
import { badInput, fakeServer, fireEvent, Mounted, render, screen, waitFor } from '@kpd/web-kit/testing';
import { LogServiceForm, RaiseProblemForm } from './Forms';

const projects = [{ id: '97', name: '姚千街道学校新建项目（97号）' }];

describe('the secretary’s forms show the server’s refusals under their fields, in Chinese', () => {
  test('记录服务: a refused day under the day; what is not on the form in the notice, by its name', async () => {
    const server = fakeServer({
      LogService: () =>
        badInput([
          { field: 'input.date', reason: '不能晚于今天 (not after today)' },
          { field: 'input.secretaryId', reason: '不是该项目的服务秘书' },
        ]),
    });
    render(
      <Mounted client={server.client}>
        <LogServiceForm projects={projects} secretaryId="31" />
      </Mounted>,
    );
    fireEvent.change(screen.getByTestId('log-summary'), { target: { value: '走访项目现场，协调施工用电' } });
    fireEvent.click(screen.getByTestId('log-submit'));
    const reason = await screen.findByText('不能晚于今天');
    expect(reason.closest('.ant-form-item')?.textContent).toContain('日期');
    expect((await screen.findByTestId('form-error')).textContent).toContain('服务秘书：不是该项目的服务秘书');
    expect(screen.queryByText(/not after today|input\./)).toBeNull();
    expect(screen.queryByTestId('log-saved')).toBeNull();
  });

  test('反映问题: a refused owner unit under the owner unit', async () => {
    const server = fakeServer({ SecretaryRaiseProblem: () => badInput([{ field: 'input.ownerUnit', reason: '须明确责任单位' }]) });
    const onRaised = jest.fn();
    render(
      <Mounted client={server.client}>
        <RaiseProblemForm projects={projects} onRaised={onRaised} />
      </Mounted>,
    );
    fireEvent.change(screen.getByTestId('problem-title'), { target: { value: '施工用电迟迟未接入' } });
    fireEvent.change(screen.getByTestId('problem-owner'), { target: { value: '苏家屯区供电' } });
    fireEvent.click(screen.getByTestId('problem-submit'));
    const reason = await screen.findByText('须明确责任单位');
    expect(reason.closest('.ant-form-item')?.querySelector('[data-testid=problem-owner]')).toBeTruthy();
    await waitFor(() => expect(server.sent('SecretaryRaiseProblem')).toHaveLength(1));
    expect(onRaised).not.toHaveBeenCalled();
  });

  test('反映问题: the owner unit field offers the directory and says whether the unit will be notified', async () => {
    const area = { id: '8', name: '苏家屯区' };
    const server = fakeServer({
      SecretaryOwnerUnits: () => ({
        data: {
          responsibleUnits: [
            { id: '1', name: '苏家屯区自然资源分局', enabled: true, area },
            { id: '2', name: '苏家屯区征收办', enabled: false, area },
          ],
        },
      }),
    });
    render(
      <Mounted client={server.client}>
        <RaiseProblemForm projects={projects} areaId="8" />
      </Mounted>,
    );
    await waitFor(() => expect(server.sent('SecretaryOwnerUnits')).toHaveLength(1));
    expect(server.sent('SecretaryOwnerUnits')[0].variables).toMatchObject({ areaId: '8' });
    const owner = screen.getByTestId('problem-owner');
    fireEvent.change(owner, { target: { value: '苏家屯区 自然资源分局' } });
    expect((await screen.findByTestId('owner-notified')).textContent).toContain('苏家屯区自然资源分局 在苏家屯区责任单位名录中：到期前 2 个工作日和逾期时将收到短信提醒');
    fireEvent.change(owner, { target: { value: '苏家屯区征收办' } });
    await waitFor(() => expect(screen.getByTestId('owner-notified').textContent).toContain('已停用：不会收到提醒'));
    // Free text still goes: a unit not in the directory is said to get nothing.
    fireEvent.change(owner, { target: { value: '某某建设公司' } });
    await waitFor(() => expect(screen.getByTestId('owner-notified').textContent).toContain('不在责任单位名录中'));
  });
});
