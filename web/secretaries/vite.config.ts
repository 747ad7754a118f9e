import { defineConfig } from 'vite';
import { kpdViteConfig } from '../../packages/web-kit/vite.ts';

export default defineConfig(({ command }) => kpdViteConfig({ app: 'secretaries', port: 5103, root: import.meta.dirname }, command));
