import { defineConfig } from 'vite';
import { kpdViteConfig } from '../../packages/web-kit/vite.ts';

export default defineConfig(({ command }) => kpdViteConfig({ app: 'service-items', port: 5105, root: import.meta.dirname }, command));
