import { defineConfig } from 'vite';
import { kpdViteConfig } from '../../packages/web-kit/vite.ts';

export default defineConfig(({ command }) => kpdViteConfig({ app: 'districts', port: 5101, root: import.meta.dirname }, command));
