/** @jest-environment jsdom */
import { webcrypto } from 'node:crypto';
import { TextDecoder, TextEncoder } from 'node:util';
import { badInput, fakeServer, fireEvent, Mounted, render, screen, waitFor } from '@kpd/web-kit/testing';
import { KeyHolder, type KeyRound } from './KeyHolder';

// The page makes keys with WebCrypto, as a browser does.
Object.defineProperty(globalThis, 'crypto', { value: webcrypto, configurable: true });
Object.assign(globalThis, { TextEncoder, TextDecoder });
const created: Blob[] = [];
URL.createObjectURL = ((b: Blob) => {
  created.push(b);
  return 'blob:key';
}) as typeof URL.createObjectURL;
URL.revokeObjectURL = () => undefined;

const read = (b: Blob) =>
  new Promise<string>((resolve) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.readAsText(b);
  });

const draft = (shareKey: string | null) => ({ id: '7', name: '测试会议', status: 'DRAFT', me: { shareKey }, round: null });
const awaiting: KeyRound = {
  status: 'OPEN',
  awaitingShares: true,
  sharesNeeded: 2,
  countingShares: [
    { number: 1, holder: '代表1', submitted: true, mine: false },
    { number: 2, holder: '代表2', submitted: false, mine: true },
    { number: 3, holder: '代表3', submitted: false, mine: false },
  ],
  myCountingShare: { number: 2, sealed: 'AAAA', keyTag: '1A2B3C4D', submitted: false },
};

describe('a scrutineer’s counting key', () => {
  beforeEach(() => (created.length = 0));

  test('makes the key in the browser, downloads the key file and registers only the public key', async () => {
    const server = fakeServer({ RegisterCountingKey: () => ({ data: { registerCountingKey: { id: '1', shareKey: 'x' } } }) });
    const onChanged = jest.fn();
    render(
      <Mounted client={server.client}>
        <KeyHolder session={draft(null)} onChanged={onChanged} />
      </Mounted>,
    );
    expect(screen.getByTestId('key-state').textContent).toContain('尚未登记计票公钥');
    fireEvent.click(screen.getByTestId('key-generate'));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    const [sent] = server.sent('RegisterCountingKey');
    expect(sent.variables).toEqual({ sessionId: '7', publicKey: expect.stringMatching(/^[\w-]{87}$/) });
    // The file holds the private key; what was sent does not.
    expect(created).toHaveLength(1);
    const file = JSON.parse(await read(created[0])) as { publicKey: string; privateKey: { d: string } };
    expect(file.publicKey).toBe(sent.variables.publicKey);
    expect(JSON.stringify(sent.variables)).not.toContain(file.privateKey.d);
    expect(screen.getByTestId('key-done').textContent).toContain('已登记新的公钥');
  });

  test('shows the server’s refusal of the key with the field’s name', async () => {
    const server = fakeServer({ RegisterCountingKey: () => badInput([{ field: 'publicKey', reason: '不是有效的 P-256 公钥，请在本页生成密钥 (not a P-256 public key)' }]) });
    render(
      <Mounted client={server.client}>
        <KeyHolder session={draft('BCDEFGHI')} onChanged={() => undefined} />
      </Mounted>,
    );
    expect(screen.getByTestId('key-state').textContent).toContain('标识 BCDEFGHI');
    fireEvent.click(screen.getByTestId('key-generate'));
    await waitFor(() => expect(screen.getByTestId('form-error').textContent).toContain('计票公钥：不是有效的 P-256 公钥'));
  });

  test('at the count asks for the key file before anything is sent, and shows who brought which share', async () => {
    const server = fakeServer({});
    render(
      <Mounted client={server.client}>
        <KeyHolder session={{ id: '7', name: '测试会议', status: 'VOTING', me: { shareKey: 'BCDEFGHI' }, round: awaiting }} onChanged={() => undefined} />
      </Mounted>,
    );
    expect(screen.getByTestId('share-form').textContent).toContain('第 2 份');
    expect(screen.getByTestId('share-status').textContent).toContain('已提交 1 份，计票需 2 份');
    fireEvent.click(screen.getByTestId('share-submit'));
    await screen.findByText('请选择登记公钥时下载的密钥文件');
    expect(server.calls).toHaveLength(0);
  });
});
