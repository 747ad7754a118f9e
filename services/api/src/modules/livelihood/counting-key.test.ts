import { UserInputError } from '../../core/errors';
import { keyTag, newCountingKey, openBallot, rebuildCountingKey, sealBallot } from './counting-key';

const fieldOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(UserInputError);
    return { field: (e as UserInputError).extensions.field, message: (e as Error).message };
  }
  throw new Error('did not throw');
};

describe('a round’s counting key', () => {
  it('seals ballots that any two of the three shares open, and only the round’s key', () => {
    const { publicKey, shares } = newCountingKey();
    expect(shares).toHaveLength(3);
    for (const s of shares) expect(s).toMatch(new RegExp(`^${keyTag(publicKey)}-[123]-[0-9A-F]{64}$`));
    const sealed = sealBallot(publicKey, '{"r":"7K2M-9QXD-4T1B-HW8R","c":"3,5"}');
    expect(sealed).not.toContain('7K2M');
    for (const pair of [[0, 1], [0, 2], [2, 1]]) {
      const key = rebuildCountingKey(publicKey, pair.map((i) => shares[i]));
      expect(openBallot(key, publicKey, sealed)).toBe('{"r":"7K2M-9QXD-4T1B-HW8R","c":"3,5"}');
    }
    // Two seals of the same text differ (fresh ephemeral key and nonce).
    expect(sealBallot(publicKey, 'x')).not.toBe(sealBallot(publicKey, 'x'));
    // Shares typed in lower case with spaces are accepted.
    expect(() => rebuildCountingKey(publicKey, [` ${shares[0].toLowerCase()} `, shares[1]])).not.toThrow();
  });

  it('refuses an altered ballot', () => {
    const { publicKey, shares } = newCountingKey();
    const raw = Buffer.from(sealBallot(publicKey, 'abc'), 'base64');
    raw[raw.length - 1] ^= 1;
    expect(() => openBallot(rebuildCountingKey(publicKey, shares), publicKey, raw.toString('base64'))).toThrow();
  });

  it.each<[string, (k: { publicKey: string; shares: string[]; other: string[] }) => string[], string, string]>([
    ['one share', (k) => [k.shares[0]], 'shares', '至少 2 名'],
    ['the same share twice', (k) => [k.shares[1], k.shares[1]], 'shares', '两次'],
    ['not a share', (k) => [k.shares[0], 'hello'], 'shares[1]', '格式不正确'],
    ['a share of another round', (k) => [k.shares[0], k.other[1]], 'shares[1]', '不属于本轮'],
    ['a share with a digit changed', (k) => [k.shares[0], k.shares[1].slice(0, -1) + (k.shares[1].endsWith('A') ? 'B' : 'A')], 'shares', '无法还原'],
    ['a share number out of range', (k) => [k.shares[0], k.shares[1].replace(/-\d-/, '-7-')], 'shares', '序号'],
  ])('refuses %s, naming the field', (_, pick, field, message) => {
    const key = newCountingKey();
    const other = newCountingKey().shares;
    const got = fieldOf(() => rebuildCountingKey(key.publicKey, pick({ ...key, other })));
    expect(got.field).toBe(field);
    expect(got.message).toContain(message);
  });
});
