import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The explorer is a page of its own, not a remote of the shell: the API serves this build at /explorer
 * (and to browsers that open /graphql). Everything it loads — scripts, styles, fonts, Monaco's workers — is in
 * dist/, so it works on a network cut off from the internet. In development it passes GraphQL to the API.
 */
export default defineConfig({
  base: '/explorer/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 6000 },
  worker: { format: 'es' },
  server: { proxy: { '/graphql': process.env.KPD_API_URL ?? 'http://localhost:4000' } },
});
