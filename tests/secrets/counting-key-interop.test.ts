/**
 * A counting key share sealed by the server (Node) opens in the scrutineer's browser (WebCrypto, the
 * admin's page code) with the key file made there, and with no other key.
 */
import { newCountingKey, newHolderKey, openShare, parseHolderKey, sealShare } from '../../services/api/src/modules/livelihood/counting-key';
import { makeHolderKey, openSealedShare, parseKeyFile } from '../../web/livelihood/src/holder-key';

describe('a share sealed to its holder', () => {
  it('opens in the holder’s browser (WebCrypto) with the key file made there, and with no other key', async () => {
    const file = await makeHolderKey('1', '测试会议', '监票人');
    expect(parseHolderKey(file.publicKey)).not.toBeNull();
    expect(parseKeyFile(JSON.stringify(file))).toEqual(file);
    const { shares } = newCountingKey();
    const sealed = sealShare(file.publicKey, shares[1]);
    expect(sealed.includes(shares[1].slice(-64))).toBe(false);
    expect(await openSealedShare(file, sealed)).toBe(shares[1]);
    expect(openShare(file.privateKey.d!, sealed)).toBe(shares[1]);
    const other = await makeHolderKey('1', '测试会议', '监票人');
    await expect(openSealedShare(other, sealed)).rejects.toThrow();
    expect(() => openShare(newHolderKey().privateJwk.d!, sealed)).toThrow();
    // An altered sealed share does not open.
    const raw = Buffer.from(sealed, 'base64');
    raw[raw.length - 20] ^= 1;
    await expect(openSealedShare(file, raw.toString('base64'))).rejects.toThrow();
  });

  it.each([
    ['not base64url of a point', 'not-a-key'],
    ['a compressed point', Buffer.alloc(33, 2).toString('base64url')],
    ['65 bytes off the curve', Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 1)]).toString('base64url')],
    ['an empty key', ''],
  ])('refuses a holder key that is %s', (_, key) => {
    expect(parseHolderKey(key)).toBeNull();
  });
});
