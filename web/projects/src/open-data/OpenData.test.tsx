/** @jest-environment jsdom */
import { badInput, fakeServer, fireEvent, Mounted, render, screen, waitFor } from '@kpd/web-kit/testing';
import { OpenDataSwitch } from './OpenDataSwitch';
import { PublicFileLink } from './PublicFileLink';

describe('公开: open data in the admin', () => {
  test('the switch marks the project public and reloads it; a refusal is shown and nothing reloads', async () => {
    let refuse = false;
    const server = fakeServer({
      SetProjectOpenData: (v) => (refuse ? badInput([{ field: 'projectId', reason: 'Only an admin of the project’s area may change it' }]) : { data: { setProjectOpenData: { id: String(v.projectId), openData: v.open } } }),
    });
    const onSaved = jest.fn();
    const { rerender } = render(
      <Mounted client={server.client}>
        <OpenDataSwitch projectId="97" open={false} onSaved={onSaved} />
      </Mounted>,
    );
    expect(server.sent('SetProjectOpenData')).toHaveLength(0);
    fireEvent.click(screen.getByTestId('open-data-switch'));
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    expect(server.sent('SetProjectOpenData')[0].variables).toEqual({ projectId: '97', open: true });
    refuse = true;
    rerender(
      <Mounted client={server.client}>
        <OpenDataSwitch projectId="97" open onSaved={onSaved} />
      </Mounted>,
    );
    fireEvent.click(screen.getByTestId('open-data-switch'));
    await waitFor(() => expect(server.sent('SetProjectOpenData')).toHaveLength(2));
    expect(server.sent('SetProjectOpenData')[1].variables).toEqual({ projectId: '97', open: false });
    await screen.findByRole('alert');
    expect(onSaved).toHaveBeenCalledTimes(1);
  });

  test('the list links the public file of the area and year, served without sign-in', () => {
    const server = fakeServer({});
    render(
      <Mounted client={server.client}>
        <PublicFileLink areaId="12" year={2020} />
      </Mounted>,
    );
    expect(screen.getByTestId('open-data-link').getAttribute('href')).toBe('/api/open/oc4ids.json?area=12&year=2020');
    expect(screen.getByText('公开数据文件')).toBeTruthy();
  });
});
