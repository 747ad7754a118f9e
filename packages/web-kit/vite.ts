/**
 * The one build set-up of the admin's apps: React, Module Federation sharing react, react-dom, antd
 * and urql as singletons, and the address each app is served from.
 *
 * - the shell is the host, built to web/shell/dist and served at /;
 * - every domain app is a remote exposing `./App`, built to web/<app>/dist and served at /web/<app>/
 *   (`pnpm start`), or by its own dev server on its own port (`pnpm dev`).
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { generate } from '@graphql-codegen/cli';
import { federation } from '@module-federation/vite';
import react from '@vitejs/plugin-react';
import type { Plugin, UserConfig } from 'vite';
import apps from '../../web/apps.json';
import { codegenConfig, generatedDir, SCHEMA_FILE, TYPED_APPS } from './codegen';

export interface KpdApp {
  /** Folder name under web/: shell, districts, projects, … */
  app: string;
  /** Dev server port. */
  port: number;
  /** The app's folder (its vite.config's __dirname). */
  root: string;
}

/** Remote name for Module Federation: kpd_districts, kpd_service_items. */
export function scopeOf(app: string): string {
  return `kpd_${app.replace(/-/g, '_')}`;
}

/** The domain apps and their dev ports (web/apps.json); the shell's dev server serves these as its manifest. */
export const REMOTES: Array<{ name: string; port: number }> = apps.remotes.map((r) => ({ name: r.name, port: r.port }));

const SHARED = {
  react: '^19.0.0',
  'react-dom': '^19.0.0',
  antd: '^6.0.0',
  urql: '^5.0.0',
  dayjs: '^1.11.0',
  // The kit itself, so every app renders the same light badge, table and form helpers from one copy,
  // and its charts (ECharts) and maps (Leaflet) are shipped once, by the shell, loaded when first drawn.
  '@kpd/web-kit': '^0.1.0',
  '@kpd/web-kit/chart': '^0.1.0',
  '@kpd/web-kit/map': '^0.1.0',
};

/**
 * The host provides the singletons; a remote uses the host's copy and bundles none of its own
 * (`import: false`), which keeps the remotes small and their builds fast.
 */
function sharedFor(isShell: boolean) {
  return Object.fromEntries(
    Object.entries(SHARED).map(([name, requiredVersion]) => [name, isShell ? { singleton: true, requiredVersion } : { singleton: true, requiredVersion, import: false as const }]),
  );
}

/**
 * Writes the app's typed client (src/gql/) from its `graphql()` documents and the committed schema
 * before the build, and again when a source file or the schema changes under the dev server. An
 * operation that does not match the schema fails the build with the codegen's message.
 */
function typedClient(app: string): Plugin {
  const run = () => generate(codegenConfig([app], []), true);
  return {
    name: 'kpd-typed-client',
    async buildStart() {
      if (TYPED_APPS.includes(app)) await run();
    },
    configureServer(server) {
      if (!TYPED_APPS.includes(app)) return;
      const out = generatedDir(app);
      let timer: NodeJS.Timeout | undefined;
      server.watcher.add(SCHEMA_FILE);
      server.watcher.on('change', (file) => {
        if (file.startsWith(out) || !(file === SCHEMA_FILE || /\.(ts|tsx)$/.test(file))) return;
        clearTimeout(timer);
        timer = setTimeout(() => void run().catch((e: unknown) => server.config.logger.error(String(e))), 200);
      });
    },
  };
}

/** Text files worth compressing: smaller ones gain less than the header costs. */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map)$/;
const MIN_COMPRESSIBLE_BYTES = 1024;

/**
 * Writes `<file>.br` (brotli at its best level) and `<file>.gz` beside every text file of the build,
 * once, so the API serves them without compressing on each request (services/api core/web/static.ts
 * `precompressed`). A copy that is not smaller than its file is not written.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'kpd-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    writeBundle(_options, bundle) {
      for (const fileName of Object.keys(bundle)) {
        if (!COMPRESSIBLE.test(fileName)) continue;
        const file = path.join(outDir, fileName);
        if (!fs.existsSync(file)) continue;
        const raw = fs.readFileSync(file);
        if (raw.length < MIN_COMPRESSIBLE_BYTES) continue;
        const br = zlib.brotliCompressSync(raw, {
          params: { [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
        });
        const gz = zlib.gzipSync(raw, { level: zlib.constants.Z_BEST_COMPRESSION });
        if (br.length < raw.length) fs.writeFileSync(`${file}.br`, br);
        if (gz.length < raw.length) fs.writeFileSync(`${file}.gz`, gz);
      }
    },
  };
}

const API = process.env.KPD_API_URL ?? 'http://localhost:4000';

/** The app's public pages, `src/Public.tsx` or, once split into a folder, `src/Public/index.tsx`. */
function publicEntry(root: string): string | undefined {
  return ['src/Public.tsx', 'src/Public/index.tsx'].find((file) => fs.existsSync(path.join(root, file)));
}

export function kpdViteConfig({ app, port, root }: KpdApp, command: 'build' | 'serve'): UserConfig {
  const isShell = app === 'shell';
  const publicPages = publicEntry(root);
  const domainSrc = path.resolve(root, '../../packages/domain/src/index.ts');
  return {
    root,
    base: command === 'build' && !isShell ? `/web/${app}/` : '/',
    resolve: { alias: { '@kpd/domain': domainSrc } },
    define: {
      // Shown in the page footer: which build of the app is running (set KPD_BUILD_LABEL to mark one).
      __KPD_BUILD__: JSON.stringify(process.env.KPD_BUILD_LABEL ?? new Date().toISOString().slice(0, 16)),
    },
    plugins: [
      typedClient(app),
      react(),
      federation({
        name: scopeOf(app),
        filename: 'remoteEntry.js',
        // A remote with public pages (no sign-in) exposes them as ./Public beside its ./App.
        ...(isShell
          ? { remotes: {} }
          : { exposes: { './App': './src/App.tsx', ...(publicPages ? { './Public': `./${publicPages}` } : {}) } }),
        shared: sharedFor(isShell),
        dts: false,
        manifest: false,
      }),
      precompress(),
    ],
    server: {
      port,
      strictPort: true,
      origin: `http://localhost:${port}`,
      cors: true,
      proxy: isShell
        ? {
            '/graphql': { target: API, changeOrigin: false },
            '/api/files': { target: API, changeOrigin: false },
            '/api/web/config': { target: API, changeOrigin: false },
            '/api/dispatch': { target: API, changeOrigin: false },
            '/healthz': { target: API },
          }
        : undefined,
    },
    build: {
      target: 'esnext',
      outDir: process.env.KPD_OUT_DIR ? path.resolve(process.env.KPD_OUT_DIR) : path.join(root, 'dist'),
      emptyOutDir: true,
      reportCompressedSize: false,
      chunkSizeWarningLimit: 4000,
    },
    logLevel: process.env.KPD_VITE_QUIET ? 'warn' : 'info',
  };
}
