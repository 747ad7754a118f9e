/** @jest-environment jsdom */
import { badInput, fakeServer, fireEvent, Mounted, render, screen, waitFor, within } from '@kpd/web-kit/testing';
import { ResponsibleUnits } from './Units';

const sujiatun = { id: '8', name: '苏家屯区' };
const shenyang = { id: '2', name: '沈阳市' };
const viewer = { id: '5', username: 'admin.sujiatun', displayName: '苏家屯区管理员', role: 'ADMIN' as const, area: { id: '8', name: '苏家屯区', level: 'DISTRICT' } };
const unit = (id: string, name: string, area: { id: string; name: string }, enabled = true, own = true) => ({
  id,
  name,
  contactName: own ? '王振宇' : null,
  phone: own ? '13904181001' : null,
  enabled,
  createdBy: 'admin.sujiatun',
  updatedAt: '2020-10-15T02:00:00.000Z',
  area,
});

const save = () => fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));

describe('系统管理 → 责任单位名录', () => {
  test('lists the district’s and the city’s units, adds one with the phone refused under its field, then saved', async () => {
    let rows = [unit('1', '苏家屯区自然资源分局', sujiatun), unit('2', '苏家屯区征收办', sujiatun, false), unit('7', '国网沈阳供电公司', shenyang, true, false)];
    let saves = 0;
    const server = fakeServer({
      AdminAreaTree: () => ({ data: { areas: [{ id: '8', name: '苏家屯区', level: 'DISTRICT', children: [] }], districts: [] } }),
      ResponsibleUnits: () => ({ data: { responsibleUnits: rows } }),
      SaveResponsibleUnit: (v) => {
        saves += 1;
        if (saves === 1) return badInput([{ field: 'input.phone', reason: '该号码不是有效的手机号码' }]);
        const input = v.input as { name: string; contactName: string; phone: string; enabled: boolean };
        const saved = { ...unit('9', input.name, sujiatun), contactName: input.contactName, phone: input.phone, enabled: input.enabled };
        rows = [...rows, saved];
        return { data: { saveResponsibleUnit: saved } };
      },
    });
    render(
      <Mounted client={server.client}>
        <ResponsibleUnits viewer={viewer} />
      </Mounted>,
    );
    await screen.findByText('苏家屯区自然资源分局');
    expect(server.sent('ResponsibleUnits')[0].variables).toEqual({ areaId: '8' });
    expect(screen.getAllByTestId('unit-name').map((n) => n.textContent)).toEqual(['苏家屯区自然资源分局', '苏家屯区征收办', '国网沈阳供电公司']);
    // The city's unit: contacts hidden, not this admin's to change.
    const cityRow = screen.getByText('国网沈阳供电公司').closest('tr')!;
    expect(within(cityRow).getByText('沈阳市')).toBeTruthy();
    expect(within(cityRow).queryByText('修改')).toBeNull();
    expect(within(screen.getByText('苏家屯区征收办').closest('tr')!).getByText('停用')).toBeTruthy();
    expect(screen.getByTestId('edit-unit-1')).toBeTruthy();

    fireEvent.click(screen.getByTestId('new-unit'));
    fireEvent.change(await screen.findByTestId('unit-name-input'), { target: { value: '苏家屯区水务局' } });
    fireEvent.change(screen.getByTestId('unit-contact'), { target: { value: '孙立军' } });
    // The form's own rule (normalMobile of packages/domain) refuses a landline before any request.
    fireEvent.change(screen.getByTestId('unit-phone'), { target: { value: '024-89812345' } });
    save();
    expect(await screen.findByText('请填写 11 位手机号码（短信提醒发往此号码）')).toBeTruthy();
    expect(server.sent('SaveResponsibleUnit')).toHaveLength(0);

    // A number the form takes but the server refuses: its reason under the phone.
    fireEvent.change(screen.getByTestId('unit-phone'), { target: { value: '139 0418 1004' } });
    save();
    await waitFor(() => expect(server.sent('SaveResponsibleUnit')).toHaveLength(1));
    const reason = await screen.findByText('该号码不是有效的手机号码');
    expect(reason.closest('.ant-form-item')?.querySelector('[data-testid=unit-phone]')).toBeTruthy();
    expect(server.sent('SaveResponsibleUnit')[0].variables.input).toEqual({ id: null, areaId: '8', name: '苏家屯区水务局', contactName: '孙立军', phone: '139 0418 1004', enabled: true });

    save();
    await screen.findByText('苏家屯区水务局');
    expect(server.sent('SaveResponsibleUnit')).toHaveLength(2);
    expect(screen.queryByTestId('unit-name-input')).toBeNull();
  });
});
