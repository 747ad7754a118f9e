/**
 * The admin's micro-frontends: which remotes the shell loads at run time, and from where.
 * The shell fetches GET /api/web/manifest after it starts; nothing about the remotes is built into it.
 */

import fs from 'node:fs';
import path from 'node:path';

/**
 * web/apps.json: the one list of the admin's domain apps (the shell's navigation, the apps' build
 * set-up and the browser tests read it too). It sits at the same depth from src/ and dist/.
 */
export const APPS_FILE = path.resolve(__dirname, '../../../../../web/apps.json');

/** The domain apps, in the order of the shell's navigation. */
export const WEB_APPS: readonly string[] = (JSON.parse(fs.readFileSync(APPS_FILE, 'utf8')) as { remotes: Array<{ name: string }> }).remotes.map((r) => r.name);

export interface RemoteEntry {
  /** The app's name: its folder under web/ and its path in the shell. */
  name: string;
  /** Its Module Federation name (kpd_service_items). */
  scope: string;
  /** Where its remoteEntry.js is: a path on this server or a full URL (another host, a CDN). */
  entry: string;
}

export function scopeOf(app: string): string {
  return `kpd_${app.replace(/-/g, '_')}`;
}

/**
 * Reads WEB_REMOTES: either JSON (`{"projects":"https://cdn.example.cn/projects/remoteEntry.js"}`) or
 * a list (`projects=http://localhost:5102/remoteEntry.js,districts=…`). An empty address removes the
 * app from the manifest. Throws on anything else, so a typo stops the start instead of hiding an app.
 */
export function parseRemoteOverrides(value: string | undefined): Record<string, string> {
  if (!value || !value.trim()) return {};
  const text = value.trim();
  let pairs: Array<[string, unknown]>;
  if (text.startsWith('{') || text.startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new Error('WEB_REMOTES is not valid JSON');
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('WEB_REMOTES must be a JSON object of app → URL');
    pairs = Object.entries(parsed);
  } else {
    pairs = text.split(',').map((part) => {
      const i = part.indexOf('=');
      if (i < 0) throw new Error(`WEB_REMOTES: "${part.trim()}" is not app=url`);
      return [part.slice(0, i).trim(), part.slice(i + 1).trim()];
    });
  }
  const out: Record<string, string> = {};
  for (const [name, url] of pairs) {
    if (!/^[a-z][a-z0-9-]{0,40}$/.test(name)) throw new Error(`WEB_REMOTES: "${name}" is not an app name`);
    if (typeof url !== 'string') throw new Error(`WEB_REMOTES: the address of ${name} must be a string`);
    if (url !== '' && !/^(https?:\/\/|\/)/.test(url)) throw new Error(`WEB_REMOTES: the address of ${name} must start with http://, https:// or /`);
    out[name] = url;
  }
  return out;
}

/** The manifest: every domain app at /web/<app>/remoteEntry.js unless overridden; extra apps may be added. */
export function buildManifest(overrides: Record<string, string>): { remotes: RemoteEntry[] } {
  const names = [...WEB_APPS, ...Object.keys(overrides).filter((n) => !WEB_APPS.includes(n))];
  const remotes: RemoteEntry[] = [];
  for (const name of names) {
    const entry = name in overrides ? overrides[name] : `/web/${name}/remoteEntry.js`;
    if (entry === '') continue;
    remotes.push({ name, scope: scopeOf(name), entry });
  }
  return { remotes };
}
