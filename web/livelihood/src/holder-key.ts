/*
 * A scrutineer's counting key, in the browser (WebCrypto). The key pair is made here: the public key
 * (P-256, raw uncompressed point, base64url) is registered with the session, the private key is
 * downloaded as a file the scrutineer keeps and is never sent. At the count the same page opens the
 * scrutineer's share, sealed to that key by the server (services/api counting-key.ts sealShare):
 * ECDH with the ephemeral key, HKDF-SHA-256 (salt: the ephemeral public key), AES-256-GCM.
 */

const SHARE_INFO = 'kpd livelihood counting share';
const CURVE = { name: 'ECDH', namedCurve: 'P-256' } as const;

export interface HolderKeyFile {
  kind: 'kpd-counting-key';
  sessionId: string;
  session: string;
  holder: string;
  publicKey: string;
  privateKey: JsonWebKey;
}

function b64url(bytes: ArrayBuffer): string {
  let s = '';
  for (const b of new Uint8Array(bytes)) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const s = atob(text);
  const out = new Uint8Array(new ArrayBuffer(s.length));
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** A fresh key pair: the public key to register and the key file to download. */
export async function makeHolderKey(sessionId: string, session: string, holder: string): Promise<HolderKeyFile> {
  const pair = (await crypto.subtle.generateKey(CURVE, true, ['deriveBits'])) as CryptoKeyPair;
  const publicKey = b64url(await crypto.subtle.exportKey('raw', pair.publicKey));
  const privateKey = await crypto.subtle.exportKey('jwk', pair.privateKey);
  return { kind: 'kpd-counting-key', sessionId, session, holder, publicKey, privateKey };
}

/** Offers the key file for download (the only copy of the private key). */
export function downloadKeyFile(file: HolderKeyFile): void {
  const blob = new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `计票密钥-${file.holder}-${file.publicKey.slice(0, 8)}.json`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

/** Reads a key file; null when it is not one. */
export function parseKeyFile(text: string): HolderKeyFile | null {
  try {
    const f = JSON.parse(text) as HolderKeyFile;
    return f?.kind === 'kpd-counting-key' && typeof f.publicKey === 'string' && f.privateKey?.d ? f : null;
  } catch {
    return null;
  }
}

/** Opens the share sealed to this key; throws when the key file is not the one it was sealed to. */
export async function openSealedShare(file: HolderKeyFile, sealed: string): Promise<string> {
  const raw = fromBase64(sealed);
  const eph = raw.slice(0, 65);
  const { kty, crv, x, y, d } = file.privateKey;
  const priv = await crypto.subtle.importKey('jwk', { kty, crv, x, y, d, ext: true }, CURVE, false, ['deriveBits']);
  const pub = await crypto.subtle.importKey('raw', eph, CURVE, false, []);
  const shared = await crypto.subtle.deriveBits({ name: 'ECDH', public: pub }, priv, 256);
  const hkdf = await crypto.subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey']);
  const aes = await crypto.subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt: eph, info: new TextEncoder().encode(SHARE_INFO) }, hkdf, { name: 'AES-GCM', length: 256 }, false, ['decrypt']);
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: raw.slice(65, 77) }, aes, raw.slice(77));
  return new TextDecoder().decode(plain);
}
