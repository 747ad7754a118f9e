import crypto from 'node:crypto';
import { combineShares, splitSecret } from '@kpd/domain';
import { UserInputError } from '../../core/errors';

/*
 * The counting key of a round (计票密钥). When a round opens, an X25519 key pair is made: the public
 * key is stored with the round and seals every ballot; the private key is split at once into three
 * shares, any two of which rebuild it (Shamir over GF(256), packages/domain/shamir.ts), and is never
 * stored. The shares are shown once, on opening, for the scrutineers to keep. At the count two of
 * them are brought in, the key is rebuilt in memory for the decryption and dropped.
 *
 * A sealed ballot: an ephemeral X25519 key, ECDH with the round's key, HKDF-SHA-256 to an AES-256-GCM
 * key; base64 of ephemeral public key (32) | nonce (12) | tag (16) | ciphertext.
 */

export const SHARES = 3;
export const THRESHOLD = 2;

const b64u = (b: Buffer) => b.toString('base64url');

/** Eight hex digits naming the round's key, printed on each share so a share of another round is told apart. */
export function keyTag(publicKey: string): string {
  return crypto.createHash('sha256').update(publicKey, 'utf8').digest('hex').slice(0, 8).toUpperCase();
}

/** A fresh key pair: the public key to store (base64url, 32 bytes) and the three shares of the private key. */
export function newCountingKey(): { publicKey: string; shares: string[] } {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('x25519');
  const x = publicKey.export({ format: 'jwk' }).x!;
  const d = Buffer.from(privateKey.export({ format: 'jwk' }).d!, 'base64url');
  const tag = keyTag(x);
  const shares = splitSecret(d, SHARES, THRESHOLD, (len) => crypto.randomBytes(len)).map((s) => `${tag}-${s.x}-${Buffer.from(s.y).toString('hex').toUpperCase()}`);
  d.fill(0);
  return { publicKey: x, shares };
}

/**
 * Rebuilds the round's private key from at least two shares, in memory, and checks it against the
 * stored public key. Refusals name the `field` (the shares argument) and which share is wrong.
 */
export function rebuildCountingKey(publicKey: string, shares: readonly string[], field = 'shares'): crypto.KeyObject {
  const tag = keyTag(publicKey);
  const cleaned = shares.map((s) => s.replace(/\s+/g, '').toUpperCase()).filter(Boolean);
  if (cleaned.length < THRESHOLD) throw new UserInputError(field, `计票需要至少 ${THRESHOLD} 名监票人的密钥份额 (at least ${THRESHOLD} key shares are needed)`);
  const parsed = cleaned.map((s, i) => {
    const m = /^([0-9A-F]{8})-(\d{1,3})-([0-9A-F]{64})$/.exec(s);
    if (!m) throw new UserInputError(`${field}[${i}]`, '密钥份额格式不正确，应为“标识-序号-64位十六进制” (not a key share)');
    if (m[1] !== tag) throw new UserInputError(`${field}[${i}]`, `该份额不属于本轮（本轮密钥标识 ${tag}）(a share of another round’s key)`);
    return { x: Number(m[2]), y: Uint8Array.from(Buffer.from(m[3], 'hex')) };
  });
  if (new Set(parsed.map((p) => p.x)).size !== parsed.length) throw new UserInputError(field, '同一份额提交了两次，须为不同监票人的份额 (the same share twice)');
  if (parsed.some((p) => p.x < 1 || p.x > SHARES)) throw new UserInputError(field, `份额序号须为 1–${SHARES} (share number out of range)`);
  const d = Buffer.from(combineShares(parsed));
  try {
    const key = crypto.createPrivateKey({ key: { kty: 'OKP', crv: 'X25519', d: b64u(d), x: publicKey }, format: 'jwk' });
    const derived = crypto.createPublicKey(key).export({ format: 'jwk' }).x;
    if (derived !== publicKey) throw new Error('mismatch');
    return key;
  } catch {
    throw new UserInputError(field, '密钥份额无法还原本轮计票密钥，请核对份额 (the shares do not rebuild this round’s key)');
  } finally {
    d.fill(0);
  }
}

function aesKey(shared: Buffer, ephemeral: Buffer, recipient: Buffer): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', shared, Buffer.concat([ephemeral, recipient]), 'kpd livelihood ballot', 32));
}

/** Seals a ballot's text under the round's public key. */
export function sealBallot(publicKey: string, text: string): string {
  const recipient = Buffer.from(publicKey, 'base64url');
  const eph = crypto.generateKeyPairSync('x25519');
  const ephPub = Buffer.from(eph.publicKey.export({ format: 'jwk' }).x!, 'base64url');
  const shared = crypto.diffieHellman({ privateKey: eph.privateKey, publicKey: crypto.createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: publicKey }, format: 'jwk' }) });
  const key = aesKey(shared, ephPub, recipient);
  const nonce = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, nonce);
  const ct = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return Buffer.concat([ephPub, nonce, cipher.getAuthTag(), ct]).toString('base64');
}

