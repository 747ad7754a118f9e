import path from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { kpdViteConfig, REMOTES, scopeOf } from '../../packages/web-kit/vite.ts';

/**
 * In development the shell's dev server answers the manifest itself with the remotes' dev servers,
 * and passes GraphQL and files through to the API (KPD_API_URL, default http://localhost:4000).
 */
function devManifest(): Plugin {
  return {
    name: 'kpd-dev-manifest',
    configureServer(server) {
      // Live reload across apps: an edit in a remote (served by its own dev server) reloads this page.
      const remoteSources = REMOTES.map((r) => path.resolve(import.meta.dirname, '..', r.name, 'src'));
      server.watcher.add(remoteSources);
      server.watcher.on('change', (file) => {
        if (remoteSources.some((dir) => file.startsWith(dir + path.sep))) server.ws.send({ type: 'full-reload', path: '*' });
      });
      server.middlewares.use('/api/web/manifest', (_req, res) => {
        const remotes = REMOTES.map((r) => ({ name: r.name, scope: scopeOf(r.name), entry: `http://localhost:${r.port}/remoteEntry.js` }));
        res.setHeader('content-type', 'application/json');
        res.setHeader('cache-control', 'no-store');
        res.end(JSON.stringify({ remotes }));
      });
    },
  };
}

export default defineConfig(({ command }) => {
  const config = kpdViteConfig({ app: 'shell', port: 5100, root: import.meta.dirname }, command);
  return { ...config, plugins: [devManifest(), ...(config.plugins ?? [])] };
});
