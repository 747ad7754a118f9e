import { loadRemote, registerRemotes } from '@module-federation/runtime';
import type { ComponentType } from 'react';
import type { RemoteProps } from '@kpd/web-kit';

/** One domain app as the server lists it: GET /api/web/manifest. */
export interface RemoteEntry {
  name: string;
  scope: string;
  entry: string;
}

let manifest: Promise<RemoteEntry[]> | null = null;

/** The remotes' addresses, read once from the server at run time (never built into the shell). */
export function loadManifest(): Promise<RemoteEntry[]> {
  manifest ??= fetch('/api/web/manifest', { credentials: 'same-origin', cache: 'no-store' })
    .then(async (res) => {
      if (!res.ok) throw new Error(`manifest: HTTP ${res.status}`);
      const body = (await res.json()) as { remotes: RemoteEntry[] };
      return body.remotes;
    })
    .catch((e: unknown) => {
      manifest = null; // try again next time
      throw e;
    });
  return manifest;
}

// Keyed by remote and module; each entry is the component type its caller asked for.
const loaded = new Map<string, Promise<unknown>>();

/**
 * An exposed module of a remote (`./App`, or `./Public` for pages without sign-in). A failure is not
 * cached: retrying registers the remote again (force) so a remote that was down and came back loads
 * without reloading the page.
 */
export function loadRemoteModule<P>(name: string, module: 'App' | 'Public', retry = false): Promise<ComponentType<P>> {
  const key = `${name}/${module}`;
  const cached = loaded.get(key);
  if (cached && !retry) return cached as Promise<ComponentType<P>>;
  const promise = (async () => {
    const remotes = await loadManifest();
    const remote = remotes.find((r) => r.name === name);
    if (!remote) throw new Error(`no remote "${name}" in the manifest`);
    registerRemotes([{ name: remote.scope, entry: new URL(remote.entry, window.location.href).href, type: 'module' }], { force: retry });
    const mod = await loadRemote<{ default: ComponentType<P> }>(`${remote.scope}/${module}`);
    if (!mod?.default) throw new Error(`remote "${name}" exposes no ${module}`);
    return mod.default;
  })();
  loaded.set(key, promise);
  promise.catch(() => loaded.delete(key));
  return promise;
}

/** The exposed `./App` of a remote. */
export function loadRemoteApp(name: string, retry = false): Promise<ComponentType<RemoteProps>> {
  return loadRemoteModule<RemoteProps>(name, 'App', retry);
}