/** Opens a sealed ballot with the rebuilt private key; throws when it was altered. */
export function openBallot(privateKey: crypto.KeyObject, publicKey: string, sealed: string): string {
  const raw = Buffer.from(sealed, 'base64');
  const ephPub = raw.subarray(0, 32);
  const shared = crypto.diffieHellman({ privateKey, publicKey: crypto.createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: b64u(ephPub) }, format: 'jwk' }) });
  const key = aesKey(shared, ephPub, Buffer.from(publicKey, 'base64url'));
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, raw.subarray(32, 44));
  decipher.setAuthTag(raw.subarray(44, 60));
  return Buffer.concat([decipher.update(raw.subarray(60)), decipher.final()]).toString('utf8');
}

/*
 * A share sealed to its holder (ECIES on P-256, as the holder's browser opens it with WebCrypto):
 * the holder's public key is the raw uncompressed point (65 bytes, base64url) made and kept in
 * their browser, whose private half is a file only they hold. An ephemeral P-256 key, ECDH (the
 * x-coordinate, 32 bytes), HKDF-SHA-256 (salt: the ephemeral public key; info: SHARE_INFO) to an
 * AES-256-GCM key; base64 of ephemeral public key (65) | nonce (12) | ciphertext | tag (16).
 */

export const SHARE_INFO = 'kpd livelihood counting share';

/** Checks a holder's public key (raw uncompressed P-256 point, base64url); null when it is not one. */
export function parseHolderKey(publicKey: string): Buffer | null {
  const raw = Buffer.from(publicKey.trim(), 'base64url');
  if (raw.length !== 65 || raw[0] !== 4 || raw.toString('base64url') !== publicKey.trim()) return null;
  try {
    crypto.createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: b64u(raw.subarray(1, 33)), y: b64u(raw.subarray(33)) }, format: 'jwk' });
    return raw;
  } catch {
    return null;
  }
}

function shareKey(shared: Buffer, ephemeral: Buffer): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', shared, ephemeral, SHARE_INFO, 32));
}

/** Seals a key share to its holder's public key. */
export function sealShare(holderKey: string, share: string): string {
  const recipient = parseHolderKey(holderKey);
  if (!recipient) throw new Error('not a P-256 public key');
  const eph = crypto.createECDH('prime256v1');
  const ephPub = eph.generateKeys();
  const key = shareKey(eph.computeSecret(recipient), ephPub);
  const nonce = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, nonce);
  const ct = Buffer.concat([cipher.update(share, 'utf8'), cipher.final()]);
  return Buffer.concat([ephPub, nonce, ct, cipher.getAuthTag()]).toString('base64');
}

/** Opens a sealed share with the holder's private key (`d` of its JWK), as the holder's browser does. */
export function openShare(holderPrivateD: string, sealed: string): string {
  const raw = Buffer.from(sealed, 'base64');
  const ecdh = crypto.createECDH('prime256v1');
  ecdh.setPrivateKey(Buffer.from(holderPrivateD, 'base64url'));
  const ephPub = raw.subarray(0, 65);
  const key = shareKey(ecdh.computeSecret(ephPub), ephPub);
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, raw.subarray(65, 77));
  decipher.setAuthTag(raw.subarray(raw.length - 16));
  return Buffer.concat([decipher.update(raw.subarray(77, raw.length - 16)), decipher.final()]).toString('utf8');
}

/** A holder's key pair as their browser makes it: the public key to register and the private JWK to keep. */
export function newHolderKey(): { publicKey: string; privateJwk: crypto.JsonWebKey } {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = publicKey.export({ format: 'jwk' });
  const raw = Buffer.concat([Buffer.from([4]), Buffer.from(jwk.x!, 'base64url'), Buffer.from(jwk.y!, 'base64url')]);
  return { publicKey: b64u(raw), privateJwk: privateKey.export({ format: 'jwk' }) };
}

/** The number of a share (its x), or null when the text is not a share of this round's key. */
export function shareNumber(publicKey: string, share: string): number | null {
  const m = /^([0-9A-F]{8})-(\d{1,3})-([0-9A-F]{64})$/.exec(share.replace(/\s+/g, '').toUpperCase());
  return m && m[1] === keyTag(publicKey) ? Number(m[2]) : null;
}

/** The normal form of a share as typed (no spaces, upper case). */
export function cleanShare(share: string): string {
  return share.replace(/\s+/g, '').toUpperCase();
}
